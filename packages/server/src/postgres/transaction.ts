/**
 * One transaction of a PostgreSQL store: the engine's asynchronous {@link StoreTransaction} over
 * one pooled connection between `BEGIN` and `COMMIT`. It is valid only while its transaction
 * runs; the store makes a new one for every run (a run may be repeated after a serialization
 * failure). Lists come back as arrays read whole.
 */
import type pg from 'pg';
import type {
  ActivityEntry,
  Customer,
  Id,
  Message,
  ServerEvent,
  Session,
  SessionEpisode,
} from '@live-chat/core';
import type {
  CommandRecord,
  DirectoryView,
  EventInput,
  EventLogRead,
  IdKind,
  StoredMessagePage,
  StoreTransaction,
} from '@live-chat/core/engine';
import type { StoreSettings } from '../storage/retention.js';
import {
  episodeColumns,
  episodeFromRow,
  eventFromRow,
  messageColumns,
  messageFromRow,
  sessionColumns,
  sessionFromRow,
  type EpisodeRow,
  type EventRow,
  type MessageRow,
  type SessionRow,
} from '../storage/rows.js';
import { foldForSearch } from '../storage/search-text.js';
import { TransactionBase } from '../storage/transaction-base.js';
import { queueOperatorMessage } from '../channels/sql-channel-store.js';
import { postgresRunner } from './channel-store.js';

/** A message row with the columns only PostgreSQL has. */
type PgMessageRow = Omit<MessageRow, 'channel_delivery'> & {
  text_folded: string;
  channel_delivery: Message['channelDelivery'] | null;
};

function messageOf(row: PgMessageRow): Message {
  const { channel_delivery: delivery, ...columns } = row;
  const message = messageFromRow(columns as MessageRow);
  if (delivery) message.channelDelivery = delivery;
  return message;
}

/** `%…%` for `LIKE`, with the pattern characters of `text` escaped. */
function containsPattern(text: string): string {
  return `%${foldForSearch(text.trim()).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
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

/** An event appended in this transaction: its user, its JSON, and the object its seq goes in. */
interface PendingEvent {
  userId: Id;
  json: string;
  event: { seq: number };
}

/**
 * The engine's view of the records inside one PostgreSQL transaction. Besides the port it offers
 * the search hooks and {@link allSessions}. Appended events are numbered and stored by
 * {@link flush} when the work is done, and it remembers the last seq it gave each user, which
 * the store announces with `NOTIFY` before it commits.
 */
export class PostgresTransaction extends TransactionBase implements StoreTransaction<'async'> {
  /** The last seq appended per user in this transaction (once {@link flush}ed). */
  readonly appended = new Map<Id, number>();
  /** Events appended since the last {@link flush}, in the order they were appended. */
  private pending: PendingEvent[] = [];
  /** Users whose activity stream grew since the last {@link flush}. */
  private readonly activityGrown = new Set<Id>();

  /** A transaction on `client` (the store makes one per run of a transaction). */
  constructor(
    private readonly client: pg.ClientBase,
    settings: StoreSettings,
    private readonly directory: DirectoryView,
    private readonly readOnly: boolean,
  ) {
    super(settings);
  }

  protected directoryView(): DirectoryView {
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

  async newId(kind: IdKind): Promise<Id> {
    const row = await this.first<{ n: number }>(`SELECT nextval('record_ids') AS n`);
    return this.idOf(kind, row!.n);
  }

  // ── customers ────────────────────────────────────────────────────────────────────────────

  async customer(customerId: Id): Promise<Customer | undefined> {
    const row = await this.first<{ data: Customer }>('SELECT data FROM customers WHERE id = $1', [
      customerId,
    ]);
    return row?.data;
  }

  async customers(): Promise<Customer[]> {
    const rows = await this.rows<{ data: Customer }>('SELECT data FROM customers ORDER BY pk');
    return rows.map((row) => row.data);
  }

  async putCustomer(customer: Customer): Promise<void> {
    await this.query(
      `INSERT INTO customers (id, kind, name, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, data = excluded.data`,
      [customer.id, customer.kind, customer.name, JSON.stringify(customer)],
    );
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────

  /** A session; in a write transaction its row is locked until the transaction ends. */
  async session(sessionId: Id): Promise<Session | undefined> {
    const lock = this.readOnly ? '' : ' FOR UPDATE';
    const row = await this.first<SessionRow>(`SELECT * FROM sessions WHERE id = $1${lock}`, [
      sessionId,
    ]);
    return row && sessionFromRow(row);
  }

  async putSession(session: Session): Promise<void> {
    const previous = await this.first<Pick<SessionRow, 'status' | 'queued_at' | 'queue_entry'>>(
      'SELECT status, queued_at, queue_entry FROM sessions WHERE id = $1',
      [session.id],
    );
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
      return;
    }
    const sets = SESSION_FIELDS.map((field, index) => `${field} = $${index + 1}`);
    sets.push(`name_folded = $${SESSION_FIELDS.length + 1}`, `queue_entry = ${queueEntry}`);
    await this.query(`UPDATE sessions SET ${sets.join(', ')} WHERE id = $1`, values);
  }

  async sessionsOf(liveChatId: Id): Promise<Session[]> {
    const rows = await this.rows<SessionRow>(
      'SELECT * FROM sessions WHERE live_chat_id = $1 ORDER BY pk',
      [liveChatId],
    );
    return rows.map(sessionFromRow);
  }

  /** Every session, in the order they were created. */
  async allSessions(): Promise<Session[]> {
    const rows = await this.rows<SessionRow>('SELECT * FROM sessions ORDER BY pk');
    return rows.map(sessionFromRow);
  }

  async queuedOf(liveChatId: Id): Promise<Session[]> {
    const rows = await this.rows<SessionRow>(
      `SELECT * FROM sessions WHERE live_chat_id = $1 AND status = 'queued'
       ORDER BY queued_at, queue_entry`,
      [liveChatId],
    );
    return rows.map(sessionFromRow);
  }

  async latestSessionOf(customerId: Id, liveChatId: Id): Promise<Session | undefined> {
    const row = await this.first<SessionRow>(
      `SELECT * FROM sessions WHERE customer_id = $1 AND live_chat_id = $2
       ORDER BY pk DESC LIMIT 1`,
      [customerId, liveChatId],
    );
    return row && sessionFromRow(row);
  }

  // ── messages ─────────────────────────────────────────────────────────────────────────────

  async appendMessage(message: Message): Promise<void> {
    const c = messageColumns(message);
    await this.query(
      `INSERT INTO messages (id, session_id, ord, client_message_id, author_kind, author_id,
         text, text_folded, channel, sent_at, channel_delivery)
       VALUES (${placeholders(11)})`,
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
      ],
    );
    // Queued in this transaction: the message and its delivery commit together.
    if (message.author.kind === 'operator') {
      const operator = this.user(message.author.userId);
      await queueOperatorMessage(postgresRunner(this.client), message, operator);
    }
  }

  /** Replaces a stored message's delivery state (the only field that changes). */
  async updateMessage(message: Message): Promise<void> {
    await this.query('UPDATE messages SET channel_delivery = $2 WHERE id = $1', [
      message.id,
      message.channelDelivery ? JSON.stringify(message.channelDelivery) : null,
    ]);
  }

  async message(messageId: Id): Promise<Message | undefined> {
    const row = await this.first<PgMessageRow>('SELECT * FROM messages WHERE id = $1', [messageId]);
    return row && messageOf(row);
  }

  async messageByClientId(sessionId: Id, clientMessageId: string): Promise<Message | undefined> {
    const row = await this.first<PgMessageRow>(
      'SELECT * FROM messages WHERE session_id = $1 AND client_message_id = $2',
      [sessionId, clientMessageId],
    );
    return row && messageOf(row);
  }

  async messagesOf(sessionId: Id): Promise<Message[]> {
    const rows = await this.rows<PgMessageRow>(
      'SELECT * FROM messages WHERE session_id = $1 ORDER BY ord',
      [sessionId],
    );
    return rows.map(messageOf);
  }

  async liveChatMessages(liveChatId: Id): Promise<Message[]> {
    const rows = await this.rows<PgMessageRow>(
      `SELECT m.* FROM sessions s JOIN messages m ON m.session_id = s.id
       WHERE s.live_chat_id = $1 ORDER BY s.pk, m.ord`,
      [liveChatId],
    );
    return rows.map(messageOf);
  }

  async messagePage(
    sessionId: Id,
    beforeOrder: number | undefined,
    limit: number,
  ): Promise<StoredMessagePage> {
    // One more than asked: whether it exists says whether older messages do.
    const rows = await this.rows<PgMessageRow>(
      `SELECT * FROM messages WHERE session_id = $1 AND ord < $2 ORDER BY ord DESC LIMIT $3`,
      [sessionId, beforeOrder ?? Number.MAX_SAFE_INTEGER, limit + 1],
    );
    const hasMore = rows.length > limit;
    return { messages: rows.slice(0, limit).reverse().map(messageOf), hasMore };
  }

  async customerMessagesAfter(sessionId: Id, order: number): Promise<number> {
    const row = await this.first<{ n: number }>(
      `SELECT count(*) AS n FROM messages
       WHERE session_id = $1 AND author_kind = 'customer' AND ord > $2`,
      [sessionId, order],
    );
    return row!.n;
  }

  // ── read markers ─────────────────────────────────────────────────────────────────────────

  async readMarker(userId: Id, sessionId: Id): Promise<number> {
    const row = await this.first<{ ord: number }>(
      'SELECT ord FROM read_markers WHERE user_id = $1 AND session_id = $2',
      [userId, sessionId],
    );
    return row?.ord ?? 0;
  }

  async setReadMarker(userId: Id, sessionId: Id, order: number): Promise<void> {
    await this.query(
      `INSERT INTO read_markers (user_id, session_id, ord) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, session_id) DO UPDATE SET ord = excluded.ord`,
      [userId, sessionId, order],
    );
  }

  // ── episodes ─────────────────────────────────────────────────────────────────────────────

  async currentEpisode(sessionId: Id): Promise<SessionEpisode | undefined> {
    const row = await this.first<EpisodeRow>(
      'SELECT * FROM episodes WHERE session_id = $1 ORDER BY pk DESC LIMIT 1',
      [sessionId],
    );
    return row && episodeFromRow(row);
  }

  async addEpisode(episode: SessionEpisode): Promise<void> {
    const columns = episodeColumns(episode);
    await this.query(
      `INSERT INTO episodes (${EPISODE_FIELDS.join(', ')}) VALUES (${placeholders(EPISODE_FIELDS.length)})`,
      EPISODE_FIELDS.map((field) => columns[field]),
    );
  }

  async updateEpisode(episode: SessionEpisode): Promise<void> {
    const columns = episodeColumns(episode);
    const sets = EPISODE_FIELDS.map((field, index) => `${field} = $${index + 1}`).join(', ');
    const result = await this.query(
      `UPDATE episodes SET ${sets} WHERE pk = (
         SELECT pk FROM episodes WHERE session_id = $1 ORDER BY pk DESC LIMIT 1)`,
      EPISODE_FIELDS.map((field) => columns[field]),
    );
    if (result.rowCount === 0) throw new RangeError(`Session ${episode.sessionId} has no episode.`);
  }

  async episodesOf(liveChatId: Id): Promise<SessionEpisode[]> {
    const rows = await this.rows<EpisodeRow>(
      'SELECT * FROM episodes WHERE live_chat_id = $1 ORDER BY pk',
      [liveChatId],
    );
    return rows.map(episodeFromRow);
  }

  // ── activity ─────────────────────────────────────────────────────────────────────────────

  /** Adds the entry; the stream is trimmed to its bound by {@link flush}. */
  async appendActivity(userId: Id, entry: ActivityEntry): Promise<void> {
    await this.query('INSERT INTO activity (user_id, entry) VALUES ($1, $2)', [
      userId,
      JSON.stringify(entry),
    ]);
    this.activityGrown.add(userId);
  }

  async recentActivity(userId: Id, limit: number): Promise<ActivityEntry[]> {
    // Never beyond the bound, also before this transaction's trim.
    const rows = await this.rows<{ entry: ActivityEntry }>(
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
  async appendEvent(userId: Id, input: EventInput): Promise<ServerEvent> {
    this.check();
    const event = { ...input, seq: 0 } as ServerEvent;
    this.pending.push({ userId, json: JSON.stringify(input), event });
    return event;
  }

  /**
   * Stores what this transaction left for its end; the store calls it when the work is done,
   * before `COMMIT`. The users whose logs got events go in order of their ids, the same order
   * for every transaction, so two writes never wait on each other's counter rows in a cycle (a
   * deadlock): for each, one statement advances the counter row by the number of its events
   * and locks it until the transaction ends (a concurrent writer for the same user waits, and
   * then, SERIALIZABLE, fails and runs again with the new counter: seqs are gap-free and commit
   * in seq order). Then one statement stores every event, and the logs and activity streams
   * that outgrew their bounds are trimmed, again in order of user ids.
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
    const byUser = new Map<Id, PendingEvent[]>();
    for (const pending of this.pending) {
      const events = byUser.get(pending.userId);
      if (events) events.push(pending);
      else byUser.set(pending.userId, [pending]);
    }
    const stored = this.pending;
    this.pending = [];
    const trims: [Id, number][] = [];
    // Sorted by code units: the same order on every instance, whatever its locale.
    for (const userId of [...byUser.keys()].sort()) {
      const events = byUser.get(userId)!;
      const stream = await this.first<{ last_seq: number; oldest_seq: number }>(
        `INSERT INTO event_streams AS s (user_id, last_seq, oldest_seq) VALUES ($1, $2, 1)
         ON CONFLICT (user_id) DO UPDATE SET last_seq = s.last_seq + excluded.last_seq
         RETURNING last_seq, oldest_seq`,
        [userId, events.length],
      );
      const last = stream!.last_seq;
      events.forEach((pending, index) => {
        pending.event.seq = last - events.length + index + 1;
      });
      this.appended.set(userId, last);
      const oldest = this.trimmedOldestSeq(last, stream!.oldest_seq);
      if (oldest !== undefined) trims.push([userId, oldest]);
    }
    await this.query(
      `INSERT INTO events (user_id, seq, at, event)
       SELECT user_id, seq, $4, event FROM unnest($1::text[], $2::bigint[], $3::text[])
         AS e (user_id, seq, event)`,
      [
        stored.map((pending) => pending.userId),
        stored.map((pending) => pending.event.seq),
        stored.map((pending) => pending.json),
        this.settings.now(),
      ],
    );
    for (const [userId, oldest] of trims) {
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
  async lastSeq(userId: Id): Promise<number> {
    await this.flushEvents();
    const row = await this.first<{ last_seq: number }>(
      'SELECT last_seq FROM event_streams WHERE user_id = $1',
      [userId],
    );
    return row?.last_seq ?? 0;
  }

  /** The user's log, with the events this transaction appended so far. */
  async readEvents(userId: Id, sinceSeq: number): Promise<EventLogRead> {
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
  async setStream(userId: Id, lastSeq: number): Promise<void> {
    await this.query(
      `INSERT INTO event_streams (user_id, last_seq, oldest_seq) VALUES ($1, $2, $2 + 1)
       ON CONFLICT (user_id) DO UPDATE SET last_seq = excluded.last_seq,
         oldest_seq = excluded.oldest_seq`,
      [userId, lastSeq],
    );
  }

  // ── idempotency ──────────────────────────────────────────────────────────────────────────

  async commandRecord(userId: Id, commandId: string): Promise<CommandRecord | undefined> {
    const row = await this.first<{ at: number; result: CommandRecord['result'] }>(
      'SELECT at, result FROM command_results WHERE user_id = $1 AND command_id = $2',
      [userId, commandId],
    );
    return row && { userId, commandId, at: row.at, result: row.result };
  }

  /**
   * Stores a command's outcome. A plain `INSERT`: when another instance stored the same
   * `(userId, commandId)` meanwhile, it fails, the transaction runs again, and the engine then
   * answers with the first result.
   */
  async putCommandRecord(record: CommandRecord): Promise<void> {
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
  async sessionsMatching(liveChatId: Id, text: string): Promise<Session[]> {
    const rows = await this.rows<SessionRow>(
      `SELECT * FROM sessions WHERE live_chat_id = $1 AND name_folded LIKE $2 ORDER BY pk`,
      [liveChatId, containsPattern(text)],
    );
    return rows.map(sessionFromRow);
  }

  /** Messages of the session whose folded text contains the folded `text`, newest first. */
  async messagesMatching(sessionId: Id, text: string): Promise<Message[]> {
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
