/**
 * Errors RSP Kit throws on purpose. Each has a `name` literal and a type guard
 * that does not rely only on `instanceof`, so that errors still match when
 * two copies of the library meet (a widget bundle and a portal's SDK).
 */
export class RspError extends Error {
  override name = 'RspError';
  /** Marks every RSP Kit error, so that errors from another copy of the library are recognised too. */
  readonly rspError = true as const;
}

/** One thing wrong with an input: where (`address.postcode`) and what, in plain words. */
export interface ValidationIssue {
  /** Dotted path to the field, with indexes in brackets (`questions[2].id`); empty for the whole input. */
  readonly path: string;
  /** What is wrong, in the requested language, without the path. */
  readonly message: string;
  /** A stable code for programs (`rsp.postcode`, `invalid_type`…). */
  readonly code: string;
}

/** An input that does not match its schema; `issues` lists every problem found. */
export class ValidationError extends RspError {
  override name = 'ValidationError' as const;
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], what = 'input') {
    super(`Invalid ${what}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.issues = issues;
  }
}

/** Whether a value is an RSP Kit error. */
export function isRspError(value: unknown): value is RspError {
  return value instanceof RspError || (value instanceof Error && (value as { rspError?: unknown }).rspError === true);
}

/** Whether a value is a validation error with its issues. */
export function isValidationError(value: unknown): value is ValidationError {
  return (
    value instanceof ValidationError ||
    (value instanceof Error && value.name === 'ValidationError' && Array.isArray((value as { issues?: unknown }).issues))
  );
}
