import type { ReportQuery } from '@live-chat/core';
import type { ReportKind } from '../events/report-changed.js';
import type { MessageKey, MessageParams } from '../i18n/catalogue.js';
import {
  MAX_REPORT_DAYS,
  daysBetween,
  rangeOfDays,
  startOfDay,
  utcOffsetAt,
} from './report-dates.js';

/** Why a period cannot be reported on: the text to show, with its parameters. */
export interface RangeProblem {
  key: MessageKey;
  params?: MessageParams;
}

/** Why the period `from`–`to` (local `YYYY-MM-DD` days) cannot be reported on, if it cannot. */
export function rangeProblem(from: string, to: string): RangeProblem | undefined {
  if (startOfDay(from) === undefined || startOfDay(to) === undefined)
    return { key: 'live-chat-reports.range.missing' };
  const days = daysBetween(from, to);
  if (days < 1) return { key: 'live-chat-reports.range.invalid' };
  if (days > MAX_REPORT_DAYS)
    return { key: 'live-chat-reports.range.too-long', params: { count: MAX_REPORT_DAYS } };
  return undefined;
}

/**
 * The query for a report on one live chat over the local days `from`–`to`, both included, or
 * `undefined` when the period is not valid. Live chat performance counts requests per local
 * day, so it carries the UTC offset at the period's start.
 */
export function reportQuery(
  kind: ReportKind,
  liveChatId: string,
  from: string,
  to: string,
): ReportQuery | undefined {
  if (rangeProblem(from, to)) return undefined;
  const range = rangeOfDays(from, to);
  if (!range) return undefined;
  return kind === 'operators-performance'
    ? { kind, liveChatId, range }
    : { kind, liveChatId, range, utcOffsetMinutes: utcOffsetAt(range.from) };
}
