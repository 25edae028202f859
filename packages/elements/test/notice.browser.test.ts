import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/notice/notice.js';
import type { RspNotice } from '../src/notice/notice.component.js';
import type { NoticeVariant } from '../src/notice/notice.events.js';

const part = (el: RspNotice, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`) ?? null;
const spoken = (el: RspNotice) => part(el, 'base')?.textContent.replace(/\s+/g, ' ').trim();

describe('<rsp-notice>', () => {
  const variants: [NoticeVariant, 'status' | 'alert', string][] = [
    ['info', 'status', 'Information\u00a0:'],
    ['success', 'status', 'Succès\u00a0:'],
    ['warning', 'alert', 'Attention\u00a0:'],
    ['error', 'alert', 'Erreur\u00a0:'],
  ];
  for (const [variant, role, prefix] of variants) {
    it(`${variant}: role ${role}, its kind spoken before the message, accessible`, async () => {
      const el = await fixture<RspNotice>(html`<rsp-notice lang="fr" variant=${variant}>Le serveur ne répond pas.</rsp-notice>`);
      expect(part(el, 'base')?.getAttribute('role')).to.equal(role);
      expect(part(el, 'base')?.textContent).to.contain(prefix);
      expect(part(el, 'icon')?.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  }

  it('shows an unknown variant as information rather than nothing', async () => {
    const el = await fixture<RspNotice>(html`<rsp-notice variant="bogus">Texte</rsp-notice>`);
    expect(part(el, 'base')?.getAttribute('role')).to.equal('status');
    expect(spoken(el)).to.contain('Information');
  });

  it('renders a hostile heading as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">Titre';
    const el = await fixture<RspNotice>(html`<rsp-notice heading=${hostile}>Texte</rsp-notice>`);
    expect(part(el, 'heading')?.textContent).to.contain(hostile);
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    await aTimeout(10);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('has no buttons unless asked', async () => {
    const el = await fixture<RspNotice>(html`<rsp-notice>Texte</rsp-notice>`);
    expect(el.shadowRoot?.querySelectorAll('button')).to.have.length(0);
  });

  it('fires rsp-notice-action from the action button, reachable with the keyboard', async () => {
    const el = await fixture<RspNotice>(html`<rsp-notice variant="error" action-label="Réessayer">Échec de l’envoi.</rsp-notice>`);
    const before = document.createElement('button');
    before.textContent = 'avant';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement).to.equal(part(el, 'action'));
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'rsp-notice-action');
    expect(event.detail).to.deep.equal({ variant: 'error' });
    expect(event.composed).to.equal(true);
    before.remove();
  });

  it('closes with the keyboard, with a labelled close button, unless the page cancels', async () => {
    const el = await fixture<RspNotice>(html`<rsp-notice dismissible>Enregistré.</rsp-notice>`);
    const close = part(el, 'close') as HTMLButtonElement;
    expect(close.getAttribute('aria-label')).to.equal('Fermer le message');
    await expect(el).to.be.accessible();

    const keep = (e: Event) => { e.preventDefault(); };
    el.addEventListener('rsp-notice-dismiss', keep);
    close.focus();
    await sendKeys({ press: 'Space' });
    expect(el.hidden).to.equal(false);

    el.removeEventListener('rsp-notice-dismiss', keep);
    close.focus();
    await sendKeys({ press: 'Enter' });
    expect(el.hidden).to.equal(true);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('speaks English when the page or the element says so', async () => {
    const el = await fixture<RspNotice>(html`<rsp-notice lang="en" variant="warning" dismissible heading="Offline">Saved on this computer.</rsp-notice>`);
    expect(part(el, 'heading')?.textContent).to.contain('Warning:');
    expect(part(el, 'close')?.getAttribute('aria-label')).to.equal('Close the message');
    await expect(el).to.be.accessible();
    el.lang = 'fr';
    await aTimeout(0);
    await el.updateComplete;
    expect(part(el, 'close')?.getAttribute('aria-label')).to.equal('Fermer le message');
  });

  it('is accessible with a heading, an action and a close button together', async () => {
    const el = await fixture<RspNotice>(html`
      <rsp-notice variant="success" heading="Rendez-vous confirmé" action-label="Ajouter à mon agenda" dismissible>
        Mardi 3 mars à 9 h 30, France Services de Gourdon.
      </rsp-notice>
    `);
    await expect(el).to.be.accessible();
  });
});
