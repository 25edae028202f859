import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createPlaceSearch, normalizePlaceName } from '../src/geo/index.js';
import type { PlaceSite } from '../src/geo/index.js';

const sites = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'geo', 'places.json'), 'utf8')) as PlaceSite[];
const places = createPlaceSearch(sites);
const labels = (query: string, limit = 8) => places.search(query, { limit }).map((s) => s.label);

describe('normalizePlaceName', () => {
  it('drops accents, case and punctuation and spells out saint/sainte', () => {
    assert.equal(normalizePlaceName('Saint-Agrève'), 'saint agreve');
    assert.equal(normalizePlaceName('  ST   AGREVE '), 'saint agreve');
    assert.equal(normalizePlaceName('Ste-Foy-la-Grande'), 'sainte foy la grande');
    assert.equal(normalizePlaceName("L'Haÿ-les-Roses"), 'l hay les roses');
    assert.equal(normalizePlaceName('Œuilly'), 'oeuilly');
  });
});

describe('createPlaceSearch', () => {
  it('finds a commune whatever the accents, case and abbreviation ("st agreve" → Saint-Agrève)', () => {
    const [first] = places.search('st agreve');
    assert.equal(first?.kind, 'commune');
    assert.equal(first.label, 'Saint-Agrève (07)');
    assert.equal(first.match, 'exact');
    assert.deepEqual(first.siteIds, ['fs-07-st-agreve']);
    assert.equal(places.search('SAINT-AGRÈVE')[0]?.label, 'Saint-Agrève (07)');
  });

  it('completes a prefix ("Vernoux" → Vernoux-en-Vivarais) and a later word ("agreve")', () => {
    const [vernoux] = places.search('Vernoux');
    assert.equal(vernoux?.label, 'Vernoux-en-Vivarais (07)');
    assert.equal(vernoux.match, 'prefix');
    const [agreve] = places.search('agrève');
    assert.equal(agreve?.label, 'Saint-Agrève (07)');
    assert.equal(agreve.match, 'word');
  });

  it('tolerates a typo ("gourdn" → Gourdon first, it has more sites than Gourdan-Polignan)', () => {
    const found = places.search('gourdn', { kinds: ['commune'] });
    assert.deepEqual(found.map((s) => s.label), ['Gourdon (46)', 'Gourdan-Polignan (31)']);
    assert.equal(found[0]?.match, 'typo');
    assert.equal(found[0].score, 0.4);
    assert.deepEqual(places.search('xyzt'), []);
  });

  it('tolerates swapped letters and two typos in longer names', () => {
    assert.equal(places.search('vernuox')[0]?.label, 'Vernoux-en-Vivarais (07)');
    const [pap] = places.search('pointe a piter');
    assert.equal(pap?.label, 'Pointe-à-Pitre (971)');
    assert.equal(pap.match, 'typo');
    assert.equal(places.search('mamouzdouu')[0]?.label, 'Mamoudzou (976)');
    assert.equal(places.search('mamouzdouu')[0]?.score, 0.3);
  });

  it('does not guess on short queries: no typo under 4 characters', () => {
    assert.deepEqual(places.search('gox'), []);
  });

  it('lists every postcode starting with the digits typed, the one with more sites first', () => {
    const found = places.search('463');
    assert.deepEqual(found.map((s) => s.label), ['46300 Gourdon, Le Vigan', '46340 Salviac']);
    assert.deepEqual(found[0]?.siteIds, ['rsp-46-gourdon-mairie', 'rsp-46-gourdon-cyber', 'rsp-46-le-vigan']);
    assert.equal(places.search('46 300')[0]?.match, 'exact');
  });

  it('gives the centroid of the commune’s sites as its point', () => {
    const gourdon = places.search('gourdon', { kinds: ['commune'] })[0];
    assert.ok(gourdon?.point);
    assert.ok(Math.abs(gourdon.point.lat - 44.7392) < 1e-9);
    assert.ok(Math.abs(gourdon.point.lon - 1.381) < 1e-9);
  });

  it('keeps a commune whose sites have no coordinates, without a point', () => {
    const cahors = places.search('cahors', { kinds: ['commune'] })[0];
    assert.equal(cahors?.label, 'Cahors (46)');
    assert.equal(cahors.point, undefined);
  });

  it('ranks exact before prefix, then by number of sites, then alphabetically', () => {
    assert.deepEqual(labels('saint denis').slice(0, 3), ['Saint-Denis (974)', 'Saint-Denis (93)', 'Saint-Denis-de-Vence (06)']);
    const scores = places.search('saint denis').map((s) => s.score);
    assert.deepEqual([...scores].sort((a, b) => b - a), scores);
  });

  it('treats apostrophes and hyphens as spaces and finds overseas and Corsican communes', () => {
    assert.equal(labels('l hay')[0], "L'Haÿ-les-Roses (94)");
    assert.equal(labels('pointe a pitre')[0], 'Pointe-à-Pitre (971)');
    assert.equal(labels('ajacio')[0], 'Ajaccio (20)');
    assert.equal(labels('ste foy')[0], 'Sainte-Foy-la-Grande (33)');
  });

  it('finds sites by name, with the commune in the label', () => {
    const [site] = places.search('mediatheque');
    assert.equal(site?.kind, 'site');
    assert.equal(site.label, 'Médiathèque de Souillac, Souillac');
    assert.deepEqual(site.point, { lat: 44.897, lon: 1.476 });
  });

  it('honours limit and kinds, and answers nothing to an empty query', () => {
    assert.equal(places.search('saint', { limit: 2 }).length, 2);
    assert.ok(places.search('france services', { kinds: ['site'] }).every((s) => s.kind === 'site'));
    assert.deepEqual(places.search('   '), []);
    assert.deepEqual(places.search('-'), []);
  });

  it('ranks the same whatever the order of the sites', () => {
    const reversed = createPlaceSearch([...sites].reverse());
    for (const q of ['saint', 'gour', '46', 'france services', 'st denis']) {
      assert.deepEqual(reversed.search(q).map((s) => s.label), labels(q), q);
    }
  });
});
