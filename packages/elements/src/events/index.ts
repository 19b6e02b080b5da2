/**
 * The events of the `live-chat-*` elements, one file per event: its detail type, a factory that
 * creates it (a `CustomEvent` with `bubbles: true, composed: true`) and its one declaration in
 * `GlobalEventHandlersEventMap`, so `addEventListener('live-chat-session-open', (e) =>
 * e.detail.sessionId)` type-checks on an element, the document or the window. Components
 * dispatch only through these factories and declare no event map entry of their own.
 *
 * Naming: `live-chat-<subject>-<verb>`, in one of two forms.
 * - A **request**, what the user asked for, has the verb in its base form:
 *   `live-chat-session-open`, `live-chat-navigate`, `live-chat-send`,
 *   `live-chat-bind-message`. It is cancelable: a host
 *   that handles it itself calls `preventDefault()`.
 * - A **fact**, what happened, has the verb in the past participle: `live-chat-session-closed`,
 *   `live-chat-session-reassigned`, `live-chat-session-changed`, `live-chat-take-lost`,
 *   `live-chat-alert-settings-changed`, `live-chat-report-changed`,
 *   `live-chat-new-session-closed`. It is not cancelable: it already happened.
 *
 * Deprecated names: `live-chat-session-change`, `live-chat-alert-settings-change`,
 * `live-chat-report-change` and `live-chat-new-session-close` (the facts' former names) are
 * still dispatched, with the same detail, right after the new name, until the next release
 * (all four in `former-names.ts`).
 *
 * @module
 */
export { createLiveChatEvent } from './live-chat-event.js';
export { SESSION_OPEN, sessionOpenEvent, type SessionOpenDetail } from './session-open.js';
export {
  NAVIGATE,
  navigateEvent,
  type NavigateDetail,
  type NavigationSelection,
} from './navigate.js';
export { SEND, sendEvent, type SendDetail } from './send.js';
export { SESSION_CLOSED, sessionClosedEvent, type SessionClosedDetail } from './session-closed.js';
export { TAKE_LOST, takeLostEvent, takenBy, type TakeLostDetail } from './take-lost.js';
export {
  SESSION_REASSIGNED,
  sessionReassignedEvent,
  type SessionReassignedDetail,
} from './session-reassigned.js';
export {
  SESSION_CHANGED,
  sessionChangedEvent,
  type SessionChangedDetail,
} from './session-changed.js';
export {
  ALERT_SETTINGS_CHANGED,
  alertSettingsChangedEvent,
  type AlertSettingsChangedDetail,
} from './alert-settings-changed.js';
export {
  REPORT_CHANGED,
  reportChangedEvent,
  type ReportChangedDetail,
  type ReportKind,
} from './report-changed.js';
export {
  NEW_SESSION_CLOSED,
  newSessionClosedEvent,
  type NewSessionClosedDetail,
} from './new-session-closed.js';
export {
  ALERT_SETTINGS_CHANGE,
  alertSettingsChangeEvent,
  NEW_SESSION_CLOSE,
  newSessionCloseEvent,
  REPORT_CHANGE,
  reportChangeEvent,
  SESSION_CHANGE,
  sessionChangeEvent,
} from './former-names.js';
export { BIND_MESSAGE, bindMessageEvent, type BindMessageDetail } from './bind-message.js';
