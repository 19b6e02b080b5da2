/// <reference types="mocha" />
// Test support for the browser suite: relies on the test runner's mocha globals (afterEach).
import { waitUntil as waitUntilDefault } from '@open-wc/testing';
import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import { createMemoryBackend, createSeedData, SEED_USERS } from '@live-chat/adapters';

/** Test support: a memory backend with the seed data and a ready client, cleaned up after each test. */

export type Backend = ReturnType<typeof createMemoryBackend>;
export type Adapter = ReturnType<Backend['connect']>;
export type ClientOptions = Omit<Parameters<typeof createLiveChatClient>[0], 'adapter'>;

/** `waitUntil` with a timeout that tolerates a busy machine. */
export const waitUntil = (
  condition: () => unknown,
  message?: string,
  options: { timeout?: number } = {},
) => waitUntilDefault(condition, message, { timeout: 5000, ...options });

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** Runs `cleanup` after the current test (last registered, first run). */
export const afterThisTest = (cleanup: () => void): void => {
  cleanups.push(cleanup);
};

let seedData: ReturnType<typeof createSeedData> | undefined;
/** The seed (directory and a few days of history), computed once: each backend gets a copy. */
export const seed = () => structuredClone((seedData ??= createSeedData({ now: Date.now() })));

/** A backend with the seed, an adapter and a ready client for `userId` (operator A by default). */
export async function seededClient(
  options: { userId?: string; latencyMs?: number; client?: ClientOptions } = {},
): Promise<{ backend: Backend; adapter: Adapter; client: LiveChatClient }> {
  const backend = createMemoryBackend({ seed: seed() });
  const adapter = backend.connect(options.userId ?? SEED_USERS.operatorA, {
    latencyMs: options.latencyMs ?? 0,
  });
  const client = createLiveChatClient({ adapter, ...options.client });
  afterThisTest(() => {
    client.dispose();
    void backend.dispose();
  });
  await waitUntil(() => client.status.state === 'ready', 'client ready');
  return { backend, adapter, client };
}
