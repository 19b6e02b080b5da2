/**
 * The engine: every backend rule behind one storage port (see the package documentation of
 * `@live-chat/core/engine` for the design).
 */
import { fail, type Result } from '../domain/errors.js';
import type { Report, ReportQuery } from '../domain/reports.js';
import type { SearchHit, SearchQuery } from '../domain/search.js';
import { canView } from '../domain/access.js';
import type { Attachment } from '../domain/attachments.js';
import type { ChannelDelivery, Customer, Id, Message, Session } from '../domain/types.js';
import type {
  CommandResult,
  CustomerQuery,
  HistoryQuery,
  MessagePage,
} from '../protocol/adapter.js';
import type { Command } from '../protocol/commands.js';
import type { ServerEvent, Snapshot } from '../protocol/events.js';
import { handlerOf } from './commands.js';
import { Context, Memo, type CommittedChange } from './context.js';
import {
  addCustomer,
  customerWrites,
  setChannelDelivery,
  type CustomerMessageInput,
  type CustomerWriteValue,
  type NewCustomer,
} from './customers.js';
import type { StoragePort, StoreMode, TransactionOptions } from './port.js';
import { membersOf } from './fanout.js';
import {
  eventsSince,
  customerRead,
  historyPage,
  runReport,
  search,
  snapshot,
  viewableSession,
} from './queries.js';
import { andThen, drive, io, isPromiseLike, type Step } from './steps.js';
import { validateId } from '../domain/validation.js';

/** What an engine call returns: the value itself on a `sync` store, a promise of it on an `async` one. */
export type Answer<M extends StoreMode, T> = M extends 'sync' ? T : Promise<T>;

/** Options of {@link createEngine}. */
export interface EngineOptions<M extends StoreMode> {
  /** Where the records live. */
  store: StoragePort<M>;
  /** The clock (default `Date.now`); inject one to script days in tests and seed data. */
  now?: () => number;
  /**
   * Called after every committed write with what it changed: the transport delivers the events
   * to live listeners (or wakes other instances), demos react to new messages. Runs after the
   * store committed, synchronously on a `sync` store.
   */
  onCommit?: (change: CommittedChange) => void;
}

/** A transaction's value and the context of the run that was committed. */
interface Done<T> {
  value: T;
  context: Context;
}

const READ_ONLY: TransactionOptions = Object.freeze({ readOnly: true });

/** The error a write answers with when the store (or a rule) threw instead of answering. */
function internalError(error: unknown): Result<never> {
  return fail('INTERNAL', 'The backend failed to process the request.', { cause: String(error) });
}

/** Executes a command for a user: idempotency by `commandId`, then the command's handler. */
function* executeCommand(context: Context, userId: Id, command: Command): Step<CommandResult> {
  const user = yield* io(context.tx.user(userId));
  if (!user) return fail('NOT_FOUND', `There is no user "${userId}".`);
  if (typeof command !== 'object' || command === null) {
    return fail('VALIDATION', 'A command must be an object.');
  }
  const commandId = validateId(command.commandId, 'commandId');
  if (!commandId.ok) return commandId;
  // A commandId seen before (for the same user) answers with the first result, changing nothing.
  const record = yield* io(context.tx.commandRecord(userId, commandId.value));
  if (record) return record.result;
  const handler = handlerOf(command.type);
  const result = (
    handler
      ? yield* handler(context, { userId, viewer: yield* context.viewer(userId) }, command)
      : fail('VALIDATION', 'Unknown command type.', { field: 'type' })
  ) as CommandResult;
  yield* io(
    context.tx.putCommandRecord({ userId, commandId: commandId.value, at: context.now, result }),
  );
  return result;
}

/**
 * Every backend rule, over one {@link StoragePort}: operator commands, the customer side, and
 * the user-scoped reads. On a `sync` store every method answers at once; on an `async` store
 * every method answers with a promise (see {@link Answer}).
 */
export class LiveChatEngine<M extends StoreMode = StoreMode> {
  private readonly store: StoragePort;
  private readonly clock: () => number;
  private readonly onCommit: ((change: CommittedChange) => void) | undefined;
  private readonly memo = new Memo();

  /** Use {@link createEngine}. */
  constructor(options: EngineOptions<M>) {
    this.store = options.store as StoragePort;
    this.clock = options.now ?? Date.now;
    this.onCommit = options.onCommit;
  }

  /** Whether the store (and so the engine) answers at once or with promises. */
  get mode(): M {
    return this.store.mode as M;
  }

  /** The engine's current time. */
  now(): number {
    return this.clock();
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────

  /**
   * Executes an operator command for `userId` in one transaction. A `commandId` seen before
   * (for the same user) returns the first result again and changes nothing.
   */
  execute<C extends Command>(
    userId: Id,
    command: C,
    attachments: readonly Attachment[] = [],
  ): Answer<M, CommandResult<C>> {
    return this.write((context) => {
      context.attachments = attachments;
      return executeCommand(context, userId, command);
    }) as Answer<M, CommandResult<C>>;
  }

  /**
   * A customer writes to a live chat: the message is appended to their open session there, or
   * reopens their last (closed) session, or starts a new queued one; every operator of the live
   * chat gets an alert. A repeated `clientMessageId` returns the message already stored.
   */
  customerWrites(
    input: CustomerMessageInput,
    attachments: readonly Attachment[] = [],
  ): Answer<M, Result<CustomerWriteValue>> {
    return this.write((context) => {
      context.attachments = attachments;
      return customerWrites(context, input);
    });
  }

  /**
   * Adds a customer (e.g. a new visitor) to the directory, or replaces one. The staff of the live
   * chats the customer has a session in get `customer.upserted`; a new customer concerns nobody
   * until their first session.
   */
  addCustomer(input: NewCustomer): Answer<M, Result<Customer>> {
    return this.write((context) => addCustomer(context, input));
  }

  /**
   * Records the channel delivery state of an operator message (see `Message.channelDelivery`);
   * users who see its session get `message.updated`.
   */
  setChannelDelivery(messageId: Id, delivery: ChannelDelivery): Answer<M, Result<Message>> {
    return this.write((context) => setChannelDelivery(context, messageId, delivery));
  }

  // ── per-user reads ───────────────────────────────────────────────────────────────────────

  /** Everything `userId` sees, at the current position of their stream. */
  snapshot(userId: Id): Answer<M, Result<Snapshot>> {
    return this.read((context) => snapshot(context, userId));
  }

  /** The user's events after `sinceSeq` (`RESYNC_REQUIRED` when no longer or not yet available). */
  events(userId: Id, sinceSeq: number): Answer<M, Result<ServerEvent[]>> {
    return this.read((context) => eventsSince(context, userId, sinceSeq));
  }

  /** Seq of the user's last event (0 before the first). */
  lastSeq(userId: Id): Answer<M, number> {
    return this.read(function* (context) {
      return yield* io(context.tx.lastSeq(userId));
    });
  }

  /** One page of a session's history, if `userId` may see the session. */
  history(userId: Id, query: HistoryQuery): Answer<M, Result<MessagePage>> {
    return this.read((context) => historyPage(context, userId, query));
  }

  /** A scoped search over what `userId` may see (session names, or one session and its messages). */
  search(userId: Id, query: SearchQuery): Answer<M, Result<SearchHit[]>> {
    return this.read((context) => search(context, userId, query));
  }

  /** Customers on demand, as `userId` may see them (see `customerRead`). */
  readCustomers(userId: Id, query: CustomerQuery): Answer<M, Result<Customer[]>> {
    return this.read((context) => customerRead(context, userId, query));
  }

  /** A report computed from the store's episodes, messages and sessions; members of the live chat only. */
  report<Q extends ReportQuery>(userId: Id, query: Q): Answer<M, Result<Report<Q>>> {
    return this.read((context) => runReport(context, userId, query));
  }

  /** The session, if `userId` may see it (`NOT_FOUND` or `FORBIDDEN` otherwise). */
  viewable(userId: Id, sessionId: Id): Answer<M, Result<Session>> {
    return this.read((context) => viewableSession(context, userId, sessionId));
  }

  /** Everyone who sees the session now: whom its customer's typing concerns. */
  viewersOf(sessionId: Id): Answer<M, Id[]> {
    return this.read(function* (context) {
      const session = yield* io(context.tx.session(sessionId));
      if (!session) return [];
      const viewers: Id[] = [];
      for (const userId of yield* membersOf(context, session.liveChatId)) {
        if (canView(yield* context.viewer(userId), session)) viewers.push(userId);
      }
      return viewers;
    });
  }

  /** The user's unread count of a session (customer messages above their read marker). */
  unreadOf(userId: Id, sessionId: Id): Answer<M, number> {
    return this.read((context) => context.unread(userId, sessionId));
  }

  // ── transactions ─────────────────────────────────────────────────────────────────────────

  /** Runs `body` in one store transaction, with a fresh context for every run of it. */
  private transact<T>(
    body: (context: Context) => Step<T>,
    options?: TransactionOptions,
  ): Done<T> | Promise<Done<T>> {
    const now = this.clock();
    const sync = this.store.mode === 'sync';
    let context: Context | undefined;
    const value = this.store.transaction((tx) => {
      context = new Context(tx, now, this.memo);
      const answer = drive(body(context));
      if (sync && isPromiseLike(answer)) {
        throw new TypeError('A store of mode "sync" answered with a promise.');
      }
      return answer;
    }, options);
    // The context of the run the store committed (the last one).
    return andThen(value, (committed) => ({ value: committed, context: context as Context }));
  }

  /** A write: its committed change goes to `onCommit`; a throw becomes an `INTERNAL` error. */
  private write<T>(body: (context: Context) => Step<Result<T>>): Answer<M, Result<T>> {
    if (this.store.mode === 'sync') {
      let done: Done<Result<T>>;
      try {
        done = this.transact(body) as Done<Result<T>>;
      } catch (error) {
        return internalError(error) as Answer<M, Result<T>>;
      }
      // Outside the try: a throwing listener is the listener's failure, not the write's.
      this.onCommit?.(done.context.change());
      return done.value as Answer<M, Result<T>>;
    }
    return Promise.resolve()
      .then(() => this.transact(body))
      .then((done) => {
        this.onCommit?.(done.context.change());
        return done.value;
      }, internalError) as Answer<M, Result<T>>;
  }

  /** A read-only transaction. */
  private read<T>(body: (context: Context) => Step<T>): Answer<M, T> {
    if (this.store.mode === 'sync') {
      return (this.transact(body, READ_ONLY) as Done<T>).value as Answer<M, T>;
    }
    return Promise.resolve()
      .then(() => this.transact(body, READ_ONLY))
      .then((done) => done.value) as Answer<M, T>;
  }
}

/**
 * Creates an engine over a store. With a `sync` store (in memory, better-sqlite3) every call
 * answers at once; with an `async` store (PostgreSQL) every call answers with a promise.
 */
export function createEngine<M extends StoreMode>(options: EngineOptions<M>): LiveChatEngine<M> {
  return new LiveChatEngine(options);
}
