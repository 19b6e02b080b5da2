/**
 * The report figures of core `operatorsPerformance` and `liveChatPerformance`, computed by SQL
 * over the store's tables with the same formulas (see the doc comments in core
 * `domain/reports.ts`): for dashboards, exports and ad-hoc queries that should not load every
 * record of a live chat. The engine's reports remain the ones users get; a test keeps these
 * equal to them on the same records.
 *
 * Ranges are half-open (`[from, to)`); means are `NULL` (`null`) when there is nothing to
 * average; an operator is the live chat's operator or anyone who appears in the records.
 */
import type Database from 'better-sqlite3';
import type {
  DayCount,
  LiveChatPerformanceQuery,
  LiveChatPerformanceReport,
  OperatorPerformanceRow,
  OperatorsPerformanceQuery,
  OperatorsPerformanceReport,
} from '@live-chat/core';

const DAY_MS = 86_400_000;

/** Operators' performance, one row per operator ordered by id. */
export const OPERATORS_PERFORMANCE_SQL = `
WITH
  taken AS (
    SELECT taken_by AS operator_id, count(*) AS n FROM episodes
    WHERE live_chat_id = @liveChatId AND taken_by IS NOT NULL
      AND taken_at >= @from AND taken_at < @to
    GROUP BY taken_by),
  closed AS (
    SELECT closed_by AS operator_id, count(*) AS n, avg(closed_at - started_at) AS mean_ms
    FROM episodes
    WHERE live_chat_id = @liveChatId AND closed_by IS NOT NULL
      AND closed_at >= @from AND closed_at < @to
    GROUP BY closed_by),
  responded AS (
    SELECT first_responder_id AS operator_id, avg(first_response_at - started_at) AS mean_ms
    FROM episodes
    WHERE live_chat_id = @liveChatId AND first_responder_id IS NOT NULL
      AND first_response_at >= @from AND first_response_at < @to
    GROUP BY first_responder_id),
  sent AS (
    SELECT m.author_id AS operator_id, count(*) AS n
    FROM sessions s JOIN messages m ON m.session_id = s.id
    WHERE s.live_chat_id = @liveChatId AND m.author_kind = 'operator'
      AND m.sent_at >= @from AND m.sent_at < @to
    GROUP BY m.author_id),
  open_now AS (
    SELECT assignee_id AS operator_id, count(*) AS n FROM sessions
    WHERE live_chat_id = @liveChatId AND status = 'active' AND assignee_kind = 'operator'
    GROUP BY assignee_id),
  operators AS (
    SELECT user_id AS operator_id FROM live_chat_staff
    WHERE live_chat_id = @liveChatId AND role = 'operator'
    UNION SELECT operator_id FROM taken
    UNION SELECT operator_id FROM closed
    UNION SELECT operator_id FROM responded
    UNION SELECT operator_id FROM sent
    UNION SELECT operator_id FROM open_now)
SELECT
  o.operator_id                AS operatorId,
  coalesce(taken.n, 0)         AS sessionsTaken,
  coalesce(closed.n, 0)        AS sessionsClosed,
  coalesce(sent.n, 0)          AS messagesSent,
  responded.mean_ms            AS averageFirstResponseMs,
  closed.mean_ms               AS averageResolutionMs,
  coalesce(open_now.n, 0)      AS openNow
FROM operators o
  LEFT JOIN taken USING (operator_id)
  LEFT JOIN closed USING (operator_id)
  LEFT JOIN responded USING (operator_id)
  LEFT JOIN sent USING (operator_id)
  LEFT JOIN open_now USING (operator_id)
ORDER BY o.operator_id`;

/** Live chat performance: every figure but the days, in one row. */
export const LIVE_CHAT_PERFORMANCE_SQL = `
WITH
  requests AS (
    SELECT * FROM episodes
    WHERE live_chat_id = @liveChatId AND origin = 'customer'
      AND started_at >= @from AND started_at < @to),
  closed AS (
    SELECT * FROM episodes
    WHERE live_chat_id = @liveChatId AND closed_at >= @from AND closed_at < @to),
  messages_in_range AS (
    SELECT m.author_kind FROM sessions s JOIN messages m ON m.session_id = s.id
    WHERE s.live_chat_id = @liveChatId AND m.sent_at >= @from AND m.sent_at < @to)
SELECT
  (SELECT count(*) FROM requests)                                       AS requests,
  (SELECT count(*) FROM closed)                                         AS closed,
  (SELECT avg(taken_at - started_at) FROM requests WHERE taken_at IS NOT NULL)
                                                                        AS averageWaitInQueueMs,
  (SELECT avg(first_response_at - started_at) FROM requests
     WHERE first_response_at IS NOT NULL)                               AS averageFirstResponseMs,
  (SELECT avg(closed_at - started_at) FROM closed)                      AS averageResolutionMs,
  (SELECT count(*) FROM messages_in_range WHERE author_kind = 'customer') AS messagesIn,
  (SELECT count(*) FROM messages_in_range WHERE author_kind = 'operator') AS messagesOut,
  (SELECT count(*) FROM requests WHERE first_response_at IS NULL)       AS neverAnswered`;

/**
 * Requests per day of the live chat performance report: every day of the range (when it spans
 * at most 366 days), zeros included, plus any day with requests; days cut at `@offsetMs` east of
 * UTC.
 */
export const REQUESTS_PER_DAY_SQL = `
WITH RECURSIVE
  listed AS (SELECT @to > @from AND @to - @from <= 366 * ${DAY_MS} AS yes),
  calendar (t) AS (
    SELECT @from FROM listed WHERE yes
    UNION ALL SELECT t + ${DAY_MS} FROM calendar WHERE t + ${DAY_MS} < @to),
  days (day) AS (
    SELECT date((t + @offsetMs) / 1000.0, 'unixepoch') FROM calendar
    UNION SELECT date((@to - 1 + @offsetMs) / 1000.0, 'unixepoch') FROM listed WHERE yes),
  requests (day) AS (
    SELECT date((started_at + @offsetMs) / 1000.0, 'unixepoch') FROM episodes
    WHERE live_chat_id = @liveChatId AND origin = 'customer'
      AND started_at >= @from AND started_at < @to)
SELECT day, sum(n) AS count
FROM (SELECT day, 0 AS n FROM days UNION ALL SELECT day, 1 AS n FROM requests)
GROUP BY day
ORDER BY day`;

interface RangeParams {
  liveChatId: string;
  from: number;
  to: number;
}

type LiveChatFigures = Omit<
  LiveChatPerformanceReport,
  'kind' | 'liveChatId' | 'range' | 'requestsPerDay'
>;

/** The SQL reports of one database (see the module comment). */
export class SqlReports {
  private readonly operators: Database.Statement<[RangeParams], OperatorPerformanceRow>;
  private readonly liveChat: Database.Statement<[RangeParams], LiveChatFigures>;
  private readonly perDay: Database.Statement<[RangeParams & { offsetMs: number }], DayCount>;

  constructor(db: Database.Database) {
    this.operators = db.prepare(OPERATORS_PERFORMANCE_SQL);
    this.liveChat = db.prepare(LIVE_CHAT_PERFORMANCE_SQL);
    this.perDay = db.prepare(REQUESTS_PER_DAY_SQL);
  }

  /** The Operators' performance report of a live chat (formulas of core `operatorsPerformance`). */
  operatorsPerformance(query: OperatorsPerformanceQuery): OperatorsPerformanceReport {
    const { liveChatId, range } = query;
    const rows = this.operators.all({ liveChatId, from: range.from, to: range.to });
    return { kind: 'operators-performance', liveChatId, range, rows };
  }

  /** The Live chat performance report (formulas of core `liveChatPerformance`). */
  liveChatPerformance(query: LiveChatPerformanceQuery): LiveChatPerformanceReport {
    const { liveChatId, range } = query;
    const params = { liveChatId, from: range.from, to: range.to };
    const figures = this.liveChat.get(params) as LiveChatFigures;
    const offsetMs = (query.utcOffsetMinutes ?? 0) * 60_000;
    const requestsPerDay = this.perDay.all({ ...params, offsetMs });
    return {
      kind: 'live-chat-performance',
      liveChatId,
      range,
      requestsPerDay,
      requests: figures.requests,
      closed: figures.closed,
      averageWaitInQueueMs: figures.averageWaitInQueueMs,
      averageFirstResponseMs: figures.averageFirstResponseMs,
      averageResolutionMs: figures.averageResolutionMs,
      messagesIn: figures.messagesIn,
      messagesOut: figures.messagesOut,
      neverAnswered: figures.neverAnswered,
    };
  }
}
