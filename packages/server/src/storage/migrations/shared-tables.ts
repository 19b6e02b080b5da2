/**
 * The tables and schema changes the SQLite and the PostgreSQL migrations share, written once for
 * both SQL dialects. Where the two databases differ only in how they say a thing (column types,
 * SQLite's rowid), a {@link SqlDialect} says it; where one migration has columns the other
 * added later, the caller passes them.
 *
 * What these functions answer is part of shipped migrations and never changes (the test
 * `migration-sql.test.ts` pins it): a later change to the schema is a new migration.
 */

/** How each database says what the shared tables need. */
export interface SqlDialect {
  /** Whole numbers: times in milliseconds since the epoch, orders, seqs, counters. */
  readonly integer: 'INTEGER' | 'BIGINT';
  /** A 0 or 1 flag. */
  readonly flag: 'INTEGER' | 'SMALLINT';
  /** A key numbering rows in insertion order (on SQLite, the rowid itself). */
  readonly serial: 'INTEGER' | 'BIGSERIAL';
  /** A JSON document the engine reads back whole. */
  readonly json: 'TEXT' | 'JSONB';
  /** What ends a table found only by its primary key: on SQLite, the key is the table. */
  readonly keyed: ' WITHOUT ROWID' | '';
  /**
   * What ends an index to list its rows in insertion order: nothing on SQLite, where every index
   * ends with the rowid.
   */
  readonly inserted: '' | ', pk';
  /**
   * The insertion-order column of a directory table keyed by its id: none on SQLite, where the
   * rowid is that order.
   */
  readonly directoryOrder: '' | 'pk BIGSERIAL UNIQUE,';
  /**
   * The column that keeps `column` as search folds it, or none: SQLite keeps folded texts in its
   * full-text tables instead.
   */
  folded(column: string): string;
}

/** SQLite's words. */
export const SQLITE: SqlDialect = {
  integer: 'INTEGER',
  flag: 'INTEGER',
  serial: 'INTEGER',
  json: 'TEXT',
  keyed: ' WITHOUT ROWID',
  inserted: '',
  directoryOrder: '',
  folded: () => '',
};

/** PostgreSQL's words. Times are milliseconds since the epoch in a `BIGINT`. */
export const POSTGRES: SqlDialect = {
  integer: 'BIGINT',
  flag: 'SMALLINT',
  serial: 'BIGSERIAL',
  json: 'JSONB',
  keyed: '',
  inserted: ', pk',
  directoryOrder: 'pk BIGSERIAL UNIQUE,',
  folded: (column) => `${column}_folded TEXT NOT NULL,`,
};

/**
 * Migration 1's directory: users, live chats with their staff, operator groups with their
 * members, customers. Channels, groups, reassignment targets and the reopen policy live in the
 * live chat's document; operators and supervisors are also rows, for queries by user.
 */
export function directoryTables(d: SqlDialect): string {
  return `
    CREATE TABLE users (
      ${d.directoryOrder}
      id   TEXT PRIMARY KEY,
      data ${d.json} NOT NULL                     -- the User
    );
    CREATE TABLE live_chats (
      ${d.directoryOrder}
      id   TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      data ${d.json} NOT NULL                     -- the LiveChat
    );
    CREATE TABLE live_chat_staff (
      live_chat_id TEXT NOT NULL REFERENCES live_chats (id) ON DELETE CASCADE,
      role         TEXT NOT NULL CHECK (role IN ('operator', 'supervisor')),
      user_id      TEXT NOT NULL,
      PRIMARY KEY (live_chat_id, role, user_id)
    )${d.keyed};
    CREATE INDEX live_chat_staff_by_user ON live_chat_staff (user_id);

    CREATE TABLE operator_groups (
      ${d.directoryOrder}
      id           TEXT PRIMARY KEY,
      live_chat_id TEXT NOT NULL,
      name         TEXT NOT NULL,
      data         ${d.json} NOT NULL             -- the OperatorGroup
    );
    CREATE TABLE group_members (
      group_id TEXT NOT NULL REFERENCES operator_groups (id) ON DELETE CASCADE,
      user_id  TEXT NOT NULL,
      PRIMARY KEY (group_id, user_id)
    )${d.keyed};
    CREATE INDEX group_members_by_user ON group_members (user_id);

    CREATE TABLE customers (
      ${d.directoryOrder}
      id   TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('internal', 'external')),
      name TEXT NOT NULL,
      data ${d.json} NOT NULL                     -- the Customer
    );
  `;
}

/** Migration 1's sessions, one column per field, and their indexes. */
export function sessionsTable(d: SqlDialect): string {
  return `
    CREATE TABLE sessions (
      pk                   ${d.serial} PRIMARY KEY, -- creation order
      id                   TEXT NOT NULL UNIQUE,
      live_chat_id         TEXT NOT NULL,
      customer_id          TEXT NOT NULL,
      name                 TEXT NOT NULL,
      ${d.folded('name')}
      channel              TEXT NOT NULL,
      status               TEXT NOT NULL CHECK (status IN ('queued', 'active', 'closed')),
      assignee_kind        TEXT CHECK (assignee_kind IN ('operator', 'group')),
      assignee_id          TEXT,
      first_message_at     ${d.integer} NOT NULL,
      last_message_at      ${d.integer} NOT NULL,
      last_message_preview TEXT NOT NULL,
      last_message_order   ${d.integer} NOT NULL,
      queued_at            ${d.integer},
      queue_entry          ${d.integer},          -- when it entered the queue: ties of queued_at
      last_operator_id     TEXT,
      bindings             TEXT NOT NULL          -- Binding[] (JSON)
    );
    CREATE INDEX sessions_by_live_chat ON sessions (live_chat_id${d.inserted});
    CREATE INDEX sessions_by_customer ON sessions (customer_id, live_chat_id${d.inserted});
    CREATE INDEX sessions_queued ON sessions (live_chat_id, queued_at, queue_entry)
      WHERE status = 'queued';
  `;
}

/**
 * Migration 1's messages, one column per field (`later`: columns one database added only in a
 * later migration), and each user's read marker of a session.
 */
export function messageTables(d: SqlDialect, later = ''): string {
  return `
    CREATE TABLE messages (
      pk                ${d.serial} PRIMARY KEY,
      id                TEXT NOT NULL UNIQUE,
      session_id        TEXT NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
      ord               ${d.integer} NOT NULL,
      client_message_id TEXT,
      author_kind       TEXT NOT NULL CHECK (author_kind IN ('customer', 'operator', 'system')),
      author_id         TEXT,                   -- customerId or userId; NULL for system
      text              TEXT NOT NULL,
      ${d.folded('text')}
      channel           TEXT NOT NULL,
      sent_at           ${d.integer} NOT NULL,
      ${later}
      UNIQUE (session_id, ord)
    );
    CREATE UNIQUE INDEX messages_by_client_id ON messages (session_id, client_message_id)
      WHERE client_message_id IS NOT NULL;
    -- Unread counts: customer messages of a session above an order.
    CREATE INDEX messages_from_customers ON messages (session_id, ord)
      WHERE author_kind = 'customer';

    CREATE TABLE read_markers (
      user_id    TEXT NOT NULL,
      session_id TEXT NOT NULL,
      ord        ${d.integer} NOT NULL,
      PRIMARY KEY (user_id, session_id)
    )${d.keyed};
  `;
}

/**
 * Migration 1's report records: episodes (a session's current episode is its newest) and each
 * user's activity stream.
 */
export function reportTables(d: SqlDialect): string {
  return `
    CREATE TABLE episodes (
      pk                 ${d.serial} PRIMARY KEY,
      session_id         TEXT NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
      live_chat_id       TEXT NOT NULL,
      origin             TEXT NOT NULL CHECK (origin IN ('customer', 'outbound')),
      started_at         ${d.integer} NOT NULL,
      taken_at           ${d.integer},
      taken_by           TEXT,
      first_response_at  ${d.integer},
      first_responder_id TEXT,
      closed_at          ${d.integer},
      closed_by          TEXT
    );
    CREATE INDEX episodes_by_session ON episodes (session_id${d.inserted});
    CREATE INDEX episodes_by_live_chat ON episodes (live_chat_id);

    CREATE TABLE activity (
      pk      ${d.serial} PRIMARY KEY,
      user_id TEXT NOT NULL,
      entry   ${d.json} NOT NULL                  -- the ActivityEntry
    );
    CREATE INDEX activity_by_user ON activity (user_id${d.inserted});
  `;
}

/**
 * Migration 1's event streams and command results. One counter row per user, advanced in the
 * transaction that appends: seqs are gap-free. A command's result is kept by its id, so a
 * retried command answers the first result.
 */
export function eventTables(d: SqlDialect): string {
  return `
    CREATE TABLE event_streams (
      user_id    TEXT PRIMARY KEY,
      last_seq   ${d.integer} NOT NULL,
      oldest_seq ${d.integer} NOT NULL            -- oldest retained; last_seq + 1 when none is
    )${d.keyed};
    CREATE TABLE events (
      user_id TEXT NOT NULL,
      seq     ${d.integer} NOT NULL,
      at      ${d.integer} NOT NULL,              -- when it was appended (for retention)
      event   TEXT NOT NULL,                      -- the ServerEvent without its seq (JSON)
      PRIMARY KEY (user_id, seq)
    )${d.keyed};

    CREATE TABLE command_results (
      user_id    TEXT NOT NULL,
      command_id TEXT NOT NULL,
      at         ${d.integer} NOT NULL,
      result     ${d.json} NOT NULL,              -- the CommandResult
      PRIMARY KEY (user_id, command_id)
    )${d.keyed};
    CREATE INDEX command_results_by_time ON command_results (at);
  `;
}

/** Migration 1's named counters (which ones, each database's migration fills in). */
export function countersTable(d: SqlDialect): string {
  return `
    CREATE TABLE counters (
      name  TEXT PRIMARY KEY,
      value ${d.integer} NOT NULL
    )${d.keyed};
  `;
}

/**
 * The channels migration's endpoints of the configuration, as applied, and which customer an
 * external account of a channel is.
 */
export function channelEndpointTables(d: SqlDialect): string {
  return `
    CREATE TABLE channel_endpoints (
      id   TEXT PRIMARY KEY,
      data ${d.json} NOT NULL                     -- the ChannelEndpoint
    );
    CREATE TABLE channel_customers (
      channel_id  TEXT NOT NULL,
      external_id TEXT NOT NULL,
      customer_id TEXT NOT NULL,
      PRIMARY KEY (channel_id, external_id)
    )${d.keyed};
  `;
}

/**
 * The channels migration's inbound messages by the provider's id (a repeated delivery is stored
 * once) and outbound deliveries, one per operator message, retried until delivered or failed.
 * `claims`: the delivery claim columns, where the migration has them.
 */
export function channelDeliveryTables(d: SqlDialect, claims = ''): string {
  return `
    CREATE TABLE channel_inbound (
      channel_id          TEXT NOT NULL,
      provider_message_id TEXT NOT NULL,
      message_id          TEXT NOT NULL,
      session_id          TEXT NOT NULL,
      provider_sent_at    ${d.integer},
      received_at         ${d.integer} NOT NULL,
      PRIMARY KEY (channel_id, provider_message_id)
    )${d.keyed};
    CREATE TABLE channel_outbox (
      message_id      TEXT PRIMARY KEY,
      channel_id      TEXT NOT NULL,
      body            TEXT NOT NULL,            -- the JSON posted to the outbound webhook
      state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
      attempts        INTEGER NOT NULL,
      next_attempt_at ${d.integer} NOT NULL,
      ${claims}
      last_error      TEXT,
      created_at      ${d.integer} NOT NULL,
      updated_at      ${d.integer} NOT NULL
    )${d.keyed};
    CREATE INDEX channel_outbox_due ON channel_outbox (next_attempt_at) WHERE state = 'pending';
  `;
}

/**
 * The triage-and-notes migration: a session's tags, its urgent mark and the note of its last
 * reassignment; whether a message is a staff note and whom it mentions. The queue index puts
 * urgent sessions first, as the queue is read.
 */
export function triageAndNotesChanges(d: SqlDialect): string {
  return `
    ALTER TABLE sessions ADD COLUMN tags TEXT;                        -- Id[] (JSON)
    ALTER TABLE sessions ADD COLUMN urgent ${d.flag} NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN handover TEXT;                    -- Handover (JSON)
    ALTER TABLE messages ADD COLUMN internal ${d.flag} NOT NULL DEFAULT 0;
    ALTER TABLE messages ADD COLUMN mentions TEXT;                    -- Id[] (JSON)
    DROP INDEX sessions_queued;
    CREATE INDEX sessions_queued ON sessions (live_chat_id, urgent DESC, queued_at, queue_entry)
      WHERE status = 'queued';
  `;
}

/**
 * The presence migration: each staff member's availability, since when, and whether the
 * workspace set it rather than the user.
 */
export function presenceTable(d: SqlDialect): string {
  return `
    CREATE TABLE presence (
      user_id TEXT PRIMARY KEY,
      status  TEXT NOT NULL CHECK (status IN ('online', 'away', 'offline')),
      since   ${d.integer} NOT NULL,
      auto    ${d.flag} NOT NULL DEFAULT 0
    )${d.keyed};
  `;
}

/**
 * The canned-replies migration: each reply as its JSON document, with the key of its scope to
 * read a scope's replies together, in the order they were created.
 */
export function cannedRepliesTable(d: SqlDialect): string {
  return `
    CREATE TABLE canned_replies (
      pk        ${d.serial} PRIMARY KEY,          -- creation order
      id        TEXT NOT NULL UNIQUE,
      scope_key TEXT NOT NULL,                    -- cannedScopeKey(scope)
      data      TEXT NOT NULL                     -- the CannedReply
    );
    CREATE INDEX canned_replies_by_scope ON canned_replies (scope_key, pk);
  `;
}

/** The attachments migration: a message's `Attachment[]` as JSON (`NULL`: none). */
export const ADD_ATTACHMENTS = 'ALTER TABLE messages ADD COLUMN attachments TEXT';

/**
 * The customer-search migration: a customer's name and account as a customer search compares
 * them (core `customerSearchTexts`: lower-cased; the account `''` for an internal customer),
 * written with the customer, so a search filters in SQL instead of reading every customer.
 */
export const ADD_CUSTOMER_SEARCH = `
  ALTER TABLE customers ADD COLUMN name_lower TEXT NOT NULL DEFAULT '';
  ALTER TABLE customers ADD COLUMN account_lower TEXT NOT NULL DEFAULT '';
`;
