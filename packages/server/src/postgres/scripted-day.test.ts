// SQLite and PostgreSQL give identical results on the same scripted day. The seed's history,
// then a day of customer messages and operator commands at set times (both backends run on the
// test's clock), once on a SQLite backend and once on a PostgreSQL backend: every answer along
// the way, every user's snapshot and event log, each session's history, searches, the engine's
// reports and the SQL reports are the same on both, generated ids included.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  createRandom,
  createSeedData,
  SEED_GROUPS,
  SEED_LIVE_CHATS,
  SEED_USERS,
} from '@live-chat/adapters';
import type {
  AssigneeTarget,
  Command,
  CommandInput,
  DateRange,
  Id,
  LiveChatPerformanceQuery,
  OperatorsPerformanceQuery,
} from '@live-chat/core';
import type { Awaitable } from '../backend.js';
import { createSqliteBackend, type SqliteBackend } from '../storage/backend.js';
import { createTempDir } from '../storage/testing/temp-dir.js';
import { telegramCustomers } from '../testing/seed-customers.js';
import { createPostgresBackend, type PostgresBackend } from './backend.js';
import { describeWithPostgres } from './testing/pg-server.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2026, 10, 23, 8);
const seed = () => createSeedData({ now: START });
const { operatorA: anna, operatorB: ben, operatorD: david, supervisor: maria } = SEED_USERS;
const support = SEED_LIVE_CHATS.support;
const helpDesk = SEED_LIVE_CHATS.helpDesk;

/** A backend the day runs on, and its SQL reports. */
interface DayBackend {
  backend: SqliteBackend | PostgresBackend;
  operatorsPerformance(query: OperatorsPerformanceQuery): Awaitable<unknown>;
  liveChatPerformance(query: LiveChatPerformanceQuery): Awaitable<unknown>;
}

/** What the day gave, part by part (compared part by part, for a readable difference). */
type DayResults = Record<string, unknown>;

/**
 * Runs the day on `day.backend`, whose clock is `clock.now`, and collects everything it
 * answers. Decisions only read the backend's answers, so equal backends take equal steps.
 */
async function runDay(day: DayBackend, clock: { now: number }): Promise<DayResults> {
  // Both backends answer the same calls; the union of their signatures is awaited alike.
  const backend = day.backend as PostgresBackend;
  const customers = telegramCustomers(seed()).map((customer) => customer.id);
  const answers: unknown[] = [];
  let commands = 0;
  const at = (minutes: number) => (clock.now = START + minutes * MINUTE);
  const run = async (userId: Id, input: CommandInput, commandId = `day-${++commands}`) => {
    const result = await backend.execute(userId, { ...input, commandId } as Command);
    answers.push(result);
    return result;
  };
  const write = async (customer: number, text: string, clientMessageId?: string) => {
    const result = await backend.customerWrites({
      customerId: customers[customer]!,
      liveChatId: support,
      channel: 'telegram',
      text,
      ...(clientMessageId === undefined ? {} : { clientMessageId }),
    });
    answers.push(result);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
    return result.value.session.id;
  };
  const send = (sessionId: Id, text: string) =>
    ({ type: 'message.send', sessionId, text, clientMessageId: `say-${text}` }) as const;

  // The morning, step by step: every kind of change, a retried write and command, refusals.
  at(0);
  const olivia = await write(0, 'I was charged twice.', 'olivia-1');
  at(1);
  await write(0, 'I was charged twice.', 'olivia-1'); // the same write again: stored once
  at(5);
  await run(anna, { type: 'session.take', sessionId: olivia });
  await run(ben, { type: 'session.take', sessionId: olivia }); // ALREADY_TAKEN
  await run(anna, { type: 'session.tag', sessionId: olivia, tagIds: ['tag-billing', 'tag-vip'] });
  at(9);
  await run(anna, send(olivia, 'Let me check.'), 'anna-reply');
  await run(anna, send(olivia, 'Let me check.'), 'anna-reply'); // retried: the first answer
  at(12);
  const liam = await write(1, 'I cannot log in.');
  at(14);
  await run(ben, send(liam, 'Try again now, please.')); // replying takes it
  at(20);
  await run(anna, {
    type: 'session.reassign',
    sessionId: olivia,
    target: { kind: 'group', groupId: SEED_GROUPS.accounting },
  });
  at(22);
  await run(david, { type: 'session.take-next', liveChatId: support });
  await run(david, { type: 'session.rename', sessionId: olivia, name: 'Double charge' });
  at(30);
  await run(maria, { type: 'session.mark-read', sessionId: olivia });
  await run(ben, { type: 'session.return-to-queue', sessionId: liam });
  await run(ben, { type: 'session.explode' } as unknown as CommandInput); // VALIDATION
  at(40);
  await run(david, { type: 'session.close', sessionId: olivia });
  at(55);
  await write(0, 'The refund has not arrived.'); // a new request after the close
  await run(anna, {
    type: 'session.start-outbound',
    liveChatId: support,
    customerId: customers[2]!,
    channel: 'telegram',
    text: 'Your replacement has shipped.',
    clientMessageId: 'outbound-1',
  });

  // The rest of the day: customers write, operators answer, pass on and close, at random
  // moments of a seeded generator.
  const random = createRandom(11);
  const operators = [anna, ben, david];
  const targets: AssigneeTarget[] = [
    { kind: 'group', groupId: SEED_GROUPS.accounting },
    { kind: 'operator', operatorId: ben },
  ];
  let minutes = 60;
  for (let step = 0; step < 160; step++) {
    at((minutes += random.int(0, 6)));
    const customer = random.int(0, customers.length - 1);
    const latest = await backend.latestSessionOf(customers[customer]!, support);
    const roll = random.next();
    if (!latest || latest.status === 'closed' || roll < 0.3) {
      await write(customer, `Message ${step}`);
    } else if (latest.assignee?.kind !== 'operator') {
      const operator = random.pick(operators);
      await run(
        operator,
        roll < 0.6
          ? { type: 'session.take', sessionId: latest.id }
          : send(latest.id, `Reply ${step}`),
      );
    } else {
      const owner = latest.assignee.operatorId;
      if (roll < 0.55) await run(owner, send(latest.id, `Answer ${step}`));
      else if (roll < 0.65) {
        await run(owner, {
          type: 'session.reassign',
          sessionId: latest.id,
          target: random.pick(targets),
        });
      } else if (roll < 0.75)
        await run(owner, { type: 'session.return-to-queue', sessionId: latest.id });
      else if (roll < 0.85) await run(maria, { type: 'session.mark-read', sessionId: latest.id });
      else await run(owner, { type: 'session.close', sessionId: latest.id });
    }
  }
  at((minutes += 30));

  // What the day left behind, for everyone.
  const users = seed().users.map((user) => user.id);
  const results: DayResults = { answers };
  for (const userId of users) {
    results[`snapshot of ${userId}`] = await backend.snapshot(userId);
    results[`events of ${userId}`] = await backend.events(userId, 0);
  }
  const sessions = await backend.sessions();
  results.sessions = sessions;
  for (const session of sessions) {
    results[`history of ${session.id}`] = await backend.history(maria, {
      sessionId: session.id,
      limit: 30,
    });
  }
  for (const text of ['charged', 'Answer 1', 'olivia', 'replacement', 'nothing like this']) {
    results[`search "${text}"`] = await backend.search(maria, { text });
  }
  const ranges: DateRange[] = [
    { from: 0, to: clock.now + 1 },
    { from: START, to: clock.now },
    { from: START + 2 * HOUR, to: START + 5 * HOUR },
    { from: START - 3 * 24 * HOUR, to: START },
  ];
  for (const liveChatId of [support, helpDesk]) {
    for (const [index, range] of ranges.entries()) {
      const operatorsQuery = { kind: 'operators-performance', liveChatId, range } as const;
      const chatQuery = { kind: 'live-chat-performance', liveChatId, range } as const;
      const name = `${liveChatId}, range ${index}`;
      results[`operators' performance, ${name}`] = await backend.report(maria, operatorsQuery);
      results[`live chat performance, ${name}`] = await backend.report(maria, chatQuery);
      results[`SQL operators' performance, ${name}`] =
        await day.operatorsPerformance(operatorsQuery);
      results[`SQL live chat performance, ${name}`] = await day.liveChatPerformance(chatQuery);
    }
  }
  return results;
}

describeWithPostgres('PostgreSQL', (server) => {
  it('gives the same results as SQLite on the same scripted day', async () => {
    const dir = createTempDir('live-chat-day-');
    const sqliteClock = { now: START };
    const sqlite = createSqliteBackend({
      dataDir: dir.path,
      seed,
      now: () => sqliteClock.now,
      pruneIntervalMs: 0,
    });
    const postgresClock = { now: START };
    const postgres = await createPostgresBackend({
      url: await server().createDatabase(),
      seed,
      now: () => postgresClock.now,
      pruneIntervalMs: 0,
    });
    try {
      const expected = await runDay(
        {
          backend: sqlite,
          operatorsPerformance: (query) => sqlite.store.reports.operatorsPerformance(query),
          liveChatPerformance: (query) => sqlite.store.reports.liveChatPerformance(query),
        },
        sqliteClock,
      );
      const actual = await runDay(
        {
          backend: postgres,
          operatorsPerformance: (query) => postgres.reports.operatorsPerformance(query),
          liveChatPerformance: (query) => postgres.reports.liveChatPerformance(query),
        },
        postgresClock,
      );
      assert.deepEqual(Object.keys(actual), Object.keys(expected));
      for (const part of Object.keys(expected)) {
        assert.deepEqual(actual[part], expected[part], part);
      }
      // The day did happen: sessions, messages and reports with figures in them.
      const answers = expected.answers as Array<{ ok: boolean }>;
      const refused = answers.filter((answer) => !answer.ok).length;
      console.log(
        `scripted day: ${answers.length} answers (${refused} refusals), ${(expected.sessions as unknown[]).length} sessions, ${Object.keys(expected).length} parts compared`,
      );
      assert.ok(answers.length > 150 && refused >= 2);
    } finally {
      await sqlite.dispose();
      await postgres.dispose();
      dir.remove();
    }
  });
});
