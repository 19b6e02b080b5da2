import type { ErrorInfo } from '@live-chat/core';
import { translate } from '../i18n/catalogue.js';
import { formatNumber } from '../shared/format.js';
import './conversation.messages.js';

/**
 * The sentence a person reads for an error of the conversation or its composer: the catalogue's
 * `conversation.errorCode.<CODE>` text, the limit for a too-long message, or the error's own
 * message when the catalogue has no text for its code.
 */
export function conversationErrorText(error: ErrorInfo, locale: string): string {
  if (error.code === 'VALIDATION') {
    const limit = error.details?.['limit'];
    return typeof limit === 'number'
      ? translate(locale, 'conversation.errorCode.TOO_LONG', {
          limit: formatNumber(limit, locale),
        })
      : translate(locale, 'conversation.errorCode.EMPTY');
  }
  const key = `conversation.errorCode.${error.code}`;
  const text = translate(locale, key);
  return text === key ? error.message : text;
}
