import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isLocale, matchLocale, parseAcceptLanguage, resolveLocale } from '../src/locale.js';

describe('resolveLocale', () => {
  it('defaults to French when nothing is given or nothing matches', () => {
    assert.equal(resolveLocale(undefined), 'fr');
    assert.equal(resolveLocale(''), 'fr');
    assert.equal(resolveLocale(['de-DE', 'it', null]), 'fr');
  });

  it('reads the language part of regional tags, whatever the case or separator', () => {
    assert.equal(resolveLocale('en-GB'), 'en');
    assert.equal(resolveLocale('EN_us'), 'en');
    assert.equal(resolveLocale('fr-CA'), 'fr');
    assert.equal(resolveLocale('en-Latn-US'), 'en');
  });

  it('takes the first supported tag of a preference list', () => {
    assert.equal(resolveLocale(['', 'de', 'en', 'fr']), 'en');
    assert.equal(resolveLocale([undefined, 'fr-FR', 'en']), 'fr');
  });

  it('does not take a mere prefix for a language', () => {
    assert.equal(matchLocale('f'), undefined);
    assert.equal(matchLocale('eng'), undefined);
    assert.equal(matchLocale('french'), undefined);
  });
});

describe('isLocale', () => {
  it('accepts only the supported locale codes', () => {
    assert.ok(isLocale('fr'));
    assert.ok(isLocale('en'));
    assert.ok(!isLocale('FR'));
    assert.ok(!isLocale('de'));
    assert.ok(!isLocale(1));
  });
});

describe('parseAcceptLanguage', () => {
  it('orders tags by quality, then by position', () => {
    assert.deepEqual(parseAcceptLanguage('en-GB;q=0.8, fr;q=0.9, de'), ['de', 'fr', 'en-GB']);
    assert.deepEqual(parseAcceptLanguage('fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7'), ['fr-FR', 'fr', 'en-US', 'en']);
  });

  it('drops refused (q=0) and malformed entries', () => {
    assert.deepEqual(parseAcceptLanguage('fr;q=0, en;q=0.5, <script>, de;q=2'), ['en']);
    assert.deepEqual(parseAcceptLanguage(''), []);
    assert.deepEqual(parseAcceptLanguage(null), []);
  });

  it('feeds resolveLocale for a server answering in the visitor language', () => {
    assert.equal(resolveLocale(parseAcceptLanguage('de-DE, en;q=0.8, fr;q=0.5')), 'en');
    assert.equal(resolveLocale(parseAcceptLanguage('*')), 'fr');
  });
});
