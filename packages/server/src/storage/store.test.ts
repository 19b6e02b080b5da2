// The store's side of the port: what a transaction writes commits or rolls back whole, queues
// keep their order, history pages, ids, and two connections to one file (two processes) share
// gap-free seqs and see each other's directory changes.
import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Customer, Message, Session } from '@live-chat/core';
import type { SeedData } from '@live-chat/adapters';
import { StorageError } from './errors.js';
import { openSqliteStore, type SqliteStore } from './store.js';
import { createTempDir, type TempDir } from './testing/temp-dir.js';
import type { SqliteTransaction } from './transaction.js';

const DIRECTORY: SeedData = {
  users: [
    { id: 'u-1', name: 'Ada', role: 'operator' },
    { id: 'u-2', name: 'Bo', role: 'supervisor' },
  ],
  liveChats: [
    {
      id: 'lc-1',
      name: 'Support',
      channels: ['web'],
      operatorIds: ['u-1'],
      supervisorIds: ['u-2'],
      groupIds: ['g-1'],
      reassignmentTargets: [{ kind: 'group', groupId: 'g-1' }],
    },
  ],
  groups: [{ id: 'g-1', liveChatId: 'lc-1', name: 'Experts', memberIds: ['u-1'] }],
  customers: [{ id: 'c-7', kind: 'external', name: 'Cy', account: '@cy', messenger: 'web' }],
};

const session = (id: string, patch: Partial<Session> = {}): Session => ({
  id,
  liveChatId: 'lc-1',
  customerId: 'c-7',
  name: `Session ${id}`,
  channel: 'web',
  status: 'queued',
  assignee: null,
  firstMessageAt: 1,
  lastMessageAt: 1,
  lastMessagePreview: '',
  lastMessageOrder: 0,
  queuedAt: 100,
  lastOperatorId: null,
  bindings: [],
  ...patch,
});

const message = (sessionId: string, order: number, patch: Partial<Message> = {}): Message => ({
  id: `${sessionId}-m${order}`,
  sessionId,
  author: { kind: 'customer', customerId: 'c-7' },
  text: `text ${order}`,
  channel: 'web',
  sentAt: order,
  order,
  ...patch,
});

describe('SQLite store', () => {
  let dir: TempDir;
  let file: string;
  let store: SqliteStore;
  const write = <T>(work: (tx: SqliteTransaction) => T) => store.run(work);
  const read = <T>(work: (tx: SqliteTransaction) => T) => store.run(work, true);

  beforeEach(() => {
    dir = createTempDir();
    file = path.join(dir.path, 'store.sqlite3');
    store = openSqliteStore({ file, idPrefix: 't-' });
    store.importSeed(DIRECTORY);
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  it('hands back what it was given', () => {
    const stored = session('s-1', {
      status: 'active',
      assignee: { kind: 'operator', operatorId: 'u-1' },
      queuedAt: null,
      lastOperatorId: 'u-1',
      bindings: [{ binderId: 'crm', recordId: 'r-1', label: 'Deal', messageId: 's-1-m1' }],
    });
    const grouped = session('s-2', { assignee: { kind: 'group', groupId: 'g-1' } });
    write((tx) => {
      tx.putSession(stored);
      tx.putSession(grouped);
      tx.appendMessage(message('s-1', 1, { clientMessageId: 'cm-1' }));
      tx.appendMessage(message('s-1', 2, { author: { kind: 'operator', userId: 'u-1' } }));
      tx.appendMessage(message('s-1', 3, { author: { kind: 'system' } }));
      tx.addEpisode({ sessionId: 's-1', liveChatId: 'lc-1', origin: 'customer', startedAt: 5 });
    });
    read((tx) => {
      assert.deepEqual(tx.session('s-1'), stored);
      assert.deepEqual(tx.session('s-2'), grouped);
      assert.deepEqual(tx.messagesOf('s-1'), [
        message('s-1', 1, { clientMessageId: 'cm-1' }),
        message('s-1', 2, { author: { kind: 'operator', userId: 'u-1' } }),
        message('s-1', 3, { author: { kind: 'system' } }),
      ]);
      assert.deepEqual(tx.messageByClientId('s-1', 'cm-1'), tx.message('s-1-m1'));
      assert.equal(tx.customerMessagesAfter('s-1', 0), 1);
      assert.equal(tx.customerMessagesAfter('s-1', 1), 0);
      assert.deepEqual(tx.currentEpisode('s-1'), {
        sessionId: 's-1',
        liveChatId: 'lc-1',
        origin: 'customer',
        startedAt: 5,
      });
      assert.deepEqual(tx.latestSessionOf('c-7', 'lc-1'), grouped);
      assert.deepEqual(tx.membershipsOf('u-1'), {
        liveChats: DIRECTORY.liveChats,
        groups: DIRECTORY.groups,
      });
      assert.deepEqual([...tx.staffIds()], ['u-1', 'u-2']);
    });
  });

  it('pages history from the newest, oldest first', () => {
    write((tx) => {
      tx.putSession(session('s-1'));
      for (let order = 1; order <= 7; order++) tx.appendMessage(message('s-1', order));
    });
    const orders = (beforeOrder: number | undefined, limit: number) =>
      read((tx) => {
        const page = tx.messagePage('s-1', beforeOrder, limit);
        return { orders: page.messages.map((m) => m.order), hasMore: page.hasMore };
      });
    assert.deepEqual(orders(undefined, 3), { orders: [5, 6, 7], hasMore: true });
    assert.deepEqual(orders(5, 3), { orders: [2, 3, 4], hasMore: true });
    assert.deepEqual(orders(2, 3), { orders: [1], hasMore: false });
    assert.deepEqual(orders(4, 3), { orders: [1, 2, 3], hasMore: false });
    assert.deepEqual(orders(undefined, 10), { orders: [1, 2, 3, 4, 5, 6, 7], hasMore: false });
  });

  it('queues by queuedAt, ties in the order sessions entered, re-entry at the back', () => {
    write((tx) => {
      tx.putSession(session('s-a', { queuedAt: 200 }));
      tx.putSession(session('s-b', { queuedAt: 100 }));
      tx.putSession(session('s-c', { queuedAt: 200 }));
      tx.putSession(session('s-d', { queuedAt: 100 }));
      for (let index = 0; index < 40; index++)
        tx.putSession(session(`s-x${index}`, { queuedAt: 300 }));
    });
    const queue = () => read((tx) => [...tx.queuedOf('lc-1')].map((s) => s.id).slice(0, 5));
    assert.deepEqual(queue(), ['s-b', 's-d', 's-a', 's-c', 's-x0']);
    write((tx) => {
      // s-b is taken, then queued again at the same time: behind s-d now.
      tx.putSession(session('s-b', { status: 'active', queuedAt: null }));
      tx.putSession(session('s-b', { queuedAt: 100 }));
      // An unrelated change keeps s-a's place.
      tx.putSession(session('s-a', { queuedAt: 200, name: 'Renamed' }));
    });
    assert.deepEqual(queue(), ['s-d', 's-b', 's-a', 's-c', 's-x0']);
    assert.equal(
      read((tx) => [...tx.queuedOf('lc-1')].length),
      44,
    );
  });

  it('rolls a transaction back whole when its work throws', () => {
    const customer: Customer = {
      id: 'c-8',
      kind: 'external',
      name: 'Di',
      account: '@di',
      messenger: 'web',
    };
    assert.throws(
      () =>
        write((tx) => {
          tx.putCustomer(customer);
          tx.putSession(session('s-1'));
          tx.appendEvent('u-1', { type: 'session.removed', sessionId: 's-1' });
          throw new Error('a bug in the work');
        }),
      /a bug in the work/,
    );
    read((tx) => {
      assert.equal(tx.customer('c-8'), undefined);
      assert.equal(tx.session('s-1'), undefined);
      assert.equal(tx.lastSeq('u-1'), 0);
    });
    // The rolled-back event took no seq: the next one is the first.
    const next = write((tx) =>
      tx.appendEvent('u-1', { type: 'session.removed', sessionId: 's-1' }),
    );
    assert.equal(next.seq, 1);
    // A duplicate message order is refused by the schema, and nothing of its transaction stays.
    assert.throws(() =>
      write((tx) => {
        tx.putSession(session('s-2'));
        tx.appendMessage(message('s-2', 1));
        tx.appendMessage(message('s-2', 1, { id: 'other' }));
      }),
    );
    assert.equal(
      read((tx) => tx.session('s-2')),
      undefined,
    );
  });

  it('generates fresh ids of each kind, after the seeded ones', () => {
    store.importSeed({ ...DIRECTORY, customers: [{ ...DIRECTORY.customers[0]!, id: 'cust-41' }] });
    const ids = write((tx) => [tx.newId('session'), tx.newId('message'), tx.newId('activity')]);
    assert.deepEqual(ids, ['t-s-42', 't-m-43', 't-act-44']);
  });

  it('refuses a transaction object used after its transaction', () => {
    const kept = read((tx) => tx);
    assert.throws(
      () => kept.session('s-1'),
      (error: unknown) => error instanceof StorageError,
    );
    store.close();
    assert.throws(
      () => read((tx) => tx.lastSeq('u-1')),
      (error: unknown) => error instanceof StorageError && error.code === 'CLOSED',
    );
    store = openSqliteStore({ file });
  });

  it('shares gap-free seqs and the directory with a second connection to the file', () => {
    const other = openSqliteStore({ file });
    try {
      const seqs: number[] = [];
      for (let index = 0; index < 6; index++) {
        const writer = index % 2 === 0 ? store : other;
        seqs.push(
          writer.run(
            (tx) => tx.appendEvent('u-1', { type: 'session.removed', sessionId: `s-${index}` }).seq,
          ),
        );
      }
      assert.deepEqual(seqs, [1, 2, 3, 4, 5, 6]);
      const replay = store.run((tx) => tx.readEvents('u-1', 2), true);
      assert.deepEqual(
        replay.events.map((event) => event.seq),
        [3, 4, 5, 6],
      );
      // A directory change through one connection reaches the other's cached directory.
      assert.equal(
        other.run((tx) => tx.user('u-3'), true),
        undefined,
      );
      store.importSeed({ ...DIRECTORY, users: [{ id: 'u-3', name: 'Eve', role: 'internal' }] });
      assert.equal(other.run((tx) => tx.user('u-3'), true)?.name, 'Eve');
    } finally {
      other.close();
    }
  });
});
