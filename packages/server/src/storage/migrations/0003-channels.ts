/**
 * Channels: the endpoints of the configuration (inbound webhooks and their outbound
 * counterparts), which customer an external account is, the provider message ids already
 * received (idempotency), the outbound delivery queue (survives a restart) and the delivery
 * state of each operator message.
 */
import type { Migration } from './migration.js';

export const channels: Migration = {
  version: 3,
  name: 'channels',
  up(db) {
    db.exec(`
      -- The ChannelDelivery of an operator message (JSON); NULL when not delivered by a channel.
      ALTER TABLE messages ADD COLUMN channel_delivery TEXT;

      -- Channel endpoints of the configuration, as applied.
      CREATE TABLE channel_endpoints (
        id   TEXT PRIMARY KEY,
        data TEXT NOT NULL                        -- the ChannelEndpoint
      );

      -- Which customer an external account of a channel is.
      CREATE TABLE channel_customers (
        channel_id  TEXT NOT NULL,
        external_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        PRIMARY KEY (channel_id, external_id)
      ) WITHOUT ROWID;

      -- Inbound messages by the provider's id: a repeated delivery is stored once.
      CREATE TABLE channel_inbound (
        channel_id          TEXT NOT NULL,
        provider_message_id TEXT NOT NULL,
        message_id          TEXT NOT NULL,
        session_id          TEXT NOT NULL,
        provider_sent_at    INTEGER,
        received_at         INTEGER NOT NULL,
        PRIMARY KEY (channel_id, provider_message_id)
      ) WITHOUT ROWID;

      -- Outbound deliveries: one per operator message, retried until delivered or failed.
      CREATE TABLE channel_outbox (
        message_id      TEXT PRIMARY KEY,
        channel_id      TEXT NOT NULL,
        body            TEXT NOT NULL,            -- the JSON posted to the outbound webhook
        state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts        INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        last_error      TEXT,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX channel_outbox_due ON channel_outbox (next_attempt_at) WHERE state = 'pending';
    `);
  },
};
