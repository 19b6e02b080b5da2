import { css, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';

/**
 * A list of suggestions under a text field that keeps focus, following the ARIA pattern of a
 * textbox with a suggestion list: the field names the list (`aria-controls`,
 * `aria-autocomplete="list"`) and its highlighted option (`aria-activedescendant`), so screen
 * readers announce the option as Up and Down move; Enter or Tab choose it, Escape closes. It
 * holds no text of its own: a picker (the canned replies, and any other) says what the options
 * are, how each looks and what choosing one does.
 */

/** What a key pressed in the field means for the list (undefined: not the list's key). */
export type SuggestionKey = 'moved' | 'choose' | 'close';

/** How {@link SuggestionList.render} shows the list. */
export interface SuggestionListView<T> {
  /** The list's accessible name. */
  label: string;
  /** The polite status under the list: how many options, or that none matches. */
  status: string;
  /** The content of one option. */
  option: (item: T) => TemplateResult;
  /** A pointer picked `item` (the keyboard chooses through {@link SuggestionList.key}). */
  pick: (item: T) => void;
}

/** The options shown, which one is highlighted, and their keyboard. */
export class SuggestionList<T> {
  #items: readonly T[] = [];
  #active = 0;

  /** `id` is the list's element id (for `aria-controls`); options get `${id}-${index}`. */
  constructor(readonly id: string) {}

  /** The options shown now. */
  get options(): readonly T[] {
    return this.#items;
  }

  /** The highlighted option, if any. */
  get current(): T | undefined {
    return this.#items[this.#active];
  }

  /** Shows `options`; the highlight stays where it was when `keep`, else goes to the first. */
  show(options: readonly T[], keep = false): void {
    this.#items = options;
    this.#active = keep ? Math.min(this.#active, Math.max(options.length - 1, 0)) : 0;
  }

  /** Id of the highlighted option's element, for `aria-activedescendant`. */
  activeId(): string | undefined {
    return this.#items.length ? `${this.id}-${this.#active}` : undefined;
  }

  /**
   * Reads a `keydown` of the field: Up and Down move the highlight (wrapping), Enter and Tab
   * (without Shift) ask to choose it, Escape to close. Prevents the key's default when it is the
   * list's.
   */
  key(event: KeyboardEvent): SuggestionKey | undefined {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return undefined;
    const count = this.#items.length;
    let meaning: SuggestionKey | undefined;
    if (event.key === 'Escape') meaning = 'close';
    else if (!count) meaning = undefined;
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : count - 1;
      this.#active = (this.#active + step) % count;
      meaning = 'moved';
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
      meaning = 'choose';
    }
    if (meaning) event.preventDefault();
    return meaning;
  }

  /**
   * The listbox (while there are options) and its polite status, in a box whose part is
   * `container`; the list's, options' and status's parts are `${part}-list`, `-option`, `-status`.
   */
  render(view: SuggestionListView<T>, part: string, container = part): TemplateResult {
    const list = this.#items.length
      ? html`<ul id=${this.id} role="listbox" part="${part}-list" aria-label=${view.label}>
          ${this.#items.map(
            (item, index) =>
              html`<li
                id=${`${this.id}-${index}`}
                role="option"
                part="${part}-option"
                class=${classMap({ active: index === this.#active })}
                aria-selected=${index === this.#active ? 'true' : 'false'}
                @mousedown=${(event: Event) => {
                  // Keep focus in the field, and choose.
                  event.preventDefault();
                  view.pick(item);
                }}
              >
                ${view.option(item)}
              </li>`,
          )}
        </ul>`
      : nothing;
    return html`<div class="suggestions" part=${container}>
      ${list}
      <p class="suggestion-status" part="${part}-status" role="status">${view.status}</p>
    </div>`;
  }
}

/** The look of {@link SuggestionList.render}: a raised, scrolling list, the highlight outlined. */
export const suggestionListStyles = css`
  .suggestions {
    display: grid;
    gap: 2px;
  }
  .suggestions [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 2px;
    max-height: 14em;
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .suggestions [role='option'] {
    padding: 4px 8px;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  .suggestions [role='option'].active {
    background: var(--_accent-soft);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .suggestion-status {
    margin: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .suggestions [role='option'].active {
      outline-color: Highlight;
    }
  }
`;
