/**
 * Engine code that runs synchronously on a synchronous store and asynchronously on an
 * asynchronous one, written once. Every rule is a generator ({@link Step}); each port call goes
 * through `yield* io(call)`, which yields only when the store answered with a promise. {@link
 * drive} runs a step to its end: without ever suspending when nothing was a promise (so a
 * synchronous store gets its answer in the same call, with no microtask), and resuming after
 * each promise otherwise.
 */

/** A piece of engine work that ends with a `T`; it yields only the promises it waits for. */
export type Step<T> = Generator<PromiseLike<unknown>, T, unknown>;

/** Whether a value is a promise (anything with a `then` method). */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** The value of a port call: at once when it is a plain value, after waiting when it is a promise. */
export function* io<T>(value: T | PromiseLike<T>): Step<T> {
  if (isPromiseLike(value)) return (yield value) as T;
  return value;
}

/** Runs a step: its value at once if it never waited, a promise of it otherwise. */
export function drive<T>(step: Step<T>): T | Promise<T> {
  const first = step.next();
  if (first.done) return first.value;
  return resume(step, first.value);
}

async function resume<T>(step: Step<T>, waiting: PromiseLike<unknown>): Promise<T> {
  for (;;) {
    let next: IteratorResult<PromiseLike<unknown>, T>;
    let answer: unknown;
    try {
      answer = await waiting;
    } catch (error) {
      // The store's call failed: the step sees the error where it waited.
      next = step.throw(error);
      if (next.done) return next.value;
      waiting = next.value;
      continue;
    }
    next = step.next(answer);
    if (next.done) return next.value;
    waiting = next.value;
  }
}

/** Applies `then` to a value now, or to a promise once it resolves. */
export function andThen<T, U>(value: T | PromiseLike<T>, then: (value: T) => U): U | Promise<U> {
  return isPromiseLike(value) ? Promise.resolve(value).then(then) : then(value);
}
