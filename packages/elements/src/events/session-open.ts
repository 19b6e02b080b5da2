import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the request to open a session. */
export const SESSION_OPEN = 'live-chat-session-open';

/** Detail of `live-chat-session-open`. */
export interface SessionOpenDetail {
  sessionId: string;
  /** A message of the session to scroll to and highlight (a search hit). */
  messageId?: string;
}

/**
 * `live-chat-session-open`, a request: the user asked to open a session (a list, a counter, a
 * search hit, the activity feed, a started session, a desktop notification). Cancelable: a
 * component that selects the session itself does so only when no listener called
 * `preventDefault()`.
 */
export function sessionOpenEvent(detail: SessionOpenDetail): CustomEvent<SessionOpenDetail> {
  return createLiveChatEvent(SESSION_OPEN, detail, 'request');
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-session-open': CustomEvent<SessionOpenDetail>;
  }
}
