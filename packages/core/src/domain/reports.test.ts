import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
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

const episodes: SessionEpisode[] = [
  // before the range: must not count
  {
    sessionId: 's1',
    liveChatId: 'lc1',
    origin: 'customer',
    startedAt: T - h,
    closedAt: T - 30 * min,
    closedBy: 'anna',
  },
  {
    sessionId: 's1',
    liveChatId: 'lc1',
    origin: 'customer',
    startedAt: T + 9 * h,
    takenAt: T + 9 * h + 2 * min,
    takenBy: 'anna',
    firstResponseAt: T + 9 * h + 3 * min,
    firstResponderId: 'anna',
    closedAt: T + 9 * h + 20 * min,
    closedBy: 'anna',
  },
  {
    sessionId: 's2',
    liveChatId: 'lc1',
    origin: 'customer',
    startedAt: T + 10 * h,
    takenAt: T + 10 * h + 4 * min,
    takenBy: 'boris',
    firstResponseAt: T + 10 * h + 5 * min,
    firstResponderId: 'boris',
  },
  { sessionId: 's3', liveChatId: 'lc1', origin: 'customer', startedAt: T + 32 * h },
  {
    sessionId: 's4',
    liveChatId: 'lc1',
    origin: 'outbound',
    startedAt: T + 33 * h,
    takenAt: T + 33 * h,
    takenBy: 'anna',
    firstResponseAt: T + 33 * h,
    firstResponderId: 'anna',
    closedAt: T + 34 * h,
    closedBy: 'anna',
  },
  // another live chat: must not count
  {
    sessionId: 's9',
    liveChatId: 'lc2',
    origin: 'customer',
    startedAt: T + 9 * h,
    takenAt: T + 9 * h + min,
    takenBy: 'anna',
    closedAt: T + 10 * h,
    closedBy: 'anna',
  },
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
      {
        operatorId: 'carl',
        sessionsTaken: 0,
        sessionsClosed: 0,
        messagesSent: 0,
        averageFirstResponseMs: null,
        averageResolutionMs: null,
        openNow: 0,
      },
    ]);
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
