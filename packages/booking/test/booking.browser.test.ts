/**
 * <rsp-booking> against the REAL reference server (packages/server, PGlite in
 * memory, a small Lot network; see ./support/server.mjs), started by the test
 * runner: every slot, booking, 409 and replay below is the server's own.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Site } from '@rsp/core/schemas.js';
import '../src/booking/booking.js';
import type { RspBooking } from '../src/booking/booking.component.js';
import type { BookingStep } from '../src/booking/booking.events.js';
import { server } from './support/commands.js';
import type { LoggedBooking } from './support/commands.js';

let api = '';

const root = (el: RspBooking) => el.shadowRoot!;
const part = (el: RspBooking, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: RspBooking, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
// Collapses spaces and line breaks but keeps the no-break spaces of French typography.
const text = (node: Element | null | undefined) => node?.textContent.replace(/[ \t\r\n]+/g, ' ').trim() ?? '';
/** The summary's rows, `term: value`. */
const rows = (el: RspBooking) => [...(part(el, 'summary')?.querySelectorAll('div') ?? [])].map((row) => `${text(row.querySelector('dt'))}: ${text(row.querySelector('dd'))}`);
/** What a screen reader says of a calendar day. */
const dayLabel = (el: RspBooking, date: string) => text(root(el).querySelector(`[data-date="${date}"] .visually-hidden`));
const stepOf = (el: RspBooking) => part(el, 'base')?.dataset.step;
const active = (el: RspBooking) => root(el).activeElement as HTMLElement | null;
const next = <K extends keyof GlobalEventHandlersEventMap>(el: EventTarget, type: K) => oneEvent<GlobalEventHandlersEventMap[K]>(el, type);

/** Waits until the widget shows `step` and has nothing loading. */
async function at(el: RspBooking, step: BookingStep): Promise<void> {
  await waitUntil(() => stepOf(el) === step && part(el, 'base')?.getAttribute('aria-busy') === 'false', `never reached the ${step} step (at ${String(stepOf(el))})`, { timeout: 8000 });
  await el.updateComplete;
}

async function click(el: RspBooking, selector: string): Promise<void> {
  const target = root(el).querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`nothing matches ${selector} at the ${String(stepOf(el))} step`);
  target.click();
  await el.updateComplete;
}

async function radio(el: RspBooking, name: string, value: string): Promise<void> {
  await waitUntil(() => root(el).querySelector(`input[name="${name}"][value="${value}"]`), `no ${name} ${value}`, { timeout: 8000 });
  await click(el, `input[name="${name}"][value="${value}"]`);
}

function type(el: RspBooking, name: string, value: string): void {
  const input = root(el).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

const person = { name: 'Camille Martin', phone: '05 65 10 20 30' };

/** From a widget preset on Gramat, CAF, RSA: visio, then the time step. */
async function toTime(el: RspBooking): Promise<void> {
  await at(el, 'subject');
  await click(el, '[part="primary"]');
  await at(el, 'channel');
  await radio(el, 'channel', 'visio');
  await click(el, '[part="primary"]');
  await at(el, 'time');
}

async function toSummary(el: RspBooking, slotIndex = 0, who = person): Promise<string> {
  await toTime(el);
  const slot = parts(el, 'slot')[slotIndex]!;
  const start = slot.dataset.start!;
  slot.click();
  await at(el, 'details');
  type(el, 'name', who.name);
  type(el, 'phone', who.phone);
  await click(el, '[part="primary"]');
  await at(el, 'summary');
  return start;
}

const preset = () => html`<rsp-booking api-base=${api} site-id="lot-gramat" agency="caf" motif="caf-rsa"></rsp-booking>`;

describe('<rsp-booking> against the reference server', function () {
  this.timeout(30_000);

  before(async () => {
    api = await server.url();
  });
  beforeEach(async () => {
    await server.reset();
  });

  it('goes through the whole flow, each step accessible, and confirms with the .ics file and the manage link', async () => {
    const el = await fixture<RspBooking>(html`<rsp-booking api-base=${api}></rsp-booking>`);
    await at(el, 'subject');
    expect(text(part(el, 'heading'))).to.equal('Pour quelle démarche\u00a0?');
    expect(text(part(el, 'progress'))).to.equal('Étape 1 sur 6');
    await expect(el).to.be.accessible();
    // Nothing chosen: said in words, no move.
    await click(el, '[part="primary"]');
    expect(stepOf(el)).to.equal('subject');
    expect(text(root(el).querySelector('[role="alert"]'))).to.equal('Choisissez une réponse avant de continuer.');
    // A partner one cannot book with (no motif, the prefecture) is not offered.
    const offered = [...root(el).querySelectorAll<HTMLInputElement>('input[name="agency"]')].map((i) => i.value);
    expect(offered).to.include('caf');
    expect(offered).not.to.include('prefecture-46');
    await radio(el, 'agency', 'caf');
    await radio(el, 'motif', 'caf-rsa');
    expect(text(root(el).querySelector('input[value="caf-rsa"]')?.parentElement)).to.equal('Demande de RSA (30\u00a0min)');
    await click(el, '[part="primary"]');

    await at(el, 'channel');
    expect(parts(el, 'option').map(text)).to.deep.equal(['Sur place, au lieu d’accueil', 'En visio-guichet, depuis le lieu d’accueil', 'Par téléphone']);
    await expect(el).to.be.accessible();
    await radio(el, 'channel', 'visio');
    await click(el, '[part="primary"]');

    await at(el, 'place');
    // Only Gramat has a visio station among the CAF's sites.
    expect(parts(el, 'option').map(text)).to.deep.equal(['Relais Services Publics de Gramat — Gramat']);
    await expect(el).to.be.accessible();
    await radio(el, 'place', 'lot-gramat');
    await click(el, '[part="primary"]');

    await at(el, 'time');
    expect(text(root(el).querySelector('.muted'))).to.equal('Heures de Paris (Europe/Paris).');
    const first = parts(el, 'slot')[0]!;
    // The server's clock is Tuesday 1 December 2026, 08:00: the first visio slot is at 09:00 that day.
    expect(first.dataset.start).to.equal('2026-12-01T09:00:00+01:00');
    expect(text(first)).to.equal('mardi 1 décembre 09:00, heure de Paris');
    expect(text(part(el, 'month'))).to.equal('décembre 2026');
    const today = root(el).querySelector<HTMLButtonElement>('[data-date="2026-12-01"]')!;
    expect(dayLabel(el, '2026-12-01')).to.equal('mardi 1 décembre 2026, 6 créneaux libres');
    expect(today.tabIndex).to.equal(0);
    expect(dayLabel(el, '2026-12-06')).to.equal('dimanche 6 décembre 2026, aucun créneau');
    expect(dayLabel(el, '2026-12-25')).to.equal('vendredi 25 décembre 2026, jour férié');
    await expect(el).to.be.accessible();
    first.click();

    await at(el, 'details');
    await expect(el).to.be.accessible();
    expect(text(part(el, 'privacy'))).to.match(/uniquement à organiser ce rendez-vous/);
    // Nothing typed: plain words next to each field.
    await click(el, '[part="primary"]');
    expect(stepOf(el)).to.equal('details');
    expect(text(root(el).querySelector('#name-error'))).to.equal('⚠ Le nom est obligatoire.'.slice(2));
    expect(text(root(el).querySelector('#phone-error'))).to.equal('Un numéro de téléphone ou une adresse e-mail est nécessaire pour la confirmation.');
    expect(root(el).querySelector('#name-input')!.getAttribute('aria-describedby')).to.equal('name-error');
    expect(active(el)?.id).to.equal('name-input');
    await expect(el).to.be.accessible();
    type(el, 'name', 'Camille Martin');
    type(el, 'phone', 'pas un numéro');
    await click(el, '[part="primary"]');
    expect(text(root(el).querySelector('#phone-error'))).to.match(/^Le téléphone doit être un numéro de téléphone, par exemple 05 65 00 00 00 \(reçu «.pas un numéro.»\)\.$/);
    type(el, 'phone', '05 65 10 20 30');
    await click(el, '[part="primary"]');

    await at(el, 'summary');
    expect(parts(el, 'summary')[0]!.querySelectorAll('div').length).to.equal(6);
    expect(rows(el)).to.include('Quand: mardi 1 décembre 2026 à 09:00, heure de Paris');
    expect(rows(el)).to.include('Où: Relais Services Publics de Gramat, 10 place de la République 46500 Gramat');
    await expect(el).to.be.accessible();
    const confirmed = next(el, 'rsp-booking-confirm');
    await click(el, '[part="primary"]');
    const { detail } = await confirmed;
    await at(el, 'done');
    await expect(el).to.be.accessible();

    expect(detail.booking.start).to.equal('2026-12-01T09:00:00+01:00');
    expect(detail.booking.person).to.deep.equal({ name: 'Camille Martin', phone: '05 65 10 20 30' });
    expect(detail.token).to.match(/^[A-Za-z0-9_-]{16,}$/);
    const ics = part(el, 'ics-link') as HTMLAnchorElement;
    expect(ics.href).to.equal(detail.icsUrl);
    const calendar = await fetch(ics.href);
    expect(calendar.headers.get('content-type')).to.match(/^text\/calendar/);
    expect(await calendar.text()).to.match(/^BEGIN:VCALENDAR[\s\S]*DTSTART:20261201T080000Z[\s\S]*END:VCALENDAR/);
    const manage = part(el, 'manage-link') as HTMLAnchorElement;
    expect(new URL(manage.href).searchParams.get('rdv')).to.equal(detail.token);
    expect(manage.href).to.equal(detail.manageUrl);
    expect(await server.count()).to.deep.equal({ total: 1, confirmed: 1, cancelled: 0 });
  });

  it('can be used with the keyboard only, calendar included', async () => {
    const el = await fixture<RspBooking>(preset());
    await at(el, 'subject');
    /** Presses Tab until the focused element (inside the widget) matches. */
    async function tabTo(match: (node: HTMLElement) => boolean, what: string): Promise<void> {
      for (let i = 0; i < 40; i++) {
        const node = active(el);
        if (node && match(node)) return;
        await sendKeys({ press: 'Tab' });
      }
      throw new Error(`Tab never reached ${what}`);
    }
    const primary = (node: HTMLElement) => node.getAttribute('part') === 'primary';
    await tabTo(primary, 'Continuer');
    await sendKeys({ press: 'Enter' });
    await at(el, 'channel');
    expect(active(el)?.getAttribute('part')).to.equal('heading');
    await tabTo((n) => n.getAttribute('name') === 'channel', 'the channels');
    await sendKeys({ press: 'ArrowDown' });
    expect((active(el) as HTMLInputElement).value).to.equal('visio');
    await tabTo(primary, 'Continuer');
    await sendKeys({ press: 'Enter' });
    await at(el, 'time');

    await tabTo((n) => n.dataset.date !== undefined, 'the calendar');
    const focused = () => active(el)?.dataset.date;
    expect(focused()).to.equal('2026-12-01');
    const moves: [string, string][] = [
      ['ArrowRight', '2026-12-02'],
      ['ArrowDown', '2026-12-09'],
      ['ArrowUp', '2026-12-02'],
      ['ArrowLeft', '2026-12-01'],
      ['End', '2026-12-06'],
      ['Home', '2026-11-30'],
      ['PageDown', '2026-12-30'],
      ['PageUp', '2026-11-30'],
      ['ArrowRight', '2026-12-01'],
    ];
    for (const [key, date] of moves) {
      await sendKeys({ press: key });
      await el.updateComplete;
      await waitUntil(() => focused() === date, `${key} should focus ${date}, focus is on ${String(focused())}`, { timeout: 4000 });
      await at(el, 'time');
    }
    expect(text(part(el, 'month'))).to.equal('décembre 2026');
    expect(active(el)?.getAttribute('aria-describedby')).to.equal('calendar-help');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)?.getAttribute('aria-pressed')).to.equal('true');
    expect(text(root(el).querySelector('#times-title'))).to.equal('Créneaux du mardi 1 décembre 2026');
    await tabTo((n) => n.getAttribute('part') === 'slot' && n.closest('[part="times"]') !== null, 'a time');
    const start = active(el)!.dataset.start;
    await sendKeys({ press: 'Enter' });
    await at(el, 'details');
    await tabTo((n) => n.id === 'name-input', 'the name');
    await sendKeys({ type: 'Dominique Lefèvre' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '06 11 22 33 44' });
    await sendKeys({ press: 'Enter' });
    await at(el, 'summary');
    const confirmed = next(el, 'rsp-booking-confirm');
    await tabTo(primary, 'Confirmer');
    expect(text(active(el))).to.equal('Confirmer le rendez-vous');
    await sendKeys({ press: 'Enter' });
    const { detail } = await confirmed;
    expect(detail.booking.start).to.equal(start);
    expect(detail.booking.person.name).to.equal('Dominique Lefèvre');
    await at(el, 'done');
    expect(active(el)?.getAttribute('part')).to.equal('heading');
  });

  it('lets exactly one of two people racing for the same slot book it; the other sees fresh slots and keeps what they typed', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>${preset()}${preset()}</div>`);
    const [a, b] = [...wrapper.querySelectorAll('rsp-booking')] as [RspBooking, RspBooking];
    const startA = await toSummary(a, 0, { name: 'Alix Première', phone: '05 65 00 00 01' });
    const startB = await toSummary(b, 0, { name: 'Bastien Second', phone: '05 65 00 00 02' });
    expect(startA).to.equal(startB);
    const events: string[] = [];
    wrapper.addEventListener('rsp-booking-confirm', (event) => events.push((event.target as RspBooking) === a ? 'a' : 'b'));
    // The proxy holds the two POSTs until both have arrived, then sends them to the server together.
    await server.fault({ barrier: 2 });
    const began = performance.now();
    // Both "Confirm" buttons pressed in the same task: two concurrent POSTs of the same slot.
    root(a).querySelector<HTMLElement>('[part="primary"]')!.click();
    root(b).querySelector<HTMLElement>('[part="primary"]')!.click();
    await waitUntil(() => [a, b].every((el) => ['done', 'time'].includes(stepOf(el) ?? '') && part(el, 'base')?.getAttribute('aria-busy') === 'false'), 'the race did not settle', {
      timeout: 10_000,
    });
    const elapsed = performance.now() - began;
    const winner = stepOf(a) === 'done' ? a : b;
    const loser = winner === a ? b : a;
    expect(stepOf(winner)).to.equal('done');
    expect(stepOf(loser)).to.equal('time');
    expect(events).to.have.length(1);
    expect(text(root(loser).querySelector('rsp-notice'))).to.equal(
      'Ce créneau vient d’être réservé par quelqu’un d’autre. Voici les créneaux encore libres\u00a0; vos coordonnées sont gardées.',
    );
    // Fresh slots: the taken one is gone.
    const fresh = parts(loser, 'slot').map((s) => s.dataset.start);
    expect(fresh).not.to.include(startA);
    expect(fresh[0]).to.equal('2026-12-01T09:30:00+01:00');
    await expect(loser).to.be.accessible();
    // What the loser typed is kept.
    parts(loser, 'slot')[0]!.click();
    await at(loser, 'details');
    expect(root(loser).querySelector<HTMLInputElement>('input[name="name"]')!.value).to.equal(loser === a ? 'Alix Première' : 'Bastien Second');
    const log = await server.log();
    expect(log.map((e) => e.status).sort()).to.deep.equal([201, 409]);
    // Both requests were at the server at once.
    const [early, late] = [...log].sort((x, y) => x.sent - y.sent) as [LoggedBooking, LoggedBooking];
    expect(late.sent, 'the two POSTs did not overlap').to.be.below(early.sent + early.ms);
    expect(await server.count()).to.deep.equal({ total: 1, confirmed: 1, cancelled: 0 });
    console.log(
      `race: two elements, same slot ${startA}: ${log.map((e) => `${String(e.status)} in ${String(e.ms)} ms`).join(', ')} (sent to the server ${String(late.sent - early.sent)} ms apart); both settled in ${elapsed.toFixed(0)} ms; 1 booking stored`,
    );
  });

  it('says the service is unreachable, and a retried confirmation never books twice (same idempotency key)', async () => {
    const el = await fixture<RspBooking>(preset());
    const start = await toSummary(el);
    // The server books, but the page never gets the answer: not to the first try, not to the browser's own
    // resend of a POST on a reused connection, not to the client's 2 automatic retries.
    await server.fault({ dropBookings: 100 });
    await click(el, '[part="primary"]');
    await waitUntil(() => root(el).querySelector('rsp-notice[variant="error"]'), 'no error shown', { timeout: 10_000 });
    await at(el, 'summary');
    const notice = root(el).querySelector('rsp-notice')!;
    expect(text(notice)).to.equal('Le service de rendez-vous ne répond pas. Vérifiez votre connexion puis réessayez\u00a0: votre rendez-vous ne sera pas réservé deux fois.');
    expect(notice.getAttribute('action-label')).to.equal('Réessayer');
    await expect(el).to.be.accessible();
    let log = await server.log();
    // The first attempt booked; every later one (the same key) got the stored answer again; none reached the page.
    expect(log.length).to.be.at.least(3);
    expect(log.map((e) => [e.status, e.replayed, e.delivered])).to.deep.equal(log.map((_, i) => [201, i > 0, false]));
    expect(new Set(log.map((e) => e.key)).size).to.equal(1);
    const attempts = log.length;
    expect(await server.count()).to.deep.equal({ total: 1, confirmed: 1, cancelled: 0 });

    await server.fault({ dropBookings: 0 });
    const confirmed = next(el, 'rsp-booking-confirm');
    notice.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!.click();
    const { detail } = await confirmed;
    await at(el, 'done');
    expect(detail.booking.start).to.equal(start);
    log = await server.log();
    expect(log).to.have.length(attempts + 1);
    expect(log[attempts]).to.include({ status: 201, replayed: true, delivered: true, key: log[0]!.key });
    expect(await server.count()).to.deep.equal({ total: 1, confirmed: 1, cancelled: 0 });
  });

  it('shows a retry when the server cannot be reached while loading, and loads once it is back', async () => {
    await server.fault({ down: true });
    const el = await fixture<RspBooking>(html`<rsp-booking api-base=${api} timeout="2000"></rsp-booking>`);
    await waitUntil(() => root(el).querySelector('rsp-notice[variant="error"]'), 'no error shown', { timeout: 10_000 });
    expect(text(root(el).querySelector('rsp-notice'))).to.match(/^Les informations n’ont pas pu être chargées/);
    await expect(el).to.be.accessible();
    await server.fault({ down: false });
    root(el).querySelector('rsp-notice')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!.click();
    await waitUntil(() => root(el).querySelector('input[name="agency"]'), 'the agencies did not load', { timeout: 8000 });
    expect(root(el).querySelector('rsp-notice')).to.equal(null);
  });

  it('opens the link of a booking to move it, then to cancel it', async () => {
    const maker = await fixture<RspBooking>(preset());
    await toSummary(maker);
    const made = next(maker, 'rsp-booking-confirm');
    await click(maker, '[part="primary"]');
    const { token, booking } = (await made).detail;

    const el = await fixture<RspBooking>(html`<rsp-booking api-base=${api} token=${token}></rsp-booking>`);
    await waitUntil(() => part(el, 'summary'), 'the booking did not load', { timeout: 8000 });
    await at(el, 'manage');
    expect(text(part(el, 'title'))).to.equal('Votre rendez-vous');
    expect(rows(el)).to.include('Quand: mardi 1 décembre 2026 à 09:00, heure de Paris');
    expect(rows(el)).to.include('Pour: Camille Martin · 05 65 10 20 30');
    await expect(el).to.be.accessible();
    await click(el, '[part="button"]');
    await at(el, 'time');
    const target = parts(el, 'slot')[2]!;
    const newStart = target.dataset.start!;
    target.click();
    await at(el, 'summary');
    expect(text(root(el).querySelector('[part="primary"]'))).to.equal('Confirmer le nouvel horaire');
    const moved = next(el, 'rsp-booking-reschedule');
    await click(el, '[part="primary"]');
    const movedDetail = (await moved).detail;
    await at(el, 'done');
    expect(text(part(el, 'heading'))).to.equal('Rendez-vous déplacé');
    expect(movedDetail.booking.id).to.equal(booking.id);
    expect(movedDetail.booking.start).to.equal(newStart);
    expect((await server.bookings()).map((b) => [b.start, b.status])).to.deep.equal([[newStart, 'confirmed']]);

    // The same link, read from the page's ?rdv= parameter this time.
    const before = location.href;
    history.replaceState(null, '', `?rdv=${encodeURIComponent(token)}`);
    try {
      const again = await fixture<RspBooking>(html`<rsp-booking api-base=${api}></rsp-booking>`);
      await waitUntil(() => part(again, 'summary'), 'the booking did not load', { timeout: 8000 });
      await at(again, 'manage');
      await click(again, '[part="primary"]');
      expect(text(root(again).querySelector('[part="heading"] ~ p'))).to.equal('Voulez-vous vraiment annuler ce rendez-vous\u00a0?');
      await expect(again).to.be.accessible();
      const cancelled = next(again, 'rsp-booking-cancel');
      await click(again, '[part="primary"]');
      expect((await cancelled).detail.booking.status).to.equal('cancelled');
      await at(again, 'cancelled');
      await expect(again).to.be.accessible();
    } finally {
      history.replaceState(null, '', before);
    }
    expect(await server.count()).to.deep.equal({ total: 1, confirmed: 0, cancelled: 1 });
    // A broken link is said so.
    const broken = await fixture<RspBooking>(html`<rsp-booking api-base=${api} token="not-a-real-token-0000"></rsp-booking>`);
    await waitUntil(() => root(broken).querySelector('rsp-notice'), 'no message for a broken link', { timeout: 8000 });
    expect(text(root(broken).querySelector('rsp-notice'))).to.equal('Ce lien de rendez-vous n’est pas valable. Vérifiez qu’il est complet.');
  });

  it('shows the week the clocks change and keeps Paris times on both sides of it', async () => {
    await server.reset('2027-03-22T08:00:00+01:00');
    const el = await fixture<RspBooking>(preset());
    await toTime(el);
    expect(text(part(el, 'month'))).to.equal('mars 2027');
    expect(text(part(el, 'dst'))).to.equal('Le dimanche 28 mars 2027, passage à l’heure d’été\u00a0: les heures affichées restent celles de Paris.');
    await click(el, '[data-date="2027-03-26"]');
    expect(parts(el, 'times'), text(part(el, 'calendar'))).to.have.length(1);
    const before = parts(el, 'times')[0]!.querySelectorAll<HTMLElement>('[part="slot"]');
    expect([before[0]!.dataset.start, text(before[0]!.querySelector('.time'))]).to.deep.equal(['2027-03-26T09:00:00+01:00', '09:00']);
    // Easter Monday 2027 is the day after the change: a holiday, said so.
    expect(dayLabel(el, '2027-03-29')).to.equal('lundi 29 mars 2027, jour férié');
    await click(el, '[data-date="2027-03-30"]');
    const after = parts(el, 'times')[0]!.querySelectorAll<HTMLElement>('[part="slot"]');
    expect([after[0]!.dataset.start, text(after[0]!.querySelector('.time'))]).to.deep.equal(['2027-03-30T09:00:00+02:00', '09:00']);
    expect(text(after[after.length - 1]!.querySelector('.time'))).to.equal('11:30');
    await click(el, '[data-date="2027-03-28"]');
    expect(text(root(el).querySelector('#times-title + p'))).to.equal('Aucun créneau libre ce jour-là.');
    await expect(el).to.be.accessible();
  });

  it('offers no slot on 1 May and says it is a public holiday, while other Saturdays have slots', async () => {
    await server.reset('2027-04-20T08:00:00+02:00');
    const el = await fixture<RspBooking>(preset());
    await toTime(el);
    expect(text(part(el, 'month'))).to.equal('avril 2027');
    expect(root(el).querySelector('[data-date="2027-04-24"]')!.getAttribute('part')).to.equal('day day-free');
    await click(el, '[part="month-button"][aria-label="Mois suivant"]');
    await at(el, 'time');
    await waitUntil(() => dayLabel(el, '2027-05-15').includes('créneaux libres'), 'May did not load', { timeout: 8000 });
    const mayDay = root(el).querySelector<HTMLButtonElement>('[data-date="2027-05-01"]')!;
    expect(dayLabel(el, '2027-05-01')).to.equal('samedi 1 mai 2027, jour férié');
    expect(mayDay.getAttribute('aria-disabled')).to.equal('true');
    expect(mayDay.getAttribute('part')).to.equal('day day-holiday');
    expect(text(mayDay)).to.equal('1 férié samedi 1 mai 2027, jour férié');
    expect(dayLabel(el, '2027-05-15')).to.equal('samedi 15 mai 2027, 6 créneaux libres');
    mayDay.click();
    await el.updateComplete;
    expect(text(root(el).querySelector('#times-title + p'))).to.equal('Jour férié\u00a0: aucun rendez-vous ce jour-là.');
    await expect(el).to.be.accessible();
  });

  it('books for a person at the desk in mediator mode and shows the site’s agenda of the day', async () => {
    const token = await server.token('lot-gramat');
    const el = await fixture<RspBooking>(html`<rsp-booking api-base=${api} site-id="lot-gramat" agency="caf" motif="caf-rsa" .mediatorToken=${token}></rsp-booking>`);
    await at(el, 'subject');
    expect(text(part(el, 'mode'))).to.contain('Mode médiateur');
    await toSummary(el, 1, { name: 'Jeanne Vidal', phone: '05 65 99 88 77' });
    const made = next(el, 'rsp-booking-confirm');
    await click(el, '[part="primary"]');
    expect((await made).detail.booking.bookedBy).to.equal('mediator');
    await at(el, 'done');
    await click(el, '[part="mode"] button:last-of-type');
    await waitUntil(() => part(el, 'agenda'), `no agenda: ${text(part(el, 'base'))}`, { timeout: 8000 });
    await at(el, 'agenda');
    expect(text(part(el, 'heading'))).to.equal('Rendez-vous du mardi 1 décembre 2026');
    expect([...part(el, 'agenda')!.querySelectorAll('tbody tr')].map(text)).to.deep.equal(['09:30–10:00 Jeanne Vidal05 65 99 88 77 CAF en visio-guichet']);
    await expect(el).to.be.accessible();
    // The mediator token never reaches an attribute.
    expect(el.outerHTML).not.to.contain(token);
  });

  it('renders hostile names from the server as text', async () => {
    const el = await fixture<RspBooking>(html`<rsp-booking api-base=${api} site-id="lot-salviac"></rsp-booking>`);
    await at(el, 'subject');
    await radio(el, 'agency', 'hostile');
    await radio(el, 'motif', 'hostile-motif');
    const labels = parts(el, 'option').map(text);
    expect(labels).to.include('<img src=x onerror="window.__rspPwned=1"> Agence');
    expect(labels).to.include('<img src=x onerror="window.__rspPwned=1"><script>window.__rspPwned=1</script> Motif (30\u00a0min)');
    expect(root(el).querySelectorAll('img, script')).to.have.length(0);
    expect((window as { __rspPwned?: number }).__rspPwned).to.equal(undefined);
  });

  it('speaks English when asked', async () => {
    const el = await fixture<RspBooking>(html`<rsp-booking lang="en" api-base=${api} site-id="lot-gramat" agency="caf" motif="caf-rsa"></rsp-booking>`);
    await at(el, 'subject');
    expect(text(part(el, 'heading'))).to.equal('What is it about?');
    expect(text(root(el).querySelector('input[value="caf-rsa"]')?.parentElement)).to.equal('Applying for RSA (30 min)');
    await click(el, '[part="primary"]');
    await at(el, 'channel');
    await radio(el, 'channel', 'visio');
    await click(el, '[part="primary"]');
    await at(el, 'time');
    expect(text(root(el).querySelector('.muted'))).to.equal('Paris times (Europe/Paris).');
    expect(dayLabel(el, '2026-12-01')).to.equal('Tuesday, 1 December 2026, 6 free slots');
  });
});

describe('<rsp-booking> without an API', () => {
  const site = {
    schemaVersion: 1,
    id: 'lot-gramat',
    name: 'Relais Services Publics de Gramat',
    venueKind: 'cyber-base',
    address: { street: '10 place de la République', postcode: '46500', commune: 'Gramat' },
    openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00',
    phone: '05 65 38 00 00',
    equipment: {},
    mediatorIds: [],
    stops: [],
  } as Site;

  it('shows a read-only "call this number or go there" card from the given sites', async () => {
    const el = await fixture<RspBooking>(html`<rsp-booking site-id="lot-gramat" .sites=${[site]}></rsp-booking>`);
    await at(el, 'static');
    expect(text(part(el, 'heading'))).to.equal('Pour prendre rendez-vous');
    const call = part(el, 'static')!.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
    expect(call.getAttribute('href')).to.equal('tel:0565380000');
    expect(text(call)).to.equal('Appelez le 05 65 38 00 00');
    expect(text(part(el, 'static'))).to.contain('10 place de la République');
    expect(text(part(el, 'static'))).to.contain('46500 Gramat');
    expect(text(part(el, 'static'))).to.contain('Horaires\u00a0: Mo-Fr 09:00-12:00,14:00-17:00');
    await expect(el).to.be.accessible();
  });
});
