// Shared helpers of the satisfaction browser tests.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/satisfaction-form/satisfaction-form.js';
import type { RspSatisfactionForm } from '../../src/satisfaction-form/satisfaction-form.component.js';
import { DB_NAME } from '../../src/store/idb.js';
import { outboxEntries } from '../../src/store/outbox.js';
import type { OutboxEntry } from '../../src/store/outbox.js';
import { SITE_ID, server } from './commands.js';

export { SITE_ID, server };

export const root = (el: RspSatisfactionForm): ShadowRoot => el.shadowRoot!;
export const part = (el: RspSatisfactionForm, name: string): HTMLElement | null => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
export const status = (el: RspSatisfactionForm): string => part(el, 'base')?.dataset.status ?? '';
/** The questions on screen, by id. */
export const questionIds = (el: RspSatisfactionForm): string[] =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="question"]')].map((q) => q.dataset.question ?? '');
export const questionEl = (el: RspSatisfactionForm, id: string): HTMLElement | null => root(el).querySelector<HTMLElement>(`[data-question="${id}"]`);
export const active = (el: RspSatisfactionForm): Element | null => root(el).activeElement;
export const text = (node: Element | null | undefined): string => node?.textContent.replace(/[ \t\r\n]+/g, ' ').trim() ?? '';

/** A fresh visit token, as the site would hand out. */
export const newToken = (): string => `v${crypto.randomUUID().replace(/-/g, '')}`;

/** Deletes the widget's IndexedDB database (drafts and queue) between tests. */
export async function clearLocal(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => {
      resolve();
    };
    request.onerror = () => {
      reject(request.error ?? new Error('deleteDatabase failed'));
    };
  });
}

export const pending = async (): Promise<OutboxEntry[]> => (await outboxEntries()).filter((e) => e.state === 'pending');

export async function ready(el: RspSatisfactionForm): Promise<RspSatisfactionForm> {
  await waitUntil(() => status(el) !== 'loading', 'the form did not load', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

export interface FormOptions {
  readonly apiBase: string;
  readonly token?: string;
  readonly survey?: string;
  readonly layout?: 'steps' | 'all';
  readonly kiosk?: boolean;
  readonly idleSeconds?: number;
  readonly thanksSeconds?: number;
  readonly retrySeconds?: number;
  readonly lang?: string;
}

/** A form against the real server, loaded. */
export async function form(o: FormOptions): Promise<RspSatisfactionForm> {
  const el = await fixture<RspSatisfactionForm>(html`<rsp-satisfaction-form
    api-base=${o.apiBase}
    site-id=${SITE_ID}
    visit-token=${o.token ?? (o.kiosk ? '' : newToken())}
    survey=${o.survey ?? 'rsp-satisfaction'}
    layout=${o.layout ?? 'steps'}
    ?kiosk=${o.kiosk ?? false}
    idle-seconds=${o.idleSeconds ?? 90}
    thanks-seconds=${o.thanksSeconds ?? 10}
    retry-seconds=${o.retrySeconds ?? 5}
    lang=${o.lang ?? 'fr'}
  ></rsp-satisfaction-form>`);
  return ready(el);
}

/** Presses Tab (at most `max` times) until the focus inside the form matches `selector`. */
export async function tabTo(el: RspSatisfactionForm, selector: string, max = 8): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (active(el)?.matches(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  if (!active(el)?.matches(selector)) throw new Error(`Tab never reached ${selector}; focus is on ${active(el)?.outerHTML ?? 'nothing'}`);
}

/** Keyboard only: Tab to the "Suivant"/"Envoyer" button and press Enter. */
export async function next(el: RspSatisfactionForm): Promise<void> {
  await tabTo(el, '[part="next"]');
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  await el.updateComplete;
}

/**
 * The hooks of every test file: the real server started once (the first start opens PGlite and
 * migrates its data folder), then before each test started again if a test stopped it, emptied, and
 * the page's local store cleared. `api` is the server's base URL once started.
 */
export function useTestServer(): { readonly api: string } {
  const live = { api: '' };
  before(async function () {
    this.timeout(30000);
    live.api = await server.start();
  });
  beforeEach(async function () {
    this.timeout(15000);
    await server.start();
    await server.reset();
    await clearLocal();
  });
  return live;
}
