/**
 * The queue of answers waiting for the server ("nothing lost"). An entry is
 * written to IndexedDB before the first attempt, with its idempotency key, and
 * leaves the queue only when the server has answered for good: recorded (201,
 * or the replay of the first answer), or already answered for this visit
 * (409). Every attempt sends the same body with the same key, so the server
 * stores it once however many times the network lost the answer.
 */
import { createClient, isHttpError, isResponseValidationError, isTimeoutError } from '@rsp/core/client.js';
import type { ApiClient } from '@rsp/core/client.js';
import type { Locale } from '@rsp/core/locale.js';
import type { SurveyResponse } from '@rsp/core/schemas.js';
import { idbAll, idbDelete, idbPut } from './idb.js';

/** One answer waiting to be sent. */
export interface OutboxEntry {
  /** The `Idempotency-Key` of every attempt; also the entry's key in the store. */
  readonly key: string;
  /** The API's base URL, absolute. */
  readonly apiBase: string;
  readonly response: SurveyResponse;
  readonly queuedAt: string;
  /** Attempts made so far. */
  readonly attempts: number;
  /** Not before this instant (epoch ms). */
  readonly nextAttemptAt: number;
  /** `failed`: the server refused the answer itself (4xx); kept, not retried. */
  readonly state: 'pending' | 'failed';
  readonly problem?: string;
}

/** Why an attempt will be repeated. */
export type RetryReason = 'network' | 'timeout' | 'server';

/** What the server made of one attempt. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly receivedAt: string | undefined }
  | { readonly kind: 'already' }
  | { readonly kind: 'retry'; readonly reason: RetryReason; readonly status?: number }
  | { readonly kind: 'failed'; readonly status: number; readonly detail: string };

/** Statuses after which the same request may succeed later. */
const RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

const clients = new Map<string, ApiClient>();
function clientFor(apiBase: string, locale: Locale, timeoutMs: number): ApiClient {
  const id = `${locale} ${String(timeoutMs)} ${apiBase}`;
  let client = clients.get(id);
  if (!client) {
    // No retries inside the call: the queue is the retry, with its own backoff.
    client = createClient({ baseUrl: apiBase, locale, retries: 0, timeoutMs });
    clients.set(id, client);
  }
  return client;
}

/** One attempt: `POST /api/surveys/{id}/responses` with the entry's key, classified. */
export async function sendEntry(entry: OutboxEntry, locale: Locale, timeoutMs: number): Promise<SendOutcome> {
  try {
    const receipt = await clientFor(entry.apiBase, locale, timeoutMs).answerSurvey(entry.response, { idempotencyKey: entry.key });
    return { kind: 'sent', receivedAt: receipt.receivedAt };
  } catch (error) {
    if (isHttpError(error)) {
      const type = error.problem?.type ?? '';
      if (error.status === 409 && type.endsWith('/already-answered')) return { kind: 'already' };
      if (RETRY_STATUSES.has(error.status) || (error.status === 409 && type.endsWith('/request-in-progress'))) {
        return { kind: 'retry', reason: 'server', status: error.status };
      }
      const fields = error.problem?.errors?.map((e) => `${e.path} : ${e.message}`).join(' ; ');
      const detail = fields !== undefined && fields !== '' ? fields : (error.problem?.detail ?? error.message);
      return { kind: 'failed', status: error.status, detail };
    }
    // A 2xx whose body is not a receipt: the server did record the answer.
    if (isResponseValidationError(error)) return { kind: 'sent', receivedAt: undefined };
    return { kind: 'retry', reason: isTimeoutError(error) ? 'timeout' : 'network' };
  }
}

/** Delay before attempt `attempts + 1`: `baseMs × 2^(attempts−1)`, at most `maxMs`, with ±20 % jitter so kiosks do not retry in step. */
export function backoff(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const plain = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs);
  return Math.round(plain * (0.8 + 0.4 * random()));
}

export const queueEntry = (entry: OutboxEntry): Promise<void> => idbPut('outbox', entry.key, entry);
export const outboxEntries = (): Promise<OutboxEntry[]> => idbAll<OutboxEntry>('outbox');

export interface FlushOptions {
  readonly apiBase: string;
  readonly locale: Locale;
  /** Send even entries whose time has not come (back online, a new answer, page load). */
  readonly force: boolean;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly timeoutMs: number;
  /** Called after each attempt, with the entry as it now stands. */
  readonly onOutcome: (entry: OutboxEntry, outcome: SendOutcome) => void;
}

let chain: Promise<unknown> = Promise.resolve();

/** Runs `task` alone: across tabs with the Web Locks API, within the page with a promise chain. */
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  // Web Locks are missing from older browsers and from pages served over plain http.
  const locks = (navigator as Partial<Navigator>).locks;
  const next = chain.then(() => (locks ? locks.request('rsp-satisfaction-outbox', task) : task()));
  chain = next.catch(() => undefined);
  return next;
}

/**
 * Sends the pending entries of one API whose time has come (all of them with
 * `force`), one after the other, and updates the queue. Resolves with the
 * instant (epoch ms) of the next due attempt, or `undefined` when nothing is
 * pending.
 */
export function flushOutbox(options: FlushOptions): Promise<number | undefined> {
  return exclusive(async () => {
    const entries = (await outboxEntries()).filter((e) => e.state === 'pending' && e.apiBase === options.apiBase);
    entries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    let next: number | undefined;
    for (const entry of entries) {
      if (!options.force && entry.nextAttemptAt > Date.now()) {
        next = Math.min(next ?? Infinity, entry.nextAttemptAt);
        continue;
      }
      const outcome = await sendEntry(entry, options.locale, options.timeoutMs);
      const attempts = entry.attempts + 1;
      let after: OutboxEntry = { ...entry, attempts };
      if (outcome.kind === 'sent' || outcome.kind === 'already') await idbDelete('outbox', entry.key);
      else if (outcome.kind === 'failed') {
        after = { ...after, state: 'failed', problem: `${String(outcome.status)} ${outcome.detail}` };
        await queueEntry(after);
      } else {
        after = { ...after, nextAttemptAt: Date.now() + backoff(attempts, options.baseMs, options.maxMs) };
        await queueEntry(after);
        next = Math.min(next ?? Infinity, after.nextAttemptAt);
      }
      options.onOutcome(after, outcome);
    }
    return next;
  });
}
