/**
 * @packageDocumentation
 * `@live-chat/elements`: the Lit web components of the Live Chat Workspace. Importing this
 * module defines every `live-chat-*` tag. Give `<live-chat-workspace>` a client from
 * `createLiveChatClient` (`@live-chat/core`), or use any component alone with its `client`
 * property.
 *
 * Each component also has its own entry, which defines that tag and imports only what it
 * renders: `@live-chat/elements/session-list`, `@live-chat/elements/counter`,
 * `@live-chat/elements/conversation`, … (one per folder of `src/` below, named after its tag
 * without the `live-chat-` prefix), and `@live-chat/elements/i18n` is the message catalogue
 * alone.
 *
 * What the workspace shows only on demand is loaded the first time it is shown, not with this
 * module: `<live-chat-reports>`, `<live-chat-search>`, `<live-chat-alert-settings>`,
 * `<live-chat-about-session>` (with the parts inside it), `<live-chat-monitor>`,
 * `<live-chat-shortcuts-help>`, `<live-chat-canned-replies>`, `<live-chat-new-session>` and the
 * in-app alert `<live-chat-alert-toast>` (this module exports their types). To use one of them outside the
 * workspace, import its entry (`@live-chat/elements/reports`, …). The Russian texts are an
 * entry of their own too: `@live-chat/elements/locales/ru`.
 *
 * @module \@live-chat/elements
 */
export * from './workspace/index.js';
export * from './navigation/navigation.js';
export type * from './new-session/index.js';
export * from './counter/index.js';
export * from './session-list/index.js';
export type * from './conversation/index.js';
export type * from './composer/index.js';
export type * from './about-session/index.js';
export type * from './search/index.js';
export type * from './reports/index.js';
export type * from './activity/index.js';
export * from './connection-status/index.js';
export * from './availability/index.js';
export type * from './monitor/index.js';
export type * from './canned-replies/index.js';
export type { LiveChatShortcutsHelp } from './shortcuts/shortcuts-help.js';
export { ShortcutsController, type ShortcutsOptions } from './shortcuts/shortcuts-controller.js';
export {
  loadShortcutsEnabled,
  saveShortcutsEnabled,
  SHORTCUTS_STORAGE_KEY,
  type ShortcutsStorage,
} from './shortcuts/shortcut-settings-store.js';
export {
  DEFAULT_SHORTCUTS,
  parseShortcut,
  resolveShortcuts,
  SHORTCUT_ACTIONS,
  type ShortcutAction,
  type ShortcutsSetting,
} from './shortcuts/shortcut-map.js';
export {
  DEFAULT_IDLE_AWAY_MS,
  IdleAwayController,
  PAGE_CLOCK,
  type IdleAwayOptions,
  type IdleClock,
} from './controllers/idle-away/idle-away-controller.js';
export type * from './alert-settings/index.js';
export type * from './alert-toast/index.js';
export * from './i18n/index.js';
export * from './events/index.js';
export { errorText, type ErrorSubject } from './shared/error-text.js';
export {
  AlertsController,
  type AlertsControllerOptions,
  type AlertsEnvironment,
  type AlertsDocument,
  type AlertsWindow,
  type DesktopPermission,
  type NotificationConstructorLike,
  type NotificationLike,
} from './controllers/alerts/alerts-controller.js';
export {
  ALERT_SETTINGS_STORAGE_KEY,
  DEFAULT_ALERT_SETTINGS,
  loadAlertSettings,
  saveAlertSettings,
  type AlertSettings,
  type AlertSettingsStorage,
} from './controllers/alerts/alert-settings-store.js';
export {
  AlertSound,
  type AudioContextLike,
  type AudioContextFactory,
} from './controllers/alerts/alert-sound.js';
export { LiveChatElement } from './shared/live-chat-element.js';
export { ObserveController } from './shared/observe-controller.js';
export { avatarContext, clientContext, localeContext } from './shared/client-context.js';
export {
  avatarSource,
  type AvatarOptions,
  type AvatarOwner,
  type AvatarUrlHook,
} from './shared/avatar.js';
