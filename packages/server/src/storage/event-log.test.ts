// The event log stores what a change's recipients share once: each member's event replays as it
// was delivered, the frames send the JSON the log made, and dropping events (by count or by age)
// drops the bodies no retained event shares, never one that is still read.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { SEED_USERS } from '@live-chat/adapters';
import type { Id, ServerEvent } from '@live-chat/core';
import { eventFrameText } from '../event-frames.js';
import type { SqliteBackend } from './backend.js';
import { createTempDir, type TempDir } from './testing/temp-dir.js';
import { clockedBackends, telegramMessage } from './testing/test-backend.js';

const MINUTE = 60_000;
const MEMBERS = [SEED_USERS.operatorA, SEED_USERS.operatorB, SEED_USERS.supervisor];

describe('event log', () => {
  let dir: TempDir;
  let backend: SqliteBackend;
  const clocked = clockedBackends(() => dir.path);
  const open = clocked.open;
  const count = (sql: string, ...values: unknown[]) =>
    backend.store.db
      .prepare(sql)
      .pluck()
      .get(...values) as number;
  /** Bodies no event refers to, and events whose body is gone: both must stay 0. */
  const strays = () => ({
    unread: count(
      'SELECT count(*) FROM event_bodies b WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.body = b.pk)',
    ),
    missing: count(
      `SELECT count(*) FROM events e
       WHERE e.body IS NOT NULL AND NOT EXISTS (SELECT 1 FROM event_bodies b WHERE b.pk = e.body)`,
    ),
  });
  const write = (messages: number) => clocked.write(backend, messages);

  beforeEach(() => {
    dir = createTempDir();
  });
  afterEach(async () => {
    await backend.dispose();
    dir.remove();
  });

  it('stores a change’s shared body once and replays every member’s event as delivered', () => {
    backend = open();
    write(1);
    const since = new Map(MEMBERS.map((userId) => [userId, backend.seqOf(userId)]));
    const heard = new Map<Id, ServerEvent[]>(MEMBERS.map((userId) => [userId, []]));
    for (const userId of MEMBERS) backend.listen(userId, (event) => heard.get(userId)?.push(event));
    const [events, bodies] = [
      count('SELECT count(*) FROM events'),
      count('SELECT count(*) FROM event_bodies'),
    ];
    const text = 'Quotes " and \\ backslashes, a line\nbreak and ünïcödé ✓';
    assert.ok(backend.customerWrites(telegramMessage(backend, text)).ok);

    const added = count('SELECT count(*) FROM events') - events;
    const addedBodies = count('SELECT count(*) FROM event_bodies') - bodies;
    assert.ok(added >= MEMBERS.length, `${added} events`);
    // The message with its session, and the alert (withheld or not): never one per recipient.
    assert.ok(addedBodies >= 1 && addedBodies <= 3, `${addedBodies} bodies for ${added} events`);
    for (const [sub, userId] of MEMBERS.entries()) {
      const live = heard.get(userId) ?? [];
      assert.ok(
        live.some((event) => event.type === 'message.added'),
        userId,
      );
      const replay = backend.events(userId, since.get(userId) ?? 0);
      assert.ok(replay.ok);
      assert.deepEqual(replay.value, live);
      for (const event of [...live, ...replay.value]) {
        assert.equal(eventFrameText(sub, event), JSON.stringify({ op: 'event', sub, event }));
      }
    }
  });

  it('drops the bodies no retained event shares when trimming by count', () => {
    backend = open({ eventsPerUser: 4 });
    write(30);
    assert.deepEqual(strays(), { unread: 0, missing: 0 });
    // Each member keeps a short tail: the bodies only dropped events used are gone.
    assert.ok(count('SELECT count(*) FROM event_bodies') < 30);
    for (const userId of MEMBERS) {
      const last = backend.seqOf(userId);
      const tail = backend.events(userId, last - 4);
      assert.ok(tail.ok, userId);
      assert.deepEqual(
        tail.value.map((event) => event.seq),
        [last - 3, last - 2, last - 1, last],
      );
    }
  });

  it('keeps a long log whole: replays and drops across many trims, by count and by age', () => {
    backend = open({ eventsPerUser: 300, eventMaxAgeMs: 100 * MINUTE });
    write(500);
    /** Checks the user's retained log replays whole and gap-free; answers how many it keeps. */
    const retained = (userId: Id) => {
      const last = backend.seqOf(userId);
      const rows = count('SELECT count(*) FROM events WHERE user_id = ?', userId);
      const replay = backend.events(userId, last - rows);
      assert.ok(replay.ok, userId);
      assert.deepEqual(
        replay.value.map((event) => event.seq),
        Array.from({ length: rows }, (_, index) => last - rows + 1 + index),
      );
      const before = backend.events(userId, last - rows - 1);
      assert.equal(before.ok ? 'ok' : before.error.code, 'RESYNC_REQUIRED');
      return rows;
    };
    for (const userId of MEMBERS) {
      const rows = retained(userId);
      assert.ok(rows >= 300 && rows <= 375, `${userId} keeps ${rows}`);
    }
    // Pruning keeps the events of the last 100 minutes, fewer than the count keeps.
    const recent = (userId: Id) =>
      count(
        'SELECT count(*) FROM events WHERE user_id = ? AND at >= ?',
        userId,
        clocked.now - 100 * MINUTE,
      );
    const expected = MEMBERS.map(recent);
    assert.ok(backend.prune() > 0);
    assert.deepEqual(MEMBERS.map(retained), expected);
    assert.ok(expected.every((rows) => rows < 300));
    assert.deepEqual(strays(), { unread: 0, missing: 0 });
  });

  it('drops the bodies of expired events when pruning, and continues every stream after them', async () => {
    backend = open({ eventMaxAgeMs: 10 * MINUTE });
    write(5);
    clocked.now += 8 * MINUTE;
    write(3);
    const recent = count('SELECT count(*) FROM event_bodies');
    assert.ok(backend.prune() > 0);
    assert.deepEqual(strays(), { unread: 0, missing: 0 });
    assert.ok(count('SELECT count(*) FROM event_bodies') < recent);

    clocked.now += 60 * MINUTE;
    const last = backend.seqOf(SEED_USERS.supervisor);
    backend.prune();
    assert.equal(count('SELECT count(*) FROM event_bodies'), 0);
    // After a restart too, the stream goes on from its seq, not from its (empty) log.
    await backend.dispose();
    backend = open({ eventMaxAgeMs: 10 * MINUTE });
    assert.equal(backend.seqOf(SEED_USERS.supervisor), last);
    const heard: ServerEvent[] = [];
    backend.listen(SEED_USERS.supervisor, (event) => heard.push(event));
    write(1);
    assert.equal(heard[0]?.seq, last + 1);
    const replay = backend.events(SEED_USERS.supervisor, last);
    assert.ok(replay.ok);
    assert.deepEqual(replay.value, heard);
  });
});
