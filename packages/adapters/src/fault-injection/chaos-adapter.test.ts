import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectionState, Id, ServerEvent } from '@live-chat/core';
import { createMemoryBackend, type MemoryBackend } from '../memory/backend.js';
import { createRandom } from '../memory/random.js';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from '../memory/seed.js';
import { bareAdapter } from '../tabs/testing/bare-adapter.js';
import { createChaosAdapter, type ChaosAdapter } from './chaos-adapter.js';
import { createVirtualClock, type VirtualClock } from './clock.js';
import {
  createFaultPlan,
  FAULT_KINDS,
  FAULT_SITES,
  type FaultKind,
  type FaultPlan,
} from './plan.js';

/** Every rate at 0: only faults injected on purpose happen. */
const NO_RATES = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<
  FaultKind,
  number
>;

interface Setup {
  clock: VirtualClock;
  backend: MemoryBackend;
  plan: FaultPlan;
  adapter: ChaosAdapter;
  /** A customer writes to Customer Support; resolves the new session's id. */
  customerWrites(text?: string): Id;
  /** Every event of `events(0)` (and how the stream ended), as they come. */
  follow(): { events: ServerEvent[]; end: { error?: unknown; completed?: boolean } };
  connection: ConnectionState[];
}

function setup(planOptions: Parameters<typeof createFaultPlan>[0] = {}): Setup {
  const clock = createVirtualClock(Date.UTC(2026, 0, 5, 9));
  const seed = createSeedData({ history: false });
  const backend = createMemoryBackend({ seed, now: () => clock.now() });
  const plan = createFaultPlan({ rates: NO_RATES, outageMs: [1_000, 1_000], ...planOptions });
  const adapter = createChaosAdapter(backend.connect(SEED_USERS.operatorA), {
    random: createRandom(7).next,
    clock,
    plan,
  });
  const customer = seed.customers.find((c) => c.kind === 'external' && c.messenger === 'telegram');
  let n = 0;
  const connection: ConnectionState[] = [];
  adapter.connection$.subscribe((state) => connection.push(state));
  return {
    clock,
    backend,
    plan,
    adapter,
    connection,
    customerWrites(text = `hello ${++n}`) {
      const result = backend.customerWrites({
        customerId: customer?.id ?? '',
        liveChatId: SEED_LIVE_CHATS.support,
        channel: 'telegram',
        text,
      });
      assert.ok(result.ok);
      return result.value.session.id;
    },
    follow() {
      const events: ServerEvent[] = [];
      const end: { error?: unknown; completed?: boolean } = {};
      adapter.events(0).subscribe({
        next: (event) => events.push(event),
        error: (error: unknown) => (end.error = error),
        complete: () => (end.completed = true),
      });
      return { events, end };
    },
  };
}

const seqs = (events: ServerEvent[]): number[] => events.map((event) => event.seq);

/** Settles a promise's state without waiting for it. */
function watch<T>(promise: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

const isNetworkError = (error: unknown): boolean =>
  error instanceof TypeError ||
  (error instanceof Error &&
    ['ECONNRESET', 1006].includes((error as { code?: unknown }).code as never));

describe('chaos adapter: events', () => {
  /** Follows the user's stream, injects `fault`, and lets a customer write once. */
  async function writeUnder(fault: FaultKind, planOptions?: Parameters<typeof setup>[0]) {
    const world = setup(planOptions);
    const followed = world.follow();
    world.adapter.inject(fault);
    world.customerWrites();
    await world.clock.advance(0);
    return { ...world, ...followed };
  }

  it('passes everything through when the plan injects nothing', async () => {
    const { clock, customerWrites, follow, adapter } = setup();
    const { events } = follow();
    customerWrites();
    customerWrites();
    await clock.advance(0);
    assert.ok(events.length >= 4);
    assert.deepEqual(
      seqs(events),
      events.map((_, i) => i + 1),
    );
    assert.equal(adapter.calls.events, 1);
  });

  it('event-drop: the next event never arrives', async () => {
    const { adapter, plan, events } = await writeUnder('event-drop');
    assert.equal(events[0]?.seq, 2);
    assert.equal(plan.counts()['event-drop'], 1);
    assert.deepEqual(
      adapter.log.map((fault) => [fault.kind, fault.site]),
      [['event-drop', 'event']],
    );
  });

  it('event-duplicate: the next event arrives twice', async () => {
    const { events } = await writeUnder('event-duplicate');
    assert.deepEqual(seqs(events).slice(0, 3), [1, 1, 2]);
    assert.notEqual(events[0], events[1]);
  });

  it('event-reorder: the next event arrives after the one behind it', async () => {
    const { events } = await writeUnder('event-reorder');
    assert.deepEqual(seqs(events).slice(0, 2), [2, 1]);
  });

  it('event-reorder: a held-back event still arrives when nothing follows it', async () => {
    const { clock, customerWrites, follow, adapter, backend } = setup();
    const { events } = follow();
    customerWrites();
    await clock.advance(0);
    const count = events.length;
    adapter.inject('event-reorder');
    // One event only: Anna marks the session read.
    backend.execute(SEED_USERS.operatorA, {
      type: 'session.mark-read',
      commandId: 'read-1',
      sessionId: backend.sessions()[0]?.id ?? '',
    });
    await clock.advance(0);
    assert.equal(events.length, count);
    await clock.advance(2_000);
    assert.equal(events.length, count + 1);
  });

  it('event-delay: the stream stalls, then goes on in order', async () => {
    const { clock, events } = await writeUnder('event-delay', { stallMs: [500, 500] });
    assert.equal(events.length, 0);
    await clock.advance(499);
    assert.equal(events.length, 0);
    await clock.advance(1);
    assert.deepEqual(
      seqs(events),
      events.map((_, i) => i + 1),
    );
    assert.ok(events.length >= 2);
  });

  it('stream-error, stream-complete and stream-resync end the stream', async () => {
    for (const [kind, check] of [
      ['stream-error', (end: { error?: unknown }) => assert.ok(isNetworkError(end.error))],
      ['stream-complete', (end: { completed?: boolean }) => assert.equal(end.completed, true)],
      [
        'stream-resync',
        (end: { error?: unknown }) =>
          assert.equal((end.error as { code?: string }).code, 'RESYNC_REQUIRED'),
      ],
    ] as const) {
      const { events, end } = await writeUnder(kind);
      assert.deepEqual(events, [], kind);
      check(end);
    }
  });
});

describe('chaos adapter: connection outages', () => {
  it('flap: reconnecting, requests fail without reaching the backend, events wait, online again', async () => {
    const { clock, customerWrites, follow, adapter, backend, connection } = setup();
    const { events, end } = follow();
    await clock.advance(0);
    adapter.inject('flap');
    assert.equal(adapter.online, false);
    customerWrites();
    const sessionId = backend.sessions()[0]?.id ?? '';
    const take = watch(adapter.execute({ type: 'session.take', commandId: 'c1', sessionId }));
    const snapshot = watch(adapter.snapshot());
    await clock.advance(0);
    assert.ok(isNetworkError(take.error));
    assert.ok(isNetworkError(snapshot.error));
    assert.equal(backend.getSession(sessionId)?.status, 'queued');
    assert.equal(events.length, 0);
    await clock.advance(1_000);
    assert.deepEqual(connection, ['connecting', 'online', 'reconnecting', 'online']);
    assert.ok(events.length >= 2);
    assert.deepEqual(end, {});
  });

  it('flap-stream-error and flap-stream-complete end open streams; new ones fail until online', async () => {
    for (const kind of ['flap-stream-error', 'flap-stream-complete'] as const) {
      const { clock, follow, adapter } = setup();
      const { end } = follow();
      await clock.advance(0);
      adapter.inject(kind);
      if (kind === 'flap-stream-error') assert.ok(isNetworkError(end.error));
      else assert.equal(end.completed, true);
      const again = follow();
      await clock.advance(0);
      assert.ok(isNetworkError(again.end.error), `${kind}: no stream while down`);
      await clock.advance(1_000);
      const after = follow();
      await clock.advance(0);
      assert.deepEqual(after.end, {});
    }
  });

  it('flap-events-lost: the stream survives, events of the outage are lost', async () => {
    const { clock, customerWrites, follow, adapter } = setup();
    const { events, end } = follow();
    await clock.advance(0);
    adapter.inject('flap-events-lost');
    customerWrites();
    await clock.advance(1_000);
    assert.equal(events.length, 0);
    customerWrites();
    await clock.advance(0);
    assert.ok(events.length > 0);
    assert.ok((events[0]?.seq ?? 0) > 1, 'the first events are missing');
    assert.deepEqual(end, {});
  });

  it('the plan stopping heals an outage at once', async () => {
    const { clock, adapter, plan, connection } = setup({ outageMs: [60_000, 60_000] });
    await clock.advance(0);
    adapter.inject('flap');
    assert.equal(adapter.online, false);
    plan.stop();
    assert.equal(adapter.online, true);
    assert.deepEqual(connection, ['connecting', 'online', 'reconnecting', 'online']);
  });
});

describe('chaos adapter: requests', () => {
  /** A queued session, then `fault`, then a take of it (command `c1`) under way. */
  function takeUnder(fault: FaultKind) {
    const world = setup();
    const sessionId = world.customerWrites();
    world.adapter.inject(fault);
    const command = { type: 'session.take', commandId: 'c1', sessionId } as const;
    return { ...world, sessionId, command, take: watch(world.adapter.execute(command)) };
  }

  it('response-lost: the backend applied the command, the answer is a network error', async () => {
    const { clock, adapter, backend, sessionId, command, take } = takeUnder('response-lost');
    await clock.advance(0);
    assert.ok(isNetworkError(take.error));
    assert.equal(backend.getSession(sessionId)?.status, 'active');
    // The same commandId gets the first result.
    const again = await adapter.execute(command);
    assert.equal(again.ok, true);
  });

  it('execute-throws: a network error, and nothing applied', async () => {
    const { clock, backend, sessionId, take } = takeUnder('execute-throws');
    await clock.advance(0);
    assert.ok(isNetworkError(take.error));
    assert.equal(backend.getSession(sessionId)?.status, 'queued');
  });

  it('execute-hangs: no answer ever comes', async () => {
    const { clock, adapter, take } = takeUnder('execute-hangs');
    await clock.advance(3_600_000);
    assert.equal(take.settled, false);
    assert.equal(adapter.calls.execute, 1);
  });

  it('snapshot-fails, history-fails, search-fails and customers-fails reject; read-hangs never answers', async () => {
    const { clock, customerWrites, adapter, backend } = setup();
    const sessionId = customerWrites();
    const customerId = backend.getSession(sessionId)?.customerId ?? '';
    adapter.inject('snapshot-fails');
    adapter.inject('history-fails');
    adapter.inject('search-fails');
    adapter.inject('customers-fails');
    const failed = [
      watch(adapter.snapshot()),
      watch(adapter.history({ sessionId })),
      watch(adapter.search({ text: 'hello' })),
      watch(adapter.customers!({ ids: [customerId] })),
    ];
    await clock.advance(0);
    for (const read of failed) assert.ok(isNetworkError(read.error));
    // read-hangs strikes at the next read of every read site.
    adapter.inject('read-hangs');
    const hung = [
      watch(adapter.snapshot()),
      watch(adapter.history({ sessionId })),
      watch(adapter.search({ text: 'hello' })),
      watch(adapter.customers!({ ids: [customerId] })),
    ];
    const fine = watch(adapter.snapshot());
    const customers = watch(adapter.customers!({ ids: [customerId] }));
    await clock.advance(600_000);
    assert.deepEqual(
      hung.map((read) => read.settled),
      [false, false, false, false],
    );
    assert.equal(fine.settled, true);
    assert.equal(fine.error, undefined);
    assert.equal(customers.error, undefined);
    assert.deepEqual(
      customers.value?.map((customer) => customer.id),
      [customerId],
    );
    assert.deepEqual(adapter.calls, {
      snapshot: 3,
      events: 0,
      execute: 0,
      history: 2,
      search: 2,
      report: 0,
      customers: 3,
    });
  });

  it('reads customers on demand exactly when the inner adapter does', async () => {
    const { adapter, backend } = setup();
    assert.equal(typeof adapter.customers, 'function');
    const bare = createChaosAdapter(bareAdapter(backend.connect(SEED_USERS.operatorA)), {
      random: createRandom(7).next,
      clock: createVirtualClock(),
      plan: createFaultPlan({ budget: 0 }),
    });
    assert.equal(bare.customers, undefined);
    bare.dispose();
  });

  it('adds seeded latency to each leg of a request', async () => {
    const clock = createVirtualClock();
    const backend = createMemoryBackend({
      seed: createSeedData({ history: false }),
      now: () => clock.now(),
    });
    const adapter = createChaosAdapter(backend.connect(SEED_USERS.operatorA), {
      random: createRandom(3).next,
      clock,
      plan: createFaultPlan({ budget: 0 }),
      latencyMs: [20, 20],
    });
    const snapshot = watch(adapter.snapshot());
    await clock.advance(39);
    assert.equal(snapshot.settled, false);
    await clock.advance(1);
    assert.equal(snapshot.settled, true);
  });
});

describe('fault plan', () => {
  it('draws the same faults for the same seed, counts them, and stops at its budget', () => {
    const draws = (seed: number) => {
      const plan = createFaultPlan({ budget: 25 });
      const random = createRandom(seed).next;
      const kinds: (FaultKind | undefined)[] = [];
      for (let i = 0; i < 2_000; i++) kinds.push(plan.draw(i % 2 ? 'event' : 'execute', random));
      return { kinds, plan };
    };
    const a = draws(11);
    const b = draws(11);
    assert.deepEqual(a.kinds, b.kinds);
    assert.notDeepEqual(a.kinds, draws(12).kinds);
    assert.equal(a.plan.injected, 25);
    assert.equal(
      Object.values(a.plan.counts()).reduce((sum, n) => sum + n, 0),
      25,
    );
    assert.equal(a.kinds.filter(Boolean).length, 25);
  });

  it('keeps each kind to its site, and to its limit', () => {
    const plan = createFaultPlan({
      limits: { 'response-lost': 2 },
      rates: { ...NO_RATES, 'response-lost': 1 },
    });
    const random = createRandom(1).next;
    const kinds = Array.from({ length: 10 }, () => plan.draw('execute', random));
    assert.deepEqual(kinds.filter(Boolean), ['response-lost', 'response-lost']);
    assert.equal(plan.draw('event', random), undefined);
    for (const [site, siteKinds] of Object.entries(FAULT_SITES))
      assert.ok(siteKinds.length > 0, site);
  });

  it('tells its listeners once when it stops', () => {
    const plan = createFaultPlan();
    let stops = 0;
    plan.onStop(() => stops++);
    plan.stop();
    plan.stop();
    assert.equal(stops, 1);
    assert.equal(plan.active, false);
    plan.onStop(() => stops++);
    assert.equal(stops, 2);
    assert.equal(
      plan.draw('event', () => 0),
      undefined,
    );
  });
});
