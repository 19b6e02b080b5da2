/**
 * Client store benchmark: 100,000 server events applied through a real `createLiveChatClient`
 * (sync loop, seq checks, reducers, incremental counters, group lists) with `counters$`
 * subscribed, over 1,000 and then 100,000 sessions.
 *
 *   node --expose-gc --import tsx packages/core/bench/run.ts      (--expose-gc is optional)
 *
 * Goals: ≥ 100,000 events/s, and a per-event cost at 100k sessions at most 1.5× the cost at 1k
 * (per-event work must not grow with the number of sessions). At the end the incremental
 * counters are checked against `computeCounters` over the client's state and over the
 * generator's own server state. Everything is generated from a fixed seed.
 */
import { Observable, type Subscriber } from 'rxjs';
import { computeCounters, countersEqual, type Counters } from '../src/domain/counters.js';
import type { Assignee, Customer, LiveChat, Message, OperatorGroup, Session, User } from '../src/domain/types.js';
import type { TransportAdapter } from '../src/protocol/adapter.js';
import type { ServerEvent, Snapshot } from '../src/protocol/events.js';
import { createLiveChatClient } from '../src/client/client.js';
import { withMessage } from '../src/client/reducers.js';
import type { LiveChatClient } from '../src/client/types.js';

const EVENTS = 100_000;
const BATCH = 1_000;
const TRIALS = 3;
const GOAL_EVENTS_PER_SECOND = 100_000;
const GOAL_RATIO = 1.5;

// ---------------------------------------------------------------------------------------------
// Deterministic data

/** mulberry32: a small, fast, seedable PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ME: User = { id: 'u-me', name: 'Me', role: 'operator' };
const OPERATORS = ['u-me', ...Array.from({ length: 9 }, (_, i) => `u-${i + 1}`)];
const USERS: User[] = [ME, ...OPERATORS.slice(1).map((id): User => ({ id, name: id, role: 'operator' }))];
const LIVE_CHAT_COUNT = 8;
const GROUPS: OperatorGroup[] = [];
const LIVE_CHATS: LiveChat[] = Array.from({ length: LIVE_CHAT_COUNT }, (_, i): LiveChat => {
  const id = `lc-${i}`;
  GROUPS.push({ id: `${id}-a`, liveChatId: id, name: 'A', memberIds: ['u-me', 'u-1'] });
  GROUPS.push({ id: `${id}-b`, liveChatId: id, name: 'B', memberIds: ['u-2', 'u-3'] });
  return {
    id,
    name: `Live chat ${i}`,
    channels: ['web', 'telegram'],
    // me: operator of lc-0..4, supervisor of lc-5..6, nothing in lc-7
    operatorIds: i < 5 ? OPERATORS : OPERATORS.slice(1),
    supervisorIds: i === 5 || i === 6 ? ['u-me'] : ['u-9'],
    groupIds: [`${id}-a`, `${id}-b`],
    reassignmentTargets: [],
  };
});
const CUSTOMERS: Customer[] = Array.from({ length: 1000 }, (_, i): Customer => ({
  id: `c-${i}`,
  kind: 'external',
  name: `Customer ${i}`,
  account: `@c${i}`,
  messenger: 'telegram',
}));
const TEXTS = ['Hello!', 'Where is my order #12345?', 'Thank you, that helps a lot.', 'Could you please check the invoice I sent yesterday? It still shows the old address.', 'ok'];

interface World {
  snapshot: Snapshot;
  events: ServerEvent[];
  /** The server's state after all events. */
  sessions: Session[];
  unread: number[];
}

/** A snapshot of `sessionCount` sessions and `EVENTS` consistent events after it. */
function generate(sessionCount: number, seed: number): World {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  let now = 1_700_000_000_000;
  const sessions: Session[] = [];
  const unread: number[] = [];
  const orders: number[] = [];
  const operator = (): string => (rnd() < 0.25 ? 'u-me' : pick(OPERATORS.slice(1)));

  for (let i = 0; i < sessionCount; i++) {
    const liveChatId = `lc-${Math.floor(rnd() * LIVE_CHAT_COUNT)}`;
    const r = rnd();
    const status: Session['status'] = r < 0.35 ? 'queued' : r < 0.8 ? 'active' : 'closed';
    let assignee: Assignee = null;
    if (status === 'queued') {
      const q = rnd();
      assignee = q < 0.7 ? null : { kind: 'group', groupId: `${liveChatId}-${q < 0.85 ? 'a' : 'b'}` };
    } else if (status === 'active') assignee = { kind: 'operator', operatorId: operator() };
    const order = 1 + Math.floor(rnd() * 20);
    const at = now - Math.floor(rnd() * 86_400_000);
    sessions.push({
      id: `s-${i}`,
      liveChatId,
      customerId: pick(CUSTOMERS).id,
      name: `Session ${i}`,
      channel: 'telegram',
      status,
      assignee,
      firstMessageAt: at - 60_000,
      lastMessageAt: at,
      lastMessagePreview: pick(TEXTS),
      lastMessageOrder: order,
      queuedAt: status === 'queued' ? at : null,
      lastOperatorId: assignee?.kind === 'operator' ? assignee.operatorId : null,
      bindings: [],
    });
    unread.push(status === 'closed' ? 0 : Math.floor(rnd() * 4));
    orders.push(order);
  }
  const snapshot: Snapshot = {
    seq: 0,
    me: ME,
    users: USERS,
    liveChats: LIVE_CHATS,
    groups: GROUPS,
    customers: CUSTOMERS,
    sessions: sessions.slice(),
    unread: Object.fromEntries(sessions.map((s, i) => [s.id, unread[i]])),
    activity: [],
  };

  const events: ServerEvent[] = [];
  let seq = 0;
  let messageCount = 0;
  const upsert = (i: number, session: Session, cause: 'taken' | 'closed' | 'reopened' | 'reassigned' | 'created'): void => {
    sessions[i] = session;
    events.push({ seq: ++seq, type: 'session.upserted', session, unread: unread[i], cause });
  };
  const message = (i: number, author: Message['author']): void => {
    const msg: Message = {
      id: `m-${++messageCount}`,
      sessionId: sessions[i].id,
      author,
      text: pick(TEXTS),
      channel: 'telegram',
      sentAt: now,
      order: ++orders[i],
    };
    if (author.kind === 'customer') unread[i]++;
    else if (author.kind === 'operator' && author.userId === 'u-me') unread[i] = 0;
    sessions[i] = withMessage(sessions[i], msg);
    events.push({ seq: ++seq, type: 'message.added', message: msg, unread: unread[i] });
  };
  const customerWrites = (i: number): void => {
    const session = sessions[i];
    if (session.status === 'closed') {
      upsert(i, { ...session, status: 'queued', assignee: null, queuedAt: now }, 'reopened');
    }
    message(i, { kind: 'customer', customerId: session.customerId });
  };

  while (events.length < EVENTS) {
    now += 1;
    const i = Math.floor(rnd() * sessions.length);
    const session = sessions[i];
    const r = rnd();
    if (r < 0.55) customerWrites(i);
    else if (r < 0.7) {
      if (session.status === 'active' && session.assignee?.kind === 'operator') {
        message(i, { kind: 'operator', userId: session.assignee.operatorId });
      } else customerWrites(i);
    } else if (r < 0.8) {
      if (session.status === 'queued') {
        const operatorId = rnd() < 0.3 ? 'u-me' : operator();
        upsert(i, { ...session, status: 'active', assignee: { kind: 'operator', operatorId }, queuedAt: null, lastOperatorId: operatorId }, 'taken');
      } else customerWrites(i);
    } else if (r < 0.85) {
      if (session.status !== 'closed') {
        unread[i] = 0;
        upsert(i, { ...session, status: 'closed', assignee: null, queuedAt: null }, 'closed');
      } else customerWrites(i);
    } else if (r < 0.9) {
      if (session.status === 'active') {
        upsert(i, { ...session, status: 'queued', assignee: { kind: 'group', groupId: `${session.liveChatId}-a` }, queuedAt: now }, 'reassigned');
      } else customerWrites(i);
    } else if (r < 0.99) {
      unread[i] = 0;
      events.push({ seq: ++seq, type: 'session.read', sessionId: session.id, unread: 0 });
    } else {
      // A new customer writes: a new session enters the queue.
      const j = sessions.length;
      sessions.push({ ...session, id: `s-${j}`, customerId: pick(CUSTOMERS).id, status: 'queued', assignee: null, queuedAt: now, lastMessageOrder: 0 });
      unread.push(0);
      orders.push(0);
      upsert(j, sessions[j], 'created');
      message(j, { kind: 'customer', customerId: sessions[j].customerId });
    }
  }
  events.length = EVENTS;
  // Replay the cut tail is unnecessary: the state below is recomputed from the events kept.
  return { snapshot, events, sessions, unread };
}

/** The server state after exactly `world.events` (the generator may have run a step past the cut). */
function serverState(world: World): { sessions: Map<string, Session>; unread: Map<string, number> } {
  const sessions = new Map(world.snapshot.sessions.map((s) => [s.id, s]));
  const unread = new Map(Object.entries(world.snapshot.unread));
  for (const event of world.events) {
    if (event.type === 'session.upserted') {
      sessions.set(event.session.id, event.session);
      unread.set(event.session.id, event.unread);
    } else if (event.type === 'message.added') {
      const session = sessions.get(event.message.sessionId);
      if (session) sessions.set(session.id, withMessage(session, event.message));
      unread.set(event.message.sessionId, event.unread);
    } else if (event.type === 'session.read') unread.set(event.sessionId, event.unread);
  }
  return { sessions, unread };
}

// ---------------------------------------------------------------------------------------------
// A transport that serves the snapshot and lets the bench push events

function benchAdapter(snapshot: Snapshot): { adapter: TransportAdapter; push(events: ServerEvent[], from: number, to: number): void } {
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
  eventsPerSecond: number;
  nsPerEvent: number;
  snapshotMs: number;
  heapMb: number;
  counterEmissions: number;
  client: LiveChatClient;
}

async function trial(world: World): Promise<Trial> {
  const { adapter, push } = benchAdapter(world.snapshot);
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

  let elapsed = 0;
  for (let from = 0; from < world.events.length; from += BATCH) {
    const start = performance.now();
    push(world.events, from, Math.min(world.events.length, from + BATCH));
    elapsed += performance.now() - start;
    await tick(); // let the host breathe between batches, as a real transport would
  }
  if (!latest || !countersEqual(latest, client.counters)) throw new Error('counters$ is not live');
  counters.unsubscribe();
  const seconds = elapsed / 1000;
  return {
    eventsPerSecond: world.events.length / seconds,
    nsPerEvent: (elapsed * 1e6) / world.events.length,
    snapshotMs,
    heapMb: heapMb(),
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
  const fromServer = computeCounters(viewer, server.sessions.values(), (id) => server.unread.get(id) ?? 0);
  return { client: countersEqual(client.counters, fromClient), server: countersEqual(client.counters, fromServer) };
}

const median = (values: number[]): number => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function measure(sessionCount: number): Promise<{ eventsPerSecond: number; nsPerEvent: number; ok: boolean }> {
  const world = generate(sessionCount, 0xc0ffee + sessionCount);
  const trials: Trial[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const result = await trial(world);
    trials.push(result);
    if (i < TRIALS - 1) result.client.dispose();
  }
  const last = trials[trials.length - 1];
  const check = verify(world, last.client);
  const heap = last.heapMb;
  last.client.dispose();
  const eventsPerSecond = median(trials.map((t) => t.eventsPerSecond));
  const nsPerEvent = median(trials.map((t) => t.nsPerEvent));
  console.log(
    `${fmt(sessionCount).padStart(7)} sessions │ ${fmt(eventsPerSecond).padStart(9)} events/s │ ${fmt(nsPerEvent).padStart(5)} ns/event │ ` +
      `snapshot ${fmt(median(trials.map((t) => t.snapshotMs)), 1).padStart(6)} ms │ heap ${fmt(heap, 1).padStart(6)} MB │ ` +
      `counters$ emissions ${fmt(last.counterEmissions)} │ counters = computeCounters: client ${check.client ? 'yes' : 'NO'}, server ${check.server ? 'yes' : 'NO'}`,
  );
  return { eventsPerSecond, nsPerEvent, ok: check.client && check.server };
}

async function main(): Promise<void> {
  console.log(`Client store benchmark: ${fmt(EVENTS)} events per run, median of ${TRIALS} runs, gc ${gc ? 'exposed' : 'not exposed (run node with --expose-gc for exact heap figures)'}`);
  // Warm the JIT so the first measured size is not charged for compilation.
  await trial(generate(2_000, 7)).then((t) => t.client.dispose());

  const small = await measure(1_000);
  const large = await measure(100_000);
  const ratio = large.nsPerEvent / small.nsPerEvent;
  const fastEnough = Math.min(small.eventsPerSecond, large.eventsPerSecond) >= GOAL_EVENTS_PER_SECOND;
  const flat = ratio <= GOAL_RATIO;
  console.log(`per-event cost ratio 100k/1k: ${fmt(ratio, 2)} (goal ≤ ${GOAL_RATIO}) ${flat ? 'met' : 'NOT met'}`);
  console.log(`throughput: ${fmt(Math.min(small.eventsPerSecond, large.eventsPerSecond))} events/s at worst (goal ≥ ${fmt(GOAL_EVENTS_PER_SECOND)}) ${fastEnough ? 'met' : 'NOT met'}`);
  console.log(`counters check: ${small.ok && large.ok ? 'incremental counters equal computeCounters' : 'MISMATCH'}`);
  const allMet = fastEnough && flat && small.ok && large.ok;
  console.log(allMet ? 'All goals met.' : 'Goals NOT met.');
  if (!(small.ok && large.ok)) process.exitCode = 1;
}

await main();
