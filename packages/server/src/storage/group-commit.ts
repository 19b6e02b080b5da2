/**
 * Group commit for request handlers on the SQLite backend: writes that arrive in the same turn
 * of the event loop (e.g. many webhook requests under load) are run together in one
 * transaction, so they share one commit instead of paying one each. Each write still succeeds
 * or fails on its own (a savepoint each), and its promise settles only after the commit, so a
 * request is never acknowledged before what it wrote is stored.
 */
import type { SqliteBackend } from './backend.js';

interface Job {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most writes in one group; more wait for the next turn. */
export const MAX_GROUP = 256;

/** Queues writes and runs each turn's queue in one transaction (see the module comment). */
export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;

  constructor(
    private readonly backend: Pick<SqliteBackend, 'writeTogether'>,
    private readonly maxGroup = MAX_GROUP,
  ) {}

  /** Runs `write` with the other writes of this turn; settles after their commit. */
  write<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const jobs = this.queue.splice(0, this.maxGroup);
    if (this.queue.length > 0) this.schedule();
    if (jobs.length === 0) return;
    let outcomes;
    try {
      outcomes = this.backend.writeTogether(jobs.map((job) => job.write));
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const job = jobs[i] as Job;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
