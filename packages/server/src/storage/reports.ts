/**
 * The report figures of core `operatorsPerformance` and `liveChatPerformance` as SQL, written
 * once with the same formulas (see the doc comments in core `domain/reports.ts`) and spelled
 * for SQLite or PostgreSQL by a {@link ReportDialect}: for dashboards, exports and ad-hoc
 * queries that should not load every record of a live chat. {@link SqlReports} runs them on a
 * SQLite store (the PostgreSQL store's `PostgresReports` on its pool). The engine's reports
 * remain the ones users get; tests keep these equal to them on the same records, on both
 * databases.
 *
 * Ranges are half-open (`[from, to)`); means are `NULL` (`null`) when there is nothing to
 * average; an operator is the live chat's operator or anyone who appears in the records.
 */
import type Database from 'better-sqlite3';
import type * as core from '@live-chat/core';

const DAY_MS = 86_400_000;

/** The parameters of the report queries. */
export interface ReportParams {
  /** The live chat reported on. */
  liveChatId: string;
  /** Start of the range, inclusive (ms). */
  from: number;
  /** End of the range, exclusive (ms). */
  to: number;
  /** Where days are cut, in ms east of UTC (requests per day only). */
  offsetMs: number;
}

/** How a database spells the few things the report queries need it to. */
export interface ReportDialect {
  /** A query parameter. */
  param(name: keyof ReportParams): string;
  /** The mean of a whole-number expression, as a floating point number. */
  mean(expression: string): string;
  /** The UTC calendar day (`YYYY-MM-DD`) of a time in ms. */
  day(ms: string): string;
  /** Orders text by code point. */
  codePointOrder: string;
  /** A FROM item joining each element of a JSON array of text (column `value`), named `alias`. */
  jsonElements(array: string, alias: string): string;
}

/** SQLite: named parameters (`@from`), `date(…, 'unixepoch')`. */
export const SQLITE_REPORTS: ReportDialect = {
  param: (name) => `@${name}`,
  mean: (expression) => `avg(${expression})`,
  day: (ms) => `date((${ms}) / 1000.0, 'unixepoch')`,
  codePointOrder: 'COLLATE BINARY',
  jsonElements: (array, alias) => `json_each(${array}) AS ${alias}`,
};

/** Positions of the parameters in PostgreSQL queries, in the order of {@link ReportParams}. */
const POSTGRES_PARAMS: Record<keyof ReportParams, string> = {
  liveChatId: '$1',
  from: '$2::bigint',
  to: '$3::bigint',
  offsetMs: '$4::bigint',
};

/** PostgreSQL: positional parameters (`$2::bigint`), `to_char(to_timestamp(…))`. */
export const POSTGRES_REPORTS: ReportDialect = {
  param: (name) => POSTGRES_PARAMS[name],
  mean: (expression) => `avg((${expression})::float8)`,
  day: (ms) => `to_char(to_timestamp((${ms}) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  codePointOrder: 'COLLATE "C"',
  jsonElements: (array, alias) => `json_array_elements_text((${array})::json) AS ${alias}(value)`,
};

/** The report queries of one dialect. */
export interface ReportQueries {
  /** Operators' performance, one row per operator ordered by id. */
  operatorsPerformance: string;
  /** Live chat performance: every figure but the days and the tags, in one row. */
  liveChatPerformance: string;
  /** Requests per tag of the live chat performance report: the tags with at least one request. */
  requestsByTag: string;
  /**
   * Requests per day of the live chat performance report: every day of the range (when it
   * spans at most 366 days), zeros included, plus any day with requests.
   */
  requestsPerDay: string;
}

/** The report queries spelled for `dialect`. */
export function reportQueries(dialect: ReportDialect): ReportQueries {
  const { mean, day } = dialect;
  const [chat, from, to, offset] = (['liveChatId', 'from', 'to', 'offsetMs'] as const).map(
    dialect.param,
  );
  const inRange = (column: string) => `${column} >= ${from} AND ${column} < ${to}`;
  const operatorsPerformance = `
WITH
  taken AS (
    SELECT taken_by AS operator_id, count(*) AS n FROM episodes
    WHERE live_chat_id = ${chat} AND taken_by IS NOT NULL AND ${inRange('taken_at')}
    GROUP BY taken_by),
  closed AS (
    SELECT closed_by AS operator_id, count(*) AS n, ${mean('closed_at - started_at')} AS mean_ms
    FROM episodes
    WHERE live_chat_id = ${chat} AND closed_by IS NOT NULL AND ${inRange('closed_at')}
    GROUP BY closed_by),
  responded AS (
    SELECT first_responder_id AS operator_id,
      ${mean('first_response_at - started_at')} AS mean_ms
    FROM episodes
    WHERE live_chat_id = ${chat} AND first_responder_id IS NOT NULL
      AND ${inRange('first_response_at')}
    GROUP BY first_responder_id),
  sent AS (
    SELECT m.author_id AS operator_id, count(*) AS n
    FROM sessions s JOIN messages m ON m.session_id = s.id
    WHERE s.live_chat_id = ${chat} AND m.author_kind = 'operator' AND m.internal = 0
      AND ${inRange('m.sent_at')}
    GROUP BY m.author_id),
  open_now AS (
    SELECT assignee_id AS operator_id, count(*) AS n FROM sessions
    WHERE live_chat_id = ${chat} AND status = 'active' AND assignee_kind = 'operator'
    GROUP BY assignee_id),
  operators AS (
    SELECT user_id AS operator_id FROM live_chat_staff
    WHERE live_chat_id = ${chat} AND role = 'operator'
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
ORDER BY o.operator_id ${dialect.codePointOrder}`;

  const liveChatPerformance = `
WITH
  requests AS (
    SELECT * FROM episodes
    WHERE live_chat_id = ${chat} AND origin = 'customer' AND ${inRange('started_at')}),
  closed AS (
    SELECT * FROM episodes WHERE live_chat_id = ${chat} AND ${inRange('closed_at')}),
  messages_in_range AS (
    SELECT m.author_kind FROM sessions s JOIN messages m ON m.session_id = s.id
    WHERE s.live_chat_id = ${chat} AND m.internal = 0 AND ${inRange('m.sent_at')})
SELECT
  (SELECT count(*) FROM requests)                                         AS "requests",
  (SELECT count(*) FROM closed)                                           AS "closed",
  (SELECT ${mean('taken_at - started_at')} FROM requests WHERE taken_at IS NOT NULL)
                                                                          AS "averageWaitInQueueMs",
  (SELECT ${mean('first_response_at - started_at')} FROM requests
     WHERE first_response_at IS NOT NULL)                                 AS "averageFirstResponseMs",
  (SELECT ${mean('closed_at - started_at')} FROM closed)                  AS "averageResolutionMs",
  (SELECT count(*) FROM messages_in_range WHERE author_kind = 'customer') AS "messagesIn",
  (SELECT count(*) FROM messages_in_range WHERE author_kind = 'operator') AS "messagesOut",
  (SELECT count(*) FROM requests WHERE first_response_at IS NULL)         AS "neverAnswered"`;

  const requestsPerDay = `
WITH RECURSIVE
  listed AS (SELECT ${to} > ${from} AND ${to} - ${from} <= ${366 * DAY_MS} AS yes),
  calendar (t) AS (
    SELECT ${from} FROM listed WHERE yes
    UNION ALL SELECT t + ${DAY_MS} FROM calendar WHERE t + ${DAY_MS} < ${to}),
  days (day) AS (
    SELECT ${day(`t + ${offset}`)} FROM calendar
    UNION SELECT ${day(`${to} - 1 + ${offset}`)} FROM listed WHERE yes),
  requests (day) AS (
    SELECT ${day(`started_at + ${offset}`)} FROM episodes
    WHERE live_chat_id = ${chat} AND origin = 'customer' AND ${inRange('started_at')})
SELECT day, sum(n) AS count
FROM (SELECT day, 0 AS n FROM days UNION ALL SELECT day, 1 AS n FROM requests) AS d
GROUP BY day
ORDER BY day`;

  const requestsByTag = `
SELECT t.value AS "tagId", count(*) AS requests
FROM episodes e JOIN sessions s ON s.id = e.session_id, ${dialect.jsonElements('s.tags', 't')}
WHERE e.live_chat_id = ${chat} AND e.origin = 'customer' AND ${inRange('e.started_at')}
  AND s.tags IS NOT NULL
GROUP BY t.value`;

  return { operatorsPerformance, liveChatPerformance, requestsPerDay, requestsByTag };
}

/** The figures of the live chat performance query's one row. */
export type LiveChatFigures = Omit<
  core.LiveChatPerformanceReport,
  'kind' | 'liveChatId' | 'range' | 'requestsPerDay' | 'requestsByTag'
>;

/** The parameters of a report query. */
export function reportParams(
  query: core.OperatorsPerformanceQuery | core.LiveChatPerformanceQuery,
): ReportParams {
  const offsetMs = query.kind === 'live-chat-performance' ? (query.utcOffsetMinutes ?? 0) : 0;
  return {
    liveChatId: query.liveChatId,
    from: query.range.from,
    to: query.range.to,
    offsetMs: offsetMs * 60_000,
  };
}

/** The Operators' performance report of a query's rows. */
export function operatorsReport(
  query: core.OperatorsPerformanceQuery,
  rows: core.OperatorPerformanceRow[],
): core.OperatorsPerformanceReport {
  return { kind: 'operators-performance', liveChatId: query.liveChatId, range: query.range, rows };
}

/**
 * The Live chat performance report of a query's figures, days and tag counts; `tagIds` are the
 * live chat's tags in its order (a tag without requests counts 0, a tag it no longer offers is
 * left out).
 */
export function liveChatReport(
  query: core.LiveChatPerformanceQuery,
  figures: LiveChatFigures,
  requestsPerDay: core.DayCount[],
  tagCounts: readonly core.TagCount[],
  tagIds: readonly string[],
): core.LiveChatPerformanceReport {
  const counted = new Map(tagCounts.map((row) => [row.tagId, Number(row.requests)]));
  return {
    kind: 'live-chat-performance',
    liveChatId: query.liveChatId,
    range: query.range,
    requestsPerDay,
    requests: figures.requests,
    closed: figures.closed,
    averageWaitInQueueMs: figures.averageWaitInQueueMs,
    averageFirstResponseMs: figures.averageFirstResponseMs,
    averageResolutionMs: figures.averageResolutionMs,
    messagesIn: figures.messagesIn,
    messagesOut: figures.messagesOut,
    neverAnswered: figures.neverAnswered,
    requestsByTag: tagIds.map((tagId) => ({ tagId, requests: counted.get(tagId) ?? 0 })),
  };
}

/** The SQL reports of one database (see the module comment). */
export class SqlReports {
  private readonly operators: Database.Statement<[ReportParams], core.OperatorPerformanceRow>;
  private readonly liveChat: Database.Statement<[ReportParams], LiveChatFigures>;
  private readonly perDay: Database.Statement<[ReportParams], core.DayCount>;
  private readonly byTag: Database.Statement<[ReportParams], core.TagCount>;
  private readonly tagsOf: Database.Statement<[string], string>;

  /** Prepares the queries on `db`. */
  constructor(db: Database.Database) {
    const queries = reportQueries(SQLITE_REPORTS);
    this.operators = db.prepare(queries.operatorsPerformance);
    this.liveChat = db.prepare(queries.liveChatPerformance);
    this.perDay = db.prepare(queries.requestsPerDay);
    this.byTag = db.prepare(queries.requestsByTag);
    this.tagsOf = db.prepare<[string], string>('SELECT data FROM live_chats WHERE id = ?').pluck();
  }

  /** The Operators' performance report of a live chat (formulas of core `operatorsPerformance`). */
  operatorsPerformance(query: core.OperatorsPerformanceQuery): core.OperatorsPerformanceReport {
    return operatorsReport(query, this.operators.all(reportParams(query)));
  }

  /** The Live chat performance report (formulas of core `liveChatPerformance`). */
  liveChatPerformance(query: core.LiveChatPerformanceQuery): core.LiveChatPerformanceReport {
    const params = reportParams(query);
    const figures = this.liveChat.get(params) as LiveChatFigures;
    const chat = this.tagsOf.get(query.liveChatId);
    const tagIds = chat
      ? ((JSON.parse(chat) as core.LiveChat).tags ?? []).map((tag) => tag.id)
      : [];
    return liveChatReport(query, figures, this.perDay.all(params), this.byTag.all(params), tagIds);
  }
}
