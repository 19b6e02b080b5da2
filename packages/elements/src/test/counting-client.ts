import { isObservable, Observable } from 'rxjs';

/** What {@link countingClient} hands back. */
export interface CountingClient<T extends object> {
  /** The wrapped object: give it to a component instead of the original. */
  client: T;
  /** Subscriptions open now: to every stream, or to those one member handed out (`'alerts$'`). */
  active(member?: string): number;
  /** How many times the method `member` was called. */
  calls(member: string): number;
}

/**
 * Test support: wraps a client (or any object that hands out observables, such as an adapter)
 * so that every subscription to its streams is counted while it is open: observable properties
 * (`counters$`) and the observables methods return (`sessions$(…)`, `events(…)`). A component
 * that cleans up after itself brings `active()` back to zero when it is removed. Method calls
 * are counted too.
 *
 * The same stream of the original is always the same wrapped stream, so a component that asks
 * again for a stream the client shares gets the same one, as it would from the client itself.
 */
export function countingClient<T extends object>(target: T): CountingClient<T> {
  const open = new Map<string, number>();
  const called = new Map<string, number>();
  const bump = (counts: Map<string, number>, member: string, by: number) =>
    counts.set(member, (counts.get(member) ?? 0) + by);
  const wrapped = new WeakMap<Observable<unknown>, Observable<unknown>>();
  const counted = (member: string, source: Observable<unknown>) => {
    let stream = wrapped.get(source);
    if (!stream) {
      stream = new Observable((subscriber) => {
        bump(open, member, 1);
        const subscription = source.subscribe(subscriber);
        return () => {
          bump(open, member, -1);
          subscription.unsubscribe();
        };
      });
      wrapped.set(source, stream);
    }
    return stream;
  };
  const client = new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      const member = String(key);
      if (isObservable(value)) return counted(member, value);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        bump(called, member, 1);
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        return isObservable(result) ? counted(member, result) : result;
      };
    },
  });
  return {
    client,
    active: (member) =>
      member === undefined
        ? [...open.values()].reduce((sum, count) => sum + count, 0)
        : (open.get(member) ?? 0),
    calls: (member) => called.get(member) ?? 0,
  };
}
