import { createLiveChatEvent, formerNameOf } from './live-chat-event.js';

/** Name of the fact that the New Session dialog closed. */
export const NEW_SESSION_CLOSED = 'live-chat-new-session-closed';
/** @deprecated The former name of `NEW_SESSION_CLOSED`, still dispatched alongside it until the next release. */
export const NEW_SESSION_CLOSE = 'live-chat-new-session-close';

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

/** @deprecated `live-chat-new-session-close`, the former name of `live-chat-new-session-closed`, for one release. */
export const newSessionCloseEvent = formerNameOf<NewSessionClosedDetail>(NEW_SESSION_CLOSE);

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-new-session-closed': CustomEvent<NewSessionClosedDetail>;
    /** @deprecated Listen to `live-chat-new-session-closed`; this name is dispatched until the next release. */
    'live-chat-new-session-close': CustomEvent<NewSessionClosedDetail>;
  }
}
