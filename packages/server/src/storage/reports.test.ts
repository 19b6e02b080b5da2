// The SQL reports equal the engine's reports (core formulas over episode records) on the same
// records: seeded history plus a scripted day of takes, replies, private notes, reassignments,
// closes, reopens and outbound sessions, over many ranges and day offsets.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Command, CommandInput, Id, ReportQuery } from '@live-chat/core';
import {
  createRandom,
  createSeedData,
  SEED_GROUPS,
  SEED_LIVE_CHATS,
  SEED_USERS,
} from '@live-chat/adapters';
import type { SqliteBackend } from './backend.js';
import { createTempDir, type TempDir } from './testing/temp-dir.js';
import { openTestBackend } from './testing/test-backend.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const START = Date.UTC(2026, 10, 20, 9);

describe('SQL reports', () => {
  let dir: TempDir;
  let backend: SqliteBackend;
  let clock = START;
  let commands = 0;

  const run = (userId: Id, input: CommandInput) =>
    backend.execute(userId, { ...input, commandId: `report-${++commands}` } as Command);

  before(() => {
    dir = createTempDir();
    backend = openTestBackend(dir.path, {
      seed: createSeedData({ now: START }),
      now: () => clock,
    });
    // A scripted day and a half after the seeded history, on a clock that moves a few minutes a step.
    const random = createRandom(7);
    const support = SEED_LIVE_CHATS.support;
    const customers = backend.store
      .run((tx) => [...tx.customers()], true)
      .filter((c) => c.kind === 'external' && c.messenger === 'telegram');
    const operators = [SEED_USERS.operatorA, SEED_USERS.operatorB, SEED_USERS.operatorD];
    for (let step = 0; step < 240; step++) {
      clock += Math.floor(random.next() * 9 * MINUTE);
      const customer = customers[Math.floor(random.next() * customers.length)] as { id: Id };
      const operator = operators[Math.floor(random.next() * operators.length)] as Id;
      const latest = backend.latestSessionOf(customer.id, support);
      const roll = random.next();
      if (!latest || latest.status === 'closed' || roll < 0.3) {
        backend.customerWrites({
          customerId: customer.id,
          liveChatId: support,
          channel: 'telegram',
          text: `Message ${step}`,
        });
      } else if (latest.status === 'queued') {
        run(
          operator,
          roll < 0.6
            ? { type: 'session.take', sessionId: latest.id }
            : {
                type: 'message.send',
                sessionId: latest.id,
                text: `Reply ${step}`,
                clientMessageId: `reply-${step}`,
              },
        );
      } else if (latest.assignee?.kind === 'operator') {
        const owner = latest.assignee.operatorId;
        if (roll < 0.55) {
          // Now and then a private note instead of an answer: reports must not count it.
          run(owner, {
            type: 'message.send',
            sessionId: latest.id,
            text: `Answer ${step}`,
            clientMessageId: `answer-${step}`,
            ...(roll < 0.4 && { internal: true }),
          });
        } else if (roll < 0.7) {
          run(owner, {
            type: 'session.reassign',
            sessionId: latest.id,
            target:
              roll < 0.62
                ? { kind: 'group', groupId: SEED_GROUPS.accounting }
                : { kind: 'operator', operatorId: SEED_USERS.operatorB },
          });
        } else if (roll < 0.8) {
          run(owner, { type: 'session.return-to-queue', sessionId: latest.id });
        } else {
          run(owner, { type: 'session.close', sessionId: latest.id });
        }
      }
    }
    // Tags on some sessions, some of them more than one: the requests per tag count them.
    const tagged = backend.sessions(support).filter((_, index) => index % 3 === 0);
    tagged.forEach((session, index) => {
      const tagIds = index % 2 === 0 ? ['tag-billing'] : ['tag-billing', 'tag-vip'];
      run(SEED_USERS.supervisor, { type: 'session.tag', sessionId: session.id, tagIds });
    });
    const outbound = customers.find(
      (c) =>
        backend.latestSessionOf(c.id, support)?.status !== 'queued' &&
        backend.latestSessionOf(c.id, support)?.status !== 'active',
    );
    if (outbound) {
      run(SEED_USERS.operatorA, {
        type: 'session.start-outbound',
        liveChatId: support,
        customerId: outbound.id,
        channel: 'telegram',
        text: 'We have news about your order.',
      });
    }
  });

  after(async () => {
    await backend.dispose();
    dir.remove();
  });

  const ranges = () => [
    { from: 0, to: clock + 1 },
    { from: START - 3 * DAY, to: START },
    { from: START, to: clock },
    { from: START + 2 * 3600_000, to: START + 9 * 3600_000 },
    { from: START - 7 * DAY + 5 * 3600_000, to: START + DAY + 17 * 3600_000 },
    { from: clock, to: clock },
    { from: START - 400 * DAY, to: clock + 1 },
  ];

  it('the operators’ performance figures equal the engine’s', () => {
    let rows = 0;
    for (const liveChatId of Object.values(SEED_LIVE_CHATS)) {
      for (const range of ranges()) {
        const query: ReportQuery = { kind: 'operators-performance', liveChatId, range };
        const engine = backend.report(SEED_USERS.supervisor, query);
        assert.ok(engine.ok, JSON.stringify(engine));
        assert.deepEqual(backend.store.reports.operatorsPerformance(query), engine.value);
        rows += engine.value.rows.filter((row) => row.sessionsTaken > 0).length;
      }
    }
    assert.ok(rows > 5, 'the records have taken sessions to count');
  });

  it('the live chat performance figures equal the engine’s, for every day offset', () => {
    let requests = 0;
    for (const liveChatId of Object.values(SEED_LIVE_CHATS)) {
      for (const range of ranges()) {
        for (const utcOffsetMinutes of [undefined, 0, 180, -300, 330, 14 * 60, -12 * 60]) {
          const query: ReportQuery = {
            kind: 'live-chat-performance',
            liveChatId,
            range,
            ...(utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes }),
          };
          const engine = backend.report(SEED_USERS.supervisor, query);
          assert.ok(engine.ok, JSON.stringify(engine));
          assert.deepEqual(
            backend.store.reports.liveChatPerformance(query),
            engine.value,
            `${liveChatId} ${JSON.stringify(range)} ${String(utcOffsetMinutes)}`,
          );
          requests += engine.value.requests;
        }
      }
    }
    assert.ok(requests > 50, 'the records have requests to count');
  });

  it('counts what the scripted day did', () => {
    const query: ReportQuery = {
      kind: 'live-chat-performance',
      liveChatId: SEED_LIVE_CHATS.support,
      range: { from: START, to: clock + 1 },
    };
    const report = backend.store.reports.liveChatPerformance(query);
    assert.ok(
      report.requests > 10 && report.closed > 5 && report.messagesOut > 10,
      JSON.stringify(report),
    );
    assert.equal(typeof report.averageWaitInQueueMs, 'number');
    const all = backend.store.reports.liveChatPerformance({
      ...query,
      range: { from: 0, to: clock + 1 },
    });
    const [billing, delivery, , vip] = all.requestsByTag;
    assert.deepEqual(
      all.requestsByTag.map((row) => row.tagId),
      ['tag-billing', 'tag-delivery', 'tag-bug', 'tag-vip'],
      'every tag of the live chat, in its order',
    );
    assert.ok(billing!.requests > vip!.requests && vip!.requests > 0, JSON.stringify(all));
    assert.equal(delivery!.requests, 0, 'a tag nobody set counts 0');
  });
});
