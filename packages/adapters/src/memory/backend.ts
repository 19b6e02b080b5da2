/**
 * The in-memory backend: a complete, rule-enforcing live chat backend that runs in the page (or
 * in Node) and serves several users at once, each through their own {@link MemoryAdapter}.
 */
import { fail, LiveChatError } from '@live-chat/core';
import type {
  Command,
  CommandResult,
  Customer,
  HistoryQuery,
  Id,
  LiveChat,
  Message,
  MessagePage,
  OperatorGroup,
  Report,
  ReportQuery,
  Result,
  SearchHit,
  SearchQuery,
  ServerEvent,
  Session,
  Snapshot,
  User,
} from '@live-chat/core';
import {
  createEngine,
  LiveDelivery,
  type CommittedChange,
  type CustomerMessageInput,
  type EventListener,
  type MessageListener,
  type CustomerWriteValue,
  type LiveChatEngine,
  type NewCustomer,
} from '@live-chat/core/engine';
import { MemoryAdapter, type MemoryAdapterOptions } from './adapter.js';
import type { BackendPersistence, SeedData, BackendState } from './state.js';
import { MemoryStore } from './store.js';

export type { EventListener, MessageListener } from '@live-chat/core/engine';

/** Options of {@link createMemoryBackend}. */
export interface MemoryBackendOptions {
  /** The directory and history to start from (a saved {@link BackendState} works too). Empty when absent. */
  seed?: SeedData;
  /** The clock (default `Date.now`); inject one to script days in tests. */
  now?: () => number;
  /** Prefix of generated ids (e.g. `'demo-'`), to keep ids of several backends apart. */
  idPrefix?: string;
  /** Where to save the state after every change (see {@link openMemoryBackend} to load it). */
  persistence?: BackendPersistence;
  /** Events each user's log keeps for `events(sinceSeq)` replays (default 10,000). */
  eventLogLimit?: number;
  /** Command results remembered for idempotency (default 10,000, oldest forgotten first). */
  commandCacheLimit?: number;
}

const EMPTY_SEED: SeedData = { users: [], liveChats: [], groups: [], customers: [] };

/**
 * A complete live chat backend in memory: the engine of `@live-chat/core/engine` over an
 * in-memory store. Operators act through {@link MemoryBackend.connect} adapters; customers
 * through {@link MemoryBackend.customerWrites}. Every command is checked against the core rules
 * and either applies completely or changes nothing; every change is reported on the event
 * stream of each user it concerns. Everything answers synchronously.
 */
export class MemoryBackend {
  private readonly store: MemoryStore;
  private readonly engine: LiveChatEngine<'sync'>;
  private readonly persistence: BackendPersistence | undefined;
  /** Live listeners of events and messages, told in seq order after each commit. */
  private readonly delivery = new LiveDelivery();
  private readonly adapters = new Set<MemoryAdapter>();
  private disposed = false;

  constructor(options: MemoryBackendOptions = {}) {
    this.persistence = options.persistence;
    this.store = new MemoryStore(options.seed ?? EMPTY_SEED, {
      idPrefix: options.idPrefix,
      eventLogLimit: options.eventLogLimit,
      commandRecordLimit: options.commandCacheLimit,
    });
    this.engine = createEngine({
      store: this.store,
      now: options.now,
      onCommit: (change) => this.committed(change),
    });
  }

  /** The backend's current time. */
  now(): number {
    return this.engine.now();
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────

  /**
   * Executes an operator command for `userId`, synchronously. A `commandId` seen before (for the
   * same user) returns the first result again and changes nothing.
   */
  execute<C extends Command>(userId: Id, command: C): CommandResult<C> {
    if (this.disposed) return fail('INTERNAL', 'The backend was disposed.');
    return this.engine.execute(userId, command);
  }

  /**
   * A customer writes to a live chat: the message is appended to their open session there, or
   * reopens their last (closed) session, or starts a new queued one; every operator of the live
   * chat gets an alert.
   */
  customerWrites(input: CustomerMessageInput): Result<CustomerWriteValue> {
    if (this.disposed) return fail('INTERNAL', 'The backend was disposed.');
    return this.engine.customerWrites(input);
  }

  /** Adds a customer (e.g. a new visitor) to the directory; all staff get `customer.upserted`. */
  addCustomer(input: NewCustomer): Result<Customer> {
    if (this.disposed) return fail('INTERNAL', 'The backend was disposed.');
    return this.engine.addCustomer(input);
  }

  /** After each committed write: persist, then deliver it to live listeners (in seq order). */
  private committed(change: CommittedChange): void {
    this.persistence?.save(() => this.exportState());
    this.delivery.deliver(change);
  }

  // ── per-user reads ───────────────────────────────────────────────────────────────────────

  /** Everything `userId` sees, at the current position of their stream. */
  snapshot(userId: Id): Result<Snapshot> {
    return this.engine.snapshot(userId);
  }

  /** The user's events after `sinceSeq` (`RESYNC_REQUIRED` when no longer or not yet available). */
  events(userId: Id, sinceSeq: number): Result<ServerEvent[]> {
    return this.engine.events(userId, sinceSeq);
  }

  /** Receives the user's live events synchronously; returns the unsubscribe function. */
  listen(userId: Id, listener: EventListener): () => void {
    return this.delivery.listen(userId, listener);
  }

  /** Seq of the user's last event. */
  seqOf(userId: Id): number {
    return this.store.lastSeq(userId);
  }

  /** One page of a session's history, if `userId` may see the session. */
  history(userId: Id, query: HistoryQuery): Result<MessagePage> {
    return this.engine.history(userId, query);
  }

  /** A scoped search over what `userId` may see (session names, or one session and its messages). */
  search(userId: Id, query: SearchQuery): Result<SearchHit[]> {
    return this.engine.search(userId, query);
  }

  /** A report over the backend's own episodes, messages and sessions; members of the live chat only. */
  report<Q extends ReportQuery>(userId: Id, query: Q): Result<Report<Q>> {
    return this.engine.report(userId, query);
  }

  /**
   * A {@link MemoryAdapter} (a `TransportAdapter`) speaking for `userId`. Throws a
   * `LiveChatError` with code `NOT_FOUND` for an unknown user.
   */
  connect(userId: Id, options?: MemoryAdapterOptions): MemoryAdapter {
    if (!this.store.user(userId))
      throw new LiveChatError('NOT_FOUND', `There is no user "${userId}".`);
    const adapter = new MemoryAdapter(this, userId, options, () => this.adapters.delete(adapter));
    this.adapters.add(adapter);
    return adapter;
  }

  // ── direct reads (demos, the simulator, tests) ───────────────────────────────────────────
  // These return the backend's own immutable values: do not mutate them.

  /** A session by id (regardless of who may see it). */
  getSession(sessionId: Id): Session | undefined {
    return this.store.session(sessionId);
  }

  /** Every session, or those of one live chat. */
  sessions(liveChatId?: Id): Session[] {
    return liveChatId === undefined
      ? [...this.store.allSessions()]
      : [...this.store.sessionsOf(liveChatId)];
  }

  /** The newest session between a customer and a live chat, open or closed. */
  latestSessionOf(customerId: Id, liveChatId: Id): Session | undefined {
    return this.store.latestSessionOf(customerId, liveChatId);
  }

  /** A session's messages, ascending by order. */
  messagesOf(sessionId: Id): readonly Message[] {
    return this.store.messagesOf(sessionId);
  }

  /** A customer by id. */
  getCustomer(customerId: Id): Customer | undefined {
    return this.store.customer(customerId);
  }

  /** Every customer, in the order they were added. */
  customers(): Customer[] {
    return [...this.store.customers()];
  }

  /** A live chat by id. */
  getLiveChat(liveChatId: Id): LiveChat | undefined {
    return this.store.liveChat(liveChatId);
  }

  /** Every live chat of the directory. */
  liveChats(): LiveChat[] {
    return [...this.store.liveChats()];
  }

  /** Every operator group of the directory. */
  groups(): OperatorGroup[] {
    return [...this.store.groups()];
  }

  /** Every user of the directory (staff and internal users). */
  users(): User[] {
    return [...this.store.users()];
  }

  /** The user's unread count of a session. */
  unreadOf(userId: Id, sessionId: Id): number {
    return this.engine.unreadOf(userId, sessionId);
  }

  /**
   * Calls `listener` after every new message (operator or customer) is committed. Listeners run
   * synchronously at the end of the write; schedule further writes rather than nesting them.
   */
  onMessage(listener: MessageListener): () => void {
    return this.delivery.onMessage(listener);
  }

  // ── life cycle ───────────────────────────────────────────────────────────────────────────

  /** The whole state as plain data, e.g. to save it. */
  exportState(): BackendState {
    return this.store.exportState();
  }

  /** Writes pending state to the persistence, if any. */
  async flush(): Promise<void> {
    await this.persistence?.flush();
  }

  /** Disposes every adapter, flushes and closes the persistence; later writes fail. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const adapter of [...this.adapters]) adapter.dispose();
    this.delivery.clear();
    await this.persistence?.flush();
    await this.persistence?.close?.();
  }
}

/** Creates an in-memory backend (see {@link MemoryBackend}); pass `seed: createSeedData()` for demo data. */
export function createMemoryBackend(options?: MemoryBackendOptions): MemoryBackend {
  return new MemoryBackend(options);
}
