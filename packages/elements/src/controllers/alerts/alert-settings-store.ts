import { readStoredJson, writeStoredJson } from '../../shared/stored-json.js';

/** Which alerts the user wants for incoming messages. */
export interface AlertSettings {
  /** A short beep. */
  sound: boolean;
  /** A desktop notification while the workspace is in the background (needs the browser's permission). */
  desktop: boolean;
  /** "(3) Title": alerts since the page was last seen, in the page title. */
  titleBadge: boolean;
}

/** Sound and title badge on; desktop notifications off until the user asks for them. */
export const DEFAULT_ALERT_SETTINGS: Readonly<AlertSettings> = Object.freeze({
  sound: true,
  desktop: false,
  titleBadge: true,
});

/** The `localStorage` key settings are kept under unless another is given. */
export const ALERT_SETTINGS_STORAGE_KEY = 'live-chat-workspace:alert-settings';

/** The part of `Storage` the settings need. */
export type AlertSettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Reads settings, falling back to the defaults for anything missing or malformed (and when
 * storage is unavailable, e.g. blocked by privacy settings).
 */
export function loadAlertSettings(
  storage: AlertSettingsStorage | undefined,
  key = ALERT_SETTINGS_STORAGE_KEY,
): AlertSettings {
  const settings: AlertSettings = { ...DEFAULT_ALERT_SETTINGS };
  const stored = readStoredJson(storage, key);
  if (typeof stored !== 'object' || stored === null) return settings;
  for (const name of Object.keys(settings) as Array<keyof AlertSettings>) {
    const value = (stored as Record<string, unknown>)[name];
    if (typeof value === 'boolean') settings[name] = value;
  }
  return settings;
}

/** Writes settings; returns whether they were stored. */
export function saveAlertSettings(
  storage: AlertSettingsStorage | undefined,
  settings: AlertSettings,
  key = ALERT_SETTINGS_STORAGE_KEY,
): boolean {
  return writeStoredJson(storage, key, settings);
}
