import type { AlertSettings } from '../controllers/alerts/alert-settings-store.js';
import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the fact that the user changed the alert settings. */
export const ALERT_SETTINGS_CHANGED = 'live-chat-alert-settings-changed';

/** Detail of `live-chat-alert-settings-changed`: the whole new settings. */
export type AlertSettingsChangedDetail = AlertSettings;

/** `live-chat-alert-settings-changed`, a fact: a setting changed (and was saved). */
export function alertSettingsChangedEvent(
  detail: AlertSettingsChangedDetail,
): CustomEvent<AlertSettingsChangedDetail> {
  return createLiveChatEvent(ALERT_SETTINGS_CHANGED, detail, 'fact');
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-alert-settings-changed': CustomEvent<AlertSettingsChangedDetail>;
  }
}
