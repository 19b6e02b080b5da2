import { css, html, nothing, type TemplateResult } from 'lit';
import {
  matchCannedReplies,
  type CannedReply,
  type Id,
  type LiveChatClient,
} from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { clamped } from '../shared/clamped-text.js';
import {
  SuggestionPicker,
  type OpenSuggestions,
  type SuggestionPickerHost,
} from './suggestion-picker.js';
import { suggestionListStyles } from './suggestion-list.js';
import {
  cannedQueryAt,
  filledReply,
  repliesForSession,
  type CannedQuery,
} from './canned-insert.js';
import './canned-picker.messages.js';

/** Id of the canned replies list, for the textarea's `aria-controls`. */
export const CANNED_LIST_ID = 'canned-list';

/** Most suggestions shown at once (typing more of the shortcut narrows them). */
const MAX_SUGGESTIONS = 8;

/** Longest preview of a reply's text in the list (it is clamped to one line as well). */
const PREVIEW_LENGTH = 120;

/**
 * The canned replies of the composer: typing `/` at the start of a word lists the replies the
 * session may use (the user's own and its live chat's), found by `matchCannedReplies` as the
 * shortcut is typed, each with its shortcut, a one-line preview and whose it is. Up and Down
 * move, Enter or Tab replace `/query` with the reply, its variables filled for the session;
 * Escape closes the list until the caret leaves that `/`. See {@link SuggestionPicker} and
 * `SuggestionList` for the keyboard and the ARIA pattern.
 */
export class CannedPicker extends SuggestionPicker<CannedReply, CannedQuery> {
  constructor(host: SuggestionPickerHost) {
    super(host, CANNED_LIST_ID);
  }

  protected queryAt(text: string, caret: number): CannedQuery | undefined {
    return cannedQueryAt(text, caret);
  }

  protected optionsFor(client: LiveChatClient, sessionId: Id, query: CannedQuery): CannedReply[] {
    return matchCannedReplies(repliesForSession(client, sessionId), query.query, MAX_SUGGESTIONS);
  }

  /** The `/query` replaced with the reply's text, its variables filled for the session. */
  protected insert(
    client: LiveChatClient,
    open: OpenSuggestions<CannedQuery>,
    reply: CannedReply,
  ): { text: string; caret: number } {
    const { field, query, sessionId } = open;
    const filled = filledReply(client, sessionId, reply);
    return {
      text: field.value.slice(0, query.start) + filled + field.value.slice(query.end),
      caret: query.start + filled.length,
    };
  }

  /** The list under the textarea and its polite status; nothing while closed. */
  render(t: Translate): TemplateResult | typeof nothing {
    const open = this.expanded ? this.open : undefined;
    const client = this.host.client;
    if (!open || !client) return nothing;
    const count = this.list.options.length;
    return this.list.render(
      {
        label: t('canned-picker.list'),
        status: count
          ? t('canned-picker.count', { count })
          : t('canned-picker.none', { query: open.query.query }),
        option: (reply) => {
          const preview = filledReply(client, open.sessionId, reply)
            .replace(/\s+/g, ' ')
            .slice(0, PREVIEW_LENGTH);
          const personal = reply.scope.kind === 'personal';
          return html`<span class="canned-head">
              <span class="canned-shortcut">/${reply.shortcut}</span>
              <span class="canned-badge" part="canned-badge"
                >${t(personal ? 'canned-picker.personal' : 'canned-picker.live-chat')}</span
              >
            </span>
            <span class="canned-preview">${clamped(preview)}</span>`;
        },
        pick: (reply) => this.choose(reply),
      },
      'canned',
    );
  }
}

/**
 * The look of the composer's suggestion lists (the `@mention` one too), and of a canned reply in
 * them: shortcut and badge on a line, the preview under them.
 */
export const cannedStyles = [
  suggestionListStyles,
  css`
    .canned-head {
      display: flex;
      align-items: baseline;
      gap: var(--_space);
    }
    .canned-shortcut {
      font-weight: 600;
      font-family: var(--live-chat-font-mono, ui-monospace, monospace);
    }
    .canned-badge {
      font-size: 0.8em;
      padding: 0 6px;
      border: 1px solid var(--_border);
      border-radius: 999px;
      color: var(--_muted);
    }
    .canned-preview {
      display: block;
      font-size: 0.9em;
      color: var(--_muted);
      max-width: 32rem;
    }
  `,
];
