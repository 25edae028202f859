/** A database error the API answers with a status of its own. */
export class StorageError extends Error {
  override readonly name: string = 'StorageError';
}

/**
 * A write refused by a unique (`23505`) or exclusion (`23P01`) constraint: the
 * record or the slot is already taken. The API answers `409`.
 */
export class ConflictError extends StorageError {
  override readonly name = 'ConflictError';
  /** The constraint's name, e.g. `bookings_no_overlap` or `survey_responses_one_per_visit`. */
  readonly constraint: string;
  /** The SQLSTATE: `23505` (unique) or `23P01` (exclusion). */
  readonly code: '23505' | '23P01';

  constructor(constraint: string, code: '23505' | '23P01', options?: ErrorOptions) {
    super(`Conflict on constraint ${constraint}`, options);
    this.constraint = constraint;
    this.code = code;
  }
}

/** The same idempotency key came with a different request body (API: `422` `idempotency-key-reused`). */
export class IdempotencyKeyReusedError extends StorageError {
  override readonly name = 'IdempotencyKeyReusedError';
}

/** The first request with this idempotency key has not finished (API: `409` `request-in-progress`). */
export class RequestInProgressError extends StorageError {
  override readonly name = 'RequestInProgressError';
}

function field(error: unknown, name: 'code' | 'constraint'): string | undefined {
  if (typeof error !== 'object' || error === null || !(name in error)) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Turns an engine error (pg's or PGlite's, both carry `code` and `constraint`)
 * into a typed one when the API needs it; other errors are returned unchanged.
 */
export function mapDatabaseError(error: unknown): unknown {
  const code = field(error, 'code');
  if (code === '23505' || code === '23P01') return new ConflictError(field(error, 'constraint') ?? 'unknown', code, { cause: error });
  return error;
}
