/**
 * Rows of the channel tables as both SQL stores read them (the same columns in SQLite and
 * PostgreSQL), and the values of the channel store port they become.
 */
import type { Customer } from '@live-chat/core';
import type { ChannelEndpoint } from '../config/schema.js';
import type { OutboundTarget } from './outbound-message.js';
import type { ClaimedDelivery, DeliverySettlement, InboundRecord, OutboxCounts } from './store.js';

/** A row of `channel_inbound`. */
export interface InboundRow {
  channel_id: string;
  provider_message_id: string;
  message_id: string;
  session_id: string;
  provider_sent_at: number | null;
  received_at: number;
}

/** A claimed row of `channel_outbox`, with the end of its lease. */
export interface ClaimRow {
  message_id: string;
  channel_id: string;
  body: string;
  attempts: number;
  lease_until: number;
}

/** What the queueing transaction reads about a session with an outbound endpoint. */
export interface TargetRow {
  channel_id: string;
  live_chat_id: string;
  customer_id: string;
  /** The customer document: JSON text in SQLite, already parsed by PostgreSQL. */
  customer: string | Customer | null;
  external_id: string | null;
}

/** An endpoint document: JSON text in SQLite, already parsed by PostgreSQL. */
export function endpointOf(data: string | ChannelEndpoint): ChannelEndpoint {
  return typeof data === 'string' ? (JSON.parse(data) as ChannelEndpoint) : data;
}

export function inboundFromRow(row: InboundRow): InboundRecord {
  return {
    channelId: row.channel_id,
    providerMessageId: row.provider_message_id,
    messageId: row.message_id,
    sessionId: row.session_id,
    providerSentAt: row.provider_sent_at,
    receivedAt: row.received_at,
  };
}

/** The columns of an inbound record, in the order of {@link INBOUND_COLUMNS}. */
export function inboundValues(record: InboundRecord): [string, string, string, string, number | null, number] {
  return [
    record.channelId,
    record.providerMessageId,
    record.messageId,
    record.sessionId,
    record.providerSentAt,
    record.receivedAt,
  ];
}

/** The columns {@link inboundValues} fills. */
export const INBOUND_COLUMNS =
  'channel_id, provider_message_id, message_id, session_id, provider_sent_at, received_at';

export function claimFromRow(row: ClaimRow): ClaimedDelivery {
  return {
    messageId: row.message_id,
    channelId: row.channel_id,
    body: row.body,
    attempts: row.attempts,
    leaseUntil: row.lease_until,
  };
}

export function targetFromRow(row: TargetRow): OutboundTarget {
  const { customer } = row;
  return {
    channelId: row.channel_id,
    liveChatId: row.live_chat_id,
    customerId: row.customer_id,
    customer:
      customer === null
        ? undefined
        : typeof customer === 'string'
          ? (JSON.parse(customer) as Customer)
          : customer,
    externalId: row.external_id,
  };
}

/**
 * The values of the settling update, by name: the state, attempts, last error and next due
 * time (`null`: unchanged) it sets, and the claim it must still hold.
 */
export function settlementValues(
  claim: ClaimedDelivery,
  settlement: DeliverySettlement,
  now: number,
) {
  return {
    id: claim.messageId,
    lease: claim.leaseUntil,
    state: settlement.state,
    attempts: settlement.attempts,
    error: settlement.error,
    next: settlement.state === 'pending' ? settlement.nextAttemptAt : null,
    now,
  };
}

/** Counts per state from `SELECT state, count(*) AS n … GROUP BY state`. */
export function countsFromRows(rows: readonly { state: keyof OutboxCounts; n: number }[]): OutboxCounts {
  const counts: OutboxCounts = { pending: 0, delivered: 0, failed: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}
