import type { AlertSettingsStorage } from '../controllers/alerts/alert-settings-store.js';
import { readStoredJson, writeStoredJson } from '../shared/stored-json.js';

/** The `localStorage` key the user's choice is kept under unless another is given. */
export const SHORTCUTS_STORAGE_KEY = 'live-chat-workspace:shortcuts';

/** The part of `Storage` the setting needs (the same as the alert settings'). */
export type ShortcutsStorage = AlertSettingsStorage;

/**
 * Whether the user wants keyboard shortcuts: yes unless they turned them off. Kept like the
 * alert settings are; yes when storage is unavailable or holds something else.
 */
export function loadShortcutsEnabled(
  storage?: ShortcutsStorage,
  key = SHORTCUTS_STORAGE_KEY,
): boolean {
  const stored = readStoredJson(storage, key);
  return (stored as { enabled?: unknown } | null | undefined)?.enabled !== false;
}

/** Keeps the user's choice; returns whether it was stored. */
export function saveShortcutsEnabled(
  storage: ShortcutsStorage | undefined,
  enabled: boolean,
  key = SHORTCUTS_STORAGE_KEY,
): boolean {
  return writeStoredJson(storage, key, { enabled });
}
