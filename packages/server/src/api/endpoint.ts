import type { Locale } from '@rsp/core/locale.js';
import type { z } from 'zod';
import type { CatalogSnapshot } from '../catalog.js';
import type { Database, Queryable } from '../db/database.js';
import type { Role, TokenGrant } from '../db/tokens.js';
import type { ApiServices } from './services.js';

/** HTTP methods of the API. */
export type Method = 'GET' | 'POST' | 'DELETE';

/** Which requests a limiter counts: public reads, public writes, or none (authenticated endpoints). */
export type RateClass = 'read' | 'write' | 'none';

/** What a handler answers: a status, a body (JSON unless `contentType` says otherwise) and headers. */
export interface EndpointResult {
  readonly status: number;
  /** JSON-serialisable, or a string with `contentType`; none for `204`. */
  readonly body?: unknown;
  /** Default `application/json; charset=utf-8`. */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One possible answer of an endpoint, for the OpenAPI document. */
export interface AnswerSpec {
  readonly description: string;
  /** The body's schema (zod); none for `204` or a problem (described once for all). */
  readonly schema?: z.core.$ZodType;
  /** Default `application/json`. */
  readonly contentType?: string;
}

/** What a handler receives: the validated inputs and who is asking. */
export interface HandlerInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The caller's token grant, when a valid bearer token came. */
  readonly grant: TokenGrant | undefined;
  /** The request's language (`Accept-Language`; French by default). */
  readonly locale: Locale;
  /**
   * Where to read and write: for `POST` and `DELETE` a transaction (the
   * idempotency key, when there is one, is claimed and answered in it, so a
   * handler's writes and the stored answer commit together); for `GET` the
   * database.
   */
  readonly db: Queryable;
  /**
   * The referential (sites, agencies, conventions, motifs, availability) as
   * loaded before the request's transaction began. Use this, not
   * `services.catalog.current()`, inside a `POST`/`DELETE` handler: on PGlite
   * (one connection) a catalog refresh inside the transaction would wait for
   * the transaction forever.
   */
  readonly catalog: CatalogSnapshot;
  /** The database itself (for a `GET` that writes outside any transaction: a queue poll). */
  readonly database: Database;
  readonly services: ApiServices;
  /** The request's headers (lower-case names). */
  readonly headers: Headers;
  /** The request path, for `instance` and `Location`. */
  readonly path: string;
}

/**
 * One endpoint of the API, as data: the router, the OpenAPI document and the
 * fuzz test all read it. Inputs are validated before the handler runs: path
 * parameters (unknown record → `404`), the query (`400` with `errors`), the
 * body (`415` without JSON, `413` too large, `400` not JSON, `422` with
 * `errors`).
 */
export interface Endpoint<P = Record<string, string>, Q = Record<string, never>, B = undefined> {
  readonly method: Method;
  /** OpenAPI-style path: `/api/sites/{id}`. */
  readonly path: string;
  /** One line for the OpenAPI document. */
  readonly summary: string;
  /** A group for the OpenAPI document (`sites`, `bookings`…). */
  readonly tag: string;
  /** Roles allowed; absent: public. A bearer token on a public endpoint is still checked (`401` when invalid). */
  readonly roles?: readonly Role[];
  /** Rate class; default: `read` for a public `GET`, `write` for another public method, `none` with `roles`. */
  readonly rate?: RateClass;
  /** Schema of the path parameters (strings). */
  readonly params?: z.core.$ZodType<P>;
  /** Schema of the query parameters (strings; use `z.coerce`). Unknown parameters are refused. */
  readonly query?: z.core.$ZodType<Q>;
  /** Schema of the JSON body. */
  readonly body?: z.core.$ZodType<B>;
  /** Largest accepted body, bytes. Default 16 KiB. */
  readonly maxBodyBytes?: number;
  /** `Idempotency-Key` header: `required` (`400` without it) or `optional`. */
  readonly idempotency?: 'required' | 'optional';
  /** Media types the answer may have (`Accept` negotiation, `406` otherwise). Default JSON. */
  readonly produces?: readonly string[];
  /** The answers, by status (problems besides). */
  readonly answers: Readonly<Record<number, AnswerSpec>>;
  /** Problem statuses this endpoint may answer besides the common ones, for the document. */
  readonly problems?: readonly number[];
  handle(input: HandlerInput<P, Q, B>): Promise<EndpointResult> | EndpointResult;
}

/**
 * Declares an endpoint with its input types inferred from its schemas
 * (identity at run time).
 */
export function endpoint<P = Record<string, string>, Q = Record<string, never>, B = undefined>(spec: Endpoint<P, Q, B>): Endpoint<P, Q, B> {
  return spec;
}

/** Any endpoint, for lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of endpoints with different input types
export type AnyEndpoint = Endpoint<any, any, any>;

/** A JSON answer. */
export function ok(body: unknown, status = 200, headers?: Record<string, string>): EndpointResult {
  return { status, body, ...(headers ? { headers } : {}) };
}
