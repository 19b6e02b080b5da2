import { distinctUntilChanged, map, shareReplay, type Observable } from 'rxjs';

/**
 * The one way the client derives public state: `map` + `distinctUntilChanged` +
 * `shareReplay({ bufferSize: 1, refCount: true })`. Subscribers share one projection and get the
 * latest value at once; when the last one leaves, the source subscription is released
 * (`refCount`), so nothing keeps a disposed client alive.
 */
export function select<S, T>(
  source$: Observable<S>,
  project: (source: S) => T,
  equal: (previous: T, current: T) => boolean = Object.is,
): Observable<T> {
  return source$.pipe(
    map(project),
    distinctUntilChanged(equal),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}
