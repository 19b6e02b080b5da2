import type { Id, SessionGroupKind } from '@live-chat/core';
import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the request to show another view. */
export const NAVIGATE = 'live-chat-navigate';

/** What the left menu selects: the reports, the supervisors' live monitor, or one group of one live chat. */
export type NavigationSelection =
  | { view: 'reports' }
  | { view: 'monitor' }
  | { view: 'group'; liveChatId: Id; group: SessionGroupKind };

/** Detail of `live-chat-navigate`. */
export type NavigateDetail = NavigationSelection;

/** `live-chat-navigate`, a request: the user chose an entry of the left menu. Cancelable. */
export function navigateEvent(detail: NavigateDetail): CustomEvent<NavigateDetail> {
  return createLiveChatEvent(NAVIGATE, detail, 'request');
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-navigate': CustomEvent<NavigateDetail>;
  }
}
