import type { AlertSettings } from '../controllers/alerts/alert-settings-store.js';
import { createLiveChatEvent, formerNameOf } from './live-chat-event.js';

/** Name of the fact that the user changed the alert settings. */
export const ALERT_SETTINGS_CHANGED = 'live-chat-alert-settings-changed';
/** @deprecated The former name of `ALERT_SETTINGS_CHANGED`, still dispatched alongside it until the next release. */
export const ALERT_SETTINGS_CHANGE = 'live-chat-alert-settings-change';

/** Detail of `live-chat-alert-settings-changed`: the whole new settings. */
export type AlertSettingsChangedDetail = AlertSettings;

/** `live-chat-alert-settings-changed`, a fact: a setting changed (and was saved). */
export function alertSettingsChangedEvent(
  detail: AlertSettingsChangedDetail,
): CustomEvent<AlertSettingsChangedDetail> {
  return createLiveChatEvent(ALERT_SETTINGS_CHANGED, detail, 'fact');
}

/** @deprecated `live-chat-alert-settings-change`, the former name of `live-chat-alert-settings-changed`, for one release. */
export const alertSettingsChangeEvent =
  formerNameOf<AlertSettingsChangedDetail>(ALERT_SETTINGS_CHANGE);

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-alert-settings-changed': CustomEvent<AlertSettingsChangedDetail>;
    /** @deprecated Listen to `live-chat-alert-settings-changed`; this name is dispatched until the next release. */
    'live-chat-alert-settings-change': CustomEvent<AlertSettingsChangedDetail>;
  }
}
