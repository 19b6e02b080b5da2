import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCounters, countersEqual } from '../domain/counters.js';
import type { ServerEvent } from '../protocol/events.js';
import { WorkspaceStore } from './store.js';
import { makeMessage, makeSession, makeSnapshot } from './testing/fixtures.js';
import { record } from './testing/helpers.js';

const mine = { kind: 'operator' as const, operatorId: 'u-me' };

function loaded(): WorkspaceStore {
  const store = new WorkspaceStore();
  store.applySnapshot(
    makeSnapshot({
      seq: 10,
      sessions: [
        makeSession('q-old', { queuedAt: 100 }),
        makeSession('q-new', { queuedAt: 300 }),
        makeSession('q-g1', { queuedAt: 200, assignee: { kind: 'group', groupId: 'g-1' } }),
        makeSession('q-g2', { queuedAt: 50, assignee: { kind: 'group', groupId: 'g-2' } }),
        makeSession('a-mine', {
          status: 'active',
          assignee: mine,
          queuedAt: null,
          lastMessageAt: 500,
        }),
        makeSession('a-mine-2', {
          status: 'active',
          assignee: mine,
          queuedAt: null,
          lastMessageAt: 900,
        }),
        makeSession('closed', { status: 'closed', queuedAt: null }),
        makeSession('sup-active', {
          liveChatId: 'lc-2',
          status: 'active',
          assignee: { kind: 'operator', operatorId: 'u-other' },
        }),
        makeSession('foreign', { liveChatId: 'lc-3' }),
      ],
      unread: { 'a-mine': 2, 'a-mine-2': 1, 'q-old': 4 },
    }),
  );
  return store;
}

function check(store: WorkspaceStore): void {
  const viewer = store.viewer;
  assert.ok(viewer);
  const expected = computeCounters(
    viewer,
    store.allSessions(),
    (id) => store.unreadOf(id) ?? 0,
    store.accessibleLiveChats.map((c) => c.id),
  );
  assert.ok(
    countersEqual(store.counters, expected),
    `${JSON.stringify(store.counters)} != ${JSON.stringify(expected)}`,
  );
}

describe('WorkspaceStore', () => {
  it('builds viewer, counters and lists from a snapshot', () => {
    const store = loaded();
    assert.equal(store.seq, 10);
    assert.deepEqual(
      store.accessibleLiveChats.map((c) => c.id),
      ['lc-1', 'lc-2'],
    );
    assert.equal(store.counters.unreadInMySessions, 3);
    // queue: unassigned in lc-1 (q-old, q-new), for my group (q-g1); not q-g2; not lc-3
    assert.equal(store.counters.newUnassigned, 3);
    assert.deepEqual(store.counters.groups['lc-1'], { queue: 3, mine: 2, closed: 1, active: 0 });
    assert.deepEqual(store.counters.groups['lc-2'], { queue: 0, mine: 0, closed: 0, active: 1 });
    check(store);
  });

  it('sorts the queue oldest first and other lists newest activity first', () => {
    const store = loaded();
    assert.deepEqual(
      store.sessionList('lc-1', 'queue').map((v) => v.session.id),
      ['q-old', 'q-g1', 'q-new'],
    );
    assert.deepEqual(
      store.sessionList('lc-1', 'mine').map((v) => v.session.id),
      ['a-mine-2', 'a-mine'],
    );
    assert.equal(store.oldestQueued()?.session.id, 'q-old');
    assert.equal(store.oldestQueued('lc-2'), undefined);
  });

  it('keeps list arrays and view objects stable for unchanged groups and sessions', () => {
    const store = loaded();
    const queue = store.sessionList('lc-1', 'queue');
    const mineList = store.sessionList('lc-1', 'mine');
    store.applyEvent({
      seq: 11,
      type: 'message.added',
      message: makeMessage('a-mine', 1, { sentAt: 1000 }),
      unread: 3,
    });
    assert.equal(store.sessionList('lc-1', 'queue'), queue, 'queue unchanged');
    const after = store.sessionList('lc-1', 'mine');
    assert.notEqual(after, mineList);
    assert.deepEqual(
      after.map((v) => v.session.id),
      ['a-mine', 'a-mine-2'],
    );
    assert.equal(after[1], mineList[0], 'the untouched session keeps its view object');
    assert.equal(after[0].unread, 3);
    check(store);
  });

  it('moves a taken session from the queue to mine, O(1), and counters follow', () => {
    const store = loaded();
    const events: ServerEvent[] = [
      {
        seq: 11,
        type: 'session.upserted',
        session: makeSession('q-old', { status: 'active', assignee: mine, queuedAt: null }),
        unread: 4,
        cause: 'taken',
      },
      { seq: 12, type: 'session.read', sessionId: 'q-old', unread: 0 },
      { seq: 13, type: 'session.removed', sessionId: 'q-new' },
    ];
    for (const event of events) {
      store.applyEvent(event);
      check(store);
    }
    assert.deepEqual(
      store.sessionList('lc-1', 'queue').map((v) => v.session.id),
      ['q-g1'],
    );
    assert.deepEqual(store.counters.groups['lc-1'], { queue: 1, mine: 3, closed: 1, active: 0 });
    assert.equal(store.sessionView('q-new'), undefined);
    assert.equal(store.seq, 13);
  });

  it('rebuilds views when a customer changes', () => {
    const store = loaded();
    const before = store.sessionView('q-old');
    store.applyEvent({
      seq: 11,
      type: 'customer.upserted',
      customer: {
        id: 'c-1',
        kind: 'external',
        name: 'Anna K.',
        account: '@anna',
        messenger: 'telegram',
      },
    });
    const after = store.sessionView('q-old');
    assert.notEqual(after, before);
    assert.equal(after?.customer?.name, 'Anna K.');
    assert.equal(
      store.sessionList('lc-1', 'queue').find((v) => v.session.id === 'q-old')?.customer?.name,
      'Anna K.',
    );
  });

  it("a customer change renews only the rows of that customer's sessions, wherever they moved", () => {
    const store = loaded();
    const customer = (id: string, name: string): ServerEvent => ({
      seq: store.seq + 1,
      type: 'customer.upserted',
      customer: { id, kind: 'external', name, account: `@${id}`, messenger: 'telegram' },
    });
    const rowOf = (id: string) =>
      store.sessionList('lc-1', 'queue').find((view) => view.session.id === id);
    store.applyEvent({
      seq: 11,
      type: 'session.upserted',
      session: makeSession('q-new', { queuedAt: 300, customerId: 'c-2' }),
      unread: 0,
      cause: 'bound',
    });
    const before = store.sessionList('lc-1', 'queue');
    store.applyEvent(customer('c-2', 'Boris B.'));
    const renamed = store.sessionList('lc-1', 'queue');
    assert.equal(rowOf('q-new')?.customer?.name, 'Boris B.');
    for (const view of renamed.filter((v) => v.session.id !== 'q-new'))
      assert.ok(before.includes(view), `${view.session.id} keeps its row`);

    store.applyEvent(customer('c-1', 'Anna K.'));
    assert.equal(rowOf('q-old')?.customer?.name, 'Anna K.');
    assert.equal(
      rowOf('q-new'),
      renamed.find((v) => v.session.id === 'q-new'),
      'no longer c-1',
    );
  });

  it('select emits only when the projection changes, and completes with the store', () => {
    const store = loaded();
    const counters = record(store.select((s) => s.countersView()));
    assert.equal(counters.values.length, 1);
    store.applyEvent({ seq: 11, type: 'session.read', sessionId: 'q-old', unread: 0 }); // not mine: no figure changes
    store.commit();
    assert.equal(counters.values.length, 1);
    store.applyEvent({ seq: 12, type: 'session.read', sessionId: 'a-mine', unread: 0 });
    store.commit();
    assert.equal(counters.values.length, 2);
    assert.equal(counters.values[1].unreadInMySessions, 1);
    store.complete();
    assert.equal(counters.completed(), true);
  });

  it('a resync snapshot replaces everything and recomputes counters', () => {
    const store = loaded();
    store.applySnapshot(makeSnapshot({ seq: 50, sessions: [makeSession('only')] }));
    assert.equal(store.sessionCount, 1);
    assert.equal(store.counters.newUnassigned, 1);
    assert.equal(store.counters.unreadInMySessions, 0);
    assert.deepEqual(store.sessionList('lc-1', 'mine'), []);
    check(store);
  });
});
