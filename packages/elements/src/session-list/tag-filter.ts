import { html, nothing, type TemplateResult } from 'lit';
import type { Id, SessionTag, SessionView } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import type { ShownText } from '../shared/untrusted-text.js';

/**
 * The sessions of a list that carry one tag, computed again only when the list or the tag
 * changes: the list's own array when no tag is chosen, so an unfiltered list costs nothing.
 */
export class TagFilter {
  #source: SessionView[] | undefined;
  #tagId: Id | undefined;
  #result: SessionView[] | undefined;

  /** `list` narrowed to the sessions carrying `tagId` (all of it when `tagId` is undefined). */
  apply(list: SessionView[] | undefined, tagId: Id | undefined): SessionView[] | undefined {
    if (list === this.#source && tagId === this.#tagId) return this.#result;
    this.#source = list;
    this.#tagId = tagId;
    this.#result =
      tagId === undefined || list === undefined
        ? list
        : list.filter((view) => view.session.tags?.includes(tagId));
    return this.#result;
  }
}

/** What the filter bar needs: the live chat's tags, the chosen one and what to do on a change. */
export interface TagFilterView {
  tags: readonly SessionTag[];
  tagId: Id | undefined;
  /** Sessions shown of the group's total, while a tag is chosen. */
  shown: number;
  total: number;
  onChange: (tagId: Id | undefined) => void;
  t: Translate;
}

/**
 * "Filter by tag" above the list: a native select (All tags, then each tag of the live chat),
 * and while a tag is chosen, how many sessions of the group it leaves. Nothing when the live
 * chat offers no tags.
 */
export function renderTagFilter(view: TagFilterView): TemplateResult | typeof nothing {
  const { tags, tagId, t } = view;
  if (tags.length === 0) return nothing;
  const onChange = (event: Event) =>
    view.onChange((event.target as HTMLSelectElement).value || undefined);
  return html`<div class="filter" part="filter">
    <label for="tag-filter">${t('session-list.filter.label')}</label>
    <select id="tag-filter" part="tag-filter" @change=${onChange}>
      <option value="" ?selected=${tagId === undefined}>${t('session-list.filter.all')}</option>
      ${tags.map(
        (tag) => html`<option value=${tag.id} ?selected=${tag.id === tagId}>${tag.label}</option>`,
      )}
    </select>
    ${
      tagId === undefined
        ? nothing
        : html`<span class="filter-count" part="filter-count"
            >${t('session-list.filter.count', { shown: view.shown, total: view.total })}</span
          >`
    }
  </div>`;
}

/**
 * The empty state of a filtered list: `text` says no session carries the tag (its label
 * isolated); a button clears the filter.
 */
export function renderNoMatch(text: ShownText, t: Translate, clear: () => void): TemplateResult {
  return html`<div class="no-match">
    <p part="message" class="message empty" tabindex="-1" role="status">${text}</p>
    <button class="clear-filter" part="clear-filter" type="button" @click=${clear}>
      ${t('session-list.filter.clear')}
    </button>
  </div>`;
}
