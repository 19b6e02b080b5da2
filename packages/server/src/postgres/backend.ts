/**
 * A live chat backend on PostgreSQL: the engine of `@live-chat/core/engine` over a
 * {@link PostgresStore}, with live delivery across every instance on the same database. It
 * offers the per-user API of the SQLite backend (what `createLiveChatServer` serves) plus the
 * customer side for channels; every call answers with a promise, except `listen` and
 * `onMessage`.
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
  type CustomerMessageInput,
  type CustomerWriteValue,
  type LiveChatEngine,
  type NewCustomer,
} from '@live-chat/core/engine';
import type { SeedData } from '@live-chat/adapters';
import { CrossInstanceDelivery, type EventListener, type MessageListener } from './fan-out.js';
import { PostgresReports } from './reports.js';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from './store.js';

/** Options of {@link createPostgresBackend}. */
export type PostgresBackendOptions = PostgresStoreOptions & {
  /**
   * Data for a new database (the directory, optionally history, or a memory backend's saved
   * state); ignored when the database already has a directory.
   */
  seed?: SeedData | (() => SeedData);
  /** The clock of the engine and the store (default `Date.now`). */
  now?: () => number;
  /** How often retention by age runs, in ms (default 60,000; 0: only through `prune()`). */
  pruneIntervalMs?: number;
  /**
   * The safety-net poll of live listeners' streams, in ms (default 5000; 0: none). Notifications
   * deliver at once; the poll only catches what a lost notification left behind.
   */
  pollIntervalMs?: number;
  /** Told about background failures: prune, the `LISTEN` connection, reads for listeners. */
  onBackgroundError?: (error: unknown) => void;
};

const disposed = () => fail<never>('INTERNAL', 'The backend was disposed.');

/** Whether `url` names a PostgreSQL database (`postgres://` or `postgresql://`). */
export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//i.test(url);
}

/** The PostgreSQL backend (see the module comment). Create one with {@link createPostgresBackend}. */
export class PostgresBackend {
  /** The report figures computed by SQL over this database. */
  readonly reports: PostgresReports;
  private readonly engine: LiveChatEngine<'async'>;
  private readonly delivery: CrossInstanceDelivery;
  private pruneTimer: ReturnType<typeof setInterval> | undefined;
  private disposed = false;
  private readonly disposeHooks = new Set<() => void>();

  /** Use {@link createPostgresBackend}. */
  constructor(
    /** The store the engine works on. */
    readonly store: PostgresStore,
    private readonly options: PostgresBackendOptions,
  ) {
    this.delivery = new CrossInstanceDelivery({
      url: options.url,
      pool: store.pool,
      pollIntervalMs: options.pollIntervalMs,
      onError: options.onBackgroundError,
    });
    this.engine = createEngine({
      store,
      now: options.now,
      onCommit: (change) => this.delivery.committed(change),
    });
    this.reports = new PostgresReports(store.pool);
  }

  /** Starts live delivery and the prune timer (called by {@link createPostgresBackend}). */
  async start(): Promise<void> {
    await this.delivery.start();
    const interval = this.options.pruneIntervalMs ?? 60_000;
    if (interval > 0) {
      this.pruneTimer = setInterval(() => {
        this.prune().catch((error: unknown) => this.options.onBackgroundError?.(error));
      }, interval);
      this.pruneTimer.unref?.();
    }
  }

  /** The backend's current time. */
  now(): number {
    return this.engine.now();
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────

  /**
   * Executes an operator command for `userId`. A `commandId` seen before (for the same user, on
   * any instance, also before a restart) returns the first result again and changes nothing.
   */
  async execute<C extends Command>(userId: Id, command: C): Promise<CommandResult<C>> {
    if (this.disposed) return disposed();
    return this.engine.execute(userId, command);
  }

  /** A customer writes to a live chat (a channel's inbound message). */
  async customerWrites(input: CustomerMessageInput): Promise<Result<CustomerWriteValue>> {
    if (this.disposed) return disposed();
    return this.engine.customerWrites(input);
  }

  /** Records how far an operator message got through its channel's outbound webhook. */
  async setChannelDelivery(messageId: Id, delivery: ChannelDelivery): Promise<Result<Message>> {
    if (this.disposed) return disposed();
    return this.engine.setChannelDelivery(messageId, delivery);
  }

  /** Adds a customer (e.g. a new visitor of a channel); all staff get `customer.upserted`. */
  async addCustomer(input: NewCustomer): Promise<Result<Customer>> {
    if (this.disposed) return disposed();
    return this.engine.addCustomer(input);
  }

  // ── per-user reads ───────────────────────────────────────────────────────────────────────

  /** The user's whole visible state (see `TransportAdapter.snapshot`). */
  async snapshot(userId: Id): Promise<Result<Snapshot>> {
    if (this.disposed) return disposed();
    return this.engine.snapshot(userId);
  }

  /** The user's events after `sinceSeq`, read from the event log (`RESYNC_REQUIRED` when trimmed). */
  async events(userId: Id, sinceSeq: number): Promise<Result<ServerEvent[]>> {
    if (this.disposed) return disposed();
    return this.engine.events(userId, sinceSeq);
  }

  /**
   * Receives the user's live events in seq order, whichever instance committed them; returns
   * the unsubscribe function. It may also repeat a few events committed just before it was
   * registered (their seqs say so).
   */
  listen(userId: Id, listener: EventListener): () => void {
    return this.delivery.listen(userId, listener);
  }

  /** Seq of the user's last event. */
  async seqOf(userId: Id): Promise<number> {
    return this.engine.lastSeq(userId);
  }

  /** One page of a session's history, for a user allowed to read it. */
  async history(userId: Id, query: HistoryQuery): Promise<Result<MessagePage>> {
    if (this.disposed) return disposed();
    return this.engine.history(userId, query);
  }

  /** A scoped search over what the user may see. */
  async search(userId: Id, query: SearchQuery): Promise<Result<SearchHit[]>> {
    if (this.disposed) return disposed();
    return this.engine.search(userId, query);
  }

  /** A report computed from the stored records; members of the live chat only. */
  async report<Q extends ReportQuery>(userId: Id, query: Q): Promise<Result<Report<Q>>> {
    if (this.disposed) return disposed();
    return this.engine.report(userId, query);
  }

  /** The user's unread count of a session. */
  async unreadOf(userId: Id, sessionId: Id): Promise<number> {
    return this.engine.unreadOf(userId, sessionId);
  }

  /** Calls `listener` after every new message this instance committed. */
  onMessage(listener: MessageListener): () => void {
    return this.delivery.onMessage(listener);
  }

  /** Whether the database answers (`/readyz`). */
  async ready(): Promise<boolean> {
    return !this.disposed && (await this.store.ping());
  }

  // ── direct reads (channels, operations, tests) ───────────────────────────────────────────

  /** A session by id, whoever may see it (for tools and tests). */
  async getSession(sessionId: Id): Promise<Session | undefined> {
    return this.store.run((tx) => tx.session(sessionId), true);
  }

  /** Every session, or those of one live chat (for tools and tests). */
  async sessions(liveChatId?: Id): Promise<Session[]> {
    return this.store.run(
      (tx) => (liveChatId === undefined ? tx.allSessions() : tx.sessionsOf(liveChatId)),
      true,
    );
  }

  /** The customer's newest session in a live chat, if any. */
  async latestSessionOf(customerId: Id, liveChatId: Id): Promise<Session | undefined> {
    return this.store.run((tx) => tx.latestSessionOf(customerId, liveChatId), true);
  }

  /** Every message of a session, in order (for tools and tests). */
  async messagesOf(sessionId: Id): Promise<Message[]> {
    return this.store.run((tx) => tx.messagesOf(sessionId), true);
  }

  /** A customer by id. */
  async getCustomer(customerId: Id): Promise<Customer | undefined> {
    return this.store.run((tx) => tx.customer(customerId), true);
  }

  /** A live chat by id. */
  async getLiveChat(liveChatId: Id): Promise<LiveChat | undefined> {
    return this.store.run((tx) => tx.liveChat(liveChatId), true);
  }

  // ── life cycle ───────────────────────────────────────────────────────────────────────────

  /** Applies retention by age now; 0 once disposed. */
  async prune(): Promise<number> {
    return this.disposed ? 0 : this.store.prune();
  }

  /** Calls `hook` first when the backend is disposed. */
  onDispose(hook: () => void): () => void {
    this.disposeHooks.add(hook);
    return () => this.disposeHooks.delete(hook);
  }

  /** Whether {@link PostgresBackend.dispose} was called. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Stops live delivery and the prune timer and closes the pool; later calls fail. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const hook of [...this.disposeHooks]) hook();
    this.disposeHooks.clear();
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.delivery.stop();
    await this.store.close();
  }
}

/**
 * Opens a PostgreSQL backend on `url` (e.g. `process.env.DATABASE_URL`): migrates the database
 * when needed, loads `seed` into a new one (one instance does, when several start at once),
 * and starts listening for other instances' changes.
 */
export async function createPostgresBackend(
  options: PostgresBackendOptions,
): Promise<PostgresBackend> {
  const store = await openPostgresStore(options);
  const backend = new PostgresBackend(store, options);
  try {
    const { seed } = options;
    if (seed !== undefined && (await store.isEmpty())) {
      await store.importSeed(typeof seed === 'function' ? seed() : seed);
    }
    await backend.start();
  } catch (error) {
    await backend.dispose();
    throw error;
  }
  return backend;
}
