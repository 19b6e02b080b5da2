/**
 * The adapter path, as a host runs the workspace on the memory backend: the backend (the engine
 * over the in-memory store) holds the workspace; customers write and operators take, answer,
 * close, reassign and read through it; the user's `MemoryAdapter` delivers the events that
 * concern them to a real `createLiveChatClient`. The client figures hold the adapter's delivery
 * and everything the client does; the backend's work to make the events is timed apart, since a
 * network adapter leaves it to a server.
 */
// The bench plays the host app, which is the one that picks an adapter (docs/architecture.md).
// eslint-disable-next-line no-restricted-imports
import { createMemoryBackend, type MemoryBackend } from '@live-chat/adapters';
import { createLiveChatClient } from '../src/client/client.js';
import { seededRandom } from '../src/client/seeded-random.js';
import { computeCounters, countersEqual } from '../src/domain/counters.js';
import type { Id, Session } from '../src/domain/types.js';
import type { Command } from '../src/protocol/commands.js';
import type { ServerEvent } from '../src/protocol/events.js';
import type { DistributiveOmit } from '../src/client/testing/fake-adapter.js';
import type { Workspace } from './generate.js';
import { measureClient, whenReady } from './host.js';
import type { BenchRuntime } from './runtime.js';
import type { Run } from './store-path.js';

const ME = 'u-me';
/** Events for the user per delivered batch (the backend makes them, then the adapter delivers). */
const BATCH = 1_000;
const TEXTS = ['Hello!', 'Where is my order #12345?', 'Thank you, that helps a lot.', 'ok'];

/**
 * Acts on the backend as customers and operators do, from a seed, in the mix of the store
 * path's generator: customers write (55%: new requests, follow-ups, and reopening closed
 * sessions), operators reply (15%), take (9%), close (5%), reassign to a group (4%) and read
 * (6%), and new customers write in (1%). Whatever the rules refuse is skipped.
 */
class Workload {
  private readonly random: () => number;
  private readonly sessionIds: Id[];
  private nextCustomer = 0;
  private nextId = 0;

  constructor(
    private readonly backend: MemoryBackend,
    private readonly start: Workspace,
    seed: number,
  ) {
    this.random = seededRandom(seed);
    this.sessionIds = start.snapshot.sessions.map((session) => session.id);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private session(): Session {
    return this.backend.getSession(this.pick(this.sessionIds)) as Session;
  }

  private act(userId: Id, command: DistributiveOmit<Command, 'commandId'>): void {
    this.backend.execute(userId, { ...command, commandId: `bench-${this.nextId++}` } as Command);
  }

  /** An operator of the session's live chat who may take it from the queue it waits in. */
  private taker(session: Session): Id {
    const chat = this.backend.getLiveChat(session.liveChatId);
    const assignee = session.assignee;
    if (assignee?.kind === 'group')
      return this.start.snapshot.groups.find((g) => g.id === assignee.groupId)?.memberIds[0] ?? ME;
    return this.pick(chat?.operatorIds ?? [ME]);
  }

  step(): void {
    const r = this.random();
    const session = this.session();
    const operator = session.assignee?.kind === 'operator' ? session.assignee.operatorId : null;
    if (r < 0.55) {
      this.backend.customerWrites({
        customerId: session.customerId,
        liveChatId: session.liveChatId,
        channel: 'telegram',
        text: this.pick(TEXTS),
      });
    } else if (r < 0.7) {
      if (session.status === 'active' && operator !== null)
        this.act(operator, {
          type: 'message.send',
          sessionId: session.id,
          clientMessageId: `bench-message-${this.nextId}`,
          text: this.pick(TEXTS),
        });
    } else if (r < 0.79) {
      if (session.status === 'queued')
        this.act(this.taker(session), { type: 'session.take', sessionId: session.id });
    } else if (r < 0.84) {
      if (session.status !== 'closed')
        this.act(operator ?? this.taker(session), { type: 'session.close', sessionId: session.id });
    } else if (r < 0.88) {
      if (session.status === 'active' && operator !== null)
        this.act(operator, {
          type: 'session.reassign',
          sessionId: session.id,
          target: { kind: 'group', groupId: `${session.liveChatId}-a` },
        });
    } else if (r < 0.99) {
      if (session.status !== 'closed')
        this.act(ME, { type: 'session.mark-read', sessionId: session.id });
    } else {
      const customer = this.start.newCustomers[this.nextCustomer++];
      if (!customer) return;
      const result = this.backend.customerWrites({
        customerId: customer.id,
        liveChatId: this.pick(this.start.snapshot.liveChats).id,
        channel: 'telegram',
        text: this.pick(TEXTS),
      });
      if (result.ok) this.sessionIds.push(result.value.session.id);
    }
  }
}

/** The client's counters equal a recomputation over the backend's own state for the user. */
function countersCheck(backend: MemoryBackend, client: ReturnType<typeof createLiveChatClient>) {
  const viewer = client.viewer;
  const snapshot = backend.snapshot(ME);
  if (!viewer || !snapshot.ok) throw new Error('No viewer or no snapshot');
  const { sessions, unread } = snapshot.value;
  return countersEqual(
    client.counters,
    computeCounters(viewer, sessions, (id) => unread[id] ?? 0),
  );
}

/**
 * One run in `runtime`: a fresh backend holding the workspace, the user's client on its memory
 * adapter, then `events` events for the user (and whatever the backend sends others meanwhile).
 * `mix` counts the user's events by type.
 */
export async function adapterPathRun(
  runtime: BenchRuntime,
  start: Workspace,
  events: number,
  seed: number,
  check: boolean,
  mix?: Map<ServerEvent['type'], number>,
): Promise<Run> {
  const { users, liveChats, groups, customers, sessions } = start.snapshot;
  const backend = createMemoryBackend({ seed: { users, liveChats, groups, customers, sessions } });
  const snapshotStart = performance.now();
  const client = createLiveChatClient({ adapter: backend.connect(ME) });
  await whenReady(client);
  const snapshotMs = performance.now() - snapshotStart;
  const stopCounting = backend.listen(ME, (event) =>
    mix?.set(event.type, (mix.get(event.type) ?? 0) + 1),
  );

  const workload = new Workload(backend, start, seed);
  const first = backend.seqOf(ME);
  let backendCpuMs = 0;
  const cost = await measureClient(
    client,
    {
      produce() {
        const made = backend.seqOf(ME) - first;
        if (made >= events) return false;
        const until = first + Math.min(events, made + BATCH);
        const cpuStart = runtime.clockMs();
        while (backend.seqOf(ME) < until) workload.step();
        backendCpuMs += runtime.clockMs() - cpuStart;
        return true;
      },
      deliver: () => undefined, // the adapter delivers each batch itself, once the backend is done
      madeInPage: () => backend.seqOf(ME) - first,
    },
    runtime,
  );
  stopCounting();
  const served = backend.snapshot(ME);
  const run: Run = {
    ...cost,
    sessions: sessions.length,
    events: backend.seqOf(ME) - first,
    snapshotMs,
    ...(served.ok && {
      snapshotSize: {
        bytes: new TextEncoder().encode(JSON.stringify(served.value)).length,
        customers: served.value.customers.length,
      },
    }),
    heapMb: runtime.heapMb(),
    countersOk: !check || countersCheck(backend, client),
    backendCpuMs,
  };
  client.dispose();
  await backend.dispose();
  return run;
}
