// The SQLite backend behind the real server: the WebSocket adapter, over sockets on 127.0.0.1,
// keeps the whole TransportAdapter contract with a database file as the backend.
import { describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { createWebSocketAdapter, type WebSocketAdapter } from '@live-chat/adapters';
import { runAdapterConformance, type ConformanceHarness } from '@live-chat/adapters/conformance';
import { mintToken } from '../auth.js';
import { createLiveChatServer } from '../server.js';
import { createSqliteConformanceHarness } from './testing/conformance-harness.js';

const SECRET = 'a-test-secret-for-the-sqlite-backend-0123456789';

async function createHarness(): Promise<ConformanceHarness> {
  const local = createSqliteConformanceHarness();
  const server = await createLiveChatServer({
    backend: local.backend,
    auth: { secret: SECRET },
    host: '127.0.0.1',
    port: 0,
    logger: false,
  });
  const adapters = new Set<WebSocketAdapter>();
  return {
    ...local,
    adapterFor(userId) {
      const adapter = createWebSocketAdapter({
        url: server.wsUrl,
        getToken: () => mintToken({ secret: SECRET, userId, ttlSec: 3600 }),
        WebSocket,
      });
      adapters.add(adapter);
      return adapter;
    },
    async dispose() {
      for (const adapter of adapters) adapter.dispose();
      await server.close();
      await local.dispose?.();
    },
  };
}

runAdapterConformance('SQLite backend behind @live-chat/server', createHarness, {
  describe,
  it,
  timeoutMs: 5000,
});
