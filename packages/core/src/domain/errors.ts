/** Codes a host can branch on. */
export type ErrorCode =
  | 'INVALID_TRANSITION'
  | 'ALREADY_TAKEN'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'OFFLINE'
  | 'RESYNC_REQUIRED'
  | 'INTERNAL';

/** A JSON-serialisable error value, as carried by command results. */
export interface ErrorInfo {
  code: ErrorCode;
  /** A sentence a person can read. */
  message: string;
  /** Optional structured context (ids, limits). */
  details?: Record<string, unknown>;
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

/** Whether a value looks like an {@link ErrorInfo}. */
export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    typeof (value as ErrorInfo).message === 'string'
  );
}
