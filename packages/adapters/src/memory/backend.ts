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
import { MemoryAdapter, type MemoryAdapterOptions } from './adapter.js';
import { COMMAND_HANDLERS } from './commands.js';
import {
  addCustomer,
  customerWrites,
  type CustomerMessageInput,
  type CustomerWriteValue,
  type NewCustomer,
} from './customers.js';
import { requireId, type Engine } from './engine.js';
import { Fanout, type MessageListener } from './fanout.js';
import { buildSnapshot, historyPage, runReport, search } from './queries.js';
import type { BackendPersistence, BackendState, SeedData } from './state.js';
import { MemoryStore } from './store.js';
import { DEFAULT_EVENT_LOG_LIMIT, UserStreams, type EventListener } from './streams.js';

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
 * A complete live chat backend in memory. Operators act through {@link MemoryBackend.connect}
 * adapters; customers through {@link MemoryBackend.customerWrites}. Every command is checked
 * against the core rules and either applies completely or changes nothing; every change is
 * reported on the event stream of each user it concerns.
 */
export class MemoryBackend {
  private readonly store: MemoryStore;
  private readonly streams: UserStreams;
  private readonly fanout: Fanout;
  private readonly engine: Engine;
  private readonly clock: () => number;
  private readonly persistence: BackendPersistence | undefined;
  private readonly commandCacheLimit: number;
  /** Results by user and commandId: a repeated command gets the first result and does nothing. */
  private readonly results = new Map<string, CommandResult>();
  private readonly adapters = new Set<MemoryAdapter>();
  private readonly messageListeners = new Set<MessageListener>();
  private disposed = false;

  constructor(options: MemoryBackendOptions = {}) {
    const seed = options.seed ?? EMPTY_SEED;
    this.clock = options.now ?? Date.now;
    this.persistence = options.persistence;
    this.commandCacheLimit = options.commandCacheLimit ?? 10_000;
    this.store = new MemoryStore(seed, options.idPrefix ?? '');
    const seqs = 'streamSeqs' in seed ? (seed as BackendState).streamSeqs : {};
    this.streams = new UserStreams(options.eventLogLimit ?? DEFAULT_EVENT_LOG_LIMIT, seqs);
    this.fanout = new Fanout(this.store, this.streams);
    this.engine = { store: this.store, fanout: this.fanout, now: () => this.clock() };
  }

  /** The backend's current time. */
  now(): number {
    return this.clock();
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────

  /**
   * Executes an operator command for `userId`, synchronously. A `commandId` seen before (for the
   * same user) returns the first result again and changes nothing.
   */
  execute<C extends Command>(userId: Id, command: C): CommandResult<C> {
    if (!this.store.users.has(userId)) return fail('NOT_FOUND', `There is no user "${userId}".`);
    if (typeof command !== 'object' || command === null)
      return fail('VALIDATION', 'A command must be an object.');
    const commandId = requireId(command.commandId, 'commandId');
    if (!commandId.ok) return commandId;
    const key = `${userId}\u0000${commandId.value}`;
    const cached = this.results.get(key);
    if (cached) return cached as CommandResult<C>;

    const handler = Object.hasOwn(COMMAND_HANDLERS, command.type)
      ? COMMAND_HANDLERS[command.type]
      : undefined;
    const result: CommandResult = handler
      ? this.write(() =>
          (handler as (...args: unknown[]) => CommandResult)(
            this.engine,
            { userId, viewer: this.store.viewer(userId) },
            command,
          ),
        )
      : fail('VALIDATION', `Unknown command type "${String(command.type)}".`);
    this.results.set(key, result);
    if (this.results.size > this.commandCacheLimit) {
      this.results.delete(this.results.keys().next().value as string);
    }
    return result as CommandResult<C>;
  }

  /**
   * A customer writes to a live chat: the message is appended to their open session there, or
   * reopens their last (closed) session, or starts a new queued one; every operator of the live
   * chat gets an alert.
   */
  customerWrites(input: CustomerMessageInput): Result<CustomerWriteValue> {
    return this.write(() => customerWrites(this.engine, input));
  }

  /** Adds a customer (e.g. a new visitor) to the directory; all staff get `customer.upserted`. */
  addCustomer(input: NewCustomer): Result<Customer> {
    return this.write(() => addCustomer(this.engine, input));
  }

  /** Runs one write: commits, then persists and notifies message listeners. */
  private write<T>(operation: () => Result<T>): Result<T> {
    if (this.disposed) return fail('INTERNAL', 'The backend was disposed.');
    let result: Result<T>;
    try {
      result = operation();
    } catch (error) {
      result = fail('INTERNAL', 'The backend failed to process the request.', {
        cause: String(error),
      });
    }
    if (result.ok) this.persistence?.save(() => this.exportState());
    for (const { message, session } of this.fanout.takeAddedMessages()) {
      for (const listener of [...this.messageListeners]) listener(message, session);
    }
    return result;
  }

  // ── per-user reads ───────────────────────────────────────────────────────────────────────

  /** Everything `userId` sees, at the current position of their stream. */
  snapshot(userId: Id): Result<Snapshot> {
    return buildSnapshot(this.store, userId, this.streams.seqOf(userId));
  }

  /** The user's events after `sinceSeq` (`RESYNC_REQUIRED` when no longer or not yet available). */
  events(userId: Id, sinceSeq: number): Result<ServerEvent[]> {
    return this.streams.since(userId, sinceSeq);
  }

  /** Receives the user's live events synchronously; returns the unsubscribe function. */
  listen(userId: Id, listener: EventListener): () => void {
    return this.streams.listen(userId, listener);
  }

  /** Seq of the user's last event. */
  seqOf(userId: Id): number {
    return this.streams.seqOf(userId);
  }

  /** One page of a session's history, if `userId` may see the session. */
  history(userId: Id, query: HistoryQuery): Result<MessagePage> {
    return historyPage(this.store, userId, query);
  }

  /** A scoped search over what `userId` may see (session names, or one session and its messages). */
  search(userId: Id, query: SearchQuery): Result<SearchHit[]> {
    return search(this.store, userId, query);
  }

  /** A report over the backend's own episodes and messages; members of the live chat only. */
  report<Q extends ReportQuery>(userId: Id, query: Q): Result<Report<Q>> {
    return runReport(this.store, userId, query);
  }

  /**
   * A {@link MemoryAdapter} (a `TransportAdapter`) speaking for `userId`. Throws a
   * `LiveChatError` with code `NOT_FOUND` for an unknown user.
   */
  connect(userId: Id, options?: MemoryAdapterOptions): MemoryAdapter {
    if (!this.store.users.has(userId))
      throw new LiveChatError('NOT_FOUND', `There is no user "${userId}".`);
    const adapter = new MemoryAdapter(this, userId, options, () => this.adapters.delete(adapter));
    this.adapters.add(adapter);
    return adapter;
  }

  // ── direct reads (demos, the simulator, tests) ───────────────────────────────────────────
  // These return the backend's own immutable values: do not mutate them.

  /** A session by id (regardless of who may see it). */
  getSession(sessionId: Id): Session | undefined {
    return this.store.getSession(sessionId);
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
    return this.store.customers.get(customerId);
  }

  /** Every customer, in the order they were added. */
  customers(): Customer[] {
    return [...this.store.customers.values()];
  }

  /** A live chat by id. */
  getLiveChat(liveChatId: Id): LiveChat | undefined {
    return this.store.liveChats.get(liveChatId);
  }

  /** Every live chat of the directory. */
  liveChats(): LiveChat[] {
    return [...this.store.liveChats.values()];
  }

  /** Every operator group of the directory. */
  groups(): OperatorGroup[] {
    return [...this.store.groups.values()];
  }

  /** Every user of the directory (staff and internal users). */
  users(): User[] {
    return [...this.store.users.values()];
  }

  /** The user's unread count of a session. */
  unreadOf(userId: Id, sessionId: Id): number {
    return this.store.unreadOf(userId, sessionId);
  }

  /**
   * Calls `listener` after every new message (operator or customer) is committed. Listeners run
   * synchronously at the end of the write; schedule further writes rather than nesting them.
   */
  onMessage(listener: MessageListener): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  // ── life cycle ───────────────────────────────────────────────────────────────────────────

  /** The whole state as plain data, e.g. to save it. */
  exportState(): BackendState {
    return this.store.exportState(this.streams.exportSeqs());
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
    this.messageListeners.clear();
    await this.persistence?.flush();
    await this.persistence?.close?.();
  }
}

/** Creates an in-memory backend (see {@link MemoryBackend}); pass `seed: createSeedData()` for demo data. */
export function createMemoryBackend(options?: MemoryBackendOptions): MemoryBackend {
  return new MemoryBackend(options);
}
