import type { ErrorInfo } from '@live-chat/core';
import { translate, type MessageKey } from '../i18n/catalogue.js';
import { formatNumber } from './format.js';
import './error.messages.js';

/**
 * What the person acted on, where an error of it reads differently from the code's general
 * sentence: an empty or too long `message` (the composer: "Write a message first…"), an empty
 * or too long `session-name`, a `new-session` refused with CONFLICT (the customer already has
 * an open session), a `report` refused with FORBIDDEN (only live chats the user belongs to) and
 * a `read` (search, customers) that got no answer in time (TIMEOUT: nothing to confirm).
 * Texts: `error.VALIDATION.<subject>.empty|limit`, `error.<CODE>.<subject>`.
 */
export type ErrorSubject = 'message' | 'session-name' | 'new-session' | 'report' | 'read';

/**
 * The sentence a person reads for a typed error, in `locale`: the catalogue's `error.<CODE>`
 * text (every {@link ErrorInfo} code has one), with the error's own `message` where the text
 * has a `{message}` placeholder. A `VALIDATION` error carrying `details.limit` reads "at most
 * {limit} characters". With a `subject`, its own wording is used when the catalogue has one.
 *
 * Components show it as it is, or inside a sentence of their own that says what failed
 * (`'Search failed. {reason}'`): the reason is worded once, here, for every component.
 */
export function errorText(error: ErrorInfo, locale: string, subject?: ErrorSubject): string {
  const limit = error.details?.['limit'];
  const hasLimit = error.code === 'VALIDATION' && typeof limit === 'number';
  const params = {
    message: error.message,
    ...(hasLimit ? { limit: formatNumber(limit, locale) } : {}),
  };
  if (subject) {
    const specific =
      error.code === 'VALIDATION'
        ? `error.VALIDATION.${subject}.${hasLimit ? 'limit' : 'empty'}`
        : `error.${error.code}.${subject}`;
    const text = translate(locale, specific, params);
    if (text !== specific) return text;
  }
  const key: MessageKey = hasLimit ? 'error.VALIDATION.limit' : `error.${error.code}`;
  const text = translate(locale, key, params);
  // A code outside the documented set (a backend newer than these texts) reads its own message.
  return text === key ? error.message : text;
}
