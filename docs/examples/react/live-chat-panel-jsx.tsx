import type { LiveChatClient } from '@live-chat/core';
import '@live-chat/elements';
import './jsx-types.js';

/** The same component as `LiveChatPanel`, written in JSX (TypeScript checks every attribute). */
export function LiveChatPanelJsx(props: {
  client: LiveChatClient;
  onSessionChange?: (sessionId: string | null) => void;
}) {
  return (
    <live-chat-workspace
      client={props.client}
      theme="dark"
      onlive-chat-session-change={(event) => props.onSessionChange?.(event.detail.sessionId)}
    />
  );
}
