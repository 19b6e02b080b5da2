/**
 * Test support: one seed of the fault-injection suite of `@live-chat/adapters/testing` over real
 * sockets, bounded for a test run: a real-time clock at 20× (a minute of work takes three
 * seconds), faults on the sockets only ({@link startSocketChaos}), WebSocket adapters with a
 * fast heartbeat and back-off, and the assertion that nothing was violated.
 */
import assert from 'node:assert/strict';
import {
  createRealTimeClock,
  formatViolation,
  runChaosSeed,
  type ChaosRunReport,
  type ChaosTransportSetup,
} from '@live-chat/adapters/testing';
import { startSocketChaos, type SocketChaosOptions } from './socket-chaos.js';

/** How much faster than the wall clock the run's time goes. */
const SCALE = 20;

/**
 * Runs seed `seed` over the servers `serve` sets up for it (the backends to serve, and where
 * the truth lives when not in the run's memory backend), asserts that no client lost, doubled
 * or reordered anything, that counters, lists and conversations equal the backend's and that
 * nothing is stuck; prints what was injected and checked, and returns the report.
 */
export async function runSocketChaosSeed(
  seed: number,
  serve: (setup: ChaosTransportSetup) => Promise<Omit<SocketChaosOptions, 'adapter'>>,
): Promise<ChaosRunReport> {
  const report = await runChaosSeed(seed, {
    clock: (startMs) => createRealTimeClock({ startMs, scale: SCALE }),
    transport: async (setup) =>
      startSocketChaos(setup, {
        ...(await serve(setup)),
        adapter: {
          heartbeatMs: 250,
          reconnectBaseMs: 50,
          reconnectMaxMs: 400,
          requestTimeoutMs: 2_000,
        },
      }),
    faults: 20,
    durationMs: 60_000,
    settleMs: 20_000,
    convergeMs: SCALE * 10_000,
    transportMeanMs: 3_000,
    // The sockets bring latency of their own; the chaos adapter adds none.
    latencyMs: [0, 0],
    // The client's waits are in the run's time: give a request two seconds and a command five
    // (real), longer than a server restart and the reconnect after it.
    clientOptions: { requestTimeoutMs: SCALE * 2_000, commandDeadlineMs: SCALE * 5_000 },
  });
  assert.deepEqual(report.violations.map(formatViolation), [], `seed ${seed}`);
  assert.ok(report.faults > 0, 'faults were injected');
  assert.ok(report.sends.ok > 0, 'messages were sent');
  assert.ok(report.checked.conversations > 0, 'conversations were checked');
  const faults = Object.entries(report.faultsByKind)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`);
  console.log(
    `seed ${seed}: ${faults.join(', ')}; ${report.sends.ok} sends ok (${report.sends.failed} failed), ` +
      `${report.checked.conversations} conversations and ${report.checked.tabs} tabs checked`,
  );
  return report;
}
