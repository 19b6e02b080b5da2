import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the fact that a session was closed. */
export const SESSION_CLOSED = 'live-chat-session-closed';

/** Detail of `live-chat-session-closed`. */
export interface SessionClosedDetail {
  sessionId: string;
}

/** `live-chat-session-closed`, a fact: the user confirmed Close session and it was closed. */
export function sessionClosedEvent(detail: SessionClosedDetail): CustomEvent<SessionClosedDetail> {
  return createLiveChatEvent(SESSION_CLOSED, detail, 'fact');
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-session-closed': CustomEvent<SessionClosedDetail>;
  }
}
