/** Locale-aware formatting with `Intl`, cached per locale. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** "2:05 PM" (en), "14:05" (ru): the locale's own hour style, without a padded hour. */
export function formatTime(at: number, locale: string): string {
  return cached(
    `t|${locale}`,
    () => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }),
  ).format(at);
}

/** "25 Nov 2026, 14:05" */
export function formatDateTime(at: number, locale: string): string {
  return cached(
    `dt|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(at);
}

/** "25 Nov 2026" */
export function formatDate(at: number, locale: string): string {
  return cached(
    `d|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
  ).format(at);
}

/** "5 minutes ago", "yesterday" — relative to `now`. */
export function formatRelative(at: number, now: number, locale: string): string {
  const rtf = cached(
    `r|${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }),
  );
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return formatDate(at, locale);
}

/** "1,234" */
export function formatNumber(
  value: number,
  locale: string,
  options?: Intl.NumberFormatOptions,
): string {
  const key = `n|${locale}|${JSON.stringify(options ?? {})}`;
  return cached(key, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** A duration in milliseconds as "1 h 5 min" / "45 s", or "—" for null. */
export function formatDuration(ms: number | null, locale: string): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    cached(
      `u|${locale}|${u}`,
      () => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' }),
    ).format(value);
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  if (m > 0)
    return s > 0 && m < 10 ? `${unit(m, 'minute')} ${unit(s, 'second')}` : unit(m, 'minute');
  return unit(s, 'second');
}
