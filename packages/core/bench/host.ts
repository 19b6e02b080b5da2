/**
 * What both paths of the benchmark share: a client watched as a host watches it, and the timing
 * of each delivered batch from the moment it is available to the moment everything is published.
 */
import { filter, firstValueFrom } from 'rxjs';
import type { LiveChatClient } from '../src/client/types.js';
import type { SessionGroupKind } from '../src/domain/access.js';
import { countersEqual, type Counters } from '../src/domain/counters.js';

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
}

/** What the client's side of one run cost. */
export interface ClientCost {
  /** Process CPU time (every thread: GC helpers included) from batch available to published. */
  cpuMs: number;
  wallMs: number;
  batches: number;
  /** Emissions of `counters$` and of the watched lists, together. */
  emissions: number;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `gc()` of node's --expose-gc, when exposed. */
const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;

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
 * With --expose-gc, each side pays for its own young garbage: a minor collection runs after the
 * batch was made (untimed: the producer's garbage, e.g. the in-page backend's) and another at
 * the end of the timed window (the client's own). Otherwise whichever side triggers a
 * collection pays for the other's garbage too.
 */
export async function measureClient(
  client: LiveChatClient,
  source: BatchSource,
): Promise<ClientCost> {
  let emissions = 0;
  let latest: Counters | undefined;
  const watch = client.counters$.subscribe((counters) => {
    emissions++;
    latest = counters;
  });
  for (const [liveChatId, kind] of WATCHED)
    watch.add(client.sessions$(liveChatId, kind).subscribe(() => emissions++));
  const cost: ClientCost = { cpuMs: 0, wallMs: 0, batches: 0, emissions: 0 };
  while (source.produce()) {
    gc?.({ type: 'minor' });
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    source.deliver();
    await tick();
    gc?.({ type: 'minor' });
    const used = process.cpuUsage(cpuStart);
    cost.wallMs += performance.now() - start;
    cost.cpuMs += (used.user + used.system) / 1000;
    cost.batches++;
  }
  await tick();
  watch.unsubscribe();
  cost.emissions = emissions;
  if (!latest || !countersEqual(latest, client.counters)) throw new Error('counters$ is not live');
  return cost;
}

/** Heap in use, in MB (after a full collection when node runs with --expose-gc). */
export function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
