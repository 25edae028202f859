// End-to-end: the demo that `npm start` serves, loaded in Debian's Chromium
// through the real RSP Kit server, under its strict Content-Security-Policy.
// Needs the build (the gate runs it before the unit tests).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { demoMounts, root } from '../../scripts/workspace.mjs';
import { watchedPage } from './support/watch-page.mjs';

const serverEntry = join(root, 'packages', 'server', 'dist', 'index.js');
const built = existsSync(serverEntry) && existsSync(join(root, 'packages', 'elements', 'dist', 'cdn', 'rsp-elements.min.js'));

describe('the demo page', () => {
  let server;
  let browser;
  let page;
  const violations = [];
  const errors = [];

  before(async () => {
    if (!built) throw new Error('The demo needs the build: run `pnpm build` first (the gate does).');
    const { startServer } = await import(pathToFileURL(serverEntry).href);
    server = await startServer({ port: 0, mounts: demoMounts({ storybook: false }) });
    browser = await puppeteer.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
    page = await watchedPage(browser, { violations, errors });
    const response = await page.goto(server.url, { waitUntil: 'networkidle0' });
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.waitForFunction(() => customElements.get('rsp-notice') !== undefined);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the elements from the one-script CDN bundle without any CSP violation or error', async () => {
    const rendered = await page.$$eval('rsp-notice', (notices) =>
      notices.map((n) => n.shadowRoot?.querySelector('[part="base"]')?.textContent.replace(/\s+/g, ' ').trim()),
    );
    assert.equal(rendered.length, 4);
    assert.match(rendered[0], /^Erreur\s: Le serveur ne répond pas/);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
  });

  it('styles the elements under the strict policy (constructable stylesheets)', async () => {
    const background = await page.$eval('rsp-notice#offline', (n) => getComputedStyle(n.shadowRoot.querySelector('[part="action"]')).backgroundColor);
    assert.equal(background, 'rgb(31, 94, 140)');
  });

  it('switches every element to English with the page language, from the keyboard', async () => {
    await page.focus('#language');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const label = await page.$eval('rsp-notice[dismissible]', (n) => n.shadowRoot.querySelector('[part="close"]').getAttribute('aria-label'));
    assert.equal(label, 'Close the message');
    const action = await page.$eval('rsp-notice#offline', (n) => n.shadowRoot.querySelector('[part="action"]').textContent.trim());
    assert.equal(action, 'Try again');
  });

  it('lets the host page hear the widget events', async () => {
    await page.$eval('rsp-notice#offline', (n) => n.shadowRoot.querySelector('[part="action"]').click());
    const log = await page.$eval('#log', (el) => el.textContent);
    assert.match(log, /rsp-notice-action/);
    assert.deepEqual(violations, []);
  });
});
