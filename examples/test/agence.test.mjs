// End-to-end: the agency page that `npm start` serves (examples/agence/), in Debian's Chromium,
// through the real RSP Kit server with the demo data, under its strict Content-Security-Policy:
// a booking from the subject to the confirmation, then its link, which cancels it.
// Needs the build (the gate runs it before the unit tests).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { built, startDemo } from './support/demo.mjs';
import { watchedPage } from './support/watch-page.mjs';

/** Waits until the widget shows `step` with nothing loading. */
function at(page, step) {
  return page.waitForFunction(
    (s) => {
      const base = document.querySelector('rsp-booking')?.shadowRoot?.querySelector('[part="base"]');
      return base?.dataset.step === s && base.getAttribute('aria-busy') === 'false';
    },
    { timeout: 20_000 },
    step,
  );
}

/** Clicks the first element matching `selector` inside the widget. */
function press(page, selector) {
  return page.$eval('rsp-booking', (el, s) => el.shadowRoot.querySelector(s).click(), selector);
}

/** From the page's subject step to the summary of the first visio slot at the first place; answers the slot's start. */
async function toSummary(page, name) {
  await at(page, 'subject');
  await press(page, 'input[name="motif"][value="caf-rsa"]');
  await press(page, '[part="primary"]');
  await at(page, 'channel');
  await press(page, 'input[name="channel"][value="visio"]');
  await press(page, '[part="primary"]');
  await at(page, 'place');
  await press(page, 'input[name="place"]');
  await press(page, '[part="primary"]');
  await at(page, 'time');
  const start = await page.$eval('rsp-booking', (el) => el.shadowRoot.querySelector('[part="slot"]').dataset.start);
  await press(page, '[part="slot"]');
  await at(page, 'details');
  await page.$eval(
    'rsp-booking',
    (el, who) => {
      const input = el.shadowRoot.querySelector('input[name="phone"]');
      input.value = '05 65 00 00 00';
      input.dispatchEvent(new Event('input'));
      const nameInput = el.shadowRoot.querySelector('input[name="name"]');
      nameInput.value = who;
      nameInput.dispatchEvent(new Event('input'));
    },
    name,
  );
  await press(page, '[part="primary"]');
  await at(page, 'summary');
  return start;
}

describe('the agency page', () => {
  let demo;
  let server;
  let database;
  let browser;
  const violations = [];
  const errors = [];

  before(async () => {
    if (!built('booking/dist/cdn/rsp-booking.min.js')) throw new Error('The agency page needs the build: run `pnpm build` first (the gate does).');
    demo = await startDemo({ nationalList: false });
    ({ server, database, browser } = demo);
  });

  after(async () => {
    await demo?.close();
  });

  it('lets one of two people in two browser contexts book the same slot; the other is told and sees fresh slots', async () => {
    const contexts = [await browser.createBrowserContext(), await browser.createBrowserContext()];
    const pages = await Promise.all(contexts.map((context) => context.newPage()));
    await Promise.all(pages.map((page) => page.goto(new URL('agence/', server.url).href, { waitUntil: 'domcontentloaded' })));
    const starts = await Promise.all(pages.map((page, i) => toSummary(page, `Personne ${String(i + 1)}`)));
    assert.equal(starts[0], starts[1]);
    const began = Date.now();
    await Promise.all(pages.map((page) => press(page, '[part="primary"]')));
    const steps = await Promise.all(
      pages.map(async (page) => {
        await page.waitForFunction(
          () => {
            const base = document.querySelector('rsp-booking')?.shadowRoot?.querySelector('[part="base"]');
            return ['done', 'time'].includes(base?.dataset.step) && base.getAttribute('aria-busy') === 'false';
          },
          { timeout: 20_000 },
        );
        return page.$eval('rsp-booking', (el) => el.shadowRoot.querySelector('[part="base"]').dataset.step);
      }),
    );
    assert.deepEqual([...steps].sort(), ['done', 'time'], `steps ${steps.join(', ')}`);
    const loser = pages[steps.indexOf('time')];
    assert.match(await loser.$eval('rsp-booking', (el) => el.shadowRoot.querySelector('rsp-notice').textContent), /vient d’être réservé par quelqu’un d’autre/);
    const fresh = await loser.$eval('rsp-booking', (el) => [...el.shadowRoot.querySelectorAll('[part="slot"]')].map((b) => b.dataset.start));
    assert.ok(!fresh.includes(starts[0]), 'the taken slot is no longer offered');
    const [row] = await database.query('SELECT count(*)::int AS n FROM bookings WHERE record->>\'start\' = $1', [starts[0]]);
    assert.equal(row.n, 1);
    console.log(`race, two browser contexts, slot ${String(starts[0])}: settled in ${String(Date.now() - began)} ms, steps ${steps.join(' / ')}`);
    await Promise.all(contexts.map((context) => context.close()));
  });

  it('books with the CAF from its page, then cancels from the link, with no CSP violation or error', async () => {
    const page = await watchedPage(browser, { violations, errors });
    const response = await page.goto(new URL('agence/', server.url).href, { waitUntil: 'domcontentloaded' });
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await toSummary(page, 'Camille Martin');
    await press(page, '[part="primary"]');
    await at(page, 'done');
    const log = await page.$eval('#log', (el) => el.textContent);
    assert.match(log, /^Rendez-vous confirmé pour le /);
    const manage = await page.$eval('rsp-booking', (el) => el.shadowRoot.querySelector('[part="manage-link"]').href);
    assert.match(manage, /\/agence\/\?rdv=[A-Za-z0-9_-]{16,}$/);

    await page.goto(manage, { waitUntil: 'domcontentloaded' });
    await at(page, 'manage');
    await press(page, '[part="primary"]');
    await press(page, '[part="primary"]');
    await at(page, 'cancelled');
    assert.equal(await page.$eval('#log', (el) => el.textContent), 'Rendez-vous annulé.');
    const [row] = await database.query("SELECT count(*)::int AS n FROM bookings WHERE status = 'cancelled'");
    assert.equal(row.n, 1);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
