import {
  catchError,
  defer,
  filter,
  pairwise,
  race,
  retry,
  switchMap,
  take,
  takeUntil,
  tap,
  throwError,
  timer,
  type Observable,
  type Subscription,
} from 'rxjs';
import { isErrorInfo, type ErrorInfo } from '../domain/errors.js';
import type { ConnectionState, TransportAdapter } from '../protocol/adapter.js';
import type { ServerEvent, Snapshot } from '../protocol/events.js';
import { toErrorInfo } from './error-info.js';
import type { ClientStatus } from './types.js';

/** What the sync loop drives. */
export interface SyncDeps {
  adapter: TransportAdapter;
  /** The client's mirror of the adapter's connection state. */
  connection$: Observable<ConnectionState>;
  destroy$: Observable<void>;
  /** Emits when the user asks to retry now (e.g. the Retry button of a load error). */
  retryNow$: Observable<void>;
  /** Seq of the last applied event or snapshot. */
  lastSeq(): number;
  status(): ClientStatus;
  setStatus(status: ClientStatus): void;
  /** Applies a snapshot; `resync` is false for the first one. */
  applySnapshot(snapshot: Snapshot, resync: boolean): void;
  applyEvent(event: ServerEvent): void;
}

/** The stream skipped a seq: the state must be rebuilt from a snapshot. */
class SeqGap extends Error {
  constructor(expected: number, received: number) {
    super(`Expected event seq ${expected}, received ${received}.`);
  }
}

/** `adapter.snapshot()` failed. */
class SnapshotFailed extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

const needsResync = (error: unknown): boolean =>
  error instanceof SeqGap || (isErrorInfo(error) && error.code === 'RESYNC_REQUIRED');

/** Emits once when the connection comes back: an `online` after something else. */
export function reconnected$(connection$: Observable<ConnectionState>): Observable<unknown> {
  return connection$.pipe(
    pairwise(),
    filter(([previous, current]) => current === 'online' && previous !== 'online'),
    take(1),
  );
}

const backoffMs = (attempt: number): number =>
  Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));

/**
 * The sync loop: snapshot → state → `events(snapshot.seq)`, each event checked to be exactly
 * `last + 1`. A gap, or a stream error with code `RESYNC_REQUIRED`, takes a fresh snapshot and
 * continues from it (the old stream is released first, so nothing is applied twice and nothing
 * between the two is lost: the snapshot contains it). A failed snapshot sets status `error`
 * and waits for the connection to come back online (or `retryNow$`); other stream errors wait
 * for that or a growing back-off, then resync.
 */
export function startSync(deps: SyncDeps): Subscription {
  let synced = false;
  // Resyncs in a row without progress (no event applied, no newer snapshot): after a few, back
  // off, so an adapter that keeps refusing its own snapshot's seq is not hammered.
  let resyncStreak = 0;
  let snapshotSeq = -Infinity;
  const cycle$ = defer(() => {
    if (deps.status().state !== 'ready') deps.setStatus({ state: 'loading' });
    return defer(() => deps.adapter.snapshot()).pipe(
      catchError((error: unknown) => throwError(() => new SnapshotFailed(toErrorInfo(error)))),
      switchMap((snapshot) => {
        if (snapshot.seq > snapshotSeq) resyncStreak = 0;
        snapshotSeq = snapshot.seq;
        deps.applySnapshot(snapshot, synced);
        synced = true;
        return deps.adapter.events(snapshot.seq);
      }),
      tap((event) => {
        const expected = deps.lastSeq() + 1;
        if (!Number.isInteger(event.seq)) throw new SeqGap(expected, event.seq);
        if (event.seq < expected) return; // already applied (a replay overlap): drop it
        if (event.seq > expected) throw new SeqGap(expected, event.seq);
        deps.applyEvent(event);
        resyncStreak = 0;
      }),
    );
  });

  return cycle$
    .pipe(
      retry({
        resetOnSuccess: true,
        delay: (error: unknown, attempt: number) => {
          if (error instanceof SnapshotFailed) {
            deps.setStatus({ state: 'error', error: error.info });
            return race(reconnected$(deps.connection$), deps.retryNow$.pipe(take(1)));
          }
          // Resync at once, but never spin: repeated resyncs back off.
          if (needsResync(error)) {
            resyncStreak++;
            return timer(resyncStreak <= 3 ? 0 : Math.min(30_000, 250 * 2 ** (resyncStreak - 4)));
          }
          return race(
            reconnected$(deps.connection$),
            timer(backoffMs(attempt)),
            deps.retryNow$.pipe(take(1)),
          );
        },
      }),
      takeUntil(deps.destroy$),
    )
    .subscribe();
}
