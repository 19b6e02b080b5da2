/**
 * The SQL reports of a PostgreSQL store: the queries of `storage/reports.ts` (the formulas
 * of core `operatorsPerformance` and `liveChatPerformance`, as the SQLite store's `SqlReports`
 * runs them) spelled for PostgreSQL.
 */
import type pg from 'pg';
import type * as core from '@live-chat/core';
import {
  liveChatReport,
  operatorsReport,
  POSTGRES_REPORTS,
  reportParams,
  reportQueries,
  type LiveChatFigures,
} from '../storage/reports.js';

const QUERIES = reportQueries(POSTGRES_REPORTS);

/** The SQL reports of one PostgreSQL database (see the module comment). */
export class PostgresReports {
  /** Reports over the database of `db`. */
  constructor(private readonly db: pg.Pool | pg.ClientBase) {}

  /** The Operators' performance report of a live chat (formulas of core `operatorsPerformance`). */
  async operatorsPerformance(
    query: core.OperatorsPerformanceQuery,
  ): Promise<core.OperatorsPerformanceReport> {
    const { liveChatId, from, to } = reportParams(query);
    const { rows } = await this.db.query<core.OperatorPerformanceRow>(
      QUERIES.operatorsPerformance,
      [liveChatId, from, to],
    );
    return operatorsReport(query, rows);
  }

  /** The Live chat performance report (formulas of core `liveChatPerformance`). */
  async liveChatPerformance(
    query: core.LiveChatPerformanceQuery,
  ): Promise<core.LiveChatPerformanceReport> {
    const { liveChatId, from, to, offsetMs } = reportParams(query);
    const range = [liveChatId, from, to];
    const figures = await this.db.query<LiveChatFigures>(QUERIES.liveChatPerformance, range);
    const days = await this.db.query<core.DayCount>(QUERIES.requestsPerDay, [...range, offsetMs]);
    const tags = await this.db.query<core.TagCount>(QUERIES.requestsByTag, range);
    const chat = await this.db.query<{ data: core.LiveChat }>(
      'SELECT data FROM live_chats WHERE id = $1',
      [liveChatId],
    );
    const tagIds = (chat.rows[0]?.data.tags ?? []).map((tag) => tag.id);
    return liveChatReport(query, figures.rows[0]!, days.rows, tags.rows, tagIds);
  }
}
