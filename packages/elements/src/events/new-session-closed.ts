import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the fact that the New Session dialog closed. */
export const NEW_SESSION_CLOSED = 'live-chat-new-session-closed';

/** Detail of `live-chat-new-session-closed`. */
export interface NewSessionClosedDetail {
  /** The session started, when one was (absent when the user cancelled). */
  sessionId?: string;
}

/** `live-chat-new-session-closed`, a fact: the New Session dialog closed, started or cancelled. */
export function newSessionClosedEvent(
  detail: NewSessionClosedDetail,
): CustomEvent<NewSessionClosedDetail> {
  return createLiveChatEvent(NEW_SESSION_CLOSED, detail, 'fact');
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-new-session-closed': CustomEvent<NewSessionClosedDetail>;
  }
}
