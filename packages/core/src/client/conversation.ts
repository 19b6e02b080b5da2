import { defer, finalize, takeUntil, type Observable } from 'rxjs';
import type { Id, Message } from '../domain/types.js';
import { validateMessageText } from '../domain/validation.js';
import type { CommandValues } from '../protocol/commands.js';
import type { MessagePage, TransportAdapter } from '../protocol/adapter.js';
import type { ServerEvent } from '../protocol/events.js';
import { disposedError, refused, type CommandRunner } from './commands.js';
import { toErrorInfo } from './error-info.js';
import {
  emptyConversation,
  newestSentOrder,
  oldestLoadedOrder,
  reduceConversation,
  type ConversationAction,
} from './reducers.js';
import { select } from './select.js';
import type { WorkspaceStore } from './store.js';
import type { ClientResult, ConversationState, MessageView } from './types.js';

export interface ConversationDeps {
  adapter: TransportAdapter;
  store: WorkspaceStore;
  commands: CommandRunner;
  historyPageSize: number;
  now: () => number;
  destroy$: Observable<void>;
  isDisposed: () => boolean;
}

type SendResult = ClientResult<CommandValues['message.send']>;

/**
 * Conversations and their side effects, in one place: history pages, optimistic sends,
 * retries. Only sessions that were opened through {@link conversation$} (or written to) have a
 * conversation; `message.added` events for other sessions only touch the session entry.
 *
 * Every state change goes through {@link reduceConversation}; effects are adapter calls whose
 * pipes end in `takeUntil(destroy$)` and which never touch state after dispose.
 */
export class Conversations {
  private readonly states = new Map<Id, ConversationState>();
  /** Sessions whose newest page has loaded (so loadOlder pages backwards). */
  private readonly loaded = new Set<Id>();
  /** Sessions opened through conversation$: refreshed after a resync. */
  private readonly opened = new Set<Id>();
  private readonly inflight = new Map<Id, Promise<void>>();
  private readonly streams = new Map<Id, Observable<ConversationState>>();

  constructor(private readonly deps: ConversationDeps) {}

  /** The conversation as loaded so far, if the session has one. */
  get(sessionId: Id): ConversationState | undefined {
    return this.states.get(sessionId);
  }

  /** One message of a loaded conversation. */
  findMessage(sessionId: Id, messageId: Id): MessageView | undefined {
    return this.states.get(sessionId)?.messages.find((m) => m.id === messageId);
  }

  /** A conversation stream; subscribing loads the newest page if nothing is loaded yet. */
  conversation$(sessionId: Id): Observable<ConversationState> {
    let stream = this.streams.get(sessionId);
    if (!stream) {
      const trigger$ = defer(() => {
        this.open(sessionId);
        return this.deps.store.changes$;
      });
      stream = select(trigger$, () => this.states.get(sessionId) ?? emptyConversation(sessionId));
      this.streams.set(sessionId, stream);
    }
    return stream;
  }

  /** Applies a server event to the conversation it belongs to, if loaded (the caller commits). */
  applyEvent(event: ServerEvent): void {
    if (event.type !== 'message.added') return;
    const sessionId = event.message.sessionId;
    if (this.states.has(sessionId))
      this.dispatch(sessionId, { type: 'message.added', message: event.message }, false);
  }

  private ensure(sessionId: Id): ConversationState {
    let state = this.states.get(sessionId);
    if (!state) {
      state = emptyConversation(sessionId);
      this.states.set(sessionId, state);
    }
    return state;
  }

  private dispatch(sessionId: Id, action: ConversationAction, commit = true): void {
    if (this.deps.isDisposed()) return;
    const state = this.ensure(sessionId);
    const next = reduceConversation(state, action);
    if (next === state) return;
    this.states.set(sessionId, next);
    if (commit) this.deps.store.commit();
  }

  // -------------------------------------------------------------------------------------------
  // History

  private open(sessionId: Id): void {
    if (this.deps.isDisposed()) return;
    this.opened.add(sessionId);
    this.ensure(sessionId);
    if (!this.loaded.has(sessionId) && !this.inflight.has(sessionId))
      void this.loadPage(sessionId, undefined);
  }

  private fetch(
    sessionId: Id,
    beforeOrder: number | undefined,
    onPage: (page: MessagePage) => void,
    onError: (e: unknown) => void,
  ): Promise<void> {
    const query =
      beforeOrder === undefined
        ? { sessionId, limit: this.deps.historyPageSize }
        : { sessionId, beforeOrder, limit: this.deps.historyPageSize };
    return new Promise<void>((resolve) => {
      defer(() => this.deps.adapter.history(query))
        .pipe(takeUntil(this.deps.destroy$), finalize(resolve))
        .subscribe({ next: onPage, error: onError });
    });
  }

  /** Loads the newest page (`beforeOrder` undefined) or the page before `beforeOrder`. */
  private loadPage(sessionId: Id, beforeOrder: number | undefined): Promise<void> {
    const older = beforeOrder !== undefined;
    this.dispatch(sessionId, { type: 'history.loading' });
    const done = this.fetch(
      sessionId,
      beforeOrder,
      (page) => {
        if (!older) this.loaded.add(sessionId);
        this.dispatch(sessionId, { type: 'history.loaded', page, older });
      },
      (error) => this.dispatch(sessionId, { type: 'history.failed', error: toErrorInfo(error) }),
    ).finally(() => this.inflight.delete(sessionId));
    this.inflight.set(sessionId, done);
    return done;
  }

  /** Loads the page before the oldest loaded message (or the newest page if none loaded yet). */
  loadOlder(sessionId: Id): Promise<void> {
    if (this.deps.isDisposed()) return Promise.resolve();
    const running = this.inflight.get(sessionId);
    if (running) return running;
    this.opened.add(sessionId);
    const state = this.ensure(sessionId);
    if (!this.loaded.has(sessionId)) return this.loadPage(sessionId, undefined);
    if (!state.hasMore) return Promise.resolve();
    const before = oldestLoadedOrder(state);
    return before === undefined
      ? this.loadPage(sessionId, undefined)
      : this.loadPage(sessionId, before);
  }

  /**
   * After a resync: fetches the newest page of every opened conversation again, so messages
   * whose events fell into the gap appear (merging deduplicates the rest).
   */
  refreshOpened(): void {
    for (const sessionId of this.opened) {
      void this.fetch(
        sessionId,
        undefined,
        (page) => {
          this.loaded.add(sessionId);
          this.dispatch(sessionId, { type: 'history.refreshed', page });
        },
        // A failed background refresh keeps what is shown; the next event or load fixes it.
        () => undefined,
      );
    }
  }

  /** The order up to which "mark read" applies: the newest loaded message, if loaded. */
  readUpTo(sessionId: Id): number | undefined {
    const state = this.states.get(sessionId);
    return state && this.loaded.has(sessionId) ? newestSentOrder(state.messages) : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Sending

  async send(sessionId: Id, text: string): Promise<SendResult> {
    const valid = validateMessageText(text);
    if (!valid.ok) return valid;
    if (this.deps.isDisposed()) return refused(disposedError());
    const clientMessageId = this.deps.commands.newId();
    const { store } = this.deps;
    const pending: MessageView = {
      id: `pending:${clientMessageId}`,
      sessionId,
      clientMessageId,
      author: { kind: 'operator', userId: store.me?.id ?? '' },
      text: valid.value,
      channel: store.session(sessionId)?.channel ?? 'web',
      sentAt: this.deps.now(),
      order: Infinity,
      delivery: 'pending',
    };
    this.dispatch(sessionId, { type: 'send.pending', message: pending });
    return this.deliver(sessionId, clientMessageId, valid.value);
  }

  async retry(sessionId: Id, clientMessageId: string): Promise<SendResult> {
    const message = this.states
      .get(sessionId)
      ?.messages.find((m) => m.delivery !== 'sent' && m.clientMessageId === clientMessageId);
    if (!message)
      return refused({
        code: 'NOT_FOUND',
        message: 'There is no unsent message to retry.',
        details: { clientMessageId },
      });
    if (message.delivery === 'pending') {
      return refused({
        code: 'CONFLICT',
        message: 'This message is still being sent.',
        details: { clientMessageId },
      });
    }
    this.dispatch(sessionId, { type: 'send.retrying', clientMessageId });
    return this.deliver(sessionId, clientMessageId, message.text);
  }

  discard(sessionId: Id, clientMessageId: string): void {
    this.dispatch(sessionId, { type: 'send.discarded', clientMessageId });
  }

  /** Executes `message.send` (fresh commandId, same clientMessageId) and reconciles the result. */
  private async deliver(sessionId: Id, clientMessageId: string, text: string): Promise<SendResult> {
    const result = await this.deps.commands.execute({
      type: 'message.send',
      sessionId,
      clientMessageId,
      text,
    });
    if (result.ok) this.confirm(sessionId, clientMessageId, result.value.message);
    else this.dispatch(sessionId, { type: 'send.failed', clientMessageId, error: result.error });
    return result;
  }

  private confirm(sessionId: Id, clientMessageId: string, message: Message): void {
    this.dispatch(sessionId, { type: 'send.confirmed', clientMessageId, message });
  }
}
