/**
 * Page shortcuts: what they are and how a key event is matched against one. The controller that
 * listens for one on the page is in page-shortcut-controller.ts.
 */

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
 * A letter or digit pressed with Alt and Shift (`{ key: 'n' }` is Alt+Shift+N). Matched by the
 * physical key (`KeyboardEvent.code`), since Alt (Option on a Mac) changes the character typed.
 */
export interface KeyCombo {
  /** The letter (`'n'`) or digit (`'1'`). */
  key: string;
}

/**
 * A page shortcut: one character typed outside text fields (`'/'`), or a {@link KeyCombo}
 * (Alt+Shift+letter), which works anywhere, in a text field too. Neither uses the keys that
 * browsers and screen readers keep for themselves (Ctrl, Meta, Insert, Caps Lock).
 */
export type Shortcut = string | KeyCombo;

/** The shortcut as `aria-keyshortcuts` and people write it: `/`, `Alt+Shift+N`. */
export function shortcutText(shortcut: Shortcut): string {
  return typeof shortcut === 'string' ? shortcut : `Alt+Shift+${shortcut.key.toUpperCase()}`;
}

/** Whether a key event is `shortcut`, pressed where it applies. */
export function isShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  if (event.ctrlKey || event.metaKey) return false;
  if (typeof shortcut !== 'string') {
    const key = shortcut.key.toUpperCase();
    const code = /\d/.test(key) ? `Digit${key}` : `Key${key}`;
    return event.altKey && event.shiftKey && event.code === code;
  }
  return event.key === shortcut && !event.altKey && !isEditableTarget(event.composedPath()[0]);
}
