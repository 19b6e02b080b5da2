import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isShortcut, type Shortcut } from './page-shortcut.js';

/**
 * A page-wide keyboard shortcut of a component: the {@link Shortcut} pressed anywhere on the
 * page (listened to on the document while the host is connected) runs `action` while the host
 * is visible. An action that acted returns `true`: the key is then handled
 * (`preventDefault()`), so a second component with the same shortcut on the page leaves it
 * alone.
 *
 * ```ts
 * private readonly shortcut = new PageShortcutController(this, '/', () => this.focusField());
 * ```
 */
export class PageShortcutController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly shortcut: Shortcut,
    private readonly action: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKeydown);
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || !isShortcut(event, this.shortcut)) return;
    if (this.host.checkVisibility?.() === false) return;
    if (this.action()) event.preventDefault();
  };
}
