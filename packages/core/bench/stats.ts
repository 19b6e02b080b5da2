/** How the benchmark summarises runs: the median says what is typical, the range how noisy. */

/** Median, min and max of a non-empty list. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** A number with thousands separators. */
export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** "median (min–max)", each figure formatted by `format`. */
export const showSpread = (s: Spread, format: (n: number) => string = fmt): string =>
  `${format(s.median)} (${format(s.min)}–${format(s.max)})`;

/** "met" or "NOT met". */
export const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
