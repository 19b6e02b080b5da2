/**
 * Codes a host can branch on. `OFFLINE`: the backend could not be reached and the command was
 * not applied, or its outcome is unknown while the connection is down. `TIMEOUT`: no answer
 * came before the command's deadline; the outcome is unknown until the event stream tells.
 * `INVALID_DATA`: the backend sent a snapshot, an event or a page the client refuses (a field
 * of the wrong type, an unknown value, an over-long id); nothing of it was applied, and the
 * client loads the user's state again (its `details.path` names the first bad field).
 */
export type ErrorCode =
  | 'INVALID_TRANSITION'
  | 'ALREADY_TAKEN'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'OFFLINE'
  | 'TIMEOUT'
  | 'RESYNC_REQUIRED'
  | 'INVALID_DATA'
  | 'INTERNAL';

/** Every documented {@link ErrorCode}; nothing else crosses the client's public boundary. */
export const ERROR_CODES: readonly ErrorCode[] = Object.freeze([
  'INVALID_TRANSITION',
  'ALREADY_TAKEN',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'OFFLINE',
  'TIMEOUT',
  'RESYNC_REQUIRED',
  'INVALID_DATA',
  'INTERNAL',
]);

/** Whether `value` is one of the documented {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** A JSON-serialisable error value, as carried by command results. */
export interface ErrorInfo {
  code: ErrorCode;
  /** A sentence a person can read. */
  message: string;
  /** Optional structured context (ids, limits). */
  details?: Record<string, unknown>;
  /**
   * What was originally thrown, when it was not a documented error (e.g. a socket error whose
   * own code is `ECONNRESET`): kept for logs, never branched on.
   */
  cause?: unknown;
}

/** An `Error` carrying an {@link ErrorCode}; thrown where a promise must reject. */
export class LiveChatError extends Error implements ErrorInfo {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'LiveChatError';
    this.code = code;
    if (details) this.details = details;
  }

  /** The serialisable form. */
  toJSON(): ErrorInfo {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }

  /** The error for a serialised {@link ErrorInfo}, e.g. one a command result or a transport carried. */
  static from(info: ErrorInfo): LiveChatError {
    return new LiveChatError(info.code, info.message, info.details);
  }
}

/** Outcome of an operation that may be refused: a value, or a typed error and nothing changed. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** A successful {@link Result} carrying `value`. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A refused {@link Result}: the typed error (`code`, a readable `message`, optional `details`). */
export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Result<T> => ({ ok: false, error: details ? { code, message, details } : { code, message } });

/** The values of named {@link Result}s. */
export type ResultValues<T extends Record<string, Result<unknown>>> = {
  [K in keyof T]: T[K] extends Result<infer V> ? V : never;
};

/**
 * Named checks taken together: their values by name when every one passed, else the first
 * refusal in the order they are written.
 */
export function combineResults<T extends Record<string, Result<unknown>>>(
  results: T,
): Result<ResultValues<T>> {
  const values: Record<string, unknown> = {};
  for (const [name, result] of Object.entries(results)) {
    if (!result.ok) return result;
    values[name] = result.value;
  }
  return ok(values as ResultValues<T>);
}

/** Whether a value is an {@link ErrorInfo}: an object with a documented `code` and a `message`. */
export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    isErrorCode((value as ErrorInfo).code) &&
    typeof (value as ErrorInfo).message === 'string'
  );
}
