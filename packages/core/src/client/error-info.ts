import { isErrorInfo, type ErrorCode, type ErrorInfo } from '../domain/errors.js';

/**
 * Turns anything thrown by an adapter or a host function into a typed {@link ErrorInfo}:
 * an error that already carries a code keeps it, anything else gets `fallback`.
 */
export function toErrorInfo(error: unknown, fallback: ErrorCode = 'INTERNAL'): ErrorInfo {
  if (isErrorInfo(error)) {
    return error.details
      ? { code: error.code, message: error.message, details: error.details }
      : { code: error.code, message: error.message };
  }
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : 'Unexpected error.';
  return { code: fallback, message: message || 'Unexpected error.' };
}
