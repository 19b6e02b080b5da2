import { isErrorInfo, type ErrorCode, type ErrorInfo } from '../domain/errors.js';

function messageOf(error: unknown): string {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : typeof error === 'object' &&
            error !== null &&
            typeof (error as { message?: unknown }).message === 'string'
          ? (error as { message: string }).message
          : '';
  return message || 'Unexpected error.';
}

/**
 * Turns anything thrown by an adapter or a host function into a typed {@link ErrorInfo}. An
 * error with a documented code keeps it; anything else (a socket error whose own code is
 * `ECONNRESET`, a `TypeError`, a string) gets `fallback`, with the original kept in `cause`.
 * Only documented codes ever leave the client.
 */
export function toErrorInfo(error: unknown, fallback: ErrorCode = 'INTERNAL'): ErrorInfo {
  if (isErrorInfo(error)) {
    return error.details
      ? { code: error.code, message: error.message, details: error.details }
      : { code: error.code, message: error.message };
  }
  return { code: fallback, message: messageOf(error), cause: error };
}

/**
 * Codes that say "the outcome is not known, and trying the same thing again is safe": the
 * request may not have arrived, or its answer was lost.
 */
export function isTransient(error: ErrorInfo): boolean {
  return error.code === 'OFFLINE' || error.code === 'TIMEOUT';
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);

/**
 * Whether a thrown value looks like a network failure rather than a bug: a socket error code,
 * a `fetch` `TypeError`, an abort or a timeout.
 */
export function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name } = error as { code?: unknown; name?: unknown };
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  if (name === 'AbortError' || name === 'TimeoutError' || name === 'NetworkError') return true;
  return error instanceof TypeError && /fetch|network|socket/i.test(error.message);
}

/**
 * {@link toErrorInfo} for a failed read: a network failure (or anything thrown while the
 * connection is down) is `OFFLINE`, never `INTERNAL`; other undocumented errors are `INTERNAL`
 * with the original in `cause`.
 */
export function readErrorInfo(error: unknown, online: boolean): ErrorInfo {
  return toErrorInfo(error, !online || isNetworkError(error) ? 'OFFLINE' : 'INTERNAL');
}
