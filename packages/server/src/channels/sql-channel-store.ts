/**
 * The channel store over SQL, written once for SQLite and PostgreSQL (their channel tables have
 * the same columns): each database only says how it runs a statement ({@link SqlRunner}), at
 * once or with a promise, and the one clause that differs ({@link SqlDialect}). Statements use
 * `?` placeholders; JSON documents are read with `->` and `->>`, which both databases know.
 *
 * An outbound delivery is claimed by one process at a time: the claim (`claimed_by`, until
 * `claimed_until`) is a lease. Where rows lock (PostgreSQL), concurrent claims pass each other's
 * rows by (`FOR UPDATE SKIP LOCKED`); SQLite runs one write at a time anyway. When the process
 * holding a claim dies, the delivery is due again for anyone once the lease ran out, and the
 * late process's settling finds the claim gone and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Channel, Customer, Id, Message, User } from '@live-chat/core';
import { andThen, drive, io, type Io, type StoreMode } from '@live-chat/core/engine';
import type { ChannelEndpoint } from '../config/schema.js';
import { outboxEntry, type OutboundTarget } from './outbound-message.js';
import type {
  ChannelStore,
  ClaimedDelivery,
  DeliverySettlement,
  InboundRecord,
  OutboxCounts,
} from './store.js';

/** How a database runs one statement with `?` placeholders. */
export interface SqlRunner<M extends StoreMode> {
  /** The rows a statement answers (a query, or a change with `RETURNING`). */
  rows<R>(sql: string, values: readonly unknown[]): Io<M, R[]>;
  /** Runs a change; answers how many rows it changed. */
  change(sql: string, values: readonly unknown[]): Io<M, number>;
}

/** What differs between the databases' channel SQL. */
export interface SqlDialect {
  /** Ends the claim's selection of due rows: `FOR UPDATE SKIP LOCKED` where rows lock. */
  skipLocked: string;
  /** The column that orders `customers` as they were added. */
  customerOrder: string;
}

/** A JSON document as a column holds it: text (SQLite), or already parsed (PostgreSQL JSONB). */
function documentOf<T>(data: string | T): T {
  return typeof data === 'string' ? (JSON.parse(data) as T) : data;
}

/** Runs `steps` (each waiting for the one before) at once or with a promise, as the runner does. */
function inOrder<M extends StoreMode>(steps: () => Generator<Io<M, unknown>>): Io<M, void> {
  return drive(
    (function* () {
      for (const step of steps()) yield* io(step as Io<StoreMode, unknown>);
    })(),
  ) as Io<M, void>;
}

const ENDPOINT_DATA = 'SELECT data FROM channel_endpoints';

/**
 * Replaces the endpoints of the configuration, on `db`: the connection of the caller's
 * transaction (applying a configuration).
 */
export function replaceEndpoints<M extends StoreMode>(
  db: SqlRunner<M>,
  endpoints: readonly ChannelEndpoint[],
): Io<M, void> {
  return inOrder<M>(function* () {
    yield db.change('DELETE FROM channel_endpoints', []);
    for (const endpoint of endpoints) {
      yield db.change('INSERT INTO channel_endpoints (id, data) VALUES (?, ?)', [
        endpoint.id,
        JSON.stringify(endpoint),
      ]);
    }
  });
}

/**
 * Queues an operator message when its session's channel has an outbound endpoint, on `db`: the
 * connection of the transaction that appends the message, so both commit or neither does.
 */
export function queueOperatorMessage<M extends StoreMode>(
  db: SqlRunner<M>,
  message: Message,
  operator: User | undefined,
): Io<M, void> {
  const runner = db as SqlRunner<StoreMode>;
  const found = runner.rows<OutboundTarget & { customer: string | Customer | null }>(
    `SELECT e.id AS "channelId", s.live_chat_id AS "liveChatId", s.customer_id AS "customerId",
       c.data AS customer,
       (SELECT external_id FROM channel_customers
        WHERE channel_id = e.id AND customer_id = s.customer_id LIMIT 1) AS "externalId"
     FROM sessions s
     JOIN channel_endpoints e
       ON e.data->>'liveChatId' = s.live_chat_id AND e.data->>'channel' = s.channel
      AND e.data->'outbound' IS NOT NULL
     LEFT JOIN customers c ON c.id = s.customer_id
     WHERE s.id = ?
     ORDER BY e.id LIMIT 1`,
    [message.sessionId],
  );
  return andThen(found, ([target]) => {
    if (!target) return undefined;
    const customer = target.customer === null ? undefined : documentOf(target.customer);
    const entry = outboxEntry(message, { ...target, customer }, operator);
    return runner.change(
      `INSERT INTO channel_outbox
         (message_id, channel_id, body, state, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)
       ON CONFLICT (message_id) DO NOTHING`,
      [entry.messageId, entry.channelId, entry.body, entry.at, entry.at, entry.at],
    );
  }) as Io<M, void>;
}

/** The channel store of one database (see the module comment). */
export class SqlChannelStore<M extends StoreMode> implements ChannelStore<M> {
  /** Who this process is in `claimed_by`. */
  readonly instanceId = randomUUID();
  private readonly db: SqlRunner<StoreMode>;

  /** The store of the database `db` runs statements on. */
  constructor(
    db: SqlRunner<M>,
    private readonly dialect: SqlDialect,
  ) {
    this.db = db as SqlRunner<StoreMode>;
  }

  /** The rows of `sql`, made into what `then` makes of them. */
  private read<R, T>(sql: string, values: unknown[], then: (rows: R[]) => T): Io<M, T> {
    return andThen(this.db.rows<R>(sql, values), then) as Io<M, T>;
  }

  /** Runs the change `sql`; answers what `then` makes of how many rows it changed. */
  private write<T>(sql: string, values: unknown[], then: (changes: number) => T): Io<M, T> {
    return andThen(this.db.change(sql, values), then) as Io<M, T>;
  }

  endpoint(id: string): Io<M, ChannelEndpoint | undefined> {
    return this.read<{ data: string | ChannelEndpoint }, ChannelEndpoint | undefined>(
      `${ENDPOINT_DATA} WHERE id = ?`,
      [id],
      ([row]) => row && documentOf(row.data),
    );
  }

  endpoints(): Io<M, ChannelEndpoint[]> {
    return this.read<{ data: string | ChannelEndpoint }, ChannelEndpoint[]>(
      `${ENDPOINT_DATA} ORDER BY id`,
      [],
      (rows) => rows.map((row) => documentOf(row.data)),
    );
  }

  inbound(channelId: string, providerMessageId: string): Io<M, InboundRecord | undefined> {
    return this.read<InboundRecord, InboundRecord | undefined>(
      `SELECT channel_id AS "channelId", provider_message_id AS "providerMessageId",
         message_id AS "messageId", session_id AS "sessionId",
         provider_sent_at AS "providerSentAt", received_at AS "receivedAt"
       FROM channel_inbound WHERE channel_id = ? AND provider_message_id = ?`,
      [channelId, providerMessageId],
      ([record]) => record,
    );
  }

  recordInbound(record: InboundRecord): Io<M, boolean> {
    return this.write(
      `INSERT INTO channel_inbound (channel_id, provider_message_id, message_id, session_id,
         provider_sent_at, received_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [
        record.channelId,
        record.providerMessageId,
        record.messageId,
        record.sessionId,
        record.providerSentAt,
        record.receivedAt,
      ],
      (changes) => changes > 0,
    );
  }

  linkedCustomer(channelId: string, externalId: string): Io<M, Id | undefined> {
    return this.read<{ id: Id }, Id | undefined>(
      'SELECT customer_id AS id FROM channel_customers WHERE channel_id = ? AND external_id = ?',
      [channelId, externalId],
      ([row]) => row?.id,
    );
  }

  externalIdOf(channelId: string, customerId: Id): Io<M, string | undefined> {
    return this.read<{ id: string }, string | undefined>(
      `SELECT external_id AS id FROM channel_customers
       WHERE channel_id = ? AND customer_id = ? ORDER BY external_id LIMIT 1`,
      [channelId, customerId],
      ([row]) => row?.id,
    );
  }

  linkCustomer(channelId: string, externalId: string, customerId: Id): Io<M, void> {
    return this.write(
      `INSERT INTO channel_customers (channel_id, external_id, customer_id) VALUES (?, ?, ?)
       ON CONFLICT (channel_id, external_id) DO UPDATE SET customer_id = excluded.customer_id`,
      [channelId, externalId, customerId],
      () => undefined,
    );
  }

  customerWithAccount(channel: Channel, account: string): Io<M, Id | undefined> {
    return this.read<{ id: Id }, Id | undefined>(
      `SELECT id FROM customers
       WHERE kind = 'external' AND data->>'account' = ? AND data->>'messenger' = ?
       ORDER BY ${this.dialect.customerOrder} LIMIT 1`,
      [account, channel],
      ([row]) => row?.id,
    );
  }

  holdsMessage(customerId: Id, liveChatId: Id, clientMessageId: string): Io<M, boolean> {
    return this.read<{ held: unknown }, boolean>(
      `SELECT EXISTS (SELECT 1 FROM messages WHERE client_message_id = ? AND session_id = (
         SELECT id FROM sessions WHERE customer_id = ? AND live_chat_id = ?
         ORDER BY pk DESC LIMIT 1)) AS held`,
      [clientMessageId, customerId, liveChatId],
      ([row]) => Boolean(row?.held),
    );
  }

  claimDue(now: number, leaseMs: number, limit: number): Io<M, ClaimedDelivery[]> {
    return this.read<ClaimedDelivery, ClaimedDelivery[]>(
      `UPDATE channel_outbox SET claimed_by = ?, claimed_until = ?, updated_at = ?
       WHERE message_id IN (
         SELECT message_id FROM channel_outbox
         WHERE state = 'pending' AND next_attempt_at <= ?
           AND (claimed_until IS NULL OR claimed_until <= ?)
         ORDER BY next_attempt_at LIMIT ? ${this.dialect.skipLocked})
       RETURNING message_id AS "messageId", channel_id AS "channelId", body, attempts,
         claimed_until AS "leaseUntil"`,
      [this.instanceId, now + leaseMs, now, now, now, limit],
      (claims) => claims,
    );
  }

  nextDue(): Io<M, number | undefined> {
    return this.read<{ at: number | null }, number | undefined>(
      `SELECT min(CASE WHEN claimed_until > next_attempt_at THEN claimed_until
                       ELSE next_attempt_at END) AS at
       FROM channel_outbox WHERE state = 'pending'`,
      [],
      ([row]) => row?.at ?? undefined,
    );
  }

  settle(claim: ClaimedDelivery, settlement: DeliverySettlement, now: number): Io<M, boolean> {
    return this.write(
      `UPDATE channel_outbox SET state = ?, attempts = ?, last_error = ?,
         next_attempt_at = coalesce(?, next_attempt_at), claimed_by = NULL,
         claimed_until = NULL, updated_at = ?
       WHERE message_id = ? AND state = 'pending' AND claimed_by = ? AND claimed_until = ?`,
      [
        settlement.state,
        settlement.attempts,
        settlement.error,
        settlement.state === 'pending' ? settlement.nextAttemptAt : null,
        now,
        claim.messageId,
        this.instanceId,
        claim.leaseUntil,
      ],
      (changes) => changes > 0,
    );
  }

  counts(): Io<M, OutboxCounts> {
    return this.read<{ state: keyof OutboxCounts; n: number }, OutboxCounts>(
      'SELECT state, count(*) AS n FROM channel_outbox GROUP BY state',
      [],
      (rows) => {
        const counts: OutboxCounts = { pending: 0, delivered: 0, failed: 0 };
        for (const row of rows) counts[row.state] = row.n;
        return counts;
      },
    );
  }
}
