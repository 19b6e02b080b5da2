/**
 * Deterministic workload for the client benchmark: a directory of 8 live chats, a snapshot of
 * N sessions and 100,000 consistent server events after it (customer and operator messages,
 * takes, closes, reopenings, reassignments, reads, new sessions), from a fixed seed. Events
 * have the shape backends send: a message carries the session after it (one fact, one event).
 */
import type {
  Assignee,
  Customer,
  LiveChat,
  Message,
  OperatorGroup,
  Session,
  User,
} from '../src/domain/types.js';
import type { ServerEvent, SessionChangeCause, Snapshot } from '../src/protocol/events.js';
import { withMessage } from '../src/client/reducers.js';
import { seededRandom } from '../src/client/seeded-random.js';

export const EVENTS = 100_000;

const ME: User = { id: 'u-me', name: 'Me', role: 'operator' };
const OPERATORS = ['u-me', ...Array.from({ length: 9 }, (_, i) => `u-${i + 1}`)];
const USERS: User[] = [
  ME,
  ...OPERATORS.slice(1).map((id): User => ({ id, name: id, role: 'operator' })),
];
const LIVE_CHAT_COUNT = 8;
/** Customers who have not written yet, in every workspace. */
const NEW_CUSTOMERS = 2_000;
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
    reassignmentTargets: [
      { kind: 'group', groupId: `${id}-a` },
      { kind: 'group', groupId: `${id}-b` },
    ],
  };
});
const GROUP_A = new Map(LIVE_CHATS.map((chat, i) => [chat.id, GROUPS[i * 2].id]));
const customer = (i: number): Customer => ({
  id: `c-${i}`,
  kind: 'external',
  name: `Customer ${i}`,
  account: `@c${i}`,
  messenger: 'telegram',
});
const TEXTS = [
  'Hello!',
  'Where is my order #12345?',
  'Thank you, that helps a lot.',
  'Could you please check the invoice I sent yesterday? It still shows the old address.',
  'ok',
];

/** A workspace: the directory, and sessions as the user `u-me` sees them. */
export interface Workspace {
  snapshot: Snapshot;
  /** Customers without a session yet, for new requests. */
  newCustomers: Customer[];
}

/** A {@link Workspace} and `EVENTS` consistent events after its snapshot. */
export interface World extends Workspace {
  events: ServerEvent[];
}

const START = 1_700_000_000_000;
const seededPick =
  (rnd: () => number) =>
  <T>(items: readonly T[]): T =>
    items[Math.floor(rnd() * items.length)];

/**
 * A workspace of `sessionCount` sessions: 35% queued (some for a group), 45% active (a quarter
 * of them the user's), 20% closed, spread evenly over the 8 live chats. Each session has a
 * customer of its own in its live chat (a customer writing reaches exactly that session), so
 * there is one customer per 8 sessions, plus customers without a session yet.
 */
export function workspace(sessionCount: number, rnd: () => number): Workspace {
  const pick = seededPick(rnd);
  const operator = (): string => (rnd() < 0.25 ? 'u-me' : pick(OPERATORS.slice(1)));
  const customerCount = Math.ceil(sessionCount / LIVE_CHAT_COUNT);
  const customers = Array.from({ length: customerCount + NEW_CUSTOMERS }, (_, i) => customer(i));
  const sessions: Session[] = [];
  const unread: Record<string, number> = {};
  for (let i = 0; i < sessionCount; i++) {
    // Ids are shared strings, as a backend hands them out (and as JSON.parse internalizes short
    // strings): not 100,000 separate copies of "lc-3".
    const chat = i % LIVE_CHAT_COUNT;
    const liveChatId = LIVE_CHATS[chat].id;
    const r = rnd();
    const status: Session['status'] = r < 0.35 ? 'queued' : r < 0.8 ? 'active' : 'closed';
    let assignee: Assignee = null;
    if (status === 'queued') {
      const q = rnd();
      assignee =
        q < 0.7 ? null : { kind: 'group', groupId: GROUPS[chat * 2 + (q < 0.85 ? 0 : 1)].id };
    } else if (status === 'active') assignee = { kind: 'operator', operatorId: operator() };
    const order = 1 + Math.floor(rnd() * 20);
    const at = START - Math.floor(rnd() * 86_400_000);
    sessions.push({
      id: `s-${i}`,
      liveChatId,
      customerId: customers[Math.floor(i / LIVE_CHAT_COUNT)].id,
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
    unread[`s-${i}`] = status === 'closed' ? 0 : Math.floor(rnd() * 4);
  }
  const snapshot: Snapshot = {
    seq: 0,
    me: ME,
    users: USERS,
    liveChats: LIVE_CHATS,
    groups: GROUPS,
    customers,
    sessions,
    unread,
    activity: [],
  };
  return { snapshot, newCustomers: customers.slice(customerCount) };
}

/** A {@link workspace} of `sessionCount` sessions and `EVENTS` consistent events after it. */
export function generate(sessionCount: number, seed: number): World {
  const rnd = seededRandom(seed);
  const pick = seededPick(rnd);
  const operator = (): string => (rnd() < 0.25 ? 'u-me' : pick(OPERATORS.slice(1)));
  const start = workspace(sessionCount, rnd);
  const { snapshot } = start;
  let now = START;
  const sessions = snapshot.sessions.slice();
  const unread = sessions.map((session) => snapshot.unread[session.id]);
  const orders = sessions.map((session) => session.lastMessageOrder);

  const events: ServerEvent[] = [];
  let seq = 0;
  let messageCount = 0;
  const upsert = (i: number, session: Session, cause: SessionChangeCause): void => {
    sessions[i] = session;
    events.push({ seq: ++seq, type: 'session.upserted', session, unread: unread[i], cause });
  };
  const message = (i: number, author: Message['author'], session = sessions[i]): void => {
    const msg: Message = {
      id: `m-${++messageCount}`,
      sessionId: session.id,
      author,
      text: pick(TEXTS),
      channel: 'telegram',
      sentAt: now,
      order: ++orders[i],
    };
    if (author.kind === 'customer') unread[i]++;
    else if (author.kind === 'operator' && author.userId === 'u-me') unread[i] = 0;
    sessions[i] = withMessage(session, msg);
    events.push({
      seq: ++seq,
      type: 'message.added',
      message: msg,
      session: sessions[i],
      unread: unread[i],
    });
  };

  // Sessions by status, so each kind of event picks a session it applies to: the mix of events
  // is then fixed, the same for 1,000 and for 100,000 sessions (only the number differs).
  const pools: Record<Session['status'], number[]> = { queued: [], active: [], closed: [] };
  const poolOf: Session['status'][] = [];
  const position: number[] = [];
  const enter = (i: number, status: Session['status']): void => {
    poolOf[i] = status;
    position[i] = pools[status].length;
    pools[status].push(i);
  };
  const leave = (i: number): void => {
    const pool = pools[poolOf[i]];
    const last = pool.pop() as number;
    if (last !== i) {
      pool[position[i]] = last;
      position[last] = position[i];
    }
  };
  const move = (i: number, status: Session['status']): void => {
    leave(i);
    enter(i, status);
  };
  sessions.forEach((session, i) => enter(i, session.status));
  /** Session `i` changes status: the event is reported and the session moves to its pool. */
  const changeStatus = (
    i: number,
    change: Partial<Session> & Pick<Session, 'status'>,
    cause: SessionChangeCause,
  ): void => {
    upsert(i, { ...sessions[i], ...change }, cause);
    move(i, change.status);
  };
  const any = (status: Session['status']): number | undefined => {
    const pool = pools[status];
    return pool.length === 0 ? undefined : pool[Math.floor(rnd() * pool.length)];
  };
  const open = (): number | undefined =>
    rnd() < pools.queued.length / (pools.queued.length + pools.active.length)
      ? any('queued')
      : any('active');

  // Per step (fractions of steps): customer message 55%, operator reply 15%, take 9%,
  // close 5%, reopen by a customer 5%, reassign to a group 4%, read 6%, new session 1%.
  // Queue in (reopen + reassign + new) equals queue out (take); closes equal reopens.
  while (events.length < EVENTS) {
    now += 1;
    const r = rnd();
    if (r < 0.55) {
      const i = open();
      if (i !== undefined) message(i, { kind: 'customer', customerId: sessions[i].customerId });
    } else if (r < 0.7) {
      const i = any('active');
      const assignee = i === undefined ? null : sessions[i].assignee;
      if (i !== undefined && assignee?.kind === 'operator') {
        message(i, { kind: 'operator', userId: assignee.operatorId });
      }
    } else if (r < 0.79) {
      const i = any('queued');
      if (i !== undefined) {
        const operatorId = rnd() < 0.3 ? 'u-me' : operator();
        changeStatus(
          i,
          {
            status: 'active',
            assignee: { kind: 'operator', operatorId },
            queuedAt: null,
            lastOperatorId: operatorId,
          },
          'taken',
        );
      }
    } else if (r < 0.84) {
      const i = open();
      if (i !== undefined) {
        unread[i] = 0;
        changeStatus(i, { status: 'closed', assignee: null, queuedAt: null }, 'closed');
      }
    } else if (r < 0.89) {
      const i = any('closed');
      if (i !== undefined) {
        // The customer writes again: the message reopens the session (one event).
        move(i, 'queued');
        const reopened: Session = {
          ...sessions[i],
          status: 'queued',
          assignee: null,
          queuedAt: now,
        };
        message(i, { kind: 'customer', customerId: reopened.customerId }, reopened);
      }
    } else if (r < 0.93) {
      const i = any('active');
      if (i !== undefined) {
        const groupId = GROUP_A.get(sessions[i].liveChatId) as string;
        changeStatus(
          i,
          { status: 'queued', assignee: { kind: 'group', groupId }, queuedAt: now },
          'reassigned',
        );
      }
    } else if (r < 0.99) {
      const i = open();
      if (i !== undefined) {
        unread[i] = 0;
        events.push({ seq: ++seq, type: 'session.read', sessionId: sessions[i].id, unread: 0 });
      }
    } else {
      // A new customer writes: its message brings a new session into the queue (one event).
      const j = sessions.length;
      const model = sessions[Math.floor(rnd() * sessionCount)];
      sessions.push({
        ...model,
        id: `s-${j}`,
        customerId: pick(snapshot.customers).id,
        status: 'queued',
        assignee: null,
        queuedAt: now,
        lastMessageOrder: 0,
      });
      unread.push(0);
      orders.push(0);
      enter(j, 'queued');
      message(j, { kind: 'customer', customerId: sessions[j].customerId });
    }
  }
  return { ...start, events };
}

/** The server state after `world.events`, recomputed independently of the client. */
export function serverState(world: World): {
  sessions: Map<string, Session>;
  unread: Map<string, number>;
} {
  const sessions = new Map(world.snapshot.sessions.map((s) => [s.id, s]));
  const unread = new Map(Object.entries(world.snapshot.unread));
  for (const event of world.events) {
    if (event.type === 'session.upserted') {
      sessions.set(event.session.id, event.session);
      unread.set(event.session.id, event.unread);
    } else if (event.type === 'message.added') {
      const session = event.session ?? sessions.get(event.message.sessionId);
      if (session) sessions.set(session.id, withMessage(session, event.message));
      unread.set(event.message.sessionId, event.unread);
    } else if (event.type === 'session.read') unread.set(event.sessionId, event.unread);
  }
  return { sessions, unread };
}
