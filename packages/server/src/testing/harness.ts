/**
 * Test support: a server on 127.0.0.1 (a free port) in front of a fresh backend with the seed
 * directory (the memory backend unless a test brings another), or in front of a backend a test
 * opened itself (`serveBackend`), tokens for its users, WebSocket adapters and raw sockets
 * signed in as them.
 */
import assert from 'node:assert/strict';
import { after } from 'node:test';
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
import type { Result, Session } from '@live-chat/core';
import type { CustomerMessageInput, CustomerWriteValue } from '@live-chat/core/engine';
import { mintToken } from '../auth.js';
import type { LiveChatBackend } from '../backend.js';
import {
  createLiveChatServer,
  type LiveChatServer,
  type LiveChatServerOptions,
} from '../server.js';
import { openRawSocket, type RawSocket } from './raw-socket.js';
import { telegramCustomers } from './seed-customers.js';

/** The HS256 secret of test servers. */
export const TEST_SECRET = 'a-test-secret-that-is-long-enough-0123456789';

/** A backend a test server can stand in front of: any of the server's, with its life cycle. */
export type ServableBackend = LiveChatBackend & { dispose(): Promise<void> };

/** A backend a test server can stand in front of, with the customer side tests drive. */
export type TestBackend = ServableBackend & {
  customerWrites(input: CustomerMessageInput): Result<CustomerWriteValue>;
};

/** A server on 127.0.0.1 in front of a backend, with tokens and adapters for its users. */
export interface ServedBackend<B extends ServableBackend> {
  server: LiveChatServer;
  backend: B;
  /** A valid token for `userId` (lifetime `ttlSec`, default an hour; negative: already expired). */
  token(userId: string, ttlSec?: number): Promise<string>;
  /** A WebSocket adapter signed in as `userId` (disposed by `dispose()`). */
  adapter(userId: string, options?: Partial<WebSocketAdapterOptions>): WebSocketAdapter;
  /** Disposes the adapters, shuts the server down and disposes the backend. */
  dispose(): Promise<void>;
}

/** A running test server on the seed directory and what a test needs around it. */
export interface TestServer<B extends TestBackend = MemoryBackend> extends ServedBackend<B> {
  seed: SeedData;
  /**
   * Customer number `customer` (of those writing through Telegram) writes `text` to Customer
   * Support; returns the session it went to.
   */
  customerWrites(text: string, customer?: number): Session;
}

/** Options of {@link serveBackend}: the server's own, without the backend. */
export type ServeOptions = Partial<Omit<LiveChatServerOptions, 'backend'>>;

/** Options of {@link startTestServer}: the server's, plus the seed and the backend. */
export type TestServerOptions<B extends TestBackend> = ServeOptions & {
  /** The directory and history (default: the seed directory without history). */
  seed?: SeedData;
  /** Creates the backend on the seed (default: a memory backend). */
  backend?: (seed: SeedData) => B;
};

/**
 * Starts a server in front of `backend` (silent logs, port 0, the test secret, unless `options`
 * say otherwise).
 */
export async function serveBackend<B extends ServableBackend>(
  backend: B,
  options: ServeOptions = {},
): Promise<ServedBackend<B>> {
  const server = await createLiveChatServer({
    backend,
    auth: { secret: TEST_SECRET },
    host: '127.0.0.1',
    port: 0,
    logger: false,
    ...options,
  });
  const adapters = new Set<WebSocketAdapter>();
  const token = (userId: string, ttlSec = 3600) =>
    mintToken({ secret: TEST_SECRET, userId, ttlSec });
  return {
    server,
    backend,
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
    async dispose() {
      for (const adapter of adapters) adapter.dispose();
      await server.close();
      await backend.dispose();
    },
  };
}

/** Starts a test server; `options` override the defaults (silent logs, port 0, the seed backend). */
export async function startTestServer<B extends TestBackend = MemoryBackend>(
  options: TestServerOptions<B> = {},
): Promise<TestServer<B>> {
  const {
    seed = createSeedData({ history: false }),
    backend: createBackend = (data: SeedData) => createMemoryBackend({ seed: data }) as TestBackend,
    ...serverOptions
  } = options;
  const backend = createBackend(seed) as B;
  const served = await serveBackend(backend, serverOptions);
  const customers = telegramCustomers(seed);
  return {
    ...served,
    seed,
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
  };
}

/**
 * The test servers of one test file: call it once at the top level; the function it returns
 * starts a server like {@link startTestServer}, and every server it started is disposed after
 * the file's tests.
 */
export function testServersOfThisFile(): (
  options?: TestServerOptions<MemoryBackend>,
) => Promise<TestServer> {
  const servers: TestServer[] = [];
  after(async () => {
    for (const test of servers) await test.dispose();
  });
  return async (options) => {
    const test = await startTestServer(options);
    servers.push(test);
    return test;
  };
}

/** A raw socket of `test`'s server, authenticated as `userId` (the test fails otherwise). */
export async function signedInSocket(test: TestServer, userId: string): Promise<RawSocket> {
  const socket = openRawSocket(test.server.wsUrl);
  const answer = await socket.auth(await test.token(userId));
  assert.ok('ok' in answer && answer.ok, `signed in: ${JSON.stringify(answer)}`);
  return socket;
}

/** POSTs `body` as JSON to `url`. */
export function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Resolves once `condition()` holds (it may answer with a promise); rejects after `timeoutMs`
 * saying `what` did not happen.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
