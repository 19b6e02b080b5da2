// Retention: each user's event log keeps a bounded tail (by count, and by age when asked), and a
// resume from before it answers RESYNC_REQUIRED through the engine, also after a restart.
// Command results are kept for a window; activity for a number of entries.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Id } from '@live-chat/core';
import { SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { SqliteBackend } from './backend.js';
import { StorageError } from './errors.js';
import { openSqliteStore } from './store.js';
import { createTempDir, type TempDir } from './testing/temp-dir.js';
import { clockedBackends } from './testing/test-backend.js';

const { operatorA, supervisor } = SEED_USERS;
const MINUTE = 60_000;

describe('retention', () => {
  let dir: TempDir;
  let backend: SqliteBackend;
  const clocked = clockedBackends(() => dir.path);
  const open = clocked.open;
  /** Customer messages into one session: each gives the supervisor events. */
  const write = (count: number) => clocked.write(backend, count);
  const resyncCode = (userId: Id, sinceSeq: number) => {
    const result = backend.events(userId, sinceSeq);
    return result.ok ? 'ok' : result.error.code;
  };

  beforeEach(() => {
    dir = createTempDir();
  });
  afterEach(async () => {
    await backend.dispose();
    dir.remove();
  });

  it('keeps a bounded tail of each log; older resumes answer RESYNC_REQUIRED', async () => {
    backend = open({ eventsPerUser: 8 });
    write(30);
    const last = backend.seqOf(supervisor);
    assert.ok(last >= 30);
    const retained = backend.store.db
      .prepare('SELECT count(*) FROM events WHERE user_id = ?')
      .pluck()
      .get(supervisor) as number;
    assert.ok(retained >= 8 && retained <= 10, `${retained} events retained`);
    // The newest 8 always replay, gap-free.
    const recent = backend.events(supervisor, last - 8);
    assert.ok(recent.ok);
    assert.deepEqual(
      recent.value.map((event) => event.seq),
      Array.from({ length: 8 }, (_, index) => last - 7 + index),
    );
    assert.equal(resyncCode(supervisor, 0), 'RESYNC_REQUIRED');
    assert.equal(resyncCode(supervisor, last - 12), 'RESYNC_REQUIRED');
    assert.equal(resyncCode(supervisor, last), 'ok');
    assert.equal(resyncCode(supervisor, last + 1), 'RESYNC_REQUIRED');

    await backend.dispose();
    backend = open({ eventsPerUser: 8 });
    assert.equal(backend.seqOf(supervisor), last);
    assert.equal(resyncCode(supervisor, 0), 'RESYNC_REQUIRED');
    assert.equal(resyncCode(supervisor, last - 8), 'ok');
  });

  it('drops events older than the window when pruning', async () => {
    backend = open({ eventMaxAgeMs: 10 * MINUTE });
    write(5);
    const early = backend.seqOf(supervisor);
    clocked.now += 30 * MINUTE;
    write(3);
    const last = backend.seqOf(supervisor);
    assert.equal(resyncCode(supervisor, 0), 'ok', 'nothing dropped before pruning');
    assert.ok(backend.prune() > 0);
    assert.equal(resyncCode(supervisor, 0), 'RESYNC_REQUIRED');
    assert.equal(resyncCode(supervisor, early - 1), 'RESYNC_REQUIRED');
    assert.equal(resyncCode(supervisor, early), 'ok');
    const tail = backend.events(supervisor, early);
    assert.ok(tail.ok);
    assert.equal(tail.value.length, last - early);

    // Everything expired: the stream is still at its seq, with nothing to replay.
    clocked.now += 60 * MINUTE;
    backend.prune();
    assert.equal(backend.seqOf(supervisor), last);
    assert.equal(resyncCode(supervisor, last), 'ok');
    assert.equal(resyncCode(supervisor, last - 1), 'RESYNC_REQUIRED');

    // Opening the database prunes too.
    write(2);
    clocked.now += 60 * MINUTE;
    await backend.dispose();
    backend = open({ eventMaxAgeMs: 10 * MINUTE });
    assert.equal(resyncCode(supervisor, backend.seqOf(supervisor) - 1), 'RESYNC_REQUIRED');
  });

  it('forgets command results after their window: a much later retry runs again', () => {
    backend = open({ commandResultMaxAgeMs: 60 * MINUTE });
    write(1);
    const sessionId = backend.sessions(SEED_LIVE_CHATS.support)[0]?.id as Id;
    const rename = (name: string, commandId: string) =>
      backend.execute(operatorA, { type: 'session.rename', sessionId, name, commandId });
    const take = backend.execute(operatorA, {
      type: 'session.take',
      sessionId,
      commandId: 'take',
    });
    assert.ok(take.ok);
    const first = rename('First name', 'rename-1');
    assert.ok(first.ok);
    clocked.now += 30 * MINUTE;
    assert.deepEqual(rename('Other name', 'rename-1'), first, 'within the window');
    clocked.now += 45 * MINUTE;
    // Another command's record, 75 minutes after the first: the first is forgotten.
    assert.ok(rename('Second name', 'rename-2').ok);
    const again = rename('Third name', 'rename-1');
    assert.ok(again.ok);
    assert.equal(again.value.session.name, 'Third name');
  });

  it('keeps a bounded activity stream per user', () => {
    backend = open({ activityPerUser: 3 });
    const customers = backend.store
      .run((tx) => [...tx.customers()], true)
      .filter((c) => c.kind === 'external' && c.messenger === 'telegram');
    for (const [index, customer] of customers.slice(0, 5).entries()) {
      clocked.now += MINUTE;
      const written = backend.customerWrites({
        customerId: customer.id,
        liveChatId: SEED_LIVE_CHATS.support,
        channel: 'telegram',
        text: 'Hello',
      });
      assert.ok(written.ok);
      const sessionId = written.value.session.id;
      backend.execute(operatorA, { type: 'session.take', sessionId, commandId: `t-${index}` });
      backend.execute(operatorA, { type: 'session.close', sessionId, commandId: `c-${index}` });
    }
    const snapshot = backend.snapshot(supervisor);
    assert.ok(snapshot.ok);
    assert.equal(snapshot.value.activity.length, 3);
    assert.deepEqual(
      snapshot.value.activity.map((entry) => entry.at),
      [...snapshot.value.activity.map((entry) => entry.at)].sort((a, b) => b - a),
    );
  });

  it('refuses retention options that are not positive whole numbers', () => {
    backend = open();
    for (const retention of [
      { eventsPerUser: 0 },
      { activityPerUser: 1.5 },
      { eventMaxAgeMs: -1 },
    ]) {
      assert.throws(
        () => openSqliteStore({ file: ':memory:', retention }),
        (error: unknown) => error instanceof StorageError && error.code === 'INVALID_OPTIONS',
      );
    }
  });
});
