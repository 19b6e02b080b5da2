import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * Binds an observable to a component: subscribes while the host is connected, stores the
 * latest value and requests an update on each one. Call {@link ObserveController.observe}
 * whenever the source changes (e.g. in `willUpdate` when the client or an id changed): the
 * old subscription is dropped, the new one starts if the host is connected.
 *
 * ```ts
 * private counters = new ObserveController(this, emptyCounters());
 * willUpdate(changed) { if (changed.has('client')) this.counters.observe(this.client?.counters$); }
 * ```
 */
export class ObserveController<T> implements ReactiveController {
  value: T;
  #source: Observable<T> | undefined;
  #subscription: Subscription | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly initial: T,
  ) {
    this.value = initial;
    host.addController(this);
  }

  /** Switches to a new source (or none). Does nothing when it is the same source. */
  observe(source: Observable<T> | undefined): void {
    if (source === this.#source) return;
    this.#source = source;
    this.#unsubscribe();
    this.value = this.initial;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  #subscribe(): void {
    if (!this.#source || this.#subscription) return;
    this.#subscription = this.#source.subscribe((value) => {
      this.value = value;
      this.host.requestUpdate();
    });
  }

  #unsubscribe(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
  }
}
