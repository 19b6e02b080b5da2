/**
 * Work a run starts without waiting for it (a customer's write, a server restart), and waits for
 * before it goes on: each piece's failure is told, not thrown.
 */
import type { Awaitable } from './truth.js';

/** Pieces of work under way (see the module comment). */
export class WorkUnderWay {
  private readonly running = new Set<Promise<void>>();

  constructor(
    /** Told when a piece of work fails; `what` names it. */
    private readonly onError: (what: string, error: unknown) => void,
  ) {}

  /** Starts `work` in a microtask (so it never throws here). */
  run(what: string, work: () => Awaitable<unknown>): void {
    const done: Promise<void> = Promise.resolve()
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => this.onError(what, error),
      )
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  /** Resolves once no work is under way (including work started by work under way). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
