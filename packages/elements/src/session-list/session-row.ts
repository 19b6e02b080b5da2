import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Id, SessionTag, SessionView, WaitingThresholds } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { channelIcon } from '../shared/channel-icon.js';
import { formatDateTime, formatNumber, formatRelative } from '../shared/format.js';
import { styleProperties } from '../shared/style-properties.js';
import { isolated, isolateText } from '../shared/untrusted-text.js';
import { urgentIcon } from './urgent-icon.js';
import { renderedRows, type RowWindow } from './virtual-rows.js';
import { renderWaiting } from './waiting.js';

/** Tag chips a row shows before it counts the rest ("+2"). */
const TAGS_SHOWN = 2;

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
  /** The live chat's tags by id. */
  tags: ReadonlyMap<Id, SessionTag>;
  /** The waiting thresholds, in the queue: its rows show how long the customer has waited. */
  waiting: WaitingThresholds | undefined;
  locale: string;
  t: Translate;
}

/** The name shown for a session in the list (the type-ahead matches it): its customer's, or its own. */
export function rowName(view: SessionView): string {
  return view.customer?.name || view.session.name;
}

/**
 * The session's tags, in the live chat's order: the first {@link TAGS_SHOWN} as chips (each
 * clamped, whole in its tooltip), then how many more; the whole list as the tooltip and for
 * screen readers.
 */
function renderTags(view: SessionView, row: SessionRowView): TemplateResult | typeof nothing {
  const ids = view.session.tags;
  if (!ids || ids.length === 0) return nothing;
  const labels: string[] = [];
  for (const tag of row.tags.values()) if (ids.includes(tag.id)) labels.push(tag.label);
  if (labels.length === 0) return nothing;
  const all = labels.map(isolateText).join(', ');
  const more = labels.length - TAGS_SHOWN;
  return html`<span part="tags" class="tags" title=${all}
    ><span class="tag-chips" aria-hidden="true"
      >${labels.slice(0, TAGS_SHOWN).map((label) => html`<bdi part="tag" class="tag">${label}</bdi>`)}${
        more > 0
          ? html`<span part="tag" class="tag more"
              >${row.t('session-list.more-tags', { count: more })}</span
            >`
          : nothing
      }</span
    ><span class="visually-hidden">${row.t('session-list.tags', { tags: all })}</span></span
  >`;
}

/** The relative time of the last message, or in the queue how long the customer has waited. */
function renderTime(view: SessionView, row: SessionRowView): TemplateResult {
  const { session } = view;
  if (row.waiting && session.status === 'queued' && session.queuedAt !== null) {
    return renderWaiting(session.queuedAt, row.now, row.waiting, row.locale, row.t);
  }
  return html`<time
    part="time"
    class="time"
    datetime=${new Date(session.lastMessageAt).toISOString()}
    title=${formatDateTime(session.lastMessageAt, row.locale)}
    >${formatRelative(session.lastMessageAt, row.now, row.locale)}</time
  >`;
}

/**
 * One row of the session list (`role="option"`), laid out in the flow of the rendered window
 * (no inline style: the window is placed as a whole): the channel icon, the urgent mark, the
 * customer's name (with the session's name when it was renamed), the relative time (in the
 * queue: the waiting time), the last message's preview, the tags, the New mark and the unread
 * badge. Names and the preview
 * are isolated from the text around them and cut with an ellipsis, whole in their tooltips.
 */
export function renderSessionRow(view: SessionView, row: SessionRowView): TemplateResult {
  const { session, customer } = view;
  const { t } = row;
  const customerName = customer?.name ?? '';
  // A session named after its customer (the default, e.g. "Ivan (Telegram)") adds nothing;
  // a renamed one ("Refund for order 12") is shown beside the customer.
  const showSessionName =
    customerName !== '' && session.name !== '' && !session.name.includes(customerName);
  const name = customerName || session.name;
  const preview = session.lastMessagePreview || t('session-list.no-messages');
  return html`<div
    part=${row.selected ? 'option option-selected' : 'option'}
    class="row ${view.unread > 0 ? 'unread' : ''} ${row.kept ? 'kept' : ''} ${session.urgent ? 'urgent' : ''}"
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
      >${
        session.urgent
          ? html`<span part="urgent" class="urgent-mark" title=${t('session-list.urgent')}
              ><svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">${urgentIcon}</svg
              ><span class="visually-hidden">${t('session-list.urgent')}, </span></span
            >`
          : nothing
      }${isolated(name)}${showSessionName ? html`<span class="session-name"> · ${isolated(session.name)}</span>` : nothing}</span
    >
    ${renderTime(view, row)}
    <span part="preview" class="preview" title=${preview}>${preview}</span>
    <span class="marks">
      ${renderTags(view, row)}
      ${view.isNew ? html`<span part="new" class="new-mark">${t('session-list.new')}</span>` : nothing}
      ${
        view.unread > 0
          ? html`<span part="unread" class="unread-badge"
              ><span aria-hidden="true">${formatNumber(view.unread, row.locale)}</span
              ><span class="visually-hidden"
                >${t('session-list.unread', { count: view.unread })}</span
              ></span
            >`
          : nothing
      }
    </span>
  </div>`;
}

/** What {@link renderRowWindow} shows of a list, besides the rows' shared {@link SessionRowView}. */
export interface RowWindowView extends Omit<
  SessionRowView,
  'index' | 'total' | 'selected' | 'active' | 'kept'
> {
  /** The rows in view and their overscan. */
  window: RowWindow;
  /** The row with the tab stop, kept in the DOM wherever it is. */
  kept: number | undefined;
  /** The height of every row, in px. */
  rowHeight: number;
  selectedId: string | undefined;
  activeId: string | undefined;
}

/**
 * The rows of `list` in view: a spacer with the whole list's height, and in it the window of
 * rendered rows moved as one to the first one's offset (no inline style, see `styleProperties`).
 */
export function renderRowWindow(list: readonly SessionView[], view: RowWindowView): TemplateResult {
  const { window, kept, rowHeight, selectedId, activeId, ...shared } = view;
  const total = list.length;
  return html`<div
    class="spacer"
    role="none"
    ${styleProperties({ height: `${total * rowHeight}px` })}
  >
    <div
      class="window"
      role="none"
      ${styleProperties({ transform: `translateY(${window.first * rowHeight}px)` })}
    >
      ${repeat(
        renderedRows(window, kept),
        (index) => list[index]!.session.id,
        (index) =>
          renderSessionRow(list[index]!, {
            ...shared,
            index,
            total,
            selected: list[index]!.session.id === selectedId,
            active: list[index]!.session.id === activeId,
            kept: index < window.first || index >= window.last,
          }),
      )}
    </div>
  </div>`;
}
