/**
 * The seeded fault-injection suite of the client ("sync you can trust"): 20 seeds of 200
 * faults each, over the memory backend, every client checked against the backend's ground
 * truth once the network healed. Reproduce one seed with `npm run chaos -- --seeds 1 --from N`.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { map } from 'rxjs';
import type { ServerEvent, TransportAdapter } from '@live-chat/core';
import type { MemoryBackend } from '../memory/backend.js';
import { runChaos, runChaosSeed, type ChaosOptions, type ChaosSuiteReport } from './harness.js';
import { createRealTimeClock } from './real-time-clock.js';
import type { ChaosTransport, ChaosTransportSetup } from './transport.js';
import { TRANSPORT_FAULT_KINDS, type TransportFaultKind } from './plan.js';
import { summaryLine, type ChaosFigures } from './report.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const FAULTS = 200;

describe(`chaos: ${SEEDS.length} seeds × ${FAULTS} faults`, () => {
  let report: ChaosSuiteReport;
  const explain = (): string => `${summaryLine(report)}\n${report.violations.join('\n')}`;

  before(async () => {
    report = await runChaos({ seeds: SEEDS, faults: FAULTS, measureRecovery: true });
  });

  it('injects every fault of the budget, of every in-process kind', () => {
    assert.equal(report.faults, SEEDS.length * FAULTS);
    for (const [kind, count] of Object.entries(report.faultsByKind)) {
      // Only a real transport injects these (the suite over sockets in @live-chat/server).
      if (TRANSPORT_FAULT_KINDS.includes(kind as TransportFaultKind)) assert.equal(count, 0, kind);
      else assert.ok(count > 0, `no ${kind} was injected`);
    }
  });

  /** Each of these figures of the report is 0. */
  const noneOf = (...figures: (keyof ChaosFigures | 'violationCount')[]) => {
    for (const figure of figures) assert.equal(report[figure], 0, `${figure}: ${explain()}`);
  };

  it('loses, duplicates and reorders no message', () => {
    noneOf('lost', 'duplicated', 'reordered', 'phantoms');
  });

  it('keeps counters and session lists equal to the backend', () => {
    noneOf('counterMismatches', 'listMismatches');
  });

  it('leaves nothing stuck, rejected or unhandled', () => {
    noneOf('stuck', 'rejectedCommands', 'unhandledRejections', 'violationCount');
  });

  it('recovers at most at twice the cost of the same seeds without faults', () => {
    const recovery = report.recovery;
    assert.ok(recovery);
    const over = recovery.perSeed
      .filter((cost) => !cost.withinTwice)
      .map(
        (cost) =>
          `seed ${cost.seed}: snapshots ${cost.faulted.snapshots} vs ${cost.faultFree.snapshots}, ` +
          `history calls ${cost.faulted.historyCalls} vs ${cost.faultFree.historyCalls}`,
      );
    assert.deepEqual(over, [], over.join('\n'));
  });
});

/** An adapter that lies without a gap: some events are replaced by others of the same seq. */
function rewriting(
  rewrite: (event: ServerEvent, n: number) => ServerEvent,
): (backend: { connect(userId: string): TransportAdapter }, userId: string) => TransportAdapter {
  return (backend, userId) => {
    const inner = backend.connect(userId);
    let n = 0;
    return {
      connection$: inner.connection$,
      snapshot: () => inner.snapshot(),
      events: (sinceSeq) => inner.events(sinceSeq).pipe(map((event) => rewrite(event, ++n))),
      execute: (command) => inner.execute(command),
      history: (query) => inner.history(query),
      search: (query) => inner.search(query),
      report: (query) => inner.report(query),
      dispose: () => inner.dispose?.(),
    };
  };
}

/** Every fifth new message a client hears of becomes a read marker of the same seq. */
const hideEveryFifthMessage = (event: ServerEvent, n: number): ServerEvent =>
  event.type === 'message.added' && n % 5 === 0
    ? {
        type: 'session.read',
        seq: event.seq,
        sessionId: event.message.sessionId,
        unread: event.unread,
      }
    : event;

describe('chaos harness', () => {
  it('replays a seed exactly', async () => {
    const a = await runChaosSeed(5, { faults: 60 });
    const b = await runChaosSeed(5, { faults: 60 });
    assert.deepEqual(a, b);
    assert.equal(a.faults, 60);
  });

  it('sees messages a client never heard of (the checks are not vacuous)', async () => {
    const hidden = await runChaosSeed(1, {
      faults: 0,
      durationMs: 120_000,
      connect: rewriting(hideEveryFifthMessage),
    });
    assert.ok(hidden.lost > 0, 'hidden messages are reported lost');
    assert.ok(hidden.checked.conversations > 0 && hidden.checked.messages > 0);
  });

  it('sees wrong unread counts and phantom messages', async () => {
    const wrong = await runChaosSeed(2, {
      faults: 0,
      durationMs: 120_000,
      connect: rewriting((event, n) => {
        if (event.type === 'session.upserted' && n % 4 === 0)
          return { ...event, unread: event.unread + 1 };
        if (event.type === 'message.added' && n % 9 === 0)
          return { ...event, message: { ...event.message, id: `${event.message.id}-phantom` } };
        return event;
      }),
    });
    assert.ok(wrong.listMismatches + wrong.counterMismatches > 0, 'wrong unread counts are seen');
    assert.ok(wrong.phantoms > 0, 'messages the backend does not have are seen');
  });
});

/**
 * A transport of its own in the same process: tabs on the memory backend's adapters (through
 * `connect`), the truth read from the backend as a remote one answers (with promises), and
 * transport faults that only count what they were asked to do.
 */
function inProcessTransport(connect: (backend: MemoryBackend, userId: string) => TransportAdapter) {
  const asked: TransportFaultKind[] = [];
  let heals = 0;
  const transport = async ({ backend }: ChaosTransportSetup): Promise<ChaosTransport> => ({
    connect: (userId) => connect(backend, userId),
    backend: {
      now: () => backend.now(),
      snapshot: async (userId) => backend.snapshot(userId),
      sessions: async () => backend.sessions(),
      getSession: async (sessionId) => backend.getSession(sessionId),
      messagesOf: async (sessionId) => backend.messagesOf(sessionId),
      addCustomer: async (input) => backend.addCustomer(input),
      customerWrites: async (input) => backend.customerWrites(input),
      onMessage: (listener) => backend.onMessage(listener),
    },
    faults: {
      kinds: ['connection-drop', 'slow-path'],
      inject: (kind) => void asked.push(kind),
      heal: () => void heals++,
    },
    dispose: async () => undefined,
  });
  return { transport, asked, heals: () => heals };
}

describe('chaos harness over a transport of its own, on real time', () => {
  const realTime: ChaosOptions = {
    clock: (startMs) => createRealTimeClock({ startMs, scale: 100 }),
    durationMs: 60_000,
    settleMs: 20_000,
    convergeMs: 100_000,
    transportMeanMs: 2_000,
    faults: 10,
  };

  it('reads a truth that answers with promises, and draws only the faults the transport has', async () => {
    const world = inProcessTransport((backend, userId) => backend.connect(userId));
    const report = await runChaosSeed(3, { ...realTime, transport: world.transport });
    assert.deepEqual(report.violations, []);
    assert.ok(report.sends.ok > 0 && report.checked.conversations > 0);
    assert.ok(world.asked.length > 0);
    assert.ok(world.asked.every((kind) => kind === 'connection-drop' || kind === 'slow-path'));
    assert.equal(world.heals(), 1);
    const injected = Object.entries(report.faultsByKind).filter(([, count]) => count > 0);
    assert.deepEqual(
      injected.map(([kind]) => kind).sort(),
      [...new Set(world.asked)].sort(),
      'in-process faults are off over a transport with faults of its own',
    );
  });

  it('sees messages a client never heard of through that truth too', async () => {
    const world = inProcessTransport(rewriting(hideEveryFifthMessage));
    const report = await runChaosSeed(1, {
      ...realTime,
      faults: 0,
      convergeMs: 0,
      transport: world.transport,
    });
    assert.ok(report.lost > 0, 'hidden messages are reported lost');
  });
});
