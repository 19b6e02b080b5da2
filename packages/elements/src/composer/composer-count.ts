import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { MAX_MESSAGE_LENGTH } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { formatNumber } from '../shared/format.js';
import './composer.messages.js';

/** The composer shows the character count once a draft gets this close to the limit. */
export const COUNT_VISIBLE_FROM = MAX_MESSAGE_LENGTH - 200;

/**
 * The character count of a message being written, as the composer counts it (`length` is the
 * text's length without trailing white space): "3,990 / 4,000", and how far over the limit.
 */
export function renderCount(
  t: Translate,
  locale: string,
  length: number,
  id: string,
): TemplateResult {
  const over = length > MAX_MESSAGE_LENGTH;
  return html`<span id=${id} part="count" class=${classMap({ count: true, over })}>
    ${t('conversation.composer.count', {
      count: formatNumber(length, locale),
      limit: formatNumber(MAX_MESSAGE_LENGTH, locale),
    })}${
      over
        ? html` — ${t('conversation.composer.tooLong', { count: length - MAX_MESSAGE_LENGTH })}`
        : nothing
    }
  </span>`;
}
