import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/** Whether two argument lists hold the same values, compared one by one with `Object.is`. */
export function sameArguments(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/**
 * Binds an observable to a component, chosen from arguments the host reads from its own
 * properties:
 *
 * ```ts
 * private readonly session = new StreamController(
 *   this,
 *   () => [this.client, this.sessionId] as const,
 *   (client, id) => (client && id ? client.session$(id) : undefined),
 *   null,
 * );
 * render() { return html`${this.session.value?.session.name}`; }
 * ```
 *
 * - It subscribes when the host connects and unsubscribes when it disconnects.
 * - Before each render of the host (after `willUpdate`) it reads the arguments again; when one
 *   of them changed (compared one by one, with `Object.is`) it drops the old subscription,
 *   goes back to `initialValue` and subscribes to the new source. Otherwise it keeps the one
 *   it has, so `source` is called once per change of arguments, not once per render.
 * - Each value the source emits is stored in {@link StreamController.value} and asks the host
 *   to render. A source that replays its current value on subscription (a `BehaviorSubject`,
 *   `shareReplay`) is read in the same render that changed the arguments.
 * - `source` may return `undefined` (nothing to observe yet): the value stays `initialValue`.
 */
export class StreamController<
  const A extends readonly unknown[],
  T,
  const I = T,
> implements ReactiveController {
  #current: T | I;
  #failure: unknown;
  #lastArgs: A | undefined;
  #subscription: Subscription | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly args: () => A,
    private readonly source: (...args: A) => Observable<T> | undefined,
    private readonly initialValue: I,
  ) {
    this.#current = initialValue;
    host.addController(this);
  }

  /** The latest value of the current source, or the initial value until it emits. */
  get value(): T | I {
    return this.#current;
  }

  /** The error the current source failed with, if it did (`undefined` otherwise). */
  get error(): unknown {
    return this.#failure;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync(true);
  }

  hostUpdate(): void {
    this.#sync(false);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  /**
   * Subscribes to the source for the current arguments. `reconnect`: the host came back, so
   * subscribe again even when the arguments are the same (keeping the last value meanwhile).
   */
  #sync(reconnect: boolean): void {
    if (!this.#connected) return;
    const args = this.args();
    const changed = this.#lastArgs === undefined || !sameArguments(this.#lastArgs, args);
    if (!changed && !(reconnect && !this.#subscription)) return;
    this.#lastArgs = args;
    this.#unsubscribe();
    if (changed) {
      this.#current = this.initialValue;
      this.#failure = undefined;
    }
    const source = this.source(...args);
    if (!source) return;
    this.#subscription = source.subscribe({
      next: (value) => {
        this.#current = value;
        this.host.requestUpdate();
      },
      error: (error: unknown) => {
        this.#failure = error;
        this.host.requestUpdate();
      },
    });
  }

  #unsubscribe(): void {
    const subscription = this.#subscription;
    this.#subscription = undefined;
    subscription?.unsubscribe();
  }
}
