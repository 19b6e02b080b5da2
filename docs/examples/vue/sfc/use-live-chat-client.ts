import { markRaw, onBeforeUnmount } from 'vue';
import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import type { MemoryBackend } from '@live-chat/adapters';

/**
 * The signed-in user's client, for as long as the calling component is mounted: created in
 * `setup`, disposed with its adapter on unmount. `markRaw`: the client is a stateful service
 * object, not data for Vue to make reactive, and the element must receive the object itself.
 */
export function useLiveChatClient(backend: MemoryBackend, userId: string): LiveChatClient {
  const adapter = backend.connect(userId);
  const client = markRaw(createLiveChatClient({ adapter }));
  onBeforeUnmount(() => {
    client.dispose();
    adapter.dispose();
  });
  return client;
}
