/**
 * Test support: a server on 127.0.0.1 (a free port) in front of a fresh memory backend with the
 * seed directory, tokens for its users, and WebSocket adapters signed in as them.
 */
import { WebSocket } from 'ws';
import {
  createMemoryBackend,
  createSeedData,
  createWebSocketAdapter,
  SEED_LIVE_CHATS,
  type MemoryBackend,
  type SeedData,
  type WebSocketAdapter,
  type WebSocketAdapterOptions,
} from '@live-chat/adapters';
import type { Session } from '@live-chat/core';
import { mintToken } from '../auth.js';
import {
  createLiveChatServer,
  type LiveChatServer,
  type LiveChatServerOptions,
} from '../server.js';

/** The HS256 secret of test servers. */
export const TEST_SECRET = 'a-test-secret-that-is-long-enough-0123456789';

/** A running test server and what a test needs around it. */
export interface TestServer {
  server: LiveChatServer;
  backend: MemoryBackend;
  seed: SeedData;
  /** A valid token for `userId` (lifetime `ttlSec`, default an hour; negative: already expired). */
  token(userId: string, ttlSec?: number): Promise<string>;
  /** A WebSocket adapter signed in as `userId` (disposed by `dispose()`). */
  adapter(userId: string, options?: Partial<WebSocketAdapterOptions>): WebSocketAdapter;
  /**
   * Customer number `customer` (of those writing through Telegram) writes `text` to Customer
   * Support; returns the session it went to.
   */
  customerWrites(text: string, customer?: number): Session;
  /** Disposes the adapters, shuts the server down and disposes the backend. */
  dispose(): Promise<void>;
}

/** Starts a test server; `options` override the defaults (silent logs, port 0, the seed backend). */
export async function startTestServer(
  options: Partial<LiveChatServerOptions> & { seed?: SeedData } = {},
): Promise<TestServer> {
  const { seed = createSeedData({ history: false }), ...serverOptions } = options;
  const backend = createMemoryBackend({ seed });
  const server = await createLiveChatServer({
    backend,
    auth: { secret: TEST_SECRET },
    host: '127.0.0.1',
    port: 0,
    logger: false,
    ...serverOptions,
  });
  const adapters = new Set<WebSocketAdapter>();
  const customers = seed.customers.filter(
    (c) => c.kind === 'external' && c.messenger === 'telegram',
  );
  const token = (userId: string, ttlSec = 3600) =>
    mintToken({ secret: TEST_SECRET, userId, ttlSec });
  return {
    server,
    backend,
    seed,
    token,
    adapter(userId, adapterOptions = {}) {
      const adapter = createWebSocketAdapter({
        url: server.wsUrl,
        getToken: () => token(userId),
        WebSocket,
        ...adapterOptions,
      });
      adapters.add(adapter);
      return adapter;
    },
    customerWrites(text, customer = 0) {
      const result = backend.customerWrites({
        customerId: customers[customer]!.id,
        liveChatId: SEED_LIVE_CHATS.support,
        channel: 'telegram',
        text,
      });
      if (!result.ok) throw new Error(`customerWrites failed: ${result.error.message}`);
      return result.value.session;
    },
    async dispose() {
      for (const adapter of adapters) adapter.dispose();
      await server.close();
      await backend.dispose();
    },
  };
}

/** Resolves once `condition()` holds; rejects after `timeoutMs` saying `what` did not happen. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
