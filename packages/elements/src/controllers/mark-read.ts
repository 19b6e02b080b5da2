import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Delay before marking newly arrived messages read, so a burst costs one command. */
export const DEFAULT_MARK_READ_DELAY_MS = 400;

/** What can be marked read now. */
export interface MarkReadTarget {
  /**
   * Names what would be marked, e.g. a session and its newest message (`s-1:42`). Each key is
   * marked once; a new message gives a new key.
   */
  key: string;
  /** Marks it read. A result with `ok: false` lets a later check try the same key again. */
  markRead: () => Promise<{ ok: boolean }> | void;
}

export interface MarkReadOptions {
  /**
   * What the reader has in front of them that is unread, or nothing (no session, nothing
   * unread, the history not on screen yet). Read on every check.
   */
  target: () => MarkReadTarget | undefined;
  /** Whether the reader sees the newest messages, e.g. the log is scrolled to the bottom. */
  seesNewest?: () => boolean;
  /** Debounce before marking ({@link DEFAULT_MARK_READ_DELAY_MS}). */
  delayMs?: number;
}

/**
 * Marks a conversation read once its reader can see the new messages: the host element is in
 * the viewport, the document is not hidden (a background tab reads nothing) and, when the
 * host says so, the newest messages are scrolled into view. Debounced, so a burst of messages
 * costs one command; each {@link MarkReadTarget.key} is marked once.
 *
 * It checks after every update of the host, when the document's visibility changes and when
 * the host enters or leaves the viewport; call {@link MarkReadController.check} when anything
 * else it reads changes.
 */
export class MarkReadController implements ReactiveController {
  #visibleInViewport = true;
  #intersectionObserver: IntersectionObserver | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #scheduledKey: string | undefined;
  #markedKey: string | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: MarkReadOptions,
  ) {
    host.addController(this);
  }

  /** Whether the reader could see the host now: in the viewport, in a visible document. */
  get visible(): boolean {
    return this.#connected && this.#visibleInViewport && document.visibilityState !== 'hidden';
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    if (typeof IntersectionObserver !== 'undefined') {
      // Unknown until the observer's first report, which comes right after observe().
      this.#visibleInViewport = false;
      this.#intersectionObserver = new IntersectionObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        this.#visibleInViewport = entry.isIntersecting;
        this.check();
      });
      this.#intersectionObserver.observe(this.host);
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#intersectionObserver?.disconnect();
    this.#intersectionObserver = undefined;
    this.#cancel();
  }

  hostUpdated(): void {
    this.check();
  }

  /** Schedules marking what is unread on screen, or cancels a scheduled mark that no longer applies. */
  check(): void {
    const target = this.#ready();
    if (!target || target.key === this.#markedKey) {
      this.#cancel();
      return;
    }
    // Renders that change nothing do not postpone it; a new message does (the debounce).
    if (this.#timer !== undefined && this.#scheduledKey === target.key) return;
    this.#cancel();
    this.#scheduledKey = target.key;
    this.#timer = setTimeout(
      () => this.#fire(),
      this.options.delayMs ?? DEFAULT_MARK_READ_DELAY_MS,
    );
  }

  readonly #onVisibilityChange = (): void => {
    this.check();
  };

  #fire(): void {
    this.#timer = undefined;
    this.#scheduledKey = undefined;
    const target = this.#ready();
    if (!target || target.key === this.#markedKey) return;
    const key = target.key;
    this.#markedKey = key;
    const outcome = target.markRead();
    const retryLater = () => {
      if (this.#markedKey === key) this.#markedKey = undefined;
    };
    void outcome?.then((result) => {
      if (!result.ok) retryLater();
    }, retryLater);
  }

  #ready(): MarkReadTarget | undefined {
    if (!this.visible) return undefined;
    if (this.options.seesNewest && !this.options.seesNewest()) return undefined;
    return this.options.target();
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#scheduledKey = undefined;
  }
}
