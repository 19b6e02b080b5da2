/**
 * A virtual clock for seeded runs: time moves only when a test advances it, timers run in due
 * order (ties in the order they were set), and promise callbacks settle between two timers, so
 * the same seed replays exactly, however fast or loaded the machine is.
 */
import type { SchedulerLike } from 'rxjs';
import { ClockBase, flushMicrotasks } from './clock-base.js';

/** A timer set on a {@link VirtualClock}. */
interface Timer {
  due: number;
  /** Tie-breaker: timers due at the same time run in the order they were set. */
  order: number;
  run: () => void;
  state: 'pending' | 'cancelled' | 'done';
}

/**
 * Time that moves only when told. It drives RxJS (`clock.scheduler`), callbacks
 * (`clock.after`), and anything that takes `setTimeout`/`clearTimeout` (such as the memory
 * backend's customer simulator: pass the clock itself as its `scheduler`).
 *
 * A run over real sockets takes the same interface on real time instead
 * (`createRealTimeClock`): there `advance(ms)` waits while the timers fire by themselves.
 */
export interface VirtualClock {
  /** The current virtual time, in ms since the epoch. */
  now(): number;
  /**
   * An RxJS scheduler on this clock: `timer(ms, clock.scheduler)`, `debounceTime(ms,
   * clock.scheduler)` and `retry({ delay })` with such timers fire when the clock reaches them.
   */
  readonly scheduler: SchedulerLike;
  /** Runs `task` once, `ms` from now; returns the function that cancels it. */
  after(ms: number, task: () => void): () => void;
  /** `setTimeout` on the virtual clock; the handle goes to {@link VirtualClock.clearTimeout}. */
  setTimeout(task: () => void, ms: number): unknown;
  /** Cancels a task set with {@link VirtualClock.setTimeout} (unknown handles are ignored). */
  clearTimeout(handle: unknown): void;
  /**
   * Moves time forward by `ms`, running every timer due on the way in order and letting pending
   * promise callbacks settle before and after each one. Rejects if a timer's task throws, if
   * timers keep rescheduling themselves without time moving, or if another `advance` or
   * `runUntilIdle` is still running.
   */
  advance(ms: number): Promise<void>;
  /**
   * Runs timers until none is left or the next one lies more than `maxMs` ahead (default one
   * hour); resolves `true` when no timer is left.
   */
  runUntilIdle(maxMs?: number): Promise<boolean>;
  /** Lets every pending promise callback run, without moving time. */
  flush(): Promise<void>;
  /** Number of timers waiting to run. */
  readonly pending: number;
}

/** A binary min-heap of timers by (due, order). */
class TimerQueue {
  private readonly heap: Timer[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Timer, heap[parent] as Timer)) break;
      [heap[i], heap[parent]] = [heap[parent] as Timer, heap[i] as Timer];
      i = parent;
    }
  }

  pop(): Timer | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left] as Timer, heap[smallest] as Timer))
          smallest = left;
        if (right < heap.length && before(heap[right] as Timer, heap[smallest] as Timer))
          smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest] as Timer, heap[i] as Timer];
        i = smallest;
      }
    }
    return top;
  }
}

const before = (a: Timer, b: Timer): boolean =>
  a.due < b.due || (a.due === b.due && a.order < b.order);

/** Timers run at one virtual instant before the clock gives up (something reschedules itself at 0 ms forever). */
const MAX_TIMERS_PER_INSTANT = 100_000;

class Clock extends ClockBase<Timer> implements VirtualClock {
  private time: number;
  private readonly queue = new TimerQueue();
  private nextOrder = 0;
  private live = 0;
  private running = false;

  constructor(startMs: number) {
    super();
    this.time = startMs;
  }

  now(): number {
    return this.time;
  }

  get pending(): number {
    return this.live;
  }

  /** @internal Adds a timer. */
  set(ms: number, run: () => void): Timer {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer: Timer = { due: this.time + delay, order: this.nextOrder++, run, state: 'pending' };
    this.live++;
    this.queue.push(timer);
    return timer;
  }

  /** @internal Cancels a timer that has not run yet. */
  cancel(timer: Timer): void {
    if (timer.state !== 'pending') return;
    timer.state = 'cancelled';
    this.live--;
  }

  protected owns(handle: unknown): handle is Timer {
    return typeof handle === 'object' && handle !== null && 'state' in handle && 'due' in handle;
  }

  /** The next timer that will run, dropping cancelled ones. */
  private next(): Timer | undefined {
    for (;;) {
      const timer = this.queue.peek();
      if (!timer || timer.state === 'pending') return timer;
      this.queue.pop();
    }
  }

  /** Runs timers due by `until`, one at a time, letting promise callbacks settle in between. */
  private async runTo(until: number): Promise<void> {
    if (this.running) throw new Error('The virtual clock is already advancing: await it first.');
    this.running = true;
    try {
      await flushMicrotasks();
      let atThisInstant = 0;
      for (;;) {
        const timer = this.next();
        if (!timer || timer.due > until) break;
        this.queue.pop();
        if (timer.due > this.time) {
          this.time = timer.due;
          atThisInstant = 0;
        }
        if (++atThisInstant > MAX_TIMERS_PER_INSTANT) {
          throw new Error(
            `The virtual clock ran ${MAX_TIMERS_PER_INSTANT} timers at ${this.time} without time ` +
              'moving: something reschedules itself at once, forever.',
          );
        }
        timer.state = 'done';
        this.live--;
        timer.run();
        await flushMicrotasks();
      }
    } finally {
      this.running = false;
    }
  }

  async advance(ms: number): Promise<void> {
    const until = this.time + Math.max(0, ms);
    await this.runTo(until);
    this.time = until;
    await flushMicrotasks();
  }

  async runUntilIdle(maxMs = 3_600_000): Promise<boolean> {
    await this.runTo(this.time + Math.max(0, maxMs));
    return this.next() === undefined;
  }
}

/**
 * Creates a {@link VirtualClock} starting at `startMs` (default 0). Everything that should
 * replay exactly must take its time from it: the client (`scheduler`, `now`), the backend
 * (`now`) and the simulator (`scheduler`).
 */
export function createVirtualClock(startMs = 0): VirtualClock {
  return new Clock(startMs);
}
