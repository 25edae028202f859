import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { VisioSession } from '@rsp/core/schemas.js';
import type { VisioOutcome } from '@rsp/core/schemas.js';
import type { Queryable } from './database.js';

/** A waiting ticket whose citizen has not polled it for this long expires. */
export const TICKET_TIMEOUT_MS = 2 * 60_000;
/** An agent's desk counts as on duty when it polled the queue this recently. */
export const DESK_ON_DUTY_MS = 2 * 60_000;
/** A desk's peer id stays usable for signalling this long after its last poll. */
export const DESK_TTL_MS = 12 * 60 * 60_000;
/** An admitted ticket's peer id stays usable for signalling this long after its admission (unless the session ended). */
export const ADMITTED_TTL_MS = 4 * 60 * 60_000;
/** The average call length behind `estimatedWaitMinutes`. */
export const AVERAGE_CALL_MINUTES = 10;

/** A ticket's states (the CHECK constraint of `visio_tickets`). */
export type TicketStatus = 'waiting' | 'admitted' | 'cancelled' | 'expired';

/** A row of `visio_tickets`. */
export interface TicketRow {
  readonly id: string;
  readonly peer_id: string;
  readonly site_id: string;
  readonly agency_id: string;
  readonly motif_id: string | null;
  readonly status: TicketStatus;
  readonly requested_at: Date;
  readonly last_seen_at: Date;
  readonly admitted_at: Date | null;
  readonly agent_token_id: string | null;
  readonly agent_peer_id: string | null;
  readonly session_id: string | null;
}

const before = (now: Date, ms: number): Date => new Date(now.getTime() - ms);

/**
 * A PeerJS id: 128 random bits in hex behind a prefix. PeerJS accepts ids
 * matching `^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$`; base64url could break it
 * (a leading or doubled `-`/`_`), hex never does.
 */
export function newPeerId(kind: 'citizen' | 'desk'): string {
  return `${kind}-${randomBytes(16).toString('hex')}`;
}

/**
 * The secret a desk gives as its PeerJS `token`: an HMAC of its peer id keyed
 * with the stored hash of the agent's bearer token, so that a citizen who
 * learnt the desk's peer id (every admitted citizen does) cannot take it over.
 */
export function deskPeerToken(peerId: string, tokenHash: string): string {
  return createHmac('sha256', tokenHash).update(`rsp-visio-desk:${peerId}`).digest('base64url');
}

/** Marks as expired the waiting tickets (of an agency, or all) not polled for `TICKET_TIMEOUT_MS`. */
export async function expireStaleTickets(db: Queryable, now: Date, agencyId?: string): Promise<number> {
  const rows = await db.query(
    `UPDATE visio_tickets SET status = 'expired' WHERE status = 'waiting' AND last_seen_at < $1 ${agencyId === undefined ? '' : 'AND agency_id = $2'} RETURNING id`,
    agencyId === undefined ? [before(now, TICKET_TIMEOUT_MS)] : [before(now, TICKET_TIMEOUT_MS), agencyId],
  );
  return rows.length;
}

/** How many desks of an agency are on duty (polled in the last 2 minutes, with a live token). */
export async function desksOnDuty(db: Queryable, agencyId: string, now: Date): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM visio_desks d JOIN api_tokens t ON t.id = d.token_id
      WHERE d.agency_id = $1 AND d.last_seen_at >= $2 AND t.revoked_at IS NULL`,
    [agencyId, before(now, DESK_ON_DUTY_MS)],
  );
  return Number(row?.n ?? 0);
}

/** Minutes a citizen at `position` may wait, with `desks` agents on duty. */
export function estimatedWait(position: number, desks: number): number {
  return Math.ceil((position * AVERAGE_CALL_MINUTES) / Math.max(1, desks));
}

let ticketSequence = 0;

/**
 * A ticket id: the request's millisecond and a per-process sequence number
 * (base 36, fixed width, so that ids of one millisecond sort in the order
 * they were issued), then 128 random bits (the id is the citizen's only key
 * to the ticket, so it must be unguessable).
 */
export function newTicketId(now: Date): string {
  ticketSequence = (ticketSequence + 1) % 36 ** 6;
  const ms = Math.max(0, now.getTime()).toString(36).padStart(9, '0');
  return `${ms}-${ticketSequence.toString(36).padStart(6, '0')}-${randomBytes(16).toString('hex')}`;
}

/** Queue order: time of request, then ticket id (issue order within one millisecond), bytewise. */
const QUEUE_ORDER = 'requested_at, id COLLATE "C"';

/** Opens a ticket at the end of the agency's queue. */
export async function insertTicket(db: Queryable, request: { siteId: string; agencyId: string; motifId?: string | undefined; now: Date }): Promise<TicketRow> {
  const [row] = await db.query<TicketRow>(
    `INSERT INTO visio_tickets (id, peer_id, site_id, agency_id, motif_id, status, requested_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $6)
     RETURNING *`,
    [newTicketId(request.now), newPeerId('citizen'), request.siteId, request.agencyId, request.motifId ?? null, request.now],
  );
  if (!row) throw new Error('The ticket was not stored.');
  return row;
}

/** A ticket by its id. */
export async function findTicket(db: Queryable, id: string): Promise<TicketRow | undefined> {
  const [row] = await db.query<TicketRow>('SELECT * FROM visio_tickets WHERE id = $1', [id]);
  return row;
}

/**
 * A citizen polls a ticket: a waiting ticket not polled for 2 minutes
 * expires, a fresh one is marked as seen now. Returns the ticket as it is
 * after that, or `undefined` when unknown.
 */
export async function pollTicket(db: Queryable, id: string, now: Date): Promise<TicketRow | undefined> {
  const [expired] = await db.query<TicketRow>(
    "UPDATE visio_tickets SET status = 'expired' WHERE id = $1 AND status = 'waiting' AND last_seen_at < $2 RETURNING *",
    [id, before(now, TICKET_TIMEOUT_MS)],
  );
  if (expired) return expired;
  const [seen] = await db.query<TicketRow>(
    "UPDATE visio_tickets SET last_seen_at = GREATEST(last_seen_at, $2::timestamptz) WHERE id = $1 AND status IN ('waiting', 'admitted') RETURNING *",
    [id, now],
  );
  return seen ?? (await findTicket(db, id));
}

/** How many fresh waiting tickets of the ticket's agency are ahead of it (0: next). */
export async function positionOf(db: Queryable, ticket: TicketRow, now: Date): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM visio_tickets
      WHERE agency_id = $1 AND status = 'waiting' AND last_seen_at >= $2
        AND (requested_at < $3 OR (requested_at = $3 AND id COLLATE "C" < $4 COLLATE "C"))`,
    [ticket.agency_id, before(now, TICKET_TIMEOUT_MS), ticket.requested_at, ticket.id],
  );
  return Number(row?.n ?? 0);
}

/** The citizen gives up: a waiting or admitted ticket becomes cancelled. `false` when the ticket is unknown. */
export async function cancelTicket(db: Queryable, id: string): Promise<boolean> {
  const updated = await db.query("UPDATE visio_tickets SET status = 'cancelled' WHERE id = $1 AND status IN ('waiting', 'admitted') RETURNING id", [id]);
  if (updated.length > 0) return true;
  return (await findTicket(db, id)) !== undefined;
}

/** The agency's fresh waiting tickets, first in line first. */
export async function waitingTickets(db: Queryable, agencyId: string, now: Date): Promise<TicketRow[]> {
  return db.query<TicketRow>(
    `SELECT * FROM visio_tickets WHERE agency_id = $1 AND status = 'waiting' AND last_seen_at >= $2 ORDER BY ${QUEUE_ORDER}`,
    [agencyId, before(now, TICKET_TIMEOUT_MS)],
  );
}

/** An agent's desk: its PeerJS id and the token to open it with. */
export interface Desk {
  readonly peerId: string;
  readonly peerToken: string;
  readonly agencyId: string;
}

/**
 * The desk of an agent's bearer token (one per token), created on first use;
 * marks it as seen now (on duty). Desks not seen for 12 hours are forgotten.
 */
export async function openDesk(db: Queryable, grant: { tokenId: string; agencyId: string }, now: Date): Promise<Desk> {
  await db.query('DELETE FROM visio_desks WHERE last_seen_at < $1', [before(now, DESK_TTL_MS)]);
  const [existing] = await db.query<{ peer_id: string }>(
    'UPDATE visio_desks SET last_seen_at = GREATEST(last_seen_at, $3::timestamptz), agency_id = $2 WHERE token_id = $1 RETURNING peer_id',
    [grant.tokenId, grant.agencyId, now],
  );
  const peerId = existing?.peer_id ?? newPeerId('desk');
  if (!existing) {
    await db.query('INSERT INTO visio_desks (peer_id, token_id, agency_id, issued_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)', [peerId, grant.tokenId, grant.agencyId, now]);
  }
  const [token] = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [grant.tokenId]);
  if (!token) throw new Error('The agent’s token vanished while opening its desk.');
  return { peerId, peerToken: deskPeerToken(peerId, token.token_hash), agencyId: grant.agencyId };
}

/** Marks an agent token's desk as on duty; returns its peer id, or `undefined` when the token has no desk. */
export async function touchDesk(db: Queryable, tokenId: string, now: Date): Promise<string | undefined> {
  const [row] = await db.query<{ peer_id: string }>(
    'UPDATE visio_desks SET last_seen_at = GREATEST(last_seen_at, $2::timestamptz) WHERE token_id = $1 RETURNING peer_id',
    [tokenId, now],
  );
  return row?.peer_id;
}

/** What an admission gives: the ticket as admitted and the session opened. */
export interface AdmittedTicket {
  readonly ticket: TicketRow;
  readonly session: VisioSession;
}

/**
 * Admits a ticket for an agent: the given one, or the first fresh waiting
 * ticket of the agency. Race-safe: the ticket moves from `waiting` to
 * `admitted` by one conditional UPDATE, so of two agents admitting the same
 * ticket exactly one gets it (the other's UPDATE finds no waiting row); the
 * first in line is picked with `FOR UPDATE SKIP LOCKED`, so two agents taking
 * "the next" get two different citizens. `undefined` when nothing was
 * admitted (the caller tells why). Opens the `visio_sessions` row.
 */
export async function admitTicket(
  db: Queryable,
  request: { agencyId: string; ticketId?: string | undefined; tokenId: string; deskPeerId: string; now: Date },
): Promise<AdmittedTicket | undefined> {
  const sessionId = randomUUID();
  const fresh = before(request.now, TICKET_TIMEOUT_MS);
  const set = `status = 'admitted', admitted_at = $1, agent_token_id = $2, agent_peer_id = $3, session_id = $4`;
  const [ticket] =
    request.ticketId === undefined
      ? await db.query<TicketRow>(
          `UPDATE visio_tickets SET ${set}
            WHERE id = (SELECT id FROM visio_tickets WHERE agency_id = $5 AND status = 'waiting' AND last_seen_at >= $6
                         ORDER BY ${QUEUE_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED)
              AND status = 'waiting'
            RETURNING *`,
          [request.now, request.tokenId, request.deskPeerId, sessionId, request.agencyId, fresh],
        )
      : await db.query<TicketRow>(
          `UPDATE visio_tickets SET ${set}
            WHERE id = $7 AND agency_id = $5 AND status = 'waiting' AND last_seen_at >= $6
            RETURNING *`,
          [request.now, request.tokenId, request.deskPeerId, sessionId, request.agencyId, fresh, request.ticketId],
        );
  if (!ticket) return undefined;
  const requestedAt = ticket.requested_at;
  const startedAt = request.now.getTime() < requestedAt.getTime() ? requestedAt : request.now;
  const session = VisioSession.parse({
    id: sessionId,
    siteId: ticket.site_id,
    agencyId: ticket.agency_id,
    ...(ticket.motif_id ? { motifId: ticket.motif_id } : {}),
    requestedAt: requestedAt.toISOString(),
    startedAt: startedAt.toISOString(),
  });
  await db.query('INSERT INTO visio_sessions (id, site_id, agency_id, requested_at, record) VALUES ($1, $2, $3, $4, $5)', [
    session.id,
    session.siteId,
    session.agencyId,
    requestedAt,
    session,
  ]);
  return { ticket, session };
}

/** A stored session. */
export async function findSession(db: Queryable, id: string): Promise<VisioSession | undefined> {
  const [row] = await db.query<{ record: unknown }>('SELECT record FROM visio_sessions WHERE id = $1', [id]);
  return row ? VisioSession.parse(row.record) : undefined;
}

/**
 * Closes a session with the agent's outcome. A session already ended is
 * answered as it is (ending twice changes nothing).
 */
export async function endSession(
  db: Queryable,
  id: string,
  ending: { outcome: VisioOutcome; documentsExchanged?: number | undefined; now: Date },
): Promise<VisioSession | undefined> {
  const [row] = await db.query<{ record: unknown }>('SELECT record FROM visio_sessions WHERE id = $1 FOR UPDATE', [id]);
  if (!row) return undefined;
  const current = VisioSession.parse(row.record);
  if (current.endedAt !== undefined) return current;
  const startedAt = current.startedAt ?? current.requestedAt;
  const endedAt = ending.now.getTime() < Date.parse(startedAt) ? startedAt : ending.now.toISOString();
  const ended = VisioSession.parse({
    ...current,
    startedAt,
    endedAt,
    outcome: ending.outcome,
    documentsExchanged: ending.documentsExchanged ?? current.documentsExchanged,
  });
  await db.query('UPDATE visio_sessions SET record = $2, updated_at = now() WHERE id = $1', [id, ended]);
  return ended;
}

/**
 * Whether a PeerJS id may open a signalling socket now: a live ticket's peer
 * id (waiting and polled in the last 2 minutes, or admitted in the last 4
 * hours with its session not ended), or a live desk's peer id (seen in the
 * last 12 hours, its token not revoked) opened with the desk's token.
 */
export async function isLivePeer(db: Queryable, peerId: string, peerToken: string, now: Date): Promise<boolean> {
  const tickets = await db.query<{ id: string }>(
    `SELECT t.id FROM visio_tickets t LEFT JOIN visio_sessions s ON s.id = t.session_id
      WHERE t.peer_id = $1
        AND ((t.status = 'waiting' AND t.last_seen_at >= $2)
          OR (t.status = 'admitted' AND t.admitted_at >= $3 AND (s.record IS NULL OR NOT (s.record ? 'endedAt'))))`,
    [peerId, before(now, TICKET_TIMEOUT_MS), before(now, ADMITTED_TTL_MS)],
  );
  if (tickets.length > 0) return true;
  const [desk] = await db.query<{ token_hash: string }>(
    `SELECT t.token_hash FROM visio_desks d JOIN api_tokens t ON t.id = d.token_id
      WHERE d.peer_id = $1 AND d.last_seen_at >= $2 AND t.revoked_at IS NULL`,
    [peerId, before(now, DESK_TTL_MS)],
  );
  if (!desk) return false;
  const expected = Buffer.from(deskPeerToken(peerId, desk.token_hash));
  const given = Buffer.from(peerToken);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
