import { nothing, type TemplateResult } from 'lit';
import { MAX_MENTIONS, type Id, type LiveChatClient } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { clamped } from '../shared/clamped-text.js';
import {
  SuggestionPicker,
  type OpenSuggestions,
  type SuggestionPickerHost,
} from './suggestion-picker.js';
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
export type MentionPickerHost = SuggestionPickerHost;

/**
 * The `@mention` suggestions of the composer in Note mode (see {@link SuggestionPicker} for the
 * keyboard and the ARIA pattern): Up and Down move, Enter or Tab insert `@Name`, Escape closes,
 * and a polite status says how many colleagues match. Chosen colleagues are kept per session
 * until the note is sent; {@link mentions} gives those the text still names.
 */
export class MentionPicker extends SuggestionPicker<Colleague, MentionQuery> {
  /** Colleagues chosen in each session's draft, in order. */
  readonly #chosen = new Map<Id, Colleague[]>();
  /** Whether the draft already mentions the most allowed (then nothing may be chosen). */
  #full = false;

  constructor(host: MentionPickerHost) {
    super(host, MENTION_LIST_ID);
  }

  /** The ids of the colleagues `text` mentions in the session (chosen, and still in the text). */
  mentions(sessionId: Id, text: string): Id[] {
    return mentionsInText(text, this.#chosen.get(sessionId) ?? []);
  }

  /** The note was sent: its mentions start afresh. */
  forget(sessionId: Id): void {
    this.#chosen.delete(sessionId);
  }

  protected queryAt(text: string, caret: number): MentionQuery | undefined {
    return mentionQueryAt(text, caret);
  }

  protected optionsFor(
    client: LiveChatClient,
    sessionId: Id,
    query: MentionQuery,
    text: string,
  ): Colleague[] {
    const colleagues = colleaguesOf(client, sessionId);
    const found = matchColleagues(colleagues, query.query, this.host.locale);
    this.#full = found.length > 0 && this.mentions(sessionId, text).length >= MAX_MENTIONS;
    return this.#full ? [] : found.slice(0, MAX_SUGGESTIONS);
  }

  /** Inserts `@Name ` for the colleague in place of what was typed, and records the mention. */
  protected insert(
    _client: LiveChatClient,
    open: OpenSuggestions<MentionQuery>,
    colleague: Colleague,
  ): { text: string; caret: number } {
    const chosen = this.#chosen.get(open.sessionId) ?? [];
    if (!chosen.some((c) => c.id === colleague.id)) chosen.push(colleague);
    this.#chosen.set(open.sessionId, chosen);
    return insertMention(open.field.value, open.query, colleague);
  }

  /** The list under the textarea, its empty text, and the polite count; nothing while closed. */
  render(t: Translate): TemplateResult | typeof nothing {
    const open = this.expanded ? this.open : undefined;
    if (!open) return nothing;
    const count = this.list.options.length;
    const status = this.#full
      ? t('conversation.composer.mentionsFull', { max: MAX_MENTIONS })
      : count
        ? t('conversation.composer.mentionCount', { count })
        : t('conversation.composer.mentionNone', { query: open.query.query });
    return this.list.render(
      {
        label: t('conversation.composer.mentionList'),
        status,
        option: (colleague) => clamped(colleague.name),
        pick: (colleague) => this.choose(colleague),
      },
      'mention',
      'mentions',
    );
  }
}
