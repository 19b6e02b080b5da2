import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LogItem } from './log-items.js';

/** Most log entries (messages and day separators) in the DOM at once: two history pages. */
export const DEFAULT_MAX_RENDERED = 100;
/** Height, gap included, assumed for an entry never rendered while none has been measured. */
const DEFAULT_EXTENT = 64;
/** How many entries in view are noted as anchors (one of them may leave with the render). */
const ANCHORS = 3;
/** The attribute that names a rendered entry's key. */
export const LOG_KEY_ATTRIBUTE = 'data-log-key';
/** The attribute of the elements standing for the entries not rendered. */
export const LOG_SPACER_ATTRIBUTE = 'data-log-spacer';

/** What to render: entries `[start, end)`, and the px standing for those above and below. */
export interface LogSlice {
  start: number;
  end: number;
  /** Height of the element standing for the entries above `start` (0: none). */
  above: number;
  /** Height of the element standing for the entries from `end` on (0: none). */
  below: number;
}

/** The part of a {@link LogWindowController} the log's template uses. */
export interface LogWindow {
  /** The entries of `items` to render now, for the list `listId` (another id starts afresh). */
  range(listId: string, items: readonly LogItem[]): LogSlice;
}

/** What a {@link LogWindowController} reads from its host. */
export interface LogWindowOptions {
  /** The scrolling log, a flex column whose children are the entries and the spacers. */
  container: () => HTMLElement | null | undefined;
  /** Whether the log follows its newest entries (the scroll keeper's `pinned`). */
  pinned: () => boolean;
  /** The id of the message jumped to: a new one brings the window to it. */
  jumpTarget: () => string | undefined;
  /** Most entries rendered at once ({@link DEFAULT_MAX_RENDERED}). */
  maxRendered?: number;
}

const indexOfKey = (items: readonly LogItem[], key: string) =>
  items.findIndex((item) => item.key === key);

/**
 * A window over a long message log: at most `maxRendered` consecutive entries are in the DOM,
 * two spacers stand for the others (their measured heights, or the average for entries never
 * rendered), so paging back through a long history keeps the DOM bounded while the scroll bar
 * still spans it all.
 *
 * It keeps what the reader looks at in place: before each render it notes the first entry in
 * view and its offset, and after the render it scrolls so that entry is where it was — when an
 * older page is prepended, when the window moves, when an estimated height turns out otherwise.
 * While the log is pinned to the bottom it renders the newest entries and leaves the scrolling to
 * the scroll keeper; a new jump target brings the window to that message and leaves the
 * scrolling to the jump. The window moves when the reader scrolls within a quarter window of
 * its edge, or past it (dragging the scroll bar). Focus inside an entry that leaves the window
 * moves to the log, so it is never lost.
 *
 * Construct it after the scroll keeper and before the jump, so that after each render it scrolls
 * after the one and before the other.
 */
export class LogWindowController implements ReactiveController, LogWindow {
  /** Each measured entry's extent: its height plus the space to the next entry. */
  readonly #extents = new Map<string, number>();
  #extentsTotal = 0;
  #gap = 0;
  #listId: string | undefined;
  #items: readonly LogItem[] = [];
  #slice: LogSlice = { start: 0, end: 0, above: 0, below: 0 };
  /**
   * The first entries in view before the render, with their offsets from the log's top edge:
   * after it, the first of them still rendered is put back where it was.
   */
  #anchors: Array<{ key: string; offset: number }> = [];
  /** Where the entries start in the log's scrolled content (below "Load older messages"). */
  #entriesTop = 0;
  #focusedKey: string | undefined;
  #jumped: string | undefined;
  #jumpedNow = false;
  /** Scrolling above `moveUpAt` or to `moveDownAt` and beyond moves the window. */
  #moveUpAt = Number.NEGATIVE_INFINITY;
  #moveDownAt = Number.POSITIVE_INFINITY;
  #observed: HTMLElement | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LogWindowOptions,
  ) {
    host.addController(this);
  }

  get #maxRendered(): number {
    return this.options.maxRendered ?? DEFAULT_MAX_RENDERED;
  }

  range(listId: string, items: readonly LogItem[]): LogSlice {
    if (listId !== this.#listId) this.#reset(listId);
    const max = this.#maxRendered;
    const total = items.length;
    const target = this.options.jumpTarget();
    if (target === undefined) this.#jumped = undefined;
    this.#jumpedNow = false;
    let start = 0;
    if (total > max) {
      const targetIndex =
        target !== undefined && target !== this.#jumped
          ? items.findIndex((item) => item.kind === 'message' && item.message.id === target)
          : -1;
      if (targetIndex >= 0) {
        this.#jumped = target;
        this.#jumpedNow = true;
        start = targetIndex - Math.floor(max / 2);
      } else if (this.options.pinned()) {
        start = total - max;
      } else {
        start = this.#startAround(items);
      }
      start = Math.max(0, Math.min(total - max, start));
    }
    const end = Math.min(total, start + max);
    this.#items = items;
    this.#slice = {
      start,
      end,
      above: this.#spacerHeight(items, 0, start),
      below: this.#spacerHeight(items, end, total),
    };
    return this.#slice;
  }

  hostConnected(): void {
    this.#observed?.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  hostDisconnected(): void {
    this.#observed?.removeEventListener('scroll', this.#onScroll);
  }

  hostUpdate(): void {
    const container = this.options.container();
    this.#anchors = [];
    this.#focusedKey = undefined;
    if (!container) return;
    const box = container.getBoundingClientRect();
    for (const element of this.#entryElements(container)) {
      const rect = element.getBoundingClientRect();
      if (rect.bottom <= box.top) continue;
      if (rect.top >= box.bottom || this.#anchors.length === ANCHORS) break;
      this.#anchors.push({
        key: element.getAttribute(LOG_KEY_ATTRIBUTE)!,
        offset: rect.top - box.top,
      });
    }
    const active = (container.getRootNode() as Document | ShadowRoot).activeElement;
    if (active && container.contains(active))
      this.#focusedKey =
        active.closest(`[${LOG_KEY_ATTRIBUTE}]`)?.getAttribute(LOG_KEY_ATTRIBUTE) ?? undefined;
  }

  hostUpdated(): void {
    const container = this.options.container() ?? undefined;
    this.#observe(container);
    if (!container) return;
    this.#measure(container);
    if (!this.#jumpedNow && !this.options.pinned()) {
      for (const anchor of this.#anchors) {
        const element = this.#entryElement(container, anchor.key);
        if (!element) continue;
        const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
        if (Math.abs(offset - anchor.offset) > 0.01) container.scrollTop += offset - anchor.offset;
        break;
      }
    }
    if (this.#focusedKey !== undefined && !this.#entryElement(container, this.#focusedKey)) {
      const root = container.getRootNode() as Document | ShadowRoot;
      if (!root.activeElement || !container.contains(root.activeElement))
        container.focus({ preventScroll: true });
    }
    this.#placeThresholds(container);
  }

  #reset(listId: string): void {
    this.#listId = listId;
    this.#extents.clear();
    this.#extentsTotal = 0;
    this.#items = [];
    this.#slice = { start: 0, end: 0, above: 0, below: 0 };
    this.#anchors = [];
    this.#jumped = undefined;
  }

  /** The window's start for a reader scrolled away from the bottom. */
  #startAround(items: readonly LogItem[]): number {
    const max = this.#maxRendered;
    const margin = Math.floor(max / 4);
    const previous = this.#items[this.#slice.start];
    const current = previous ? indexOfKey(items, previous.key) : -1;
    const anchorIndex =
      this.#anchors.map((anchor) => indexOfKey(items, anchor.key)).find((index) => index >= 0) ??
      -1;
    if (anchorIndex >= 0) {
      const roomAbove = current === 0 || anchorIndex >= current + margin;
      const roomBelow = current + max >= items.length || anchorIndex < current + max - margin;
      if (current >= 0 && roomAbove && roomBelow) return current;
      return anchorIndex - Math.floor(max * 0.4);
    }
    // Nothing rendered is in view (the scroll bar was dragged over a spacer): the entry at
    // that height, by the measured and estimated heights.
    const container = this.options.container();
    if (!container) return current >= 0 ? current : items.length - max;
    let offset = container.scrollTop - this.#entriesTop;
    let index = 0;
    while (index < items.length - 1 && offset >= this.#extentOf(items[index]!)) {
      offset -= this.#extentOf(items[index]!);
      index++;
    }
    return index - Math.floor(max * 0.4);
  }

  #extentOf(item: LogItem): number {
    const measured = this.#extents.get(item.key);
    if (measured !== undefined) return measured;
    return this.#extents.size > 0 ? this.#extentsTotal / this.#extents.size : DEFAULT_EXTENT;
  }

  /** The height of a spacer for `items[from, to)`: their extents but the gap after the spacer. */
  #spacerHeight(items: readonly LogItem[], from: number, to: number): number {
    if (from >= to) return 0;
    let height = 0;
    for (let index = from; index < to; index++) height += this.#extentOf(items[index]!);
    return Math.max(1, height - this.#gap);
  }

  #entryElements(container: HTMLElement): HTMLElement[] {
    return [...container.querySelectorAll<HTMLElement>(`:scope > [${LOG_KEY_ATTRIBUTE}]`)];
  }

  #entryElement(container: HTMLElement, key: string): HTMLElement | null {
    return container.querySelector<HTMLElement>(
      `:scope > [${LOG_KEY_ATTRIBUTE}="${CSS.escape(key)}"]`,
    );
  }

  #setExtent(key: string, extent: number): void {
    this.#extentsTotal += extent - (this.#extents.get(key) ?? 0);
    this.#extents.set(key, extent);
  }

  /** Records the rendered entries' extents and where the entries start. */
  #measure(container: HTMLElement): void {
    this.#gap = parseFloat(getComputedStyle(container).rowGap) || 0;
    const box = container.getBoundingClientRect();
    const first = container.querySelector<HTMLElement>(
      `:scope > [${LOG_SPACER_ATTRIBUTE}], :scope > [${LOG_KEY_ATTRIBUTE}]`,
    );
    if (first) this.#entriesTop = first.getBoundingClientRect().top - box.top + container.scrollTop;
    let previous: { key: string; rect: DOMRect } | undefined;
    for (const element of this.#entryElements(container)) {
      const rect = element.getBoundingClientRect();
      if (previous) this.#setExtent(previous.key, rect.top - previous.rect.top);
      previous = { key: element.getAttribute(LOG_KEY_ATTRIBUTE)!, rect };
    }
    if (previous) this.#setExtent(previous.key, previous.rect.height + this.#gap);
  }

  /** Where scrolling must move the window: a quarter window from each edge that is not the end. */
  #placeThresholds(container: HTMLElement): void {
    const { start, end } = this.#slice;
    const margin = Math.floor(this.#maxRendered / 4);
    const scrolledTop = (index: number) => {
      const element = this.#entryElement(container, this.#items[index]?.key ?? '');
      if (!element) return undefined;
      const top = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
      return top + container.scrollTop;
    };
    this.#moveUpAt = (start > 0 && scrolledTop(start + margin)) || Number.NEGATIVE_INFINITY;
    this.#moveDownAt =
      (end < this.#items.length && scrolledTop(end - margin)) || Number.POSITIVE_INFINITY;
  }

  #observe(container: HTMLElement | undefined): void {
    if (container === this.#observed) return;
    this.#observed?.removeEventListener('scroll', this.#onScroll);
    this.#observed = container;
    container?.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  readonly #onScroll = (): void => {
    const top = this.#observed?.scrollTop ?? 0;
    if (top < this.#moveUpAt || top >= this.#moveDownAt) this.host.requestUpdate();
  };
}
