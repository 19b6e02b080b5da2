/**
 * Channels: the endpoints of the configuration, which customer an external account is, the
 * provider message ids already received (idempotency) and the outbound delivery queue, shared
 * by every instance. (Delivery states are in `messages.channel_delivery`, there from the start.)
 * A delivery is claimed by one instance at a time: `claimed_by` until `claimed_until`.
 */
import {
  channelDeliveryTables,
  channelEndpointTables,
  POSTGRES,
} from '../../storage/migrations/shared-tables.js';
import { runSql, type PostgresMigration } from './migration.js';

/** The outbox's claim columns, there from the start (SQLite added them in its migration 5). */
const DELIVERY_CLAIMS = `
  claimed_by    TEXT,    -- the instance attempting it
  claimed_until BIGINT,  -- its lease: due again for others after it
`;

export const channels: PostgresMigration = {
  version: 3,
  name: 'channels',
  up: runSql(`
    ${channelEndpointTables(POSTGRES)}
    CREATE INDEX channel_customers_by_customer ON channel_customers (channel_id, customer_id);

    -- Directory customers by their account, for inbound messages of a new external id.
    CREATE INDEX customers_by_account ON customers ((data->>'account'))
      WHERE kind = 'external';
    ${channelDeliveryTables(POSTGRES, DELIVERY_CLAIMS)}
  `),
};
