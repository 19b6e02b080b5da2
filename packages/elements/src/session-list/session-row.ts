import { html, nothing, type TemplateResult } from 'lit';
import type { SessionView } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { channelIcon } from '../shared/channel-icon.js';
import { formatDateTime, formatNumber, formatRelative } from '../shared/format.js';
import { isolated, isolateText } from '../shared/untrusted-text.js';

/** Where a row stands in the list and how it is shown. */
export interface SessionRowView {
  /** Its position, from 0, among `total` rows. */
  index: number;
  total: number;
  /** The open session. */
  selected: boolean;
  /** The row in the tab order (roving focus). */
  active: boolean;
  /**
   * The row is outside the rendered window, kept in the DOM only because it has the tab stop:
   * it is taken out of the flow and placed out of sight, above the window.
   */
  kept: boolean;
  /** The time relative times are counted from. */
  now: number;
  locale: string;
  t: Translate;
}

/** The name shown for a session in the list (the type-ahead matches it): its customer's, or its own. */
export function rowName(view: SessionView): string {
  return view.customer?.name || view.session.name;
}

/**
 * One row of the session list (`role="option"`), laid out in the flow of the rendered window
 * (no inline style: the window is placed as a whole): the channel icon, the customer's name (with the session's name when it was renamed), the relative
 * time, the last message's preview, the New mark and the unread badge. Names and the preview
 * are isolated from the text around them and cut with an ellipsis, whole in their tooltips.
 */
export function renderSessionRow(view: SessionView, row: SessionRowView): TemplateResult {
  const { session, customer } = view;
  const { t, locale } = row;
  const customerName = customer?.name ?? '';
  // A session named after its customer (the default, e.g. "Ivan (Telegram)") adds nothing;
  // a renamed one ("Refund for order 12") is shown beside the customer.
  const showSessionName =
    customerName !== '' && session.name !== '' && !session.name.includes(customerName);
  const name = customerName || session.name;
  const preview = session.lastMessagePreview || t('session-list.no-messages');
  return html`<div
    part=${row.selected ? 'option option-selected' : 'option'}
    class="row ${view.unread > 0 ? 'unread' : ''} ${row.kept ? 'kept' : ''}"
    role="option"
    data-session-id=${session.id}
    aria-selected=${row.selected ? 'true' : 'false'}
    aria-setsize=${row.total}
    aria-posinset=${row.index + 1}
    tabindex=${row.active ? 0 : -1}
  >
    <span class="channel">${channelIcon(session.channel)}</span>
    <span
      part="name"
      class="name"
      title=${showSessionName ? `${isolateText(name)} · ${isolateText(session.name)}` : name}
      >${isolated(name)}${showSessionName ? html`<span class="session-name"> · ${isolated(session.name)}</span>` : nothing}</span
    >
    <time
      part="time"
      class="time"
      datetime=${new Date(session.lastMessageAt).toISOString()}
      title=${formatDateTime(session.lastMessageAt, locale)}
      >${formatRelative(session.lastMessageAt, row.now, locale)}</time
    >
    <span part="preview" class="preview" title=${preview}>${preview}</span>
    <span class="marks">
      ${view.isNew ? html`<span part="new" class="new-mark">${t('session-list.new')}</span>` : nothing}
      ${
        view.unread > 0
          ? html`<span part="unread" class="unread-badge"
              ><span aria-hidden="true">${formatNumber(view.unread, locale)}</span
              ><span class="visually-hidden"
                >${t('session-list.unread', { count: view.unread })}</span
              ></span
            >`
          : nothing
      }
    </span>
  </div>`;
}
