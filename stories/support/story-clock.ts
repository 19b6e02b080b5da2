/**
 * The stories' clock. Story data is generated relative to {@link STORY_NOW}, and the preview
 * shifts the page's clock so that `Date.now()` and `new Date()` start at that instant when the
 * page loads and then run normally. Relative times ("5 min ago"), dates ("18 Mar 2026") and the
 * reports' default range therefore look the same on every run and every day, while timers,
 * debouncing and animations still see time pass (a frozen clock would stall rxjs's
 * `debounceTime`, which keeps waiting for the clock to move).
 */

/** Wednesday 18 March 2026, 14:30 UTC: the "now" of every story. */
export const STORY_NOW = Date.UTC(2026, 2, 18, 14, 30, 0);

const MINUTE = 60_000;
/** Handy durations for generating data. */
export const TIME = { MINUTE, HOUR: 60 * MINUTE, DAY: 24 * 60 * MINUTE } as const;

let installed = false;

/**
 * Shifts `Date.now()` and argument-less `new Date()` / `Date()` so the page's clock reads
 * {@link STORY_NOW} now and runs from there. Idempotent. `performance.now()` and timers are
 * untouched. Call once, before any component code runs (preview.ts does).
 */
export function installStoryClock(now: number = STORY_NOW): void {
  if (installed) return;
  installed = true;
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  const offset = now - realNow();
  const shiftedNow = () => realNow() + offset;

  function ShiftedDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new RealDate(shiftedNow()).toString();
    return args.length === 0
      ? new RealDate(shiftedNow())
      : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  ShiftedDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(ShiftedDate, RealDate);
  (ShiftedDate as unknown as { now: () => number }).now = shiftedNow;
  globalThis.Date = ShiftedDate as unknown as DateConstructor;
}
