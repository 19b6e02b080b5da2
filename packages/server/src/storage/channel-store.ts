/**
 * The channel store of a SQLite database (migration 3's tables): the synchronous
 * {@link ChannelStore}, and the queueing of operator messages that the store's transactions run
 * as they append them. A claim's lease is the row's `next_attempt_at`: claiming pushes it to
 * the lease's end, so the row is due again for anyone only once the lease ran out.
 */
import type Database from 'better-sqlite3';
import type { Channel, Id, Message, User } from '@live-chat/core';
import type { ChannelEndpoint } from '../config/schema.js';
import { outboxEntry, type OutboxEntry } from '../channels/outbound-message.js';
import type {
  ChannelStore,
  ClaimedDelivery,
  DeliverySettlement,
  InboundRecord,
  OutboxCounts,
} from '../channels/store.js';
import {
  claimFromRow,
  countsFromRows,
  endpointOf,
  INBOUND_COLUMNS,
  inboundFromRow,
  inboundValues,
  settlementValues,
  targetFromRow,
  type ClaimRow,
  type InboundRow,
  type TargetRow,
} from '../channels/store-rows.js';

type Settle = ReturnType<typeof settlementValues>;

/** The channel tables of one SQLite connection (see the module comment). */
export class SqliteChannelStore implements ChannelStore<'sync'> {
  private readonly sql: {
    endpoint: Database.Statement<[string], string>;
    endpoints: Database.Statement<[], string>;
    inbound: Database.Statement<[string, string], InboundRow>;
    recordInbound: Database.Statement<ReturnType<typeof inboundValues>>;
    linkedCustomer: Database.Statement<[string, string], string>;
    linkCustomer: Database.Statement<[string, string, string]>;
    customerWithAccount: Database.Statement<[string, string], string>;
    holdsMessage: Database.Statement<[string, string, string], number>;
    claimDue: Database.Statement<{ now: number; lease: number; limit: number }, ClaimRow>;
    nextDue: Database.Statement<[], number | null>;
    settle: Database.Statement<Settle>;
    counts: Database.Statement<[], { state: keyof OutboxCounts; n: number }>;
    target: Database.Statement<[string], TargetRow>;
    enqueue: Database.Statement<OutboxEntry>;
  };

  /** Prepares the statements on `db` (migrated). */
  constructor(db: Database.Database) {
    this.sql = {
      endpoint: db.prepare<[string], string>('SELECT data FROM channel_endpoints WHERE id = ?').pluck(),
      endpoints: db.prepare<[], string>('SELECT data FROM channel_endpoints ORDER BY id').pluck(),
      inbound: db.prepare(
        'SELECT * FROM channel_inbound WHERE channel_id = ? AND provider_message_id = ?',
      ),
      recordInbound: db.prepare(
        `INSERT OR IGNORE INTO channel_inbound (${INBOUND_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      linkedCustomer: db
        .prepare<[string, string], string>(
          'SELECT customer_id FROM channel_customers WHERE channel_id = ? AND external_id = ?',
        )
        .pluck(),
      linkCustomer: db.prepare(
        'INSERT OR REPLACE INTO channel_customers (channel_id, external_id, customer_id) VALUES (?, ?, ?)',
      ),
      customerWithAccount: db
        .prepare<[string, string], string>(
          `SELECT id FROM customers WHERE kind = 'external'
             AND json_extract(data, '$.messenger') = ? AND json_extract(data, '$.account') = ?
           ORDER BY rowid LIMIT 1`,
        )
        .pluck(),
      holdsMessage: db
        .prepare<[string, string, string], number>(
          `SELECT EXISTS (SELECT 1 FROM messages WHERE client_message_id = ? AND session_id = (
             SELECT id FROM sessions WHERE customer_id = ? AND live_chat_id = ?
             ORDER BY pk DESC LIMIT 1))`,
        )
        .pluck(),
      claimDue: db.prepare(
        `UPDATE channel_outbox SET next_attempt_at = @lease, updated_at = @now
         WHERE message_id IN (
           SELECT message_id FROM channel_outbox
           WHERE state = 'pending' AND next_attempt_at <= @now
           ORDER BY next_attempt_at LIMIT @limit)
         RETURNING message_id, channel_id, body, attempts, next_attempt_at AS lease_until`,
      ),
      nextDue: db
        .prepare<[], number | null>(
          "SELECT min(next_attempt_at) FROM channel_outbox WHERE state = 'pending'",
        )
        .pluck(),
      settle: db.prepare(
        `UPDATE channel_outbox SET state = @state, attempts = @attempts, last_error = @error,
           next_attempt_at = coalesce(@next, next_attempt_at), updated_at = @now
         WHERE message_id = @id AND state = 'pending' AND next_attempt_at = @lease`,
      ),
      counts: db.prepare('SELECT state, count(*) AS n FROM channel_outbox GROUP BY state'),
      target: db.prepare(
        `SELECT e.id AS channel_id, s.live_chat_id, s.customer_id, c.data AS customer,
           (SELECT external_id FROM channel_customers
            WHERE channel_id = e.id AND customer_id = s.customer_id LIMIT 1) AS external_id
         FROM sessions s
         JOIN channel_endpoints e
           ON json_extract(e.data, '$.liveChatId') = s.live_chat_id
          AND json_extract(e.data, '$.channel') = s.channel
          AND json_extract(e.data, '$.outbound') IS NOT NULL
         LEFT JOIN customers c ON c.id = s.customer_id
         WHERE s.id = ?
         ORDER BY e.id LIMIT 1`,
      ),
      enqueue: db.prepare(
        `INSERT OR IGNORE INTO channel_outbox
           (message_id, channel_id, body, state, attempts, next_attempt_at, created_at, updated_at)
         VALUES (@messageId, @channelId, @body, 'pending', 0, @at, @at, @at)`,
      ),
    };
  }

  endpoint(id: string): ChannelEndpoint | undefined {
    const data = this.sql.endpoint.get(id);
    return data === undefined ? undefined : endpointOf(data);
  }

  endpoints(): ChannelEndpoint[] {
    return this.sql.endpoints.all().map(endpointOf);
  }

  inbound(channelId: string, providerMessageId: string): InboundRecord | undefined {
    const row = this.sql.inbound.get(channelId, providerMessageId);
    return row && inboundFromRow(row);
  }

  recordInbound(record: InboundRecord): boolean {
    return this.sql.recordInbound.run(...inboundValues(record)).changes > 0;
  }

  linkedCustomer(channelId: string, externalId: string): Id | undefined {
    return this.sql.linkedCustomer.get(channelId, externalId);
  }

  linkCustomer(channelId: string, externalId: string, customerId: Id): void {
    this.sql.linkCustomer.run(channelId, externalId, customerId);
  }

  customerWithAccount(channel: Channel, account: string): Id | undefined {
    return this.sql.customerWithAccount.get(channel, account);
  }

  holdsMessage(customerId: Id, liveChatId: Id, clientMessageId: string): boolean {
    return this.sql.holdsMessage.get(clientMessageId, customerId, liveChatId) === 1;
  }

  claimDue(now: number, leaseMs: number, limit: number): ClaimedDelivery[] {
    return this.sql.claimDue.all({ now, lease: now + leaseMs, limit }).map(claimFromRow);
  }

  nextDue(): number | undefined {
    return this.sql.nextDue.get() ?? undefined;
  }

  settle(claim: ClaimedDelivery, settlement: DeliverySettlement, now: number): boolean {
    return this.sql.settle.run(settlementValues(claim, settlement, now)).changes > 0;
  }

  counts(): OutboxCounts {
    return countsFromRows(this.sql.counts.all());
  }

  /**
   * Queues an operator message when its session's channel has an outbound endpoint. Runs
   * inside the transaction that appends the message (the connection's current one).
   */
  queueOperatorMessage(message: Message, operator: User | undefined): void {
    const row = this.sql.target.get(message.sessionId);
    if (!row) return;
    this.sql.enqueue.run(outboxEntry(message, targetFromRow(row), operator));
  }
}
