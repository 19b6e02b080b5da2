import { html, nothing, type TemplateResult } from 'lit';
import type { Handover, LiveChatClient } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { formatDateTime } from '../shared/format.js';
import { isolatedMessage } from '../shared/untrusted-text.js';

/**
 * The note left with the session's last reassignment, shown above the history to everyone who
 * sees the session: "From Anna Kowalski: Call back after 5 pm", with its time. The note is
 * staff text, shown as text.
 */
export function renderHandover(
  handover: Handover | undefined,
  client: LiveChatClient,
  locale: string,
  t: Translate,
): TemplateResult | typeof nothing {
  if (!handover) return nothing;
  const name = client.getUser(handover.fromId)?.name ?? t('conversation.unknownOperator');
  return html`<aside class="handover" part="handover" aria-labelledby="handover-title">
    <p class="handover-head">
      <strong id="handover-title"
        >${isolatedMessage(t, 'conversation.handover.from', { name })}</strong
      >
      <time datetime=${new Date(handover.at).toISOString()}
        >${formatDateTime(handover.at, locale)}</time
      >
    </p>
    <p class="handover-note" part="handover-note">${handover.note}</p>
  </aside>`;
}
