/**
 * Calendar days as the date inputs hold them (`YYYY-MM-DD`, local time) and as reports return
 * them (`DayCount.day`, cut at the query's UTC offset), and their conversion to time ranges.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Longest period a report may cover, in days: the core rule, re-exported for the form. */
export { MAX_REPORT_DAYS } from '@live-chat/core';

/** Local midnight of a `YYYY-MM-DD` day, or `undefined` when it is not a valid day. */
export function startOfDay(day: string): number | undefined {
  const match = DAY_PATTERN.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d)
    return undefined;
  return date.getTime();
}

/** The `YYYY-MM-DD` of a time in local time. */
export function dayString(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day `count` days after (or before, when negative) `day`. */
export function addDays(day: string, count: number): string {
  const start = startOfDay(day);
  if (start === undefined) return day;
  const date = new Date(start);
  date.setDate(date.getDate() + count);
  return dayString(date.getTime());
}

/** Number of days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  const a = startOfDay(from);
  const b = startOfDay(to);
  if (a === undefined || b === undefined) return 0;
  // Round: a daylight-saving change makes a local day 23 or 25 hours long.
  return Math.round((b - a) / 86_400_000) + 1;
}

/** The half-open time range `[from's midnight, midnight after to)` of two local days. */
export function rangeOfDays(from: string, to: string): { from: number; to: number } | undefined {
  const start = startOfDay(from);
  const end = startOfDay(addDays(to, 1));
  return start === undefined || end === undefined ? undefined : { from: start, to: end };
}

/** Minutes east of UTC at a time, as `LiveChatPerformanceQuery.utcOffsetMinutes` wants it. */
export function utcOffsetAt(at: number): number {
  return -new Date(at).getTimezoneOffset();
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A report day (`YYYY-MM-DD`) with `Intl`: "25 Nov" for axis labels (`short`) or
 * "Wed, 25 Nov 2026" (`long`). The day is read as a calendar date, never shifted by a time zone.
 */
export function formatDay(day: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const match = DAY_PATTERN.exec(day);
  if (!match) return day;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const key = `${locale}|${style}`;
  let format = dayFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'short'
        ? { day: 'numeric', month: 'short', timeZone: 'UTC' }
        : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      format = new Intl.DateTimeFormat('en', options);
    }
    dayFormats.set(key, format);
  }
  return format.format(Date.UTC(y, m - 1, d));
}
