import { fixture, html } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import type { LiveChatWorkspace } from '../workspace/workspace.js';
import { startClient, waitUntil, type Backend } from './seeded-client.js';
import { settle } from './settle.js';
import '../workspace/workspace.js';

/** How {@link signedInWorkspace} mounts the workspace. */
export interface SignedInOptions {
  /** The width of the box the workspace fills (default 1280 px; the height is 760 px). */
  width?: number;
  /** Whether the workspace's alerts are on (default off: `no-alerts`). */
  alerts?: boolean;
  /** Its `idle-away-ms` (default 0: no automatic away). */
  idleAwayMs?: number;
}

/**
 * `userId` signed in to a workspace over `backend`, as an operator sees it: a client of their
 * own, the workspace mounted in a box of the given size, ready and rendered.
 */
export async function signedInWorkspace(
  backend: Backend,
  userId: string,
  { width = 1280, alerts = false, idleAwayMs = 0 }: SignedInOptions = {},
): Promise<{ el: LiveChatWorkspace; client: LiveChatClient }> {
  const { client } = startClient(backend, { userId });
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width:${width}px;height:760px">
      <live-chat-workspace
        ?no-alerts=${!alerts}
        idle-away-ms=${idleAwayMs}
        .client=${client}
      ></live-chat-workspace>
    </div>`,
  );
  const el = wrapper.querySelector('live-chat-workspace')!;
  await waitUntil(() => client.status.state === 'ready', `${userId} ready`);
  await settle(el);
  return { el, client };
}
