/**
 * What every backend built on the engine shares, whatever its store: the engine over the store,
 * live delivery of committed changes, the per-user API a transport serves, the customer side,
 * direct reads for tools and tests, and the life cycle. Written once for both store modes: on a
 * `sync` store every call answers at once, on an `async` store with a promise (except `listen`
 * and `onMessage`, which register a listener at once).
 */
import { fail, type Result } from '../domain/errors.js';
import type { Report, ReportQuery } from '../domain/reports.js';
import type { SearchHit, SearchQuery } from '../domain/search.js';
import type { Customer, Id, LiveChat, Message, Session } from '../domain/types.js';
import type { CommandResult, HistoryQuery, MessagePage } from '../protocol/adapter.js';
import type { Command } from '../protocol/commands.js';
import type { ServerEvent, Snapshot } from '../protocol/events.js';
import type { CommittedChange } from './context.js';
import type { CustomerMessageInput, CustomerWriteValue, NewCustomer } from './customers.js';
import { createEngine, type Answer, type LiveChatEngine } from './engine.js';
import type { EventListener, MessageListener } from './live-delivery.js';
import type { Io, StoragePort, StoreMode, StoreTransaction } from './port.js';
import { andThen } from './steps.js';

/**
 * Where a backend's committed changes go, and where live listeners register: the listeners of
 * this process ({@link LiveDelivery}), or those of every instance sharing one database.
 */
export interface ChangeDelivery {
  /** Calls `listener` with each new event of `userId`, in seq order; returns the function that stops it. */
  listen(userId: Id, listener: EventListener): () => void;
  /** Calls `listener` after each new message; returns the function that stops it. */
  onMessage(listener: MessageListener): () => void;
  /** Hands over a change the engine committed. */
  deliver(change: CommittedChange): void;
}

/** Options of an {@link EngineBackend}. */
export interface EngineBackendOptions<M extends StoreMode> {
  /** Where the records live. */
  store: StoragePort<M>;
  /** Where committed changes go. */
  delivery: ChangeDelivery;
  /** The engine's clock (default `Date.now`). */
  now?: () => number;
}

/**
 * A live chat backend: the engine over a store (see the module comment). Rules are the
 * engine's; a write or a per-user read made after `dispose()` answers `INTERNAL`. A subclass
 * adds what its store needs: loading seed data, retention, readiness, and what `release()`
 * frees.
 */
export abstract class EngineBackend<M extends StoreMode = StoreMode> {
  /** The rules, over the store. */
  protected readonly engine: LiveChatEngine<M>;
  /** Where committed changes go (see `committed()`). */
  protected readonly delivery: ChangeDelivery;
  private readonly records: StoragePort<M>;
  private disposed = false;
  private readonly disposeHooks = new Set<() => void>();

  /** Runs the engine on `options.store`, handing each committed change to `committed()`. */
  protected constructor(options: EngineBackendOptions<M>) {
    this.records = options.store;
    this.delivery = options.delivery;
    this.engine = createEngine<M>({
      store: options.store,
      now: options.now,
      onCommit: (change) => this.committed(change),
    });
  }

  /** After each committed write: delivers it. A subclass may first persist it. */
  protected committed(change: CommittedChange): void {
    this.delivery.deliver(change);
  }

  /** `value` as this backend answers: itself on a `sync` store, a promise of it on an `async` one. */
  protected answer<T>(value: T | PromiseLike<T>): Answer<M, T> {
    return (this.engine.mode === 'sync' ? value : Promise.resolve(value)) as Answer<M, T>;
  }

  /** The answer of a write or a per-user read once the backend was disposed. */
  protected refused<R extends Result<unknown>>(): Answer<M, R> {
    return this.answer(fail('INTERNAL', 'The backend was disposed.') as R);
  }

  /** The backend's current time. */
  now(): number {
    return this.engine.now();
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────

  /**
   * Executes an operator command for `userId`. A `commandId` seen before (for the same user)
   * returns the first result again and changes nothing.
   */
  execute<C extends Command>(userId: Id, command: C): Answer<M, CommandResult<C>> {
    return this.disposed ? this.refused() : this.engine.execute(userId, command);
  }

  /**
   * A customer writes to a live chat (e.g. a channel's inbound message): appended to their open
   * session there, or reopening their last (closed) one, or starting a new queued one; every
   * operator of the live chat gets an alert. A repeated `clientMessageId` returns the message
   * already stored.
   */
  customerWrites(input: CustomerMessageInput): Answer<M, Result<CustomerWriteValue>> {
    return this.disposed ? this.refused() : this.engine.customerWrites(input);
  }

  /**
   * Adds a customer (e.g. a new visitor) to the directory, or replaces one. The staff of the live
   * chats the customer has a session in get `customer.upserted`; a new customer concerns nobody
   * until their first session.
   */
  addCustomer(input: NewCustomer): Answer<M, Result<Customer>> {
    return this.disposed ? this.refused() : this.engine.addCustomer(input);
  }

  // ── per-user reads ───────────────────────────────────────────────────────────────────────

  /** Everything `userId` sees, at the current position of their stream. */
  snapshot(userId: Id): Answer<M, Result<Snapshot>> {
    return this.disposed ? this.refused() : this.engine.snapshot(userId);
  }

  /** The user's events after `sinceSeq` (`RESYNC_REQUIRED` when no longer or not yet available). */
  events(userId: Id, sinceSeq: number): Answer<M, Result<ServerEvent[]>> {
    return this.disposed ? this.refused() : this.engine.events(userId, sinceSeq);
  }

  /** Receives the user's live events in seq order; returns the unsubscribe function. */
  listen(userId: Id, listener: EventListener): () => void {
    return this.delivery.listen(userId, listener);
  }

  /** Seq of the user's last event. */
  seqOf(userId: Id): Answer<M, number> {
    return this.engine.lastSeq(userId);
  }

  /** One page of a session's history, if `userId` may see the session. */
  history(userId: Id, query: HistoryQuery): Answer<M, Result<MessagePage>> {
    return this.disposed ? this.refused() : this.engine.history(userId, query);
  }

  /** A scoped search over what `userId` may see (session names, or one session and its messages). */
  search(userId: Id, query: SearchQuery): Answer<M, Result<SearchHit[]>> {
    return this.disposed ? this.refused() : this.engine.search(userId, query);
  }

  /** A report over the backend's episodes, messages and sessions; members of the live chat only. */
  report<Q extends ReportQuery>(userId: Id, query: Q): Answer<M, Result<Report<Q>>> {
    return this.disposed ? this.refused() : this.engine.report(userId, query);
  }

  /** The user's unread count of a session. */
  unreadOf(userId: Id, sessionId: Id): Answer<M, number> {
    return this.engine.unreadOf(userId, sessionId);
  }

  /**
   * Calls `listener` after every new message (operator or customer) is committed. Listeners of
   * a synchronous backend run at the end of the write: schedule further writes rather than
   * nesting them.
   */
  onMessage(listener: MessageListener): () => void {
    return this.delivery.onMessage(listener);
  }

  // ── direct reads (channels, tools, demos, tests) ─────────────────────────────────────────
  // These return the store's own immutable values, whoever may see them: do not mutate them.

  /** Reads through one read-only transaction of the store. */
  private read<T>(work: (tx: StoreTransaction<M>) => Io<M, T>): Answer<M, T> {
    return this.answer(this.records.transaction(work, { readOnly: true }) as T | PromiseLike<T>);
  }

  /** A session by id (regardless of who may see it). */
  getSession(sessionId: Id): Answer<M, Session | undefined> {
    return this.read((tx) => tx.session(sessionId));
  }

  /** The newest session between a customer and a live chat, open or closed. */
  latestSessionOf(customerId: Id, liveChatId: Id): Answer<M, Session | undefined> {
    return this.read((tx) => tx.latestSessionOf(customerId, liveChatId));
  }

  /** A session's messages, ascending by order. */
  messagesOf(sessionId: Id): Answer<M, Message[]> {
    return this.read(
      (tx) => andThen(tx.messagesOf(sessionId), (messages) => [...messages]) as Io<M, Message[]>,
    );
  }

  /** A customer by id. */
  getCustomer(customerId: Id): Answer<M, Customer | undefined> {
    return this.read((tx) => tx.customer(customerId));
  }

  /** A live chat by id. */
  getLiveChat(liveChatId: Id): Answer<M, LiveChat | undefined> {
    return this.read((tx) => tx.liveChat(liveChatId));
  }

  // ── life cycle ───────────────────────────────────────────────────────────────────────────

  /** Calls `hook` first when the backend is disposed (e.g. to stop a channel's delivery timers). */
  onDispose(hook: () => void): () => void {
    this.disposeHooks.add(hook);
    return () => this.disposeHooks.delete(hook);
  }

  /** Whether `dispose()` was called. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Runs the dispose hooks, then `release()`; later writes and reads fail. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const hook of [...this.disposeHooks]) hook();
    this.disposeHooks.clear();
    await this.release();
  }

  /** Frees what the backend holds: live delivery, the store (called once, by `dispose()`). */
  protected abstract release(): Promise<void> | void;
}
