import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Row height used until the row height probe has been measured. */
const DEFAULT_ROW_HEIGHT = 64;
/** Rows assumed visible while the list has no layout yet (hidden, detached, zero height). */
const FALLBACK_VISIBLE_ROWS = 10;

/** The rows to render: `[first, last)`. */
export interface RowWindow {
  first: number;
  last: number;
}

/**
 * The indexes of the rows to put in the DOM: those of `window`, and the `kept` one (the row with
 * the tab stop) wherever it is, before or after them, so focus survives scrolling it away.
 */
export function renderedRows(window: RowWindow, kept: number | undefined): number[] {
  const rows: number[] = [];
  if (kept !== undefined && kept < window.first) rows.push(kept);
  for (let index = window.first; index < window.last; index++) rows.push(index);
  if (kept !== undefined && kept >= window.last) rows.push(kept);
  return rows;
}

/** Where a {@link VirtualRowsController} finds its elements. */
export interface VirtualRowsOptions {
  /** The scrolling element. */
  scroller: () => HTMLElement | null | undefined;
  /** An empty element with the rows' height (a CSS length), measured in px. */
  probe: () => HTMLElement | null | undefined;
  /** Rows rendered beyond each edge of the viewport; nothing: {@link defaultOverscan}. */
  overscan: () => number | undefined;
}

/**
 * The overscan used unless one is set: a quarter of the rows in view beyond the first (none for
 * fewer than five rows in view). With the rows cut by each edge, the DOM then holds at most
 * about 1.6 times the rows in view, never twice as many (a viewport of one or two rows aside).
 */
export function defaultOverscan(rowsInView: number): number {
  return Math.max(0, Math.floor((rowsInView - 1) / 4));
}

/**
 * Virtualisation of a list of fixed-height rows: the row height (measured from a probe, so CSS
 * may set it in any unit), the viewport and the scroll position, kept up to date with a
 * `ResizeObserver` on the host and the scroller and with the scroller's `scroll` events; from
 * them, the window of rows to render and the rows in a page.
 */
export class VirtualRowsController implements ReactiveController {
  #height = DEFAULT_ROW_HEIGHT;
  #viewportHeight = 0;
  #scrollTop = 0;
  #resizeObserver: ResizeObserver | undefined;
  #observedScroller: HTMLElement | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: VirtualRowsOptions,
  ) {
    host.addController(this);
  }

  /** The height of every row, in px. */
  get rowHeight(): number {
    return this.#height;
  }

  hostConnected(): void {
    this.#resizeObserver ??= new ResizeObserver(() => this.#measure());
    this.#resizeObserver.observe(this.host);
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#observedScroller = undefined;
  }

  hostUpdated(): void {
    const scroller = this.options.scroller() ?? undefined;
    if (scroller === this.#observedScroller) return;
    this.#observedScroller = scroller;
    // Observing calls back once at once (asynchronously): that is the first measurement.
    if (scroller) this.#resizeObserver?.observe(scroller);
  }

  /** The scroller's `scroll` listener. */
  readonly onScroll = (event: Event): void => {
    this.#setScrollTop((event.currentTarget as HTMLElement).scrollTop);
  };

  /** How many rows the viewport holds (a fraction when a row is cut by its edge). */
  rowsInView(): number {
    return this.#viewport() / this.#height;
  }

  /** The rows in view, plus the overscan on each side, of a list of `total` rows. */
  rowWindow(total: number): RowWindow {
    const height = this.#height;
    const overscan = this.options.overscan() ?? defaultOverscan(this.rowsInView());
    const viewport = this.#viewport();
    return {
      first: Math.max(0, Math.floor(this.#scrollTop / height) - overscan),
      last: Math.min(total, Math.ceil((this.#scrollTop + viewport) / height) + overscan),
    };
  }

  /** How many rows PageUp and PageDown move: a viewport less one row of context. */
  pageSize(): number {
    return Math.max(1, Math.floor(this.#viewport() / this.#height) - 1);
  }

  /** Scrolls the least that brings row `index` fully into view. */
  scrollIntoView(index: number): void {
    const scroller = this.options.scroller();
    if (!scroller) return;
    const top = index * this.#height;
    const bottom = top + this.#height;
    const viewport = scroller.clientHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + viewport) scroller.scrollTop = bottom - viewport;
    this.#setScrollTop(scroller.scrollTop);
  }

  #viewport(): number {
    return this.#viewportHeight > 0 ? this.#viewportHeight : this.#height * FALLBACK_VISIBLE_ROWS;
  }

  #measure(): void {
    const probe = this.options.probe();
    if (probe) {
      const height = probe.getBoundingClientRect().height;
      if (height > 0 && Math.abs(height - this.#height) > 0.01) {
        this.#height = height;
        this.host.requestUpdate();
      }
    }
    const scroller = this.options.scroller();
    if (scroller) {
      if (scroller.clientHeight !== this.#viewportHeight) {
        this.#viewportHeight = scroller.clientHeight;
        this.host.requestUpdate();
      }
      this.#setScrollTop(scroller.scrollTop);
    }
  }

  #setScrollTop(scrollTop: number): void {
    if (scrollTop === this.#scrollTop) return;
    this.#scrollTop = scrollTop;
    this.host.requestUpdate();
  }
}
