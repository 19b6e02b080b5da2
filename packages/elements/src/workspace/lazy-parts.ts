import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { lazyElements, PRELOADED } from './lazy-elements.js';

/** The page's idle callback, or a short timer where there is none. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 200);
  return () => clearTimeout(timer);
}

/**
 * The workspace's side of its lazily loaded parts: once the client is ready (`ready`), loads in
 * idle time what opening a session shows; renders again when a part's code fails to load (or
 * loads after all), and renders that failure as an alert with "Try again". When the browser is
 * back online, it tries the failed parts again by itself.
 */
export class LazyPartsController implements ReactiveController {
  #stopListening: (() => void) | undefined;
  #cancelPreload: (() => void) | undefined;
  #preloaded = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ready: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#stopListening = lazyElements.onChange(() => this.host.requestUpdate());
    window.addEventListener('online', this.#retry);
  }

  hostDisconnected(): void {
    this.#stopListening?.();
    window.removeEventListener('online', this.#retry);
    if (this.#cancelPreload) {
      // Not started yet: the next connection schedules it again.
      this.#cancelPreload();
      this.#cancelPreload = undefined;
      this.#preloaded = false;
    }
  }

  hostUpdated(): void {
    if (this.#preloaded || !this.ready()) return;
    this.#preloaded = true;
    this.#cancelPreload = whenIdle(() => {
      this.#cancelPreload = undefined;
      for (const tag of PRELOADED) void lazyElements.load(tag).catch(() => undefined);
    });
  }

  readonly #retry = (): void => void lazyElements.retry();

  /** The alert that part of the workspace could not be loaded, or nothing while none failed. */
  render(text: { failed: string; retry: string }): unknown {
    if (lazyElements.failed.length === 0) return nothing;
    return html`<div part="load-error" class="load-error" role="alert">
      <span>${text.failed}</span>
      <button type="button" class="button" @click=${this.#retry}>${text.retry}</button>
    </div>`;
  }
}
