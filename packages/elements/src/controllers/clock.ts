import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often relative times ("5 min ago") are refreshed by default. */
const MINUTE_MS = 60_000;

/**
 * The time now, for relative times ("5 min ago"): read again when the host connects and every
 * `intervalMs` while it stays connected, each time asking the host to render.
 *
 * ```ts
 * private readonly clock = new ClockController(this);
 * render() { return html`${formatRelative(at, this.clock.now, this.locale)}`; }
 * ```
 */
export class ClockController implements ReactiveController {
  /** Milliseconds since the epoch, as of the last tick. */
  now = Date.now();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = MINUTE_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), this.intervalMs);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    this.now = Date.now();
    this.host.requestUpdate();
  }
}
