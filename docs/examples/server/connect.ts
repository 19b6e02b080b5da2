import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import { createWebSocketAdapter } from '@live-chat/adapters';

/** A workspace client and how to let it go. */
export interface Connected {
  client: LiveChatClient;
  /** Disposes the client, then the adapter (which closes the socket). */
  dispose(): void;
}

/**
 * In the browser: a client of the live chat server, signed in with tokens from your portal
 * (`tokenUrl` answers the token as text for the signed-in operator). `getToken` runs before
 * every connection, so an expired token is replaced without a reload.
 */
export function connectWorkspace(serverUrl: string, tokenUrl: string): Connected {
  const adapter = createWebSocketAdapter({
    url: serverUrl, // e.g. 'wss://chat.example.com/ws'
    getToken: async () => {
      const response = await fetch(tokenUrl, { credentials: 'include' });
      if (!response.ok) throw new Error(`The portal answered ${response.status}.`);
      return response.text();
    },
  });
  // `failed` means reconnecting cannot help, e.g. the server refused the token (4403).
  adapter.failure$.subscribe((failure) => {
    if (failure) console.warn(`Live chat is unavailable: ${failure.message}`);
  });
  const client = createLiveChatClient({ adapter });
  return {
    client,
    dispose() {
      client.dispose(); // the client leaves the adapter to whoever created it
      adapter.dispose();
    },
  };
}
