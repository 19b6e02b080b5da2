import { defer, finalize, firstValueFrom, type Observable } from 'rxjs';
import type { Attachment } from '../domain/attachments.js';
import { ok, type ErrorInfo } from '../domain/errors.js';
import type { Id, Message } from '../domain/types.js';
import { validateMessageText } from '../domain/validation.js';
import type { CommandValues } from '../protocol/commands.js';
import type { ConnectionState, MessagePage, TransportAdapter } from '../protocol/adapter.js';
import type { ServerEvent } from '../protocol/events.js';
import { invalidData, messagePageProblem, messageProblem } from '../protocol/validate.js';
import { checkedRead } from './checked-read.js';
import { disposedError, refused, type CommandRunner } from './commands.js';
import { readErrorInfo } from './error-info.js';
import type { OutboxEntry, OutboxKeeper } from './outbox.js';
import {
  emptyConversation,
  newestSentOrder,
  oldestLoadedOrder,
  reduceConversation,
  type ConversationAction,
} from './reducers.js';
import { select } from './select.js';
import type { WorkspaceStore } from './store.js';
import { backoffMs, retryWait, type Timing } from './timing.js';
import type { ClientResult, ConversationState, MessageView } from './views.js';

export interface ConversationDeps {
  adapter: TransportAdapter;
  store: WorkspaceStore;
  commands: CommandRunner;
  outbox: OutboxKeeper;
  historyPageSize: number;
  /** Unwatched conversations kept in memory (least recently used out first). */
  cacheSize: number;
  timing: Timing;
  /** Longest wait for one history page. */
  requestTimeoutMs: number;
  now: () => number;
  connection$: Observable<ConnectionState>;
  /** Whether the connection is online now (a failure then is not a network one). */
  online: () => boolean;
  /** Whether requests can get through now (online or connecting). */
  reachable: () => boolean;
  destroy$: Observable<void>;
  isDisposed: () => boolean;
}

type SendResult = ClientResult<CommandValues['message.send']>;

/** How a message is sent: a reply to the customer (the default) or a private note. */
export interface SendOptions {
  /** A private note among staff: never sent to the customer, it takes no session. */
  note?: boolean;
  /** Colleagues of the live chat the note mentions (each gets an alert). */
  mentions?: Id[];
  /** Files uploaded with `upload()` to send with the reply; the text may then be empty. */
  attachments?: Attachment[];
}

/** The note fields of a message, an outbox entry or a command: none for a reply. */
function noteFields(
  note: boolean | undefined,
  mentions: readonly Id[] | undefined,
): { internal?: true; mentions?: Id[] } {
  if (!note) return {};
  return mentions?.length ? { internal: true, mentions: [...mentions] } : { internal: true };
}

/** What an unsent message carries besides its text: note fields, or a reply's files. */
function extraFields(unsent: Pick<OutboxEntry, 'internal' | 'mentions' | 'attachments'>): {
  internal?: true;
  mentions?: Id[];
  attachments?: Attachment[];
} {
  if (unsent.internal) return noteFields(true, unsent.mentions);
  return unsent.attachments?.length ? { attachments: [...unsent.attachments] } : {};
}

/** Refusals that retrying cannot fix; the conversation shows them until it is invalidated. */
const isFinal = (error: ErrorInfo): boolean =>
  error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' || error.code === 'VALIDATION';

/**
 * Conversations and their side effects, in one place: history pages, the cache, optimistic
 * sends and the outbox. The rule it keeps: whenever a conversation is watched (someone is
 * subscribed to {@link conversation$}), it equals the backend's history for that session, from
 * its newest message back as far as it is loaded.
 *
 * - A conversation is *loaded* once its newest page arrived. It stops being loaded (stale)
 *   when the session leaves the user's view, comes back into it or reopens, and after a
 *   resync: events may have been missed meanwhile. A watched stale conversation is refreshed
 *   at once (its newest page fetched and merged by message id); an unwatched one when it is
 *   watched again.
 * - A failed load or refresh of a watched conversation shows its error and is retried with a
 *   back-off with full jitter, at once on reconnect; success clears the error.
 * - At most `cacheSize` unwatched conversations stay in memory, least recently used out first
 *   (never one with unsent messages).
 * - Sends show at once, are kept in the outbox until the backend stored them, and are retried
 *   with the same `clientMessageId`, so the backend stores each exactly once.
 *
 * Every state change goes through {@link reduceConversation}; effects end with `destroy$`.
 */
export class Conversations {
  readonly #states = new Map<Id, ConversationState>();
  /** Sessions whose newest page has loaded and that missed no event since. */
  readonly #loaded = new Set<Id>();
  /**
   * Per loaded conversation, the order through which it is known to hold every message: the
   * newest of its newest page and of the `message.added` events since, which arrive in stream
   * order. A command's own result does not move it (it can overtake messages still on their way).
   */
  readonly #completeThrough = new Map<Id, number>();
  /** Watched sessions (their conversation stream is subscribed). */
  readonly #watched = new Set<Id>();
  /** Unwatched conversations, least recently used first. */
  readonly #idle = new Set<Id>();
  readonly #refreshing = new Map<Id, { done: Promise<void>; again: boolean }>();
  readonly #loadingOlder = new Map<Id, Promise<void>>();
  /** Failures in a row per session, for the retry back-off. */
  readonly #failures = new Map<Id, number>();
  readonly #retryPlanned = new Set<Id>();
  readonly #streams = new Map<Id, Observable<ConversationState>>();
  /** Sends in flight, by clientMessageId: a retry joins the one running. */
  readonly #deliveries = new Map<string, Promise<SendResult>>();

  readonly #deps: ConversationDeps;

  constructor(deps: ConversationDeps) {
    this.#deps = deps;
  }

  /** The conversation as loaded so far, if the session has one. */
  get(sessionId: Id): ConversationState | undefined {
    return this.#states.get(sessionId);
  }

  /** One message of a loaded conversation. */
  findMessage(sessionId: Id, messageId: Id): MessageView | undefined {
    return this.#states.get(sessionId)?.messages.find((m) => m.id === messageId);
  }

  /** The sent message with this clientMessageId, if a conversation shows it. */
  findSent(sessionId: Id, clientMessageId: string): MessageView | undefined {
    return this.#states
      .get(sessionId)
      ?.messages.find((m) => m.delivery === 'sent' && m.clientMessageId === clientMessageId);
  }

  /** A conversation stream; while subscribed, the conversation is watched and kept right. */
  conversation$(sessionId: Id): Observable<ConversationState> {
    let stream = this.#streams.get(sessionId);
    if (!stream) {
      const trigger$ = defer(() => {
        this.#watch(sessionId);
        return this.#deps.store.changes$;
      }).pipe(finalize(() => this.#unwatch(sessionId)));
      stream = select(trigger$, () => this.#states.get(sessionId) ?? emptyConversation(sessionId));
      this.#streams.set(sessionId, stream);
    }
    return stream;
  }

  /** Applies a server event to the conversation it belongs to, if loaded (the caller commits). */
  applyEvent(event: ServerEvent): void {
    if (event.type === 'message.updated') {
      if (this.#states.has(event.message.sessionId)) {
        this.#dispatch(
          event.message.sessionId,
          { type: 'message.updated', message: event.message },
          false,
        );
      }
      return;
    }
    if (event.type !== 'message.added') return;
    const message = event.message;
    if (message.clientMessageId !== undefined) this.#deps.outbox.remove(message.clientMessageId);
    if (!this.#states.has(message.sessionId)) return;
    this.#dispatch(message.sessionId, { type: 'message.added', message }, false);
    const through = this.#completeThrough.get(message.sessionId);
    if (through !== undefined && message.order > through)
      this.#completeThrough.set(message.sessionId, message.order);
  }

  /**
   * The session's events may have been missed (it left the user's view, came back, reopened,
   * or the client resynced): refresh it now if watched, else when it is watched again.
   */
  invalidate(sessionId: Id): void {
    if (!this.#states.has(sessionId)) return;
    this.#loaded.delete(sessionId);
    this.#completeThrough.delete(sessionId);
    if (this.#watched.has(sessionId)) this.#refresh(sessionId);
  }

  /**
   * After a snapshot (the store holds it; the first one or a resync): a conversation may have
   * missed messages if its session is no longer visible, or has messages newer than the newest
   * one loaded (written after its page was read, before the snapshot). Orders only grow, so a
   * visible session whose newest message is loaded missed nothing.
   */
  afterSnapshot(): void {
    for (const sessionId of this.#states.keys()) {
      if (!this.#loaded.has(sessionId)) continue;
      const session = this.#deps.store.session(sessionId);
      if (!session) {
        this.markStale(sessionId);
        continue;
      }
      const through = this.#completeThrough.get(sessionId) ?? -Infinity;
      if (session.lastMessageOrder > through) this.invalidate(sessionId);
    }
  }

  /** The session left the user's view: events about it stop, so its conversation is stale. */
  markStale(sessionId: Id): void {
    this.#loaded.delete(sessionId);
    this.#completeThrough.delete(sessionId);
  }

  #ensure(sessionId: Id): ConversationState {
    let state = this.#states.get(sessionId);
    if (!state) {
      state = emptyConversation(sessionId);
      this.#states.set(sessionId, state);
    }
    return state;
  }

  #dispatch(sessionId: Id, action: ConversationAction, commit = true): void {
    if (this.#deps.isDisposed()) return;
    const state = this.#ensure(sessionId);
    const next = reduceConversation(state, action);
    if (next === state) return;
    this.#states.set(sessionId, next);
    if (commit) this.#deps.store.commit();
  }

  // -------------------------------------------------------------------------------------------
  // Watching and the cache

  #watch(sessionId: Id): void {
    if (this.#deps.isDisposed()) return;
    this.#watched.add(sessionId);
    this.#idle.delete(sessionId);
    this.#ensure(sessionId);
    if (!this.#loaded.has(sessionId)) this.#refresh(sessionId);
  }

  #unwatch(sessionId: Id): void {
    this.#watched.delete(sessionId);
    if (this.#deps.isDisposed() || !this.#states.has(sessionId)) return;
    this.#idle.delete(sessionId);
    this.#idle.add(sessionId);
    this.#evict();
  }

  /** Drops the least recently used unwatched conversations beyond the cache size. */
  #evict(): void {
    let excess = this.#idle.size - Math.max(0, this.#deps.cacheSize);
    if (excess <= 0) return;
    for (const sessionId of [...this.#idle]) {
      if (excess <= 0) break;
      const state = this.#states.get(sessionId);
      const busy =
        this.#refreshing.has(sessionId) ||
        this.#loadingOlder.has(sessionId) ||
        (state?.messages.some((m) => m.delivery !== 'sent') ?? false);
      if (busy) continue;
      this.#idle.delete(sessionId);
      this.#states.delete(sessionId);
      this.#loaded.delete(sessionId);
      this.#completeThrough.delete(sessionId);
      this.#failures.delete(sessionId);
      this.#streams.delete(sessionId);
      excess--;
    }
  }

  // -------------------------------------------------------------------------------------------
  // History

  #fetch(sessionId: Id, beforeOrder: number | undefined): Promise<MessagePage> {
    const query =
      beforeOrder === undefined
        ? { sessionId, limit: this.#deps.historyPageSize }
        : { sessionId, beforeOrder, limit: this.#deps.historyPageSize };
    const { timing, requestTimeoutMs, destroy$ } = this.#deps;
    return checkedRead(() => this.#deps.adapter.history(query), {
      timeoutMs: requestTimeoutMs,
      scheduler: timing.scheduler,
      destroy$,
      what: 'history page',
      late: 'History did not load in time.',
      problemOf: messagePageProblem,
    });
  }

  /**
   * Fetches the newest page and merges it (the first load, or a refresh of a stale
   * conversation). A refresh asked for while one runs runs again after it, since the running
   * one may have started before the change that asked for it.
   */
  #refresh(sessionId: Id): Promise<void> {
    const running = this.#refreshing.get(sessionId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const entry = { done: Promise.resolve(), again: false };
    entry.done = this.#refreshOnce(sessionId).then(async () => {
      this.#refreshing.delete(sessionId);
      if (entry.again && !this.#deps.isDisposed() && this.#states.has(sessionId)) {
        this.#loaded.delete(sessionId);
        await this.#refresh(sessionId);
      }
    });
    this.#refreshing.set(sessionId, entry);
    return entry.done;
  }

  async #refreshOnce(sessionId: Id): Promise<void> {
    const first = newestSentOrder(this.#ensure(sessionId).messages) === undefined;
    this.#dispatch(sessionId, { type: 'history.loading' });
    let page: MessagePage;
    try {
      page = await this.#fetch(sessionId, undefined);
    } catch (error) {
      this.#failed(sessionId, readErrorInfo(error, this.#deps.online()), () =>
        this.#refresh(sessionId),
      );
      return;
    }
    if (this.#deps.isDisposed()) return;
    this.#failures.delete(sessionId);
    this.#loaded.add(sessionId);
    const pageNewest = page.messages.reduce((newest, m) => Math.max(newest, m.order), 0);
    this.#completeThrough.set(
      sessionId,
      Math.max(pageNewest, this.#completeThrough.get(sessionId) ?? -Infinity),
    );
    this.#confirmOutbox(page.messages);
    this.#dispatch(
      sessionId,
      first ? { type: 'history.loaded', page, older: false } : { type: 'history.refreshed', page },
    );
  }

  /** Shows a failed load and plans its retry while the conversation is watched. */
  #failed(sessionId: Id, error: ErrorInfo, again: () => Promise<void>): void {
    if (this.#deps.isDisposed() || !this.#states.has(sessionId)) return;
    this.#dispatch(sessionId, { type: 'history.failed', error });
    if (isFinal(error) || this.#retryPlanned.has(sessionId)) return;
    const attempt = (this.#failures.get(sessionId) ?? 0) + 1;
    this.#failures.set(sessionId, attempt);
    this.#retryPlanned.add(sessionId);
    const { timing } = this.#deps;
    void firstValueFrom(
      retryWait(
        timing,
        backoffMs(attempt, timing.random, 1000),
        this.#deps.connection$,
        this.#deps.reachable(),
        this.#deps.destroy$,
      ),
      { defaultValue: undefined },
    ).then(() => {
      this.#retryPlanned.delete(sessionId);
      if (this.#deps.isDisposed() || !this.#watched.has(sessionId)) return;
      const state = this.#states.get(sessionId);
      if (state?.error) void again();
    });
  }

  /** Loads the page before the oldest loaded message. */
  #loadOlderPage(sessionId: Id, before: number): Promise<void> {
    this.#dispatch(sessionId, { type: 'history.loading' });
    const done = this.#fetch(sessionId, before)
      .then(
        (page) => {
          this.#failures.delete(sessionId);
          this.#confirmOutbox(page.messages);
          this.#dispatch(sessionId, { type: 'history.loaded', page, older: true });
        },
        (error: unknown) =>
          this.#failed(sessionId, readErrorInfo(error, this.#deps.online()), () =>
            this.loadOlder(sessionId),
          ),
      )
      .finally(() => this.#loadingOlder.delete(sessionId));
    this.#loadingOlder.set(sessionId, done);
    return done;
  }

  /**
   * Loads the page before the oldest loaded message; when the conversation is not loaded or
   * its last load failed with nothing older to load, loads (refreshes) the newest page instead,
   * which is what a Retry button asks for.
   */
  loadOlder(sessionId: Id): Promise<void> {
    if (this.#deps.isDisposed()) return Promise.resolve();
    const state = this.#ensure(sessionId);
    const refreshing = this.#refreshing.get(sessionId);
    if (refreshing) return refreshing.done;
    if (!this.#loaded.has(sessionId) || (state.error && !state.hasMore))
      return this.#refresh(sessionId);
    const running = this.#loadingOlder.get(sessionId);
    if (running) return running;
    if (!state.hasMore) return Promise.resolve();
    const before = oldestLoadedOrder(state);
    return before === undefined ? this.#refresh(sessionId) : this.#loadOlderPage(sessionId, before);
  }

  /** The order up to which "mark read" applies: the newest loaded message, if loaded. */
  readUpTo(sessionId: Id): number | undefined {
    const state = this.#states.get(sessionId);
    return state && this.#loaded.has(sessionId) ? newestSentOrder(state.messages) : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Sending and the outbox

  async send(sessionId: Id, text: string, options: SendOptions = {}): Promise<SendResult> {
    const files = options.note ? [] : (options.attachments ?? []);
    const valid = files.length > 0 && text.trim() === '' ? ok('') : validateMessageText(text);
    if (!valid.ok) return valid;
    if (this.#deps.isDisposed()) return refused(disposedError());
    const entry: OutboxEntry = {
      clientMessageId: this.#deps.commands.newId(),
      sessionId,
      text: valid.value,
      createdAt: this.#deps.now(),
      state: 'pending',
      ...extraFields({
        internal: options.note ? true : undefined,
        mentions: options.mentions,
        attachments: files,
      }),
    };
    this.#deps.outbox.put(entry);
    this.#dispatch(sessionId, { type: 'send.pending', message: this.#unsentView(entry) });
    return this.#deliver(entry);
  }

  /**
   * Shows the outbox entries saved before a reload and re-sends the pending ones with their
   * original clientMessageId (the backend stores each exactly once). Failed ones wait for
   * Retry or Discard.
   */
  restore(entries: readonly OutboxEntry[]): void {
    for (const entry of entries) {
      this.#dispatch(entry.sessionId, { type: 'send.pending', message: this.#unsentView(entry) });
    }
    for (const entry of entries) if (entry.state === 'pending') void this.#deliver(entry);
  }

  #unsentView(entry: OutboxEntry): MessageView {
    const view: MessageView = {
      id: `pending:${entry.clientMessageId}`,
      sessionId: entry.sessionId,
      clientMessageId: entry.clientMessageId,
      author: { kind: 'operator', userId: this.#deps.store.me?.id ?? '' },
      text: entry.text,
      channel: this.#deps.store.session(entry.sessionId)?.channel ?? 'web',
      sentAt: entry.createdAt,
      order: Infinity,
      delivery: entry.state,
      ...extraFields(entry),
    };
    if (entry.error) view.error = entry.error;
    return view;
  }

  /**
   * Re-sends a failed message with the same clientMessageId. A message whose send is still
   * running (pending, or not confirmed yet) joins that send: its outcome is unknown, and the
   * backend accepts or deduplicates it, so it is never refused.
   */
  async retry(sessionId: Id, clientMessageId: string): Promise<SendResult> {
    const running = this.#deliveries.get(clientMessageId);
    if (running) return running;
    const sent = this.findSent(sessionId, clientMessageId);
    if (sent) {
      const session = this.#deps.store.session(sessionId);
      if (session) return { ok: true, value: { message: sent, session } };
    }
    const message = this.#states
      .get(sessionId)
      ?.messages.find((m) => m.delivery !== 'sent' && m.clientMessageId === clientMessageId);
    if (!message || message.clientMessageId === undefined)
      return refused({
        code: 'NOT_FOUND',
        message: 'There is no unsent message to retry.',
        details: { clientMessageId },
      });
    this.#dispatch(sessionId, { type: 'send.retrying', clientMessageId });
    const entry: OutboxEntry = {
      clientMessageId,
      sessionId,
      text: message.text,
      createdAt: message.sentAt,
      state: 'pending',
      ...extraFields(message),
    };
    this.#deps.outbox.put(entry);
    return this.#deliver(entry);
  }

  discard(sessionId: Id, clientMessageId: string): void {
    const message = this.#states
      .get(sessionId)
      ?.messages.find((m) => m.delivery === 'failed' && m.clientMessageId === clientMessageId);
    if (!message) return;
    this.#deps.outbox.remove(clientMessageId);
    this.#dispatch(sessionId, { type: 'send.discarded', clientMessageId });
  }

  /** Sends one outbox entry (same clientMessageId on every attempt) and reconciles the result. */
  #deliver(entry: OutboxEntry): Promise<SendResult> {
    const { sessionId, clientMessageId } = entry;
    const running = this.#deliveries.get(clientMessageId);
    if (running) return running;
    const done = this.#deps.commands
      .execute(
        {
          type: 'message.send',
          sessionId,
          clientMessageId,
          text: entry.text,
          ...noteFields(entry.internal, entry.mentions),
          ...(entry.attachments?.length && !entry.internal
            ? { attachmentIds: entry.attachments.map((file) => file.id) }
            : {}),
        },
        {
          onUnconfirmed: () =>
            this.#dispatch(sessionId, { type: 'send.unconfirmed', clientMessageId }),
        },
      )
      .then((answer): SendResult => {
        // The stored message is shown only if it is sound (see protocol/validate.ts).
        const problem = answer.ok ? messageProblem(answer.value.message) : undefined;
        const result: SendResult =
          problem === undefined ? answer : refused(invalidData('message', problem));
        if (this.#deps.isDisposed()) return result;
        if (result.ok) {
          this.#deps.outbox.remove(clientMessageId);
          this.#dispatch(sessionId, {
            type: 'send.confirmed',
            clientMessageId,
            message: result.value.message,
          });
        } else if (this.findSent(sessionId, clientMessageId)) {
          // The event stream shows it stored (the answer was lost): it was sent after all.
          this.#deps.outbox.remove(clientMessageId);
        } else {
          this.#deps.outbox.put({ ...entry, state: 'failed', error: result.error });
          this.#dispatch(sessionId, { type: 'send.failed', clientMessageId, error: result.error });
        }
        return result;
      })
      .finally(() => this.#deliveries.delete(clientMessageId));
    this.#deliveries.set(clientMessageId, done);
    return done;
  }

  /** Server messages that are outbox entries have been stored: they leave the outbox. */
  #confirmOutbox(messages: readonly Message[]): void {
    for (const message of messages) {
      if (message.clientMessageId !== undefined) this.#deps.outbox.remove(message.clientMessageId);
    }
  }
}
