// Nothing lost, sent exactly once: the offline path against the REAL server
// (packages/server, PGlite in a data folder), which the test stops and starts
// again. The database is read by the test runner's node side, not through the API.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RspSatisfactionForm } from '../src/satisfaction-form/satisfaction-form.component.js';
import type { RspSurveySentEvent } from '../src/satisfaction-form/satisfaction-form.events.js';
import { flushOutbox, outboxEntries, queueEntry } from '../src/store/outbox.js';
import type { OutboxEntry, SendOutcome } from '../src/store/outbox.js';
import { form, next, part, pending, questionEl, root, server, status, tabTo, text, useTestServer } from './support/helpers.js';

/** What the test sees, in order: the widget's events, the queue's states and the server's. */
interface Step {
  readonly t: number;
  readonly what: string;
}

function recorder(el: RspSatisfactionForm) {
  const started = Date.now();
  const steps: Step[] = [];
  const note = (what: string) => steps.push({ t: Date.now() - started, what });
  el.addEventListener('rsp-survey-submit', (e) => {
    note(`event rsp-survey-submit key=${e.detail.idempotencyKey.slice(0, 8)}…`);
  });
  el.addEventListener('rsp-survey-queued', (e) => {
    note(`event rsp-survey-queued attempt=${String(e.detail.attempts)} reason=${e.detail.reason} key=${e.detail.idempotencyKey.slice(0, 8)}…`);
  });
  el.addEventListener('rsp-survey-sent', (e) => {
    note(`event rsp-survey-sent attempt=${String(e.detail.attempts)} key=${e.detail.idempotencyKey.slice(0, 8)}…`);
  });
  return { steps, note, events: (type: string) => steps.filter((s) => s.what.startsWith(`event ${type}`)) };
}

const live = useTestServer();

describe('<rsp-satisfaction-form>: the offline path against the real server', () => {
  it('server stopped mid-way: the answer is queued, retried with backoff under one key, and stored exactly once when the server is back', async function () {
    this.timeout(30000);
    const el = await form({ apiBase: live.api, survey: 'rsp-quick-feedback', retrySeconds: 0.3 });
    const log = recorder(el);
    log.note(`form loaded from ${live.api}api/surveys/rsp-quick-feedback`);

    // Question 1 while the server runs.
    await tabTo(el, 'input[type="radio"]');
    await sendKeys({ press: 'ArrowRight' });
    await next(el);

    // The server goes away mid-way.
    await server.stop();
    log.note('server stopped');

    // The person finishes: recommend = yes, a comment, send.
    await sendKeys({ press: 'Space' });
    await next(el);
    await sendKeys({ type: 'Merci à la médiatrice' });
    await next(el);

    await waitUntil(() => status(el) === 'queued', 'not shown as queued', { timeout: 5000 });
    log.note(`screen: ${String(root(el).querySelector('rsp-notice')?.getAttribute('heading'))}`);
    expect(root(el).querySelector('rsp-notice')?.getAttribute('heading')).to.equal('Merci, vos réponses sont enregistrées');
    expect(text(part(el, 'status'))).to.contain('seront envoyées automatiquement dès que possible');
    await expect(el).to.be.accessible();

    const [entry] = await pending();
    expect(entry).to.not.equal(undefined);
    const key = entry!.key;
    log.note(`queue: 1 pending, attempts=${String(entry!.attempts)}`);
    expect(log.events('rsp-survey-submit')[0]?.what).to.contain(key.slice(0, 8));
    // The answers left the memory and the draft; they are only in the queue now.
    expect(el.currentAnswers).to.deep.equal({});

    // Retries while the server is down, each with the same key, more and more spaced.
    await waitUntil(() => log.events('rsp-survey-queued').length >= 3, 'no retries while down', { timeout: 8000 });
    const whileDown = await outboxEntries();
    expect(whileDown).to.have.length(1);
    expect(whileDown[0]!.key).to.equal(key);
    log.note(`queue: 1 pending, attempts=${String(whileDown[0]!.attempts)}`);
    const queuedAt = log.events('rsp-survey-queued').map((s) => s.t);
    expect(queuedAt[2]! - queuedAt[1]!).to.be.greaterThan(0.8 * 0.3 * 1000);
    expect(log.events('rsp-survey-queued').every((s) => s.what.includes(key.slice(0, 8)) && s.what.includes('reason=network'))).to.equal(true);
    const down = await server.stored();
    log.note(`database while stopped: ${String(down.count)} responses`);
    expect(down.count).to.equal(0);

    // The server comes back (same port, same data folder): the next timer sends the answer.
    await server.start();
    log.note('server started');
    await waitUntil(() => status(el) === 'sent', 'not sent once the server was back', { timeout: 10000 });
    log.note(`screen: ${String(root(el).querySelector('rsp-notice')?.getAttribute('heading'))}`);
    expect(log.events('rsp-survey-sent')).to.have.length(1);
    expect(await outboxEntries()).to.have.length(0);
    log.note('queue: empty');

    // More reasons to send (back online, a flush, a new form) send nothing more.
    window.dispatchEvent(new Event('online'));
    await el.flush();
    const stored = await server.stored();
    log.note(`database: ${String(stored.count)} response, idempotency keys ${stored.keys.map((k) => `${k.key.slice(0, 8)}…→${String(k.status)}`).join(', ')}`);
    expect(stored.count).to.equal(1);
    expect(stored.keys.map((k) => k.key)).to.deep.equal([key]);
    expect(stored.keys[0]!.status).to.equal(201);
    expect(stored.responses[0]!.answers).to.deep.equal({ reception: 'satisfied', recommend: true, comment: 'Merci à la médiatrice' });
    expect(log.events('rsp-survey-sent')).to.have.length(1);

    console.log(`offline run:\n${log.steps.map((s) => `  +${String(s.t).padStart(5)} ms  ${s.what}`).join('\n')}`);
  });

  it('an answer whose receipt was lost is sent again with its key and not stored twice', async function () {
    this.timeout(15000);
    const el = await form({ apiBase: live.api, survey: 'rsp-quick-feedback', layout: 'all' });
    const submitted = new Promise<OutboxEntry>((resolve) => {
      el.addEventListener('rsp-survey-submit', (e) => {
        const { response, idempotencyKey } = e.detail;
        resolve({ key: idempotencyKey, apiBase: live.api, response, queuedAt: new Date().toISOString(), attempts: 1, nextAttemptAt: 0, state: 'pending' });
      });
    });
    questionEl(el, 'reception')!.querySelector('input')!.click();
    part(el, 'next')!.click();
    const entry = await submitted;
    await waitUntil(() => status(el) === 'sent', 'not sent');
    expect((await server.stored()).count).to.equal(1);

    // As if the page had never heard the 201: the entry is still in the queue.
    await queueEntry(entry);
    const outcomes: SendOutcome[] = [];
    await flushOutbox({ apiBase: entry.apiBase, locale: 'fr', force: true, baseMs: 1000, maxMs: 1000, timeoutMs: 5000, onOutcome: (_e, o) => outcomes.push(o) });
    // The server replays its first answer (same key, same body): recorded once, dequeued.
    expect(outcomes.map((o) => o.kind)).to.deep.equal(['sent']);
    expect(await outboxEntries()).to.have.length(0);
    const stored = await server.stored();
    expect(stored.count).to.equal(1);
    expect(stored.keys.map((k) => k.key)).to.deep.equal([entry.key]);
  });

  it('what waited in the queue when the page was closed is sent at the next load', async function () {
    this.timeout(20000);
    const first = await form({ apiBase: live.api, survey: 'rsp-quick-feedback', layout: 'all', retrySeconds: 600 });
    await server.stop();
    questionEl(first, 'reception')!.querySelectorAll('input')[3]!.click();
    part(first, 'next')!.click();
    await waitUntil(() => status(first) === 'queued', 'not queued');
    const [entry] = await pending();
    // The page is closed.
    first.remove();
    await server.start();
    expect((await server.stored()).count).to.equal(0);

    // The next load (any visit of the page) sends it.
    const sending = oneEvent<RspSurveySentEvent>(document, 'rsp-survey-sent');
    const again = await form({ apiBase: live.api, survey: 'rsp-quick-feedback', retrySeconds: 600 });
    const sent = await sending;
    expect(sent.detail.idempotencyKey).to.equal(entry!.key);
    await waitUntil(async () => (await outboxEntries()).length === 0, 'still queued');
    const stored = await server.stored();
    expect(stored.count).to.equal(1);
    expect(stored.responses[0]!.answers).to.deep.equal({ reception: 'not-at-all' });
    // The new visit's form is untouched by it.
    expect(status(again)).to.equal('answering');
  });

  it('sends at once when the browser says it is back online', async function () {
    this.timeout(20000);
    const el = await form({ apiBase: live.api, survey: 'rsp-quick-feedback', layout: 'all', retrySeconds: 600 });
    await server.stop();
    questionEl(el, 'reception')!.querySelector('input')!.click();
    part(el, 'next')!.click();
    await waitUntil(() => status(el) === 'queued', 'not queued');
    await server.start();
    // The next timed attempt is 10 minutes away: only the `online` event can send it now.
    const [entry] = await pending();
    expect(entry!.nextAttemptAt - Date.now()).to.be.greaterThan(60_000);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => status(el) === 'sent', 'not sent when back online', { timeout: 5000 });
    expect((await server.stored()).count).to.equal(1);
  });

  it('kiosk reset keeps the queue: the next person never sees the answer, the server still gets it', async function () {
    this.timeout(20000);
    const el = await form({ apiBase: live.api, survey: 'rsp-quick-feedback', layout: 'all', kiosk: true, thanksSeconds: 1, retrySeconds: 600 });
    await server.stop();
    questionEl(el, 'reception')!.querySelector('input')!.click();
    const area = questionEl(el, 'comment')!.querySelector('textarea')!;
    area.focus();
    await sendKeys({ type: 'Mme Martin au guichet' });
    part(el, 'next')!.click();
    await waitUntil(() => status(el) === 'queued', 'not queued');
    await waitUntil(() => status(el) === 'answering', 'not reset after the thanks', { timeout: 4000 });
    expect(root(el).textContent).to.not.contain('Mme Martin');
    expect(questionEl(el, 'comment')!.querySelector('textarea')!.value).to.equal('');
    expect(await pending()).to.have.length(1);
    await server.start();
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await server.stored()).count === 1, 'not stored');
    expect((await server.stored()).responses[0]!.answers.comment).to.equal('Mme Martin au guichet');
  });
});
