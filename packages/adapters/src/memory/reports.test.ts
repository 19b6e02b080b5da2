import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyOperatorRow } from '@live-chat/core';
import type { CommandInput, DateRange, Id, ReportQuery } from '@live-chat/core';
import { close, reply, take } from '../conformance/command-inputs.js';
import { createMemoryBackend, type MemoryBackend } from './backend.js';
import { customerIdOf } from './directory.js';
import { createSeedData } from './seed.js';
import { anna, ben, chloe, david, elena, maria, support } from './testing/cast.js';

const DAY = Date.UTC(2025, 2, 10);
const at = (hours: number, minutes = 0) => DAY + hours * 3_600_000 + minutes * 60_000;
const MIN = 60_000;

/**
 * A small day in Customer Support, with the clock set before each step:
 *  09:00 Olivia writes (request 1)      09:05 Anna takes it      09:10 Anna answers
 *  09:12 Olivia writes                  09:20 Anna closes
 *  10:00 Liam writes (request 2)        10:30 Ben answers (takes) 10:40 Ben writes again
 *  11:00 Hana writes (request 3, never answered)
 *  12:00 Olivia writes again: request 4 reopens her session; 12:15 Ben takes, 12:20 Ben closes
 *  13:00 Anna starts an outbound session with Diego, with a first message
 */
function scriptedDay() {
  let now = DAY;
  const backend = createMemoryBackend({ seed: createSeedData({ history: false }), now: () => now });
  let n = 0;
  const command = (time: number, userId: Id, input: CommandInput) => {
    now = time;
    const result = backend.execute(userId, { ...input, commandId: `c${++n}` } as never);
    assert.ok((result as { ok: boolean }).ok, `${input.type} at ${new Date(time).toISOString()}`);
  };
  const write = (time: number, name: string, text: string) => {
    now = time;
    const result = backend.customerWrites({
      customerId: customerIdOf(name),
      liveChatId: support,
      channel: 'telegram',
      text,
    });
    assert.ok(result.ok);
    return result.value.session.id;
  };
  const olivia = write(at(9), 'Olivia Bennett', 'I was charged twice.');
  command(at(9, 5), anna, take(olivia));
  command(at(9, 10), anna, reply(olivia, 'Refund issued.'));
  write(at(9, 12), 'Olivia Bennett', 'Thanks!');
  command(at(9, 20), anna, close(olivia));
  const liam = write(at(10), 'Liam Walker', 'I cannot log in.');
  command(at(10, 30), ben, reply(liam, 'Try now, please.'));
  command(at(10, 40), ben, reply(liam, 'Any luck?'));
  write(at(11), 'Hana Tanaka', 'Where is my parcel?');
  write(at(12), 'Olivia Bennett', 'The refund is not there.');
  command(at(12, 15), ben, take(olivia));
  command(at(12, 20), ben, close(olivia));
  command(at(13), anna, {
    type: 'session.start-outbound',
    liveChatId: support,
    customerId: customerIdOf('Diego Reyes'),
    channel: 'telegram',
    text: 'Your replacement has shipped.',
  });
  now = at(18);
  return backend;
}

const WHOLE_DAY = { from: DAY, to: DAY + 86_400_000 };

/**
 * A report on a live chat (Customer Support unless told) over `range` (the whole day unless
 * told), as `userId` asks for it.
 */
function supportReport<K extends ReportQuery['kind']>(
  backend: MemoryBackend,
  userId: Id,
  kind: K,
  range: DateRange = WHOLE_DAY,
  liveChatId: Id = support,
) {
  return backend.report(userId, { kind, liveChatId, range } as Extract<ReportQuery, { kind: K }>);
}

/** The report's value, once it is sure it was answered. */
const report = <T>(
  result: { ok: true; value: T } | { ok: false; error: { message: string } },
): T => {
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
};

describe('memory backend: reports', () => {
  it("computes Operators' performance from its own records", () => {
    const backend = scriptedDay();
    const value = report(supportReport(backend, maria, 'operators-performance'));
    const row = (id: Id) => value.rows.find((r) => r.operatorId === id);
    assert.deepEqual(row(anna), {
      operatorId: anna,
      sessionsTaken: 2, // Olivia at 09:05, the outbound session at 13:00
      sessionsClosed: 1,
      messagesSent: 2,
      averageFirstResponseMs: 5 * MIN, // (10 min + 0 min) / 2
      averageResolutionMs: 20 * MIN, // 09:00 → 09:20
      openNow: 1,
    });
    assert.deepEqual(row(ben), {
      operatorId: ben,
      sessionsTaken: 2, // Liam at 10:30, Olivia's second request at 12:15
      sessionsClosed: 1,
      messagesSent: 2,
      averageFirstResponseMs: 30 * MIN, // only Liam's request got an answer from Ben
      averageResolutionMs: 20 * MIN, // 12:00 → 12:20
      openNow: 1,
    });
    for (const id of [chloe, david]) assert.deepEqual(row(id), emptyOperatorRow(id));
  });

  it('computes Live chat performance from its own records', () => {
    const backend = scriptedDay();
    const value = report(supportReport(backend, anna, 'live-chat-performance'));
    assert.deepEqual(value.requestsPerDay, [{ day: '2025-03-10', count: 4 }]);
    assert.equal(value.requests, 4);
    assert.equal(value.closed, 2);
    assert.equal(value.averageWaitInQueueMs, ((5 + 30 + 15) * MIN) / 3);
    assert.equal(value.averageFirstResponseMs, ((10 + 30) * MIN) / 2);
    assert.equal(value.averageResolutionMs, 20 * MIN);
    assert.equal(value.messagesIn, 5);
    assert.equal(value.messagesOut, 4);
    assert.equal(value.neverAnswered, 2); // Hana, and Olivia's second request
  });

  it('counts only what happened inside the range', () => {
    const backend = scriptedDay();
    const value = report(
      supportReport(backend, anna, 'live-chat-performance', { from: at(10), to: at(12) }),
    );
    assert.equal(value.requests, 2); // Liam, Hana
    assert.equal(value.closed, 0);
    assert.equal(value.messagesIn, 2);
    assert.equal(value.messagesOut, 2);
    assert.equal(value.neverAnswered, 1);
  });

  it('refuses non-members and bad ranges', () => {
    const backend = scriptedDay();
    const outsider = supportReport(backend, elena, 'operators-performance');
    assert.equal(outsider.ok ? 'ok' : outsider.error.code, 'FORBIDDEN');
    const backwards = supportReport(backend, anna, 'operators-performance', {
      from: at(12),
      to: at(10),
    });
    assert.equal(backwards.ok ? 'ok' : backwards.error.code, 'VALIDATION');
    const unknown = supportReport(backend, anna, 'operators-performance', WHOLE_DAY, 'nope');
    assert.equal(unknown.ok ? 'ok' : unknown.error.code, 'NOT_FOUND');
  });
});
