/**
 * The report figures of core `operatorsPerformance` and `liveChatPerformance`, computed by SQL
 * over a PostgreSQL store's tables with the same formulas as the SQLite store's `SqlReports`
 * (see the doc comments in core `domain/reports.ts`): for dashboards, exports and ad-hoc
 * queries that should not load every record of a live chat. The engine's reports remain the
 * ones users get; a test keeps these equal to them on the same records.
 *
 * Ranges are half-open (`[from, to)`); means are `null` when there is nothing to average.
 */
import type pg from 'pg';
import type {
  DayCount,
  LiveChatPerformanceQuery,
  LiveChatPerformanceReport,
  OperatorPerformanceRow,
  OperatorsPerformanceQuery,
  OperatorsPerformanceReport,
} from '@live-chat/core';

const DAY_MS = 86_400_000;

/** Operators' performance, one row per operator ordered by id. `$1` live chat, `$2`–`$3` range. */
export const PG_OPERATORS_PERFORMANCE_SQL = `
WITH
  taken AS (
    SELECT taken_by AS operator_id, count(*) AS n FROM episodes
    WHERE live_chat_id = $1 AND taken_by IS NOT NULL AND taken_at >= $2 AND taken_at < $3
    GROUP BY taken_by),
  closed AS (
    SELECT closed_by AS operator_id, count(*) AS n,
      avg((closed_at - started_at)::float8) AS mean_ms
    FROM episodes
    WHERE live_chat_id = $1 AND closed_by IS NOT NULL AND closed_at >= $2 AND closed_at < $3
    GROUP BY closed_by),
  responded AS (
    SELECT first_responder_id AS operator_id,
      avg((first_response_at - started_at)::float8) AS mean_ms
    FROM episodes
    WHERE live_chat_id = $1 AND first_responder_id IS NOT NULL
      AND first_response_at >= $2 AND first_response_at < $3
    GROUP BY first_responder_id),
  sent AS (
    SELECT m.author_id AS operator_id, count(*) AS n
    FROM sessions s JOIN messages m ON m.session_id = s.id
    WHERE s.live_chat_id = $1 AND m.author_kind = 'operator' AND m.sent_at >= $2 AND m.sent_at < $3
    GROUP BY m.author_id),
  open_now AS (
    SELECT assignee_id AS operator_id, count(*) AS n FROM sessions
    WHERE live_chat_id = $1 AND status = 'active' AND assignee_kind = 'operator'
    GROUP BY assignee_id),
  operators AS (
    SELECT user_id AS operator_id FROM live_chat_staff WHERE live_chat_id = $1 AND role = 'operator'
    UNION SELECT operator_id FROM taken
    UNION SELECT operator_id FROM closed
    UNION SELECT operator_id FROM responded
    UNION SELECT operator_id FROM sent
    UNION SELECT operator_id FROM open_now)
SELECT
  o.operator_id              AS "operatorId",
  coalesce(taken.n, 0)       AS "sessionsTaken",
  coalesce(closed.n, 0)      AS "sessionsClosed",
  coalesce(sent.n, 0)        AS "messagesSent",
  responded.mean_ms          AS "averageFirstResponseMs",
  closed.mean_ms             AS "averageResolutionMs",
  coalesce(open_now.n, 0)    AS "openNow"
FROM operators o
  LEFT JOIN taken USING (operator_id)
  LEFT JOIN closed USING (operator_id)
  LEFT JOIN responded USING (operator_id)
  LEFT JOIN sent USING (operator_id)
  LEFT JOIN open_now USING (operator_id)
ORDER BY o.operator_id COLLATE "C"`;

/** Live chat performance: every figure but the days, in one row. */
export const PG_LIVE_CHAT_PERFORMANCE_SQL = `
WITH
  requests AS (
    SELECT * FROM episodes
    WHERE live_chat_id = $1 AND origin = 'customer' AND started_at >= $2 AND started_at < $3),
  closed AS (
    SELECT * FROM episodes WHERE live_chat_id = $1 AND closed_at >= $2 AND closed_at < $3),
  messages_in_range AS (
    SELECT m.author_kind FROM sessions s JOIN messages m ON m.session_id = s.id
    WHERE s.live_chat_id = $1 AND m.sent_at >= $2 AND m.sent_at < $3)
SELECT
  (SELECT count(*) FROM requests)                                         AS "requests",
  (SELECT count(*) FROM closed)                                           AS "closed",
  (SELECT avg((taken_at - started_at)::float8) FROM requests WHERE taken_at IS NOT NULL)
                                                                          AS "averageWaitInQueueMs",
  (SELECT avg((first_response_at - started_at)::float8) FROM requests
     WHERE first_response_at IS NOT NULL)                                 AS "averageFirstResponseMs",
  (SELECT avg((closed_at - started_at)::float8) FROM closed)              AS "averageResolutionMs",
  (SELECT count(*) FROM messages_in_range WHERE author_kind = 'customer') AS "messagesIn",
  (SELECT count(*) FROM messages_in_range WHERE author_kind = 'operator') AS "messagesOut",
  (SELECT count(*) FROM requests WHERE first_response_at IS NULL)         AS "neverAnswered"`;

/**
 * Requests per day: every day of the range (when it spans at most 366 days), zeros included,
 * plus any day with requests; days cut at `$4` ms east of UTC.
 */
export const PG_REQUESTS_PER_DAY_SQL = `
WITH RECURSIVE
  listed AS (SELECT $3::bigint > $2::bigint AND $3::bigint - $2::bigint <= 366 * ${DAY_MS}::bigint AS yes),
  calendar (t) AS (
    SELECT $2::bigint FROM listed WHERE yes
    UNION ALL SELECT t + ${DAY_MS} FROM calendar WHERE t + ${DAY_MS} < $3::bigint),
  days (day) AS (
    SELECT to_char(to_timestamp((t + $4::bigint) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')
    FROM calendar
    UNION SELECT to_char(to_timestamp(($3::bigint - 1 + $4::bigint) / 1000.0) AT TIME ZONE 'UTC',
      'YYYY-MM-DD') FROM listed WHERE yes),
  requests (day) AS (
    SELECT to_char(to_timestamp((started_at + $4::bigint) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')
    FROM episodes
    WHERE live_chat_id = $1 AND origin = 'customer' AND started_at >= $2 AND started_at < $3)
SELECT day, sum(n)::bigint AS count
FROM (SELECT day, 0 AS n FROM days UNION ALL SELECT day, 1 AS n FROM requests) AS d
GROUP BY day
ORDER BY day`;

type LiveChatFigures = Omit<
  LiveChatPerformanceReport,
  'kind' | 'liveChatId' | 'range' | 'requestsPerDay'
>;

/** The SQL reports of one PostgreSQL database (see the module comment). */
export class PostgresReports {
  constructor(private readonly db: pg.Pool | pg.ClientBase) {}

  /** The Operators' performance report of a live chat (formulas of core `operatorsPerformance`). */
  async operatorsPerformance(
    query: OperatorsPerformanceQuery,
  ): Promise<OperatorsPerformanceReport> {
    const { liveChatId, range } = query;
    const { rows } = await this.db.query<OperatorPerformanceRow>(PG_OPERATORS_PERFORMANCE_SQL, [
      liveChatId,
      range.from,
      range.to,
    ]);
    return { kind: 'operators-performance', liveChatId, range, rows };
  }

  /** The Live chat performance report (formulas of core `liveChatPerformance`). */
  async liveChatPerformance(query: LiveChatPerformanceQuery): Promise<LiveChatPerformanceReport> {
    const { liveChatId, range } = query;
    const params = [liveChatId, range.from, range.to];
    const figures = (await this.db.query<LiveChatFigures>(PG_LIVE_CHAT_PERFORMANCE_SQL, params))
      .rows[0]!;
    const offsetMs = (query.utcOffsetMinutes ?? 0) * 60_000;
    const { rows: requestsPerDay } = await this.db.query<DayCount>(PG_REQUESTS_PER_DAY_SQL, [
      ...params,
      offsetMs,
    ]);
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
