// End-to-end: the Cyber-base kiosk page that `npm start` serves (examples/cyber-base/), in Debian's
// Chromium, through the real RSP Kit server with the demo data, under its strict
// Content-Security-Policy: a person answers the whole survey with the keyboard and mouse as at the
// kiosk, the answer reaches the database once, anonymous, and the kiosk is ready for the next person.
// Needs the build (the gate runs it before the unit tests).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { built, startDemo } from './support/demo.mjs';
import { watchedPage } from './support/watch-page.mjs';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/** The form's state (`answering`, `sent`, `queued`…) and the question shown, from its shadow root. */
const state = (page) =>
  page.$eval('rsp-satisfaction-form', (el) => {
    const base = el.shadowRoot?.querySelector('[part="base"]');
    const question = el.shadowRoot?.querySelector('[part~="question"]');
    return { status: base?.dataset.status ?? '', question: question?.dataset.question ?? '', text: el.shadowRoot?.textContent ?? '' };
  });

describe('the Cyber-base kiosk page', () => {
  let demo;
  const violations = [];
  const errors = [];

  before(async () => {
    if (!built('satisfaction/dist/cdn/rsp-satisfaction-form.min.js')) throw new Error('The kiosk page needs the build: run `pnpm build` first (the gate does).');
    demo = await startDemo();
  });

  after(async () => {
    await demo?.close();
  });

  it('takes one anonymous answer to the end, stores it once, and wipes the screen for the next person', async () => {
    const page = await watchedPage(demo.browser, { violations, errors });
    const response = await page.goto(new URL('cyber-base/', demo.server.url).href, { waitUntil: 'domcontentloaded' });
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.waitForFunction(() => document.querySelector('rsp-satisfaction-form')?.shadowRoot?.querySelector('[part~="question"]') !== null, { timeout: 20_000 });

    const seen = [];
    for (let step = 0; step < 20; step++) {
      const now = await state(page);
      if (now.status !== 'answering') break;
      seen.push(now.question);
      // The first choice of a choice question (as a tap on it), or words in a free-text one.
      const kind = await page.$eval('rsp-satisfaction-form', (el) => {
        const root = el.shadowRoot;
        const input = root?.querySelector('[part~="question"] input[type="radio"], [part~="question"] input[type="checkbox"]');
        if (input) {
          input.click();
          return 'choice';
        }
        return root?.querySelector('[part="textarea"]') ? 'text' : 'none';
      });
      if (kind === 'text') {
        await page.evaluate(() => document.querySelector('rsp-satisfaction-form').shadowRoot.querySelector('[part="textarea"]').focus());
        await page.keyboard.type(`Très bien reçu. ${HOSTILE}`);
      }
      await page.evaluate(() => document.querySelector('rsp-satisfaction-form').shadowRoot.querySelector('[part="next"]').click());
      await page.waitForFunction(
        (previous) => {
          const root = document.querySelector('rsp-satisfaction-form')?.shadowRoot;
          const status = root?.querySelector('[part="base"]')?.dataset.status;
          return status !== 'answering' || root?.querySelector('[part~="question"]')?.dataset.question !== previous;
        },
        { timeout: 10_000 },
        now.question,
      );
    }
    assert.ok(seen.length >= 5, `questions seen: ${seen.join(', ')}`);
    await page.waitForFunction(() => document.querySelector('rsp-satisfaction-form')?.shadowRoot?.querySelector('[part="base"]')?.dataset.status === 'sent', { timeout: 10_000 });
    await page.waitForFunction(() => document.getElementById('queue')?.textContent.includes('envoyées'), { timeout: 5_000 });

    const rows = await demo.database.query("SELECT site_id, visit_token, record FROM survey_responses WHERE survey_id = 'rsp-satisfaction'");
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row.site_id, 'rsp-46-gourdon');
    assert.match(row.visit_token, /^[\w-]{16,}$/);
    const stored = JSON.stringify(row.record);
    assert.ok(!/user.?agent|"ip"|Mozilla|HeadlessChrome/i.test(stored), 'nothing identifying is stored');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);

    // After the thanks, the kiosk starts again for the next person: nothing of the previous answer on screen.
    await page.waitForFunction(() => document.querySelector('rsp-satisfaction-form')?.shadowRoot?.querySelector('[part="base"]')?.dataset.status === 'answering', { timeout: 20_000 });
    const after = await state(page);
    assert.equal(after.question, seen[0]);
    assert.equal(await page.$eval('rsp-satisfaction-form', (el) => el.shadowRoot.querySelectorAll('input:checked').length), 0);
    assert.ok(!after.text.includes('Très bien reçu'));
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
