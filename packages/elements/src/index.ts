/**
 * @packageDocumentation
 * `@live-chat/elements`: the Lit web components of the Live Chat Workspace. Importing this
 * module defines every `live-chat-*` tag. Give `<live-chat-workspace>` a client from
 * `createLiveChatClient` (`@live-chat/core`), or use any component alone with its `client`
 * property.
 *
 * @module \@live-chat/elements
 */
export { LiveChatWorkspace, MEDIUM_MAX_WIDTH, NARROW_MAX_WIDTH } from './workspace/workspace.js';
export type { WorkspaceLayout, WorkspacePane, WorkspaceSideTab } from './workspace/workspace.js';
export { LiveChatNavigation } from './navigation/navigation.js';
export type { NavigationSelection, NavigationListPlacement } from './navigation/navigation.js';
export { LiveChatNewSession } from './new-session/new-session.js';
export { LiveChatCounter } from './counter/counter.js';
export type { CounterKind } from './counter/counter.js';
export { LiveChatSessionList } from './session-list/session-list.js';
export { LiveChatConversation } from './conversation/conversation.js';
export { LiveChatAboutSession } from './about-session/about-session.js';
export { LiveChatSearch } from './search/search.js';
export { LiveChatReports } from './reports/reports.js';
export type { ReportKind, ReportChangeDetail } from './reports/reports.js';
export { LiveChatActivity } from './activity/activity.js';
export { LiveChatConnectionStatus } from './connection-status/connection-status.js';
export { LiveChatAlertSettings } from './alert-settings/alert-settings.js';
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
export { clientContext, localeContext } from './shared/client-context.js';
export {
  registerMessages,
  translate,
  availableLocales,
  DEFAULT_LOCALE,
  type Messages,
  type MessageValue,
  type MessageParams,
  type PluralForms,
} from './i18n/catalogue.js';
