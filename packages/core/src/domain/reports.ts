import type { Id, MessageAuthor, Session, Timestamp } from './types.js';

/**
 * One episode of a session: from the moment it entered the queue (a customer wrote with no open
 * session, or wrote again after a close) or was started outbound, to its close. Backends keep
 * one record per episode; reports are computed from these records and the message log only.
 */
export interface SessionEpisode {
  sessionId: Id;
  liveChatId: Id;
  origin: 'customer' | 'outbound';
  startedAt: Timestamp;
  /** First time an operator got the session in this episode (take, reply, reassignment to them, outbound start). */
  takenAt?: Timestamp;
  takenBy?: Id;
  /** First operator message of the episode. */
  firstResponseAt?: Timestamp;
  firstResponderId?: Id;
  closedAt?: Timestamp;
  closedBy?: Id;
}

/** A message as reports see it. */
export interface MessageRecord {
  liveChatId: Id;
  author: MessageAuthor;
  at: Timestamp;
}

/** What reports are computed from. */
export interface ReportRecords {
  episodes: Iterable<SessionEpisode>;
  messages: Iterable<MessageRecord>;
  /** Current sessions, for "open now". */
  sessions: Iterable<Session>;
}

/** A half-open time range `[from, to)`. */
export interface DateRange {
  from: Timestamp;
  to: Timestamp;
}

/** Asks for the Operators' performance report of one live chat over a date range (see {@link operatorsPerformance}). */
export interface OperatorsPerformanceQuery {
  kind: 'operators-performance';
  liveChatId: Id;
  range: DateRange;
}

/** Asks for the Live chat performance report of one live chat over a date range (see {@link liveChatPerformance}). */
export interface LiveChatPerformanceQuery {
  kind: 'live-chat-performance';
  liveChatId: Id;
  range: DateRange;
  /** Minutes east of UTC used to cut days for `requestsPerDay` (default 0: UTC days). */
  utcOffsetMinutes?: number;
}

/** Any report request; `kind` selects the report, {@link Report} gives its answer's type. */
export type ReportQuery = OperatorsPerformanceQuery | LiveChatPerformanceQuery;

/** One operator's row of the Operators' performance report. Times are milliseconds; `null` when there is nothing to average. */
export interface OperatorPerformanceRow {
  operatorId: Id;
  sessionsTaken: number;
  sessionsClosed: number;
  messagesSent: number;
  averageFirstResponseMs: number | null;
  averageResolutionMs: number | null;
  openNow: number;
}

/** The row of an operator with nothing in the period: every count 0, no averages. */
export function emptyOperatorRow(operatorId: Id): OperatorPerformanceRow {
  return {
    operatorId,
    sessionsTaken: 0,
    sessionsClosed: 0,
    messagesSent: 0,
    averageFirstResponseMs: null,
    averageResolutionMs: null,
    openNow: 0,
  };
}

/** The Operators' performance report: one row per operator (formulas at {@link operatorsPerformance}). */
export interface OperatorsPerformanceReport {
  kind: 'operators-performance';
  liveChatId: Id;
  range: DateRange;
  rows: OperatorPerformanceRow[];
}

/** A count for one calendar day, e.g. requests per day. */
export interface DayCount {
  /** The day as `YYYY-MM-DD` in the query's offset. */
  day: string;
  count: number;
}

/** The Live chat performance report (formulas at {@link liveChatPerformance}). Times are milliseconds; `null` when there is nothing to average. */
export interface LiveChatPerformanceReport {
  kind: 'live-chat-performance';
  liveChatId: Id;
  range: DateRange;
  requestsPerDay: DayCount[];
  requests: number;
  closed: number;
  averageWaitInQueueMs: number | null;
  averageFirstResponseMs: number | null;
  averageResolutionMs: number | null;
  messagesIn: number;
  messagesOut: number;
  neverAnswered: number;
  /** Requests per tag of the live chat, in the live chat's order of its tags (see the formulas). */
  requestsByTag: TagCount[];
}

/** How many requests carry one tag. */
export interface TagCount {
  tagId: Id;
  requests: number;
}

/** The report type that answers a query. */
export type Report<Q extends ReportQuery = ReportQuery> = Q extends OperatorsPerformanceQuery
  ? OperatorsPerformanceReport
  : Q extends LiveChatPerformanceQuery
    ? LiveChatPerformanceReport
    : never;

const inRange = (at: Timestamp | undefined, range: DateRange): at is Timestamp =>
  at !== undefined && at >= range.from && at < range.to;

const average = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Operators' performance for the operators of one live chat over `[from, to)`. For each operator:
 *
 * - `sessionsTaken` = episodes of the live chat whose `takenBy` is the operator and `takenAt` is in range;
 * - `sessionsClosed` = episodes whose `closedBy` is the operator and `closedAt` is in range;
 * - `messagesSent` = the operator's messages in the live chat with time in range (private staff
 *   notes are not messages and are not counted);
 * - `averageFirstResponseMs` = mean of `firstResponseAt − startedAt` over episodes whose
 *   `firstResponderId` is the operator and `firstResponseAt` is in range;
 * - `averageResolutionMs` = mean of `closedAt − startedAt` over episodes the operator closed in range;
 * - `openNow` = sessions of the live chat active and assigned to the operator now (not range-bound).
 *
 * Rows cover `operatorIds` (the live chat's operators) plus anyone else who appears in the
 * records, sorted by operator id.
 */
export function operatorsPerformance(
  records: ReportRecords,
  query: OperatorsPerformanceQuery,
  operatorIds: Iterable<Id> = [],
): OperatorsPerformanceReport {
  const { liveChatId, range } = query;
  const rows = new Map<
    Id,
    OperatorPerformanceRow & { firstResponses: number[]; resolutions: number[] }
  >();
  const row = (operatorId: Id) => {
    let r = rows.get(operatorId);
    if (!r) {
      r = { ...emptyOperatorRow(operatorId), firstResponses: [], resolutions: [] };
      rows.set(operatorId, r);
    }
    return r;
  };
  for (const id of operatorIds) row(id);
  for (const e of records.episodes) {
    if (e.liveChatId !== liveChatId) continue;
    if (e.takenBy !== undefined && inRange(e.takenAt, range)) row(e.takenBy).sessionsTaken++;
    if (e.closedBy !== undefined && inRange(e.closedAt, range)) {
      const r = row(e.closedBy);
      r.sessionsClosed++;
      r.resolutions.push(e.closedAt - e.startedAt);
    }
    if (e.firstResponderId !== undefined && inRange(e.firstResponseAt, range)) {
      row(e.firstResponderId).firstResponses.push(e.firstResponseAt - e.startedAt);
    }
  }
  for (const m of records.messages) {
    if (m.liveChatId === liveChatId && m.author.kind === 'operator' && inRange(m.at, range)) {
      row(m.author.userId).messagesSent++;
    }
  }
  for (const s of records.sessions) {
    if (s.liveChatId === liveChatId && s.status === 'active' && s.assignee?.kind === 'operator') {
      row(s.assignee.operatorId).openNow++;
    }
  }
  const out = [...rows.values()]
    .sort((a, b) => (a.operatorId < b.operatorId ? -1 : a.operatorId > b.operatorId ? 1 : 0))
    .map(({ firstResponses, resolutions, ...r }) => ({
      ...r,
      averageFirstResponseMs: average(firstResponses),
      averageResolutionMs: average(resolutions),
    }));
  return { kind: 'operators-performance', liveChatId, range, rows: out };
}

/** `YYYY-MM-DD` of a time, shifted by `offsetMinutes`. */
export function dayOf(at: Timestamp, offsetMinutes = 0): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Longest period one report may cover, in days (the per-day series has one entry a day). */
export const MAX_REPORT_DAYS = 366;

/** Whether a report range is usable: it ends after it starts, within {@link MAX_REPORT_DAYS}. */
export function isReportRangeValid(range: { from: number; to: number }): boolean {
  return range.to > range.from && range.to - range.from <= MAX_REPORT_DAYS * 86_400_000;
}

/**
 * Live chat performance over `[from, to)`:
 *
 * - `requests` = episodes of the live chat with `origin = 'customer'` and `startedAt` in range;
 *   `requestsPerDay` splits them by day (every day of the range listed, zeros included);
 * - `closed` = episodes with `closedAt` in range;
 * - `averageWaitInQueueMs` = mean of `takenAt − startedAt` over requests that were taken;
 * - `averageFirstResponseMs` = mean of `firstResponseAt − startedAt` over requests answered;
 * - `averageResolutionMs` = mean of `closedAt − startedAt` over episodes closed in range;
 * - `messagesIn` / `messagesOut` = customer / operator messages of the live chat in range (private
 *   staff notes not counted);
 * - `neverAnswered` = requests with no operator message (yet);
 * - `requestsByTag` = for each tag the live chat offers, in its order, the requests whose
 *   session carries the tag now.
 */
export function liveChatPerformance(
  records: ReportRecords,
  query: LiveChatPerformanceQuery,
  tagIds: readonly Id[] = [],
): LiveChatPerformanceReport {
  const tagsOf = new Map<Id, readonly Id[]>();
  for (const session of records.sessions) if (session.tags) tagsOf.set(session.id, session.tags);
  const byTag = new Map<Id, number>(tagIds.map((id) => [id, 0]));
  const { liveChatId, range } = query;
  const offset = query.utcOffsetMinutes ?? 0;
  const perDay = new Map<string, number>();
  const dayMs = 86_400_000;
  if (isReportRangeValid(range)) {
    for (let t = range.from; t < range.to; t += dayMs) perDay.set(dayOf(t, offset), 0);
    perDay.set(dayOf(range.to - 1, offset), perDay.get(dayOf(range.to - 1, offset)) ?? 0);
  }
  let requests = 0;
  let closed = 0;
  let neverAnswered = 0;
  const waits: number[] = [];
  const firstResponses: number[] = [];
  const resolutions: number[] = [];
  for (const e of records.episodes) {
    if (e.liveChatId !== liveChatId) continue;
    if (inRange(e.closedAt, range)) {
      closed++;
      resolutions.push(e.closedAt - e.startedAt);
    }
    if (e.origin !== 'customer' || !inRange(e.startedAt, range)) continue;
    requests++;
    for (const tagId of tagsOf.get(e.sessionId) ?? []) {
      const count = byTag.get(tagId);
      if (count !== undefined) byTag.set(tagId, count + 1);
    }
    const day = dayOf(e.startedAt, offset);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    if (e.takenAt !== undefined) waits.push(e.takenAt - e.startedAt);
    if (e.firstResponseAt !== undefined) firstResponses.push(e.firstResponseAt - e.startedAt);
    else neverAnswered++;
  }
  let messagesIn = 0;
  let messagesOut = 0;
  for (const m of records.messages) {
    if (m.liveChatId !== liveChatId || !inRange(m.at, range)) continue;
    if (m.author.kind === 'customer') messagesIn++;
    else if (m.author.kind === 'operator') messagesOut++;
  }
  const requestsPerDay = [...perDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, count]) => ({ day, count }));
  return {
    kind: 'live-chat-performance',
    liveChatId,
    range,
    requestsPerDay,
    requests,
    closed,
    averageWaitInQueueMs: average(waits),
    averageFirstResponseMs: average(firstResponses),
    averageResolutionMs: average(resolutions),
    messagesIn,
    messagesOut,
    neverAnswered,
    requestsByTag: [...byTag].map(([tagId, count]) => ({ tagId, requests: count })),
  };
}
