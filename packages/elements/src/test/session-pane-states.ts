import { expect } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import { deepQuery } from './deep-query.js';
import { memoryBackend, seededClient, startClient, waitUntil } from './seeded-client.js';

/**
 * Test support: the states every pane showing one session goes through before it shows one
 * (`<live-chat-conversation>`, `<live-chat-about-session>`), checked the same way for each.
 * `mount` shows the pane for a client and a session id (or none).
 */
export type MountPane<T extends HTMLElement> = (
  client: LiveChatClient,
  sessionId?: string,
) => Promise<T>;

/** Without a session: a hint to select one, accessibly. Resolves with the pane. */
export async function expectNoSessionHint<T extends HTMLElement>(mount: MountPane<T>): Promise<T> {
  const { client } = await seededClient();
  const el = await mount(client);
  expect(deepQuery(el, '[part="placeholder"]')!.textContent).to.contain('No session selected');
  await expect(el).to.be.accessible();
  return el;
}

/** While the client loads (over a slow adapter): Loading, accessibly. Resolves with the pane. */
export async function expectLoadingState<T extends HTMLElement>(
  mount: MountPane<T>,
  sessionId: string,
): Promise<T> {
  const { client } = startClient(memoryBackend(), { latencyMs: 200 });
  const el = await mount(client, sessionId);
  expect(deepQuery(el, '[role="status"]')!.textContent).to.contain('Loading');
  await expect(el).to.be.accessible();
  return el;
}

/** When the client cannot load (offline from the start): the error, accessibly. */
export async function expectLoadError<T extends HTMLElement>(
  mount: MountPane<T>,
): Promise<{ el: T; client: LiveChatClient }> {
  const { client } = startClient(memoryBackend(), { offline: true });
  const el = await mount(client, 'any-session');
  await waitUntil(() => deepQuery(el, '[part="placeholder"] [role="alert"]'), 'error shown');
  expect(deepQuery(el, '[part="placeholder"]')!.textContent).to.contain('could not be loaded');
  await expect(el).to.be.accessible();
  return { el, client };
}
