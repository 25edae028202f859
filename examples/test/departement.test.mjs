// End-to-end: the department portal pages that `npm start` serves, in Debian's Chromium,
// through the real RSP Kit server under its strict Content-Security-Policy — with the API
// (the demo's data in an in-memory database) and without it (the national CSV file).
// Needs the build (the gate runs it before the unit tests).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { built, startDemo } from './support/demo.mjs';
import { watchedPage } from './support/watch-page.mjs';

/** The texts of the finder's result list, once it shows at least `min` items. */
async function listItems(page, min) {
  await page.waitForFunction(
    (n) => (document.querySelector('rsp-site-finder')?.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0) >= n,
    { timeout: 30_000 },
    min,
  );
  return page.$eval('rsp-site-finder', (el) => [...el.shadowRoot.querySelectorAll('[part~="item"]')].map((i) => i.textContent.replace(/\s+/g, ' ').trim()));
}

describe('the department portal', () => {
  let demo;
  let server;
  let browser;
  const violations = [];
  const errors = [];

  before(async () => {
    if (!built('site-finder/dist/cdn/rsp-site-finder.min.js')) throw new Error('The portal needs the build: run `pnpm build` first (the gate does).');
    demo = await startDemo({ nationalList: true });
    ({ server, browser } = demo);
  });

  after(async () => {
    await demo?.close();
  });

  async function open(path) {
    const page = await watchedPage(browser, { violations, errors });
    const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'domcontentloaded' });
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    return page;
  }

  it('lists the sites of the API, Lot networks included, with no CSP violation or error', async () => {
    const page = await open('departement/');
    const items = await listItems(page, 10);
    assert.ok(items.length >= 10);
    const count = await page.$eval('rsp-site-finder', (el) => el.shadowRoot.querySelector('[part="count"]')?.textContent ?? '');
    assert.match(count, /\d/);
    const markers = await page.$eval('rsp-site-finder', (el) => el.shadowRoot.querySelector('rsp-site-map')?.shadowRoot?.querySelectorAll('.leaflet-marker-icon').length ?? 0);
    assert.ok(markers > 0 && markers < 500, `${markers} markers`);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors.filter((e) => !/tile\.openstreetmap\.org|ERR_NAME_NOT_RESOLVED|Failed to load resource/.test(e)), []);
    await page.close();
  });

  it('works without a server from the national CSV file, under the same policy', async () => {
    const page = await open('departement/statique.html');
    const items = await listItems(page, 10);
    assert.ok(items.some((text) => /France services/i.test(text)), items.slice(0, 3).join(' | '));
    // The page centres the Lot: its own sites come first (postcodes 46…).
    assert.match(items[0] ?? '', /\b46\d{3}\b/, items.slice(0, 3).join(' | '));
    assert.deepEqual(violations, []);
    await page.close();
  });
});
