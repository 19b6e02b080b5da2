/**
 * A `<live-chat-workspace>` as a host page mounts it: on its own client and a fresh memory
 * backend with the seed data, released in one call when the test is done.
 */
import { createLiveChatClient, type LiveChatClient, type TransportAdapter } from '@live-chat/core';
import { SEED_USERS, type MemoryBackend } from '@live-chat/adapters';
import type { LiveChatWorkspace } from '@live-chat/elements';
import { createTestBackend } from './dom.js';

/** A mounted workspace and what it runs on. */
export interface MountedWorkspace {
  backend: MemoryBackend;
  client: LiveChatClient;
  workspace: LiveChatWorkspace;
  /** Removes the workspace, then releases the client, its adapter and the backend. */
  unmount(): Promise<void>;
}

/**
 * Mounts a 1200 × 800 workspace in the document body, on a client whose adapter `connect`
 * makes from the backend (by default the memory adapter of the seed's operator A).
 */
export function mountWorkspace(
  connect: (backend: MemoryBackend) => TransportAdapter = (backend) =>
    backend.connect(SEED_USERS.operatorA),
): MountedWorkspace {
  const backend = createTestBackend();
  const adapter = connect(backend);
  const client = createLiveChatClient({ adapter });
  const workspace = document.createElement('live-chat-workspace');
  workspace.style.cssText = 'display: block; width: 1200px; height: 800px;';
  workspace.client = client;
  document.body.append(workspace);
  return {
    backend,
    client,
    workspace,
    async unmount() {
      workspace.remove();
      client.dispose();
      adapter.dispose?.();
      await backend.dispose();
    },
  };
}
