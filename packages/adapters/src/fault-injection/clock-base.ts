/**
 * What both clocks of a run share (the virtual one and the real-time one): an RxJS scheduler,
 * `after`, `setTimeout`/`clearTimeout` and `flush`, all on the clock's own timers.
 */
import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';

/** What a clock offers its scheduler: its time, and one-shot timers it can cancel. */
export interface TimerHost<T> {
  now(): number;
  /** Runs `run` once, `ms` from now (in the clock's time). */
  set(ms: number, run: () => void): T;
  /** Cancels a timer that has not run yet. */
  cancel(timer: T): void;
}

/**
 * An RxJS action on a clock. Like RxJS's own async actions it runs its work once, unless the
 * work reschedules it (`this.schedule(state, delay)`), which is how `timer`, `debounceTime` and
 * friends repeat and postpone.
 */
class ClockAction<S, T> extends Subscription implements SchedulerAction<S> {
  private timer: T | undefined;
  private state: S | undefined;

  constructor(
    private readonly host: TimerHost<T>,
    private readonly work: (this: SchedulerAction<S>, state?: S) => void,
  ) {
    super();
    this.add(() => this.cancel());
  }

  schedule(state?: S, delay = 0): Subscription {
    if (this.closed) return this;
    this.state = state;
    this.cancel();
    this.timer = this.host.set(Math.max(0, delay), () => {
      this.timer = undefined;
      if (this.closed) return;
      try {
        this.work.call(this, this.state);
      } catch (error) {
        this.unsubscribe();
        throw error;
      }
    });
    return this;
  }

  private cancel(): void {
    if (this.timer !== undefined) this.host.cancel(this.timer);
    this.timer = undefined;
  }
}

/** An RxJS scheduler whose time and timers are `host`'s. */
export function schedulerOn<T>(host: TimerHost<T>): SchedulerLike {
  const schedule = <S>(
    work: (this: SchedulerAction<S>, state?: S) => void,
    delay = 0,
    state?: S,
  ): Subscription => new ClockAction<S, T>(host, work).schedule(state, delay);
  return { now: () => host.now(), schedule } as SchedulerLike;
}

/**
 * Lets every queued promise callback (and `queueMicrotask` task) run: resolves in the next
 * macrotask, which starts only once the microtask queue is empty (`setImmediate` in Node, a
 * `MessageChannel` message in browsers).
 */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') {
      setImmediate(resolve);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * A clock built on its own one-shot timers: a subclass says what time it is and how it sets and
 * cancels a timer; the rest is here.
 */
export abstract class ClockBase<T> implements TimerHost<T> {
  /** An RxJS scheduler on this clock. */
  readonly scheduler: SchedulerLike = schedulerOn(this);

  abstract now(): number;
  abstract set(ms: number, run: () => void): T;
  abstract cancel(timer: T): void;
  /** Whether `handle` is a timer of this clock. */
  protected abstract owns(handle: unknown): handle is T;

  after(ms: number, task: () => void): () => void {
    const timer = this.set(ms, task);
    return () => this.cancel(timer);
  }

  setTimeout(task: () => void, ms: number): unknown {
    return this.set(ms, task);
  }

  clearTimeout(handle: unknown): void {
    if (this.owns(handle)) this.cancel(handle);
  }

  flush(): Promise<void> {
    return flushMicrotasks();
  }
}
