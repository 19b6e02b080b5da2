/**
 * The channel store: the port through which channels keep their records in the backend's
 * database, whatever it is. The SQLite store answers at once, the PostgreSQL store with
 * promises ({@link Io}); the inbound handler and the outbound worker are written once over it.
 *
 * What it keeps: the endpoints of the configuration, which customer an external account is,
 * the provider message ids received (idempotency) and the outbound queue. Delivery states live
 * on the messages themselves (the engine's `setChannelDelivery`). Operator messages are queued
 * by the store's own transaction that appends them, never through this port
 * (`queueOperatorMessage` of `sql-channel-store.ts`), so a message and its queue row commit
 * together. `SqlChannelStore` implements the port for both databases.
 */
import type { Channel, Id } from '@live-chat/core';
import type { Io, StoreMode } from '@live-chat/core/engine';
import type { ChannelEndpoint } from '../config/schema.js';

/** One inbound message received: the provider's id and what it became. */
export interface InboundRecord {
  channelId: string;
  providerMessageId: string;
  messageId: Id;
  sessionId: Id;
  /** When the provider says the customer sent it (ms since the epoch), if it said. */
  providerSentAt: number | null;
  receivedAt: number;
}

/** A queued delivery claimed for one attempt (see {@link ChannelStore.claimDue}). */
export interface ClaimedDelivery {
  messageId: Id;
  channelId: string;
  /** The JSON POSTed to the outbound webhook, the same on every attempt. */
  body: string;
  /** Attempts made before this one. */
  attempts: number;
  /** Until when the claim holds; the row is due again for anyone after it. */
  leaseUntil: number;
}

/** How an attempt ended, as the queue records it. */
export type DeliverySettlement =
  | { state: 'delivered' | 'failed'; attempts: number; error: string | null }
  | { state: 'pending'; attempts: number; error: string; nextAttemptAt: number };

/** How many queued deliveries are in each state. */
export type OutboxCounts = Record<'pending' | 'delivered' | 'failed', number>;

/** The channel records of one database (see the module comment). */
export interface ChannelStore<M extends StoreMode = StoreMode> {
  /** An endpoint of the configuration by id. */
  endpoint(id: string): Io<M, ChannelEndpoint | undefined>;
  /** Every endpoint, in id order. */
  endpoints(): Io<M, ChannelEndpoint[]>;

  // ── inbound ──────────────────────────────────────────────────────────────────────────────
  /** What a provider message id became, when it was received before. */
  inbound(channelId: string, providerMessageId: string): Io<M, InboundRecord | undefined>;
  /** Records a received message; `false` when its provider id was recorded first by another. */
  recordInbound(record: InboundRecord): Io<M, boolean>;
  /** The customer an external account of the endpoint was linked to, if any. */
  linkedCustomer(channelId: string, externalId: string): Io<M, Id | undefined>;
  /** The external account of the endpoint a customer was linked to, if any. */
  externalIdOf(channelId: string, customerId: Id): Io<M, string | undefined>;
  /** Links an external account of the endpoint to a customer (replacing an earlier link). */
  linkCustomer(channelId: string, externalId: string, customerId: Id): Io<M, void>;
  /** The first directory customer with this account on this channel, if any. */
  customerWithAccount(channel: Channel, account: string): Io<M, Id | undefined>;
  /**
   * Whether the customer's latest session in the live chat holds a message stored with this
   * `clientMessageId` (written before, its inbound record lost with a stopped process).
   */
  holdsMessage(customerId: Id, liveChatId: Id, clientMessageId: string): Io<M, boolean>;

  // ── outbound queue ───────────────────────────────────────────────────────────────────────
  /**
   * Claims up to `limit` pending deliveries that are due at `now` and not claimed by anyone
   * else, until `now + leaseMs`: exactly one caller gets each, also across processes.
   */
  claimDue(now: number, leaseMs: number, limit: number): Io<M, ClaimedDelivery[]>;
  /** When the next pending delivery is due (a claimed one: when its lease ends), if any. */
  nextDue(): Io<M, number | undefined>;
  /**
   * Records how a claimed attempt ended and ends the claim; `false` (nothing changed) when the
   * lease had run out and another claimed the delivery since.
   */
  settle(claim: ClaimedDelivery, settlement: DeliverySettlement, now: number): Io<M, boolean>;
  /** How many deliveries are pending, delivered and failed. */
  counts(): Io<M, OutboxCounts>;
}
