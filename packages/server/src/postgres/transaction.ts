/**
 * One transaction of a PostgreSQL store: the engine's asynchronous {@link StoreTransaction} over
 * one pooled connection between `BEGIN` and `COMMIT`. It is valid only while its transaction
 * runs; the store makes a new one for every run (a run may be repeated after a lost race).
 * Lists come back as arrays read whole.
 *
 * A write transaction runs at `READ COMMITTED` and locks every row it reads to change it, so
 * concurrent writes of the same records queue on row locks instead of failing:
 *
 * - a session (`session`, `latestSessionOf`, and `putSession` of one not read that way) is read
 *   `FOR NO KEY UPDATE`: the newest committed row, held until the transaction ends;
 * - a customer (`customer`, and `latestSessionOf` for its customer) too, so the writes of one
 *   customer (their messages, a new session with them, marking them added) run one after the
 *   other, and two of them never both find "no session yet" and both start one;
 * - each user's seq counter row, last (see {@link PostgresTransaction.flush}).
 *
 * Sessions read without a lock (a live chat's queue, its sessions) carry their row version
 * (`xmin`); when the transaction later locks one that changed meanwhile, what it decided from
 * the read may be stale (take-next choosing a session another operator just took), so it fails
 * as a serialization failure and the store runs it again.
 */
import type pg from 'pg';
import { cannedScopeKey } from '@live-chat/core';
import type * as core from '@live-chat/core';
import type * as engine from '@live-chat/core/engine';
import type { StoreSettings } from '../storage/retention.js';
import {
  chatsByCustomer,
  customerColumns,
  episodeColumns,
  episodeFromRow,
  eventFromRow,
  messageColumns,
  messageFromRow,
  presenceFromRow,
  presenceValues,
  PRESENCE_COLUMNS,
  sessionColumns,
  sessionFromRow,
  type EpisodeRow,
  type EventRow,
  type MessageRow,
  type PresenceRow,
  type SessionRow,
} from '../storage/rows.js';
import { foldForSearch, likeContains } from '../storage/search-text.js';
import { TransactionBase } from '../storage/transaction-base.js';
import { queueOperatorMessage } from '../channels/sql-channel-store.js';
import { postgresRunner } from './channel-store.js';

/** A message row with the columns only PostgreSQL has. */
type PgMessageRow = Omit<MessageRow, 'channel_delivery'> & {
  text_folded: string;
  channel_delivery: core.Message['channelDelivery'] | null;
};

function messageOf(row: PgMessageRow): core.Message {
  const { channel_delivery: delivery, ...columns } = row;
  const message = messageFromRow(columns as MessageRow);
  if (delivery) message.channelDelivery = delivery;
  return message;
}

/** `%…%` for `LIKE` of the folded `text`, with its pattern characters escaped. */
function containsPattern(text: string): string {
  return likeContains(foldForSearch(text.trim()));
}

const SESSION_FIELDS = [
  'id',
  'live_chat_id',
  'customer_id',
  'name',
  'channel',
  'status',
  'assignee_kind',
  'assignee_id',
  'first_message_at',
  'last_message_at',
  'last_message_preview',
  'last_message_order',
  'queued_at',
  'last_operator_id',
  'bindings',
  'tags',
  'urgent',
  'handover',
] as const;

const EPISODE_FIELDS = [
  'session_id',
  'live_chat_id',
  'origin',
  'started_at',
  'taken_at',
  'taken_by',
  'first_response_at',
  'first_responder_id',
  'closed_at',
  'closed_by',
] as const;

const placeholders = (count: number, from = 1) =>
  Array.from({ length: count }, (_, index) => `$${index + from}`).join(', ');

/** A session row with its row version (`xmin`, as text). */
type VersionedSessionRow = SessionRow & { version: string };

/** What a write transaction knows of a session row it holds locked (what `putSession` needs). */
type HeldSession = Pick<SessionRow, 'status' | 'queued_at' | 'live_chat_id'>;

/**
 * What a write transaction read once about a session it holds locked, for the unread counts of
 * its fan-out: the read markers of every member of its live chat, and how many customer
 * messages lie above an order. No other write changes them while the session is held, and this
 * transaction keeps them up to date with its own changes.
 */
interface UnreadFacts {
  /** Read markers by user (0: none). */
  markers: Map<core.Id, number>;
  /** How many customer messages have an order above the key. */
  counts: Map<number, number>;
}

/** Every session column, and the row version. */
const SELECT_SESSIONS = 'SELECT *, xmin::text AS version FROM sessions';

/**
 * A write transaction locked a session it had read before without a lock, and the row had
 * changed in between: what it decided from the first read may be stale. A serialization failure
 * (SQLSTATE `40001`): the store runs the transaction again.
 */
export class StaleSessionError extends Error {
  override readonly name = 'StaleSessionError';
  /** The SQLSTATE of a serialization failure. */
  readonly code = '40001';

  /** The session `sessionId` changed after this transaction read it. */
  constructor(readonly sessionId: core.Id) {
    super(`Session ${sessionId} changed after this transaction read it.`);
  }
}

/** An event appended in this transaction: its user, its JSON, and the object its seq goes in. */
interface PendingEvent {
  userId: core.Id;
  json: string;
  event: { seq: number };
}

/**
 * The engine's view of the records inside one PostgreSQL transaction. Besides the port it offers
 * the search hooks and {@link allSessions}. Appended events are numbered and stored by
 * {@link flush} when the work is done, and it remembers the last seq it gave each user, which
 * the store announces with `NOTIFY` before it commits.
 */
export class PostgresTransaction
  extends TransactionBase
  implements engine.StoreTransaction<'async'>
{
  /** The last seq appended per user in this transaction (once {@link flush}ed). */
  readonly appended = new Map<core.Id, number>();
  /** Events appended since the last {@link flush}, in the order they were appended. */
  private pending: PendingEvent[] = [];
  /** Users whose activity stream grew since the last {@link flush}. */
  private readonly activityGrown = new Set<core.Id>();
  /** Sessions this write transaction holds locked (or created), as it last wrote or read them. */
  private readonly heldSessions = new Map<core.Id, HeldSession>();
  /** Sessions this write transaction read without a lock, and the row version it read first. */
  private readonly seenSessions = new Map<core.Id, string>();
  /** Customers whose row this write transaction holds locked. */
  private readonly heldCustomers = new Set<core.Id>();
  /** Session ids this transaction generated: no row has them yet. */
  private readonly newSessionIds = new Set<core.Id>();
  /** The unread facts of held sessions (see {@link UnreadFacts}). */
  private readonly unreadFacts = new Map<core.Id, UnreadFacts>();

  /** A transaction on `client` (the store makes one per run of a transaction). */
  constructor(
    private readonly client: pg.ClientBase,
    settings: StoreSettings,
    private readonly directory: engine.DirectoryView,
    private readonly readOnly: boolean,
  ) {
    super(settings);
  }

  protected directoryView(): engine.DirectoryView {
    return this.directory;
  }

  private async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
    this.check();
    return this.client.query<R>(text, values);
  }

  private async rows<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
    return (await this.query<R>(text, values)).rows;
  }

  private async first<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
    return (await this.query<R>(text, values)).rows[0];
  }

  // ── ids ──────────────────────────────────────────────────────────────────────────────────

  async newId(kind: engine.IdKind): Promise<core.Id> {
    const row = await this.first<{ n: number }>(`SELECT nextval('record_ids') AS n`);
    const id = this.idOf(kind, row!.n);
    if (kind === 'session') this.newSessionIds.add(id);
    return id;
  }

  /** ` FOR NO KEY UPDATE` in a write transaction (see the module comment), else nothing. */
  private get lock(): string {
    return this.readOnly ? '' : ' FOR NO KEY UPDATE';
  }

  // ── customers ────────────────────────────────────────────────────────────────────────────

  /** A customer; in a write transaction its row is locked until the transaction ends. */
  async customer(customerId: core.Id): Promise<core.Customer | undefined> {
    const row = await this.first<{ data: core.Customer }>(
      `SELECT data FROM customers WHERE id = $1${this.lock}`,
      [customerId],
    );
    if (row && !this.readOnly) this.heldCustomers.add(customerId);
    return row?.data;
  }

  async customers(): Promise<core.Customer[]> {
    const rows = await this.rows<{ data: core.Customer }>('SELECT data FROM customers ORDER BY pk');
    return rows.map((row) => row.data);
  }

  /** The customers of these ids that exist, in one query; rows are not locked (reads only). */
  async customersWithIds(customerIds: readonly core.Id[]): Promise<core.Customer[]> {
    const rows = await this.rows<{ data: core.Customer }>(
      'SELECT data FROM customers WHERE id = ANY($1::text[])',
      [customerIds],
    );
    return rows.map((row) => row.data);
  }

  async putCustomer(customer: core.Customer): Promise<void> {
    const row = customerColumns(customer);
    await this.query(
      `INSERT INTO customers (id, kind, name, data, name_lower, account_lower)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
         data = excluded.data, name_lower = excluded.name_lower,
         account_lower = excluded.account_lower`,
      [row.id, row.kind, row.name, row.data, row.name_lower, row.account_lower],
    );
  }

  /**
   * A page of the customers whose lower-cased name or account contains `needle`, in the order
   * they were added, after the customer `after` (see the port). Trigram indexes serve the `LIKE`
   * where `pg_trgm` is available (migration 8). Rows are not locked: a search changes nothing.
   */
  async customersMatching(
    needle: string,
    after: core.Id | undefined,
    limit: number,
  ): Promise<core.Customer[]> {
    const where = `(name_lower LIKE $1 OR account_lower LIKE $1)`;
    const rows =
      after === undefined
        ? await this.rows<{ data: core.Customer }>(
            `SELECT data FROM customers WHERE ${where} ORDER BY pk LIMIT $2`,
            [likeContains(needle), limit],
          )
        : await this.rows<{ data: core.Customer }>(
            `SELECT data FROM customers
              WHERE pk > (SELECT pk FROM customers WHERE id = $3) AND ${where}
              ORDER BY pk LIMIT $2`,
            [likeContains(needle), limit, after],
          );
    return rows.map((row) => row.data);
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────

  /**
   * The first session row `sql` selects, locked in a write transaction (see the module comment):
   * a session read before without a lock whose row changed since fails the transaction.
   */
  private async lockedSession(sql: string, values: unknown[]): Promise<core.Session | undefined> {
    const row = await this.first<VersionedSessionRow>(`${sql}${this.lock}`, values);
    if (!row) return undefined;
    if (!this.readOnly) {
      const seen = this.seenSessions.get(row.id);
      if (seen !== undefined && seen !== row.version) throw new StaleSessionError(row.id);
      this.seenSessions.delete(row.id);
      const { status, queued_at, live_chat_id } = row;
      this.heldSessions.set(row.id, { status, queued_at, live_chat_id });
    }
    return sessionFromRow(row);
  }

  /** Sessions read without a lock; a write transaction notes the row versions it read. */
  private async unlockedSessions(sql: string, values: unknown[]): Promise<core.Session[]> {
    const rows = await this.rows<VersionedSessionRow>(sql, values);
    if (!this.readOnly) {
      for (const row of rows) {
        if (!this.heldSessions.has(row.id) && !this.seenSessions.has(row.id)) {
          this.seenSessions.set(row.id, row.version);
        }
      }
    }
    return rows.map(sessionFromRow);
  }

  /** A session; in a write transaction its row is locked until the transaction ends. */
  async session(sessionId: core.Id): Promise<core.Session | undefined> {
    return this.lockedSession(`${SELECT_SESSIONS} WHERE id = $1`, [sessionId]);
  }

  async putSession(session: core.Session): Promise<void> {
    // A session not read through `session` or `latestSessionOf` is locked (and checked) now.
    if (!this.heldSessions.has(session.id) && !this.newSessionIds.has(session.id)) {
      await this.lockedSession(`${SELECT_SESSIONS} WHERE id = $1`, [session.id]);
    }
    const previous = this.heldSessions.get(session.id);
    const columns = sessionColumns(session);
    const values: unknown[] = SESSION_FIELDS.map((field) => columns[field]);
    values.push(foldForSearch(session.name));
    // Entering the queue (again, or at a new time) puts the session behind everyone queued so far.
    let queueEntry: string;
    if (session.status !== 'queued') queueEntry = 'NULL';
    else if (previous?.status !== 'queued' || previous.queued_at !== session.queuedAt) {
      queueEntry = `nextval('queue_entries')`;
    } else {
      queueEntry = 'queue_entry';
    }
    if (!previous) {
      await this.query(
        `INSERT INTO sessions (${SESSION_FIELDS.join(', ')}, name_folded, queue_entry)
         VALUES (${placeholders(values.length)}, ${queueEntry === 'queue_entry' ? 'NULL' : queueEntry})`,
        values,
      );
    } else {
      const sets = SESSION_FIELDS.map((field, index) => `${field} = $${index + 1}`);
      sets.push(`name_folded = $${SESSION_FIELDS.length + 1}`, `queue_entry = ${queueEntry}`);
      await this.query(`UPDATE sessions SET ${sets.join(', ')} WHERE id = $1`, values);
    }
    this.newSessionIds.delete(session.id);
    this.heldSessions.set(session.id, {
      status: session.status,
      queued_at: session.queuedAt,
      live_chat_id: session.liveChatId,
    });
  }

  async sessionsOf(liveChatId: core.Id): Promise<core.Session[]> {
    return this.unlockedSessions(`${SELECT_SESSIONS} WHERE live_chat_id = $1 ORDER BY pk`, [
      liveChatId,
    ]);
  }

  /** Every session, in the order they were created. */
  async allSessions(): Promise<core.Session[]> {
    return this.unlockedSessions(`${SELECT_SESSIONS} ORDER BY pk`, []);
  }

  async queuedOf(liveChatId: core.Id): Promise<core.Session[]> {
    return this.unlockedSessions(
      `${SELECT_SESSIONS} WHERE live_chat_id = $1 AND status = 'queued'
       ORDER BY urgent DESC, queued_at, queue_entry`,
      [liveChatId],
    );
  }

  /**
   * The customer's newest session in the live chat. A write transaction locks the customer first
   * (no other write of theirs adds a session meanwhile), then the session.
   */
  async latestSessionOf(
    customerId: core.Id,
    liveChatId: core.Id,
  ): Promise<core.Session | undefined> {
    if (!this.readOnly && !this.heldCustomers.has(customerId)) await this.customer(customerId);
    return this.lockedSession(
      `${SELECT_SESSIONS} WHERE customer_id = $1 AND live_chat_id = $2 ORDER BY pk DESC LIMIT 1`,
      [customerId, liveChatId],
    );
  }

  /**
   * For each customer with a session, the live chats they have one in, in one query (served by
   * the index `sessions_by_customer`); rows are not locked (reads only).
   */
  async liveChatsOfCustomers(customerIds: readonly core.Id[]): Promise<Map<core.Id, core.Id[]>> {
    return chatsByCustomer(
      await this.rows<{ customer_id: core.Id; live_chat_id: core.Id }>(
        `SELECT DISTINCT customer_id, live_chat_id FROM sessions WHERE customer_id = ANY($1::text[])`,
        [customerIds],
      ),
    );
  }

  // ── messages ─────────────────────────────────────────────────────────────────────────────

  async appendMessage(message: core.Message): Promise<void> {
    const c = messageColumns(message);
    await this.query(
      `INSERT INTO messages (id, session_id, ord, client_message_id, author_kind, author_id,
         text, text_folded, channel, sent_at, channel_delivery, internal, mentions, attachments)
       VALUES (${placeholders(14)})`,
      [
        c.id,
        c.session_id,
        c.ord,
        c.client_message_id,
        c.author_kind,
        c.author_id,
        c.text,
        foldForSearch(message.text),
        c.channel,
        c.sent_at,
        message.channelDelivery ? JSON.stringify(message.channelDelivery) : null,
        c.internal,
        c.mentions,
        c.attachments,
      ],
    );
    // It is above every order of its session: a customer's counts after each order grow.
    const counts = this.unreadFacts.get(message.sessionId)?.counts;
    if (counts && message.author.kind === 'customer') {
      for (const [order, count] of counts) counts.set(order, count + 1);
    }
    // Queued in this transaction: the message and its delivery commit together. A staff note
    // never goes to the customer.
    if (message.author.kind === 'operator' && !message.internal) {
      const operator = this.user(message.author.userId);
      await queueOperatorMessage(postgresRunner(this.client), message, operator);
    }
  }

  /** Replaces a stored message's delivery state (the only field that changes). */
  async updateMessage(message: core.Message): Promise<void> {
    await this.query('UPDATE messages SET channel_delivery = $2 WHERE id = $1', [
      message.id,
      message.channelDelivery ? JSON.stringify(message.channelDelivery) : null,
    ]);
  }

  async message(messageId: core.Id): Promise<core.Message | undefined> {
    const row = await this.first<PgMessageRow>('SELECT * FROM messages WHERE id = $1', [messageId]);
    return row && messageOf(row);
  }

  async messageByClientId(
    sessionId: core.Id,
    clientMessageId: string,
  ): Promise<core.Message | undefined> {
    const row = await this.first<PgMessageRow>(
      'SELECT * FROM messages WHERE session_id = $1 AND client_message_id = $2',
      [sessionId, clientMessageId],
    );
    return row && messageOf(row);
  }

  async messagesOf(sessionId: core.Id): Promise<core.Message[]> {
    const rows = await this.rows<PgMessageRow>(
      'SELECT * FROM messages WHERE session_id = $1 ORDER BY ord',
      [sessionId],
    );
    return rows.map(messageOf);
  }

  async liveChatMessages(liveChatId: core.Id): Promise<core.Message[]> {
    const rows = await this.rows<PgMessageRow>(
      `SELECT m.* FROM sessions s JOIN messages m ON m.session_id = s.id
       WHERE s.live_chat_id = $1 ORDER BY s.pk, m.ord`,
      [liveChatId],
    );
    return rows.map(messageOf);
  }

  async messagePage(
    sessionId: core.Id,
    beforeOrder: number | undefined,
    limit: number,
  ): Promise<engine.StoredMessagePage> {
    // One more than asked: whether it exists says whether older messages do.
    const rows = await this.rows<PgMessageRow>(
      `SELECT * FROM messages WHERE session_id = $1 AND ord < $2 ORDER BY ord DESC LIMIT $3`,
      [sessionId, beforeOrder ?? Number.MAX_SAFE_INTEGER, limit + 1],
    );
    const hasMore = rows.length > limit;
    return { messages: rows.slice(0, limit).reverse().map(messageOf), hasMore };
  }

  async customerMessagesAfter(sessionId: core.Id, order: number): Promise<number> {
    const counts = this.unreadFacts.get(sessionId)?.counts;
    const known = counts?.get(order);
    if (known !== undefined) return known;
    const row = await this.first<{ n: number }>(
      `SELECT count(*) AS n FROM messages
       WHERE session_id = $1 AND author_kind = 'customer' AND ord > $2`,
      [sessionId, order],
    );
    counts?.set(order, row!.n);
    return row!.n;
  }

  // ── read markers ─────────────────────────────────────────────────────────────────────────

  /**
   * The unread facts of a session this write transaction holds, read in one statement for every
   * member of its live chat the first time; `undefined` for a session it does not hold.
   */
  private async unreadFactsOf(sessionId: core.Id): Promise<UnreadFacts | undefined> {
    const held = this.heldSessions.get(sessionId);
    if (!held) return undefined;
    let facts = this.unreadFacts.get(sessionId);
    if (!facts) {
      const chat = this.directory.liveChat(held.live_chat_id);
      const members = chat ? [...new Set([...chat.operatorIds, ...chat.supervisorIds])] : [];
      const rows = await this.rows<{ user_id: core.Id; ord: number; after: number }>(
        `SELECT u.user_id, coalesce(r.ord, 0) AS ord,
           (SELECT count(*) FROM messages m WHERE m.session_id = $1
              AND m.author_kind = 'customer' AND m.ord > coalesce(r.ord, 0)) AS after
         FROM unnest($2::text[]) AS u (user_id)
         LEFT JOIN read_markers r ON r.session_id = $1 AND r.user_id = u.user_id`,
        [sessionId, members],
      );
      facts = { markers: new Map(), counts: new Map() };
      for (const row of rows) {
        facts.markers.set(row.user_id, row.ord);
        facts.counts.set(row.ord, row.after);
      }
      this.unreadFacts.set(sessionId, facts);
    }
    return facts;
  }

  async cannedReply(replyId: core.Id): Promise<core.CannedReply | undefined> {
    const row = await this.first<{ data: string }>(
      'SELECT data FROM canned_replies WHERE id = $1',
      [replyId],
    );
    return row && (JSON.parse(row.data) as core.CannedReply);
  }

  async cannedRepliesOf(scopeKey: string): Promise<core.CannedReply[]> {
    const rows = await this.rows<{ data: string }>(
      'SELECT data FROM canned_replies WHERE scope_key = $1 ORDER BY pk',
      [scopeKey],
    );
    return rows.map((row) => JSON.parse(row.data) as core.CannedReply);
  }

  async putCannedReply(reply: core.CannedReply): Promise<void> {
    await this.query(
      `INSERT INTO canned_replies (id, scope_key, data) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET scope_key = excluded.scope_key, data = excluded.data`,
      [reply.id, cannedScopeKey(reply.scope), JSON.stringify(reply)],
    );
  }

  async deleteCannedReply(replyId: core.Id): Promise<void> {
    await this.query('DELETE FROM canned_replies WHERE id = $1', [replyId]);
  }

  async presence(userId: core.Id): Promise<core.Presence | undefined> {
    const row = await this.first<PresenceRow>('SELECT * FROM presence WHERE user_id = $1', [
      userId,
    ]);
    return row && presenceFromRow(row);
  }

  async putPresence(presence: core.Presence): Promise<void> {
    await this.query(
      `INSERT INTO presence (${PRESENCE_COLUMNS}) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET
         status = excluded.status, since = excluded.since, auto = excluded.auto`,
      presenceValues(presence),
    );
  }

  async readMarker(userId: core.Id, sessionId: core.Id): Promise<number> {
    const markers = (await this.unreadFactsOf(sessionId))?.markers;
    const known = markers?.get(userId);
    if (known !== undefined) return known;
    const row = await this.first<{ ord: number }>(
      'SELECT ord FROM read_markers WHERE user_id = $1 AND session_id = $2',
      [userId, sessionId],
    );
    markers?.set(userId, row?.ord ?? 0);
    return row?.ord ?? 0;
  }

  async setReadMarker(userId: core.Id, sessionId: core.Id, order: number): Promise<void> {
    await this.query(
      `INSERT INTO read_markers (user_id, session_id, ord) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, session_id) DO UPDATE SET ord = excluded.ord`,
      [userId, sessionId, order],
    );
    this.unreadFacts.get(sessionId)?.markers.set(userId, order);
  }

  // ── episodes ─────────────────────────────────────────────────────────────────────────────

  async currentEpisode(sessionId: core.Id): Promise<core.SessionEpisode | undefined> {
    const row = await this.first<EpisodeRow>(
      'SELECT * FROM episodes WHERE session_id = $1 ORDER BY pk DESC LIMIT 1',
      [sessionId],
    );
    return row && episodeFromRow(row);
  }

  async addEpisode(episode: core.SessionEpisode): Promise<void> {
    const columns = episodeColumns(episode);
    await this.query(
      `INSERT INTO episodes (${EPISODE_FIELDS.join(', ')}) VALUES (${placeholders(EPISODE_FIELDS.length)})`,
      EPISODE_FIELDS.map((field) => columns[field]),
    );
  }

  async updateEpisode(episode: core.SessionEpisode): Promise<void> {
    const columns = episodeColumns(episode);
    const sets = EPISODE_FIELDS.map((field, index) => `${field} = $${index + 1}`).join(', ');
    const result = await this.query(
      `UPDATE episodes SET ${sets} WHERE pk = (
         SELECT pk FROM episodes WHERE session_id = $1 ORDER BY pk DESC LIMIT 1)`,
      EPISODE_FIELDS.map((field) => columns[field]),
    );
    if (result.rowCount === 0) throw new RangeError(`Session ${episode.sessionId} has no episode.`);
  }

  async episodesOf(liveChatId: core.Id): Promise<core.SessionEpisode[]> {
    const rows = await this.rows<EpisodeRow>(
      'SELECT * FROM episodes WHERE live_chat_id = $1 ORDER BY pk',
      [liveChatId],
    );
    return rows.map(episodeFromRow);
  }

  // ── activity ─────────────────────────────────────────────────────────────────────────────

  /** Adds the entry; the stream is trimmed to its bound by {@link flush}. */
  async appendActivity(userId: core.Id, entry: core.ActivityEntry): Promise<void> {
    await this.query('INSERT INTO activity (user_id, entry) VALUES ($1, $2)', [
      userId,
      JSON.stringify(entry),
    ]);
    this.activityGrown.add(userId);
  }

  async recentActivity(userId: core.Id, limit: number): Promise<core.ActivityEntry[]> {
    // Never beyond the bound, also before this transaction's trim.
    const rows = await this.rows<{ entry: core.ActivityEntry }>(
      'SELECT entry FROM activity WHERE user_id = $1 ORDER BY pk DESC LIMIT $2',
      [userId, Math.min(limit, this.settings.activityPerUser)],
    );
    return rows.map((row) => row.entry);
  }

  // ── event log ────────────────────────────────────────────────────────────────────────────

  /**
   * Appends the event to the user's log. Its seq is given by {@link flush} when the work is
   * done (the engine reads seqs only once the transaction committed), and until then the
   * returned event's `seq` is 0.
   */
  async appendEvent(userId: core.Id, input: engine.EventInput): Promise<core.ServerEvent> {
    this.check();
    // The new field first: `{ ...input, seq }` would give each event a hidden class of its own.
    const event = { seq: 0, ...input } as core.ServerEvent;
    this.pending.push({ userId, json: JSON.stringify(input), event });
    return event;
  }

  /**
   * Stores what this transaction left for its end; the store calls it when the work is done,
   * before `COMMIT`. One statement advances the seq counter row of every user whose log got
   * events, in order of their ids, and stores the events numbered from it. Advancing a row locks
   * it until the transaction ends: a concurrent write for the same user waits there, then
   * continues from the new counter, so seqs are gap-free and each user's events commit in seq
   * order (the write holding a user's counter commits before the next one can take it). Every
   * write takes the counter rows last and in one order, so two writes never wait on each other
   * in a cycle (a deadlock). Then the logs and activity streams that outgrew their bounds are
   * trimmed, again in order of user ids.
   */
  async flush(): Promise<void> {
    await this.flushEvents();
    for (const userId of [...this.activityGrown].sort()) {
      await this.query(
        `DELETE FROM activity WHERE user_id = $1 AND pk <= (
           SELECT pk FROM activity WHERE user_id = $1 ORDER BY pk DESC LIMIT 1 OFFSET $2)`,
        [userId, this.settings.activityPerUser],
      );
    }
    this.activityGrown.clear();
  }

  /** Numbers and stores the events appended since the last flush (see {@link flush}). */
  private async flushEvents(): Promise<void> {
    if (this.pending.length === 0) return;
    const stored = this.pending;
    this.pending = [];
    const streams = await this.rows<{ user_id: core.Id; last_seq: number; oldest_seq: number }>(
      // Counter rows in the order of user ids by code units (`COLLATE "C"`), on every instance.
      `WITH appended AS (
         SELECT user_id, event, count(*) OVER (PARTITION BY user_id) AS count,
           row_number() OVER (PARTITION BY user_id ORDER BY n) AS nth
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS e (user_id, event, n)),
       streams AS (
         INSERT INTO event_streams AS s (user_id, last_seq, oldest_seq)
         SELECT user_id, count(*), 1 FROM unnest($1::text[]) AS e (user_id)
         GROUP BY user_id ORDER BY user_id COLLATE "C"
         ON CONFLICT (user_id) DO UPDATE SET last_seq = s.last_seq + excluded.last_seq
         RETURNING user_id, last_seq, oldest_seq),
       numbered AS (
         INSERT INTO events (user_id, seq, at, event)
         SELECT a.user_id, s.last_seq - a.count + a.nth, $3, a.event
         FROM appended a JOIN streams s ON s.user_id = a.user_id)
       SELECT user_id, last_seq, oldest_seq FROM streams`,
      [
        stored.map((pending) => pending.userId),
        stored.map((pending) => pending.json),
        this.settings.now(),
      ],
    );
    const byUser = new Map<core.Id, PendingEvent[]>();
    for (const pending of stored) {
      const events = byUser.get(pending.userId);
      if (events) events.push(pending);
      else byUser.set(pending.userId, [pending]);
    }
    const counters = new Map(streams.map((stream) => [stream.user_id, stream]));
    // Sorted by code units: the order the counter rows were taken in.
    for (const userId of [...byUser.keys()].sort()) {
      const { last_seq: last, oldest_seq: oldestSeq } = counters.get(userId)!;
      // The statement's numbering: each user's events in the order they were appended.
      const events = byUser.get(userId)!;
      events.forEach((pending, index) => {
        pending.event.seq = last - events.length + index + 1;
      });
      this.appended.set(userId, last);
      const oldest = this.trimmedOldestSeq(last, oldestSeq);
      if (oldest === undefined) continue;
      await this.query(
        `WITH moved AS (UPDATE event_streams SET oldest_seq = $2 WHERE user_id = $1)
         DELETE FROM events WHERE user_id = $1 AND seq < $2`,
        [userId, oldest],
      );
    }
  }

  /**
   * The user's last seq, counting the events this transaction appended so far (flushed first:
   * their counter rows are then locked early, which the engine's writes never need).
   */
  async lastSeq(userId: core.Id): Promise<number> {
    await this.flushEvents();
    const row = await this.first<{ last_seq: number }>(
      'SELECT last_seq FROM event_streams WHERE user_id = $1',
      [userId],
    );
    return row?.last_seq ?? 0;
  }

  /** The user's log, with the events this transaction appended so far. */
  async readEvents(userId: core.Id, sinceSeq: number): Promise<engine.EventLogRead> {
    await this.flushEvents();
    const stream = (await this.first<{ last_seq: number; oldest_seq: number }>(
      'SELECT last_seq, oldest_seq FROM event_streams WHERE user_id = $1',
      [userId],
    )) ?? { last_seq: 0, oldest_seq: 1 };
    const inRange = sinceSeq >= stream.oldest_seq - 1 && sinceSeq <= stream.last_seq;
    const events = inRange
      ? (
          await this.rows<EventRow>(
            'SELECT seq, event FROM events WHERE user_id = $1 AND seq > $2 ORDER BY seq',
            [userId, sinceSeq],
          )
        ).map(eventFromRow)
      : [];
    return { lastSeq: stream.last_seq, oldestSeq: stream.oldest_seq, events };
  }

  /** Sets a user's stream position (importing a saved memory backend's seqs). */
  async setStream(userId: core.Id, lastSeq: number): Promise<void> {
    await this.query(
      `INSERT INTO event_streams (user_id, last_seq, oldest_seq) VALUES ($1, $2, $2 + 1)
       ON CONFLICT (user_id) DO UPDATE SET last_seq = excluded.last_seq,
         oldest_seq = excluded.oldest_seq`,
      [userId, lastSeq],
    );
  }

  // ── idempotency ──────────────────────────────────────────────────────────────────────────

  async commandRecord(
    userId: core.Id,
    commandId: string,
  ): Promise<engine.CommandRecord | undefined> {
    const row = await this.first<{ at: number; result: engine.CommandRecord['result'] }>(
      'SELECT at, result FROM command_results WHERE user_id = $1 AND command_id = $2',
      [userId, commandId],
    );
    return row && { userId, commandId, at: row.at, result: row.result };
  }

  /**
   * Stores a command's outcome. A plain `INSERT`: when another instance stored the same
   * `(userId, commandId)` meanwhile, it waits for that transaction to end and then fails (a
   * unique violation), the transaction runs again, and the engine then answers with the first
   * result.
   */
  async putCommandRecord(record: engine.CommandRecord): Promise<void> {
    await this.query(
      'INSERT INTO command_results (user_id, command_id, at, result) VALUES ($1, $2, $3, $4)',
      [record.userId, record.commandId, record.at, JSON.stringify(record.result)],
    );
  }

  // ── search hooks ─────────────────────────────────────────────────────────────────────────

  /**
   * Sessions of the live chat whose folded name contains the folded `text` (a trigram index
   * serves the `LIKE` where `pg_trgm` is available). The engine matches again.
   */
  async sessionsMatching(liveChatId: core.Id, text: string): Promise<core.Session[]> {
    return this.unlockedSessions(
      `${SELECT_SESSIONS} WHERE live_chat_id = $1 AND name_folded LIKE $2 ORDER BY pk`,
      [liveChatId, containsPattern(text)],
    );
  }

  /** Messages of the session whose folded text contains the folded `text`, newest first. */
  async messagesMatching(sessionId: core.Id, text: string): Promise<core.Message[]> {
    const rows = await this.rows<PgMessageRow>(
      `SELECT * FROM messages WHERE session_id = $1 AND text_folded LIKE $2 ORDER BY ord DESC`,
      [sessionId, containsPattern(text)],
    );
    return rows.map(messageOf);
  }

  // ── seeding ──────────────────────────────────────────────────────────────────────────────

  /** The connection, for directory writes of the same transaction (seeding). */
  get connection(): pg.ClientBase {
    return this.client;
  }
}
