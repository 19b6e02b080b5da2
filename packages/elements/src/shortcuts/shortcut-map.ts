import type { Shortcut } from '../controllers/page-shortcut.js';

/**
 * The workspace's keyboard shortcuts, by action name: the names a host uses to remap them
 * (`workspace.shortcuts = { close: 'Alt+Shift+K' }`) or turn one off (`{ search: false }`).
 */
export type ShortcutAction =
  | 'take-next'
  | 'close'
  | 'reassign'
  | 'queue'
  | 'mine'
  | 'search'
  | 'help'
  | 'skip-counter'
  | 'skip-reply'
  | 'skip-list'
  | 'skip-conversation';

/**
 * The workspace's `shortcuts` property: `true` (the defaults), `false` (every shortcut off), or
 * changes by action name: a key as people write it (`'Alt+Shift+K'`, or one character such as
 * `'?'`, which then works only outside text fields), or `false` to turn that one off.
 */
export type ShortcutsSetting = boolean | Partial<Record<ShortcutAction, string | false>>;

/**
 * The default keys. Every action key is Alt+Shift and a letter, as the skip links have always
 * been: no browser, operating system or screen reader command of the common desktop platforms
 * uses these letters with Alt+Shift (Chrome keeps Alt+Shift+A, B, I and T; screen readers use
 * Insert, Caps Lock or Ctrl+Option). The help is `?`, a single key, so it never fires in a
 * text field.
 */
export const DEFAULT_SHORTCUTS: Readonly<Record<ShortcutAction, Shortcut>> = Object.freeze({
  'take-next': { key: 'o' },
  close: { key: 'x' },
  reassign: { key: 'e' },
  queue: { key: 'q' },
  mine: { key: 'm' },
  search: { key: 's' },
  help: '?',
  'skip-counter': { key: 'n' },
  'skip-reply': { key: 'r' },
  'skip-list': { key: 'l' },
  'skip-conversation': { key: 'c' },
});

/** Every action, in the order the help lists them. */
export const SHORTCUT_ACTIONS = Object.keys(DEFAULT_SHORTCUTS) as readonly ShortcutAction[];

/**
 * A key as people write it: `Alt+Shift+` and a letter or digit, or one printable character that
 * is not a space. Anything else (Ctrl and Meta combinations belong to the browser and the
 * screen reader) is `undefined`.
 */
export function parseShortcut(text: string): Shortcut | undefined {
  const combo = /^alt\+shift\+([a-z0-9])$/i.exec(text.trim());
  if (combo?.[1]) return { key: combo[1].toLowerCase() };
  return [...text].length === 1 && text.trim() !== '' ? text : undefined;
}

/**
 * The key of each action under `setting`: the default unless the setting changes it; none for
 * an action turned off, for every action when the setting is `false`, and for a change that is
 * not a valid key (the default stays).
 */
export function resolveShortcuts(setting: ShortcutsSetting): Map<ShortcutAction, Shortcut> {
  const bindings = new Map<ShortcutAction, Shortcut>();
  if (setting === false) return bindings;
  const changes = setting === true ? {} : setting;
  for (const action of SHORTCUT_ACTIONS) {
    const change = changes[action];
    if (change === false) continue;
    const parsed = typeof change === 'string' ? parseShortcut(change) : undefined;
    bindings.set(action, parsed ?? DEFAULT_SHORTCUTS[action]);
  }
  return bindings;
}
