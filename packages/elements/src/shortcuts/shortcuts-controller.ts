import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isShortcut, shortcutText, type Shortcut } from '../controllers/page-shortcut.js';
import { resolveShortcuts, type ShortcutAction, type ShortcutsSetting } from './shortcut-map.js';
import {
  loadShortcutsEnabled,
  saveShortcutsEnabled,
  SHORTCUTS_STORAGE_KEY,
  type ShortcutsStorage,
} from './shortcut-settings-store.js';

/** What {@link ShortcutsController} is given. */
export interface ShortcutsOptions {
  /** The host's `shortcuts` setting, read on every key. */
  setting: () => ShortcutsSetting;
  /** Runs an action; returns whether it acted (the key is then handled). */
  run: (action: ShortcutAction) => boolean;
  /** Where the user's on/off choice is kept (default `localStorage`, when available). */
  storage?: ShortcutsStorage;
  /** The key it is kept under (default {@link SHORTCUTS_STORAGE_KEY}). */
  storageKey?: string;
}

/** `localStorage`, unless the page may not use it. */
function pageStorage(): ShortcutsStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The workspace's action shortcuts: one `keydown` listener on the document while the host is
 * connected, matching each key against the actions' keys ({@link resolveShortcuts} of the
 * host's setting) and running the action while the host is visible. Nothing fires while the
 * user has turned shortcuts off (kept in `localStorage`, like the alert settings), while the
 * host's setting is `false`, during text composition (IME), or, for a single-character key,
 * while focus is in a text field.
 */
export class ShortcutsController implements ReactiveController {
  #userEnabled: boolean;
  readonly #storage: ShortcutsStorage | undefined;
  readonly #storageKey: string;
  #cachedSetting: ShortcutsSetting | undefined;
  #cachedBindings = new Map<ShortcutAction, Shortcut>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ShortcutsOptions,
  ) {
    this.#storage = 'storage' in options ? options.storage : pageStorage();
    this.#storageKey = options.storageKey ?? SHORTCUTS_STORAGE_KEY;
    this.#userEnabled = loadShortcutsEnabled(this.#storage, this.#storageKey);
    host.addController(this);
  }

  /** Whether the host allows shortcuts at all (its setting is not `false`). */
  get allowed(): boolean {
    return this.options.setting() !== false;
  }

  /** Whether shortcuts fire now: the host allows them and the user has not turned them off. */
  get enabled(): boolean {
    return this.allowed && this.#userEnabled;
  }

  /** Turns shortcuts on or off for this user (kept for their next visit). */
  setEnabled(enabled: boolean): void {
    this.#userEnabled = enabled;
    saveShortcutsEnabled(this.#storage, enabled, this.#storageKey);
    this.host.requestUpdate();
  }

  /** The key of each action under the host's setting, whether or not the user turned them off. */
  get bindings(): ReadonlyMap<ShortcutAction, Shortcut> {
    const setting = this.options.setting();
    if (setting !== this.#cachedSetting) {
      this.#cachedSetting = setting;
      this.#cachedBindings = resolveShortcuts(setting);
    }
    return this.#cachedBindings;
  }

  /** The key of `action` while shortcuts fire; `undefined` when it has none or they are off. */
  shortcutOf(action: ShortcutAction): Shortcut | undefined {
    return this.enabled ? this.bindings.get(action) : undefined;
  }

  /** `action`'s key as `aria-keyshortcuts` and tooltips write it (`Alt+Shift+X`), while it fires. */
  keysOf(action: ShortcutAction): string | undefined {
    const shortcut = this.shortcutOf(action);
    return shortcut === undefined ? undefined : shortcutText(shortcut);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKeydown);
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing || !this.enabled) return;
    for (const [action, shortcut] of this.bindings) {
      if (!isShortcut(event, shortcut)) continue;
      if (this.host.checkVisibility?.() === false) return;
      if (this.options.run(action)) event.preventDefault();
      return;
    }
  };
}
