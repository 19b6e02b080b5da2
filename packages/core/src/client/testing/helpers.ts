/** Small async helpers for client tests. */
import { filter, firstValueFrom, type Observable } from 'rxjs';
import type { LiveChatClient } from '../types.js';

/** Resolves once the client has applied its first snapshot. */
export function whenReady(client: LiveChatClient): Promise<unknown> {
  return firstValueFrom(client.status$.pipe(filter((status) => status.state === 'ready')));
}

/** Lets pending promise callbacks and timers of 0 ms run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until `check` holds, settling in between (fails after `attempts`). */
export async function until(check: () => boolean, attempts = 50): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (check()) return;
    await settle();
  }
  throw new Error('Condition not met in time.');
}

/** Subscribes and records every value; `stop()` unsubscribes. */
export function record<T>(source$: Observable<T>): {
  values: T[];
  completed: () => boolean;
  stop: () => void;
} {
  const values: T[] = [];
  let done = false;
  const subscription = source$.subscribe({
    next: (value) => values.push(value),
    complete: () => (done = true),
  });
  return { values, completed: () => done, stop: () => subscription.unsubscribe() };
}

/** Lets the client publish the batch of events just delivered (it commits once per batch). */
export function batch(): Promise<void> {
  return Promise.resolve();
}
