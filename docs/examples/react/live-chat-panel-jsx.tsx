import type { LiveChatClient } from '@live-chat/core';
import '@live-chat/elements/workspace'; // defines <live-chat-workspace> and the components inside it
import '@live-chat/elements/counter'; // defines <live-chat-counter>
import type {} from '@live-chat/elements/types/react'; // JSX types for every live-chat-* tag

/** `LiveChatPanel` in JSX, with the red counter above the workspace (every attribute is checked). */
export function LiveChatPanelJsx(props: {
  client: LiveChatClient;
  onSessionChange?: (sessionId: string | null) => void;
}) {
  return (
    <>
      <live-chat-counter client={props.client} kind="unread" showLabel />
      <live-chat-workspace
        client={props.client}
        theme="dark"
        onlive-chat-session-changed={(event) => props.onSessionChange?.(event.detail.sessionId)}
      />
    </>
  );
}
