/**
 * The few named errors of moneytrail. Each carries an HTTP status so that the server and the CLI
 * turn them into answers in one place; messages say where they come from (`un-xml: line 812: …`).
 */
export class MoneytrailError extends Error {
  readonly status: number = 500;
}

/** The caller asked for something malformed: a bad flag, a bad query, a bad file name. */
export class InvalidInputError extends MoneytrailError {
  override readonly status = 400;
}

/** A thing looked up by id does not exist. */
export class NotFoundError extends MoneytrailError {
  override readonly status = 404;
}

/** The request clashes with work in progress (a second list update while one runs). */
export class ConflictError extends MoneytrailError {
  override readonly status = 409;
}

/** The caller did not say who it is, or said it wrongly (no session, a bad or revoked key). */
export class UnauthenticatedError extends MoneytrailError {
  override readonly status = 401;
}

/** The caller is known but may not do this (its role, or a collection not granted to it). */
export class ForbiddenError extends MoneytrailError {
  override readonly status = 403;
}

/** The store cannot be reached: a clean 503 the client may retry, not a 500. */
/** Well-formed, but refused for what it holds (a hostile archive in an upload). */
export class UnprocessableError extends MoneytrailError {
  override readonly status = 422;
}

export class UnavailableError extends MoneytrailError {
  override readonly status = 503;
}

/** Too much work already waits (uploads queued for a reader thread): retry after a while. */
export class BusyError extends UnavailableError {
  constructor(
    message: string,
    /** Seconds the client is asked to wait (the Retry-After header). */
    readonly retryAfter: number,
  ) {
    super(message);
  }
}

/** Where in a source file a problem was found: a line (CSV, XML) or a byte offset. */
export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
  offset?: number;
}

/** A list file that cannot be read as the format it claims or was detected as. */
export class ListFormatError extends MoneytrailError {
  override readonly status = 422;
  readonly format: string;
  readonly position: SourcePosition;
  /** The message without format and position. */
  readonly detail: string;

  constructor(format: string, position: SourcePosition, detail: string) {
    super(`${format}: ${describePosition(position)}: ${detail}`);
    this.format = format;
    this.position = position;
    this.detail = detail;
  }
}

/** A downloaded or configured resource could not be fetched or failed its checks. */
export class FetchError extends MoneytrailError {
  override readonly status = 502;
}

export function describePosition(position: SourcePosition): string {
  const parts = [position.file];
  if (position.line !== undefined) parts.push(`line ${position.line}`);
  if (position.column !== undefined) parts.push(`column ${position.column}`);
  if (position.offset !== undefined) parts.push(`byte ${position.offset}`);
  return parts.join(": ");
}

/** Exhaustiveness check for `switch` over `as const` vocabularies. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
