/**
 * What both paths of the benchmark share: a client watched as a host watches it, and the timing
 * of each delivered batch from the moment it is available to the moment everything is published.
 */
import { filter, firstValueFrom } from 'rxjs';
import type { LiveChatClient } from '../src/client/types.js';
import type { SessionGroupKind } from '../src/domain/access.js';
import { countersEqual, type Counters } from '../src/domain/counters.js';
import type { BenchRuntime } from './runtime.js';

/** The lists a workspace shows at once for one live chat (the user's busiest one). */
export const WATCHED: ReadonlyArray<readonly [string, SessionGroupKind]> = [
  ['lc-0', 'queue'],
  ['lc-0', 'mine'],
  ['lc-0', 'closed'],
];

/** Where the events of a run come from. */
export interface BatchSource {
  /** Makes the next batch available (not timed as client work); `false` when the run is over. */
  produce(): boolean;
  /** Hands the batch to the client, when producing did not already. */
  deliver(): void;
  /**
   * For batches an in-page backend makes in this heap: the number of events it made for the
   * client so far. The young generation is then collected after each batch is made, untimed,
   * and the client charged its share (see {@link measureClient}).
   */
  madeInPage?: () => number;
}

/** What the client's side of one run cost. */
export interface ClientCost {
  /**
   * Time on the runtime's clock (see {@link BenchRuntime.clock}: in Node, process CPU time,
   * every thread, GC helpers included) from batch available to published.
   */
  cpuMs: number;
  wallMs: number;
  /**
   * Garbage-collection pauses of the main thread inside the timed windows (in the above);
   * undefined where the runtime does not report pauses (a page).
   */
  gcInMs: number | undefined;
  /** Collection pauses while batches were made (not in the above; they may collect the client's garbage). */
  gcOutMs: number | undefined;
  batches: number;
  /** Emissions of `counters$` and of the watched lists, together. */
  emissions: number;
  /**
   * For a batch made in the page: bytes the client allocated per event (from the windows no
   * collection interrupted), and its share of the young generation each collection after a
   * batch found (its CPU time, in that share, is in `cpuMs`).
   */
  allocation?: { bytesPerEvent: number; share: number; collectionsCpuMs: number };
}

/** Resolves at the next turn of the event loop (after the microtasks of this one). */
const tick = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else {
      // A page: a message posted to itself is the next task, with no timer clamping.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    }
  });

/** Resolves once the client has applied its first snapshot. */
export function whenReady(client: LiveChatClient): Promise<unknown> {
  return firstValueFrom(client.status$.pipe(filter((status) => status.state === 'ready')));
}

/**
 * Runs `source` batch by batch into `client` with `counters$` and the {@link WATCHED} lists
 * subscribed, as a workspace UI would. Each batch is timed from when it is available until the
 * client has applied it and published it (one event-loop turn later), so the figures hold
 * delivery, reducers, counters, list patches and every emission. Throws when `counters$` did not
 * follow the state (the bench would then measure nothing real).
 *
 * Garbage is collected when V8 decides, as in a page: a collection counts where it happens. One
 * that happens while a batch is made is not in the client's figures, though it may collect the
 * client's garbage too; the pauses inside and outside the timed windows are both reported.
 *
 * A batch an in-page backend made (`madeInPage`) is followed by a collection of the young
 * generation, untimed, when the runtime lets a script ask for one (node --expose-gc; Chromium
 * with --js-flags=--expose-gc). Without it, V8's scheduled collection of
 * the backend's garbage (about 98% of what the page allocates) runs at the first turn of the
 * event loop, which is the client's window: the client was charged for copying the backend's
 * survivors, work a network adapter leaves to a server. The client is charged its share of each
 * such collection instead: the collection's CPU time × the bytes the client allocated in the
 * window before it ÷ the bytes the collection found.
 */
export async function measureClient(
  client: LiveChatClient,
  source: BatchSource,
  runtime: BenchRuntime,
): Promise<ClientCost> {
  let emissions = 0;
  let latest: Counters | undefined;
  const watch = client.counters$.subscribe((counters) => {
    emissions++;
    latest = counters;
  });
  for (const [liveChatId, kind] of WATCHED)
    watch.add(client.sessions$(liveChatId, kind).subscribe(() => emissions++));
  const cost: ClientCost = {
    cpuMs: 0,
    wallMs: 0,
    gcInMs: undefined,
    gcOutMs: undefined,
    batches: 0,
    emissions: 0,
  };
  const windows: number[] = []; // start, end, start, end, …
  const stopRecording = runtime.recordGcPauses?.();
  const made = source.madeInPage;
  const collect = made ? runtime.collectYoung : undefined;
  const { youngBytes } = runtime;
  let madeBefore = made?.() ?? 0;
  let clientBytes = 0; // allocated in the last window, when no collection interrupted it
  let measuredBytes = 0;
  let measuredEvents = 0;
  let foundBytes = 0;
  let chargedBytes = 0;
  let collectionsCpuMs = 0;
  const first = performance.now();
  while (source.produce()) {
    if (collect) {
      const found = youngBytes();
      const gcStart = runtime.clockMs();
      collect();
      const gcCpuMs = runtime.clockMs() - gcStart;
      const share = found > 0 ? Math.min(1, clientBytes / found) : 0;
      cost.cpuMs += share * gcCpuMs;
      collectionsCpuMs += gcCpuMs;
      foundBytes += found;
      chargedBytes += clientBytes;
    }
    const madeNow = made?.() ?? 0;
    const batchEvents = madeNow - madeBefore;
    madeBefore = madeNow;
    const youngBefore = youngBytes();
    const cpuStart = runtime.clockMs();
    const start = performance.now();
    source.deliver();
    await tick();
    const used = runtime.clockMs() - cpuStart;
    const end = performance.now();
    const youngAfter = youngBytes();
    // A collection in the window freed what the client allocated: its cost is in `used` already.
    clientBytes = youngAfter >= youngBefore ? youngAfter - youngBefore : 0;
    if (youngAfter >= youngBefore) {
      measuredBytes += clientBytes;
      measuredEvents += batchEvents;
    }
    windows.push(start, end);
    cost.cpuMs += used;
    cost.wallMs += end - start;
    cost.batches++;
  }
  const last = performance.now();
  const pauses = await stopRecording?.();
  watch.unsubscribe();
  if (pauses) {
    cost.gcInMs = 0;
    cost.gcOutMs = 0;
    for (const pause of pauses) {
      if (pause.startTime < first || pause.startTime >= last) continue;
      let inside = false;
      for (let i = 0; i < windows.length && !inside; i += 2)
        inside = pause.startTime >= windows[i] && pause.startTime < windows[i + 1];
      if (inside) cost.gcInMs += pause.duration;
      else cost.gcOutMs += pause.duration;
    }
  }
  cost.emissions = emissions;
  if (collect && measuredEvents > 0)
    cost.allocation = {
      bytesPerEvent: measuredBytes / measuredEvents,
      share: foundBytes > 0 ? chargedBytes / foundBytes : 0,
      collectionsCpuMs,
    };
  if (!latest || !countersEqual(latest, client.counters)) throw new Error('counters$ is not live');
  return cost;
}
