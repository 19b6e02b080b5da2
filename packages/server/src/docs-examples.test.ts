// The examples of docs/server.md run as written: the server starts from start-server.ts, a
// portal signs tokens as portal-token.ts does, and connect.ts signs a workspace client in.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { SEED_USERS } from '@live-chat/adapters';
import { connectWorkspace } from '../../../docs/examples/server/connect.js';
import { liveChatToken } from '../../../docs/examples/server/portal-token.js';
import { startServer } from '../../../docs/examples/server/start-server.js';
import { waitFor } from './testing/harness.js';

describe('docs/server.md examples', () => {
  it('a client signed in with portal tokens loads the workspace from the example server', async () => {
    const secret = 'docs-example-secret-0123456789abcdef0123456789';
    process.env.LOG_LEVEL = 'silent'; // the example's default logger reads it
    const server = await startServer({ secret, host: '127.0.0.1', port: 0 });
    const portal = http.createServer((_request, response) => {
      void liveChatToken(SEED_USERS.operatorA, secret).then((token) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(token);
      });
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    const global = globalThis as { WebSocket?: unknown };
    const saved = global.WebSocket;
    global.WebSocket = WebSocket; // the browser's global, in Node 20
    try {
      const tokenUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/token`;
      const { client, dispose } = connectWorkspace(server.wsUrl, tokenUrl);
      try {
        await waitFor(() => client.status.state === 'ready', 'the workspace to load');
        assert.equal(client.me?.id, SEED_USERS.operatorA);
      } finally {
        dispose();
      }
    } finally {
      global.WebSocket = saved;
      portal.closeAllConnections();
      await new Promise((resolve) => portal.close(resolve));
      await server.close();
    }
  });
});
