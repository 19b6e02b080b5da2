/**
 * The clock of a run over real sockets and servers: the {@link VirtualClock} interface on real
 * time. Timers are real timers, `advance(ms)` waits, and a `scale` makes the run's time go
 * faster than the wall clock, so a run of minutes of simulated work takes seconds.
 */
import { ClockBase, flushMicrotasks } from './clock-base.js';
import type { VirtualClock } from './clock.js';

/** Options of {@link createRealTimeClock}. */
export interface RealTimeClockOptions {
  /** The clock's time when it is created, in ms since the epoch (default `Date.now()`). */
  startMs?: number;
  /**
   * How many of the clock's ms pass per real ms (default 1). At 10, `after(1_000, …)` fires
   * after 100 real ms and `advance(10_000)` waits one real second. Whatever talks to the run
   * on real time of its own (sockets, heartbeats, servers) is not scaled.
   */
  scale?: number;
}

/** A timer of the real-time clock. */
interface RealTimer {
  handle: ReturnType<typeof setTimeout> | undefined;
}

/** Waits `ms` real ms. */
const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

class RealTimeClock extends ClockBase<RealTimer> implements VirtualClock {
  private readonly origin = performance.now();
  private readonly timers = new Set<RealTimer>();
  /** The first error a timer's task threw, for the next `advance` to reject with. */
  private failure: { error: unknown } | undefined;
  private waiting = false;
  /** The latest due time of a timer that ran. */
  private reached = 0;

  constructor(
    private readonly startMs: number,
    private readonly scale: number,
  ) {
    super();
  }

  /**
   * The wall clock's time at the scale; never before the due time of a timer that ran (a real
   * timer may fire a fraction of a ms early).
   */
  now(): number {
    const time = Math.floor(this.startMs + (performance.now() - this.origin) * this.scale);
    return Math.max(time, this.reached);
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Real ms for `ms` of the clock's time. */
  private real(ms: number): number {
    return Number.isFinite(ms) && ms > 0 ? ms / this.scale : 0;
  }

  set(ms: number, run: () => void): RealTimer {
    const timer: RealTimer = { handle: undefined };
    const wait = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms) : 0;
    const due = this.now() + wait;
    timer.handle = setTimeout(() => {
      this.timers.delete(timer);
      this.reached = Math.max(this.reached, due);
      try {
        run();
      } catch (error) {
        this.failure ??= { error };
      }
    }, wait / this.scale);
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: RealTimer): void {
    if (this.timers.delete(timer)) clearTimeout(timer.handle);
  }

  protected owns(handle: unknown): handle is RealTimer {
    return this.timers.has(handle as RealTimer);
  }

  /** Waits until `done()` holds or `ms` of the clock's time passed; rejects with a task's error. */
  private async wait(ms: number, done: () => boolean): Promise<void> {
    if (this.waiting) throw new Error('The clock is already advancing: await it first.');
    this.waiting = true;
    try {
      const until = performance.now() + this.real(ms);
      while (!done() && performance.now() < until)
        await sleep(Math.min(until - performance.now(), 5));
      await flushMicrotasks();
      const failure = this.failure;
      this.failure = undefined;
      if (failure) throw failure.error;
    } finally {
      this.waiting = false;
    }
  }

  advance(ms: number): Promise<void> {
    return this.wait(ms, () => false);
  }

  async runUntilIdle(maxMs = 3_600_000): Promise<boolean> {
    await this.wait(maxMs, () => this.timers.size === 0);
    return this.timers.size === 0;
  }
}

/**
 * Creates a clock on real time that fits wherever a {@link VirtualClock} goes (a chaos run's
 * `clock` option, a client's `scheduler`, the customer simulator's `scheduler`). Runs on it do
 * not replay exactly: real sockets and servers take the time they take.
 */
export function createRealTimeClock(options: RealTimeClockOptions = {}): VirtualClock {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new RangeError(`The clock's scale must be positive, got ${scale}.`);
  return new RealTimeClock(options.startMs ?? Date.now(), scale);
}
