import { createHash } from 'node:crypto';
import type { Queryable } from './database.js';
import { IdempotencyKeyReusedError, RequestInProgressError } from './errors.js';

/*
 * Idempotency keys: the first answer to a POST, per caller ("scope") and key,
 * kept 24 hours in `idempotency_keys`. One implementation for the API's router
 * and for `createBooking`; the API answers the two errors as `422
 * idempotency-key-reused` and `409 request-in-progress`.
 */

/** How long the first answer to a key is kept. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** A first answer, kept to be given again. */
export interface StoredAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

/** SHA-256 of a request (method, path, body with keys sorted), to tell two requests with one key apart. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([method, path, canonical(body) ?? null]))
    .digest('hex');
}

/** SHA-256 of a request body alone with its keys sorted (callers without a method and path: `createBooking`). */
export function hashRequest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/**
 * Claims a key inside the request's transaction (`IdempotencyKeyReusedError`
 * when it came with another request, `RequestInProgressError` while the first
 * has not finished). `undefined`: the key is new
 * (or expired) and now ours until the transaction ends. Otherwise the first
 * request's answer, to give again. A concurrent request with the same key
 * waits on the row until the first commits (then gets its answer) or rolls
 * back (then claims it).
 */
export async function claimKey(tx: Queryable, scope: string, key: string, fingerprint: string): Promise<StoredAnswer | undefined> {
  await tx.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at < now() - interval '${String(IDEMPOTENCY_TTL_HOURS)} hours'`, [
    scope,
    key,
  ]);
  const claimed = await tx.query('INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (scope, key) DO NOTHING RETURNING key', [
    scope,
    key,
    fingerprint,
  ]);
  if (claimed.length > 0) return undefined;
  const [row] = await tx.query<{ request_hash: string; status: number | null; response: StoredAnswer | null }>(
    'SELECT request_hash, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
    [scope, key],
  );
  if (row?.request_hash !== undefined && row.request_hash !== fingerprint) throw new IdempotencyKeyReusedError('This idempotency key was used with another request');
  if (!row?.response) throw new RequestInProgressError('The first request with this idempotency key is still running');
  return row.response;
}

/** Stores the answer of a claimed key, in the same transaction as the handler's writes. */
export async function storeAnswer(tx: Queryable, scope: string, key: string, answer: StoredAnswer): Promise<void> {
  await tx.query('UPDATE idempotency_keys SET status = $3, response = $4 WHERE scope = $1 AND key = $2', [scope, key, answer.status, answer]);
}

/** Forgets keys older than 24 hours; returns how many. */
export async function purgeIdempotencyKeys(db: Queryable): Promise<number> {
  const rows = await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '${String(IDEMPOTENCY_TTL_HOURS)} hours' RETURNING key`);
  return rows.length;
}
