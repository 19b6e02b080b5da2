// Several backend instances on one PostgreSQL database, as several servers behind a proxy would
// run: a change on one is seen live by a listener on another, a raced take has exactly one
// winner, seqs stay gap-free under concurrent writers, and a retried commandId on another
// instance answers the first result. Plus migrations on an empty and on an existing database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Id, ServerEvent } from '@live-chat/core';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import { StorageError } from '../storage/errors.js';
import { createPostgresBackend, isPostgresUrl, type PostgresBackend } from './backend.js';
import { initial } from './migrations/0001-initial.js';
import { migratePostgres, POSTGRES_MIGRATIONS } from './migrations/index.js';
import { PostgresReports } from './reports.js';
import { clientConfig, openPostgresStore } from './store.js';
import { waitFor } from '../testing/harness.js';
import { describeWithPostgres } from './testing/pg-server.js';

const support = SEED_LIVE_CHATS.support;
const staff = [SEED_USERS.operatorA, SEED_USERS.operatorB, SEED_USERS.supervisor];

/** Asserts the seqs are 1, 2, 3… (or `from + 1`, …) with no gap and no repeat. */
function assertGapFree(seqs: number[], from = 0, what = 'seqs'): void {
  seqs.forEach((seq, index) => assert.equal(seq, from + index + 1, `${what} at ${index}`));
}

describeWithPostgres('PostgreSQL', (server) => {
  describe('migrations', () => {
    it('creates the schema on an empty database, and changes nothing on an up-to-date one', async () => {
      const url = await server().createDatabase();
      const first = await openPostgresStore({ url });
      assert.deepEqual(first.migrations, {
        applied: POSTGRES_MIGRATIONS.map((migration) => migration.version),
        version: POSTGRES_MIGRATIONS.length,
      });
      await first.close();
      const again = await openPostgresStore({ url });
      assert.deepEqual(again.migrations, { applied: [], version: POSTGRES_MIGRATIONS.length });
      await again.close();
    });

    it('brings an existing database up to date and keeps its data', async () => {
      const url = await server().createDatabase();
      const client = new pg.Client(clientConfig(url));
      await client.connect();
      try {
        // A database of an earlier release: only the first migration, with records in it.
        assert.deepEqual(await migratePostgres(client, [initial]), { applied: [1], version: 1 });
        await client.query(
          `INSERT INTO event_streams (user_id, last_seq, oldest_seq) VALUES ('op-anna', 7, 8)`,
        );
      } finally {
        await client.end();
      }
      const store = await openPostgresStore({ url });
      const later = POSTGRES_MIGRATIONS.slice(1);
      assert.deepEqual(
        store.migrations.applied,
        later.map((migration) => migration.version),
      );
      assert.equal(await store.lastSeq('op-anna'), 7);
      const { rows } = await store.pool.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      assert.deepEqual(
        rows.map((row) => `${row.version} ${row.name}`),
        POSTGRES_MIGRATIONS.map((migration) => `${migration.version} ${migration.name}`),
      );
      await store.close();
    });

    it('refuses a database migrated by a newer release', async () => {
      const url = await server().createDatabase();
      const store = await openPostgresStore({ url });
      await store.pool.query(
        `INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)`,
      );
      await store.close();
      await assert.rejects(openPostgresStore({ url }), (error: unknown) => {
        assert.ok(error instanceof StorageError);
        assert.equal(error.code, 'SCHEMA_TOO_NEW');
        return true;
      });
    });

    it('lets instances that start at once migrate and seed once', async () => {
      const url = await server().createDatabase();
      const seed = createSeedData({ history: false });
      const backends = await Promise.all(
        [1, 2, 3].map(() => createPostgresBackend({ url, seed, pruneIntervalMs: 0 })),
      );
      try {
        const { rows } = await backends[0]!.store.pool.query<{ n: number }>(
          'SELECT count(*) AS n FROM users',
        );
        assert.equal(rows[0]!.n, seed.users.length);
      } finally {
        await Promise.all(backends.map((backend) => backend.dispose()));
      }
    });

    it('knows a PostgreSQL URL', () => {
      assert.ok(isPostgresUrl('postgres://app@127.0.0.1:5432/chat'));
      assert.ok(isPostgresUrl('postgresql://app@db/chat'));
      assert.ok(!isPostgresUrl('./data'));
      assert.ok(!isPostgresUrl(undefined));
    });
  });

  describe('three instances on one database', () => {
    let instances: PostgresBackend[];
    let customers: Id[];
    let writes = 0;
    const customerWrites = async (instance: PostgresBackend, customerId: Id, text = 'Hello') => {
      const result = await instance.customerWrites({
        customerId,
        liveChatId: support,
        channel: 'telegram',
        text,
        clientMessageId: `cm-${++writes}`,
      });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
      return result.value;
    };
    /** A new Telegram customer, with no session yet. */
    const newCustomer = async (name: string) => {
      const account = `@${name.toLowerCase().replace(/\W/g, '_')}`;
      const added = await instances[0]!.addCustomer({
        kind: 'external',
        name,
        account,
        messenger: 'telegram',
      });
      assert.ok(added.ok, JSON.stringify(added));
      return added.value.id;
    };

    before(async () => {
      const url = await server().createDatabase();
      const seed = createSeedData({ history: false });
      customers = seed.customers
        .filter((customer) => customer.kind === 'external' && customer.messenger === 'telegram')
        .map((customer) => customer.id);
      instances = [];
      for (let i = 0; i < 3; i++) {
        // A slow poll: live delivery must come from notifications.
        instances.push(
          await createPostgresBackend({ url, seed, pruneIntervalMs: 0, pollIntervalMs: 60_000 }),
        );
      }
    });
    after(async () => {
      await Promise.all((instances ?? []).map((instance) => instance.dispose()));
    });

    it('a change on one instance reaches a listener on another, live and in order', async () => {
      const [a, b, c] = instances as [PostgresBackend, PostgresBackend, PostgresBackend];
      const user = SEED_USERS.operatorA;
      const start = await b.seqOf(user);
      const got: ServerEvent[] = [];
      const stop = b.listen(user, (event) => {
        if (event.seq > start) got.push(event);
      });
      try {
        const written = await customerWrites(a, customers[0]!, 'Is anyone there?');
        await waitFor(
          () => got.some((event) => event.type === 'message.added'),
          'the message on instance B',
        );
        const added = got.find((event) => event.type === 'message.added');
        assert.equal(added?.type === 'message.added' && added.message.id, written.message.id);
        // And from the third instance too.
        const before = got.length;
        await customerWrites(c, customers[0]!, 'Hello again');
        await waitFor(() => got.length > before + 1, 'the second message on instance B');
        const last = await a.seqOf(user);
        await waitFor(() => got.at(-1)?.seq === last, 'every event up to the last seq');
        assertGapFree(
          got.map((event) => event.seq),
          start,
          'live seqs',
        );
      } finally {
        stop();
      }
    });

    it('one take raced from three instances has exactly one winner', async () => {
      const { session } = await customerWrites(instances[0]!, customers[1]!, 'Help, please');
      const takers = [SEED_USERS.operatorA, SEED_USERS.operatorB, SEED_USERS.operatorD];
      const results = await Promise.all(
        instances.map((instance, i) =>
          instance.execute(takers[i]!, {
            type: 'session.take',
            sessionId: session.id,
            commandId: `race-${session.id}-${i}`,
          }),
        ),
      );
      const winners = results.filter((result) => result.ok);
      assert.equal(winners.length, 1, JSON.stringify(results));
      for (const result of results) {
        if (!result.ok) assert.equal(result.error.code, 'ALREADY_TAKEN');
      }
      const winner = takers[results.findIndex((result) => result.ok)];
      const stored = await instances[2]!.getSession(session.id);
      assert.equal(stored?.status, 'active');
      assert.deepEqual(stored?.assignee, { kind: 'operator', operatorId: winner });
    });

    it('take-next raced from three instances gives each operator a different session', async () => {
      // The oldest three of the queue (and maybe more are queued behind them).
      for (const name of ['Queued One', 'Queued Two', 'Queued Three']) {
        await customerWrites(instances[1]!, await newCustomer(name), 'Anyone?');
      }
      const takers = [SEED_USERS.operatorA, SEED_USERS.operatorB, SEED_USERS.operatorD];
      const results = await Promise.all(
        instances.map((instance, i) =>
          instance.execute(takers[i]!, {
            type: 'session.take-next',
            liveChatId: support,
            commandId: `race-next-${i}`,
          }),
        ),
      );
      // Each lost race ran again and took the next session in the queue.
      const taken = results.map((result) => {
        assert.ok(result.ok, JSON.stringify(result));
        return result.value.session.id;
      });
      assert.equal(new Set(taken).size, 3, JSON.stringify(taken));
      for (const [i, sessionId] of taken.entries()) {
        const stored = await instances[0]!.getSession(sessionId);
        assert.deepEqual(stored?.assignee, { kind: 'operator', operatorId: takers[i] });
      }
    });

    it("a new customer's first messages through three instances at once open one session", async () => {
      const customerId = await newCustomer('Ravi Raced');
      const written = await Promise.all(
        instances.flatMap((instance, i) =>
          [0, 1].map(() => customerWrites(instance, customerId, `first words ${i}`)),
        ),
      );
      const sessionIds = new Set(written.map((value) => value.session.id));
      assert.equal(sessionIds.size, 1, [...sessionIds].join(', '));
      assert.equal(written.filter((value) => value.cause === 'created').length, 1);
      const messages = await instances[2]!.messagesOf([...sessionIds][0]!);
      assert.deepEqual(
        messages.map((message) => message.order),
        [1, 2, 3, 4, 5, 6],
      );
    });

    it('seqs stay gap-free under concurrent writes from three instances', async () => {
      const from = new Map<Id, number>();
      for (const user of staff) from.set(user, await instances[0]!.seqOf(user));
      // Every instance listens for every staff user while the writes go on.
      const live = new Map<string, number[]>();
      const stops: (() => void)[] = [];
      instances.forEach((instance, i) => {
        for (const user of staff) {
          const seqs: number[] = [];
          live.set(`${i}:${user}`, seqs);
          stops.push(
            instance.listen(user, (event) => {
              if (event.seq > (from.get(user) ?? 0)) seqs.push(event.seq);
            }),
          );
        }
      });
      try {
        const perInstance = 8;
        await Promise.all(
          instances.map(async (instance, i) => {
            await Promise.all(
              Array.from({ length: perInstance }, (_, k) =>
                customerWrites(instance, customers[(i + k) % customers.length]!, `msg ${i}-${k}`),
              ),
            );
          }),
        );
        for (const user of staff) {
          const last = await instances[1]!.seqOf(user);
          const replay = await instances[2]!.events(user, from.get(user)!);
          assert.ok(replay.ok);
          const seqs = replay.value.map((event) => event.seq);
          assertGapFree(seqs, from.get(user), `${user}'s log`);
          assert.equal(seqs.at(-1), last);
          // Each user got at least one event per write (an alert or a session change).
          assert.ok(seqs.length >= 3 * perInstance, `${user} got ${seqs.length} events`);
          for (let i = 0; i < 3; i++) {
            const got = live.get(`${i}:${user}`)!;
            await waitFor(() => got.at(-1) === last, `instance ${i} delivering ${user}'s events`);
            assertGapFree(got, from.get(user), `instance ${i}, ${user}'s live events`);
          }
        }
        const retries = instances.reduce((sum, instance) => sum + instance.store.retries, 0);
        console.log(`transactions run again after a lost race: ${retries}`);
      } finally {
        for (const stop of stops) stop();
      }
    });

    it('a commandId retried on another instance answers the first result', async () => {
      const { session } = await customerWrites(instances[0]!, customers[2]!, 'One more thing');
      const user = SEED_USERS.operatorB;
      const command = {
        type: 'session.take',
        sessionId: session.id,
        commandId: `retry-${session.id}`,
      } as const;
      const first = await instances[0]!.execute(user, command);
      assert.ok(first.ok);
      const seq = await instances[0]!.seqOf(user);
      const retried = await instances[1]!.execute(user, command);
      assert.deepEqual(retried, first);
      assert.equal(await instances[2]!.seqOf(user), seq, 'the retry changed nothing');

      // The same command sent to all three at once: one effect, one answer.
      const next = await customerWrites(instances[1]!, customers[3]!, 'And another');
      const raced = {
        type: 'message.send',
        sessionId: next.session.id,
        clientMessageId: `reply-${next.session.id}`,
        text: 'On it',
        commandId: `send-${next.session.id}`,
      } as const;
      const answers = await Promise.all(instances.map((instance) => instance.execute(user, raced)));
      for (const answer of answers) assert.deepEqual(answer, answers[0]);
      assert.ok(answers[0]!.ok);
      const messages = await instances[2]!.messagesOf(next.session.id);
      assert.equal(messages.filter((message) => message.text === 'On it').length, 1);
    });

    it('a listener misses nothing while its LISTEN connection is down', async () => {
      const [a, b] = instances as [PostgresBackend, PostgresBackend];
      const user = SEED_USERS.operatorB;
      const start = await b.seqOf(user);
      const got: number[] = [];
      const stop = b.listen(user, (event) => {
        if (event.seq > start) got.push(event.seq);
      });
      try {
        // Every instance's LISTEN connection is cut; writes go on meanwhile.
        await a.store.pool.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
        );
        await customerWrites(a, customers[4 % customers.length]!, 'While nobody listens');
        const last = await a.seqOf(user);
        // The connection comes back and the listener catches up from its cursor.
        await waitFor(() => got.at(-1) === last, 'the catch-up after reconnecting', 8000);
        assertGapFree(got, start, 'caught-up seqs');
      } finally {
        stop();
      }
    });

    it('search finds text case- and accent-insensitively through the store index', async () => {
      const written = await customerWrites(instances[0]!, customers[0]!, 'Ünïcode Wïdget broke');
      const hits = await instances[2]!.search(SEED_USERS.supervisor, {
        sessionId: written.session.id,
        text: 'widget',
      });
      assert.ok(hits.ok, JSON.stringify(!hits.ok && hits.error));
      assert.ok(
        hits.value.some((hit) => hit.kind === 'message' && hit.messageId === written.message.id),
      );
      // The hooks give a superset within the scope, never rows of another session.
      const candidates = await instances[1]!.store.run(
        (tx) => tx.messagesMatching(written.session.id, 'WIDGET'),
        true,
      );
      assert.ok(candidates.some((message) => message.id === written.message.id));
      assert.ok(candidates.every((message) => message.sessionId === written.session.id));
      const named = await instances[1]!.store.run((tx) => tx.sessionsMatching(support, ''), true);
      assert.ok(named.every((session) => session.liveChatId === support));
    });

    it('SQL reports equal the engine reports', async () => {
      const range = { from: 0, to: Date.now() + 60_000 };
      const reports = new PostgresReports(instances[0]!.store.pool);
      const user = SEED_USERS.supervisor;
      const operators = await instances[0]!.report(user, {
        kind: 'operators-performance',
        liveChatId: support,
        range,
      });
      assert.ok(operators.ok);
      assert.deepEqual(
        await reports.operatorsPerformance({
          kind: 'operators-performance',
          liveChatId: support,
          range,
        }),
        operators.value,
      );
      const chat = await instances[1]!.report(user, {
        kind: 'live-chat-performance',
        liveChatId: support,
        range: { from: Date.now() - 3 * 86_400_000, to: Date.now() + 60_000 },
      });
      assert.ok(chat.ok);
      assert.deepEqual(
        await reports.liveChatPerformance({
          kind: 'live-chat-performance',
          liveChatId: support,
          range: chat.value.range,
        }),
        chat.value,
      );
    });
  });
});
