import { fail, ok, type Result } from './errors.js';
import {
  codePointLength,
  exceedsLimit,
  FIELD_LIMITS,
  PREVIEW_LENGTH,
  type BoundedField,
} from './limits.js';
import { clampText, hasLoneSurrogate, isInvisible } from './text.js';

/** A count as errors write it: `4,000`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** How {@link validateText} checks one field. */
export interface TextField {
  /** The field's name in error details, e.g. `name` or `binding.label`. */
  field: string;
  /** Its limit in {@link FIELD_LIMITS}. */
  limit: BoundedField;
  /** How error messages name it, as a sentence starts: "A customer name". */
  subject: string;
}

/**
 * Checks an untrusted text field: a string, well-formed (no lone surrogate), not made only of
 * invisible characters (white space, zero-width and bidi controls, NUL, Hangul fillers…), and at
 * most its limit in code points. Refusals are `VALIDATION` errors whose details name the
 * `field` (and the `limit` and `length` when it is too long). Returns the text as it is.
 */
export function validateText(value: unknown, { field, limit, subject }: TextField): Result<string> {
  if (typeof value !== 'string') return fail('VALIDATION', `${subject} must be text.`, { field });
  const max = FIELD_LIMITS[limit];
  if (exceedsLimit(value, max)) {
    return fail('VALIDATION', `${subject} can be at most ${formatCount(max)} characters long.`, {
      field,
      limit: max,
      length: codePointLength(value),
    });
  }
  if (hasLoneSurrogate(value)) {
    return fail('VALIDATION', `${subject} holds a broken character (a lone surrogate).`, { field });
  }
  if (isInvisible(value)) return fail('VALIDATION', `${subject} cannot be empty.`, { field });
  return ok(value);
}

/** {@link validateText} of a one-line name: white space trimmed and folded first. */
export function validateName(value: unknown, name: TextField): Result<string> {
  return validateText(typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value, name);
}

/**
 * Checks an id or idempotency key from untrusted input: a non-empty, well-formed string of at
 * most {@link FIELD_LIMITS}`.id` code points. `field` names it in the error.
 */
export function validateId(value: unknown, field: string): Result<string> {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    exceedsLimit(value, FIELD_LIMITS.id) ||
    hasLoneSurrogate(value)
  ) {
    return fail(
      'VALIDATION',
      `"${field}" must be a non-empty string of at most ${formatCount(FIELD_LIMITS.id)} characters.`,
      { field, limit: FIELD_LIMITS.id },
    );
  }
  return ok(value);
}

/** {@link validateId} of an optional field: `undefined` is accepted as it is. */
export function validateOptionalId(value: unknown, field: string): Result<string | undefined> {
  return value === undefined ? ok(undefined) : validateId(value, field);
}

const LABEL_SUBJECTS = {
  recordLabel: 'A record label',
  binderLabel: 'A binder label',
  actionLabel: 'An action label',
  tagLabel: 'A tag label',
} as const;

/**
 * Checks the label of a host record, binder or action ({@link validateName}: one line, shown,
 * within its limit); `field` names it in errors (default `label`).
 */
export function validateLabel(
  value: unknown,
  limit: keyof typeof LABEL_SUBJECTS,
  field = 'label',
): Result<string> {
  return validateName(value, { field, limit, subject: LABEL_SUBJECTS[limit] });
}

const MESSAGE: TextField = { field: 'text', limit: 'messageText', subject: 'A message' };
const SESSION_NAME: TextField = { field: 'name', limit: 'sessionName', subject: 'A session name' };

/**
 * Checks a message text ({@link validateText}: not blank or invisible, well-formed, at most
 * {@link FIELD_LIMITS}`.messageText` code points). Returns the text with trailing white space
 * removed (leading white space is kept for code).
 */
export function validateMessageText(text: unknown): Result<string> {
  return validateText(typeof text === 'string' ? text.trimEnd() : text, MESSAGE);
}

/**
 * Checks the note of a reassignment ({@link validateText}: at most
 * {@link FIELD_LIMITS}`.handoverNote` code points); returns it trimmed.
 */
export function validateHandoverNote(note: unknown): Result<string> {
  return validateText(typeof note === 'string' ? note.trim() : note, {
    field: 'note',
    limit: 'handoverNote',
    subject: 'A handover note',
  });
}

/**
 * Checks a session name ({@link validateName}: at most {@link FIELD_LIMITS}`.sessionName` code
 * points); returns it trimmed, its white space folded.
 */
export function validateSessionName(name: unknown): Result<string> {
  return validateName(name, SESSION_NAME);
}

/**
 * A one-line preview of a message: white space folded, cut to {@link PREVIEW_LENGTH} code points
 * on a grapheme boundary (never inside an emoji), with `…` when cut.
 */
export function previewOf(text: string): string {
  return clampText(text.replace(/\s+/g, ' ').trim(), PREVIEW_LENGTH);
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
