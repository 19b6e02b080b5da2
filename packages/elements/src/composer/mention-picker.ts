import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { MAX_MENTIONS, type Id, type LiveChatClient } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { clamped } from '../shared/untrusted-text.js';
import {
  colleaguesOf,
  insertMention,
  matchColleagues,
  mentionQueryAt,
  mentionsInText,
  type Colleague,
  type MentionQuery,
} from './mentions.js';

/** Id of the suggestion list, for the textarea's `aria-controls`. */
export const MENTION_LIST_ID = 'mention-list';

/** Most suggestions shown at once (typing more of the name narrows them). */
const MAX_SUGGESTIONS = 8;

/** What the picker needs from the composer. */
export interface MentionPickerHost {
  readonly client?: LiveChatClient;
  readonly sessionId?: string;
  readonly locale: string;
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
}

interface OpenList {
  sessionId: Id;
  query: MentionQuery;
  options: Colleague[];
  active: number;
}

/**
 * The `@mention` suggestions of the composer in Note mode, following the ARIA pattern of a
 * textbox with a list of suggestions: the textarea keeps focus and names the list
 * (`aria-controls`, `aria-autocomplete="list"`) and its highlighted option
 * (`aria-activedescendant`); Up and Down move, Enter or Tab insert `@Name`, Escape closes, and a
 * polite status says how many colleagues match. Chosen colleagues are kept per session until the
 * note is sent; {@link mentions} gives those the text still names.
 */
export class MentionPicker implements ReactiveController {
  private open: OpenList | undefined;
  /** Colleagues chosen in each session's draft, in order. */
  private readonly chosen = new Map<Id, Colleague[]>();

  constructor(private readonly host: MentionPickerHost) {
    host.addController(this);
  }

  /** A composer taken out of the page comes back with its suggestions closed. */
  hostDisconnected(): void {
    this.open = undefined;
  }

  /** Whether the suggestions are shown for the session in the composer. */
  get expanded(): boolean {
    return !!this.open && this.open.sessionId === this.host.sessionId;
  }

  /** Id of the highlighted suggestion in the draft `text`, for `aria-activedescendant`. */
  activeId(text: string): string | undefined {
    const open = this.expanded ? this.open : undefined;
    return open && this.choosable(open, text).length ? optionId(open.active) : undefined;
  }

  /** The ids of the colleagues `text` mentions in the session (chosen, and still in the text). */
  mentions(sessionId: Id, text: string): Id[] {
    return mentionsInText(text, this.chosen.get(sessionId) ?? []);
  }

  /** The note was sent: its mentions start afresh. */
  forget(sessionId: Id): void {
    this.chosen.delete(sessionId);
  }

  /** Looks at the text before the caret again (after typing, a click or a caret move). */
  follow(textarea: HTMLTextAreaElement): void {
    const { client, sessionId } = this.host;
    const query =
      client && sessionId && textarea.selectionStart === textarea.selectionEnd
        ? mentionQueryAt(textarea.value, textarea.selectionStart)
        : undefined;
    if (!client || !sessionId || !query) return this.close();
    const same = this.open?.sessionId === sessionId && this.open.query.query === query.query;
    const options = matchColleagues(colleaguesOf(client, sessionId), query.query, this.host.locale);
    this.open = {
      sessionId,
      query,
      options: options.slice(0, MAX_SUGGESTIONS),
      active: same ? Math.min(this.open!.active, Math.max(options.length - 1, 0)) : 0,
    };
    this.host.requestUpdate();
  }

  /** Closes the suggestions. */
  close(): void {
    if (!this.open) return;
    this.open = undefined;
    this.host.requestUpdate();
  }

  /** Handles a key of the textarea while the suggestions are open; true when it was theirs. */
  keydown(event: KeyboardEvent, textarea: HTMLTextAreaElement): boolean {
    const open = this.expanded ? this.open : undefined;
    if (!open || event.isComposing) return false;
    const count = this.choosable(open, textarea.value).length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!count) return false;
        open.active = (open.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
        break;
      case 'Enter':
      case 'Tab':
        if (!count || event.shiftKey) return false;
        this.choose(open.options[open.active]!, textarea);
        break;
      case 'Escape':
        this.close();
        break;
      default:
        return false;
    }
    event.preventDefault();
    this.host.requestUpdate();
    return true;
  }

  /** Inserts `@Name` for `colleague` in place of what was typed, and records the mention. */
  choose(colleague: Colleague, textarea: HTMLTextAreaElement): void {
    const open = this.open;
    if (!open) return;
    const { text, caret } = insertMention(textarea.value, open.query, colleague);
    const chosen = this.chosen.get(open.sessionId) ?? [];
    if (!chosen.some((c) => c.id === colleague.id)) chosen.push(colleague);
    this.chosen.set(open.sessionId, chosen);
    this.open = undefined;
    textarea.value = text;
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.focus();
  }

  /** The suggestions that may be chosen: none once the draft mentions the most allowed. */
  private choosable(open: OpenList, text: string): Colleague[] {
    return this.mentions(open.sessionId, text).length >= MAX_MENTIONS ? [] : open.options;
  }

  /** The list under the textarea, its empty text, and the polite count; nothing while closed. */
  render(
    t: Translate,
    textarea: () => HTMLTextAreaElement | undefined,
  ): TemplateResult | typeof nothing {
    const open = this.expanded ? this.open : undefined;
    if (!open) return nothing;
    const options = this.choosable(open, textarea()?.value ?? '');
    const full = options.length === 0 && open.options.length > 0;
    const status = full
      ? t('conversation.composer.mentionsFull', { max: MAX_MENTIONS })
      : options.length
        ? t('conversation.composer.mentionCount', { count: options.length })
        : t('conversation.composer.mentionNone', { query: open.query.query });
    const pick = (event: Event, colleague: Colleague) => {
      event.preventDefault();
      const field = textarea();
      if (field) this.choose(colleague, field);
    };
    return html`<div class="mentions" part="mentions">
      ${
        options.length
          ? html`<ul
              id=${MENTION_LIST_ID}
              role="listbox"
              part="mention-list"
              aria-label=${t('conversation.composer.mentionList')}
            >
              ${options.map(
                (colleague, i) =>
                  html`<li
                    id=${optionId(i)}
                    role="option"
                    part="mention-option"
                    class=${classMap({ active: i === open.active })}
                    aria-selected=${i === open.active ? 'true' : 'false'}
                    @mousedown=${(event: Event) => pick(event, colleague)}
                  >
                    ${clamped(colleague.name)}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <p class="mention-status" part="mention-status" role="status">${status}</p>
    </div>`;
  }
}

function optionId(index: number): string {
  return `mention-option-${index}`;
}
