import {
  asyncScheduler,
  filter,
  firstValueFrom,
  pairwise,
  race,
  take,
  timer,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import type { ConnectionState } from '../protocol/adapter.js';

/** The clock of one client: every timer runs on `scheduler`, every jitter comes from `random`. */
export interface Timing {
  scheduler: SchedulerLike;
  random: () => number;
}

/** The default timing: real time, `Math.random`. */
export const realTiming = (): Timing => ({ scheduler: asyncScheduler, random: Math.random });

/** The longest any back-off waits. */
export const MAX_BACKOFF_MS = 30_000;

/**
 * Exponential back-off with full jitter: a uniformly random wait in
 * `[0, min(cap, base · 2^(attempt-1)))`, so clients that failed together do not retry together.
 * `attempt` counts from 1.
 */
export function backoffMs(
  attempt: number,
  random: () => number,
  baseMs = 500,
  capMs = MAX_BACKOFF_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  return Math.floor(random() * ceiling);
}

/** Emits once when the connection comes back: an `online` after something else. */
export function reconnected$(connection$: Observable<ConnectionState>): Observable<unknown> {
  return connection$.pipe(
    pairwise(),
    filter(([previous, current]) => current === 'online' && previous !== 'online'),
    take(1),
  );
}

/**
 * Resolves after `ms` on the timing's scheduler, or as soon as any of `wakers` emits or
 * completes (a reconnect, a Retry click, the client's disposal), whichever comes first.
 */
export function sleep(
  timing: Timing,
  ms: number,
  ...wakers: Observable<unknown>[]
): Promise<unknown> {
  return firstValueFrom(race(timer(Math.max(0, ms), timing.scheduler), ...wakers), {
    defaultValue: undefined,
  });
}

/**
 * Waits before a retry: while the connection is down, only its return (or a waker) ends the
 * wait, since trying earlier would only fail again; otherwise a back-off of `ms`, cut short by
 * a reconnect or a waker.
 */
export function retryWait(
  timing: Timing,
  ms: number,
  connection$: Observable<ConnectionState>,
  reachable: boolean,
  ...wakers: Observable<unknown>[]
): Observable<unknown> {
  const back$ = reconnected$(connection$);
  return reachable
    ? race(timer(Math.max(0, ms), timing.scheduler), back$, ...wakers)
    : race(back$, ...wakers);
}

/** Whether requests can get through in this connection state. */
export const isReachable = (state: ConnectionState): boolean =>
  state === 'online' || state === 'connecting';
