/**
 * Channels: the endpoints of the configuration, which customer an external account is, the
 * provider message ids already received (idempotency) and the outbound delivery queue, shared
 * by every instance. (Delivery states are in `messages.channel_delivery`, there from the start.)
 * A delivery is claimed by one instance at a time: `claimed_by` until `claimed_until`.
 */
import type { PostgresMigration } from './migration.js';

export const channels: PostgresMigration = {
  version: 3,
  name: 'channels',
  async up(client) {
    await client.query(`
      -- Channel endpoints of the configuration, as applied.
      CREATE TABLE channel_endpoints (
        id   TEXT PRIMARY KEY,
        data JSONB NOT NULL                       -- the ChannelEndpoint
      );

      -- Which customer an external account of a channel is.
      CREATE TABLE channel_customers (
        channel_id  TEXT NOT NULL,
        external_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        PRIMARY KEY (channel_id, external_id)
      );
      CREATE INDEX channel_customers_by_customer ON channel_customers (channel_id, customer_id);

      -- Directory customers by their account, for inbound messages of a new external id.
      CREATE INDEX customers_by_account ON customers ((data->>'account'))
        WHERE kind = 'external';

      -- Inbound messages by the provider's id: a repeated delivery is stored once.
      CREATE TABLE channel_inbound (
        channel_id          TEXT NOT NULL,
        provider_message_id TEXT NOT NULL,
        message_id          TEXT NOT NULL,
        session_id          TEXT NOT NULL,
        provider_sent_at    BIGINT,
        received_at         BIGINT NOT NULL,
        PRIMARY KEY (channel_id, provider_message_id)
      );

      -- Outbound deliveries: one per operator message, retried until delivered or failed.
      CREATE TABLE channel_outbox (
        message_id      TEXT PRIMARY KEY,
        channel_id      TEXT NOT NULL,
        body            TEXT NOT NULL,            -- the JSON posted to the outbound webhook
        state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts        INTEGER NOT NULL,
        next_attempt_at BIGINT NOT NULL,
        claimed_by      TEXT,                     -- the instance attempting it
        claimed_until   BIGINT,                   -- its lease: due again for others after it
        last_error      TEXT,
        created_at      BIGINT NOT NULL,
        updated_at      BIGINT NOT NULL
      );
      CREATE INDEX channel_outbox_due ON channel_outbox (next_attempt_at) WHERE state = 'pending';
    `);
  },
};
