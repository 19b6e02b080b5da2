/**
 * The store path: a bench transport serves a generated snapshot and pushes generated events, a
 * real `createLiveChatClient` applies them (sync loop, seq checks, reducers, counters, lists).
 * What the client itself costs, with no transport work around it. Each batch is parsed from JSON
 * before it is timed, as a network transport hands events over: fresh objects, short strings
 * internalized by the parser.
 */
import { Observable, type Subscriber } from 'rxjs';
import { createLiveChatClient } from '../src/client/client.js';
import type { LiveChatClient } from '../src/client/types.js';
import { computeCounters, countersEqual } from '../src/domain/counters.js';
import type { TransportAdapter } from '../src/protocol/adapter.js';
import type { ServerEvent, Snapshot } from '../src/protocol/events.js';
import { serverState, type World } from './generate.js';
import { measureClient, whenReady, type ClientCost } from './host.js';
import type { BenchRuntime } from './runtime.js';

/** Events per delivered batch. */
const BATCH = 1_000;

/** One run of a path at one size. */
export interface Run extends ClientCost {
  sessions: number;
  /** Events the client applied. */
  events: number;
  snapshotMs: number;
  /** The snapshot's size as JSON and the customers it carries (the adapter path only). */
  snapshotSize?: { bytes: number; customers: number };
  heapMb: number;
  /** Incremental counters equal `computeCounters` over the client's state and the server's. */
  countersOk: boolean;
  /** Time on the runtime's clock the in-page backend spent making the events (the adapter path only). */
  backendCpuMs: number;
}

/** A transport that serves the snapshot and lets the bench push events. */
function benchTransport(snapshot: Snapshot): {
  adapter: TransportAdapter;
  push(events: readonly ServerEvent[]): void;
} {
  let stream: Subscriber<ServerEvent> | null = null;
  const refuse = (): Promise<never> => Promise.reject(new Error('not used by the benchmark'));
  return {
    adapter: {
      connection$: new Observable<'online'>((subscriber) => subscriber.next('online')),
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
    push(events) {
      const target = stream;
      if (!target) throw new Error('The client is not subscribed to events.');
      for (const event of events) target.next(event);
    },
  };
}

/** Counters equal a recomputation over the client's state and over the generator's own state. */
function countersCheck(world: World, client: LiveChatClient): boolean {
  const viewer = client.viewer;
  if (!viewer) throw new Error('No viewer');
  const server = serverState(world);
  const views = [...server.sessions.keys()].flatMap((id) => client.getSession(id) ?? []);
  const fromClient = computeCounters(
    viewer,
    views.map((view) => view.session),
    (id) => client.getSession(id)?.unread ?? 0,
  );
  const fromServer = computeCounters(
    viewer,
    server.sessions.values(),
    (id) => server.unread.get(id) ?? 0,
  );
  return countersEqual(client.counters, fromClient) && countersEqual(client.counters, fromServer);
}

/** One run in `runtime`: a fresh client on the world's snapshot, then every event of the world. */
export async function storePathRun(
  runtime: BenchRuntime,
  world: World,
  check: boolean,
): Promise<Run> {
  const { adapter, push } = benchTransport(JSON.parse(JSON.stringify(world.snapshot)) as Snapshot);
  const snapshotStart = performance.now();
  const client = createLiveChatClient({ adapter });
  await whenReady(client);
  const snapshotMs = performance.now() - snapshotStart;
  let to = 0;
  let batch: ServerEvent[] = [];
  const cost = await measureClient(
    client,
    {
      produce() {
        const from = to;
        to = Math.min(world.events.length, from + BATCH);
        batch = JSON.parse(JSON.stringify(world.events.slice(from, to))) as ServerEvent[];
        return from < to;
      },
      deliver: () => push(batch),
    },
    runtime,
  );
  const run: Run = {
    ...cost,
    sessions: world.snapshot.sessions.length,
    events: world.events.length,
    snapshotMs,
    heapMb: runtime.heapMb(),
    countersOk: !check || countersCheck(world, client),
    backendCpuMs: 0,
  };
  client.dispose();
  return run;
}
