/**
 * The storage port: everything the engine asks of a store, and nothing more. A store keeps
 * records and answers indexed queries; it enforces no rule (the engine validates before it
 * writes, numbers nothing but event seqs and ids, and decides what every change means).
 */
import type { CannedReply } from '../domain/canned.js';
import type { SessionEpisode } from '../domain/reports.js';
import type {
  ActivityEntry,
  Customer,
  Id,
  LiveChat,
  Message,
  OperatorGroup,
  Presence,
  Session,
  User,
} from '../domain/types.js';
import type { CommandResult } from '../protocol/adapter.js';
import type { ServerEvent } from '../protocol/events.js';

/**
 * How a store answers: `sync` stores answer every call with a plain value (an in-memory store,
 * better-sqlite3); `async` stores may answer any call with a promise (PostgreSQL).
 */
export type StoreMode = 'sync' | 'async';

/** What a port call returns in a store of mode `M`: a value, or (async stores) a promise of it. */
export type Io<M extends StoreMode, T> = M extends 'sync' ? T : T | PromiseLike<T>;

/** A server event before the store numbers it on a user's stream. */
export type EventInput = ServerEvent extends infer E
  ? E extends ServerEvent
    ? Omit<E, 'seq'>
    : never
  : never;

/** One user's event, as a committed change hands it to the transport. */
export interface UserEvent {
  userId: Id;
  event: ServerEvent;
}

/** What a store knows of one user's event log when asked for the events after a seq. */
export interface EventLogRead {
  /** Seq of the user's last event (0 before the first). */
  lastSeq: number;
  /** Seq of the oldest event still retained (`lastSeq + 1` when none is). */
  oldestSeq: number;
  /**
   * The retained events after the requested seq, oldest first. Only read when the requested seq
   * lies within `[oldestSeq - 1, lastSeq]`; a store may leave it empty otherwise.
   */
  events: readonly ServerEvent[];
}

/**
 * The stored outcome of one command, keyed by user and `commandId`: a repeated command answers
 * with it and does nothing. Refusals are recorded too (the first answer is the answer).
 */
export interface CommandRecord {
  userId: Id;
  commandId: string;
  /** When the command ran (stores may drop old records by it). */
  at: number;
  result: CommandResult;
}

/** The kinds of records the store names; a store chooses the id format. */
export type IdKind = 'session' | 'message' | 'customer' | 'activity' | 'canned';

/**
 * The prefix of generated ids per kind, e.g. `s-42` for a session: every store names its
 * records alike, so the same scripted day gives the same ids on each.
 */
export const ID_PREFIXES: Readonly<Record<IdKind, string>> = Object.freeze({
  session: 's',
  message: 'm',
  customer: 'cust',
  activity: 'act',
  canned: 'cr',
});

/** One page of a session's messages, oldest first. */
export interface StoredMessagePage {
  messages: Message[];
  /** Whether older messages exist before the first one of the page. */
  hasMore: boolean;
}

/** Options of {@link StoragePort.transaction}. */
export interface TransactionOptions {
  /** The work only reads (a store may run it on a read-only snapshot, and skip persisting). */
  readOnly?: boolean;
}

/**
 * The records of one transaction. Lists come back as iterables that are valid while the
 * transaction runs: the engine consumes them at once and never keeps them.
 *
 * Values passed in are immutable: a store may keep them as they are, and values it hands out
 * must not be changed by anyone (the engine replaces records, it never mutates them).
 */
export interface StoreTransaction<M extends StoreMode = StoreMode> {
  // ── ids ──────────────────────────────────────────────────────────────────────────────────
  /** A fresh id for a new record of this kind, never used before. */
  newId(kind: IdKind): Io<M, Id>;

  // ── directory ────────────────────────────────────────────────────────────────────────────
  /** A user of the directory (operator, supervisor or internal user). */
  user(userId: Id): Io<M, User | undefined>;
  /** Every user of the directory. */
  users(): Io<M, Iterable<User>>;
  /** A live chat by id. */
  liveChat(liveChatId: Id): Io<M, LiveChat | undefined>;
  /** Every live chat, in directory order. */
  liveChats(): Io<M, Iterable<LiveChat>>;
  /** An operator group by id. */
  group(groupId: Id): Io<M, OperatorGroup | undefined>;
  /** Every operator group, in directory order. */
  groups(): Io<M, Iterable<OperatorGroup>>;
  /**
   * The live chats the user operates or supervises and the operator groups they are a member
   * of: what the engine builds the user's permissions from.
   */
  membershipsOf(
    userId: Id,
  ): Io<M, { liveChats: Iterable<LiveChat>; groups: Iterable<OperatorGroup> }>;
  /** Every operator and supervisor of any live chat. */
  staffIds(): Io<M, Iterable<Id>>;
  /** A customer by id. */
  customer(customerId: Id): Io<M, Customer | undefined>;
  /** Every customer, in the order they were added. */
  customers(): Io<M, Iterable<Customer>>;
  /** Inserts or replaces a customer. */
  putCustomer(customer: Customer): Io<M, void>;

  // ── canned replies ───────────────────────────────────────────────────────────────────────
  /** A canned reply by id. */
  cannedReply(replyId: Id): Io<M, CannedReply | undefined>;
  /** The replies of one scope (by its `cannedScopeKey`), in the order they were created. */
  cannedRepliesOf(scopeKey: string): Io<M, CannedReply[]>;
  /** Inserts or replaces a canned reply. */
  putCannedReply(reply: CannedReply): Io<M, void>;
  /** Deletes a canned reply (a missing one is no error). */
  deleteCannedReply(replyId: Id): Io<M, void>;

  // ── presence ─────────────────────────────────────────────────────────────────────────────
  /** The user's availability, if they ever set one (none means `online`). */
  presence(userId: Id): Io<M, Presence | undefined>;
  /** Inserts or replaces a user's availability. */
  putPresence(presence: Presence): Io<M, void>;

  // ── sessions ─────────────────────────────────────────────────────────────────────────────
  /**
   * A session by id. Inside a write transaction the engine reads every session it may change
   * through this call first, so a store that locks rows locks it here (`SELECT … FOR UPDATE`).
   */
  session(sessionId: Id): Io<M, Session | undefined>;
  /** Inserts or replaces a session. */
  putSession(session: Session): Io<M, void>;
  /** Every session of a live chat, in any order. */
  sessionsOf(liveChatId: Id): Io<M, Iterable<Session>>;
  /**
   * Queued sessions of a live chat: the urgent ones first, then the others; within each, oldest
   * `queuedAt` first, and equal times in the order they entered the queue. The engine stops
   * reading at the first one it can use.
   */
  queuedOf(liveChatId: Id): Io<M, Iterable<Session>>;
  /** The newest session between a customer and a live chat (open or closed). */
  latestSessionOf(customerId: Id, liveChatId: Id): Io<M, Session | undefined>;

  // ── messages ─────────────────────────────────────────────────────────────────────────────
  /** Appends a message; its `order` is above every order of its session. */
  appendMessage(message: Message): Io<M, void>;
  /** A message by id. */
  message(messageId: Id): Io<M, Message | undefined>;
  /**
   * Optional: replaces a stored message with the same id (same session and order; today only
   * its `channelDelivery` changes). Stores without it cannot record channel delivery states.
   */
  updateMessage?(message: Message): Io<M, void>;
  /** The message of a session with this `clientMessageId`, if any. */
  messageByClientId(sessionId: Id, clientMessageId: string): Io<M, Message | undefined>;
  /** A session's messages, ascending by order. */
  messagesOf(sessionId: Id): Io<M, Iterable<Message>>;
  /** Every message of a live chat's sessions, in any order (for reports). */
  liveChatMessages(liveChatId: Id): Io<M, Iterable<Message>>;
  /** The last `limit` messages of a session with order below `beforeOrder` (all when absent), oldest first. */
  messagePage(
    sessionId: Id,
    beforeOrder: number | undefined,
    limit: number,
  ): Io<M, StoredMessagePage>;
  /** How many customer messages of the session have an order above `order`. */
  customerMessagesAfter(sessionId: Id, order: number): Io<M, number>;

  // ── read markers ─────────────────────────────────────────────────────────────────────────
  /** The highest message order the user has read in the session (0 when none). */
  readMarker(userId: Id, sessionId: Id): Io<M, number>;
  /** Sets how far the user has read the session (every message with `order <= order`). */
  setReadMarker(userId: Id, sessionId: Id, order: number): Io<M, void>;

  // ── episodes (report records) ────────────────────────────────────────────────────────────
  /** The session's latest episode: the open one, or the last closed one. */
  currentEpisode(sessionId: Id): Io<M, SessionEpisode | undefined>;
  /** Starts a new episode; it becomes its session's current one. */
  addEpisode(episode: SessionEpisode): Io<M, void>;
  /** Replaces the current episode of `episode.sessionId`. */
  updateEpisode(episode: SessionEpisode): Io<M, void>;
  /** Every episode of a live chat, in any order. */
  episodesOf(liveChatId: Id): Io<M, Iterable<SessionEpisode>>;

  // ── activity ─────────────────────────────────────────────────────────────────────────────
  /** Adds an entry to the user's activity stream (the store may drop the oldest entries). */
  appendActivity(userId: Id, entry: ActivityEntry): Io<M, void>;
  /** The user's newest `limit` activity entries, newest first. */
  recentActivity(userId: Id, limit: number): Io<M, ActivityEntry[]>;

  // ── event log ────────────────────────────────────────────────────────────────────────────
  /**
   * Numbers the event with the user's next seq (their last seq + 1: gap-free, also across
   * concurrent transactions) and appends it to their log. The store retains a bounded tail. A
   * store may fill in `seq` of the returned event only when the transaction commits (e.g. to
   * take every user's counter in one sorted pass, which cannot deadlock): the engine reads the
   * seqs of a change only after its commit.
   */
  appendEvent(userId: Id, event: EventInput): Io<M, ServerEvent>;
  /** Seq of the user's last event (0 before the first). */
  lastSeq(userId: Id): Io<M, number>;
  /** The user's log as seen from `sinceSeq` (see {@link EventLogRead}). */
  readEvents(userId: Id, sinceSeq: number): Io<M, EventLogRead>;

  // ── search (optional) ────────────────────────────────────────────────────────────────────
  /**
   * Optional index: sessions of the live chat whose name may contain `text` (a superset is
   * allowed; the engine matches again, case- and accent-insensitively). Absent: the engine
   * scans `sessionsOf`.
   */
  sessionsMatching?(liveChatId: Id, text: string): Io<M, Iterable<Session>>;
  /**
   * Optional index: messages of the session whose text may contain `text`, in any order (a
   * superset is allowed). Absent: the engine scans `messagesOf`.
   */
  messagesMatching?(sessionId: Id, text: string): Io<M, Iterable<Message>>;
  /**
   * Optional index: a page of the customers whose name or account may contain `needle` (a
   * `customerNeedle`: trimmed and lower-cased; `''` matches every customer; `customerSearchTexts`
   * gives a customer's texts as the search compares them), in the order they were added (as
   * {@link customers}): at most `limit` of them, starting after the customer `after` (from the
   * first when absent). A page shorter than `limit` is the last. A superset is allowed: the
   * engine matches again (`customerMatches`). The engine reads pages only until it has found
   * what it answers. Absent: the engine scans `customers`.
   */
  customersMatching?(needle: string, after: Id | undefined, limit: number): Io<M, Customer[]>;
  /**
   * Optional bulk read: the customers of these ids that exist, in any order. Rows are not locked
   * (the engine calls it in reads only). Absent: the engine reads {@link customer} by customer.
   */
  customersWithIds?(customerIds: readonly Id[]): Io<M, Iterable<Customer>>;
  /**
   * Optional bulk read: for each of these customers with a session (open or closed), the ids of
   * the live chats they have one in, each once, in any order; a customer with no session has no
   * entry. What {@link latestSessionOf} answers for every pair, in one read; rows are not locked
   * (the engine calls it in reads only). Absent: the engine asks `latestSessionOf` pair by pair.
   */
  liveChatsOfCustomers?(customerIds: readonly Id[]): Io<M, Map<Id, Id[]>>;

  // ── idempotency ──────────────────────────────────────────────────────────────────────────
  /** The stored outcome of the user's command with this `commandId`, if any. */
  commandRecord(userId: Id, commandId: string): Io<M, CommandRecord | undefined>;
  /** Stores a command's outcome; `(userId, commandId)` is unique (a store may drop old records). */
  putCommandRecord(record: CommandRecord): Io<M, void>;
}

/**
 * A store behind the engine. `transaction(work)` runs `work` with the store's records and
 * commits what it wrote when it returns (or its promise resolves); when `work` throws (or
 * rejects), a store that can roll back does.
 *
 * Transactions must behave as if they ran one at a time. A synchronous store gets that for
 * free: JavaScript runs one `work` to its end before the next starts. An asynchronous store
 * runs write transactions at SERIALIZABLE isolation, or locks the rows it reads (see
 * {@link StoreTransaction.session}) and each user's seq counter in {@link
 * StoreTransaction.appendEvent}; it may run `work` again after a serialization failure, and the
 * engine makes every run start afresh.
 */
export interface StoragePort<M extends StoreMode = StoreMode> {
  /** Whether every call answers at once (`sync`) or may answer with a promise (`async`). */
  readonly mode: M;
  /** Runs `work` in one transaction and answers with what it returned (see above). */
  transaction<T>(
    work: (tx: StoreTransaction<M>) => Io<M, T>,
    options?: TransactionOptions,
  ): Io<M, T>;
}
