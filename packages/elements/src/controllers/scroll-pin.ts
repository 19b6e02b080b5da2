import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Within this many pixels of the bottom a list counts as scrolled to the bottom. */
export const DEFAULT_PIN_THRESHOLD = 32;

/** The list a {@link ScrollPinController} keeps in place: its identity and its items' keys. */
export interface ScrollPinList {
  /** Which list it is: another id (another conversation) starts at the bottom. */
  id: string;
  /** The keys of the items about to be rendered, in order, stable across renders. */
  keys: readonly string[];
  /**
   * Whether an item appended below pins the view even when the reader scrolled away: the
   * reader's own message on its way, for instance.
   */
  pinsWhenAppended?: (key: string) => boolean;
}

export interface ScrollPinOptions {
  /** The scrolling element, or nothing while it is not rendered. Read around every update. */
  container: () => HTMLElement | null | undefined;
  /** The list about to be rendered, or nothing while there is none. Read before every render. */
  list: () => ScrollPinList | undefined;
  /** Within this many pixels of the bottom the view counts as pinned ({@link DEFAULT_PIN_THRESHOLD}). */
  threshold?: number;
}

/**
 * Keeps a scrolling list where its reader expects it across renders, the way chat logs do:
 *
 * - **pinned** (the reader is at the bottom): content added below scrolls into view;
 * - **scrolled away**: the position stays, and items appended below only raise
 *   {@link ScrollPinController.unseenBelow} (for a "New messages" button);
 * - items **prepended** above (an older page) never move what the reader is looking at.
 *
 * Before each render it reads the list about to be rendered (`options.list`, so construct it
 * after the controllers that supply the list's data) and measures the container; after the
 * render, before the host's own `updated()`, it scrolls. Forward the container's `scroll`
 * events to {@link ScrollPinController.handleScroll}.
 *
 * ```ts
 * private readonly scrollPin = new ScrollPinController(this, {
 *   container: () => this.logElement,
 *   list: () => ({ id: this.sessionId, keys: this.messages.map((m) => m.id) }),
 * });
 * render() { return html`<div class="log" @scroll=${() => this.scrollPin.handleScroll()}>…</div>`; }
 * ```
 */
export class ScrollPinController implements ReactiveController {
  #isPinned = true;
  #hasUnseenBelow = false;
  #listId: string | undefined;
  #keys: readonly string[] = [];
  #action: 'bottom' | 'restore' | undefined;
  #distanceFromBottom = 0;
  /** Where this controller last scrolled the container to the bottom: a scroll event from there is its own. */
  #scrolledTo: number | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ScrollPinOptions,
  ) {
    host.addController(this);
  }

  /** Whether the view follows new content: the reader is at the bottom. */
  get pinned(): boolean {
    return this.#isPinned;
  }

  /** Whether items were appended below while the reader was scrolled away (cleared at the bottom). */
  get unseenBelow(): boolean {
    return this.#hasUnseenBelow;
  }

  /** Decides how the scroll position follows the render of `list`. */
  #track({ id: listId, keys, pinsWhenAppended }: ScrollPinList): void {
    const previous = this.#keys;
    if (listId !== this.#listId || previous.length === 0) {
      this.#isPinned = true;
      this.#hasUnseenBelow = false;
      this.#action = 'bottom';
    } else {
      const previousSet = new Set(previous);
      const lastBefore = previous[previous.length - 1]!;
      const lastIndex = keys.lastIndexOf(lastBefore);
      const appended =
        lastIndex >= 0 ? keys.slice(lastIndex + 1).filter((key) => !previousSet.has(key)) : [];
      const firstBefore = previous[0]!;
      const prepended = keys[0] !== firstBefore && keys.includes(firstBefore);
      if (pinsWhenAppended && appended.some(pinsWhenAppended)) {
        this.#isPinned = true;
        this.#hasUnseenBelow = false;
      }
      if (this.#isPinned) {
        // Also when nothing was added: a line that grew or shrank must not uncover the bottom.
        this.#action = 'bottom';
      } else {
        this.#action = prepended ? 'restore' : undefined;
        if (appended.length > 0) this.#hasUnseenBelow = true;
      }
    }
    this.#listId = listId;
    this.#keys = keys;
  }

  /** Forgets the list: the next render starts at the bottom, with nothing unseen. */
  reset(): void {
    this.#listId = undefined;
    this.#keys = [];
    this.#isPinned = true;
    this.#hasUnseenBelow = false;
    this.#action = undefined;
  }

  /** Scrolls to the bottom now and follows new content again (e.g. "New messages", a send). */
  pin(): void {
    this.#isPinned = true;
    this.#hasUnseenBelow = false;
    this.#action = 'bottom';
    const container = this.options.container();
    if (container) this.#toBottom(container);
    this.host.requestUpdate();
  }

  /**
   * Stops following new content and leaves the position to the host for the render under way:
   * call it from the host's `update()` (after the controllers' `hostUpdate`) when the host
   * scrolls somewhere itself, e.g. to a message it jumps to.
   */
  release(): void {
    this.#isPinned = false;
    this.#action = undefined;
  }

  /**
   * Re-reads whether the reader is at the bottom: call it on the container's `scroll` events.
   * Reaching the bottom clears {@link unseenBelow}; a change requests an update of the host.
   */
  handleScroll(): void {
    if (this.measure()) this.host.requestUpdate();
  }

  /**
   * Re-reads whether the reader is at the bottom without asking the host to update: call it
   * after scrolling the container programmatically inside an update. Returns whether
   * {@link pinned} or {@link unseenBelow} changed.
   */
  measure(): boolean {
    const container = this.options.container();
    if (!container) return false;
    if (this.#isPinned && container.scrollTop === this.#scrolledTo) {
      // The event of its own scroll to the bottom, reported after the layout changed below
      // (the composer appeared, a line grew): still pinned, and at the bottom again.
      this.#toBottom(container);
      return false;
    }
    this.#scrolledTo = undefined;
    const threshold = this.options.threshold ?? DEFAULT_PIN_THRESHOLD;
    const pinned =
      container.scrollHeight - container.scrollTop - container.clientHeight <= threshold;
    const changed = pinned !== this.#isPinned || (pinned && this.#hasUnseenBelow);
    this.#isPinned = pinned;
    if (pinned) this.#hasUnseenBelow = false;
    return changed;
  }

  hostUpdate(): void {
    const container = this.options.container();
    if (container) this.#distanceFromBottom = container.scrollHeight - container.scrollTop;
    const list = this.options.list();
    if (list) this.#track(list);
  }

  hostUpdated(): void {
    const container = this.options.container();
    if (container) {
      if (this.#action === 'bottom') this.#toBottom(container);
      else if (this.#action === 'restore')
        container.scrollTop = container.scrollHeight - this.#distanceFromBottom;
    }
    this.#action = undefined;
  }

  #toBottom(container: HTMLElement): void {
    container.scrollTop = container.scrollHeight;
    this.#scrolledTo = container.scrollTop;
  }
}
