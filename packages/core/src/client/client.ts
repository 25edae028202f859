import '../zod-config.js';
import ky, { isHTTPError, isNetworkError as isKyNetworkError, isTimeoutError as isKyTimeoutError } from 'ky';
import * as z from 'zod/mini';
import type { NetworkAudit } from '../charter/engine.js';
import type { EvaluationReport } from '../evaluation/report.js';
import type { Locale } from '../locale.js';
import { Agency } from '../schemas/agency.js';
import { Booking } from '../schemas/booking.js';
import type { BookingPerson } from '../schemas/booking.js';
import type { Channel } from '../schemas/motif.js';
import { Motif } from '../schemas/motif.js';
import type { VenueKind } from '../schemas/site.js';
import { SurveyDefinition } from '../schemas/survey.js';
import { VisioSession } from '../schemas/visio.js';
import type { SurveyResponseInput } from '../schemas/survey.js';
import { describeIssues } from '../schemas/validate.js';
import { WeeklyCount } from '../schemas/weekly-count.js';
import type { WeeklyCountInput } from '../schemas/weekly-count.js';
import {
  Admission,
  BookingConfirmation,
  ApiEvaluationReport,
  Health,
  Items,
  ApiNetworkAudit,
  OpenApiDocument,
  ProblemDetails,
  QueueEntry,
  SiteDetail,
  SiteFeatureCollection,
  SiteList,
  ApiSlot,
  SurveyReceipt,
  VisioConfig,
  VisioDesk,
  VisioTicket,
  VisioTicketStatus,
} from './answers.js';
import type { EndSessionRequest } from './answers.js';
import type { ApiCall } from './errors.js';
import { HttpError, NetworkError, ResponseValidationError, TimeoutError } from './errors.js';

/**
 * A `fetch` function (the global one, a framework's, or a test double).
 * Typed loosely because core is compiled without the DOM library.
 */
export type FetchLike = (input: never, init?: never) => Promise<unknown>;

/** A bearer token, or a function giving the current one (refreshed by the caller); `undefined` sends none. */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Where the API lives: `https://rsp.example.fr/` (the client adds `api/…`), or `/` on the same origin in a browser. */
  readonly baseUrl: string;
  /** Bearer token for mediator, agent and coordinator calls. */
  readonly token?: TokenSource;
  /** The `fetch` to use. Default: the global `fetch`. */
  readonly fetch?: FetchLike;
  /**
   * Time allowed for each attempt (the answer, then its body), in milliseconds.
   * Default 10 000. With retries, a call may take `(retries + 1) × timeoutMs`
   * plus the delays; pass a `signal` (`AbortSignal.timeout(ms)`) to cap it.
   */
  readonly timeoutMs?: number;
  /** How many times a retryable call is retried. Default 2; 0 never retries. */
  readonly retries?: number;
  /** Delay before retry `n` (1, 2…), in milliseconds. Default `300 × 2^(n−1)`, capped at 5 s; a `Retry-After` header wins. */
  readonly retryDelay?: (attempt: number) => number;
  /** Language of the server's messages (`Accept-Language`) and of the client's own. Default `'fr'`. */
  readonly locale?: Locale;
}

/** Options every call takes. */
export interface ApiCallOptions {
  /**
   * An `AbortSignal` (typed by the two fields the client reads, since core is
   * compiled without the DOM library). Cancels the call; the promise then
   * rejects with the signal's reason, as `fetch` does.
   */
  readonly signal?: { readonly aborted: boolean; readonly reason: unknown };
}

/**
 * Options of a POST. Every POST carries an `Idempotency-Key` header; the
 * server answers a repeated key with the first answer instead of acting
 * twice, which is what makes retrying a POST safe.
 */
export interface ApiPostOptions extends ApiCallOptions {
  /**
   * The key to send. Default: a new random UUID per call. Pass your own to
   * keep the same key across your own retries (a "try again" button), so a
   * booking made by a first attempt whose answer was lost is not made twice.
   * `false` sends no key: the call is then never retried.
   */
  readonly idempotencyKey?: string | false;
}

/** Filters of the site list. */
export interface SiteFilters {
  /** Sites with a convention with this agency. */
  readonly agency?: string;
  /** Sites offering this kind of service. */
  readonly service?: string;
  readonly venueKind?: VenueKind;
  /** Only sites open at the time of the request (Europe/Paris). */
  readonly openNow?: boolean;
  /** Only sites with a visio-guichet station. */
  readonly visio?: boolean;
  /** West, south, east, north in degrees (WGS 84): only sites inside. */
  readonly bbox?: readonly [number, number, number, number];
  /** At most this many sites. */
  readonly limit?: number;
  /** Skip this many sites (paging). */
  readonly offset?: number;
}

/** A search around a point: nearest first, with their distance. */
export interface NearQuery extends SiteFilters {
  readonly lat: number;
  readonly lon: number;
  /** Only sites within this distance, in kilometres. */
  readonly radiusKm?: number;
}

/** A search of free slots. */
export interface SlotSearch {
  readonly agency: string;
  readonly motif: string;
  readonly site?: string;
  readonly channel?: Channel;
  /** First day, `YYYY-MM-DD` (default: today on the server). */
  readonly from?: string;
  /** Last day, `YYYY-MM-DD`. */
  readonly to?: string;
}

/** What a citizen (or a mediator for them) books. */
export interface BookingRequest {
  readonly agencyId: string;
  readonly motifId: string;
  readonly siteId?: string;
  readonly channel: Channel;
  /** The slot's start and end, as `slots()` gave them. */
  readonly start: string;
  readonly end: string;
  readonly person: BookingPerson;
  readonly bookedBy?: 'user' | 'mediator';
}

/** A citizen's request for a visio-guichet call. */
export interface TicketRequest {
  readonly siteId: string;
  readonly agencyId: string;
  readonly motifId?: string;
}

/** The typed API client: one method per endpoint of docs/api.md. */
export interface ApiClient {
  /** `GET /api/sites`: sites matching filters, with the total count. */
  sites(filters?: SiteFilters, options?: ApiCallOptions): Promise<SiteList>;
  /** `GET /api/sites?near=lat,lon`: the nearest sites first, with `distanceKm`. */
  nearSites(query: NearQuery, options?: ApiCallOptions): Promise<SiteList>;
  /** `GET /api/sites` as GeoJSON (`Accept: application/geo+json`), for a map; `near`, when given, adds distances. */
  sitesGeoJson(filters?: SiteFilters | NearQuery, options?: ApiCallOptions): Promise<SiteFeatureCollection>;
  /** `GET /api/sites/{id}`: a site with its conventions, hours now and charter status. */
  site(id: string, options?: ApiCallOptions): Promise<SiteDetail>;
  /** `GET /api/partners`: the partner agencies; with `bookable`, only those with at least one motif. */
  partners(options?: ApiCallOptions & { readonly bookable?: boolean }): Promise<Agency[]>;
  /** `GET /api/motifs?agency=`: an agency's motifs. */
  motifs(agency: string, options?: ApiCallOptions): Promise<Motif[]>;
  /** `GET /api/slots`: free slots. */
  slots(query: SlotSearch, options?: ApiCallOptions): Promise<ApiSlot[]>;
  /** `POST /api/bookings`: books a slot; an `HttpError` with status 409 when it was taken meanwhile. */
  book(request: BookingRequest, options?: ApiPostOptions): Promise<BookingConfirmation>;
  /** `GET /api/bookings/{token}`: a booking by its secret token. */
  booking(token: string, options?: ApiCallOptions): Promise<Booking>;
  /**
   * `GET /api/agenda`: a site's appointments of one day (`YYYY-MM-DD`, default today in Europe/Paris),
   * not cancelled, by start time. Needs the token of a mediator of that site, a coordinator or an admin.
   */
  agenda(site: string, day?: string, options?: ApiCallOptions): Promise<Booking[]>;
  /** `POST /api/bookings/{token}/cancel`. */
  cancelBooking(token: string, reason?: string, options?: ApiPostOptions): Promise<Booking>;
  /** `POST /api/bookings/{token}/reschedule`: moves a booking to another free slot (409 when taken). */
  rescheduleBooking(token: string, slot: { readonly start: string; readonly end: string }, options?: ApiPostOptions): Promise<BookingConfirmation>;
  /** `GET /api/bookings/{token}.ics`: the booking as an iCalendar file (text). */
  bookingIcs(token: string, options?: ApiCallOptions): Promise<string>;
  /** `GET /api/surveys/{id}`: a survey's current version. */
  survey(id: string, options?: ApiCallOptions): Promise<SurveyDefinition>;
  /** `POST /api/surveys/{id}/responses`: one answer per visit token (409 when already answered). */
  answerSurvey(response: SurveyResponseInput, options?: ApiPostOptions): Promise<SurveyReceipt>;
  /** `POST /api/counts` (mediator token): a site's weekly count; a second count for the same week replaces the first. */
  sendWeeklyCount(count: WeeklyCountInput, options?: ApiPostOptions): Promise<WeeklyCount>;
  /** `GET /api/reports/evaluation` (coordinator token): the evaluation report of a period (days `YYYY-MM-DD`), for a territory or the whole network. */
  evaluationReport(query: { readonly from: string; readonly to: string; readonly territory?: string }, options?: ApiCallOptions): Promise<EvaluationReport>;
  /** `GET /api/audit?charter=` (coordinator token): the network's charter audit. */
  audit(charter: string, options?: ApiCallOptions): Promise<NetworkAudit>;
  /** `POST /api/visio/tickets`: a citizen asks for a visio-guichet call. */
  requestVisio(request: TicketRequest, options?: ApiPostOptions): Promise<VisioTicket>;
  /** `GET /api/visio/tickets/{id}`: the ticket's position and state. */
  visioTicket(id: string, options?: ApiCallOptions): Promise<VisioTicketStatus>;
  /** `DELETE /api/visio/tickets/{id}`: the citizen gives up. */
  cancelVisio(id: string, options?: ApiCallOptions): Promise<void>;
  /** `GET /api/visio/queue?agency=` (agent token): who is waiting. */
  visioQueue(agency: string, options?: ApiCallOptions): Promise<QueueEntry[]>;
  /** `POST /api/visio/queue/admit` (agent token): takes the next citizen, or the given ticket. */
  admitVisio(request: { readonly agencyId: string; readonly ticketId?: string }, options?: ApiPostOptions): Promise<Admission>;
  /** `GET /api/visio/config`: the signalling server's path and key, and the ICE servers. */
  visioConfig(options?: ApiCallOptions): Promise<VisioConfig>;
  /** `POST /api/visio/desk` (agent token): opens the agent's desk, with its server-issued PeerJS id and token. */
  openVisioDesk(options?: ApiPostOptions): Promise<VisioDesk>;
  /** `POST /api/visio/sessions/{id}/end` (agent token): ends a session with its outcome. */
  endVisioSession(id: string, request: EndSessionRequest, options?: ApiPostOptions): Promise<VisioSession>;
  /** `GET /api/health`. */
  health(options?: ApiCallOptions): Promise<Health>;
  /** `GET /api/openapi.json`: the server's OpenAPI document. */
  openApi(options?: ApiCallOptions): Promise<OpenApiDocument>;
}

type Method = 'get' | 'post' | 'delete';
type Query = Readonly<Record<string, string | number | boolean | undefined>>;

interface Spec<S extends z.core.$ZodType | 'text' | 'empty'> {
  readonly method: Method;
  readonly path: string;
  readonly answer: S;
  readonly query?: Query;
  readonly body?: unknown;
  readonly accept?: string;
  readonly options?: ApiPostOptions | undefined;
}

type Answer<S> = S extends z.core.$ZodType ? z.output<S> : S extends 'text' ? string : undefined;

/** Statuses retried for GET and DELETE: the server did not act or may succeed next time. */
const idempotentStatuses = [408, 429, 500, 502, 503, 504];
/**
 * Statuses retried for a POST with an idempotency key: those where the
 * request did not reach the application (gateway, overload, rate limit). A
 * 500 is not retried: it is most often a bug that would repeat.
 */
const keyedPostStatuses = [408, 429, 502, 503, 504];

const defaultDelay = (attempt: number): number => Math.min(300 * 2 ** (attempt - 1), 5000);

/** `crypto.randomUUID()`, or a version-4 UUID from `crypto.getRandomValues` where it is missing (pages served over plain http). */
export function newIdempotencyKey(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string; getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The parts of ky's error objects the client reads (core has no DOM types, so ky's `Response` is unknown to it). */
interface KyHttpErrorFields {
  readonly response: { readonly status: number };
  readonly data: unknown;
}

const enc = encodeURIComponent;

/**
 * Creates a typed client of the RSP Kit HTTP API (docs/api.md). Every answer
 * is validated against its schema; every failure is an `ApiError`
 * (`NetworkError`, `TimeoutError`, `HttpError`, `ResponseValidationError`).
 * GET and DELETE are retried on network errors, timeouts and 408, 429, 500,
 * 502, 503, 504; a POST only with its idempotency key and not on 500.
 *
 * Validation runs without zod's eval-based fast path (`jitless`), so the
 * client itself never evaluates code under a Content-Security-Policy.
 *
 * @example
 * const api = createClient({ baseUrl: 'https://rsp.example.fr/', locale: 'fr' });
 * const { items } = await api.nearSites({ lat: 44.6, lon: 1.4, limit: 5 });
 */
export function createClient(options: ClientOptions): ApiClient {
  const locale = options.locale ?? 'fr';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const retryDelay = options.retryDelay ?? defaultDelay;
  const http = ky.create({
    prefix: options.baseUrl,
    timeout: timeoutMs,
    // ky types `fetch` with the DOM's Request and Response, which core does not compile with.
    ...(options.fetch ? { fetch: options.fetch as never } : {}),
    headers: { 'accept-language': locale },
  });

  async function token(): Promise<string | undefined> {
    const source = options.token;
    return typeof source === 'function' ? await source() : source;
  }

  function parse<S extends z.core.$ZodType>(call: ApiCall, schema: S, text: string): z.output<S> {
    let data: unknown;
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ResponseValidationError(call, [
        { path: '', message: locale === 'fr' ? 'la réponse n’est pas du JSON valide' : 'the answer is not valid JSON', code: 'rsp.json' },
      ]);
    }
    const result = z.safeParse(schema, data, { reportInput: true, jitless: true });
    if (!result.success) throw new ResponseValidationError(call, describeIssues(result.error.issues, locale));
    return result.data;
  }

  function failure(call: ApiCall, error: unknown, signal: ApiCallOptions['signal']): unknown {
    if (signal?.aborted) return signal.reason ?? error;
    if (isKyTimeoutError(error)) return new TimeoutError(call, timeoutMs, { cause: error });
    if (isHTTPError(error)) {
      const { response, data } = error as unknown as KyHttpErrorFields;
      // Every member of a problem is optional: a JSON body counts as one only with at least one of them.
      const members = typeof data === 'object' && data !== null && ['type', 'title', 'status', 'detail'].some((key) => key in data);
      const problem = members ? ProblemDetails.safeParse(data, { jitless: true }) : ({ success: false } as const);
      const body = problem.success || data === undefined ? undefined : (typeof data === 'string' ? data : JSON.stringify(data)).slice(0, 500);
      return new HttpError(call, response.status, problem.success ? problem.data : undefined, body, { cause: error });
    }
    if (isKyNetworkError(error)) return new NetworkError(call, { cause: error });
    return error;
  }

  async function send<S extends z.core.$ZodType | 'text' | 'empty'>(request: Spec<S>): Promise<Answer<S>> {
    const call: ApiCall = { method: request.method.toUpperCase(), path: `/${request.path}` };
    const signal = request.options?.signal;
    const headers: Record<string, string> = { accept: request.accept ?? 'application/json' };
    const bearer = await token();
    if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
    let retryable = request.method !== 'post';
    if (request.method === 'post') {
      const key = request.options?.idempotencyKey ?? newIdempotencyKey();
      if (key !== false) {
        headers['idempotency-key'] = key;
        retryable = true;
      }
    }
    try {
      const text = await http(request.path, {
        method: request.method,
        headers,
        ...(request.query ? { searchParams: request.query } : {}),
        ...(request.body !== undefined ? { json: request.body } : {}),
        ...(signal ? { signal } : {}),
        retry: {
          limit: retryable ? retries : 0,
          methods: [request.method],
          statusCodes: request.method === 'post' ? keyedPostStatuses : idempotentStatuses,
          afterStatusCodes: [429, 503],
          maxRetryAfter: 30_000,
          retryOnTimeout: true,
          delay: retryDelay,
        },
      }).text();
      if (request.answer === 'empty') return undefined as Answer<S>;
      if (request.answer === 'text') return text as Answer<S>;
      return parse(call, request.answer, text) as Answer<S>;
    } catch (error) {
      throw failure(call, error, signal);
    }
  }

  const list = <S extends z.core.$ZodType>(schema: S) => z.pipe(Items(schema), z.transform((answer: { items: z.output<S>[] }) => answer.items));

  const siteQuery = (filters: SiteFilters | NearQuery = {}): Query => ({
    agency: filters.agency,
    service: filters.service,
    venueKind: filters.venueKind,
    openNow: filters.openNow,
    visio: filters.visio,
    bbox: filters.bbox?.join(','),
    limit: filters.limit,
    offset: filters.offset,
    near: 'lat' in filters ? `${String(filters.lat)},${String(filters.lon)}` : undefined,
    radius: 'radiusKm' in filters ? filters.radiusKm : undefined,
  });

  return {
    sites: (filters, o) => send({ method: 'get', path: 'api/sites', query: siteQuery(filters), answer: SiteList, options: o }),
    nearSites: (query, o) => send({ method: 'get', path: 'api/sites', query: siteQuery(query), answer: SiteList, options: o }),
    sitesGeoJson: (filters, o) =>
      send({ method: 'get', path: 'api/sites', query: siteQuery(filters), accept: 'application/geo+json', answer: SiteFeatureCollection, options: o }),
    site: (id, o) => send({ method: 'get', path: `api/sites/${enc(id)}`, answer: SiteDetail, options: o }),
    partners: (o) => send({ method: 'get', path: 'api/partners', ...(o?.bookable ? { query: { bookable: 'true' } } : {}), answer: list(Agency), options: o }),
    motifs: (agency, o) => send({ method: 'get', path: 'api/motifs', query: { agency }, answer: list(Motif), options: o }),
    slots: (q, o) =>
      send({
        method: 'get',
        path: 'api/slots',
        query: { site: q.site, agency: q.agency, motif: q.motif, channel: q.channel, from: q.from, to: q.to },
        answer: list(ApiSlot),
        options: o,
      }),
    book: (body, o) => send({ method: 'post', path: 'api/bookings', body, answer: BookingConfirmation, options: o }),
    booking: (t, o) => send({ method: 'get', path: `api/bookings/${enc(t)}`, answer: Booking, options: o }),
    agenda: (site, day, o) => send({ method: 'get', path: 'api/agenda', query: { site, ...(day ? { day } : {}) }, answer: list(Booking), options: o }),
    cancelBooking: (t, reason, o) =>
      send({ method: 'post', path: `api/bookings/${enc(t)}/cancel`, body: reason === undefined ? {} : { reason }, answer: Booking, options: o }),
    rescheduleBooking: (t, slot, o) =>
      send({ method: 'post', path: `api/bookings/${enc(t)}/reschedule`, body: { start: slot.start, end: slot.end }, answer: BookingConfirmation, options: o }),
    bookingIcs: async (t, o) => {
      const path = `api/bookings/${enc(t)}.ics`;
      const text = await send({ method: 'get', path, accept: 'text/calendar', answer: 'text', options: o });
      if (/^BEGIN:VCALENDAR\r?\n[\s\S]*END:VCALENDAR\s*$/.test(text)) return text;
      const message = locale === 'fr' ? 'la réponse n’est pas un fichier iCalendar' : 'the answer is not an iCalendar file';
      throw new ResponseValidationError({ method: 'GET', path: `/${path}` }, [{ path: '', message, code: 'rsp.ics' }]);
    },
    survey: (id, o) => send({ method: 'get', path: `api/surveys/${enc(id)}`, answer: SurveyDefinition, options: o }),
    answerSurvey: (response, o) =>
      send({ method: 'post', path: `api/surveys/${enc(response.surveyId)}/responses`, body: response, answer: SurveyReceipt, options: o }),
    sendWeeklyCount: (count, o) => send({ method: 'post', path: 'api/counts', body: count, answer: WeeklyCount, options: o }),
    evaluationReport: (q, o) =>
      send({ method: 'get', path: 'api/reports/evaluation', query: { from: q.from, to: q.to, territory: q.territory }, answer: ApiEvaluationReport, options: o }).then((report) => report as EvaluationReport),
    audit: (charter, o) => send({ method: 'get', path: 'api/audit', query: { charter }, answer: ApiNetworkAudit, options: o }),
    requestVisio: (body, o) => send({ method: 'post', path: 'api/visio/tickets', body, answer: VisioTicket, options: o }),
    visioTicket: (id, o) => send({ method: 'get', path: `api/visio/tickets/${enc(id)}`, answer: VisioTicketStatus, options: o }),
    cancelVisio: (id, o) => send({ method: 'delete', path: `api/visio/tickets/${enc(id)}`, answer: 'empty', options: o }),
    visioQueue: (agency, o) => send({ method: 'get', path: 'api/visio/queue', query: { agency }, answer: list(QueueEntry), options: o }),
    admitVisio: (body, o) => send({ method: 'post', path: 'api/visio/queue/admit', body, answer: Admission, options: o }),
    visioConfig: (o) => send({ method: 'get', path: 'api/visio/config', answer: VisioConfig, options: o }),
    openVisioDesk: (o) => send({ method: 'post', path: 'api/visio/desk', body: {}, answer: VisioDesk, options: o }),
    endVisioSession: (id, body, o) => send({ method: 'post', path: `api/visio/sessions/${enc(id)}/end`, body, answer: VisioSession, options: o }),
    health: (o) => send({ method: 'get', path: 'api/health', answer: Health, options: o }),
    openApi: (o) => send({ method: 'get', path: 'api/openapi.json', answer: OpenApiDocument, options: o }),
  };
}
