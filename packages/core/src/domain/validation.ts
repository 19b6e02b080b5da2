import { fail, ok, type Result } from './errors.js';
import { MAX_MESSAGE_LENGTH, MAX_SESSION_NAME_LENGTH, PREVIEW_LENGTH } from './types.js';

/**
 * Checks a message text: not blank, at most {@link MAX_MESSAGE_LENGTH} UTF-16 units.
 * Returns the text with trailing white space removed (leading white space is kept for code).
 */
export function validateMessageText(text: unknown): Result<string> {
  if (typeof text !== 'string') return fail('VALIDATION', 'A message must be text.');
  const trimmed = text.trimEnd();
  if (trimmed.trim().length === 0) return fail('VALIDATION', 'A message cannot be empty.');
  if (trimmed.length > MAX_MESSAGE_LENGTH) {
    return fail('VALIDATION', `A message can be at most ${MAX_MESSAGE_LENGTH} characters long.`, {
      limit: MAX_MESSAGE_LENGTH,
      length: trimmed.length,
    });
  }
  return ok(trimmed);
}

/** Checks a session name: not blank, at most {@link MAX_SESSION_NAME_LENGTH} characters; returns it trimmed. */
export function validateSessionName(name: unknown): Result<string> {
  if (typeof name !== 'string') return fail('VALIDATION', 'A session name must be text.');
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0) return fail('VALIDATION', 'A session name cannot be empty.');
  if (trimmed.length > MAX_SESSION_NAME_LENGTH) {
    return fail(
      'VALIDATION',
      `A session name can be at most ${MAX_SESSION_NAME_LENGTH} characters long.`,
      {
        limit: MAX_SESSION_NAME_LENGTH,
        length: trimmed.length,
      },
    );
  }
  return ok(trimmed);
}

/** A one-line preview of a message: white space folded, cut to {@link PREVIEW_LENGTH} characters. */
export function previewOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= PREVIEW_LENGTH ? line : `${line.slice(0, PREVIEW_LENGTH - 1)}…`;
}

/** Schemes that may become links in customer text. */
export const SAFE_LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

/** Whether `href` is an absolute URL with a {@link SAFE_LINK_SCHEMES safe scheme}. */
export function isSafeLink(href: string): boolean {
  try {
    return SAFE_LINK_SCHEMES.includes(new URL(href).protocol);
  } catch {
    return false;
  }
}
