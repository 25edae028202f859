import { RspError } from '../errors.js';
import type { ValidationIssue } from '../errors.js';
import type { ProblemDetails } from './answers.js';

/** What went wrong with an API call: no answer, too late, an error status, or an answer of the wrong shape. */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'validation';

const kinds: Readonly<Record<ApiErrorKind, string>> = {
  network: 'NetworkError',
  timeout: 'TimeoutError',
  http: 'HttpError',
  validation: 'ResponseValidationError',
};

/** Where a failed call went: its method and its path (`GET /api/sites`). */
export interface ApiCall {
  readonly method: string;
  readonly path: string;
}

/**
 * Base of the errors an API client throws. `kind` says which one it is, so
 * that a program can switch on it; `method` and `path` say which call failed.
 * The guards ({@link isApiError}…) also match errors from another copy of
 * RSP Kit, where `instanceof` fails.
 */
export class ApiError extends RspError {
  override name = 'ApiError' as string;
  readonly kind: ApiErrorKind;
  readonly method: string;
  readonly path: string;

  constructor(kind: ApiErrorKind, call: ApiCall, message: string, options?: { cause?: unknown }) {
    super(`${call.method} ${call.path}: ${message}`, options);
    this.kind = kind;
    this.method = call.method;
    this.path = call.path;
  }
}

/** The server could not be reached (offline, DNS failure, connection refused or reset). */
export class NetworkError extends ApiError {
  override name = 'NetworkError' as const;
  declare readonly kind: 'network';

  constructor(call: ApiCall, options?: { cause?: unknown }) {
    super('network', call, 'the server could not be reached', options);
  }
}

/** No answer within the client's `timeoutMs` (after every allowed retry). */
export class TimeoutError extends ApiError {
  override name = 'TimeoutError' as const;
  declare readonly kind: 'timeout';
  /** The per-attempt limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  constructor(call: ApiCall, timeoutMs: number, options?: { cause?: unknown }) {
    super('timeout', call, `no answer within ${String(timeoutMs)} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The server answered with an error status. `problem` holds its RFC 9457
 * problem details when the body was one (`title` and `detail` in the
 * language asked for, `errors` listing each invalid field); `body` keeps the
 * start of any other body (an HTML error page from a proxy…).
 */
export class HttpError extends ApiError {
  override name = 'HttpError' as const;
  declare readonly kind: 'http';
  readonly status: number;
  readonly problem: ProblemDetails | undefined;
  /** The first 500 characters of a body that was not problem details; `undefined` otherwise. */
  readonly body: string | undefined;

  constructor(call: ApiCall, status: number, problem: ProblemDetails | undefined, body: string | undefined, options?: { cause?: unknown }) {
    const words = problem ? [problem.title, problem.detail].filter((w) => w !== undefined).join(': ') : '';
    super('http', call, `HTTP ${String(status)}${words ? ` ${words}` : ''}`, options);
    this.status = status;
    this.problem = problem;
    this.body = body;
  }
}

/**
 * The server answered with success but the body is not what the contract
 * says: not JSON, or JSON that fails the schema. `issues` says where
 * (`items[0].site.address.postcode`) and what, in the client's language.
 */
export class ResponseValidationError extends ApiError {
  override name = 'ResponseValidationError' as const;
  declare readonly kind: 'validation';
  readonly issues: readonly ValidationIssue[];

  constructor(call: ApiCall, issues: readonly ValidationIssue[]) {
    const list = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    super('validation', call, `unexpected answer: ${list}`);
    this.issues = issues;
  }
}

function hasKind(value: unknown, kind: ApiErrorKind): boolean {
  if (!(value instanceof Error)) return false;
  const fields = value as Error & { kind?: unknown; method?: unknown; path?: unknown };
  return fields.kind === kind && value.name === kinds[kind] && typeof fields.method === 'string' && typeof fields.path === 'string';
}

/** Whether a value is an error thrown by an API client (any kind). */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError || (Object.keys(kinds) as ApiErrorKind[]).some((kind) => hasKind(value, kind));
}

/** Whether a value is a {@link NetworkError}: the server could not be reached. */
export function isNetworkError(value: unknown): value is NetworkError {
  return value instanceof NetworkError || hasKind(value, 'network');
}

/** Whether a value is a {@link TimeoutError}: no answer in time. */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return value instanceof TimeoutError || hasKind(value, 'timeout');
}

/**
 * Whether a value is an {@link HttpError}, optionally with a given status
 * (`isHttpError(error, 409)`: the slot was taken).
 */
export function isHttpError(value: unknown, status?: number): value is HttpError {
  const match = value instanceof HttpError || (hasKind(value, 'http') && typeof (value as { status?: unknown }).status === 'number');
  return match && (status === undefined || (value as HttpError).status === status);
}

/** Whether a value is a {@link ResponseValidationError}: the answer did not match the contract. */
export function isResponseValidationError(value: unknown): value is ResponseValidationError {
  return (
    value instanceof ResponseValidationError ||
    (hasKind(value, 'validation') && Array.isArray((value as { issues?: unknown }).issues))
  );
}
