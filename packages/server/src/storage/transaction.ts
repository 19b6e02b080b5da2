/**
 * One transaction of a SQLite store: the engine's {@link StoreTransaction} over prepared
 * statements. It is valid only while its transaction runs; the store makes a new one each time.
 * Lists are read whole (better-sqlite3 allows no other statement while a cursor is open) except
 * queues, which the engine reads only until the first session it can use.
 */
import type {
  ActivityEntry,
  Customer,
  Id,
  LiveChat,
  Message,
  OperatorGroup,
  ServerEvent,
  Session,
  SessionEpisode,
  User,
} from '@live-chat/core';
import type {
  CommandRecord,
  EventInput,
  EventLogRead,
  IdKind,
  StoredMessagePage,
  StoreTransaction,
} from '@live-chat/core/engine';
import type { Directory, Memberships } from './directory.js';
import { StorageError } from './errors.js';
import {
  episodeColumns,
  episodeFromRow,
  messageColumns,
  messageFromRow,
  sessionColumns,
  sessionFromRow,
} from './rows.js';
import { foldForSearch, matchExpression } from './search-text.js';
import type { Statements } from './statements.js';

/** Prefix of generated ids per kind, e.g. `s-42` for a session (as in the memory store). */
const ID_PREFIXES: Record<IdKind, string> = {
  session: 's',
  message: 'm',
  customer: 'cust',
  activity: 'act',
};

/** Queued sessions read per page (the engine usually stops at the first). */
const QUEUE_PAGE = 16;

/** What a transaction needs of its store. */
export interface TransactionContext {
  statements: Statements;
  directory: Directory;
  idPrefix: string;
  /** Events each user's log keeps. */
  eventsPerUser: number;
  /** Activity entries each user keeps. */
  activityPerUser: number;
  /** Command results older than this (relative to a new one) are dropped. */
  commandResultMaxAgeMs: number;
  /** The store's clock (event times, for retention by age). */
  now: () => number;
}

/**
 * The engine's view of the records inside one SQLite transaction. Besides the port it offers
 * the search hooks {@link sessionsMatching} and {@link messagesMatching} (full-text candidates).
 */
export class SqliteTransaction implements StoreTransaction<'sync'> {
  private open = true;
  private readonly sql: Statements;
  private readonly directory: Directory;

  constructor(private readonly context: TransactionContext) {
    this.sql = context.statements;
    this.directory = context.directory;
  }

  /** Ends this transaction's validity (the store calls it when the transaction ends). */
  close(): void {
    this.open = false;
  }

  private check(): void {
    if (!this.open) {
      throw new StorageError('CLOSED', 'This transaction has ended; use the store for a new one.');
    }
  }

  // ── ids ──────────────────────────────────────────────────────────────────────────────────

  newId(kind: IdKind): Id {
    this.check();
    const next = this.sql.nextCounter.get('id') as number;
    return `${this.context.idPrefix}${ID_PREFIXES[kind]}-${next - 1}`;
  }

  // ── directory ────────────────────────────────────────────────────────────────────────────

  user(userId: Id): User | undefined {
    this.check();
    return this.directory.user(userId);
  }

  users(): Iterable<User> {
    this.check();
    return this.directory.users();
  }

  liveChat(liveChatId: Id): LiveChat | undefined {
    this.check();
    return this.directory.liveChat(liveChatId);
  }

  liveChats(): Iterable<LiveChat> {
    this.check();
    return this.directory.liveChats();
  }

  group(groupId: Id): OperatorGroup | undefined {
    this.check();
    return this.directory.group(groupId);
  }

  groups(): Iterable<OperatorGroup> {
    this.check();
    return this.directory.groups();
  }

  membershipsOf(userId: Id): Memberships {
    this.check();
    return this.directory.membershipsOf(userId);
  }

  staffIds(): Iterable<Id> {
    this.check();
    return this.directory.staffIds();
  }

  customer(customerId: Id): Customer | undefined {
    this.check();
    const data = this.sql.customer.get(customerId);
    return data === undefined ? undefined : (JSON.parse(data) as Customer);
  }

  customers(): Iterable<Customer> {
    this.check();
    return this.sql.customers.all().map((data) => JSON.parse(data) as Customer);
  }

  putCustomer(customer: Customer): void {
    this.check();
    this.sql.putCustomer.run(customer.id, customer.kind, customer.name, JSON.stringify(customer));
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────

  session(sessionId: Id): Session | undefined {
    this.check();
    const row = this.sql.session.get(sessionId);
    return row && sessionFromRow(row);
  }

  putSession(session: Session): void {
    this.check();
    const previous = this.sql.sessionState.get(session.id);
    // Entering the queue (again, or at a new time) puts the session behind everyone queued so far.
    let queueEntry = previous?.queue_entry ?? null;
    if (session.status !== 'queued') {
      queueEntry = null;
    } else if (previous?.status !== 'queued' || previous.queued_at !== session.queuedAt) {
      queueEntry = this.sql.nextCounter.get('queue') as number;
    }
    const columns = { ...sessionColumns(session), queue_entry: queueEntry };
    if (!previous) {
      const { lastInsertRowid } = this.sql.insertSession.run(columns);
      this.sql.indexSessionName.run(Number(lastInsertRowid), foldForSearch(session.name));
      return;
    }
    this.sql.updateSession.run({ ...columns, pk: previous.pk });
    if (previous.name !== session.name) {
      this.sql.unindexSessionName.run(previous.pk);
      this.sql.indexSessionName.run(previous.pk, foldForSearch(session.name));
    }
  }

  sessionsOf(liveChatId: Id): Iterable<Session> {
    this.check();
    return this.sql.sessionsOf.all(liveChatId).map(sessionFromRow);
  }

  /** Every session, in the order they were created. */
  allSessions(): Session[] {
    this.check();
    return this.sql.allSessions.all().map(sessionFromRow);
  }

  *queuedOf(liveChatId: Id): Generator<Session> {
    this.check();
    for (let offset = 0; ; offset += QUEUE_PAGE) {
      const rows = this.sql.queuedPage.all(liveChatId, QUEUE_PAGE, offset);
      for (const row of rows) yield sessionFromRow(row);
      if (rows.length < QUEUE_PAGE) return;
      this.check();
    }
  }

  latestSessionOf(customerId: Id, liveChatId: Id): Session | undefined {
    this.check();
    const row = this.sql.latestSessionOf.get(customerId, liveChatId);
    return row && sessionFromRow(row);
  }

  // ── messages ─────────────────────────────────────────────────────────────────────────────

  appendMessage(message: Message): void {
    this.check();
    const { lastInsertRowid } = this.sql.insertMessage.run(messageColumns(message));
    this.sql.indexMessageText.run(lastInsertRowid, foldForSearch(message.text));
    if (message.channelDelivery) {
      this.sql.setChannelDelivery.run(JSON.stringify(message.channelDelivery), message.id);
    }
  }

  /** Replaces a message in place: only its channel delivery state can change. */
  updateMessage(message: Message): void {
    this.check();
    const delivery = message.channelDelivery ? JSON.stringify(message.channelDelivery) : null;
    this.sql.setChannelDelivery.run(delivery, message.id);
  }

  message(messageId: Id): Message | undefined {
    this.check();
    const row = this.sql.message.get(messageId);
    return row && messageFromRow(row);
  }

  messageByClientId(sessionId: Id, clientMessageId: string): Message | undefined {
    this.check();
    const row = this.sql.messageByClientId.get(sessionId, clientMessageId);
    return row && messageFromRow(row);
  }

  messagesOf(sessionId: Id): Message[] {
    this.check();
    return this.sql.messagesOf.all(sessionId).map(messageFromRow);
  }

  liveChatMessages(liveChatId: Id): Iterable<Message> {
    this.check();
    return this.sql.liveChatMessages.all(liveChatId).map(messageFromRow);
  }

  messagePage(sessionId: Id, beforeOrder: number | undefined, limit: number): StoredMessagePage {
    this.check();
    // One more than asked: whether it exists says whether older messages do.
    const rows = this.sql.messagesBefore.all(
      sessionId,
      beforeOrder ?? Number.MAX_SAFE_INTEGER,
      limit + 1,
    );
    const hasMore = rows.length > limit;
    const messages = rows.slice(0, limit).reverse().map(messageFromRow);
    return { messages, hasMore };
  }

  customerMessagesAfter(sessionId: Id, order: number): number {
    this.check();
    return this.sql.customerMessagesAfter.get(sessionId, order) as number;
  }

  // ── read markers ─────────────────────────────────────────────────────────────────────────

  readMarker(userId: Id, sessionId: Id): number {
    this.check();
    return this.sql.readMarker.get(userId, sessionId) ?? 0;
  }

  setReadMarker(userId: Id, sessionId: Id, order: number): void {
    this.check();
    this.sql.setReadMarker.run(userId, sessionId, order);
  }

  // ── episodes ─────────────────────────────────────────────────────────────────────────────

  currentEpisode(sessionId: Id): SessionEpisode | undefined {
    this.check();
    const row = this.sql.currentEpisode.get(sessionId);
    return row && episodeFromRow(row);
  }

  addEpisode(episode: SessionEpisode): void {
    this.check();
    this.sql.insertEpisode.run(episodeColumns(episode));
  }

  updateEpisode(episode: SessionEpisode): void {
    this.check();
    const current = this.sql.currentEpisode.get(episode.sessionId);
    if (!current) throw new RangeError(`Session ${episode.sessionId} has no episode.`);
    this.sql.updateEpisode.run({ ...episodeColumns(episode), pk: current.pk });
  }

  episodesOf(liveChatId: Id): Iterable<SessionEpisode> {
    this.check();
    return this.sql.episodesOf.all(liveChatId).map(episodeFromRow);
  }

  // ── activity ─────────────────────────────────────────────────────────────────────────────

  appendActivity(userId: Id, entry: ActivityEntry): void {
    this.check();
    this.sql.appendActivity.run(userId, JSON.stringify(entry));
    this.sql.trimActivity.run(userId, userId, this.context.activityPerUser);
  }

  recentActivity(userId: Id, limit: number): ActivityEntry[] {
    this.check();
    return this.sql.recentActivity
      .all(userId, limit)
      .map((entry) => JSON.parse(entry) as ActivityEntry);
  }

  // ── event log ────────────────────────────────────────────────────────────────────────────

  appendEvent(userId: Id, input: EventInput): ServerEvent {
    this.check();
    // The counter row is updated in this transaction: the seq is the last one plus one.
    const stream = this.sql.advanceStream.get(userId) as { last_seq: number; oldest_seq: number };
    const seq = stream.last_seq;
    this.sql.appendEvent.run(userId, seq, this.context.now(), JSON.stringify(input));
    // Trim in batches, so retention costs one statement per many events.
    const limit = this.context.eventsPerUser;
    const retained = seq - stream.oldest_seq + 1;
    if (retained > limit + Math.max(1, Math.floor(limit / 4))) {
      const oldest = seq - limit + 1;
      this.sql.dropEventsBefore.run(userId, oldest);
      this.sql.setOldestSeq.run(oldest, userId);
    }
    return { ...input, seq } as ServerEvent;
  }

  lastSeq(userId: Id): number {
    this.check();
    return this.sql.stream.get(userId)?.last_seq ?? 0;
  }

  readEvents(userId: Id, sinceSeq: number): EventLogRead {
    this.check();
    const stream = this.sql.stream.get(userId) ?? { last_seq: 0, oldest_seq: 1 };
    const inRange = sinceSeq >= stream.oldest_seq - 1 && sinceSeq <= stream.last_seq;
    return {
      lastSeq: stream.last_seq,
      oldestSeq: stream.oldest_seq,
      events: inRange
        ? this.sql.eventsAfter
            .all(userId, sinceSeq)
            .map(({ seq, event }) => ({ ...(JSON.parse(event) as EventInput), seq }) as ServerEvent)
        : [],
    };
  }

  // ── idempotency ──────────────────────────────────────────────────────────────────────────

  commandRecord(userId: Id, commandId: string): CommandRecord | undefined {
    this.check();
    const row = this.sql.commandResult.get(userId, commandId);
    if (!row) return undefined;
    return {
      userId,
      commandId,
      at: row.at,
      result: JSON.parse(row.result) as CommandRecord['result'],
    };
  }

  putCommandRecord(record: CommandRecord): void {
    this.check();
    this.sql.putCommandResult.run(
      record.userId,
      record.commandId,
      record.at,
      JSON.stringify(record.result),
    );
    // Forget what no client retries any more (an index range: free when there is nothing).
    this.sql.dropCommandResultsBefore.run(record.at - this.context.commandResultMaxAgeMs);
  }

  // ── search hooks (not yet part of the port) ──────────────────────────────────────────────

  /**
   * Sessions of the live chat whose name may contain `text` (case- and accent-insensitive), by
   * the full-text index, in the order of {@link sessionsOf}; every session of it when the text
   * is too short for the index. A superset of the matches: the engine's matching decides.
   */
  sessionsMatching(liveChatId: Id, text: string): Session[] {
    this.check();
    const match = matchExpression(text);
    const rows =
      match === undefined
        ? this.sql.sessionsOf.all(liveChatId)
        : this.sql.sessionsMatching.all(liveChatId, match);
    return rows.map(sessionFromRow);
  }

  /**
   * Messages of the session whose text may contain `text`, newest first, by the full-text index;
   * every message of it when the text is too short for it. A superset of the matches.
   */
  messagesMatching(sessionId: Id, text: string): Message[] {
    this.check();
    const match = matchExpression(text);
    const rows =
      match === undefined
        ? this.sql.messagesNewestFirst.all(sessionId)
        : this.sql.messagesMatching.all(sessionId, match);
    return rows.map(messageFromRow);
  }
}
