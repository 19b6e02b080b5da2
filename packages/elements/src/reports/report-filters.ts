import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LiveChat } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { tabPastField } from '../shared/tab-order.js';

/** What the report settings show. */
export interface ReportFiltersView {
  t: Translate;
  /** The user's live chats. */
  liveChats: readonly LiveChat[];
  /** The live chat reported on, possibly one the user no longer has. */
  liveChatId: string | undefined;
  /** First and last day of the period, `YYYY-MM-DD`. */
  from: string | undefined;
  to: string | undefined;
  /** Why the period cannot be reported on, shown under the dates. */
  problem: string | undefined;
}

/** What the report settings call: each with the control whose value changed. */
export interface ReportFiltersActions {
  liveChatChange: (event: Event) => void;
  fromChange: (event: Event) => void;
  toChange: (event: Event) => void;
}

/** The live chat `<select>`, or nothing when the user has no live chat. */
function renderLiveChatSelect(
  view: ReportFiltersView,
  actions: ReportFiltersActions,
): TemplateResult | typeof nothing {
  const { t, liveChats, liveChatId: current } = view;
  if (liveChats.length === 0 && !current) return nothing;
  const unknown = current !== undefined && !liveChats.some((c) => c.id === current);
  return html`<div class="field">
    <label for="live-chat">${t('live-chat-reports.live-chat')}</label>
    <select id="live-chat" part="live-chat-select" @change=${actions.liveChatChange}>
      ${
        unknown
          ? html`<option value=${current} selected>
              ${t('live-chat-reports.live-chat.unknown', { id: current })}
            </option>`
          : nothing
      }
      ${repeat(
        liveChats,
        (chat) => chat.id,
        (chat) =>
          html`<option value=${chat.id} ?selected=${chat.id === current}>${chat.name}</option>`,
      )}
    </select>
  </div>`;
}

/**
 * One of the period's two date fields; the other bounds it (`min` or `max`). One Tab stop:
 * Tab leaves the field at once, the arrow keys move between its day, month and year.
 */
function renderDateField(
  view: ReportFiltersView,
  end: 'from' | 'to',
  onChange: (event: Event) => void,
): TemplateResult {
  const { t, problem } = view;
  const value = end === 'from' ? view.from : view.to;
  const other = (end === 'from' ? view.to : view.from) || nothing;
  return html`<div class="field">
    <label for=${end}>${t(`live-chat-reports.${end}`)}</label>
    <input
      id=${end}
      part="${end}-input"
      type="date"
      .value=${value ?? ''}
      min=${end === 'to' ? other : nothing}
      max=${end === 'from' ? other : nothing}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${problem ? 'range-error' : nothing}
      @change=${onChange}
      @keydown=${tabPastField}
    />
  </div>`;
}

/** The report settings: the live chat, the first and last day, and why the period is not valid. */
export function renderReportFilters(
  view: ReportFiltersView,
  actions: ReportFiltersActions,
): TemplateResult {
  const { t, problem } = view;
  return html`<div
    part="filters"
    class="filters"
    role="group"
    aria-label=${t('live-chat-reports.filters')}
  >
    ${renderLiveChatSelect(view, actions)} ${renderDateField(view, 'from', actions.fromChange)}
    ${renderDateField(view, 'to', actions.toChange)}
    ${problem ? html`<p id="range-error" part="range-error" class="range-error" role="alert">${problem}</p>` : nothing}
  </div>`;
}
