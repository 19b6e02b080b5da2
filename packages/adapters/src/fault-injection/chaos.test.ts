/**
 * The seeded fault-injection suite of the client ("sync you can trust"): 20 seeds of 200
 * faults each, over the memory backend, every client checked against the backend's ground
 * truth once the network healed. Reproduce one seed with `npm run chaos -- --seeds 1 --from N`.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { map } from 'rxjs';
import type { ServerEvent, TransportAdapter } from '@live-chat/core';
import { runChaos, runChaosSeed, type ChaosSuiteReport } from './harness.js';
import { summaryLine, type ChaosFigures } from './report.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const FAULTS = 200;

describe(`chaos: ${SEEDS.length} seeds × ${FAULTS} faults`, () => {
  let report: ChaosSuiteReport;
  const explain = (): string => `${summaryLine(report)}\n${report.violations.join('\n')}`;

  before(async () => {
    report = await runChaos({ seeds: SEEDS, faults: FAULTS, measureRecovery: true });
  });

  it('injects every fault of the budget, of every kind', () => {
    assert.equal(report.faults, SEEDS.length * FAULTS);
    for (const [kind, count] of Object.entries(report.faultsByKind))
      assert.ok(count > 0, `no ${kind} was injected`);
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

describe('chaos harness', () => {
  it('replays a seed exactly', async () => {
    const a = await runChaosSeed(5, { faults: 60 });
    const b = await runChaosSeed(5, { faults: 60 });
    assert.deepEqual(a, b);
    assert.equal(a.faults, 60);
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

  it('sees messages a client never heard of (the checks are not vacuous)', async () => {
    const hidden = await runChaosSeed(1, {
      faults: 0,
      durationMs: 120_000,
      connect: rewriting((event, n) =>
        event.type === 'message.added' && n % 5 === 0
          ? {
              type: 'session.read',
              seq: event.seq,
              sessionId: event.message.sessionId,
              unread: event.unread,
            }
          : event,
      ),
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
