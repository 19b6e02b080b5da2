/**
 * Client store benchmark: 100,000 server events applied through a real `createLiveChatClient`
 * (sync loop, seq checks, reducers, incremental counters, group lists) with `counters$`
 * subscribed, over 1,000 and then 100,000 sessions.
 *
 *   node --expose-gc --import tsx packages/core/bench/run.ts      (--expose-gc is optional)
 *
 * Goals (the project's, stated as they are):
 * - throughput: ≥ 1,000,000 events/s applied with `counters$` live, at both sizes;
 * - flatness: the per-event CPU cost at 100k sessions at most 1.5× the cost at 1k (per-event
 *   work must not grow with the number of sessions).
 * Each size runs 7 times, interleaved with the other; the report gives the median and the
 * spread (min–max) of the runs, compares the medians with the goals and says plainly whether
 * each goal is met. A benchmark, not a test: a missed goal is reported, and the exit code stays
 * 0. At the end the incremental counters are checked against `computeCounters` over the
 * client's state and over the generator's own server state; a mismatch is a bug, and exits 1.
 * Everything is generated from a fixed seed.
 */
import { availableParallelism, loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { Observable, type Subscriber } from 'rxjs';
import { computeCounters, countersEqual, type Counters } from '../src/domain/counters.js';
import type { TransportAdapter } from '../src/protocol/adapter.js';
import type { ServerEvent, Snapshot } from '../src/protocol/events.js';
import { createLiveChatClient } from '../src/client/client.js';
import type { LiveChatClient } from '../src/client/types.js';
import type { SessionGroupKind } from '../src/domain/access.js';
import { EVENTS, generate, serverState, type World } from './generate.js';

const BATCH = 1_000;
const TRIALS = 7;
/** Events applied per second, with counters$ live, at every size. */
const GOAL_EVENTS_PER_SECOND = 1_000_000;
/** Per-event CPU cost at 100k sessions over the cost at 1k sessions, at most. */
const GOAL_RATIO = 1.5;

// ---------------------------------------------------------------------------------------------
// A transport that serves the snapshot and lets the bench push events

function benchAdapter(snapshot: Snapshot): {
  adapter: TransportAdapter;
  push(events: ServerEvent[], from: number, to: number): void;
} {
  let stream: Subscriber<ServerEvent> | null = null;
  const connection$ = new Observable<'online'>((subscriber) => subscriber.next('online'));
  const refuse = (): Promise<never> => Promise.reject(new Error('not used by the benchmark'));
  return {
    adapter: {
      connection$,
      snapshot: async () => snapshot,
      events: () =>
        new Observable<ServerEvent>((subscriber) => {
          stream = subscriber;
          return () => (stream = null);
        }),
      execute: refuse,
      history: refuse,
      search: refuse,
      report: refuse,
    },
    push(events, from, to) {
      const target = stream;
      if (!target) throw new Error('The client is not subscribed to events.');
      for (let i = from; i < to; i++) target.next(events[i]);
    },
  };
}

// ---------------------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Trial {
  /** Wall-clock time spent applying the events. */
  wallMs: number;
  /** CPU time of the process meanwhile (all threads: V8's concurrent GC threads included). */
  cpuMs: number;
  /** Garbage collection pauses during the run (part of the times above). */
  gcMs: number;
  snapshotMs: number;
  /** Heap in use after the run (everything: workload data included). */
  heapMb: number;
  /** Heap the client retains: in use after the run minus before the client existed. */
  clientHeapMb: number;
  counterEmissions: number;
  client: LiveChatClient;
}

/** The lists a workspace shows at once for one live chat (the busiest one here). */
const WATCHED: Array<[string, SessionGroupKind]> = [
  ['lc-0', 'queue'],
  ['lc-0', 'mine'],
  ['lc-0', 'closed'],
];

async function trial(world: World, watchLists = false): Promise<Trial> {
  const { adapter, push } = benchAdapter(world.snapshot);
  const heapBefore = heapMb();
  const snapshotStart = performance.now();
  const client = createLiveChatClient({ adapter });
  await new Promise<void>((resolve) => {
    const subscription = client.status$.subscribe((status) => {
      if (status.state === 'ready') {
        resolve();
        queueMicrotask(() => subscription.unsubscribe());
      }
    });
  });
  const snapshotMs = performance.now() - snapshotStart;
  let counterEmissions = 0;
  let latest: Counters | undefined;
  const counters = client.counters$.subscribe((value) => {
    counterEmissions++;
    latest = value;
  });
  if (watchLists)
    for (const [liveChatId, kind] of WATCHED)
      counters.add(client.sessions$(liveChatId, kind).subscribe());

  let wallMs = 0;
  let cpuMs = 0;
  let gcMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  for (let from = 0; from < world.events.length; from += BATCH) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    push(world.events, from, Math.min(world.events.length, from + BATCH));
    const used = process.cpuUsage(cpuStart);
    wallMs += performance.now() - start;
    cpuMs += (used.user + used.system) / 1000;
    await tick(); // let the host breathe between batches, as a real transport would
  }
  await tick(); // gc entries are delivered asynchronously
  gcObserver.disconnect();
  if (!latest || !countersEqual(latest, client.counters)) throw new Error('counters$ is not live');
  counters.unsubscribe();
  const heapAfter = heapMb();
  return {
    wallMs,
    cpuMs,
    gcMs,
    snapshotMs,
    heapMb: heapAfter,
    clientHeapMb: heapAfter - heapBefore,
    counterEmissions,
    client,
  };
}

/** Incremental counters against a recomputation over the client's state and over the server's. */
function verify(world: World, client: LiveChatClient): { client: boolean; server: boolean } {
  const viewer = client.viewer;
  if (!viewer) throw new Error('No viewer');
  const server = serverState(world);
  const views = [...server.sessions.keys()].map((id) => client.getSession(id));
  const fromClient = computeCounters(
    viewer,
    views.flatMap((view) => (view ? [view.session] : [])),
    (id) => client.getSession(id)?.unread ?? 0,
  );
  const fromServer = computeCounters(
    viewer,
    server.sessions.values(),
    (id) => server.unread.get(id) ?? 0,
  );
  return {
    client: countersEqual(client.counters, fromClient),
    server: countersEqual(client.counters, fromServer),
  };
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Median, min and max of a non-empty list. */
interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** "median (min–max)", each figure formatted by `format`. */
const showSpread = (s: Spread, format: (n: number) => string): string =>
  `${format(s.median)} (${format(s.min)}–${format(s.max)})`;

interface Measurement {
  sessions: number;
  /** Events applied per second (wall clock), over the runs. */
  eventsPerSecond: Spread;
  /** Process CPU time per event, in ns (GC threads included), over the runs. */
  cpuNsPerEvent: Spread;
  /** The runs, in order (round i of each size ran back to back). */
  runs: Trial[];
  ok: boolean;
}

/**
 * `TRIALS` runs per size, the sizes interleaved (1k, 100k, 1k, 100k, …) so that both see the
 * same background load; the median says what is typical, the min–max how noisy it was.
 */
async function measureAll(sizes: number[]): Promise<Measurement[]> {
  const worlds = sizes.map((size) => generate(size, 0xc0ffee + size));
  const trials: Trial[][] = sizes.map(() => []);
  for (let round = 0; round < TRIALS; round++) {
    for (let i = 0; i < sizes.length; i++) {
      const result = await trial(worlds[i]);
      trials[i].push(result);
      if (round < TRIALS - 1) {
        result.client.dispose();
        (result as { client?: LiveChatClient }).client = undefined; // let it be collected
      }
    }
  }
  return sizes.map((sessions, i) => {
    const runs = trials[i];
    const last = runs[runs.length - 1];
    const check = verify(worlds[i], last.client);
    last.client.dispose();
    const result: Measurement = {
      sessions,
      eventsPerSecond: spread(runs.map((t) => (EVENTS / t.wallMs) * 1000)),
      cpuNsPerEvent: spread(runs.map((t) => (t.cpuMs * 1e6) / EVENTS)),
      runs,
      ok: check.client && check.server,
    };
    const wallNs = spread(runs.map((t) => (t.wallMs * 1e6) / EVENTS));
    const gcNs = spread(runs.map((t) => (t.gcMs * 1e6) / EVENTS));
    console.log(
      `${fmt(sessions).padStart(7)} sessions │ ` +
        `${showSpread(result.eventsPerSecond, fmt)} events/s │ ` +
        `wall ${showSpread(wallNs, fmt)} ns/event, of which gc ${fmt(gcNs.median)} │ ` +
        `process cpu ${showSpread(result.cpuNsPerEvent, fmt)} ns/event with gc threads │ ` +
        `snapshot ${fmt(spread(runs.map((t) => t.snapshotMs)).median, 1)} ms │ ` +
        `heap ${fmt(last.heapMb, 1)} MB${gc ? ` (client ${fmt(last.clientHeapMb, 1)} MB)` : ''} │ ` +
        `counters$ emissions ${fmt(last.counterEmissions)} │ ` +
        `counters = computeCounters: client ${check.client ? 'yes' : 'NO'}, server ${check.server ? 'yes' : 'NO'}`,
    );
    return result;
  });
}

async function main(): Promise<void> {
  const load = loadavg()[0];
  const cores = availableParallelism();
  console.log(
    `Client store benchmark: ${fmt(EVENTS)} events per run, ${TRIALS} interleaved runs per size ` +
      `(figures: median (min–max) of the runs), ` +
      `gc ${gc ? 'exposed' : 'not exposed (run node with --expose-gc for exact heap figures)'}, ` +
      `load average ${load.toFixed(1)} on ${cores} cores`,
  );
  console.log(
    `Goals: ≥ ${fmt(GOAL_EVENTS_PER_SECOND)} events/s applied with counters$ live, at 1,000 and ` +
      `at 100,000 sessions; per-event CPU cost at 100,000 sessions ≤ ${GOAL_RATIO}× the cost at 1,000.`,
  );
  if (load > cores / 2)
    console.log('  warning: the machine is busy; figures will be low and noisy');
  // Warm the JIT so the first measured size is not charged for compilation.
  await trial(generate(2_000, 7)).then((t) => t.client.dispose());

  const [small, large] = await measureAll([1_000, 100_000]);

  // Informational: the 100k run with one live chat's Queue, My sessions and Closed lists
  // subscribed too, as the workspace UI does (lists are patched, not re-sorted, per event).
  const watched = await trial(generate(100_000, 0xc0ffee + 100_000), true);
  const rows = WATCHED.map(
    ([id, kind]) => `${kind} ${fmt(watched.client.counters.groups[id]?.[kind] ?? 0)}`,
  ).join(', ');
  watched.client.dispose();
  console.log(
    `100,000 sessions + 3 watched lists (${rows} rows) │ ` +
      `${fmt((EVENTS / watched.wallMs) * 1000)} events/s │ one run, informational`,
  );

  // Throughput: the slower size's median must reach the goal.
  const slower = small.eventsPerSecond.median <= large.eventsPerSecond.median ? small : large;
  const throughput = slower.eventsPerSecond;
  const fastEnough = throughput.median >= GOAL_EVENTS_PER_SECOND;
  // Flatness: medians of CPU per event; the per-round ratios show how much it varies.
  const ratio = large.cpuNsPerEvent.median / small.cpuNsPerEvent.median;
  const roundRatios = spread(large.runs.map((t, i) => t.cpuMs / small.runs[i].cpuMs));
  const flat = ratio <= GOAL_RATIO;
  const countersOk = small.ok && large.ok;
  const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

  console.log('');
  console.log(
    `throughput: ${fmt(throughput.median)} events/s median at ${fmt(slower.sessions)} sessions ` +
      `(runs ${fmt(throughput.min)}–${fmt(throughput.max)}); goal ≥ ${fmt(GOAL_EVENTS_PER_SECOND)}: ` +
      `${verdict(fastEnough)} (${fmt((throughput.median / GOAL_EVENTS_PER_SECOND) * 100)}% of the goal)`,
  );
  console.log(
    `per-event CPU cost ratio 100k/1k: ${fmt(ratio, 2)} from the medians ` +
      `(round by round ${fmt(roundRatios.min, 2)}–${fmt(roundRatios.max, 2)}); ` +
      `goal ≤ ${GOAL_RATIO}: ${verdict(flat)}`,
  );
  console.log(
    `counters check: ${countersOk ? 'incremental counters equal computeCounters' : 'MISMATCH (a bug)'}`,
  );
  const missed = [
    ...(fastEnough ? [] : [`throughput (${fmt(GOAL_EVENTS_PER_SECOND)} events/s)`]),
    ...(flat ? [] : [`per-event cost ratio (≤ ${GOAL_RATIO})`]),
  ];
  console.log(
    missed.length === 0
      ? 'All goals met.'
      : `Goals NOT met: ${missed.join(', ')}. (A benchmark: the exit code does not depend on goals.)`,
  );
  if (!countersOk) process.exitCode = 1;
}

await main();
