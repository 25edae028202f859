import { Admission, EndSessionRequest, QueueEntry, VisioConfig, VisioDesk, VisioTicket, VisioTicketStatus } from '@rsp/core/client.js';
import { Id, VisioSession } from '@rsp/core/schemas.js';
import { z } from 'zod';
import { endpoint, ok } from '../api/endpoint.js';
import type { AnyEndpoint } from '../api/endpoint.js';
import { ApiProblem } from '../api/problems.js';
import type { CatalogSnapshot } from '../catalog.js';
import type { Queryable } from '../db/database.js';
import type { TokenGrant } from '../db/tokens.js';
import {
  admitTicket,
  cancelTicket,
  desksOnDuty,
  endSession,
  estimatedWait,
  expireStaleTickets,
  findSession,
  findTicket,
  insertTicket,
  openDesk,
  pollTicket,
  positionOf,
  touchDesk,
  waitingTickets,
} from '../db/visio.js';
import type { TicketRow } from '../db/visio.js';

/** The PeerJS `key` of the signalling server (PeerJS puts it in every socket URL; it guards nothing secret). */
export const PEER_KEY = 'rsp-kit';

/** `POST /api/visio/tickets` body. */
export const TicketRequestBody = z.strictObject({ siteId: Id, agencyId: Id, motifId: z.optional(Id) });
/** `POST /api/visio/queue/admit` body. */
export const AdmitBody = z.strictObject({ agencyId: Id, ticketId: z.optional(Id) });
/** `POST /api/visio/sessions/{id}/end` body. */
export const EndSessionBody = EndSessionRequest;

const QueueList = z.strictObject({ items: z.array(QueueEntry) });

const TicketParams = z.strictObject({ id: Id });

function ownAgency(grant: TokenGrant | undefined, agencyId: string): TokenGrant {
  if (!grant?.agencyId || grant.agencyId !== agencyId) {
    throw new ApiProblem('forbidden', {
      fr: `Votre jeton d’agent ne donne accès qu’à la file de votre propre organisme, pas à celle de « ${agencyId} ».`,
      en: `Your agent token only gives access to your own agency’s queue, not to that of "${agencyId}".`,
    });
  }
  return grant;
}

/** A 422 naming one field of the body, with the message in the request's language. */
function invalidField(locale: 'fr' | 'en', path: string, fr: string, en: string): ApiProblem {
  return new ApiProblem('invalid', { fr: 'Certains champs sont invalides.', en: 'Some fields are invalid.' }, { errors: [{ path, message: locale === 'fr' ? fr : en }] });
}

/** What a call request needs to know of the referential: whether the site, agency and motif exist, and the visio convention. */
function ticketFacts(
  catalog: CatalogSnapshot,
  body: { siteId: string; agencyId: string; motifId?: string | undefined },
): { site: boolean; agency: boolean; motif: { agencyId: string; visio: boolean } | undefined; visioConvention: boolean } {
  const motif = body.motifId === undefined ? undefined : catalog.motifById.get(body.motifId);
  return {
    site: catalog.siteById.has(body.siteId),
    agency: catalog.agencyById.has(body.agencyId),
    motif: motif ? { agencyId: motif.agencyId, visio: motif.channels.includes('visio') } : undefined,
    visioConvention: (catalog.conventionsBySite.get(body.siteId) ?? []).some((c) => c.agencyId === body.agencyId && c.visio === true),
  };
}

async function ticketStatus(db: Queryable, ticket: TicketRow, now: Date): Promise<VisioTicketStatus> {
  const waiting = ticket.status === 'waiting';
  const position = waiting ? await positionOf(db, ticket, now) : 0;
  const desks = waiting ? await desksOnDuty(db, ticket.agency_id, now) : 1;
  return {
    ticketId: ticket.id,
    peerId: ticket.peer_id,
    position,
    estimatedWaitMinutes: waiting ? estimatedWait(position, desks) : 0,
    status: ticket.status,
    ...(ticket.status === 'admitted' && ticket.agent_peer_id ? { agentPeerId: ticket.agent_peer_id } : {}),
  };
}

function unknownTicket(id: string): ApiProblem {
  return new ApiProblem('not-found', { fr: `Il n’y a pas de demande d’appel « ${id} ».`, en: `There is no call request "${id}".` });
}

/** The visio endpoints of docs/api.md. */
export const visioEndpoints: readonly AnyEndpoint[] = [
  endpoint({
    method: 'POST',
    path: '/api/visio/tickets',
    tag: 'visio',
    summary: 'A citizen asks for a video call with an agency from a site: a place in the queue and a PeerJS id.',
    idempotency: 'required',
    body: TicketRequestBody,
    answers: { 201: { description: 'The ticket', schema: VisioTicket } },
    problems: [409, 422, 503],
    async handle({ body, db, catalog, services, locale }) {
      const now = services.now();
      const facts = ticketFacts(catalog, body);
      if (!facts.site) throw invalidField(locale, 'siteId', `le lieu « ${body.siteId} » est inconnu`, `the site "${body.siteId}" is unknown`);
      if (!facts.agency)
        throw invalidField(locale, 'agencyId', `l’organisme « ${body.agencyId} » est inconnu`, `the agency "${body.agencyId}" is unknown`);
      if (body.motifId !== undefined) {
        if (facts.motif?.agencyId !== body.agencyId)
          throw invalidField(locale, 'motifId', `ce motif n’existe pas pour l’organisme « ${body.agencyId} »`, `this motif does not exist for the agency "${body.agencyId}"`);
        if (!facts.motif.visio) throw invalidField(locale, 'motifId', 'ce motif ne se traite pas en visio', 'this motif is not handled by video call');
      }
      if (!facts.visioConvention) {
        throw new ApiProblem('no-visio', {
          fr: 'Ce lieu n’offre pas de visio-guichet avec cet organisme. Demandez un rendez-vous à la place.',
          en: 'This site offers no video counter with this agency. Ask for an appointment instead.',
        });
      }
      const desks = await desksOnDuty(db, body.agencyId, now);
      if (desks === 0) {
        throw new ApiProblem('no-agent', {
          fr: 'Aucun agent de cet organisme n’est disponible en visio en ce moment. Réessayez plus tard ou prenez rendez-vous.',
          en: 'No agent of this agency is available by video right now. Try again later or book an appointment.',
        });
      }
      await expireStaleTickets(db, now, body.agencyId);
      const ticket = await insertTicket(db, { siteId: body.siteId, agencyId: body.agencyId, motifId: body.motifId, now });
      const position = await positionOf(db, ticket, now);
      const answer: VisioTicket = { ticketId: ticket.id, peerId: ticket.peer_id, position, estimatedWaitMinutes: estimatedWait(position, desks) };
      return ok(answer, 201, { Location: `/api/visio/tickets/${ticket.id}`, 'Cache-Control': 'no-store' });
    },
  }),
  endpoint({
    method: 'GET',
    path: '/api/visio/tickets/{id}',
    tag: 'visio',
    summary: 'A citizen polls its ticket (at least every 2 minutes, or it expires): position, state, the agent’s PeerJS id once admitted.',
    params: TicketParams,
    answers: { 200: { description: 'The ticket’s state', schema: VisioTicketStatus } },
    async handle({ params, database, services }) {
      const now = services.now();
      const ticket = await pollTicket(database, params.id, now);
      if (!ticket) throw unknownTicket(params.id);
      return ok(await ticketStatus(database, ticket, now), 200, { 'Cache-Control': 'no-store' });
    },
  }),
  endpoint({
    method: 'DELETE',
    path: '/api/visio/tickets/{id}',
    tag: 'visio',
    summary: 'The citizen gives up: the ticket is cancelled (again: the same).',
    params: TicketParams,
    answers: { 204: { description: 'Cancelled' } },
    async handle({ params, db }) {
      if (!(await cancelTicket(db, params.id))) throw unknownTicket(params.id);
      return { status: 204 };
    },
  }),
  endpoint({
    method: 'GET',
    path: '/api/visio/queue',
    tag: 'visio',
    summary: 'An agent’s desk polls its agency’s queue (and is thereby on duty).',
    roles: ['agent'],
    query: z.strictObject({ agency: Id }),
    answers: { 200: { description: 'The waiting citizens, first in line first', schema: QueueList } },
    problems: [403],
    async handle({ query, grant, database, services }) {
      const own = ownAgency(grant, query.agency);
      const now = services.now();
      await touchDesk(database, own.id, now);
      await expireStaleTickets(database, now, query.agency);
      const rows = await waitingTickets(database, query.agency, now);
      const items: QueueEntry[] = rows.map((row, position) => ({
        ticketId: row.id,
        siteId: row.site_id,
        agencyId: row.agency_id,
        ...(row.motif_id ? { motifId: row.motif_id } : {}),
        requestedAt: row.requested_at.toISOString(),
        position,
      }));
      return ok({ items }, 200, { 'Cache-Control': 'no-store' });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/visio/queue/admit',
    tag: 'visio',
    summary: 'An agent takes the first citizen in line, or the given ticket, and opens the session.',
    roles: ['agent'],
    idempotency: 'optional',
    body: AdmitBody,
    answers: { 200: { description: 'The admission', schema: Admission } },
    problems: [403, 409],
    async handle({ body, grant, db, services }) {
      const own = ownAgency(grant, body.agencyId);
      const now = services.now();
      const deskPeerId = await touchDesk(db, own.id, now);
      if (deskPeerId === undefined) {
        throw new ApiProblem('conflict', {
          fr: 'Ouvrez d’abord votre poste de visio-guichet (POST /api/visio/desk) : le citoyen a besoin de son identifiant pour vous joindre.',
          en: 'Open your video counter desk first (POST /api/visio/desk): the citizen needs its id to reach you.',
        });
      }
      const admitted = await admitTicket(db, { agencyId: body.agencyId, ticketId: body.ticketId, tokenId: own.id, deskPeerId, now });
      if (!admitted) {
        if (body.ticketId === undefined)
          throw new ApiProblem('not-found', { fr: 'Personne n’attend dans la file de cet organisme.', en: 'Nobody is waiting in this agency’s queue.' });
        const ticket = await findTicket(db, body.ticketId);
        if (ticket?.agency_id !== body.agencyId) throw unknownTicket(body.ticketId);
        if (ticket.status === 'admitted')
          throw new ApiProblem('ticket-taken', { fr: 'Un autre agent a déjà pris cet appel.', en: 'Another agent already took this call.' });
        throw new ApiProblem('not-found', {
          fr: 'Ce citoyen n’attend plus : il a quitté la file ou sa demande a expiré.',
          en: 'This citizen is no longer waiting: they left the queue or their request expired.',
        });
      }
      const answer: Admission = { ticketId: admitted.ticket.id, peerId: admitted.ticket.peer_id, session: admitted.session };
      return ok(answer, 200, { 'Cache-Control': 'no-store' });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/visio/desk',
    tag: 'visio',
    summary: 'An agent opens its desk: the server-issued PeerJS id (and token) its browser opens; the desk is on duty.',
    roles: ['agent'],
    idempotency: 'optional',
    answers: { 200: { description: 'The desk', schema: VisioDesk } },
    problems: [403],
    async handle({ grant, db, services }) {
      if (!grant?.agencyId)
        throw new ApiProblem('forbidden', { fr: 'Ce jeton d’agent n’est rattaché à aucun organisme.', en: 'This agent token is bound to no agency.' });
      const desk = await openDesk(db, { tokenId: grant.id, agencyId: grant.agencyId }, services.now());
      const answer: VisioDesk = { peerId: desk.peerId, peerToken: desk.peerToken };
      return ok(answer, 200, { 'Cache-Control': 'no-store' });
    },
  }),
  endpoint({
    method: 'GET',
    path: '/api/visio/config',
    tag: 'visio',
    summary: 'Where the PeerJS signalling server is (same origin) and the ICE servers to use.',
    answers: { 200: { description: 'The video counter’s settings', schema: VisioConfig } },
    handle({ services }) {
      const answer: VisioConfig = {
        peerPath: services.peerPath,
        peerKey: PEER_KEY,
        iceServers: services.iceServers.map((s) => ({
          urls: typeof s.urls === 'string' ? s.urls : [...s.urls],
          ...(s.username === undefined ? {} : { username: s.username }),
          ...(s.credential === undefined ? {} : { credential: s.credential }),
        })),
      };
      return ok(answer, 200, { 'Cache-Control': 'no-store' });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/visio/sessions/{id}/end',
    tag: 'visio',
    summary: 'The agent closes a session with its outcome (ending again changes nothing).',
    roles: ['agent'],
    idempotency: 'optional',
    params: z.strictObject({ id: Id }),
    body: EndSessionBody,
    answers: { 200: { description: 'The session, ended', schema: VisioSession } },
    problems: [403],
    async handle({ params, body, grant, db, services }) {
      const session = await findSession(db, params.id);
      if (!session) throw new ApiProblem('not-found', { fr: `Il n’y a pas de séance « ${params.id} ».`, en: `There is no session "${params.id}".` });
      ownAgency(grant, session.agencyId);
      const ended = await endSession(db, params.id, { outcome: body.outcome, documentsExchanged: body.documentsExchanged, now: services.now() });
      return ok(ended, 200, { 'Cache-Control': 'no-store' });
    },
  }),
];
