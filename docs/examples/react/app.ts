import { createElement, useEffect, useState } from 'react';
import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import type { MemoryBackend } from '@live-chat/adapters';
import { LiveChatPanel } from './live-chat-panel.js';

export interface AppProps {
  backend: MemoryBackend;
  userId: string;
}

/** A host app: one client per signed-in user, the workspace, and the app's own status line. */
export function App({ backend, userId }: AppProps) {
  const [client, setClient] = useState<LiveChatClient | null>(null);
  const [openSessionId, setOpenSessionId] = useState<string | null>(null);

  // Create the client in an effect and dispose it in the cleanup (this also works in StrictMode,
  // which runs effects twice in development).
  useEffect(() => {
    const adapter = backend.connect(userId);
    const next = createLiveChatClient({ adapter });
    setClient(next);
    return () => {
      next.dispose();
      adapter.dispose();
    };
  }, [backend, userId]);

  return createElement(
    'div',
    { className: 'app' },
    createElement(
      'p',
      { role: 'status' },
      openSessionId ? `Open session: ${openSessionId}` : 'No session open',
    ),
    client && createElement(LiveChatPanel, { client, onSessionChange: setOpenSessionId }),
  );
}
