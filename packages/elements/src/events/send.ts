import type { Attachment } from '@live-chat/core';
import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the request to send a message. */
export const SEND = 'live-chat-send';

/** Detail of `live-chat-send`. */
export interface SendDetail {
  sessionId: string;
  /** The text as it will be sent (trailing blanks removed; empty when files go alone). */
  text: string;
  /** The uploaded files sent with the reply, when there are any. */
  attachments?: Attachment[];
}

/**
 * `live-chat-send`, a request: the user sent a valid message, before it goes to the client.
 * Cancelable: `preventDefault()` keeps the text in the composer, for a host that sends it
 * another way.
 */
export function sendEvent(detail: SendDetail): CustomEvent<SendDetail> {
  return createLiveChatEvent(SEND, detail, 'request');
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-send': CustomEvent<SendDetail>;
  }
}
