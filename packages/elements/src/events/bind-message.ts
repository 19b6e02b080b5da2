import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the request to bind one message to a host record. */
export const BIND_MESSAGE = 'live-chat-bind-message';

/** Detail of `live-chat-bind-message`. */
export interface BindMessageDetail {
  sessionId: string;
  messageId: string;
  /** A one-line preview of the message, to say which one is being bound. */
  preview: string;
}

/**
 * `live-chat-bind-message`, a request: the operator asked, from a message of the conversation,
 * to bind it to a record of the host (or create one from it). The workspace opens the About
 * pane's binders for that message; a host that handles it itself calls `preventDefault()`.
 */
export function bindMessageEvent(detail: BindMessageDetail): CustomEvent<BindMessageDetail> {
  return createLiveChatEvent(BIND_MESSAGE, detail, 'request');
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-bind-message': CustomEvent<BindMessageDetail>;
  }
}
