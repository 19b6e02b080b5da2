import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyOperatorRow,
  isReportRangeValid,
  MAX_REPORT_DAYS,
  liveChatPerformance,
  operatorsPerformance,
  type MessageRecord,
  type ReportRecords,
  type SessionEpisode,
} from './reports.js';
import type { Session } from './types.js';

const T = Date.UTC(2026, 10, 24); // 2026-11-24 00:00 UTC
const h = 3_600_000;
const min = 60_000;
const range = { from: T, to: T + 48 * h };

/** Who did a step of an episode, and how many minutes after it started. */
type Step = [operatorId: string, minutes: number];

/** An episode of live chat `lc1` started by a customer, unless `where` says otherwise. */
function episode(
  sessionId: string,
  startedAt: number,
  steps: { taken?: Step; answered?: Step; closed?: Step } = {},
  where: Partial<SessionEpisode> = {},
): SessionEpisode {
  const at = ([, minutes]: Step) => startedAt + minutes * min;
  const { taken, answered, closed } = steps;
  return {
    sessionId,
    liveChatId: 'lc1',
    origin: 'customer',
    startedAt,
    ...(taken && { takenAt: at(taken), takenBy: taken[0] }),
    ...(answered && { firstResponseAt: at(answered), firstResponderId: answered[0] }),
    ...(closed && { closedAt: at(closed), closedBy: closed[0] }),
    ...where,
  };
}

const episodes: SessionEpisode[] = [
  // before the range: must not count
  episode('s1', T - h, { closed: ['anna', 30] }),
  episode('s1', T + 9 * h, { taken: ['anna', 2], answered: ['anna', 3], closed: ['anna', 20] }),
  episode('s2', T + 10 * h, { taken: ['boris', 4], answered: ['boris', 5] }),
  episode('s3', T + 32 * h),
  episode(
    's4',
    T + 33 * h,
    { taken: ['anna', 0], answered: ['anna', 0], closed: ['anna', 60] },
    { origin: 'outbound' },
  ),
  // another live chat: must not count
  episode('s9', T + 9 * h, { taken: ['anna', 1], closed: ['anna', 60] }, { liveChatId: 'lc2' }),
];
const customer = { kind: 'customer' as const, customerId: 'c' };
const messages: MessageRecord[] = [
  { liveChatId: 'lc1', author: customer, at: T + 9 * h },
  { liveChatId: 'lc1', author: { kind: 'operator', userId: 'anna' }, at: T + 9 * h + 3 * min },
  { liveChatId: 'lc1', author: customer, at: T + 10 * h },
  { liveChatId: 'lc1', author: { kind: 'operator', userId: 'boris' }, at: T + 10 * h + 5 * min },
  { liveChatId: 'lc1', author: customer, at: T + 32 * h },
  { liveChatId: 'lc1', author: { kind: 'operator', userId: 'anna' }, at: T + 33 * h },
  { liveChatId: 'lc1', author: { kind: 'system' }, at: T + 33 * h },
  { liveChatId: 'lc1', author: customer, at: T + 49 * h }, // after the range
  { liveChatId: 'lc2', author: { kind: 'operator', userId: 'anna' }, at: T + 9 * h },
];
const active = (id: string, liveChatId: string, operatorId: string): Session => ({
  id,
  liveChatId,
  customerId: 'c',
  name: id,
  channel: 'web',
  status: 'active',
  assignee: { kind: 'operator', operatorId },
  firstMessageAt: 0,
  lastMessageAt: 0,
  lastMessagePreview: '',
  lastMessageOrder: 0,
  queuedAt: null,
  lastOperatorId: operatorId,
  bindings: [],
});
const records: ReportRecords = {
  episodes,
  messages,
  sessions: [
    active('s2', 'lc1', 'boris'),
    active('s5', 'lc1', 'anna'),
    active('s6', 'lc2', 'anna'),
  ],
};

describe('reports, against a hand-computed fixture', () => {
  it('operators’ performance', () => {
    const report = operatorsPerformance(
      records,
      { kind: 'operators-performance', liveChatId: 'lc1', range },
      ['anna', 'boris', 'carl'],
    );
    assert.deepEqual(report.rows, [
      // anna: took s1 and s4, closed both (20 min and 60 min), first responses 3 min and 0 min
      {
        operatorId: 'anna',
        sessionsTaken: 2,
        sessionsClosed: 2,
        messagesSent: 2,
        averageFirstResponseMs: 1.5 * min,
        averageResolutionMs: 40 * min,
        openNow: 1,
      },
      {
        operatorId: 'boris',
        sessionsTaken: 1,
        sessionsClosed: 0,
        messagesSent: 1,
        averageFirstResponseMs: 5 * min,
        averageResolutionMs: null,
        openNow: 1,
      },
      emptyOperatorRow('carl'),
    ]);
  });

  it('an operator with nothing in the period counts 0 everywhere and averages nothing', () => {
    const { operatorId, averageFirstResponseMs, averageResolutionMs, ...counts } =
      emptyOperatorRow('carl');
    assert.equal(operatorId, 'carl');
    assert.equal(averageFirstResponseMs, null);
    assert.equal(averageResolutionMs, null);
    assert.deepEqual(counts, { sessionsTaken: 0, sessionsClosed: 0, messagesSent: 0, openNow: 0 });
  });

  it('live chat performance', () => {
    const report = liveChatPerformance(records, {
      kind: 'live-chat-performance',
      liveChatId: 'lc1',
      range,
    });
    assert.deepEqual(report.requestsPerDay, [
      { day: '2026-11-24', count: 2 },
      { day: '2026-11-25', count: 1 },
    ]);
    assert.equal(report.requests, 3); // the outbound session is not a request
    assert.equal(report.closed, 2);
    assert.equal(report.averageWaitInQueueMs, 3 * min); // (2 + 4) / 2; s3 never taken
    assert.equal(report.averageFirstResponseMs, 4 * min); // (3 + 5) / 2
    assert.equal(report.averageResolutionMs, 40 * min); // (20 + 60) / 2
    assert.equal(report.messagesIn, 3);
    assert.equal(report.messagesOut, 3);
    assert.equal(report.neverAnswered, 1);
  });

  it('cuts days in the requested offset', () => {
    const report = liveChatPerformance(records, {
      kind: 'live-chat-performance',
      liveChatId: 'lc1',
      range,
      utcOffsetMinutes: -10 * 60,
    });
    // At UTC−10, 09:00 UTC on the 24th is still the 23rd; 10:00 UTC on the 24th and 08:00 UTC on the 25th are the 24th
    assert.deepEqual(report.requestsPerDay, [
      { day: '2026-11-23', count: 1 },
      { day: '2026-11-24', count: 2 },
      { day: '2026-11-25', count: 0 },
    ]);
  });

  it('an empty period gives zeros and no averages', () => {
    const empty = { from: T + 96 * h, to: T + 120 * h };
    const report = liveChatPerformance(records, {
      kind: 'live-chat-performance',
      liveChatId: 'lc1',
      range: empty,
    });
    assert.equal(report.requests, 0);
    assert.equal(report.averageWaitInQueueMs, null);
    assert.deepEqual(
      report.requestsPerDay.map((d) => d.count),
      [0],
    );
  });
});

describe('report ranges', () => {
  it('must end after they start and cover at most MAX_REPORT_DAYS days', () => {
    const day = 86_400_000;
    assert.equal(isReportRangeValid({ from: 0, to: day }), true);
    assert.equal(isReportRangeValid({ from: 0, to: MAX_REPORT_DAYS * day }), true);
    assert.equal(isReportRangeValid({ from: 0, to: (MAX_REPORT_DAYS + 1) * day }), false);
    assert.equal(isReportRangeValid({ from: day, to: day }), false);
  });
});
