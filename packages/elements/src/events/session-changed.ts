import { createLiveChatEvent, formerNameOf } from './live-chat-event.js';

/** Name of the fact that the workspace's open session changed. */
export const SESSION_CHANGED = 'live-chat-session-changed';
/** @deprecated The former name of `SESSION_CHANGED`, still dispatched alongside it until the next release. */
export const SESSION_CHANGE = 'live-chat-session-change';

/** Detail of `live-chat-session-changed`. */
export interface SessionChangedDetail {
  /** The session now open, or `null` when none is. */
  sessionId: string | null;
}

/**
 * `live-chat-session-changed`, a fact: the open session of the workspace changed through the UI
 * (not when the host sets `sessionId`).
 */
export function sessionChangedEvent(
  detail: SessionChangedDetail,
): CustomEvent<SessionChangedDetail> {
  return createLiveChatEvent(SESSION_CHANGED, detail, 'fact');
}

/** @deprecated `live-chat-session-change`, the former name of `live-chat-session-changed`, for one release. */
export const sessionChangeEvent = formerNameOf<SessionChangedDetail>(SESSION_CHANGE);

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-session-changed': CustomEvent<SessionChangedDetail>;
    /** @deprecated Listen to `live-chat-session-changed`; this name is dispatched until the next release. */
    'live-chat-session-change': CustomEvent<SessionChangedDetail>;
  }
}
