/**
 * The records of the engine's storage port. Values the engine reads back as a whole and never
 * queries by field (users, live chats, groups, customers, activity entries, events, command
 * results) are JSON documents; sessions, messages and episodes have one column per field, so
 * indexes and report queries reach them. Orders of the directory are insertion (rowid) orders.
 */
import type { Migration } from './migration.js';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      -- ── directory ──────────────────────────────────────────────────────────────────────────
      CREATE TABLE users (
        id   TEXT PRIMARY KEY,
        data TEXT NOT NULL                        -- the User
      );

      -- Channels, groups, reassignment targets and the reopen policy live in the document;
      -- operators and supervisors are also rows, for queries by user.
      CREATE TABLE live_chats (
        id   TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        data TEXT NOT NULL                        -- the LiveChat
      );
      CREATE TABLE live_chat_staff (
        live_chat_id TEXT NOT NULL REFERENCES live_chats (id) ON DELETE CASCADE,
        role         TEXT NOT NULL CHECK (role IN ('operator', 'supervisor')),
        user_id      TEXT NOT NULL,
        PRIMARY KEY (live_chat_id, role, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX live_chat_staff_by_user ON live_chat_staff (user_id);

      CREATE TABLE operator_groups (
        id           TEXT PRIMARY KEY,
        live_chat_id TEXT NOT NULL,
        name         TEXT NOT NULL,
        data         TEXT NOT NULL                -- the OperatorGroup
      );
      CREATE TABLE group_members (
        group_id TEXT NOT NULL REFERENCES operator_groups (id) ON DELETE CASCADE,
        user_id  TEXT NOT NULL,
        PRIMARY KEY (group_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX group_members_by_user ON group_members (user_id);

      CREATE TABLE customers (
        id   TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('internal', 'external')),
        name TEXT NOT NULL,
        data TEXT NOT NULL                        -- the Customer
      );

      -- ── sessions ───────────────────────────────────────────────────────────────────────────
      CREATE TABLE sessions (
        pk                   INTEGER PRIMARY KEY, -- creation order
        id                   TEXT NOT NULL UNIQUE,
        live_chat_id         TEXT NOT NULL,
        customer_id          TEXT NOT NULL,
        name                 TEXT NOT NULL,
        channel              TEXT NOT NULL,
        status               TEXT NOT NULL CHECK (status IN ('queued', 'active', 'closed')),
        assignee_kind        TEXT CHECK (assignee_kind IN ('operator', 'group')),
        assignee_id          TEXT,
        first_message_at     INTEGER NOT NULL,
        last_message_at      INTEGER NOT NULL,
        last_message_preview TEXT NOT NULL,
        last_message_order   INTEGER NOT NULL,
        queued_at            INTEGER,
        queue_entry          INTEGER,             -- when it entered the queue: ties of queued_at
        last_operator_id     TEXT,
        bindings             TEXT NOT NULL        -- Binding[]
      );
      CREATE INDEX sessions_by_live_chat ON sessions (live_chat_id);
      CREATE INDEX sessions_by_customer ON sessions (customer_id, live_chat_id);
      CREATE INDEX sessions_queued ON sessions (live_chat_id, queued_at, queue_entry)
        WHERE status = 'queued';

      -- ── messages ───────────────────────────────────────────────────────────────────────────
      CREATE TABLE messages (
        pk                INTEGER PRIMARY KEY,
        id                TEXT NOT NULL UNIQUE,
        session_id        TEXT NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
        ord               INTEGER NOT NULL,
        client_message_id TEXT,
        author_kind       TEXT NOT NULL CHECK (author_kind IN ('customer', 'operator', 'system')),
        author_id         TEXT,                   -- customerId or userId; NULL for system
        text              TEXT NOT NULL,
        channel           TEXT NOT NULL,
        sent_at           INTEGER NOT NULL,
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
        ord        INTEGER NOT NULL,
        PRIMARY KEY (user_id, session_id)
      ) WITHOUT ROWID;

      -- ── report records ─────────────────────────────────────────────────────────────────────
      -- A session's current episode is its newest (highest pk).
      CREATE TABLE episodes (
        pk                 INTEGER PRIMARY KEY,
        session_id         TEXT NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
        live_chat_id       TEXT NOT NULL,
        origin             TEXT NOT NULL CHECK (origin IN ('customer', 'outbound')),
        started_at         INTEGER NOT NULL,
        taken_at           INTEGER,
        taken_by           TEXT,
        first_response_at  INTEGER,
        first_responder_id TEXT,
        closed_at          INTEGER,
        closed_by          TEXT
      );
      CREATE INDEX episodes_by_session ON episodes (session_id);
      CREATE INDEX episodes_by_live_chat ON episodes (live_chat_id);

      CREATE TABLE activity (
        pk      INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL,
        entry   TEXT NOT NULL                     -- the ActivityEntry
      );
      CREATE INDEX activity_by_user ON activity (user_id);

      -- ── event streams ──────────────────────────────────────────────────────────────────────
      -- One counter row per user, updated in the transaction that appends: seqs are gap-free.
      CREATE TABLE event_streams (
        user_id    TEXT PRIMARY KEY,
        last_seq   INTEGER NOT NULL,
        oldest_seq INTEGER NOT NULL               -- oldest retained; last_seq + 1 when none is
      ) WITHOUT ROWID;
      CREATE TABLE events (
        user_id TEXT NOT NULL,
        seq     INTEGER NOT NULL,
        at      INTEGER NOT NULL,                 -- when it was appended (for retention)
        event   TEXT NOT NULL,                    -- the ServerEvent without its seq
        PRIMARY KEY (user_id, seq)
      ) WITHOUT ROWID;

      -- ── idempotency ────────────────────────────────────────────────────────────────────────
      CREATE TABLE command_results (
        user_id    TEXT NOT NULL,
        command_id TEXT NOT NULL,
        at         INTEGER NOT NULL,
        result     TEXT NOT NULL,                 -- the CommandResult
        PRIMARY KEY (user_id, command_id)
      ) WITHOUT ROWID;
      CREATE INDEX command_results_by_time ON command_results (at);

      -- ── counters ───────────────────────────────────────────────────────────────────────────
      -- 'id': the number of the next generated id; 'queue': the last queue entry.
      CREATE TABLE counters (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO counters (name, value) VALUES ('id', 1), ('queue', 0);
    `);
  },
};
