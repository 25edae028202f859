import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Booking } from '@rsp/core/schemas.js';
import type { Database, Queryable } from './database.js';
import { claimKey, storeAnswer } from './idempotency.js';

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

/** The default receiver of a booking: its agency, site and channel. */
export function defaultResource(booking: Pick<NewBooking, 'agencyId' | 'siteId' | 'channel'>): string {
  return `${booking.agencyId}/${booking.siteId ?? '-'}/${booking.channel}`;
}

/**
 * Takes the transaction-level advisory lock of a booking resource (or of a
 * group of resources: the desks of one receiver). Concurrent inserts checked
 * by one exclusion constraint can deadlock each other on PostgreSQL (each
 * waits for the other's index entry): the writers of one resource queue here
 * first. The constraint, not this lock, is what guarantees that no two
 * bookings overlap. Released when the transaction ends.
 */
export async function lockBookingResource(tx: Queryable, resource: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [BOOKING_LOCK, resource]);
}

/** Options of {@link insertBooking}. */
export interface InsertOptions {
  /** `createdAt` of the record (the server's clock). Default: the system clock. */
  readonly now?: Date | undefined;
  /** Lock the resource first (default `true`); `false` when the caller already holds the lock of its group. */
  readonly lock?: boolean | undefined;
}

/**
 * Inserts a booking with `db` (the caller's transaction, or the database for
 * one statement) and answers it with its new secret token. The database
 * refuses a second non-cancelled booking of the same resource over an
 * overlapping time: `ConflictError` on `bookings_no_overlap`.
 */
export async function insertBooking(db: Queryable, input: NewBooking, options: InsertOptions = {}): Promise<CreatedBooking> {
  const resource = input.resource ?? defaultResource(input);
  if (options.lock !== false) await lockBookingResource(db, resource);
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
    createdAt: (options.now ?? new Date()).toISOString(),
  };
  await db.query(
    `INSERT INTO bookings (id, agency_id, motif_id, site_id, channel, resource, during, status, token_hash, record)
     VALUES ($1, $2, $3, $4, $5, $6, tstzrange($7::timestamptz, $8::timestamptz, '[)'), $9, $10, $11)`,
    [booking.id, booking.agencyId, booking.motifId, booking.siteId ?? null, booking.channel, resource, booking.start, booking.end, booking.status, hashToken(token), booking],
  );
  return { booking, token };
}

/**
 * Stores a booking in a transaction of its own (the CLI, the storage tests;
 * the API inserts with {@link insertBooking} in the request's transaction,
 * where the router keeps the idempotency key). With an idempotency key, the
 * key, the booking and the answer are written in one transaction: the same
 * key again gives the stored answer (`replayed: true`) and no second booking;
 * a refused booking (`ConflictError` on `bookings_no_overlap`) leaves no key
 * behind, so a retry is tried afresh.
 */
export async function createBooking(db: Database, input: NewBooking, idempotency?: IdempotencyKey): Promise<CreateBookingResult> {
  return db.transaction(async (tx) => {
    if (idempotency) {
      const stored = await claimKey(tx, idempotency.scope, idempotency.key, idempotency.requestHash);
      if (stored) return { ...(stored.body as CreatedBooking), replayed: true };
    }
    const created = await insertBooking(tx, input);
    if (idempotency) await storeAnswer(tx, idempotency.scope, idempotency.key, { status: 201, body: created });
    return { ...created, replayed: false };
  });
}

/** A stored booking with what cannot be booked twice (its resource). */
export interface StoredBooking {
  readonly booking: Booking;
  readonly resource: string;
}

/**
 * The booking of a confirmation token and its resource, or `undefined`.
 * `forUpdate`: lock its row until the transaction ends (cancel, reschedule).
 */
export async function findStoredBooking(db: Queryable, token: string, options: { forUpdate?: boolean } = {}): Promise<StoredBooking | undefined> {
  const [row] = await db.query<{ record: Booking; resource: string }>(
    `SELECT record, resource FROM bookings WHERE token_hash = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [hashToken(token)],
  );
  return row ? { booking: row.record, resource: row.resource } : undefined;
}

/** A non-cancelled booking's time and resource, as slot computation reads it. */
export interface BusyBooking {
  readonly id: string;
  readonly resource: string;
  readonly start: string;
  readonly end: string;
}

/**
 * The non-cancelled bookings whose resource starts with `prefix` (the desks
 * of one receiver) and whose time meets `[from, to)`, by start.
 */
export async function busyBookings(db: Queryable, prefix: string, from: Date, to: Date): Promise<BusyBooking[]> {
  const rows = await db.query<{ id: string; resource: string; start: string; end: string }>(
    `SELECT id, resource, record->>'start' AS start, record->>'end' AS "end"
       FROM bookings
      WHERE starts_with(resource, $1) AND status <> 'cancelled' AND during && tstzrange($2::timestamptz, $3::timestamptz, '[)')
      ORDER BY lower(during), id`,
    [prefix, from.toISOString(), to.toISOString()],
  );
  return rows.map((r) => ({ id: r.id, resource: r.resource, start: r.start, end: r.end }));
}

/**
 * The non-cancelled bookings at a site (on-site and visio appointments taken
 * from it) whose start falls in `[from, to)`, by start: a site's agenda.
 */
export async function siteBookings(db: Queryable, siteId: string, from: Date, to: Date): Promise<Booking[]> {
  const rows = await db.query<{ record: Booking }>(
    `SELECT record FROM bookings
      WHERE site_id = $1 AND status <> 'cancelled' AND lower(during) >= $2::timestamptz AND lower(during) < $3::timestamptz
      ORDER BY lower(during), id`,
    [siteId, from.toISOString(), to.toISOString()],
  );
  return rows.map((r) => r.record);
}

/**
 * Moves a booking to another time and resource, keeping its id and token
 * (the exclusion constraint applies: `ConflictError` on
 * `bookings_no_overlap`). Answers the updated record.
 */
export async function moveBooking(db: Queryable, id: string, move: { start: string; end: string; resource: string }): Promise<Booking | undefined> {
  const [row] = await db.query<{ record: Booking }>(
    `UPDATE bookings
        SET during = tstzrange($2::timestamptz, $3::timestamptz, '[)'), resource = $4,
            record = jsonb_set(jsonb_set(record, '{start}', to_jsonb($5::text)), '{end}', to_jsonb($6::text)), updated_at = now()
      WHERE id = $1
      RETURNING record`,
    [id, move.start, move.end, move.resource, move.start, move.end],
  );
  return row?.record;
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
