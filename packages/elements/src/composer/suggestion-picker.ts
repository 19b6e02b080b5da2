import type { ReactiveController } from 'lit';
import type { Id, LiveChatClient } from '@live-chat/core';
import { SuggestionList } from './suggestion-list.js';

/** What a picker needs from the composer. */
export interface SuggestionPickerHost {
  readonly client?: LiveChatClient;
  readonly sessionId?: string;
  readonly locale: string;
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
  addEventListener(type: 'focusout', listener: () => void): void;
  removeEventListener(type: 'focusout', listener: () => void): void;
}

/** A word being typed that a picker completes: from `start` to the caret (`end`), and its text. */
export interface TypedQuery {
  start: number;
  end: number;
  query: string;
}

/** The list of one session's draft while it is shown. */
export interface OpenSuggestions<Q extends TypedQuery> {
  sessionId: Id;
  query: Q;
  field: HTMLTextAreaElement;
}

/**
 * A composer's suggestions for a word being typed (`/shortcut`, and any other): follows the
 * text before the caret, shows the options a subclass finds in a {@link SuggestionList}, and
 * replaces the word with what the chosen option inserts. Escape closes the list until the caret
 * leaves that word; the list closes when focus leaves the composer (its options keep focus in
 * the field), and when the composer leaves the page.
 */
export abstract class SuggestionPicker<T, Q extends TypedQuery> implements ReactiveController {
  protected readonly list: SuggestionList<T>;
  protected open: OpenSuggestions<Q> | undefined;
  /** Where the word of a list the user closed with Escape starts: it stays closed there. */
  #dismissed: { sessionId: Id; start: number } | undefined;

  constructor(
    protected readonly host: SuggestionPickerHost,
    listId: string,
  ) {
    this.list = new SuggestionList<T>(listId);
    host.addController(this);
  }

  /** The word being typed at `caret`, if it is one this picker completes. */
  protected abstract queryAt(text: string, caret: number): Q | undefined;
  /** The options for `query` in the session's draft `text`, best first. */
  protected abstract optionsFor(
    client: LiveChatClient,
    sessionId: Id,
    query: Q,
    text: string,
  ): readonly T[];
  /** The field's text once `item` is chosen, and where the caret goes. */
  protected abstract insert(
    client: LiveChatClient,
    open: OpenSuggestions<Q>,
    item: T,
  ): { text: string; caret: number };

  hostConnected(): void {
    this.host.addEventListener('focusout', this.#onFocusOut);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusout', this.#onFocusOut);
    this.open = undefined;
  }

  readonly #onFocusOut = (): void => this.close();

  /** Whether the list is shown for the session in the composer. */
  get expanded(): boolean {
    return !!this.open && this.open.sessionId === this.host.sessionId;
  }

  /** Id of the list while it shows options, for the textarea's `aria-controls`. */
  get listId(): string | undefined {
    return this.expanded && this.list.options.length ? this.list.id : undefined;
  }

  /** Id of the highlighted option, for `aria-activedescendant`. */
  activeId(): string | undefined {
    return this.expanded ? this.list.activeId() : undefined;
  }

  /** Looks at the text before the caret again (after typing, a click or a caret move). */
  follow(field: HTMLTextAreaElement): void {
    const { client, sessionId } = this.host;
    const collapsed = field.selectionStart === field.selectionEnd;
    const query = collapsed ? this.queryAt(field.value, field.selectionStart) : undefined;
    const dismissed = this.#dismissed;
    if (dismissed && (dismissed.sessionId !== sessionId || dismissed.start !== query?.start)) {
      this.#dismissed = undefined;
    }
    if (!client || !sessionId || !query || this.#dismissed) return this.close();
    const same = this.open?.sessionId === sessionId && this.open.query.query === query.query;
    this.list.show(this.optionsFor(client, sessionId, query, field.value), same);
    this.open = { sessionId, query, field };
    this.host.requestUpdate();
  }

  /** Closes the list. */
  close(): void {
    if (!this.open) return;
    this.open = undefined;
    this.host.requestUpdate();
  }

  /** Handles a key of the field while the list is open; true when it was the list's. */
  keydown(event: KeyboardEvent): boolean {
    const open = this.expanded ? this.open : undefined;
    if (!open) return false;
    const meaning = this.list.key(event);
    if (meaning === 'close') {
      this.#dismissed = { sessionId: open.sessionId, start: open.query.start };
      this.close();
    } else if (meaning === 'choose') {
      this.choose(this.list.current!);
    } else if (meaning === 'moved') {
      this.host.requestUpdate();
    }
    return meaning !== undefined;
  }

  /** Puts what `item` inserts in place of the word, the caret after it, focus in the field. */
  choose(item: T): void {
    const open = this.open;
    const client = this.host.client;
    if (!open || !client) return;
    const { text, caret } = this.insert(client, open, item);
    const field = open.field;
    this.open = undefined;
    field.value = text;
    field.setSelectionRange(caret, caret);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.focus();
  }
}
