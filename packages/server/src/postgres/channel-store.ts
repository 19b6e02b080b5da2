/**
 * The channel store of a PostgreSQL database (migration 3's tables), shared by every instance:
 * the asynchronous {@link ChannelStore}, and the queueing of operator messages that the store's
 * transactions run as they append them.
 *
 * An outbound delivery is claimed by one instance at a time: `SELECT … FOR UPDATE SKIP LOCKED`
 * lets concurrent claims pass each other's rows by, and the claim (`claimed_by`, until
 * `claimed_until`) is a lease. When the instance holding it dies, the row is due again for any
 * instance once the lease ran out; the late instance's settling finds the claim gone and
 * changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Channel, Id, Message, User } from '@live-chat/core';
import type { ChannelEndpoint } from '../config/schema.js';
import { outboxEntry } from '../channels/outbound-message.js';
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
  INBOUND_COLUMNS,
  inboundFromRow,
  inboundValues,
  settlementValues,
  targetFromRow,
  type ClaimRow,
  type InboundRow,
  type TargetRow,
} from '../channels/store-rows.js';

/**
 * Queues an operator message when its session's channel has an outbound endpoint, on the
 * connection of the transaction that appends it (so both commit, or neither).
 */
export async function queueOperatorMessage(
  client: pg.ClientBase,
  message: Message,
  operator: User | undefined,
): Promise<void> {
  const { rows } = await client.query<TargetRow>(
    `SELECT e.id AS channel_id, s.live_chat_id, s.customer_id, c.data AS customer,
       (SELECT external_id FROM channel_customers
        WHERE channel_id = e.id AND customer_id = s.customer_id LIMIT 1) AS external_id
     FROM sessions s
     JOIN channel_endpoints e
       ON e.live_chat_id = s.live_chat_id AND e.channel = s.channel AND e.has_outbound
     LEFT JOIN customers c ON c.id = s.customer_id
     WHERE s.id = $1
     ORDER BY e.id LIMIT 1`,
    [message.sessionId],
  );
  if (!rows[0]) return;
  const entry = outboxEntry(message, targetFromRow(rows[0]), operator);
  await client.query(
    `INSERT INTO channel_outbox
       (message_id, channel_id, body, state, attempts, next_attempt_at, created_at, updated_at)
     VALUES ($1, $2, $3, 'pending', 0, $4, $4, $4)
     ON CONFLICT (message_id) DO NOTHING`,
    [entry.messageId, entry.channelId, entry.body, entry.at],
  );
}

/** The channel tables behind a pool (see the module comment). */
export class PostgresChannelStore implements ChannelStore<'async'> {
  /** Who this instance is in `claimed_by`. */
  readonly instanceId = randomUUID();

  /** The store of the database `pool` connects to. */
  constructor(private readonly pool: pg.Pool) {}

  private async rows<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
    return (await this.pool.query<R>(text, values)).rows;
  }

  private async changes(text: string, values: unknown[]): Promise<boolean> {
    return ((await this.pool.query(text, values)).rowCount ?? 0) > 0;
  }

  async endpoint(id: string): Promise<ChannelEndpoint | undefined> {
    const rows = await this.rows<{ data: ChannelEndpoint }>(
      'SELECT data FROM channel_endpoints WHERE id = $1',
      [id],
    );
    return rows[0]?.data;
  }

  async endpoints(): Promise<ChannelEndpoint[]> {
    const rows = await this.rows<{ data: ChannelEndpoint }>(
      'SELECT data FROM channel_endpoints ORDER BY id',
    );
    return rows.map((row) => row.data);
  }

  async inbound(channelId: string, providerMessageId: string): Promise<InboundRecord | undefined> {
    const rows = await this.rows<InboundRow>(
      'SELECT * FROM channel_inbound WHERE channel_id = $1 AND provider_message_id = $2',
      [channelId, providerMessageId],
    );
    return rows[0] && inboundFromRow(rows[0]);
  }

  recordInbound(record: InboundRecord): Promise<boolean> {
    return this.changes(
      `INSERT INTO channel_inbound (${INBOUND_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      inboundValues(record),
    );
  }

  async linkedCustomer(channelId: string, externalId: string): Promise<Id | undefined> {
    const rows = await this.rows<{ customer_id: Id }>(
      'SELECT customer_id FROM channel_customers WHERE channel_id = $1 AND external_id = $2',
      [channelId, externalId],
    );
    return rows[0]?.customer_id;
  }

  async linkCustomer(channelId: string, externalId: string, customerId: Id): Promise<void> {
    await this.pool.query(
      `INSERT INTO channel_customers (channel_id, external_id, customer_id) VALUES ($1, $2, $3)
       ON CONFLICT (channel_id, external_id) DO UPDATE SET customer_id = excluded.customer_id`,
      [channelId, externalId, customerId],
    );
  }

  async customerWithAccount(channel: Channel, account: string): Promise<Id | undefined> {
    const rows = await this.rows<{ id: Id }>(
      `SELECT id FROM customers
       WHERE kind = 'external' AND data->>'account' = $2 AND data->>'messenger' = $1
       ORDER BY pk LIMIT 1`,
      [channel, account],
    );
    return rows[0]?.id;
  }

  async holdsMessage(customerId: Id, liveChatId: Id, clientMessageId: string): Promise<boolean> {
    const rows = await this.rows<{ held: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM messages WHERE client_message_id = $1 AND session_id = (
         SELECT id FROM sessions WHERE customer_id = $2 AND live_chat_id = $3
         ORDER BY pk DESC LIMIT 1)) AS held`,
      [clientMessageId, customerId, liveChatId],
    );
    return rows[0]?.held === true;
  }

  async claimDue(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const rows = await this.rows<ClaimRow>(
      `UPDATE channel_outbox o SET claimed_by = $3, claimed_until = $2, updated_at = $1
       FROM (SELECT message_id FROM channel_outbox
             WHERE state = 'pending' AND next_attempt_at <= $1
               AND (claimed_until IS NULL OR claimed_until <= $1)
             ORDER BY next_attempt_at LIMIT $4
             FOR UPDATE SKIP LOCKED) due
       WHERE o.message_id = due.message_id
       RETURNING o.message_id, o.channel_id, o.body, o.attempts, o.claimed_until AS lease_until`,
      [now, now + leaseMs, this.instanceId, limit],
    );
    return rows.map(claimFromRow);
  }

  async nextDue(): Promise<number | undefined> {
    const rows = await this.rows<{ at: number | null }>(
      `SELECT min(greatest(next_attempt_at, coalesce(claimed_until, 0))) AS at
       FROM channel_outbox WHERE state = 'pending'`,
    );
    return rows[0]?.at ?? undefined;
  }

  settle(claim: ClaimedDelivery, settlement: DeliverySettlement, now: number): Promise<boolean> {
    const v = settlementValues(claim, settlement, now);
    return this.changes(
      `UPDATE channel_outbox SET state = $3, attempts = $4, last_error = $5,
         next_attempt_at = coalesce($6, next_attempt_at), claimed_by = NULL,
         claimed_until = NULL, updated_at = $7
       WHERE message_id = $1 AND state = 'pending' AND claimed_by = $8 AND claimed_until = $2`,
      [v.id, v.lease, v.state, v.attempts, v.error, v.next, v.now, this.instanceId],
    );
  }

  async counts(): Promise<OutboxCounts> {
    return countsFromRows(
      await this.rows<{ state: keyof OutboxCounts; n: number }>(
        'SELECT state, count(*) AS n FROM channel_outbox GROUP BY state',
      ),
    );
  }
}
