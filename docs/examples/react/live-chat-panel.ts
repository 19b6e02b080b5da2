import { createElement } from 'react';
import type { LiveChatClient } from '@live-chat/core';
import '@live-chat/elements'; // defines <live-chat-workspace> before React first renders it

/** What `live-chat-session-open` carries: the session, and a message to jump to. */
export type SessionOpenDetail = HTMLElementEventMap['live-chat-session-open']['detail'];

export interface LiveChatPanelProps {
  /** The client of this workspace; keep the same object while the user stays signed in. */
  client: LiveChatClient;
  /** The open session, when the host wants to choose it. */
  sessionId?: string;
  locale?: string;
  theme?: 'light' | 'dark';
  /** A session was opened in the workspace (queue, counters, search, activity). */
  onSessionOpen?: (detail: SessionOpenDetail) => void;
  /** The open session changed; `null` when none is open. */
  onSessionChange?: (sessionId: string | null) => void;
}

/**
 * `<live-chat-workspace>` as a React component. React 19 sets `client` and `sessionId` as
 * properties, because the element defines them, and adds `on<event name>` props as event
 * listeners for the element's own events.
 */
export function LiveChatPanel({
  client,
  sessionId,
  locale = 'en',
  theme = 'light',
  onSessionOpen,
  onSessionChange,
}: LiveChatPanelProps) {
  return createElement('live-chat-workspace', {
    client,
    sessionId,
    locale,
    theme,
    'onlive-chat-session-open': (event: HTMLElementEventMap['live-chat-session-open']) =>
      onSessionOpen?.(event.detail),
    'onlive-chat-session-changed': (event: HTMLElementEventMap['live-chat-session-changed']) =>
      onSessionChange?.(event.detail.sessionId),
  });
}
