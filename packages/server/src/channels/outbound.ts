/**
 * Outbound delivery: operator replies and +New Session messages in sessions of a channel with an
 * outbound webhook are POSTed to it, signed like inbound requests, with retries and exponential
 * back-off. The queue is the `channel_outbox` table: the store's transaction that appends an
 * operator message queues it (so a message is never stored without its delivery), and a
 * restart resumes it. Each message's `channelDelivery` goes `sent` → `delivered`, or `failed`
 * with the reason, and every user who sees the session gets `message.updated`.
 *
 * Several processes on one database share the queue: each attempt is claimed by one of them for
 * a lease (the attempt's timeout and a margin), and a delivery whose process died is attempted
 * again by another once the lease ran out. Whoever holds the claim records the states, so they
 * follow one another in order.
 *
 * Delivery is at least once: a request whose answer was lost (or that was in flight when the
 * process stopped) is sent again. Receivers deduplicate by the `X-Live-Chat-Delivery` header
 * (the message id).
 */
import type { Logger } from 'pino';
import type { ChannelDelivery, Id, Message } from '@live-chat/core';
import type { StoreMode } from '@live-chat/core/engine';
import type { ChannelEndpoint } from '../config/schema.js';
import type { MetricsRecorder } from '../metrics/index.js';
import type { SqlBackend } from '../storage/sql-backend.js';
import { outboundSecret } from './endpoints.js';
import type { OutboundMessage } from './outbound-message.js';
import { postSigned } from './signature.js';
import type { ChannelStore, ClaimedDelivery, DeliverySettlement, OutboxCounts } from './store.js';

export type { OutboundAttachment, OutboundMessage } from './outbound-message.js';

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

/** How much longer than an attempt's timeout its claim lasts. */
const LEASE_MARGIN_MS = 5000;

/** Deliveries claimed at once. */
const CLAIM_BATCH = 64;

/** What the worker needs of a backend: delivery states, new messages, the clock. */
export type OutboundBackend = Pick<
  SqlBackend<StoreMode>,
  'isDisposed' | 'now' | 'setChannelDelivery' | 'onMessage'
>;

/** Options of {@link OutboundDeliveries}. */
export interface OutboundOptions {
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  defaults?: Partial<OutboundDefaults>;
  fetch?: typeof fetch;
  metrics: MetricsRecorder;
  /**
   * How often to look for deliveries that are due without this process knowing (queued or
   * given up by another process on the same database), in ms; 0: never.
   */
  pollIntervalMs: number;
  /**
   * The signed link of a file for an endpoint (see `attachment-links.ts`), made for each
   * attempt; `undefined`: the file goes without a `url`.
   */
  attachmentLink?: (endpoint: ChannelEndpoint, attachmentId: Id) => string | undefined;
}

/** How one attempt ended. */
interface AttemptOutcome {
  /** Why it failed; `undefined`: delivered. */
  reason?: string;
  /** A failure that asking again cannot fix. */
  permanent?: boolean;
}

/** Why a request threw, for the delivery's `reason`. */
function requestFailure(error: unknown): string {
  const cause = (error as { cause?: Error }).cause;
  return `The request failed: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}.`;
}

/** Client errors will not go away by asking again (except timeouts and rate limits). */
function isPermanent(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** The delivery worker of one backend. */
export class OutboundDeliveries<M extends StoreMode = StoreMode> {
  private readonly inFlight = new Map<Id, AbortController>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private readonly poller: ReturnType<typeof setInterval> | undefined;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private closed = false;
  private readonly stopListening: () => void;
  private readonly idleWaiters = new Set<() => void>();

  /** Starts delivering what is due, and each operator message this process commits. */
  constructor(
    private readonly backend: OutboundBackend,
    private readonly store: ChannelStore,
    private readonly options: OutboundOptions,
  ) {
    this.stopListening = backend.onMessage((message) => this.offer(message));
    if (options.pollIntervalMs > 0) {
      this.poller = setInterval(() => this.pump(), options.pollIntervalMs);
      this.poller.unref?.();
    }
    this.pump();
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

  /** An operator message was committed here: its delivery (if any) is due now. */
  private offer(message: Message): void {
    if (message.author.kind === 'operator') this.pump();
  }

  /** Logs a failure of the worker's own bookkeeping (the database, most likely). */
  private failed(error: unknown, what: string): void {
    if (!this.closed && !this.backend.isDisposed) this.options.logger.warn({ err: error }, what);
  }

  /** Sets the message's delivery state (users who see it get `message.updated`). */
  private async record(messageId: Id, delivery: ChannelDelivery): Promise<void> {
    const result = await this.backend.setChannelDelivery(messageId, delivery);
    if (!result.ok) {
      this.options.logger.warn({ messageId, error: result.error }, 'delivery state not recorded');
    }
  }

  /** Arms the timer for `at` (ms since the epoch), unless it is armed sooner already. */
  private wakeAt(at: number): void {
    if (this.closed || at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, at - this.backend.now()),
    );
    this.timer.unref?.();
  }

  /** Claims and starts every due delivery, then waits for the next one; one pump at a time. */
  private pump(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.claimAndStart()
      .catch((error: unknown) => this.failed(error, 'outbound deliveries not claimed'))
      .finally(() => {
        this.pumping = undefined;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.pump();
        }
      });
  }

  private async claimAndStart(): Promise<void> {
    if (this.backend.isDisposed) return;
    const endpoints = new Map((await this.store.endpoints()).map((e) => [e.id, e]));
    // One lease for the batch: long enough for the slowest endpoint's attempt.
    const longest = Math.max(
      this.settings(undefined).timeoutMs,
      ...[...endpoints.values()].map((endpoint) => this.settings(endpoint).timeoutMs),
    );
    const now = this.backend.now();
    const claimed = await this.store.claimDue(now, longest + LEASE_MARGIN_MS, CLAIM_BATCH);
    for (const claim of claimed) {
      if (this.closed || this.inFlight.has(claim.messageId)) continue;
      void this.deliver(claim, endpoints.get(claim.channelId));
    }
    if (claimed.length === CLAIM_BATCH) this.pumpAgain = true;
    const next = await this.store.nextDue();
    if (next !== undefined) this.wakeAt(next);
  }

  /** Makes one attempt of a claimed delivery and records how it ended. */
  private async deliver(claim: ClaimedDelivery, endpoint: ChannelEndpoint | undefined) {
    const controller = new AbortController();
    this.inFlight.set(claim.messageId, controller);
    const settings = this.settings(endpoint);
    const attempts = claim.attempts + 1;
    try {
      if (claim.attempts === 0) {
        await this.record(claim.messageId, { state: 'sent', at: this.backend.now(), attempts: 0 });
      }
      const outcome = await this.attempt(claim, attempts, endpoint, settings, controller);
      // Stopped meanwhile: the claim runs out and the next start (or another process) retries.
      if (this.closed || this.backend.isDisposed) return;
      await this.conclude(claim, attempts, outcome, settings);
    } catch (error) {
      this.failed(error, 'outbound delivery not recorded');
    } finally {
      this.inFlight.delete(claim.messageId);
      this.settle();
    }
  }

  /** POSTs the delivery's body to the endpoint, within the timeout. */
  private async attempt(
    claim: ClaimedDelivery,
    attempts: number,
    endpoint: ChannelEndpoint | undefined,
    settings: OutboundDefaults,
    controller: AbortController,
  ): Promise<AttemptOutcome> {
    if (!endpoint?.outbound) {
      const reason = `The channel "${claim.channelId}" has no outbound webhook any more.`;
      return { reason, permanent: true };
    }
    const secret = outboundSecret(endpoint, this.options.env);
    if (!secret) return { reason: `The channel "${claim.channelId}" has no secret to sign with.` };
    try {
      const status = await postSigned(
        this.fetch,
        endpoint.outbound.url,
        secret,
        this.bodyOf(claim, endpoint),
        { 'x-live-chat-delivery': claim.messageId, 'x-live-chat-attempt': String(attempts) },
        settings.timeoutMs,
        controller,
      );
      if (status >= 200 && status < 300) return {};
      return { reason: `The webhook answered HTTP ${status}.`, permanent: isPermanent(status) };
    } catch (error) {
      return {
        reason: controller.signal.aborted
          ? `No answer within ${settings.timeoutMs} ms.`
          : requestFailure(error),
      };
    }
  }

  /** The body of an attempt: the queued one, with a fresh signed link on each of its files. */
  private bodyOf(claim: ClaimedDelivery, endpoint: ChannelEndpoint): string {
    const link = this.options.attachmentLink;
    if (!link) return claim.body;
    const body = JSON.parse(claim.body) as OutboundMessage;
    if (!body.attachments?.length) return claim.body;
    body.attachments = body.attachments.map((file) => {
      const url = link(endpoint, file.id);
      return url === undefined ? file : { ...file, url };
    });
    return JSON.stringify(body);
  }

  /**
   * Records the message's new state, then ends the claim. In this order, a process stopping in
   * between leaves the delivery claimed: it is attempted again after the lease (at least once),
   * and its state is never behind what the receiver got.
   */
  private async conclude(
    claim: ClaimedDelivery,
    attempts: number,
    { reason, permanent }: AttemptOutcome,
    settings: OutboundDefaults,
  ): Promise<void> {
    const now = this.backend.now();
    const { messageId } = claim;
    let settlement: DeliverySettlement;
    if (reason === undefined) {
      this.options.metrics.webhookDelivery('delivered');
      await this.record(messageId, { state: 'delivered', at: now, attempts });
      settlement = { state: 'delivered', attempts, error: null };
    } else if (permanent || attempts >= settings.maxAttempts) {
      this.options.metrics.webhookDelivery('failed');
      await this.record(messageId, { state: 'failed', at: now, attempts, reason });
      this.options.logger.warn({ messageId, attempts, reason }, 'outbound delivery failed');
      settlement = { state: 'failed', attempts, error: reason };
    } else {
      this.options.metrics.webhookDelivery('retry');
      const delay = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempts - 1));
      await this.record(messageId, { state: 'sent', at: now, attempts, reason });
      this.options.logger.debug({ messageId, attempts, reason, delay }, 'outbound will retry');
      settlement = { state: 'pending', attempts, error: reason, nextAttemptAt: now + delay };
    }
    if (!(await this.store.settle(claim, settlement, now))) {
      this.options.logger.info({ messageId }, 'the delivery was claimed again meanwhile');
    }
    if (settlement.state === 'pending') this.wakeAt(settlement.nextAttemptAt);
  }

  private settle(): void {
    if (this.inFlight.size > 0) return;
    for (const resolve of [...this.idleWaiters]) resolve();
    this.idleWaiters.clear();
  }

  /** How many deliveries are pending, delivered and failed (operations, tests). */
  counts(): M extends 'sync' ? OutboxCounts : Promise<OutboxCounts> {
    return this.store.counts() as M extends 'sync' ? OutboxCounts : Promise<OutboxCounts>;
  }

  /** Stops: no new attempts, requests in flight are aborted (and retried after their lease). */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.stopListening();
      if (this.timer) clearTimeout(this.timer);
      if (this.poller) clearInterval(this.poller);
      for (const controller of this.inFlight.values()) controller.abort(new Error('closing'));
    }
    const pumping = this.pumping ?? Promise.resolve();
    if (this.inFlight.size === 0) return pumping;
    return Promise.all([
      pumping,
      new Promise<void>((resolve) => this.idleWaiters.add(resolve)),
    ]).then(() => undefined);
  }
}
