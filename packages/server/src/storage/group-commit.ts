/**
 * Group commit for request handlers on the SQLite backend: writes that arrive in the same turn
 * of the event loop (e.g. many webhook requests under load) are run together in one
 * transaction, so they share one commit instead of paying one each. Each write still succeeds
 * or fails on its own, and its promise settles only after the commit, so a request is never
 * acknowledged before what it wrote is stored.
 *
 * Much of a small write's cost is the pages its commit writes (the event log's index, the
 * session, the message tables) and the socket writes of its delivery, and the writes of one
 * group share them. So under concurrent load (the previous group had more than one write) a
 * group starts no sooner than `minIntervalMs` after the previous one, and gathers what arrives
 * meanwhile; the busier the server, the longer it gathers: no sooner than
 * {@link BUSY_WAIT_FACTOR} times as long as the previous group took to write and deliver, up to
 * `maxIntervalMs`. A write after a group of one (a quiet moment, or a sender waiting for each
 * answer) runs in the next turn.
 */
import type { SqliteBackend } from './backend.js';

interface Job {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most writes in one group; more wait for the next turn. */
export const MAX_GROUP = 256;

/** Default shortest time between the starts of two groups, in ms (see the module comment). */
export const MIN_GROUP_INTERVAL_MS = 5;

/** Default longest time a busy server waits between the starts of two groups, in ms. */
export const MAX_GROUP_INTERVAL_MS = 10;

/**
 * Under load, a group starts no sooner than this many times as long as the previous one took
 * after the previous one started: the thread that writes is then busy with groups at most about
 * a third of the time it waits for them, and the rest of the time serves the sockets.
 */
export const BUSY_WAIT_FACTOR = 3;

/** Queues writes and runs each turn's queue in one transaction (see the module comment). */
export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  /** When the last group started (`performance.now()`), how many writes it had, how long it took. */
  private lastStart = Number.NEGATIVE_INFINITY;
  private lastSize = 0;
  private lastDuration = 0;

  constructor(
    private readonly backend: Pick<SqliteBackend, 'writeTogether'>,
    private readonly maxGroup = MAX_GROUP,
    private readonly minIntervalMs = MIN_GROUP_INTERVAL_MS,
    private readonly maxIntervalMs = Math.max(minIntervalMs, MAX_GROUP_INTERVAL_MS),
  ) {}

  /** Runs `write` with the other writes of its group; settles after their commit. */
  write<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.flush();
    };
    const interval = Math.min(
      this.maxIntervalMs,
      Math.max(this.minIntervalMs, BUSY_WAIT_FACTOR * this.lastDuration),
    );
    const wait = this.lastSize > 1 ? this.lastStart + interval - performance.now() : 0;
    if (wait >= 1 && this.queue.length < this.maxGroup) setTimeout(run, wait);
    else setImmediate(run);
  }

  private flush(): void {
    this.lastStart = performance.now();
    const jobs = this.queue.splice(0, this.maxGroup);
    this.lastSize = jobs.length;
    if (this.queue.length > 0) this.schedule();
    if (jobs.length === 0) return;
    let outcomes;
    try {
      outcomes = this.backend.writeTogether(jobs.map((job) => job.write));
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    } finally {
      this.lastDuration = performance.now() - this.lastStart;
    }
    outcomes.forEach((outcome, i) => {
      const job = jobs[i] as Job;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
