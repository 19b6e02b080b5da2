import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the fact that the workspace's open session changed. */
export const SESSION_CHANGED = 'live-chat-session-changed';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-session-changed': CustomEvent<SessionChangedDetail>;
  }
}
