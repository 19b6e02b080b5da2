/**
 * The server's Prometheus metrics: one prom-client `Registry` per {@link ServerMetrics}, so two
 * servers in one process keep their numbers apart and prom-client's global registry stays empty.
 * The server, its sockets and the channels record through the small {@link MetricsRecorder}
 * interface; {@link NO_METRICS} is the recorder that records nothing.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isErrorCode, type CommandType, type ErrorCode, type Result } from '@live-chat/core';
import type { LiveChatServerStats } from '../server.js';

/** What became of one outbound webhook attempt. */
export type WebhookDeliveryOutcome =
  /** The webhook answered 2xx: the message is delivered. */
  | 'delivered'
  /** The attempt failed and another one is scheduled. */
  | 'retry'
  /** The attempt failed and no other will be made (a permanent refusal, or the last attempt). */
  | 'failed';

/** How a request the backend answered ended: `ok`, or the refusal's error code. */
export type RequestOutcome = 'ok' | ErrorCode;

/** Records what the server does; every method is cheap and never throws. */
export interface MetricsRecorder {
  /**
   * Reads `stats` at every scrape for the socket, user and subscription gauges, until the
   * returned function is called (several servers may share one recorder: their stats add up).
   */
  trackServer(stats: () => LiveChatServerStats): () => void;
  /**
   * Starts timing a request answered by the backend (`op` of the wire protocol; `command` is the
   * `execute` request's command). Call the returned function with the result once it is known.
   */
  startRequest(op: string, command?: unknown): (result: Result<unknown>) => void;
  /** One event was sent to a socket (replayed or live). */
  eventPushed(): void;
  /** The inbound channel webhook answered a request with `status`. */
  inboundWebhook(status: number): void;
  /** An outbound webhook attempt ended with `outcome`. */
  webhookDelivery(outcome: WebhookDeliveryOutcome): void;
}

/** A {@link MetricsRecorder} with its own prom-client registry, for `GET /metrics`. */
export interface ServerMetrics extends MetricsRecorder {
  /** The registry every metric is registered on (`registry.metrics()` is the text exposition). */
  readonly registry: Registry;
}

/** Options of {@link createServerMetrics}. */
export interface ServerMetricsOptions {
  /** The registry to register on (default: a new one of its own). */
  registry?: Registry;
  /**
   * Whether to add prom-client's default process metrics (CPU, memory, event loop lag, garbage
   * collection, handles…) to the registry (default `true`; turn it off for a registry that has
   * them already).
   */
  defaultMetrics?: boolean;
}

/** The recorder that records nothing: what the server's hooks call when metrics are off. */
export const NO_METRICS: MetricsRecorder = Object.freeze({
  trackServer: () => () => {},
  startRequest: () => () => {},
  eventPushed: () => {},
  inboundWebhook: () => {},
  webhookDelivery: () => {},
});

/** Latency buckets in seconds, from 1 ms to 5 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Every command type, so a label never takes a value a client made up. */
const COMMAND_TYPES: Record<CommandType, true> = {
  'session.take': true,
  'session.take-next': true,
  'message.send': true,
  'session.close': true,
  'session.reassign': true,
  'session.return-to-queue': true,
  'session.rename': true,
  'session.mark-read': true,
  'session.start-outbound': true,
  'session.bind': true,
  'session.unbind': true,
  'customer.mark-added': true,
  'session.tag': true,
  'session.set-urgent': true,
  'presence.set': true,
  'canned.save': true,
  'canned.delete': true,
};

/** The wire operations that read (everything the backend answers except `execute`). */
const READ_OPS = new Set(['snapshot', 'events', 'history', 'search', 'report', 'customers']);

/** A label value for a client's command: its type when it is one, `unknown` otherwise. */
function commandTypeOf(command: unknown): string {
  const type = (command as { type?: unknown } | null | undefined)?.type;
  return typeof type === 'string' && Object.hasOwn(COMMAND_TYPES, type) ? type : 'unknown';
}

/** The outcome label of a result. */
function outcomeOf(result: Result<unknown>): RequestOutcome | 'unknown' {
  if (result.ok) return 'ok';
  return isErrorCode(result.error.code) ? result.error.code : 'unknown';
}

/** An HTTP status as a label value (`unknown` for anything that is not one). */
function statusLabel(status: number): string {
  return Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : 'unknown';
}

/**
 * Creates the metrics of one server (see docs/server.md, "Metrics", for every metric):
 *
 * ```ts
 * const metrics = createServerMetrics();
 * const channels = createChannels({ backend, metrics });
 * const server = await createLiveChatServer({ backend, auth, metrics, handlers: [channels.handle] });
 * ```
 */
export function createServerMetrics(options: ServerMetricsOptions = {}): ServerMetrics {
  const registry = options.registry ?? new Registry();
  const registers = [registry];
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });

  const servers = new Set<() => LiveChatServerStats>();
  const statsGauge = (name: string, help: string, field: keyof LiveChatServerStats) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        let total = 0;
        for (const stats of servers) total += stats()[field];
        this.set(total);
      },
    });
  statsGauge('live_chat_open_sockets', 'WebSocket connections open, signed in or not.', 'sockets');
  statsGauge('live_chat_connected_users', 'Users with at least one signed-in socket.', 'users');
  statsGauge(
    'live_chat_open_subscriptions',
    'Event subscriptions open across all sockets.',
    'subscriptions',
  );

  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter({ name, help, labelNames, registers });
  /**
   * The metrics of one kind of request (`live_chat_<kind>s_total` by `label` and outcome,
   * `live_chat_<kind>_duration_seconds` by `label`), and how one answer counts in them.
   */
  const answers = <L extends string>(
    kind: string,
    label: L,
    help: { count: string; duration: string },
  ) => {
    const count = counter(`live_chat_${kind}s_total`, help.count, [label, 'outcome']);
    const duration = new Histogram({
      name: `live_chat_${kind}_duration_seconds`,
      help: help.duration,
      labelNames: [label],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    return (value: string, seconds: number, outcome: string) => {
      duration.observe({ [label]: value } as Record<L, string>, seconds);
      count.inc({ [label]: value, outcome } as Record<L | 'outcome', string>);
    };
  };
  const eventsPushed = counter(
    'live_chat_events_pushed_total',
    'Events sent to sockets, replayed and live.',
  );
  // live_chat_commands_total, live_chat_command_duration_seconds
  const commandAnswered = answers('command', 'type', {
    count: 'Commands the backend answered, by command type and outcome (ok or the error code).',
    duration: 'Time the backend took to answer a command, by command type.',
  });
  // live_chat_reads_total, live_chat_read_duration_seconds
  const readAnswered = answers('read', 'op', {
    count:
      'Reads the backend answered (snapshot, events replay, history, search, report, customers), by outcome.',
    duration: 'Time the backend took to answer a read, by operation.',
  });
  const inbound = counter(
    'live_chat_webhook_inbound_requests_total',
    'Requests to the inbound channel webhook, by HTTP status answered.',
    ['status'],
  );
  const deliveries = counter(
    'live_chat_webhook_deliveries_total',
    'Outbound webhook attempts, by outcome: delivered, retry (another attempt follows) or failed (given up).',
    ['outcome'],
  );

  return {
    registry,
    trackServer(stats) {
      servers.add(stats);
      return () => void servers.delete(stats);
    },
    startRequest(op, command) {
      const started = performance.now();
      return (result) => {
        const seconds = (performance.now() - started) / 1000;
        const outcome = outcomeOf(result);
        if (op === 'execute') commandAnswered(commandTypeOf(command), seconds, outcome);
        else readAnswered(READ_OPS.has(op) ? op : 'unknown', seconds, outcome);
      };
    },
    eventPushed: () => eventsPushed.inc(),
    inboundWebhook: (status) => inbound.inc({ status: statusLabel(status) }),
    webhookDelivery: (outcome) => deliveries.inc({ outcome }),
  };
}
