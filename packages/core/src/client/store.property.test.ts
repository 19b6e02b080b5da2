/**
 * Property-based tests of the store: under random sequences of server events the incremental
 * counters always equal a recomputation from scratch, the group lists always hold exactly the
 * sessions `groupsOf` puts there (so their sizes equal the counters' group sizes), and applying
 * the same events twice gives the same state.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { groupsOf, SESSION_GROUP_KINDS, type SessionGroupKind } from '../domain/access.js';
import { computeCounters, countersEqual } from '../domain/counters.js';
import type { Assignee, Session } from '../domain/types.js';
import type { ServerEvent } from '../protocol/events.js';
import { reduceSession, reduceUnread, sessionIdOf } from './reducers.js';
import { comparatorOf } from './session-lists.js';
import { WorkspaceStore } from './store.js';
import { makeSession, makeSnapshot } from './testing/fixtures.js';

const SESSION_IDS = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];

const assigneeArb: fc.Arbitrary<Assignee> = fc.constantFrom<Assignee>(
  null,
  { kind: 'operator', operatorId: 'u-me' },
  { kind: 'operator', operatorId: 'u-other' },
  { kind: 'group', groupId: 'g-1' },
  { kind: 'group', groupId: 'g-2' },
);

const sessionArb: fc.Arbitrary<Session> = fc
  .record({
    id: fc.constantFrom(...SESSION_IDS),
    liveChatId: fc.constantFrom('lc-1', 'lc-2', 'lc-3'),
    customerId: fc.constantFrom('c-1', 'c-2', 'c-3'),
    status: fc.constantFrom<Session['status']>('queued', 'active', 'closed'),
    assignee: assigneeArb,
    queuedAt: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    lastMessageAt: fc.integer({ min: 0, max: 1000 }),
    lastMessageOrder: fc.integer({ min: 0, max: 20 }),
  })
  .map(({ id, ...rest }) => makeSession(id, rest));

/**
 * The session a message comes with, as backends send it: sessions of this arbitrary differ
 * from each other in status (and with it the assignee) and in their last-message fields only,
 * so one often differs from the session the store holds for its id in its last message alone,
 * and sometimes in more; a message may also bring a session the store does not know yet.
 */
const messageSessionArb: fc.Arbitrary<Session> = fc
  .record({
    id: fc.constantFrom(...SESSION_IDS),
    status: fc.constantFrom<Session['status']>('queued', 'active'),
    lastMessageAt: fc.integer({ min: 0, max: 2000 }),
    lastMessageOrder: fc.integer({ min: 0, max: 40 }),
    lastMessagePreview: fc.constantFrom('', 'hi', 'text 3'),
  })
  .map(({ id, status, ...rest }) =>
    makeSession(id, {
      status,
      assignee: status === 'active' ? { kind: 'operator', operatorId: 'u-me' } : null,
      ...rest,
    }),
  );

type Unnumbered = ServerEvent extends infer E
  ? E extends ServerEvent
    ? Omit<E, 'seq'>
    : never
  : never;

/** Events made by `event` from a session of `sessions` and the user's unread count of it. */
function withUnread(
  sessions: fc.Arbitrary<Session>,
  event: (session: Session, unread: number) => Unnumbered,
): fc.Arbitrary<Unnumbered> {
  return fc
    .record({ session: sessions, unread: fc.integer({ min: 0, max: 9 }) })
    .map(({ session, unread }) => event(session, unread));
}

const eventArb: fc.Arbitrary<Unnumbered> = fc.oneof(
  {
    weight: 4,
    arbitrary: withUnread(sessionArb, (session, unread) => ({
      type: 'session.upserted',
      session,
      unread,
      cause: 'created',
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...SESSION_IDS)
      .map((sessionId): Unnumbered => ({ type: 'session.removed', sessionId })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        sessionId: fc.constantFrom(...SESSION_IDS),
        order: fc.integer({ min: 1, max: 40 }),
        fromCustomer: fc.boolean(),
        unread: fc.integer({ min: 0, max: 9 }),
        sentAt: fc.integer({ min: 0, max: 2000 }),
      })
      .map(({ sessionId, order, fromCustomer, unread, sentAt }): Unnumbered => ({
        type: 'message.added',
        unread,
        message: {
          id: `${sessionId}-m${order}`,
          sessionId,
          author: fromCustomer
            ? { kind: 'customer', customerId: 'c-1' }
            : { kind: 'operator', userId: 'u-me' },
          text: `text ${order}`,
          channel: 'web',
          sentAt,
          order,
        },
      })),
  },
  {
    weight: 4,
    arbitrary: withUnread(messageSessionArb, (session, unread) => ({
      type: 'message.added',
      unread,
      message: {
        id: `${session.id}-m${session.lastMessageOrder}`,
        sessionId: session.id,
        author: { kind: 'customer', customerId: session.customerId },
        text: session.lastMessagePreview,
        channel: 'web',
        sentAt: session.lastMessageAt,
        order: session.lastMessageOrder,
      },
      session,
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        sessionId: fc.constantFrom(...SESSION_IDS),
        unread: fc.integer({ min: 0, max: 9 }),
      })
      .map(({ sessionId, unread }): Unnumbered => ({ type: 'session.read', sessionId, unread })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('Anna', 'Anya').map((name): Unnumbered => ({
      type: 'customer.upserted',
      customer: { id: 'c-1', kind: 'external', name, account: '@anna', messenger: 'telegram' },
    })),
  },
);

const scenarioArb = fc.record({
  initial: fc.uniqueArray(sessionArb, { selector: (s) => s.id, maxLength: 6 }),
  unread: fc.dictionary(fc.constantFrom(...SESSION_IDS), fc.integer({ min: 0, max: 9 })),
  events: fc.array(eventArb, { maxLength: 60 }),
});

function number(events: Unnumbered[]): ServerEvent[] {
  return events.map((event, i) => ({ ...event, seq: i + 1 }) as ServerEvent);
}

function build(initial: Session[], unread: Record<string, number>): WorkspaceStore {
  const store = new WorkspaceStore();
  store.applySnapshot(makeSnapshot({ seq: 0, sessions: initial, unread }));
  return store;
}

function assertConsistent(store: WorkspaceStore): void {
  const viewer = store.viewer;
  assert.ok(viewer);
  const sessions = [...store.allSessions()];
  for (const session of sessions)
    assert.equal(typeof store.unreadOf(session.id), 'number', 'an unread count for every session');
  const expected = computeCounters(
    viewer,
    sessions,
    (id) => store.unreadOf(id) ?? 0,
    store.accessibleLiveChats.map((c) => c.id),
  );
  assert.ok(
    countersEqual(store.counters, expected),
    `incremental ${JSON.stringify(store.counters)} vs ${JSON.stringify(expected)}`,
  );

  // Every group list holds exactly the sessions groupsOf assigns to it...
  const members = new Map<string, Set<string>>();
  for (const session of sessions) {
    for (const kind of groupsOf(viewer, session)) {
      const key = `${session.liveChatId}/${kind}`;
      if (!members.has(key)) members.set(key, new Set());
      members.get(key)?.add(session.id);
    }
  }
  for (const [liveChatId, kind, ids] of store.lists.entries()) {
    assert.deepEqual(
      [...ids].sort(),
      [...(members.get(`${liveChatId}/${kind}`) ?? [])].sort(),
      `${liveChatId}/${kind}`,
    );
  }
  // ...so list sizes are the counters' group sizes, and the sorted lists agree.
  for (const liveChatId of new Set([
    ...Object.keys(store.counters.groups),
    ...store.accessibleLiveChats.map((c) => c.id),
  ])) {
    for (const kind of SESSION_GROUP_KINDS) {
      const size = store.counters.groups[liveChatId]?.[kind] ?? 0;
      assert.equal(store.lists.size(liveChatId, kind), size, `${liveChatId}/${kind} size`);
      assertSorted(store, liveChatId, kind);
    }
  }
}

/** A (possibly patched) sorted list equals a fresh sort of the current views. */
function assertSorted(store: WorkspaceStore, liveChatId: string, kind: SessionGroupKind): void {
  const list = store.sessionList(liveChatId, kind);
  const viewer = store.viewer;
  assert.ok(viewer);
  // Members from the rules themselves, not from the store's own bookkeeping.
  const ids = [...store.allSessions()]
    .filter((s) => s.liveChatId === liveChatId && groupsOf(viewer, s).includes(kind))
    .map((s) => s.id);
  const fresh = ids
    .map((id) => store.sessionView(id))
    .sort(comparatorOf(kind) as (a: unknown, b: unknown) => number);
  assert.equal(list.length, fresh.length, `${liveChatId}/${kind} length`);
  list.forEach((view, i) => assert.equal(view, fresh[i], `${liveChatId}/${kind} row ${i}`));
}

/** Everything observable about the store, as plain data. */
function plain(store: WorkspaceStore): unknown {
  const lists: Record<string, string[]> = {};
  for (const chat of store.accessibleLiveChats) {
    for (const kind of SESSION_GROUP_KINDS)
      lists[`${chat.id}/${kind}`] = store.sessionList(chat.id, kind).map((v) => v.session.id);
  }
  return {
    seq: store.seq,
    sessions: [...store.allSessions()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((s) => [s, store.unreadOf(s.id)]),
    views: [...store.allSessions()]
      .map((s) => s.id)
      .sort()
      .map((id) => store.sessionView(id)),
    counters: store.countersView(),
    lists,
    customers: [...store.customers.values()],
  };
}

describe('store properties', () => {
  it('incremental counters always equal computeCounters, and group lists match them', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, unread, events }) => {
        const store = build(initial, unread);
        assertConsistent(store);
        for (const event of number(events)) {
          store.applyEvent(event);
          assertConsistent(store);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the store holds exactly what the pure reducers give, event by event, however often it is read', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 1, max: 7 }),
        ({ initial, unread, events }, every) => {
          const store = build(initial, unread);
          const model = new Map(
            initial.map((session) => [session.id, { session, unread: unread[session.id] ?? 0 }]),
          );
          const compare = (): void => {
            const actual = [...store.allSessions()].sort((a, b) => (a.id < b.id ? -1 : 1));
            const expected = [...model.values()].sort((a, b) =>
              a.session.id < b.session.id ? -1 : 1,
            );
            assert.deepEqual(
              actual,
              expected.map((entry) => entry.session),
            );
            for (const entry of expected)
              assert.equal(store.unreadOf(entry.session.id), entry.unread);
          };
          number(events).forEach((event, i) => {
            store.applyEvent(event);
            const id = sessionIdOf(event);
            if (id !== undefined) {
              const entry = model.get(id);
              const session = reduceSession(entry?.session, event);
              const count = session && reduceUnread(entry?.unread, event);
              if (session === undefined || count === undefined) model.delete(id);
              else model.set(id, { session, unread: count });
            }
            if (i % every === 0) compare();
          });
          compare();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reducers are deterministic: the same events give the same state', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, unread, events }) => {
        const numbered = number(events);
        const a = build(initial, unread);
        const b = build(structuredClone(initial), { ...unread });
        for (const event of numbered) a.applyEvent(event);
        for (const event of structuredClone(numbered)) b.applyEvent(event);
        assert.deepEqual(plain(a), plain(b));
      }),
      { numRuns: 200 },
    );
  });

  it('patched session lists equal a fresh sort, however many rows changed between reads', () => {
    const many = Array.from({ length: 160 }, (_, i) => `m${i}`);
    const manyEvent: fc.Arbitrary<Unnumbered> = fc.oneof(
      fc
        .record({
          id: fc.constantFrom(...many),
          status: fc.constantFrom<Session['status']>('queued', 'active', 'closed'),
          mine: fc.boolean(),
          at: fc.integer({ min: 0, max: 500 }),
          unread: fc.integer({ min: 0, max: 3 }),
        })
        .map(({ id, status, mine, at, unread }): Unnumbered => ({
          type: 'session.upserted',
          session: makeSession(id, {
            status,
            assignee:
              status === 'active'
                ? { kind: 'operator', operatorId: mine ? 'u-me' : 'u-other' }
                : null,
            queuedAt: status === 'queued' ? at : null,
            lastMessageAt: at,
          }),
          unread,
          cause: 'created',
        })),
      fc
        .record({
          id: fc.constantFrom(...many),
          order: fc.integer({ min: 1, max: 1000 }),
          at: fc.integer({ min: 0, max: 500 }),
        })
        .map(({ id, order, at }): Unnumbered => ({
          type: 'message.added',
          message: {
            id: `${id}-${order}`,
            sessionId: id,
            author: { kind: 'customer', customerId: 'c-1' },
            text: 't',
            channel: 'web',
            sentAt: at,
            order,
          },
          unread: 1,
        })),
      fc
        .constantFrom(...many)
        .map((sessionId): Unnumbered => ({ type: 'session.removed', sessionId })),
    );
    fc.assert(
      fc.property(
        fc.array(manyEvent, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 8 }),
        (events, every) => {
          const initial = many.map((id, i) =>
            makeSession(
              id,
              i % 2
                ? { queuedAt: i * 3 }
                : {
                    status: 'active',
                    assignee: { kind: 'operator', operatorId: 'u-me' },
                    lastMessageAt: i * 7,
                  },
            ),
          );
          const store = build(initial, {});
          for (const kind of SESSION_GROUP_KINDS) store.sessionList('lc-1', kind);
          number(events).forEach((event, i) => {
            store.applyEvent(event);
            if (i % every === 0)
              for (const kind of SESSION_GROUP_KINDS) assertSorted(store, 'lc-1', kind);
          });
          for (const kind of SESSION_GROUP_KINDS) assertSorted(store, 'lc-1', kind);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a snapshot of the final state gives the same counters as the events did', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, unread, events }) => {
        const live = build(initial, unread);
        for (const event of number(events)) live.applyEvent(event);
        const sessions = [...live.allSessions()];
        const fresh = build(
          sessions,
          Object.fromEntries(sessions.map((s) => [s.id, live.unreadOf(s.id) ?? 0])),
        );
        assert.ok(countersEqual(live.counters, fresh.counters));
      }),
      { numRuns: 200 },
    );
  });
});
