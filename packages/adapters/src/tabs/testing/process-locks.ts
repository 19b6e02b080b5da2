/**
 * Test support: the Web Locks API within one process, for tabs opened side by side in Node
 * (which has `BroadcastChannel` but no `navigator.locks`). Exclusive locks only, granted in the
 * order asked, with `ifAvailable` and `signal` as `navigator.locks.request` has them.
 */
import type { TabLocks } from '../types.js';

/** A queued request: grants it the lock. */
type Waiter = () => void;

function abortError(): Error {
  const error = new Error('The lock request was aborted.');
  error.name = 'AbortError';
  return error;
}

/** A new, empty set of locks (share one between the tabs of a test, as a browser profile does). */
export function createProcessLocks(): TabLocks {
  const held = new Set<string>();
  const queues = new Map<string, Waiter[]>();

  /** Runs `callback` holding `name`, then passes the lock to the next waiter (or frees it). */
  async function hold(name: string, callback: (lock: unknown) => unknown): Promise<unknown> {
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      const next = queues.get(name)?.shift();
      if (next) next();
      else held.delete(name);
    }
  }

  return {
    request(name, options, callback) {
      if (options.signal?.aborted) return Promise.reject(abortError());
      if (!held.has(name)) {
        held.add(name);
        return Promise.resolve().then(() => hold(name, callback));
      }
      if (options.ifAvailable) return Promise.resolve().then(() => callback(null));
      return new Promise((resolve, reject) => {
        const queue = queues.get(name) ?? [];
        queues.set(name, queue);
        const onAbort = () => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(abortError());
        };
        const waiter: Waiter = () => {
          options.signal?.removeEventListener('abort', onAbort);
          hold(name, callback).then(resolve, reject);
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
      });
    },
  };
}
