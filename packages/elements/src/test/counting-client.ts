import { isObservable, Observable } from 'rxjs';
import type { LiveChatClient } from '@live-chat/core';

/**
 * Test support: wraps a client so that every subscription to its observables (`x$` properties
 * and the observables returned by `x$(…)` methods) is counted while it is open. A component
 * that cleans up after itself brings `active()` back to zero when it is removed.
 *
 * Method results are cached per arguments (primitives by value, objects by identity), like the
 * client's own selectors, so a component that asks again for the same stream gets the same one.
 */
export function countingClient(client: LiveChatClient): {
  client: LiveChatClient;
  active: () => number;
} {
  let active = 0;
  const wrap = <T>(source: Observable<T>) =>
    new Observable<T>((subscriber) => {
      active++;
      const subscription = source.subscribe(subscriber);
      return () => {
        active--;
        subscription.unsubscribe();
      };
    });
  const objectIds = new WeakMap<object, number>();
  let nextObjectId = 1;
  const keyOf = (arg: unknown): string => {
    if (arg === null || (typeof arg !== 'object' && typeof arg !== 'function')) return String(arg);
    let id = objectIds.get(arg);
    if (id === undefined) {
      id = nextObjectId++;
      objectIds.set(arg, id);
    }
    return `#${id}`;
  };
  const cache = new Map<string, Observable<unknown>>();
  const cached = (key: string, make: () => Observable<unknown>) => {
    let stream = cache.get(key);
    if (!stream) {
      stream = wrap(make());
      cache.set(key, stream);
    }
    return stream;
  };
  const proxy = new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof key === 'string' && key.endsWith('$')) {
        if (typeof value === 'function') {
          const method = value as (...a: unknown[]) => Observable<unknown>;
          return (...args: unknown[]) =>
            cached(`${key}(${args.map(keyOf).join(',')})`, () => method.apply(target, args));
        }
        if (isObservable(value)) return cached(key, () => value);
      }
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { client: proxy, active: () => active };
}
