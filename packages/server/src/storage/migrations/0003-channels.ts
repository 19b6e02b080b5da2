/**
 * Channels: the endpoints of the configuration (inbound webhooks and their outbound
 * counterparts), which customer an external account is, the provider message ids already
 * received (idempotency), the outbound delivery queue (survives a restart) and the delivery
 * state of each operator message.
 */
import type { Migration } from './migration.js';
import { channelDeliveryTables, channelEndpointTables, SQLITE } from './shared-tables.js';

export const channels: Migration = {
  version: 3,
  name: 'channels',
  up(db) {
    db.exec(`
      -- The ChannelDelivery of an operator message (JSON); NULL when not delivered by a channel.
      ALTER TABLE messages ADD COLUMN channel_delivery TEXT;
      ${channelEndpointTables(SQLITE)}
      ${channelDeliveryTables(SQLITE)}
    `);
  },
};
