import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Booking } from '@rsp/core/schemas.js';
import type { Database, Queryable } from './database.js';
import { IdempotencyKeyReusedError, RequestInProgressError } from './errors.js';

/** A booking to store: a `Booking` without the fields the store fills in. */
export interface NewBooking {
  readonly agencyId: string;
  readonly motifId: string;
  readonly siteId?: string | undefined;
  readonly channel: Booking['channel'];
  /** ISO 8601 instants with their offset; `[start, end)`. */
  readonly start: string;
  readonly end: string;
  readonly person: Booking['person'];
  readonly bookedBy?: Booking['bookedBy'] | undefined;
  /**
   * What cannot be booked twice at once. Default `agencyId/siteId/channel`
   * (one appointment at a time per agency, site and channel); pass one seat or
   * desk (`…/desk-2`) when the receiver has a capacity above 1.
   */
  readonly resource?: string | undefined;
}

/** The idempotency key of the request, per caller. */
export interface IdempotencyKey {
  /** The caller (a token id, or `public`): keys of different callers never meet. */
  readonly scope: string;
  readonly key: string;
  /** `hashRequest(body)`: the same key with another body is refused. */
  readonly requestHash: string;
}

/** A stored booking and the secret token of its confirmation link. */
export interface CreatedBooking {
  readonly booking: Booking;
  /** Whoever holds it may see, cancel and move the booking; only its hash is stored. */
  readonly token: string;
}

/** What `createBooking` answers: `replayed` when the idempotency key had already been answered. */
export interface CreateBookingResult extends CreatedBooking {
  readonly replayed: boolean;
}

/** First key of the transaction-level advisory lock taken per booking resource (the second is its hash). */
export const BOOKING_LOCK = 72_657_002;

/** SHA-256 (hex) of a secret (booking or API token): what the tables keep. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
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

/** SHA-256 of a request body with its keys sorted, to compare two requests with one idempotency key. */
export function hashRequest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/** The default receiver of a booking: its agency, site and channel. */
export function defaultResource(booking: Pick<NewBooking, 'agencyId' | 'siteId' | 'channel'>): string {
  return `${booking.agencyId}/${booking.siteId ?? '-'}/${booking.channel}`;
}

async function claimKey(tx: Queryable, key: IdempotencyKey): Promise<CreatedBooking | undefined> {
  const claimed = await tx.query(
    'INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (scope, key) DO NOTHING RETURNING key',
    [key.scope, key.key, key.requestHash],
  );
  if (claimed.length > 0) return undefined;
  const [row] = await tx.query<{ request_hash: string; response: CreatedBooking | null }>(
    'SELECT request_hash, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
    [key.scope, key.key],
  );
  if (!row) throw new RequestInProgressError('The idempotency key vanished while being read');
  if (row.request_hash !== key.requestHash) throw new IdempotencyKeyReusedError('This idempotency key was used with another request');
  if (row.response === null) throw new RequestInProgressError('The first request with this idempotency key is still running');
  return row.response;
}

/**
 * Stores a booking. The database refuses a second non-cancelled booking of
 * the same resource over an overlapping time (`ConflictError` on
 * `bookings_no_overlap`). With an idempotency key, the key, the booking and
 * the answer are written in one transaction: the same key again gives the
 * stored answer (`replayed: true`) and no second booking; a refused booking
 * leaves no key behind, so a retry is tried afresh.
 */
export async function createBooking(db: Database, input: NewBooking, idempotency?: IdempotencyKey): Promise<CreateBookingResult> {
  return db.transaction(async (tx) => {
    if (idempotency) {
      const stored = await claimKey(tx, idempotency);
      if (stored) return { ...stored, replayed: true };
    }
    const resource = input.resource ?? defaultResource(input);
    // Concurrent inserts checked by one exclusion constraint can deadlock each other on PostgreSQL
    // (each waits for the other's index entry): queue the writers of one resource first. The
    // constraint, not this lock, is what guarantees that no two bookings overlap.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [BOOKING_LOCK, resource]);
    const token = randomBytes(24).toString('base64url');
    const booking: Booking = {
      schemaVersion: 1,
      id: randomUUID(),
      agencyId: input.agencyId,
      motifId: input.motifId,
      ...(input.siteId === undefined ? {} : { siteId: input.siteId }),
      channel: input.channel,
      start: input.start,
      end: input.end,
      status: 'confirmed',
      person: input.person,
      bookedBy: input.bookedBy ?? 'user',
      createdAt: new Date().toISOString(),
    };
    await tx.query(
      `INSERT INTO bookings (id, agency_id, motif_id, site_id, channel, resource, during, status, token_hash, record)
       VALUES ($1, $2, $3, $4, $5, $6, tstzrange($7::timestamptz, $8::timestamptz, '[)'), $9, $10, $11)`,
      [
        booking.id,
        booking.agencyId,
        booking.motifId,
        booking.siteId ?? null,
        booking.channel,
        resource,
        booking.start,
        booking.end,
        booking.status,
        hashToken(token),
        booking,
      ],
    );
    const created: CreatedBooking = { booking, token };
    if (idempotency)
      await tx.query('UPDATE idempotency_keys SET status = 201, response = $3 WHERE scope = $1 AND key = $2', [
        idempotency.scope,
        idempotency.key,
        created,
      ]);
    return { ...created, replayed: false };
  });
}

/** The booking of a confirmation token, or `undefined`. */
export async function findBookingByToken(db: Queryable, token: string): Promise<Booking | undefined> {
  const [row] = await db.query<{ record: Booking }>('SELECT record FROM bookings WHERE token_hash = $1', [hashToken(token)]);
  return row?.record;
}

/**
 * Cancels the booking of a confirmation token, freeing its slot; cancelling
 * again answers the same. `undefined` for an unknown token.
 */
export async function cancelBooking(db: Queryable, token: string): Promise<Booking | undefined> {
  const [row] = await db.query<{ record: Booking }>(
    `UPDATE bookings
        SET status = 'cancelled', record = jsonb_set(record, '{status}', '"cancelled"'), updated_at = now()
      WHERE token_hash = $1
      RETURNING record`,
    [hashToken(token)],
  );
  return row?.record;
}
