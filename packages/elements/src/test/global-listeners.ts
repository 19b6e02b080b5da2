interface Registration {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

const captureOf = (options?: boolean | EventListenerOptions) =>
  typeof options === 'boolean' ? options : Boolean(options?.capture);

/**
 * Test support: keeps a list of the listeners on `window` and `document` that were added and not
 * removed since the spy was installed (as the browser does: adding the same type, listener and
 * capture twice registers it once). Listeners that go away through `once` or an abort signal
 * are not seen leaving; the components do not use either on these targets.
 */
export class GlobalListenerSpy {
  private readonly live: Registration[] = [];
  private readonly add = EventTarget.prototype.addEventListener;
  private readonly remove = EventTarget.prototype.removeEventListener;

  /** Wraps `addEventListener` and `removeEventListener` until {@link restore}. */
  constructor() {
    const { live, add, remove } = this;
    const indexOf = (target: EventTarget, type: string, listener: unknown, capture: boolean) =>
      live.findIndex(
        (l) =>
          l.target === target &&
          l.type === type &&
          l.listener === listener &&
          l.capture === capture,
      );
    EventTarget.prototype.addEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      const capture = captureOf(options);
      if ((this === window || this === document) && listener) {
        if (indexOf(this, type, listener, capture) < 0)
          live.push({ target: this, type, listener, capture });
      }
      return add.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      const index = indexOf(this, type, listener, captureOf(options));
      if (index >= 0) live.splice(index, 1);
      return remove.call(this, type, listener, options);
    };
  }

  /** How many listeners added since the spy was installed are still there. */
  get count(): number {
    return this.live.length;
  }

  /** The listeners still there, as `window resize` or `document keydown (capture)`. */
  describe(): string[] {
    return this.live.map(
      (l) =>
        `${l.target === window ? 'window' : 'document'} ${l.type}${l.capture ? ' (capture)' : ''}`,
    );
  }

  /** Puts the original `addEventListener` and `removeEventListener` back. */
  restore(): void {
    EventTarget.prototype.addEventListener = this.add;
    EventTarget.prototype.removeEventListener = this.remove;
  }
}
