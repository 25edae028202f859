import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { ApiProblem } from './problems.js';

/** How long the first answer to a key is kept. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** `Idempotency-Key` values: a UUID or any caller-chosen 8–200 safe characters. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

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

/**
 * Claims a key inside the request's transaction. `undefined`: the key is new
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
  if (row?.request_hash !== undefined && row.request_hash !== fingerprint) {
    throw new ApiProblem('idempotency-key-reused', {
      fr: 'Cette clé d’idempotence a déjà servi pour une autre requête. Utilisez une nouvelle clé.',
      en: 'This idempotency key was already used for another request. Use a new key.',
    });
  }
  if (!row?.response) {
    throw new ApiProblem(
      'request-in-progress',
      { fr: 'La première requête avec cette clé est encore en cours. Réessayez dans un instant.', en: 'The first request with this key is still running. Try again in a moment.' },
      { headers: { 'Retry-After': '1' } },
    );
  }
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
