/**
 * One transaction of a SQLite store: the engine's {@link StoreTransaction} over prepared
 * statements. It is valid only while its transaction runs; the store makes a new one each time.
 * Lists are read whole (better-sqlite3 allows no other statement while a cursor is open) except
 * queues, which the engine reads only until the first session it can use.
 */
import type Database from 'better-sqlite3';
import { cannedScopeKey } from '@live-chat/core';
import type * as core from '@live-chat/core';
import type * as engine from '@live-chat/core/engine';
import { queueOperatorMessage, type SqlRunner } from '../channels/sql-channel-store.js';
import type { Directory } from './directory.js';
import type { EventLog, TransactionBodies } from './event-log.js';
import type { StoreSettings } from './retention.js';
import {
  chatsByCustomer,
  customerColumns,
  episodeColumns,
  episodeFromRow,
  messageColumns,
  messageFromRow,
  presenceFromRow,
  presenceValues,
  sessionColumns,
  sessionFromRow,
} from './rows.js';
import { foldForSearch, likeContains, matchExpression } from './search-text.js';
import { SESSION_INDEXED_COLUMNS, type Statements } from './statements.js';
import { TransactionBase } from './transaction-base.js';

/** Queued sessions read per page (the engine usually stops at the first). */
const QUEUE_PAGE = 16;

/** What a transaction needs of its store. */
export interface TransactionContext extends StoreSettings {
  statements: Statements;
  directory: Directory;
  /** The per-user event logs (seqs known in memory, bodies stored once). */
  eventLog: EventLog;
  /** Runs the channel tables' statements (on the same connection, so in this transaction). */
  channelSql: SqlRunner<'sync'>;
}

/**
 * The engine's view of the records inside one SQLite transaction. Besides the port it offers
 * the search hooks {@link sessionsMatching} and {@link messagesMatching} (full-text candidates)
 * and {@link customersMatching}.
 */
export class SqliteTransaction extends TransactionBase implements engine.StoreTransaction<'sync'> {
  private readonly sql: Statements;
  private readonly directory: Directory;
  private readonly channelSql: SqlRunner<'sync'>;
  private readonly eventLog: EventLog;
  /** The event bodies this transaction stored: a change's recipients share one. */
  private readonly bodies: TransactionBodies = new Map();
  /**
   * Customer messages after an order, by order and session, as counted in this transaction
   * since its last new message: the members of a live chat who read the same far ask alike.
   */
  private readonly customerCounts = new Map<string, number>();

  /** A transaction of the store with this context (the store makes one per transaction). */
  constructor(context: TransactionContext) {
    super(context);
    this.sql = context.statements;
    this.directory = context.directory;
    this.channelSql = context.channelSql;
    this.eventLog = context.eventLog;
  }

  protected directoryView(): engine.DirectoryView {
    return this.directory.view();
  }

  /** The value of the row `statement` finds, if any. */
  private readOne<A extends unknown[], R, T>(
    statement: Database.Statement<A, R>,
    fromRow: (row: R) => T,
    ...args: A
  ): T | undefined {
    this.check();
    const row = statement.get(...args);
    return row && fromRow(row);
  }

  // ── ids ──────────────────────────────────────────────────────────────────────────────────

  newId(kind: engine.IdKind): core.Id {
    this.check();
    return this.idOf(kind, this.nextCounter('id') - 1);
  }

  /** Advances the counter `name` by one and answers its new value. */
  private nextCounter(name: 'id' | 'queue'): number {
    this.sql.bumpCounter.run(name);
    return this.sql.counter.get(name) as number;
  }

  // ── customers ────────────────────────────────────────────────────────────────────────────

  customer(customerId: core.Id): core.Customer | undefined {
    this.check();
    const data = this.sql.customer.get(customerId);
    return data === undefined ? undefined : (JSON.parse(data) as core.Customer);
  }

  customers(): Iterable<core.Customer> {
    this.check();
    return this.sql.customers.all().map((data) => JSON.parse(data) as core.Customer);
  }

  /** The customers of these ids that exist, in one query. */
  customersWithIds(customerIds: readonly core.Id[]): core.Customer[] {
    this.check();
    return this.sql.customersWithIds
      .all(JSON.stringify(customerIds))
      .map((data) => JSON.parse(data) as core.Customer);
  }

  putCustomer(customer: core.Customer): void {
    this.check();
    this.sql.putCustomer.run(customerColumns(customer));
  }

  /**
   * A page of the customers whose lower-cased name or account contains `needle`, in the order
   * they were added, after the customer `after` (see the port). A scan of the rows in order that
   * stops when the page is full.
   */
  customersMatching(needle: string, after: core.Id | undefined, limit: number): core.Customer[] {
    this.check();
    const page = { pattern: likeContains(needle), limit };
    const rows =
      after === undefined
        ? this.sql.customersMatching.all(page)
        : this.sql.customersMatchingAfter.all({ ...page, after });
    return rows.map((data) => JSON.parse(data) as core.Customer);
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────

  session(sessionId: core.Id): core.Session | undefined {
    return this.readOne(this.sql.session, sessionFromRow, sessionId);
  }

  putSession(session: core.Session): void {
    this.check();
    const previous = this.sql.sessionState.get(session.id);
    // Entering the queue (again, or at a new time) puts the session behind everyone queued so far.
    let queueEntry = previous?.queue_entry ?? null;
    if (session.status !== 'queued') {
      queueEntry = null;
    } else if (previous?.status !== 'queued' || previous.queued_at !== session.queuedAt) {
      queueEntry = this.nextCounter('queue');
    }
    const columns = { ...sessionColumns(session), queue_entry: queueEntry };
    if (!previous) {
      const { lastInsertRowid } = this.sql.insertSession.run(columns);
      this.sql.indexSessionName.run(Number(lastInsertRowid), foldForSearch(session.name));
      return;
    }
    const indexedSame = SESSION_INDEXED_COLUMNS.every(
      (column) => previous[column] === columns[column],
    );
    const update = indexedSame ? this.sql.updateSessionUnindexed : this.sql.updateSession;
    update.run({ ...columns, pk: previous.pk });
    if (previous.name !== session.name) {
      this.sql.unindexSessionName.run(previous.pk);
      this.sql.indexSessionName.run(previous.pk, foldForSearch(session.name));
    }
  }

  sessionsOf(liveChatId: core.Id): core.Session[] {
    this.check();
    return this.sql.sessionsOf.all(liveChatId).map(sessionFromRow);
  }

  /** Every session, in the order they were created. */
  allSessions(): core.Session[] {
    this.check();
    return this.sql.allSessions.all().map(sessionFromRow);
  }

  *queuedOf(liveChatId: core.Id): Generator<core.Session> {
    this.check();
    for (let offset = 0; ; offset += QUEUE_PAGE) {
      const rows = this.sql.queuedPage.all(liveChatId, QUEUE_PAGE, offset);
      for (const row of rows) yield sessionFromRow(row);
      if (rows.length < QUEUE_PAGE) return;
      this.check();
    }
  }

  latestSessionOf(customerId: core.Id, liveChatId: core.Id): core.Session | undefined {
    return this.readOne(this.sql.latestSessionOf, sessionFromRow, customerId, liveChatId);
  }

  /** For each customer with a session, the live chats they have one in, in one query. */
  liveChatsOfCustomers(customerIds: readonly core.Id[]): Map<core.Id, core.Id[]> {
    this.check();
    return chatsByCustomer(this.sql.liveChatsOfCustomers.all(JSON.stringify(customerIds)));
  }

  // ── messages ─────────────────────────────────────────────────────────────────────────────

  appendMessage(message: core.Message): void {
    this.check();
    this.customerCounts.clear();
    const { lastInsertRowid } = this.sql.insertMessage.run(messageColumns(message));
    this.sql.indexMessageText.run(lastInsertRowid, foldForSearch(message.text));
    if (message.channelDelivery) {
      this.sql.setChannelDelivery.run(JSON.stringify(message.channelDelivery), message.id);
    }
    // Queued in this transaction: the message and its delivery commit together. A staff note
    // never goes to the customer.
    if (message.author.kind === 'operator' && !message.internal) {
      queueOperatorMessage(this.channelSql, message, this.user(message.author.userId));
    }
  }

  /** Replaces a message in place: only its channel delivery state can change. */
  updateMessage(message: core.Message): void {
    this.check();
    const delivery = message.channelDelivery ? JSON.stringify(message.channelDelivery) : null;
    this.sql.setChannelDelivery.run(delivery, message.id);
  }

  message(messageId: core.Id): core.Message | undefined {
    return this.readOne(this.sql.message, messageFromRow, messageId);
  }

  messageByClientId(sessionId: core.Id, clientMessageId: string): core.Message | undefined {
    return this.readOne(this.sql.messageByClientId, messageFromRow, sessionId, clientMessageId);
  }

  messagesOf(sessionId: core.Id): core.Message[] {
    this.check();
    return this.sql.messagesOf.all(sessionId).map(messageFromRow);
  }

  liveChatMessages(liveChatId: core.Id): Iterable<core.Message> {
    this.check();
    return this.sql.liveChatMessages.all(liveChatId).map(messageFromRow);
  }

  messagePage(
    sessionId: core.Id,
    beforeOrder: number | undefined,
    limit: number,
  ): engine.StoredMessagePage {
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

  customerMessagesAfter(sessionId: core.Id, order: number): number {
    this.check();
    const key = `${order}:${sessionId}`;
    let count = this.customerCounts.get(key);
    if (count === undefined) {
      count = this.sql.customerMessagesAfter.get(sessionId, order) as number;
      this.customerCounts.set(key, count);
    }
    return count;
  }

  // ── canned replies ───────────────────────────────────────────────────────────────────────

  cannedReply(replyId: core.Id): core.CannedReply | undefined {
    this.check();
    const data = this.sql.cannedReply.get(replyId);
    return data === undefined ? undefined : (JSON.parse(data) as core.CannedReply);
  }

  cannedRepliesOf(scopeKey: string): core.CannedReply[] {
    this.check();
    return this.sql.cannedRepliesOf
      .all(scopeKey)
      .map((data) => JSON.parse(data) as core.CannedReply);
  }

  putCannedReply(reply: core.CannedReply): void {
    this.check();
    this.sql.putCannedReply.run(reply.id, cannedScopeKey(reply.scope), JSON.stringify(reply));
  }

  deleteCannedReply(replyId: core.Id): void {
    this.check();
    this.sql.deleteCannedReply.run(replyId);
  }

  // ── presence ─────────────────────────────────────────────────────────────────────────────

  presence(userId: core.Id): core.Presence | undefined {
    return this.readOne(this.sql.presence, presenceFromRow, userId);
  }

  putPresence(presence: core.Presence): void {
    this.check();
    this.sql.putPresence.run(...presenceValues(presence));
  }

  // ── read markers ─────────────────────────────────────────────────────────────────────────

  readMarker(userId: core.Id, sessionId: core.Id): number {
    this.check();
    return this.sql.readMarker.get(userId, sessionId) ?? 0;
  }

  setReadMarker(userId: core.Id, sessionId: core.Id, order: number): void {
    this.check();
    this.sql.setReadMarker.run(userId, sessionId, order);
  }

  // ── episodes ─────────────────────────────────────────────────────────────────────────────

  currentEpisode(sessionId: core.Id): core.SessionEpisode | undefined {
    return this.readOne(this.sql.currentEpisode, episodeFromRow, sessionId);
  }

  addEpisode(episode: core.SessionEpisode): void {
    this.check();
    this.sql.insertEpisode.run(episodeColumns(episode));
  }

  updateEpisode(episode: core.SessionEpisode): void {
    this.check();
    const current = this.sql.currentEpisode.get(episode.sessionId);
    if (!current) throw new RangeError(`Session ${episode.sessionId} has no episode.`);
    this.sql.updateEpisode.run({ ...episodeColumns(episode), pk: current.pk });
  }

  episodesOf(liveChatId: core.Id): Iterable<core.SessionEpisode> {
    this.check();
    return this.sql.episodesOf.all(liveChatId).map(episodeFromRow);
  }

  // ── activity ─────────────────────────────────────────────────────────────────────────────

  appendActivity(userId: core.Id, entry: core.ActivityEntry): void {
    this.check();
    this.sql.appendActivity.run(userId, JSON.stringify(entry));
    this.sql.trimActivity.run(userId, userId, this.settings.activityPerUser);
  }

  recentActivity(userId: core.Id, limit: number): core.ActivityEntry[] {
    this.check();
    return this.sql.recentActivity
      .all(userId, limit)
      .map((entry) => JSON.parse(entry) as core.ActivityEntry);
  }

  // ── event log ────────────────────────────────────────────────────────────────────────────

  appendEvent(userId: core.Id, input: engine.EventInput): core.ServerEvent {
    this.check();
    const event = this.eventLog.append(userId, input, this.bodies);
    const oldest = this.trimmedOldestSeq(event.seq, this.eventLog.oldestSeq(userId));
    if (oldest !== undefined) this.eventLog.drop(userId, oldest);
    return event;
  }

  lastSeq(userId: core.Id): number {
    this.check();
    return this.eventLog.lastSeq(userId);
  }

  readEvents(userId: core.Id, sinceSeq: number): engine.EventLogRead {
    this.check();
    return this.eventLog.read(userId, sinceSeq);
  }

  // ── idempotency ──────────────────────────────────────────────────────────────────────────

  commandRecord(userId: core.Id, commandId: string): engine.CommandRecord | undefined {
    this.check();
    const row = this.sql.commandResult.get(userId, commandId);
    if (!row) return undefined;
    return {
      userId,
      commandId,
      at: row.at,
      result: JSON.parse(row.result) as engine.CommandRecord['result'],
    };
  }

  putCommandRecord(record: engine.CommandRecord): void {
    this.check();
    this.sql.putCommandResult.run(
      record.userId,
      record.commandId,
      record.at,
      JSON.stringify(record.result),
    );
    // Forget what no client retries any more (an index range: free when there is nothing).
    this.sql.dropCommandResultsBefore.run(record.at - this.settings.commandResultMaxAgeMs);
  }

  // ── search hooks (not yet part of the port) ──────────────────────────────────────────────

  /**
   * Sessions of the live chat whose name may contain `text` (case- and accent-insensitive), by
   * the full-text index, in the order of {@link sessionsOf}; every session of it when the text
   * is too short for the index. A superset of the matches: the engine's matching decides.
   */
  sessionsMatching(liveChatId: core.Id, text: string): core.Session[] {
    const { sessionsOf, sessionsMatching } = this.sql;
    return this.candidates(sessionsOf, sessionsMatching, sessionFromRow, liveChatId, text);
  }

  /**
   * Messages of the session whose text may contain `text`, newest first, by the full-text index;
   * every message of it when the text is too short for it. A superset of the matches.
   */
  messagesMatching(sessionId: core.Id, text: string): core.Message[] {
    const { messagesNewestFirst, messagesMatching } = this.sql;
    return this.candidates(messagesNewestFirst, messagesMatching, messageFromRow, sessionId, text);
  }

  /**
   * The rows of `id` that `matching` finds for `text` by the full-text index, or every row of
   * it (`every`) when the text is too short for the index.
   */
  private candidates<R, T>(
    every: Database.Statement<[core.Id], R>,
    matching: Database.Statement<[core.Id, string], R>,
    fromRow: (row: R) => T,
    id: core.Id,
    text: string,
  ): T[] {
    this.check();
    const match = matchExpression(text);
    const rows = match === undefined ? every.all(id) : matching.all(id, match);
    return rows.map(fromRow);
  }
}
