/** One read of the backend as the client makes it (history pages, customers). */
import {
  defer,
  firstValueFrom,
  map,
  race,
  throwError,
  timeout,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { invalidData } from '../protocol/validate.js';
import { disposedError } from './commands.js';

export interface ReadOptions {
  timeoutMs: number;
  scheduler: SchedulerLike;
  /** Emits when the client is disposed: the read is given up (it rejects as disposed). */
  destroy$: Observable<void>;
  /** What was read, as `INVALID_DATA` names it (`'history page'`). */
  what: string;
  /** The sentence of the `TIMEOUT` error (`'History did not load in time.'`). */
  late: string;
  /** Why the answer is not what was asked for (see protocol/validate.ts), or `undefined`. */
  problemOf: (answer: unknown) => string | undefined;
}

/**
 * Resolves what `request` resolves, checked like everything else the backend sends: rejects
 * with `TIMEOUT` when no answer came within `timeoutMs`, with `INVALID_DATA` (naming the first
 * bad field) for an answer the checks refuse, and as disposed when the client goes first.
 */
export function checkedRead<T>(request: () => Promise<T>, options: ReadOptions): Promise<T> {
  const { timeoutMs, scheduler, destroy$, what, late, problemOf } = options;
  return firstValueFrom(
    race(
      defer(request).pipe(
        timeout({
          first: timeoutMs,
          scheduler,
          with: () => throwError(() => ({ code: 'TIMEOUT', message: late })),
        }),
      ),
      destroy$.pipe(map(() => undefined)),
    ).pipe(
      map((answer) => {
        if (answer === undefined) throw disposedError();
        const problem = problemOf(answer);
        if (problem !== undefined) throw invalidData(what, problem);
        return answer;
      }),
    ),
  );
}
