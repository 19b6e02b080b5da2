/**
 * Outbound delivery: operator replies and +New Session messages in sessions of a channel with an
 * outbound webhook are POSTed to it, signed like inbound requests, with retries and exponential
 * back-off. The queue is the `channel_outbox` table, so a restart resumes it; each message's
 * `channelDelivery` goes `sent` → `delivered`, or `failed` with the reason, and every user who
 * sees the session gets `message.updated`.
 *
 * Delivery is at least once: a request whose answer was lost (or that was in flight when the
 * process stopped) is sent again. Receivers deduplicate by the `X-Live-Chat-Delivery` header
 * (the message id).
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { ChannelDelivery, Id, Message, Session } from '@live-chat/core';
import type { ChannelEndpoint } from '../config/schema.js';
import type { SqliteBackend } from '../storage/backend.js';
import { EndpointTable, outboundSecret } from './endpoints.js';
import { SIGNATURE_HEADER, signBody } from './signature.js';

/** The body POSTed to an outbound webhook (see docs/server.md, "Channels"). */
export interface OutboundMessage {
  /** The message id: also in `X-Live-Chat-Delivery`, the same for every attempt. */
  messageId: Id;
  channelId: string;
  sessionId: Id;
  liveChatId: Id;
  customer: { id: Id; externalId: string; name: string };
  operator: { id: Id; name: string };
  text: string;
  sentAt: number;
}

/** Back-off and limits of outbound delivery (each endpoint may override them). */
export interface OutboundDefaults {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

/** Default retry and timeout settings of outbound webhook delivery. */
export const DEFAULT_OUTBOUND: OutboundDefaults = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 300_000,
  timeoutMs: 10_000,
});

interface OutboxRow {
  message_id: string;
  channel_id: string;
  body: string;
  attempts: number;
}

/** The delivery worker of one backend. */
export class OutboundDeliveries {
  private readonly endpoints: EndpointTable;
  private readonly sql: {
    enqueue: Database.Statement<[string, string, string, number, number, number]>;
    due: Database.Statement<[number, number], OutboxRow>;
    nextDue: Database.Statement<[], number | null>;
    claim: Database.Statement<[number, number, string, number]>;
    retry: Database.Statement<[number, number, string, number, string]>;
    finish: Database.Statement<[string, number, string | null, number, string]>;
    externalId: Database.Statement<[string, string], string>;
  };
  private readonly inFlight = new Map<Id, AbortController>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private closed = false;
  private readonly stopListening: () => void;
  private readonly idleWaiters = new Set<() => void>();

  constructor(
    private readonly backend: SqliteBackend,
    private readonly options: {
      logger: Logger;
      env?: NodeJS.ProcessEnv;
      defaults?: Partial<OutboundDefaults>;
      fetch?: typeof fetch;
    },
  ) {
    const db = backend.store.db;
    this.endpoints = new EndpointTable(db);
    this.sql = {
      enqueue: db.prepare(
        `INSERT OR IGNORE INTO channel_outbox
           (message_id, channel_id, body, state, attempts, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)`,
      ),
      due: db.prepare(
        `SELECT message_id, channel_id, body, attempts FROM channel_outbox
         WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
      ),
      nextDue: db
        .prepare<[], number | null>(
          "SELECT min(next_attempt_at) FROM channel_outbox WHERE state = 'pending'",
        )
        .pluck(),
      // A lease: the row is not due again until the attempt's time is up (another process on
      // the same database skips it meanwhile).
      claim: db.prepare(
        `UPDATE channel_outbox SET next_attempt_at = ?, updated_at = ?
         WHERE message_id = ? AND state = 'pending' AND next_attempt_at <= ?`,
      ),
      retry: db.prepare(
        `UPDATE channel_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ?
         WHERE message_id = ?`,
      ),
      finish: db.prepare(
        `UPDATE channel_outbox SET state = ?, attempts = ?, last_error = ?, updated_at = ?
         WHERE message_id = ?`,
      ),
      externalId: db
        .prepare<[string, string], string>(
          'SELECT external_id FROM channel_customers WHERE channel_id = ? AND customer_id = ?',
        )
        .pluck(),
    };
    this.stopListening = backend.onMessage((message, session) => this.offer(message, session));
    this.schedule();
  }

  private get fetch(): typeof fetch {
    return this.options.fetch ?? fetch;
  }

  private settings(endpoint: ChannelEndpoint | undefined): OutboundDefaults {
    return {
      ...DEFAULT_OUTBOUND,
      ...this.options.defaults,
      ...endpoint?.outbound,
    } as OutboundDefaults;
  }

  /** Queues an operator message of a session whose channel has an outbound webhook. */
  private offer(message: Message, session: Session): void {
    if (this.closed || message.author.kind !== 'operator') return;
    const endpoint = this.endpoints.forSession(session.liveChatId, session.channel);
    if (!endpoint?.outbound) return;
    const customer = this.backend.getCustomer(session.customerId);
    const operator = this.backend.store.run(
      (tx) => tx.user(message.author.kind === 'operator' ? message.author.userId : ''),
      true,
    );
    const body: OutboundMessage = {
      messageId: message.id,
      channelId: endpoint.id,
      sessionId: session.id,
      liveChatId: session.liveChatId,
      customer: {
        id: session.customerId,
        externalId:
          this.sql.externalId.get(endpoint.id, session.customerId) ??
          (customer?.kind === 'external' ? customer.account : session.customerId),
        name: customer?.name ?? '',
      },
      operator: { id: operator?.id ?? '', name: operator?.name ?? '' },
      text: message.text,
      sentAt: message.sentAt,
    };
    const now = this.backend.now();
    const queued = this.sql.enqueue.run(
      message.id,
      endpoint.id,
      JSON.stringify(body),
      now,
      now,
      now,
    );
    if (queued.changes === 0) return;
    this.record(message.id, { state: 'sent', at: now, attempts: 0 });
    this.schedule(now);
  }

  /** Sets the message's delivery state (users who see it get `message.updated`). */
  private record(messageId: Id, delivery: ChannelDelivery): void {
    if (this.closed || this.backend.isDisposed) return;
    const result = this.backend.setChannelDelivery(messageId, delivery);
    if (!result.ok) {
      this.options.logger.warn({ messageId, error: result.error }, 'delivery state not recorded');
    }
  }

  /** Arms the timer for the earliest due delivery (or `at`, when sooner). */
  private schedule(at?: number): void {
    if (this.closed) return;
    const next = at ?? this.sql.nextDue.get() ?? Infinity;
    if (next >= this.timerAt || next === Infinity) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = next;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, next - this.backend.now()),
    );
    this.timer.unref?.();
  }

  /** Starts every due delivery not in flight, then waits for the next one. */
  private pump(): void {
    if (this.closed || this.backend.isDisposed) return;
    const now = this.backend.now();
    for (const row of this.sql.due.all(now, 64)) {
      if (this.inFlight.has(row.message_id)) continue;
      const endpoint = this.endpoints.get(row.channel_id);
      const settings = this.settings(endpoint);
      const claimed = this.sql.claim.run(now + settings.timeoutMs + 1000, now, row.message_id, now);
      if (claimed.changes === 0) continue;
      void this.attempt(row, endpoint, settings);
    }
    this.schedule();
  }

  private async attempt(
    row: OutboxRow,
    endpoint: ChannelEndpoint | undefined,
    settings: OutboundDefaults,
  ): Promise<void> {
    const attempts = row.attempts + 1;
    const controller = new AbortController();
    this.inFlight.set(row.message_id, controller);
    let reason: string | undefined;
    let permanent = false;
    try {
      const secret = endpoint && outboundSecret(endpoint, this.options.env);
      if (!endpoint?.outbound) {
        reason = `The channel "${row.channel_id}" has no outbound webhook any more.`;
        permanent = true;
      } else if (!secret) {
        reason = `The channel "${row.channel_id}" has no secret to sign with.`;
      } else {
        const timeout = setTimeout(
          () => controller.abort(new Error('timeout')),
          settings.timeoutMs,
        );
        try {
          const response = await this.fetch(endpoint.outbound.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              [SIGNATURE_HEADER]: signBody(secret, row.body),
              'x-live-chat-delivery': row.message_id,
              'x-live-chat-attempt': String(attempts),
            },
            body: row.body,
            signal: controller.signal,
          });
          await response.arrayBuffer().catch(() => undefined);
          if (!response.ok) {
            reason = `The webhook answered HTTP ${response.status}.`;
            // Client errors will not go away by asking again (except timeouts and rate limits).
            permanent =
              response.status >= 400 &&
              response.status < 500 &&
              ![408, 429].includes(response.status);
          }
        } finally {
          clearTimeout(timeout);
        }
      }
    } catch (error) {
      reason = controller.signal.aborted
        ? this.closed
          ? undefined
          : `No answer within ${settings.timeoutMs} ms.`
        : `The request failed: ${(error as Error).message}${(error as { cause?: Error }).cause ? ` (${(error as { cause: Error }).cause.message})` : ''}.`;
    } finally {
      this.inFlight.delete(row.message_id);
    }
    if (this.closed || this.backend.isDisposed) {
      this.settle();
      return; // the row is still pending: the next start tries again
    }
    const now = this.backend.now();
    if (reason === undefined) {
      this.sql.finish.run('delivered', attempts, null, now, row.message_id);
      this.record(row.message_id, { state: 'delivered', at: now, attempts });
    } else if (permanent || attempts >= settings.maxAttempts) {
      this.sql.finish.run('failed', attempts, reason, now, row.message_id);
      this.record(row.message_id, { state: 'failed', at: now, attempts, reason });
      this.options.logger.warn(
        { messageId: row.message_id, attempts, reason },
        'outbound delivery failed',
      );
    } else {
      const delay = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempts - 1));
      this.sql.retry.run(attempts, now + delay, reason, now, row.message_id);
      this.record(row.message_id, { state: 'sent', at: now, attempts, reason });
      this.options.logger.debug(
        { messageId: row.message_id, attempts, reason, delay },
        'outbound delivery will retry',
      );
      this.schedule(now + delay);
    }
    this.settle();
  }

  private settle(): void {
    if (this.inFlight.size > 0) return;
    for (const resolve of [...this.idleWaiters]) resolve();
    this.idleWaiters.clear();
  }

  /** How many deliveries are pending, delivered and failed (operations, tests). */
  counts(): Record<'pending' | 'delivered' | 'failed', number> {
    const rows = this.backend.store.db
      .prepare<[], { state: 'pending' | 'delivered' | 'failed'; n: number }>(
        'SELECT state, count(*) AS n FROM channel_outbox GROUP BY state',
      )
      .all();
    const counts = { pending: 0, delivered: 0, failed: 0 };
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  /** Stops: no new attempts, requests in flight are aborted (and stay pending for the next start). */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.stopListening();
      if (this.timer) clearTimeout(this.timer);
      for (const controller of this.inFlight.values()) controller.abort(new Error('closing'));
    }
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }
}
