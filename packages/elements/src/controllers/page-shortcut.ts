import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Input types where a key does not type text (a `/` there is free for a shortcut). */
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'reset',
  'submit',
  'color',
  'file',
  'image',
]);

/** Whether a keyboard event comes from a place where a character key types text. */
export function isEditableTarget(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  const role = target.getAttribute('role');
  return role === 'textbox' || role === 'searchbox' || role === 'combobox' || role === 'spinbutton';
}

/**
 * A page-wide keyboard shortcut of a component: `key` pressed anywhere on the page (listened to
 * on the document while the host is connected), outside a field where it would type text and
 * without Ctrl, Meta or Alt, runs `action` while the host is visible. An action that acted
 * returns `true`: the key is then handled (`preventDefault()`), so a second component with the
 * same shortcut on the page leaves it alone.
 *
 * ```ts
 * private readonly shortcut = new PageShortcutController(this, '/', () => this.focusField());
 * ```
 */
export class PageShortcutController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly key: string,
    private readonly action: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKeydown);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== this.key || event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (isEditableTarget(event.composedPath()[0])) return;
    if (this.host.checkVisibility?.() === false) return;
    if (this.action()) event.preventDefault();
  };
}
