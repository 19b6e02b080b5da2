// Concurrent writers on three instances of one PostgreSQL database, all touching the same
// supervisor: each operator answers their session on one instance while its customer writes in
// through another, and every customer message alerts every operator. A write numbers its events
// when its work is done, users in one order for every write, so no two writes wait on each
// other in a cycle: no deadlock, every log gap-free, each change in it once. Then retention:
// logs and activity streams trimmed at the end of a write keep their bounds and stay contiguous.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { Id, ServerEvent } from '@live-chat/core';
import { telegramCustomers } from '../testing/seed-customers.js';
import {
  createPostgresBackend,
  type PostgresBackend,
  type PostgresBackendOptions,
} from './backend.js';
import { describeWithPostgres } from './testing/pg-server.js';

const support = SEED_LIVE_CHATS.support;
const operators = [SEED_USERS.operatorA, SEED_USERS.operatorB, SEED_USERS.operatorD];
const { supervisor } = SEED_USERS;
/** How long the writers keep writing. */
const WRITE_FOR_MS = 5000;
/** Pauses between one operator's sends, and between one customer's writes. */
const PAUSE_MS = { operator: 20, customer: 50 };
/** The SQLSTATE of a deadlock PostgreSQL broke by cancelling one of its transactions. */
const DEADLOCK = '40P01';
/** The SQLSTATE of a serialization failure. */
const SERIALIZATION_FAILURE = '40001';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The value below which `fraction` of the sorted `values` lie. */
const quantile = (values: readonly number[], fraction: number) =>
  values[Math.min(values.length - 1, Math.floor(values.length * fraction))] ?? 0;

/** How many times each id occurs. */
function countIds(ids: Iterable<Id>): Map<Id, number> {
  const counts = new Map<Id, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Asserts `got` holds each of `expected` exactly once, and nothing else. */
function assertEachOnce(got: Iterable<Id>, expected: ReadonlySet<Id>, what: string): void {
  const counts = countIds(got);
  assert.deepEqual(
    [...counts.keys()].sort(),
    [...expected].sort(),
    `${what}: the ones expected, no other`,
  );
  for (const [id, count] of counts) assert.equal(count, 1, `${what}: ${id} ${count} times`);
}

/** Three backends on one new database, with its seed (live delivery only by notification). */
async function openInstances(url: string, options: Partial<PostgresBackendOptions> = {}) {
  const seed = createSeedData({ history: false });
  const instances: PostgresBackend[] = [];
  for (let i = 0; i < 3; i++) {
    instances.push(
      await createPostgresBackend({
        url,
        seed,
        pruneIntervalMs: 0,
        pollIntervalMs: 60_000,
        ...options,
      }),
    );
  }
  return { seed, instances };
}

/** A user's events after `from`, asserted gap-free up to their last seq. */
async function gapFreeLog(backend: PostgresBackend, userId: Id, from: number) {
  const last = await backend.seqOf(userId);
  const replay = await backend.events(userId, from);
  assert.ok(replay.ok, `${userId}'s log replays`);
  assert.deepEqual(
    replay.value.map((event) => event.seq),
    Array.from({ length: last - from }, (_, index) => from + index + 1),
    `${userId}'s seqs`,
  );
  return replay.value;
}

/** The ids of the messages that `message.added` events of a log carry. */
const addedMessages = (events: readonly ServerEvent[]) =>
  events.flatMap((event) => (event.type === 'message.added' ? [event.message.id] : []));

/** The ids of the messages that alerts of a log are about. */
const alertedMessages = (events: readonly ServerEvent[]) =>
  events.flatMap((event) => (event.type === 'alert' ? [event.alert.messageId] : []));

describeWithPostgres('PostgreSQL: concurrent writers on three instances', (server) => {
  it('writes never deadlock; every log stays gap-free with each change once', async () => {
    const url = await server().createDatabase();
    const { seed, instances } = await openInstances(url);
    const instance = (index: number) => instances[index % instances.length]!;
    try {
      const customers = telegramCustomers(seed).slice(0, operators.length);
      // Customer i writes in; operator i takes the session (on instance i).
      const sessions: Id[] = [];
      for (const [i, operatorId] of operators.entries()) {
        const written = await instance(i).customerWrites({
          customerId: customers[i]!.id,
          liveChatId: support,
          channel: 'telegram',
          text: 'Hello',
        });
        assert.ok(written.ok, JSON.stringify(!written.ok && written.error));
        const sessionId = written.value.session.id;
        const taken = await instance(i).execute(operatorId, {
          type: 'session.take',
          sessionId,
          commandId: `take-${i}`,
        });
        assert.ok(taken.ok, JSON.stringify(taken));
        sessions.push(sessionId);
      }
      const staff = [...operators, supervisor];
      const from = new Map<Id, number>();
      for (const user of staff) from.set(user, await instance(0).seqOf(user));
      const retriesBefore = instances.map((backend) => new Map(backend.store.retriesByCode));

      const latencies: number[] = [];
      const timed = async <T>(write: () => Promise<T>): Promise<T> => {
        const start = performance.now();
        try {
          return await write();
        } finally {
          latencies.push(performance.now() - start);
        }
      };
      const operatorMessages = new Set<Id>();
      /** Each customer's messages, by the index of their operator. */
      const customerMessages = operators.map(() => new Set<Id>());
      const until = Date.now() + WRITE_FOR_MS;
      await Promise.all(
        operators.flatMap((operatorId, i) => [
          (async () => {
            for (let n = 0; Date.now() < until; n++) {
              const sent = await timed(() =>
                instance(i).execute(operatorId, {
                  type: 'message.send',
                  sessionId: sessions[i]!,
                  text: `answer ${n}`,
                  clientMessageId: `answer-${i}-${n}`,
                  commandId: `send-${i}-${n}`,
                }),
              );
              assert.ok(sent.ok, JSON.stringify(sent));
              operatorMessages.add(sent.value.message.id);
              await sleep(PAUSE_MS.operator);
            }
          })(),
          (async () => {
            for (let n = 0; Date.now() < until; n++) {
              // Through the next instance: the operator's and the customer's writes race.
              const written = await timed(() =>
                instance(i + 1).customerWrites({
                  customerId: customers[i]!.id,
                  liveChatId: support,
                  channel: 'telegram',
                  text: `question ${n}`,
                  clientMessageId: `question-${i}-${n}`,
                }),
              );
              assert.ok(written.ok, JSON.stringify(!written.ok && written.error));
              assert.equal(written.value.session.id, sessions[i]);
              customerMessages[i]!.add(written.value.message.id);
              await sleep(PAUSE_MS.customer);
            }
          })(),
        ]),
      );

      const retries = new Map<string, number>();
      instances.forEach((backend, i) => {
        for (const [code, count] of backend.store.retriesByCode) {
          const during = count - (retriesBefore[i]!.get(code) ?? 0);
          retries.set(code, (retries.get(code) ?? 0) + during);
        }
      });
      latencies.sort((a, b) => a - b);
      const ms = (value: number) => `${Math.round(value)} ms`;
      console.log(
        `${latencies.length} writes in ${WRITE_FOR_MS} ms: p50 ${ms(quantile(latencies, 0.5))}, ` +
          `p99 ${ms(quantile(latencies, 0.99))}, max ${ms(latencies.at(-1) ?? 0)}; ` +
          `runs again by SQLSTATE: ${JSON.stringify(Object.fromEntries(retries))}`,
      );
      assert.equal(retries.get(DEADLOCK) ?? 0, 0, 'no write deadlocked');
      // Writes of one session or one user's log wait for each other: none lost a race.
      assert.equal(retries.get(SERIALIZATION_FAILURE) ?? 0, 0, 'no serialization failure');
      // Loosely: no write starves.
      assert.ok((latencies.at(-1) ?? 0) < 5000, `max ${ms(latencies.at(-1) ?? 0)}`);

      // Every log is gap-free: the supervisor's has every message once and every customer
      // message's alert once; each operator's log has their customer's messages' alerts once.
      const everyCustomerMessage = new Set(customerMessages.flatMap((messages) => [...messages]));
      const everyMessage = new Set([...operatorMessages, ...everyCustomerMessage]);
      for (const user of staff) {
        const events = await gapFreeLog(instance(1), user, from.get(user)!);
        if (user === supervisor) {
          assertEachOnce(addedMessages(events), everyMessage, 'messages');
          assertEachOnce(alertedMessages(events), everyCustomerMessage, `${user}'s alerts`);
        } else {
          const own = customerMessages[operators.indexOf(user)]!;
          assertEachOnce(alertedMessages(events), own, `${user}'s alerts`);
        }
      }
    } finally {
      await Promise.all(instances.map((backend) => backend.dispose()));
    }
  });

  it('trims logs and activity streams at the end of writes, contiguous and bounded', async () => {
    const retention = { eventsPerUser: 4, activityPerUser: 2 };
    /** A log outgrowing its bound by this many events is trimmed back to it. */
    const batch = 1;
    const url = await server().createDatabase();
    const { seed, instances } = await openInstances(url, { retention });
    try {
      const customers = telegramCustomers(seed);
      // Sessions opened, taken and closed from all three instances at once: many events per
      // write for each staff user, and an activity entry for each at every close.
      await Promise.all(
        customers.slice(0, 6).map(async (customer, i) => {
          const backend = instances[i % instances.length]!;
          const operatorId = operators[i % operators.length]!;
          for (let round = 0; round < 3; round++) {
            const written = await backend.customerWrites({
              customerId: customer.id,
              liveChatId: support,
              channel: 'telegram',
              text: `round ${round}`,
            });
            assert.ok(written.ok, JSON.stringify(!written.ok && written.error));
            const sessionId = written.value.session.id;
            for (const type of ['session.take', 'session.close'] as const) {
              const done = await backend.execute(operatorId, {
                type,
                sessionId,
                commandId: `${type}-${i}-${round}`,
              });
              assert.ok(done.ok, JSON.stringify(done));
            }
          }
        }),
      );
      const db = instances[0]!.store.pool;
      const { rows: streams } = await db.query<{
        user_id: Id;
        last_seq: number;
        oldest_seq: number;
        kept: number;
        low: number | null;
        high: number | null;
      }>(
        `SELECT s.user_id, s.last_seq, s.oldest_seq, count(e.seq) AS kept,
           min(e.seq) AS low, max(e.seq) AS high
         FROM event_streams s LEFT JOIN events e ON e.user_id = s.user_id
         GROUP BY s.user_id, s.last_seq, s.oldest_seq`,
      );
      assert.ok(
        streams.some((stream) => stream.oldest_seq > 1),
        'some log was trimmed',
      );
      for (const stream of streams) {
        // Exactly the seqs from the oldest kept one to the last, at least as many as a log keeps.
        assert.equal(stream.low, stream.oldest_seq, `${stream.user_id}'s oldest event`);
        assert.equal(stream.high, stream.last_seq, `${stream.user_id}'s last event`);
        assert.equal(stream.kept, stream.last_seq - stream.oldest_seq + 1, stream.user_id);
        assert.ok(stream.kept >= Math.min(retention.eventsPerUser, stream.last_seq));
        assert.ok(stream.kept <= retention.eventsPerUser + batch, `${stream.user_id} kept`);
      }
      const { rows: activity } = await db.query<{ user_id: Id; n: number }>(
        'SELECT user_id, count(*) AS n FROM activity GROUP BY user_id',
      );
      assert.ok(activity.length > 0);
      for (const { user_id, n } of activity) {
        assert.equal(n, retention.activityPerUser, `${user_id}'s activity entries`);
      }
    } finally {
      await Promise.all(instances.map((backend) => backend.dispose()));
    }
  });
});
