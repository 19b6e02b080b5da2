import type { AssigneeTarget } from '@live-chat/core';
import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the fact that a session was reassigned. */
export const SESSION_REASSIGNED = 'live-chat-session-reassigned';

/** Detail of `live-chat-session-reassigned`. */
export interface SessionReassignedDetail {
  sessionId: string;
  target: AssigneeTarget;
}

/** `live-chat-session-reassigned`, a fact: the session was reassigned to `target`. */
export function sessionReassignedEvent(
  detail: SessionReassignedDetail,
): CustomEvent<SessionReassignedDetail> {
  return createLiveChatEvent(SESSION_REASSIGNED, detail, 'fact');
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-session-reassigned': CustomEvent<SessionReassignedDetail>;
  }
}
