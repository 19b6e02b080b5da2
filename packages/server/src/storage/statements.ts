/**
 * Every SQL statement a store runs per transaction, prepared once when it opens.
 */
import type Database from 'better-sqlite3';
import type {
  CustomerColumns,
  EpisodeColumns,
  EpisodeRow,
  MessageColumns,
  MessageRow,
  PresenceRow,
  SessionColumns,
  SessionRow,
} from './rows.js';
import { PRESENCE_COLUMNS } from './rows.js';

/**
 * A row of `event_streams`. Since migration 10 `last_seq` is only brought up to date when events
 * are dropped: the stream's last seq is the larger of it and the seq of its newest event.
 */
export interface StreamRow {
  last_seq: number;
  oldest_seq: number;
}

/** A page of customers a search asks for: a `LIKE` pattern (see `likeContains`), at most `limit`. */
export interface CustomerPage {
  pattern: string;
  limit: number;
}

/** An event of a user's log as stored: its own fields, and the body it shares, if any. */
export interface StoredEventRow {
  seq: number;
  /** JSON object: the event's own fields, or (`body` is `null`) the whole event without `seq`. */
  event: string;
  /** JSON object: the fields the event shares with the other recipients of its change. */
  body: string | null;
}

/**
 * The columns of `sessions` that an index holds (or whose value decides whether a partial index
 * holds the row). An UPDATE that sets any of them rewrites those indexes' entries even when the
 * value stays the same, so a change that leaves them alone sets only the others.
 */
export const SESSION_INDEXED_COLUMNS = [
  'id',
  'live_chat_id',
  'customer_id',
  'status',
  'urgent',
  'queued_at',
  'queue_entry',
] as const;

/** What a session write needs to know of the row it replaces. */
export type SessionState = Pick<
  SessionRow,
  'pk' | 'name' | (typeof SESSION_INDEXED_COLUMNS)[number]
>;

/** The prepared statements of one database connection. */
export class Statements {
  readonly ping: Database.Statement<[], number>;

  // ids and counters
  readonly bumpCounter: Database.Statement<[string]>;
  readonly counter: Database.Statement<[string], number>;
  readonly raiseCounter: Database.Statement<[number, string]>;

  // customers
  readonly customer: Database.Statement<[string], string>;
  readonly customers: Database.Statement<[], string>;
  readonly putCustomer: Database.Statement<[CustomerColumns]>;
  readonly customersMatching: Database.Statement<[CustomerPage], string>;
  readonly customersMatchingAfter: Database.Statement<[CustomerPage & { after: string }], string>;
  /** The customers of a JSON array of ids. */
  readonly customersWithIds: Database.Statement<[string], string>;

  // sessions
  readonly session: Database.Statement<[string], SessionRow>;
  readonly sessionState: Database.Statement<[string], SessionState>;
  readonly insertSession: Database.Statement<[SessionColumns & { queue_entry: number | null }]>;
  readonly updateSession: Database.Statement<
    [SessionColumns & { queue_entry: number | null; pk: number }]
  >;
  /** Updates the columns no index holds (see {@link SESSION_INDEXED_COLUMNS}). */
  readonly updateSessionUnindexed: Database.Statement<
    [SessionColumns & { queue_entry: number | null; pk: number }]
  >;
  readonly sessionsOf: Database.Statement<[string], SessionRow>;
  readonly allSessions: Database.Statement<[], SessionRow>;
  readonly queuedPage: Database.Statement<[string, number, number], SessionRow>;
  readonly latestSessionOf: Database.Statement<[string, string], SessionRow>;
  /** Each (customer, live chat) pair with a session, of a JSON array of customer ids. */
  readonly liveChatsOfCustomers: Database.Statement<
    [string],
    { customer_id: string; live_chat_id: string }
  >;
  readonly indexSessionName: Database.Statement<[number, string]>;
  readonly unindexSessionName: Database.Statement<[number]>;
  readonly sessionsMatching: Database.Statement<[string, string], SessionRow>;

  // messages
  readonly insertMessage: Database.Statement<[MessageColumns]>;
  readonly indexMessageText: Database.Statement<[number | bigint, string]>;
  readonly message: Database.Statement<[string], MessageRow>;
  readonly messageByClientId: Database.Statement<[string, string], MessageRow>;
  readonly messagesOf: Database.Statement<[string], MessageRow>;
  readonly liveChatMessages: Database.Statement<[string], MessageRow>;
  readonly messagesBefore: Database.Statement<[string, number, number], MessageRow>;
  readonly customerMessagesAfter: Database.Statement<[string, number], number>;
  readonly messagesMatching: Database.Statement<[string, string], MessageRow>;
  readonly messagesNewestFirst: Database.Statement<[string], MessageRow>;
  readonly setChannelDelivery: Database.Statement<[string | null, string]>;

  // canned replies
  readonly cannedReply: Database.Statement<[string], string>;
  readonly cannedRepliesOf: Database.Statement<[string], string>;
  readonly putCannedReply: Database.Statement<[string, string, string]>;
  readonly deleteCannedReply: Database.Statement<[string]>;

  // presence
  readonly presence: Database.Statement<[string], PresenceRow>;
  readonly putPresence: Database.Statement<[string, string, number, number]>;

  // read markers
  readonly readMarker: Database.Statement<[string, string], number>;
  readonly setReadMarker: Database.Statement<[string, string, number]>;

  // episodes
  readonly currentEpisode: Database.Statement<[string], EpisodeRow>;
  readonly insertEpisode: Database.Statement<[EpisodeColumns]>;
  readonly updateEpisode: Database.Statement<[EpisodeColumns & { pk: number }]>;
  readonly episodesOf: Database.Statement<[string], EpisodeRow>;

  // activity
  readonly appendActivity: Database.Statement<[string, string]>;
  readonly trimActivity: Database.Statement<[string, string, number]>;
  readonly recentActivity: Database.Statement<[string, number], string>;

  // event streams
  readonly stream: Database.Statement<[string], StreamRow>;
  readonly newestSeq: Database.Statement<[string], number | null>;
  readonly addStream: Database.Statement<[string]>;
  readonly setStream: Database.Statement<[string, number, number]>;
  readonly appendEvent: Database.Statement<[string, number, number, string, number | null]>;
  readonly addEventBody: Database.Statement<[string]>;
  readonly eventsAfter: Database.Statement<[string, number], StoredEventRow>;
  readonly dropBodiesBefore: Database.Statement<[{ userId: string; before: number }]>;
  readonly dropEventsBefore: Database.Statement<[string, number]>;
  readonly expiredStreams: Database.Statement<[number], { user_id: string } & StreamRow>;
  readonly firstEventSince: Database.Statement<[string, number, number], number>;

  // command results
  readonly commandResult: Database.Statement<[string, string], { at: number; result: string }>;
  readonly putCommandResult: Database.Statement<[string, string, number, string]>;
  readonly dropCommandResultsBefore: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    this.ping = db.prepare<[], number>('SELECT 1').pluck();
    // Read back with `counter`: an UPDATE … RETURNING costs several times as much.
    this.bumpCounter = db.prepare('UPDATE counters SET value = value + 1 WHERE name = ?');
    this.counter = db
      .prepare<[string], number>('SELECT value FROM counters WHERE name = ?')
      .pluck();
    this.raiseCounter = db.prepare('UPDATE counters SET value = max(value, ?) WHERE name = ?');

    this.customer = db.prepare<[string], string>('SELECT data FROM customers WHERE id = ?').pluck();
    this.customers = db.prepare<[], string>('SELECT data FROM customers ORDER BY rowid').pluck();
    this.customersWithIds = db
      .prepare<[string], string>(
        'SELECT data FROM customers WHERE id IN (SELECT value FROM json_each(?))',
      )
      .pluck();
    this.putCustomer = db.prepare(
      `INSERT INTO customers (id, kind, name, data, name_lower, account_lower)
       VALUES (@id, @kind, @name, @data, @name_lower, @account_lower)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
         data = excluded.data, name_lower = excluded.name_lower,
         account_lower = excluded.account_lower`,
    );
    // Scans in the order the customers were added (no index serves a substring LIKE) and stops
    // when the page is full.
    const customersWhere = `(name_lower LIKE @pattern ESCAPE '\\' OR account_lower LIKE @pattern ESCAPE '\\')`;
    this.customersMatching = db
      .prepare<[CustomerPage], string>(
        `SELECT data FROM customers WHERE ${customersWhere} ORDER BY rowid LIMIT @limit`,
      )
      .pluck();
    this.customersMatchingAfter = db
      .prepare<[CustomerPage & { after: string }], string>(
        `SELECT data FROM customers
          WHERE rowid > (SELECT rowid FROM customers WHERE id = @after) AND ${customersWhere}
          ORDER BY rowid LIMIT @limit`,
      )
      .pluck();

    const sessionFields = `id, live_chat_id, customer_id, name, channel, status, assignee_kind,
      assignee_id, first_message_at, last_message_at, last_message_preview, last_message_order,
      queued_at, queue_entry, last_operator_id, bindings, tags, urgent, handover`;
    const sessionValues = sessionFields
      .split(',')
      .map((field) => `@${field.trim()}`)
      .join(', ');
    this.session = db.prepare('SELECT * FROM sessions WHERE id = ?');
    this.sessionState = db.prepare(
      `SELECT pk, name, ${SESSION_INDEXED_COLUMNS.join(', ')} FROM sessions WHERE id = ?`,
    );
    this.insertSession = db.prepare(
      `INSERT INTO sessions (${sessionFields}) VALUES (${sessionValues})`,
    );
    const sessionSet = (fields: string[]) =>
      `UPDATE sessions SET ${fields.map((field) => `${field} = @${field}`).join(', ')} WHERE pk = @pk`;
    // A session's id never changes; setting it would make SQLite check the messages that
    // reference it (a foreign key) and keep a journal for the statement.
    const sessionFieldList = sessionFields
      .split(',')
      .map((field) => field.trim())
      .filter((field) => field !== 'id');
    this.updateSession = db.prepare(sessionSet(sessionFieldList));
    const indexed: readonly string[] = SESSION_INDEXED_COLUMNS;
    this.updateSessionUnindexed = db.prepare(
      sessionSet(sessionFieldList.filter((field) => !indexed.includes(field))),
    );
    this.sessionsOf = db.prepare('SELECT * FROM sessions WHERE live_chat_id = ? ORDER BY pk');
    this.allSessions = db.prepare('SELECT * FROM sessions ORDER BY pk');
    this.queuedPage = db.prepare(
      `SELECT * FROM sessions WHERE live_chat_id = ? AND status = 'queued'
       ORDER BY urgent DESC, queued_at, queue_entry LIMIT ? OFFSET ?`,
    );
    this.latestSessionOf = db.prepare(
      'SELECT * FROM sessions WHERE customer_id = ? AND live_chat_id = ? ORDER BY pk DESC LIMIT 1',
    );
    // Served by the index `sessions_by_customer` (customer_id, live_chat_id, …).
    this.liveChatsOfCustomers = db.prepare(
      `SELECT DISTINCT customer_id, live_chat_id FROM sessions
       WHERE customer_id IN (SELECT value FROM json_each(?))`,
    );
    this.indexSessionName = db.prepare('INSERT INTO session_names_fts (rowid, name) VALUES (?, ?)');
    this.unindexSessionName = db.prepare('DELETE FROM session_names_fts WHERE rowid = ?');
    this.sessionsMatching = db.prepare(
      `SELECT s.* FROM sessions s
       WHERE s.live_chat_id = ?
         AND s.pk IN (SELECT rowid FROM session_names_fts WHERE session_names_fts MATCH ?)
       ORDER BY s.pk`,
    );

    this.insertMessage = db.prepare(
      `INSERT INTO messages (id, session_id, ord, client_message_id, author_kind, author_id,
         text, channel, sent_at, internal, mentions, attachments)
       VALUES (@id, @session_id, @ord, @client_message_id, @author_kind, @author_id, @text,
         @channel, @sent_at, @internal, @mentions, @attachments)`,
    );
    this.indexMessageText = db.prepare('INSERT INTO message_texts_fts (rowid, text) VALUES (?, ?)');
    this.setChannelDelivery = db.prepare('UPDATE messages SET channel_delivery = ? WHERE id = ?');
    this.message = db.prepare('SELECT * FROM messages WHERE id = ?');
    this.messageByClientId = db.prepare(
      'SELECT * FROM messages WHERE session_id = ? AND client_message_id = ?',
    );
    this.messagesOf = db.prepare('SELECT * FROM messages WHERE session_id = ? ORDER BY ord');
    this.liveChatMessages = db.prepare(
      `SELECT m.* FROM sessions s JOIN messages m ON m.session_id = s.id
       WHERE s.live_chat_id = ? ORDER BY s.pk, m.ord`,
    );
    this.messagesBefore = db.prepare(
      'SELECT * FROM messages WHERE session_id = ? AND ord < ? ORDER BY ord DESC LIMIT ?',
    );
    this.customerMessagesAfter = db
      .prepare<[string, number], number>(
        `SELECT count(*) FROM messages
         WHERE session_id = ? AND author_kind = 'customer' AND ord > ?`,
      )
      .pluck();
    this.messagesMatching = db.prepare(
      `SELECT m.* FROM messages m
       WHERE m.session_id = ?
         AND m.pk IN (SELECT rowid FROM message_texts_fts WHERE message_texts_fts MATCH ?)
       ORDER BY m.ord DESC`,
    );
    this.messagesNewestFirst = db.prepare(
      'SELECT * FROM messages WHERE session_id = ? ORDER BY ord DESC',
    );

    this.cannedReply = db
      .prepare<[string], string>('SELECT data FROM canned_replies WHERE id = ?')
      .pluck();
    this.cannedRepliesOf = db
      .prepare<[string], string>('SELECT data FROM canned_replies WHERE scope_key = ? ORDER BY pk')
      .pluck();
    this.putCannedReply = db.prepare(
      `INSERT INTO canned_replies (id, scope_key, data) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET scope_key = excluded.scope_key, data = excluded.data`,
    );
    this.deleteCannedReply = db.prepare('DELETE FROM canned_replies WHERE id = ?');
    this.presence = db.prepare('SELECT * FROM presence WHERE user_id = ?');
    this.putPresence = db.prepare(
      `INSERT INTO presence (${PRESENCE_COLUMNS}) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET
         status = excluded.status, since = excluded.since, auto = excluded.auto`,
    );

    this.readMarker = db
      .prepare<[string, string], number>(
        'SELECT ord FROM read_markers WHERE user_id = ? AND session_id = ?',
      )
      .pluck();
    this.setReadMarker = db.prepare(
      `INSERT INTO read_markers (user_id, session_id, ord) VALUES (?, ?, ?)
       ON CONFLICT (user_id, session_id) DO UPDATE SET ord = excluded.ord`,
    );

    this.currentEpisode = db.prepare(
      'SELECT * FROM episodes WHERE session_id = ? ORDER BY pk DESC LIMIT 1',
    );
    const episodeFields = `session_id, live_chat_id, origin, started_at, taken_at, taken_by,
      first_response_at, first_responder_id, closed_at, closed_by`;
    const episodeList = episodeFields.split(',').map((field) => field.trim());
    this.insertEpisode = db.prepare(
      `INSERT INTO episodes (${episodeFields})
       VALUES (${episodeList.map((field) => `@${field}`).join(', ')})`,
    );
    this.updateEpisode = db.prepare(
      `UPDATE episodes SET ${episodeList.map((field) => `${field} = @${field}`).join(', ')}
       WHERE pk = @pk`,
    );
    this.episodesOf = db.prepare('SELECT * FROM episodes WHERE live_chat_id = ? ORDER BY pk');

    this.appendActivity = db.prepare('INSERT INTO activity (user_id, entry) VALUES (?, ?)');
    this.trimActivity = db.prepare(
      `DELETE FROM activity WHERE user_id = ? AND pk <= (
         SELECT pk FROM activity WHERE user_id = ? ORDER BY pk DESC LIMIT 1 OFFSET ?)`,
    );
    this.recentActivity = db
      .prepare<[string, number], string>(
        'SELECT entry FROM activity WHERE user_id = ? ORDER BY pk DESC LIMIT ?',
      )
      .pluck();

    this.stream = db.prepare('SELECT last_seq, oldest_seq FROM event_streams WHERE user_id = ?');
    this.newestSeq = db
      .prepare<[string], number | null>('SELECT max(seq) FROM events WHERE user_id = ?')
      .pluck();
    this.addStream = db.prepare(
      'INSERT OR IGNORE INTO event_streams (user_id, last_seq, oldest_seq) VALUES (?, 0, 1)',
    );
    this.setStream = db.prepare(
      `INSERT INTO event_streams (user_id, last_seq, oldest_seq) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET
         last_seq = excluded.last_seq, oldest_seq = excluded.oldest_seq`,
    );
    this.appendEvent = db.prepare(
      'INSERT INTO events (user_id, seq, at, event, body) VALUES (?, ?, ?, ?, ?)',
    );
    this.addEventBody = db.prepare('INSERT INTO event_bodies (body) VALUES (?)');
    this.eventsAfter = db.prepare(
      `SELECT e.seq, e.event, b.body FROM events e LEFT JOIN event_bodies b ON b.pk = e.body
       WHERE e.user_id = ? AND e.seq > ? ORDER BY e.seq`,
    );
    // The bodies of the events about to be dropped that no other event shares.
    this.dropBodiesBefore = db.prepare(
      `DELETE FROM event_bodies WHERE pk IN (
         SELECT body FROM events WHERE user_id = @userId AND seq < @before AND body IS NOT NULL)
       AND NOT EXISTS (
         SELECT 1 FROM events e WHERE e.body = event_bodies.pk
           AND (e.user_id <> @userId OR e.seq >= @before))`,
    );
    this.dropEventsBefore = db.prepare('DELETE FROM events WHERE user_id = ? AND seq < ?');
    // Streams whose oldest retained event is older than the cut-off.
    this.expiredStreams = db.prepare(
      `SELECT s.user_id, s.last_seq, s.oldest_seq FROM event_streams s
       JOIN events e ON e.user_id = s.user_id AND e.seq = s.oldest_seq
       WHERE e.at < ?`,
    );
    this.firstEventSince = db
      .prepare<[string, number, number], number>(
        'SELECT seq FROM events WHERE user_id = ? AND seq >= ? AND at >= ? ORDER BY seq LIMIT 1',
      )
      .pluck();

    this.commandResult = db.prepare(
      'SELECT at, result FROM command_results WHERE user_id = ? AND command_id = ?',
    );
    this.putCommandResult = db.prepare(
      `INSERT OR REPLACE INTO command_results (user_id, command_id, at, result)
       VALUES (?, ?, ?, ?)`,
    );
    this.dropCommandResultsBefore = db.prepare('DELETE FROM command_results WHERE at < ?');
  }
}
