import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocaleController, defineMessages, languageOf } from '../src/i18n.js';

const messages = defineMessages({
  fr: { hello: 'Bonjour', sites: (n: number) => (n <= 1 ? `${n} site` : `${n} sites`) },
  en: { hello: 'Hello', sites: (n: number) => (n === 1 ? '1 site' : `${n} sites`) },
});

class Greeter extends LitElement {
  readonly i18n = new LocaleController(this, messages);
  override render() {
    return html`<p>${this.i18n.t('hello')} — ${this.i18n.t('sites', 0)} — ${this.i18n.formatNumber(1234.5)}</p>`;
  }
}
customElements.define('rsp-test-greeter', Greeter);

/** A host that puts a greeter inside its own shadow root. */
class Shell extends LitElement {
  override render() {
    return html`<rsp-test-greeter></rsp-test-greeter>`;
  }
}
customElements.define('rsp-test-shell', Shell);
declare global {
  interface HTMLElementTagNameMap {
    'rsp-test-greeter': Greeter;
    'rsp-test-shell': Shell;
  }
}

const text = (el: Greeter) => el.shadowRoot?.textContent.replace(/\s+/g, ' ').trim();

describe('languageOf and LocaleController', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLang);
  });

  it('speaks French by default, with French number formatting', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture<Greeter>(html`<rsp-test-greeter></rsp-test-greeter>`);
    expect(el.i18n.locale).to.equal('fr');
    // French groups thousands with a (narrow) no-break space and uses a decimal comma.
    expect(el.i18n.formatNumber(1234.5)).to.match(/^1[\u00a0\u202f]234,5$/);
    expect(text(el)).to.equal('Bonjour — 0 site — 1 234,5');
  });

  it('follows the page language, and French for a language it does not speak', async () => {
    document.documentElement.setAttribute('lang', 'en-GB');
    const el = await fixture<Greeter>(html`<rsp-test-greeter></rsp-test-greeter>`);
    expect(text(el)).to.equal('Hello — 0 sites — 1,234.5');
    document.documentElement.setAttribute('lang', 'de');
    await aTimeout(0);
    await el.updateComplete;
    expect(el.i18n.locale).to.equal('fr');
  });

  it('prefers its own lang attribute, then the closest ancestor, and re-renders when it changes', async () => {
    document.documentElement.setAttribute('lang', 'fr');
    const wrapper = await fixture<HTMLElement>(html`<section lang="en"><rsp-test-greeter></rsp-test-greeter></section>`);
    const el = wrapper.querySelector('rsp-test-greeter')!;
    expect(el.i18n.locale).to.equal('en');
    el.setAttribute('lang', 'fr');
    await aTimeout(0);
    await el.updateComplete;
    expect(text(el)).to.contain('Bonjour');
    el.removeAttribute('lang');
    await aTimeout(0);
    await el.updateComplete;
    expect(text(el)).to.contain('Hello');
  });

  it('ignores an empty lang and looks further up', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><p lang=""><rsp-test-greeter></rsp-test-greeter></p></div>`);
    expect(languageOf(wrapper.querySelector('rsp-test-greeter')!)).to.equal('en');
  });

  it('crosses shadow roots to find the language of the host page', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><rsp-test-shell></rsp-test-shell></div>`);
    const shell = wrapper.querySelector('rsp-test-shell')!;
    await shell.updateComplete;
    const inner = shell.shadowRoot!.querySelector('rsp-test-greeter')!;
    await inner.updateComplete;
    expect(text(inner)).to.contain('Hello');
  });

  it('formats dates in Europe/Paris time', async () => {
    const el = await fixture<Greeter>(html`<rsp-test-greeter lang="fr"></rsp-test-greeter>`);
    // 2026-03-29 00:30 UTC is 01:30 in Paris, before the clocks go forward at 02:00.
    expect(el.i18n.formatDate(Date.UTC(2026, 2, 29, 0, 30), { hour: '2-digit', minute: '2-digit' })).to.equal('01:30');
    expect(el.i18n.formatDate(Date.UTC(2026, 2, 29, 1, 30), { hour: '2-digit', minute: '2-digit' })).to.equal('03:30');
  });
});
