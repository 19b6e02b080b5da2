import {
  catchError,
  defer,
  EMPTY,
  ignoreElements,
  map,
  merge,
  Observable,
  pairwise,
  retry,
  switchMap,
  take,
  takeUntil,
  tap,
  throwError,
  timeout,
  timer,
  type Subscription,
} from 'rxjs';
import { isErrorInfo, type ErrorInfo } from '../domain/errors.js';
import type { ConnectionState, TransportAdapter } from '../protocol/adapter.js';
import type { ServerEvent, Snapshot } from '../protocol/events.js';
import { invalidData, serverEventProblem, snapshotProblem } from '../protocol/validate.js';
import { readErrorInfo } from './error-info.js';
import { backoffMs, isReachable, MAX_BACKOFF_MS, retryWait, type Timing } from './timing.js';
import type { ClientStatus } from './views.js';

export { reconnected$ } from './timing.js';

/** What the sync loop drives. */
export interface SyncDeps {
  adapter: TransportAdapter;
  /** The client's mirror of the adapter's connection state. */
  connection$: Observable<ConnectionState>;
  destroy$: Observable<void>;
  /** Emits when the user asks to retry now (e.g. the Retry button of a load error). */
  retryNow$: Observable<void>;
  timing: Timing;
  /** Longest wait for `snapshot()` to answer. */
  requestTimeoutMs: number;
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

/** `adapter.snapshot()` failed (or did not answer in time). */
class SnapshotFailed extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

/** The backend sent an event the client refuses (see protocol/validate.ts): it is not applied. */
class InvalidEvent extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

/** The event stream ended without an error: it is resumed like a dropped connection. */
class StreamEnded extends Error {
  constructor() {
    super('The event stream ended.');
  }
}

/** The connection came back: the stream is resumed from the last seq, in case events were lost. */
class Reconnected extends Error {
  constructor() {
    super('The connection came back.');
  }
}

const resyncRequired = (error: unknown): boolean =>
  isErrorInfo(error) && error.code === 'RESYNC_REQUIRED';

/**
 * The sync loop. It never sticks:
 * - first (and after `RESYNC_REQUIRED`) it takes a snapshot, then follows
 *   `events(snapshot.seq)`, each event checked to be exactly `last + 1`;
 * - a gap in the seqs resumes with `events(lastSeq)`, so the backend replays what was lost on
 *   the way; only when a few resumes in a row make no progress does it take a snapshot;
 * - a failed snapshot sets status `error` and retries after a back-off with full jitter
 *   (capped at 30 s), at once when the connection comes back or the user clicks Retry; while
 *   the connection is down it waits for its return instead of failing again;
 * - an event stream that errors or completes quietly, and every reconnect, resume with
 *   `events(lastSeq)`, without a snapshot (status `resuming` meanwhile);
 * - a snapshot or an event of the wrong shape is refused before anything of it is applied
 *   (`INVALID_DATA`, shown as status `error`): a refused snapshot is retried like a failed one,
 *   a refused event is treated like a corrupt stream, with a snapshot;
 * - status is `ready` only while the stream is subscribed after a snapshot.
 * The old stream is always released before a new one starts, so nothing applies twice.
 */
export function startSync(deps: SyncDeps): Subscription {
  const { adapter, timing } = deps;
  let synced = false;
  let needSnapshot = true;
  // Resyncs in a row without progress: after a few, back off, so an adapter that keeps
  // refusing its own snapshot's seq is not hammered.
  let resyncStreak = 0;
  let snapshotSeq = -Infinity;
  // Failures in a row of the stream or the snapshot, for the back-off.
  let failures = 0;
  // A gap is first repaired by resuming from the last seq (the backend replays what was
  // lost on the way); after a few resumes with no progress in between, a snapshot.
  let gapResumes = 0;

  let connection: ConnectionState = 'connecting';
  const online = (): boolean => connection === 'online' || connection === 'connecting';
  const watchConnection = deps.connection$.subscribe((state) => (connection = state));

  const applyChecked = (event: ServerEvent): void => {
    const problem = serverEventProblem(event);
    if (problem !== undefined) throw new InvalidEvent(invalidData('event', problem));
    const expected = deps.lastSeq() + 1;
    if (!Number.isInteger(event.seq)) throw new SeqGap(expected, event.seq);
    if (event.seq < expected) return; // already applied (a replay overlap): drop it
    if (event.seq > expected) throw new SeqGap(expected, event.seq);
    deps.applyEvent(event);
    resyncStreak = 0;
    failures = 0;
    gapResumes = 0;
  };

  /**
   * The adapter's events from `seq`, each applied as it arrives, right in the adapter's call
   * (not through the loop's operators, several calls deep per event); it emits nothing. An
   * event that fails its checks, an error of the stream, or its quiet end (`StreamEnded`)
   * errors it, which ends the subscription before another event is applied.
   */
  const applied$ = (seq: number): Observable<never> =>
    new Observable<never>((subscriber) =>
      adapter.events(seq).subscribe({
        next: (event) => {
          if (subscriber.closed) return;
          try {
            applyChecked(event);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.error(new StreamEnded()),
      }),
    );

  const snapshot$ = defer(() => adapter.snapshot()).pipe(
    timeout({
      first: deps.requestTimeoutMs,
      scheduler: timing.scheduler,
      with: () =>
        throwError(() => ({ code: 'TIMEOUT', message: 'The workspace did not load in time.' })),
    }),
    catchError((error: unknown) =>
      throwError(() => new SnapshotFailed(readErrorInfo(error, connection === 'online'))),
    ),
    map((snapshot) => {
      const problem = snapshotProblem(snapshot);
      if (problem !== undefined) throw new SnapshotFailed(invalidData('snapshot', problem));
      if (snapshot.seq > snapshotSeq) resyncStreak = 0;
      snapshotSeq = snapshot.seq;
      deps.applySnapshot(snapshot, synced);
      synced = true;
      needSnapshot = false;
      failures = 0;
      return snapshot.seq;
    }),
  );

  // Losing the connection makes the state `resuming`; coming back ends the cycle, so the stream
  // resumes from the last seq (events sent while the connection was down may be lost).
  const connectionChanges$ = deps.connection$.pipe(
    pairwise(),
    tap(([previous, current]) => {
      if (previous === 'online' && current !== 'online' && synced)
        deps.setStatus({ state: 'resuming' });
      if (current === 'online' && previous !== 'online' && previous !== 'connecting')
        throw new Reconnected();
    }),
  );

  const cycle$ = defer(() => {
    if (needSnapshot) {
      if (!synced && deps.status().state !== 'loading') deps.setStatus({ state: 'loading' });
    }
    const from$: Observable<number> = needSnapshot
      ? snapshot$
      : defer(() => {
          const seq = deps.lastSeq();
          return [seq];
        });
    const events$ = from$.pipe(
      switchMap((seq) => {
        const state = deps.status().state;
        if (state !== 'ready' && (state !== 'resuming' || online()))
          deps.setStatus({ state: 'ready' });
        return applied$(seq);
      }),
    );
    return merge(events$, connectionChanges$.pipe(ignoreElements()));
  });

  const loop = cycle$
    .pipe(
      retry({
        delay: (error: unknown) => {
          if (error instanceof Reconnected) return timer(0, timing.scheduler);
          if (error instanceof SeqGap && gapResumes < 3 && !needSnapshot) {
            gapResumes++;
            return timer(0, timing.scheduler);
          }
          if (error instanceof SeqGap || error instanceof InvalidEvent || resyncRequired(error)) {
            if (error instanceof InvalidEvent)
              deps.setStatus({ state: 'error', error: error.info });
            gapResumes = 0;
            needSnapshot = true;
            resyncStreak++;
            const wait =
              resyncStreak <= 3 ? 0 : Math.min(MAX_BACKOFF_MS, 250 * 2 ** (resyncStreak - 4));
            return timer(wait, timing.scheduler);
          }
          failures++;
          if (error instanceof SnapshotFailed) {
            deps.setStatus({ state: 'error', error: error.info });
          } else if (synced) {
            deps.setStatus({ state: 'resuming' });
          }
          return retryWait(
            timing,
            backoffMs(failures, timing.random, 1000, MAX_BACKOFF_MS),
            deps.connection$,
            isReachable(connection),
            deps.retryNow$.pipe(take(1)),
          );
        },
      }),
      catchError(() => EMPTY),
      takeUntil(deps.destroy$),
    )
    .subscribe();
  loop.add(watchConnection);
  return loop;
}
