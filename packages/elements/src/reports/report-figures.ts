import type {
  LiveChatPerformanceReport,
  OperatorPerformanceRow,
  OperatorsPerformanceReport,
} from '@live-chat/core';
import { formatDuration, formatNumber } from '../shared/format.js';

/**
 * The figures the two reports show, as data: which field of the report holds each one, and how
 * it is written. The components render them in this order.
 */

/** The keys of `T` whose values are numbers (counts, or durations that may be `null`). */
type NumericField<T> = { [F in keyof T]-?: T[F] extends number | null ? F : never }[keyof T];

/** One figure of a report. */
export interface ReportFigure<K extends string, T> {
  /** Names the figure's texts: its label and its "How is this computed?" formula. */
  key: K;
  /** The field holding its value. */
  field: NumericField<T>;
  /** A time in milliseconds, written as a duration ("—" when there was nothing to average). */
  duration?: true;
}

/** The Operators' performance columns: each names its `live-chat-reports.operators.*` text. */
export type OperatorColumnKey =
  | 'sessionsTaken'
  | 'sessionsClosed'
  | 'messagesSent'
  | 'averageFirstResponse'
  | 'averageResolution'
  | 'openNow';

/** The Live chat performance figures: each names its `live-chat-reports.figure.*` text. */
export type LiveChatFigureKey =
  | 'requests'
  | 'closed'
  | 'averageWaitInQueue'
  | 'averageFirstResponse'
  | 'averageResolution'
  | 'messagesIn'
  | 'messagesOut'
  | 'neverAnswered';

/** Columns of the Operators' performance table after the operator's name. */
export const OPERATOR_COLUMNS: ReadonlyArray<
  ReportFigure<OperatorColumnKey, OperatorPerformanceRow>
> = [
  { key: 'sessionsTaken', field: 'sessionsTaken' },
  { key: 'sessionsClosed', field: 'sessionsClosed' },
  { key: 'messagesSent', field: 'messagesSent' },
  { key: 'averageFirstResponse', field: 'averageFirstResponseMs', duration: true },
  { key: 'averageResolution', field: 'averageResolutionMs', duration: true },
  { key: 'openNow', field: 'openNow' },
];

/** Figures of the Live chat performance report shown beside the chart. */
export const LIVE_CHAT_FIGURES: ReadonlyArray<
  ReportFigure<LiveChatFigureKey, LiveChatPerformanceReport>
> = [
  { key: 'requests', field: 'requests' },
  { key: 'closed', field: 'closed' },
  { key: 'averageWaitInQueue', field: 'averageWaitInQueueMs', duration: true },
  { key: 'averageFirstResponse', field: 'averageFirstResponseMs', duration: true },
  { key: 'averageResolution', field: 'averageResolutionMs', duration: true },
  { key: 'messagesIn', field: 'messagesIn' },
  { key: 'messagesOut', field: 'messagesOut' },
  { key: 'neverAnswered', field: 'neverAnswered' },
];

/** A figure's value in `source` (a report, or a row of one), written for `locale`. */
export function figureText<T>(figure: ReportFigure<string, T>, source: T, locale: string): string {
  const value = source[figure.field] as number | null;
  return figure.duration ? formatDuration(value, locale) : formatNumber(value ?? 0, locale);
}

/** Whether an Operators' performance report has nothing to show: every figure zero or none. */
export function isEmptyOperatorsReport(report: OperatorsPerformanceReport): boolean {
  return report.rows.every((row) =>
    OPERATOR_COLUMNS.every((column) => row[column.field] === (column.duration ? null : 0)),
  );
}

/** Whether a Live chat performance report has nothing to show: no request, close or message. */
export function isEmptyLiveChatReport(report: LiveChatPerformanceReport): boolean {
  return (
    report.requests === 0 &&
    report.closed === 0 &&
    report.messagesIn === 0 &&
    report.messagesOut === 0
  );
}
