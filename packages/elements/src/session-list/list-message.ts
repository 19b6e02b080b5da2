import { html, type TemplateResult } from 'lit';
import type { SessionGroupKind } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';

/** What a list message says: it is loading, it failed, it is not allowed, or it is empty. */
export type ListMessageKind = 'status' | 'error' | 'permission' | 'empty';

/** The loading, error, permission or empty state of the list, in place of the rows. */
export function renderListMessage(text: string, kind: ListMessageKind): TemplateResult {
  return html`<div part="base" class="base">
    <p
      part="message"
      class="message ${kind}"
      tabindex="-1"
      role=${kind === 'error' ? 'alert' : 'status'}
    >
      ${text}
    </p>
  </div>`;
}

/** The listbox's name: "Queue, Customer Support", or the group alone while the live chat is unknown. */
export function listLabel(t: Translate, group: SessionGroupKind, liveChat?: string): string {
  const groupName = t(`session-list.group.${group}`);
  return liveChat ? t('session-list.label', { group: groupName, liveChat }) : groupName;
}
