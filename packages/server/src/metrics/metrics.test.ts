// Prometheus metrics over real sockets: a server on SQLite with `metrics` on counts its sockets,
// commands, reads and events on GET /metrics; the route is absent when metrics are off, and
// guarded by a bearer token when one is set. Each server has a registry of its own.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { register as globalRegistry } from 'prom-client';
import { SEED_USERS } from '@live-chat/adapters';
import { fail } from '@live-chat/core';
import { createLiveChatServer, type LiveChatServerOptions } from '../server.js';
import { createSqliteBackend } from '../storage/backend.js';
import { createTempDir } from '../storage/testing/temp-dir.js';
import { mintToken } from '../auth.js';
import { startTestServer, TEST_SECRET, waitFor, type ServeOptions } from '../testing/harness.js';
import { openRawSocket } from '../testing/raw-socket.js';
import { createServerMetrics } from './metrics.js';

const anna = SEED_USERS.operatorA;
const METRICS_TOKEN = 'a-scraper-token-0123456789';

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A server on a fresh SQLite database with `options`; removed after the tests. */
async function startServer(options: ServeOptions = {}) {
  const dir = createTempDir('live-chat-metrics-');
  const test = await startTestServer({
    ...options,
    backend: (seed) => createSqliteBackend({ dataDir: dir.path, seed, pruneIntervalMs: 0 }),
  });
  cleanups.push(async () => {
    await test.dispose();
    dir.remove();
  });
  /** A customer writes to Customer Support: a new queued session. */
  return { server: test.server, customerWrites: (text: string) => test.customerWrites(text) };
}

/** The samples of a text exposition: `name{label="value",…}` (labels sorted) → value. */
function parseSamples(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = match[2] ? match[2].split(',').sort().join(',') : '';
    samples.set(labels ? `${match[1]}{${labels}}` : match[1], Number(match[3]));
  }
  return samples;
}

/** GETs `url`: the response, and the samples of its body. */
async function scrape(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { response, samples: parseSamples(text) };
}

describe('metrics on a running server', () => {
  it('counts sockets, users, commands, reads and events, and serves them as Prometheus text', async () => {
    const { server, customerWrites } = await startServer({ metrics: true });
    const metricsUrl = `${server.url}/metrics`;
    const before = await scrape(metricsUrl);
    assert.equal(before.response.status, 200);
    assert.match(
      before.response.headers.get('content-type') ?? '',
      /^text\/plain; version=0\.0\.4/,
    );
    assert.equal(before.samples.get('live_chat_open_sockets'), 0);
    assert.equal(before.samples.get('live_chat_events_pushed_total'), 0);
    assert.ok(before.samples.has('process_cpu_user_seconds_total'), 'default process metrics');

    const session = customerWrites('Hello, anyone there?');
    const sessionId = session.id;
    const socket = openRawSocket(server.wsUrl);
    assert.ok('ok' in (await socket.auth(await mintToken({ secret: TEST_SECRET, userId: anna }))));
    assert.ok((await socket.request({ id: 1, op: 'snapshot' })).ok);
    assert.ok((await socket.request({ id: 2, op: 'events', sinceSeq: 0 })).ok);
    const take = { type: 'session.take', commandId: 'take-1', sessionId };
    assert.ok((await socket.request({ id: 3, op: 'execute', command: take })).ok);
    const repeated = await socket.request({ id: 4, op: 'execute', command: take });
    assert.ok(repeated.ok, 'a repeated commandId answers the first result');
    const taken = await socket.request({
      id: 5,
      op: 'execute',
      command: { ...take, commandId: 'take-2' },
    });
    assert.ok(!taken.ok);
    const customers = await socket.request({
      id: 6,
      op: 'customers',
      query: { ids: [session.customerId] },
    });
    assert.ok(customers.ok);
    assert.deepEqual(
      (customers.value as { id: string }[]).map((customer) => customer.id),
      [session.customerId],
    );
    const malformed = await socket.request({ id: 7, op: 'customers', query: { ids: 'all' } });
    assert.ok(!malformed.ok && malformed.error.code === 'VALIDATION');
    const pushed = () => socket.frames.filter((f) => 'op' in f && f.op === 'event').length;
    await waitFor(() => pushed() > 0, 'events on the socket');

    const { samples } = await scrape(metricsUrl);
    assert.equal(samples.get('live_chat_open_sockets'), 1);
    assert.equal(samples.get('live_chat_connected_users'), 1);
    assert.equal(samples.get('live_chat_open_subscriptions'), 1);
    assert.equal(samples.get('live_chat_events_pushed_total'), pushed());
    assert.equal(samples.get('live_chat_commands_total{outcome="ok",type="session.take"}'), 2);
    assert.equal(
      samples.get(`live_chat_commands_total{outcome="${taken.error.code}",type="session.take"}`),
      1,
    );
    assert.equal(samples.get('live_chat_command_duration_seconds_count{type="session.take"}'), 3);
    assert.equal(
      samples.get('live_chat_command_duration_seconds_bucket{le="+Inf",type="session.take"}'),
      3,
    );
    for (const op of ['snapshot', 'events']) {
      assert.equal(samples.get(`live_chat_reads_total{op="${op}",outcome="ok"}`), 1, op);
      assert.equal(samples.get(`live_chat_read_duration_seconds_count{op="${op}"}`), 1, op);
    }
    assert.equal(samples.get('live_chat_reads_total{op="customers",outcome="ok"}'), 1);
    assert.equal(samples.get('live_chat_reads_total{op="customers",outcome="VALIDATION"}'), 1);
    assert.equal(samples.get('live_chat_read_duration_seconds_count{op="customers"}'), 2);

    socket.ws.close();
    await socket.closed;
    await waitFor(() => server.stats().sockets === 0, 'the socket gone');
    const closed = await scrape(metricsUrl);
    assert.equal(closed.samples.get('live_chat_open_sockets'), 0);
    assert.equal(closed.samples.get('live_chat_connected_users'), 0);
  });

  it('has no metrics route unless metrics are on', async () => {
    const { server } = await startServer();
    assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
  });

  it('serves a custom path, behind the bearer token when one is set', async () => {
    const { server } = await startServer({
      metrics: true,
      metricsPath: '/internal/metrics',
      metricsToken: METRICS_TOKEN,
    });
    const url = `${server.url}/internal/metrics`;
    assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
    const cases: Array<[string, Record<string, string>, number]> = [
      ['no token', {}, 401],
      ['a wrong token', { authorization: 'Bearer not-the-token-at-all' }, 401],
      ['another scheme', { authorization: `Basic ${METRICS_TOKEN}` }, 401],
      ['the token', { authorization: `Bearer ${METRICS_TOKEN}` }, 200],
    ];
    for (const [what, headers, status] of cases) {
      const { response, samples } = await scrape(url, headers);
      assert.equal(response.status, status, what);
      if (status === 401) assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      else assert.equal(samples.get('live_chat_open_sockets'), 0);
    }
    const post = await fetch(url, { method: 'POST', headers: cases[3][1] });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  it('refuses metrics options that cannot work', async () => {
    const backend = { ready: () => true } as unknown as LiveChatServerOptions['backend'];
    const base = { backend, auth: { secret: TEST_SECRET }, port: 0, logger: false as const };
    const refusals: Array<[Partial<LiveChatServerOptions>, RegExp]> = [
      [{ metricsToken: METRICS_TOKEN }, /need metrics/],
      [{ metricsPath: '/metrics' }, /need metrics/],
      [{ metrics: true, metricsToken: 'short' }, /at least 16 characters/],
      [{ metrics: true, metricsPath: '/healthz' }, /must start with "\/" and be free/],
      [{ metrics: true, metricsPath: 'metrics' }, /must start with "\/" and be free/],
    ];
    for (const [options, message] of refusals) {
      await assert.rejects(createLiveChatServer({ ...base, ...options }), {
        name: 'TypeError',
        message,
      });
    }
  });
});

describe('createServerMetrics', () => {
  it('gives each instance its own registry and leaves the global one alone', async () => {
    const first = createServerMetrics();
    const second = createServerMetrics();
    first.eventPushed();
    const count = async (metrics: typeof first) =>
      parseSamples(await metrics.registry.metrics()).get('live_chat_events_pushed_total');
    assert.equal(await count(first), 1);
    assert.equal(await count(second), 0);
    assert.equal(globalRegistry.getSingleMetric('live_chat_events_pushed_total'), undefined);
    assert.equal(globalRegistry.getSingleMetric('process_cpu_user_seconds_total'), undefined);
  });

  it('labels outcomes, statuses and deliveries, and never with values a client made up', async () => {
    const metrics = createServerMetrics({ defaultMetrics: false });
    metrics.startRequest('execute', { type: 'session.close' })({ ok: true, value: null });
    metrics.startRequest('execute', { type: 'made-up' })(fail('VALIDATION', 'Unknown command.'));
    metrics.startRequest('execute', 'not a command')(fail('VALIDATION', 'Not an object.'));
    metrics.startRequest('history')(fail('FORBIDDEN', 'Not yours.'));
    metrics.startRequest('made-up-op')({ ok: true, value: null });
    for (const status of [201, 201, 401, 99]) metrics.inboundWebhook(status);
    for (const outcome of ['retry', 'retry', 'delivered', 'failed'] as const) {
      metrics.webhookDelivery(outcome);
    }
    const samples = parseSamples(await metrics.registry.metrics());
    const expected: Array<[string, number]> = [
      ['live_chat_commands_total{outcome="ok",type="session.close"}', 1],
      ['live_chat_commands_total{outcome="VALIDATION",type="unknown"}', 2],
      ['live_chat_reads_total{op="history",outcome="FORBIDDEN"}', 1],
      ['live_chat_reads_total{op="unknown",outcome="ok"}', 1],
      ['live_chat_webhook_inbound_requests_total{status="201"}', 2],
      ['live_chat_webhook_inbound_requests_total{status="401"}', 1],
      ['live_chat_webhook_inbound_requests_total{status="unknown"}', 1],
      ['live_chat_webhook_deliveries_total{outcome="retry"}', 2],
      ['live_chat_webhook_deliveries_total{outcome="delivered"}', 1],
      ['live_chat_webhook_deliveries_total{outcome="failed"}', 1],
    ];
    for (const [sample, value] of expected) assert.equal(samples.get(sample), value, sample);
    assert.ok(![...samples.keys()].some((key) => key.includes('made-up')));
    assert.ok(![...samples.keys()].some((key) => key.startsWith('process_')));
  });

  it('adds up the stats of every server it tracks, until each stops', async () => {
    const metrics = createServerMetrics({ defaultMetrics: false });
    const stopFirst = metrics.trackServer(() => ({ sockets: 3, users: 2, subscriptions: 4 }));
    metrics.trackServer(() => ({ sockets: 1, users: 1, subscriptions: 0 }));
    const gauges = async () => {
      const samples = parseSamples(await metrics.registry.metrics());
      const names = [
        'live_chat_open_sockets',
        'live_chat_connected_users',
        'live_chat_open_subscriptions',
      ];
      return names.map((name) => samples.get(name));
    };
    assert.deepEqual(await gauges(), [4, 3, 4]);
    stopFirst();
    assert.deepEqual(await gauges(), [1, 1, 0]);
  });
});
