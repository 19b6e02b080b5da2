import { createContext } from '@lit/context';
import type { ShortcutAction } from './shortcut-map.js';

/**
 * The keyboard shortcuts in effect, as `<live-chat-workspace>` provides them to the components
 * inside it, so each button can name its own key: `enabled` is `false` while the user or the
 * host has turned shortcuts off (a component's own shortcut, such as the search's `/`, then
 * stops too), and `keys` holds each firing action's key as `aria-keyshortcuts` writes it
 * (`Alt+Shift+X`). Outside a workspace there is none, and components keep their own defaults.
 */
export interface ShortcutKeys {
  readonly enabled: boolean;
  readonly keys: Readonly<Partial<Record<ShortcutAction, string>>>;
}

/** The context `<live-chat-workspace>` provides {@link ShortcutKeys} through. */
export const shortcutKeysContext = createContext<ShortcutKeys | undefined>(
  Symbol('live-chat-shortcut-keys'),
);

/**
 * What a button shows of its key: `aria-keyshortcuts` (`undefined` without a key, so the
 * attribute is left out) and its tooltip, `label` followed by the key in brackets.
 */
export function keyHint(
  label: string,
  keys: string | undefined,
): { ariaKeyshortcuts: string | undefined; title: string } {
  return { ariaKeyshortcuts: keys, title: keys ? `${label} (${keys})` : label };
}

/** Whether two {@link ShortcutKeys} say the same (so a provider keeps the old object). */
export function sameShortcutKeys(a: ShortcutKeys | undefined, b: ShortcutKeys): boolean {
  return (
    a !== undefined && a.enabled === b.enabled && JSON.stringify(a.keys) === JSON.stringify(b.keys)
  );
}

/** The actions whose buttons name their key: the blue counter, Close session, "Reassign to". */
const SHOWN_ON_BUTTONS = ['take-next', 'close', 'reassign'] as const satisfies ShortcutAction[];

/** The {@link ShortcutKeys} of shortcuts that say whether they fire and the key of each action. */
export function shortcutKeysOf(shortcuts: {
  enabled: boolean;
  keysOf: (action: ShortcutAction) => string | undefined;
}): ShortcutKeys {
  const keys: Partial<Record<ShortcutAction, string>> = {};
  for (const action of SHOWN_ON_BUTTONS) {
    const key = shortcuts.keysOf(action);
    if (key) keys[action] = key;
  }
  return { enabled: shortcuts.enabled, keys };
}
