/**
 * A customer simulator: posts signed customer messages to a channel's inbound webhook at a given
 * rate, from a small pool of simulated customers, bounded in count and in time.
 */
import { randomUUID } from 'node:crypto';
import { SIGNATURE_HEADER, signBody } from '../channels/signature.js';

/** Options of {@link simulateCustomers}. */
export interface SimulateOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** The channel endpoint id. */
  channel: string;
  /** The channel's inbound secret. */
  secret: string;
  /** Messages per second (at most 1,000). */
  rate: number;
  /** How long to run, in seconds (at most 3,600). */
  durationSec: number;
  /** How many distinct customers write (default 5). */
  customers?: number;
  /** At most this many messages in all (default and cap: `rate × duration`, at most 100,000). */
  maxMessages?: number;
  /** Prefix of the simulated customers' external ids (default `sim-`). */
  prefix?: string;
  /** Called after each answer (for progress output). */
  onResult?: (status: number | 'error', sent: number) => void;
  fetch?: typeof fetch;
}

/** What a simulation did. */
export interface SimulateReport {
  sent: number;
  /** Answers by status (`error` for requests that got none). */
  statuses: Record<string, number>;
  elapsedMs: number;
}

const LINES = [
  'Hello, is anyone there?',
  'My order has not arrived yet.',
  'Can I change the delivery address?',
  'The invoice shows the wrong amount.',
  'Thank you, that helps!',
  'How do I reset my password?',
  'Is there a discount for yearly plans?',
];

/** Runs the simulation and resolves what it did (see {@link SimulateOptions}). */
export async function simulateCustomers(options: SimulateOptions): Promise<SimulateReport> {
  const rate = Math.min(Math.max(options.rate, 0.01), 1000);
  const durationMs = Math.min(Math.max(options.durationSec, 0), 3600) * 1000;
  const cap = Math.min(100_000, Math.max(1, Math.floor(rate * (durationMs / 1000))));
  const total = Math.min(cap, options.maxMessages ?? cap);
  const customers = Math.max(1, Math.min(options.customers ?? 5, 10_000));
  const prefix = options.prefix ?? 'sim-';
  const doFetch = options.fetch ?? fetch;
  const target = new URL(`/channels/${encodeURIComponent(options.channel)}/messages`, options.url);
  const statuses: Record<string, number> = {};
  const started = Date.now();
  const deadline = started + durationMs;
  const pending: Promise<void>[] = [];
  let sent = 0;

  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / rate;
    const now = Date.now();
    if (due >= deadline || now >= deadline) break;
    if (due > now) await new Promise((resolve) => setTimeout(resolve, due - now));
    const who = index % customers;
    const body = JSON.stringify({
      providerMessageId: randomUUID(),
      customer: { externalId: `${prefix}${who + 1}`, name: `Simulated Customer ${who + 1}` },
      text: LINES[index % LINES.length],
      sentAt: Date.now(),
    });
    sent++;
    const request = doFetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBody(options.secret, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (response) => {
        await response.arrayBuffer().catch(() => undefined);
        return response.status;
      })
      .catch(() => 'error' as const)
      .then((status) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        options.onResult?.(status, sent);
      });
    pending.push(request);
  }
  await Promise.all(pending);
  return { sent, statuses, elapsedMs: Date.now() - started };
}
