/**
 * A live chat backend on SQLite: the engine of `@live-chat/core/engine` over a
 * {@link SqliteStore}, with live delivery of committed changes. It offers the per-user API of the
 * memory backend (what `createLiveChatServer` serves) plus the customer side for channels, and
 * everything it records survives a restart: sessions, messages, seqs, command results.
 */
import { fail } from '@live-chat/core';
import type {
  ChannelDelivery,
  Command,
  CommandResult,
  Customer,
  HistoryQuery,
  Id,
  LiveChat,
  Message,
  MessagePage,
  Report,
  ReportQuery,
  Result,
  SearchHit,
  SearchQuery,
  ServerEvent,
  Session,
  Snapshot,
} from '@live-chat/core';
import {
  createEngine,
  LiveDelivery,
  type CustomerMessageInput,
  type EventListener,
  type MessageListener,
  type CustomerWriteValue,
  type LiveChatEngine,
  type NewCustomer,
} from '@live-chat/core/engine';
import type { SeedData } from '@live-chat/adapters';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './store.js';

/** Options of {@link createSqliteBackend}. */
export type SqliteBackendOptions = SqliteStoreOptions & {
  /**
   * Data for a new database (the directory, optionally history, or a memory backend's saved
   * state); ignored when the database already has a directory.
   */
  seed?: SeedData | (() => SeedData);
  /** The clock of the engine and the store (default `Date.now`); inject one to script days. */
  now?: () => number;
  /**
   * How often retention by age runs, in ms (default 60,000; 0: only when {@link
   * SqliteBackend.prune} is called). The timer does not keep the process alive.
   */
  pruneIntervalMs?: number;
  /**
   * Called when a background prune fails (e.g. the database stayed locked past its busy
   * timeout); the next run tries again. Default: the error is dropped.
   */
  onPruneError?: (error: unknown) => void;
};

const disposed = () => fail<never>('INTERNAL', 'The backend was disposed.');

/**
 * The SQLite backend (see the module comment). Every call answers synchronously: better-sqlite3
 * runs each transaction to its end in the call.
 */
export class SqliteBackend {
  /** The store the engine works on. */
  readonly store: SqliteStore;
  private readonly engine: LiveChatEngine<'sync'>;
  private readonly delivery = new LiveDelivery();
  private readonly pruneTimer: ReturnType<typeof setInterval> | undefined;
  private disposed = false;
  private readonly disposeHooks = new Set<() => void>();

  /** Use {@link createSqliteBackend}. */
  constructor(options: SqliteBackendOptions) {
    const { seed, pruneIntervalMs = 60_000, onPruneError, ...storeOptions } = options;
    this.store = openSqliteStore(storeOptions);
    try {
      if (seed !== undefined && this.store.isEmpty()) {
        this.store.importSeed(typeof seed === 'function' ? seed() : seed);
      }
      this.store.prune();
    } catch (error) {
      this.store.close();
      throw error;
    }
    this.engine = createEngine({
      store: this.store,
      now: options.now,
      onCommit: (change) => this.delivery.deliver(change),
    });
    if (pruneIntervalMs > 0) {
      this.pruneTimer = setInterval(() => {
        try {
          this.prune();
        } catch (error) {
          onPruneError?.(error);
        }
      }, pruneIntervalMs);
      this.pruneTimer.unref?.();
    }
  }

  /** The backend's current time. */
  now(): number {
    return this.engine.now();
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────

  /**
   * Executes an operator command for `userId`. A `commandId` seen before (for the same user,
   * also before a restart) returns the first result again and changes nothing.
   */
  execute<C extends Command>(userId: Id, command: C): CommandResult<C> {
    if (this.disposed) return disposed();
    return this.engine.execute(userId, command);
  }

  /**
   * A customer writes to a live chat (a channel's inbound message): appended to their open
   * session, or reopening their last one, or starting a new queued one. A repeated
   * `clientMessageId` returns the message already stored.
   */
  customerWrites(input: CustomerMessageInput): Result<CustomerWriteValue> {
    if (this.disposed) return disposed();
    return this.engine.customerWrites(input);
  }

  /**
   * Records how far an operator message got through its channel's outbound webhook; users who
   * see the session get `message.updated`.
   */
  setChannelDelivery(messageId: Id, delivery: ChannelDelivery): Result<Message> {
    if (this.disposed) return disposed();
    return this.engine.setChannelDelivery(messageId, delivery);
  }

  /** Adds a customer (e.g. a new visitor of a channel); all staff get `customer.upserted`. */
  addCustomer(input: NewCustomer): Result<Customer> {
    if (this.disposed) return disposed();
    return this.engine.addCustomer(input);
  }

  // ── per-user reads ───────────────────────────────────────────────────────────────────────

  /** Everything `userId` sees, at the current position of their stream. */
  snapshot(userId: Id): Result<Snapshot> {
    if (this.disposed) return disposed();
    return this.engine.snapshot(userId);
  }

  /** The user's events after `sinceSeq` (`RESYNC_REQUIRED` when no longer or not yet available). */
  events(userId: Id, sinceSeq: number): Result<ServerEvent[]> {
    if (this.disposed) return disposed();
    return this.engine.events(userId, sinceSeq);
  }

  /** Receives the user's live events synchronously, in seq order; returns the unsubscribe function. */
  listen(userId: Id, listener: EventListener): () => void {
    return this.delivery.listen(userId, listener);
  }

  /** Seq of the user's last event. */
  seqOf(userId: Id): number {
    return this.engine.lastSeq(userId);
  }

  /** One page of a session's history, if `userId` may see the session. */
  history(userId: Id, query: HistoryQuery): Result<MessagePage> {
    if (this.disposed) return disposed();
    return this.engine.history(userId, query);
  }

  /** A scoped search over what `userId` may see (session names, or one session and its messages). */
  search(userId: Id, query: SearchQuery): Result<SearchHit[]> {
    if (this.disposed) return disposed();
    return this.engine.search(userId, query);
  }

  /** A report over the backend's episodes, messages and sessions; members of the live chat only. */
  report<Q extends ReportQuery>(userId: Id, query: Q): Result<Report<Q>> {
    if (this.disposed) return disposed();
    return this.engine.report(userId, query);
  }

  /** The user's unread count of a session. */
  unreadOf(userId: Id, sessionId: Id): number {
    return this.engine.unreadOf(userId, sessionId);
  }

  /** Calls `listener` after every new message (operator or customer) is committed. */
  onMessage(listener: MessageListener): () => void {
    return this.delivery.onMessage(listener);
  }

  /** Whether the database answers (`/readyz`). */
  ready(): boolean {
    return !this.disposed && this.store.ping();
  }

  // ── direct reads (channels, operations, tests) ───────────────────────────────────────────

  /** A session by id (regardless of who may see it). */
  getSession(sessionId: Id): Session | undefined {
    return this.store.run((tx) => tx.session(sessionId), true);
  }

  /** Every session, or those of one live chat. */
  sessions(liveChatId?: Id): Session[] {
    return this.store.run(
      (tx) => (liveChatId === undefined ? tx.allSessions() : [...tx.sessionsOf(liveChatId)]),
      true,
    );
  }

  /** The newest session between a customer and a live chat, open or closed. */
  latestSessionOf(customerId: Id, liveChatId: Id): Session | undefined {
    return this.store.run((tx) => tx.latestSessionOf(customerId, liveChatId), true);
  }

  /** A session's messages, ascending by order. */
  messagesOf(sessionId: Id): Message[] {
    return this.store.run((tx) => tx.messagesOf(sessionId), true);
  }

  /** A customer by id. */
  getCustomer(customerId: Id): Customer | undefined {
    return this.store.run((tx) => tx.customer(customerId), true);
  }

  /** A live chat by id. */
  getLiveChat(liveChatId: Id): LiveChat | undefined {
    return this.store.run((tx) => tx.liveChat(liveChatId), true);
  }

  // ── life cycle ───────────────────────────────────────────────────────────────────────────

  /** Applies retention by age now (see {@link SqliteStore.prune}); 0 once disposed. */
  prune(): number {
    return this.disposed ? 0 : this.store.prune();
  }

  /** Calls `hook` first when the backend is disposed (e.g. to stop a channel's delivery timers). */
  onDispose(hook: () => void): () => void {
    this.disposeHooks.add(hook);
    return () => this.disposeHooks.delete(hook);
  }

  /** Whether {@link dispose} was called. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Stops listeners and the prune timer and closes the database; later writes fail. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const hook of [...this.disposeHooks]) hook();
    this.disposeHooks.clear();
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.delivery.clear();
    this.store.close();
  }
}

/**
 * Opens a SQLite backend on `dataDir` (or `file`): creates and migrates the database when
 * needed, loads `seed` into a new one, and answers every call synchronously.
 */
export function createSqliteBackend(options: SqliteBackendOptions): SqliteBackend {
  return new SqliteBackend(options);
}
