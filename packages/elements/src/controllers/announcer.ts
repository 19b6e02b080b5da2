import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

/** How long an announcer gathers changes before it speaks (`AnnouncerController`'s default). */
export const ANNOUNCE_INTERVAL_MS = 1500;

/**
 * A polite live region that speaks at most once per `interval`: {@link announce} keeps only
 * the latest text, and the region says it once the interval since the first unspoken call has
 * passed. A burst of changes (ten messages in a second) is one announcement of where things
 * ended up; a steady stream is one announcement per interval, never one per event. A text
 * equal to the one the region holds is not spoken again.
 *
 * Render {@link render} once in the host's template, from the first render on: a screen reader
 * only follows a live region that was on the page before its text changed.
 *
 * ```ts
 * private readonly announcer = new AnnouncerController(this);
 * // on a change: this.announcer.announce(this.t('counter.unread.label', { count }));
 * render() { return html`…${this.announcer.render()}`; }
 * ```
 */
export class AnnouncerController implements ReactiveController {
  #spoken = '';
  #waiting: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly interval = ANNOUNCE_INTERVAL_MS,
  ) {
    host.addController(this);
  }

  /** The text the live region holds now (what was last spoken). */
  get text(): string {
    return this.#spoken;
  }

  /** Says `text` at the end of the current interval, replacing what was waiting to be said. */
  announce(text: string): void {
    this.#waiting = text;
    this.#timer ??= setTimeout(() => this.#speak(), this.interval);
  }

  /** A host that leaves the page says nothing more, and keeps no timer running. */
  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#waiting = undefined;
    this.#spoken = '';
  }

  /** The live region (visually hidden; the host's styles need the tokens' `.visually-hidden`). */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-atomic="true">
      ${this.#spoken}
    </div>`;
  }

  #speak(): void {
    this.#timer = undefined;
    const text = this.#waiting;
    this.#waiting = undefined;
    if (text === undefined || text === this.#spoken) return;
    this.#spoken = text;
    this.host.requestUpdate();
  }
}
