import '../zod-config.js';
import * as z from 'zod/mini';
import { Booking } from '../schemas/booking.js';
import { Id, IsoDate, IsoDateTime } from '../schemas/common.js';
import { Convention } from '../schemas/convention.js';
import type { CountsSummary, SiteSurveyStats, SurveyStats, TripSummary, VisioStats } from '../evaluation/index.js';
import { Channel } from '../schemas/motif.js';
import { Site, VenueKind } from '../schemas/site.js';
import { VisioOutcome, VisioSession } from '../schemas/visio.js';

/*
 * Answer schemas of the HTTP API (docs/api.md) that the data model does not
 * already define. Records are strict like the data model's: a field the
 * client does not know is an error, not silently dropped; the API adds
 * fields only with a new schema version.
 */

/** One invalid field of a request, in a problem's `errors`. */
export const ProblemField = z.object({ path: z.string(), message: z.string() });
export type ProblemField = z.infer<typeof ProblemField>;

/**
 * RFC 9457 problem details (`application/problem+json`), the body of every
 * error answer. Extension members are allowed by the RFC and ignored here.
 */
export const ProblemDetails = z.object({
  type: z._default(z.string(), 'about:blank'),
  title: z.optional(z.string()),
  status: z.optional(z.number().check(z.int())),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(ProblemField)),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/** A site in a list, with its distance when the list was asked `near` a point. */
export const SiteListItem = z.strictObject({ site: Site, distanceKm: z.optional(z.number().check(z.gte(0))) });
export type SiteListItem = z.infer<typeof SiteListItem>;

/** A page of sites: the hits, and how many sites match in all. */
export const SiteList = z.strictObject({ total: z.number().check(z.int(), z.gte(0)), items: z.array(SiteListItem) });
export type SiteList = z.infer<typeof SiteList>;

/** A site as a GeoJSON point feature (`Accept: application/geo+json`), for maps. */
export const SiteFeature = z.strictObject({
  type: z.literal('Feature'),
  id: Id,
  geometry: z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.strictObject({
    name: z.string(),
    venueKind: VenueKind,
    commune: z.string(),
    postcode: z.string(),
    distanceKm: z.optional(z.number().check(z.gte(0))),
  }),
});
export type SiteFeature = z.infer<typeof SiteFeature>;

/** Sites as a GeoJSON feature collection; sites without coordinates are left out. */
export const SiteFeatureCollection = z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(SiteFeature) });
export type SiteFeatureCollection = z.infer<typeof SiteFeatureCollection>;

/** A time range, two instants with their offset. */
export const ApiTimeRange = z.strictObject({ start: IsoDateTime, end: IsoDateTime });
export type ApiTimeRange = z.infer<typeof ApiTimeRange>;

/** The outcome of a charter rule or audit. */
export const ApiCharterStatus = z.enum(['met', 'not-met', 'unknown']);
export type ApiCharterStatus = z.infer<typeof ApiCharterStatus>;

/** One rule's outcome for one site. */
export const ApiFinding = z.strictObject({ rule: z.string(), status: ApiCharterStatus, reason: z.string() });
export type ApiFinding = z.infer<typeof ApiFinding>;

/** A site's charter audit. */
export const ApiSiteAudit = z.strictObject({ id: Id, name: z.string(), status: ApiCharterStatus, findings: z.array(ApiFinding) });
export type ApiSiteAudit = z.infer<typeof ApiSiteAudit>;

const StatusCounts = { met: z.number().check(z.int(), z.gte(0)), notMet: z.number().check(z.int(), z.gte(0)), unknown: z.number().check(z.int(), z.gte(0)) };

/** A network's charter audit (the charter engine's `NetworkAudit`). */
export const ApiNetworkAudit = z.strictObject({
  ...StatusCounts,
  charter: z.string(),
  referenceDate: IsoDate,
  sites: z.number().check(z.int(), z.gte(0)),
  rules: z.record(z.string(), z.strictObject(StatusCounts)),
  results: z.array(ApiSiteAudit),
});
export type ApiNetworkAudit = z.infer<typeof ApiNetworkAudit>;

/** A site with what a detail page shows: its conventions, whether it is open now, today's hours and its charter status. */
export const SiteDetail = z.strictObject({
  site: Site,
  conventions: z.array(Convention),
  hours: z.strictObject({
    /** `null` when the hours are unknown. */
    openNow: z.nullable(z.boolean()),
    /** The next opening or closing, when known. */
    nextChange: z.nullable(IsoDateTime),
    /** Today's opening ranges (Europe/Paris). */
    today: z.array(ApiTimeRange),
  }),
  charter: z.extend(ApiSiteAudit, { profile: z.string() }),
});
export type SiteDetail = z.infer<typeof SiteDetail>;

/** A free appointment slot. */
export const ApiSlot = z.strictObject({ start: IsoDateTime, end: IsoDateTime, channel: z.optional(Channel), siteId: z.optional(Id) });
export type ApiSlot = z.infer<typeof ApiSlot>;

/** A list of records. */
export const Items = <T extends z.core.SomeType>(item: T) => z.strictObject({ items: z.array(item) });

/** The answer to a booking or a reschedule: the booking, its secret token, and where to get its calendar file. */
export const BookingConfirmation = z.strictObject({ booking: Booking, token: z.string().check(z.minLength(16)), icsUrl: z.string() });
export type BookingConfirmation = z.infer<typeof BookingConfirmation>;

/** The answer to a survey response: when it was recorded. */
export const SurveyReceipt = z.strictObject({ surveyId: Id, receivedAt: IsoDateTime });
export type SurveyReceipt = z.infer<typeof SurveyReceipt>;

/** A visio-guichet ticket: the citizen's place in an agency's queue and the PeerJS id to wait on. */
export const VisioTicket = z.strictObject({
  ticketId: Id,
  peerId: z.string().check(z.minLength(1)),
  position: z.number().check(z.int(), z.gte(0)),
  estimatedWaitMinutes: z.number().check(z.gte(0)),
});
export type VisioTicket = z.infer<typeof VisioTicket>;

/** A ticket's state as the citizen polls it. */
export const VisioTicketStatus = z.extend(VisioTicket, {
  status: z.enum(['waiting', 'admitted', 'cancelled', 'expired']),
  /** The agent's PeerJS id, once admitted. */
  agentPeerId: z.optional(z.string().check(z.minLength(1))),
});
export type VisioTicketStatus = z.infer<typeof VisioTicketStatus>;

/** A waiting citizen as an agent sees the queue. */
export const QueueEntry = z.strictObject({
  ticketId: Id,
  siteId: Id,
  agencyId: Id,
  motifId: z.optional(Id),
  requestedAt: IsoDateTime,
  position: z.number().check(z.int(), z.gte(0)),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

/** An agent admits a citizen: the ticket, the citizen's PeerJS id to call, and the session record opened. */
export const Admission = z.strictObject({ ticketId: Id, peerId: z.string().check(z.minLength(1)), session: VisioSession });
export type Admission = z.infer<typeof Admission>;

/** An agent's desk (`POST /api/visio/desk`): its server-issued PeerJS id and the `token` to open PeerJS with. */
export const VisioDesk = z.strictObject({ peerId: z.string().check(z.minLength(1)), peerToken: z.string().check(z.minLength(16)) });
export type VisioDesk = z.infer<typeof VisioDesk>;

/** An ICE server as handed to the browser (`RTCIceServer`). */
export const IceServerAnswer = z.strictObject({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.optional(z.string()),
  credential: z.optional(z.string()),
});
export type IceServerAnswer = z.infer<typeof IceServerAnswer>;

/** The video counter's settings (`GET /api/visio/config`): where the signalling server is, its key, and the ICE servers. */
export const VisioConfig = z.strictObject({ peerPath: z.string(), peerKey: z.string(), iceServers: z.array(IceServerAnswer) });
export type VisioConfig = z.infer<typeof VisioConfig>;

/** How an agent ends a session (`POST /api/visio/sessions/{id}/end`). */
export const EndSessionRequest = z.strictObject({
  outcome: VisioOutcome,
  documentsExchanged: z.optional(z.number().check(z.int('rsp.integer'), z.gte(0, 'rsp.nonNegative'), z.lte(1000, 'rsp.tooBig'))),
});
export type EndSessionRequest = z.infer<typeof EndSessionRequest>;

const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The evaluation report of a period, as `evaluationReport()` of
 * `@rsp/core/evaluation.js` computes it (coordinator). The envelope is
 * checked; the summaries inside are only checked to be objects, their types
 * being that module's.
 */
export const ApiEvaluationReport = z.strictObject({
  period: z.strictObject({ from: IsoDate, to: IsoDate }),
  siteNames: z.record(z.string(), z.string()),
  counts: z.custom<CountsSummary>(isRecord),
  survey: z.optional(z.custom<SurveyStats>(isRecord)),
  surveyBySite: z.optional(z.array(z.custom<SiteSurveyStats>(isRecord))),
  visio: z.custom<VisioStats>(isRecord),
  trips: z.custom<TripSummary>(isRecord),
});

/** The server's health. */
export const Health = z.strictObject({ status: z.enum(['ok', 'degraded']), version: z.string(), time: IsoDateTime });
export type Health = z.infer<typeof Health>;

/** An OpenAPI document: only its version and info are checked. */
export const OpenApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }) });
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;
