/**
 * The former names of four facts, renamed to the past participle (see `index.ts`): each is
 * dispatched with the same detail right after the new name, for one release, then removed.
 * They live together here so that they go together.
 */
import type { AlertSettingsChangedDetail } from './alert-settings-changed.js';
import { formerNameOf } from './live-chat-event.js';
import type { NewSessionClosedDetail } from './new-session-closed.js';
import type { ReportChangedDetail } from './report-changed.js';
import type { SessionChangedDetail } from './session-changed.js';

/** @deprecated The former name of `SESSION_CHANGED`, still dispatched alongside it until the next release. */
export const SESSION_CHANGE = 'live-chat-session-change';
/** @deprecated `live-chat-session-change`, the former name of `live-chat-session-changed`, for one release. */
export const sessionChangeEvent = formerNameOf<SessionChangedDetail>(SESSION_CHANGE);

/** @deprecated The former name of `ALERT_SETTINGS_CHANGED`, still dispatched alongside it until the next release. */
export const ALERT_SETTINGS_CHANGE = 'live-chat-alert-settings-change';
/** @deprecated `live-chat-alert-settings-change`, the former name of `live-chat-alert-settings-changed`, for one release. */
export const alertSettingsChangeEvent =
  formerNameOf<AlertSettingsChangedDetail>(ALERT_SETTINGS_CHANGE);

/** @deprecated The former name of `REPORT_CHANGED`, still dispatched alongside it until the next release. */
export const REPORT_CHANGE = 'live-chat-report-change';
/** @deprecated `live-chat-report-change`, the former name of `live-chat-report-changed`, for one release. */
export const reportChangeEvent = formerNameOf<ReportChangedDetail>(REPORT_CHANGE);

/** @deprecated The former name of `NEW_SESSION_CLOSED`, still dispatched alongside it until the next release. */
export const NEW_SESSION_CLOSE = 'live-chat-new-session-close';
/** @deprecated `live-chat-new-session-close`, the former name of `live-chat-new-session-closed`, for one release. */
export const newSessionCloseEvent = formerNameOf<NewSessionClosedDetail>(NEW_SESSION_CLOSE);

declare global {
  interface GlobalEventHandlersEventMap {
    /** @deprecated Listen to `live-chat-session-changed`; this name is dispatched until the next release. */
    'live-chat-session-change': CustomEvent<SessionChangedDetail>;
    /** @deprecated Listen to `live-chat-alert-settings-changed`; this name is dispatched until the next release. */
    'live-chat-alert-settings-change': CustomEvent<AlertSettingsChangedDetail>;
    /** @deprecated Listen to `live-chat-report-changed`; this name is dispatched until the next release. */
    'live-chat-report-change': CustomEvent<ReportChangedDetail>;
    /** @deprecated Listen to `live-chat-new-session-closed`; this name is dispatched until the next release. */
    'live-chat-new-session-close': CustomEvent<NewSessionClosedDetail>;
  }
}
