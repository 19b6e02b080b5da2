/**
 * The records of the engine's storage port on PostgreSQL. As on SQLite, values the engine reads
 * back whole and never queries by field (users, live chats, groups, customers, activity entries,
 * events, command results) are JSONB documents; sessions, messages and episodes have one column
 * per field, so indexes and report queries reach them. Times are milliseconds since the epoch
 * (BIGINT). Directory orders are insertion (`pk`) orders.
 */
import type { PostgresMigration } from './migration.js';

export const initial: PostgresMigration = {
  version: 1,
  name: 'initial',
  async up(client) {
    await client.query(`
      -- ── directory ──────────────────────────────────────────────────────────────────────────
      CREATE TABLE users (
        pk   BIGSERIAL UNIQUE,
        id   TEXT PRIMARY KEY,
        data JSONB NOT NULL                       -- the User
      );
      CREATE TABLE live_chats (
        pk   BIGSERIAL UNIQUE,
        id   TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        data JSONB NOT NULL                       -- the LiveChat
      );
      CREATE TABLE live_chat_staff (
        live_chat_id TEXT NOT NULL REFERENCES live_chats (id) ON DELETE CASCADE,
        role         TEXT NOT NULL CHECK (role IN ('operator', 'supervisor')),
        user_id      TEXT NOT NULL,
        PRIMARY KEY (live_chat_id, role, user_id)
      );
      CREATE INDEX live_chat_staff_by_user ON live_chat_staff (user_id);
      CREATE TABLE operator_groups (
        pk           BIGSERIAL UNIQUE,
        id           TEXT PRIMARY KEY,
        live_chat_id TEXT NOT NULL,
        name         TEXT NOT NULL,
        data         JSONB NOT NULL               -- the OperatorGroup
      );
      CREATE TABLE group_members (
        group_id TEXT NOT NULL REFERENCES operator_groups (id) ON DELETE CASCADE,
        user_id  TEXT NOT NULL,
        PRIMARY KEY (group_id, user_id)
      );
      CREATE INDEX group_members_by_user ON group_members (user_id);
      CREATE TABLE customers (
        pk   BIGSERIAL UNIQUE,
        id   TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('internal', 'external')),
        name TEXT NOT NULL,
        data JSONB NOT NULL                       -- the Customer
      );

      -- ── sessions ───────────────────────────────────────────────────────────────────────────
      CREATE TABLE sessions (
        pk                   BIGSERIAL PRIMARY KEY, -- creation order
        id                   TEXT NOT NULL UNIQUE,
        live_chat_id         TEXT NOT NULL,
        customer_id          TEXT NOT NULL,
        name                 TEXT NOT NULL,
        name_folded          TEXT NOT NULL,         -- the name as search folds it
        channel              TEXT NOT NULL,
        status               TEXT NOT NULL CHECK (status IN ('queued', 'active', 'closed')),
        assignee_kind        TEXT CHECK (assignee_kind IN ('operator', 'group')),
        assignee_id          TEXT,
        first_message_at     BIGINT NOT NULL,
        last_message_at      BIGINT NOT NULL,
        last_message_preview TEXT NOT NULL,
        last_message_order   BIGINT NOT NULL,
        queued_at            BIGINT,
        queue_entry          BIGINT,                -- when it entered the queue: ties of queued_at
        last_operator_id     TEXT,
        bindings             TEXT NOT NULL          -- Binding[] (JSON)
      );
      CREATE INDEX sessions_by_live_chat ON sessions (live_chat_id, pk);
      CREATE INDEX sessions_by_customer ON sessions (customer_id, live_chat_id, pk);
      CREATE INDEX sessions_queued ON sessions (live_chat_id, queued_at, queue_entry)
        WHERE status = 'queued';
      CREATE SEQUENCE queue_entries;

      -- ── messages ───────────────────────────────────────────────────────────────────────────
      CREATE TABLE messages (
        pk                BIGSERIAL PRIMARY KEY,
        id                TEXT NOT NULL UNIQUE,
        session_id        TEXT NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
        ord               BIGINT NOT NULL,
        client_message_id TEXT,
        author_kind       TEXT NOT NULL CHECK (author_kind IN ('customer', 'operator', 'system')),
        author_id         TEXT,                    -- customerId or userId; NULL for system
        text              TEXT NOT NULL,
        text_folded       TEXT NOT NULL,           -- the text as search folds it
        channel           TEXT NOT NULL,
        sent_at           BIGINT NOT NULL,
        channel_delivery  JSONB,                   -- ChannelDelivery of operator messages
        UNIQUE (session_id, ord)
      );
      CREATE UNIQUE INDEX messages_by_client_id ON messages (session_id, client_message_id)
        WHERE client_message_id IS NOT NULL;
      CREATE INDEX messages_from_customers ON messages (session_id, ord)
        WHERE author_kind = 'customer';

      CREATE TABLE read_markers (
        user_id    TEXT NOT NULL,
        session_id TEXT NOT NULL,
        ord        BIGINT NOT NULL,
        PRIMARY KEY (user_id, session_id)
      );

      -- ── report records ─────────────────────────────────────────────────────────────────────
      CREATE TABLE episodes (
        pk                 BIGSERIAL PRIMARY KEY,  -- a session's current episode is its newest
        session_id         TEXT NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
        live_chat_id       TEXT NOT NULL,
        origin             TEXT NOT NULL CHECK (origin IN ('customer', 'outbound')),
        started_at         BIGINT NOT NULL,
        taken_at           BIGINT,
        taken_by           TEXT,
        first_response_at  BIGINT,
        first_responder_id TEXT,
        closed_at          BIGINT,
        closed_by          TEXT
      );
      CREATE INDEX episodes_by_session ON episodes (session_id, pk);
      CREATE INDEX episodes_by_live_chat ON episodes (live_chat_id);

      CREATE TABLE activity (
        pk      BIGSERIAL PRIMARY KEY,
        user_id TEXT NOT NULL,
        entry   JSONB NOT NULL                     -- the ActivityEntry
      );
      CREATE INDEX activity_by_user ON activity (user_id, pk);

      -- ── event streams ──────────────────────────────────────────────────────────────────────
      -- One counter row per user, advanced (and so row-locked) by the transaction that appends:
      -- seqs are gap-free, and each user's events commit in seq order.
      CREATE TABLE event_streams (
        user_id    TEXT PRIMARY KEY,
        last_seq   BIGINT NOT NULL,
        oldest_seq BIGINT NOT NULL                 -- oldest retained; last_seq + 1 when none is
      );
      CREATE TABLE events (
        user_id TEXT NOT NULL,
        seq     BIGINT NOT NULL,
        at      BIGINT NOT NULL,                   -- when it was appended (for retention)
        event   TEXT NOT NULL,                     -- the ServerEvent without its seq (JSON)
        PRIMARY KEY (user_id, seq)
      );

      -- ── idempotency ────────────────────────────────────────────────────────────────────────
      CREATE TABLE command_results (
        user_id    TEXT NOT NULL,
        command_id TEXT NOT NULL,
        at         BIGINT NOT NULL,
        result     JSONB NOT NULL,                 -- the CommandResult
        PRIMARY KEY (user_id, command_id)
      );
      CREATE INDEX command_results_by_time ON command_results (at);

      -- ── ids and versions ───────────────────────────────────────────────────────────────────
      CREATE SEQUENCE record_ids;                  -- the number of generated ids
      -- 'directory': bumped by every directory write, so instances drop their cached copy.
      CREATE TABLE counters (
        name  TEXT PRIMARY KEY,
        value BIGINT NOT NULL
      );
      INSERT INTO counters (name, value) VALUES ('directory', 0);
    `);
  },
};
