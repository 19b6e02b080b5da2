// Operations over real sockets: health endpoints, an asynchronous backend, and a graceful
// shutdown that answers what is in flight, refuses new requests retryably and closes with 1001.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstValueFrom, filter } from 'rxjs';
import {
  CLOSE_CODES,
  createMemoryBackend,
  createSeedData,
  createWebSocketAdapter,
  SEED_USERS,
} from '@live-chat/adapters';
import type { ConnectionState } from '@live-chat/core';
import { WebSocket } from 'ws';
import type { LiveChatBackend } from './backend.js';
import { mintToken } from './auth.js';
import { createLiveChatServer } from './server.js';
import { TEST_SECRET } from './testing/harness.js';
import { openRawSocket } from './testing/raw-socket.js';

const anna = SEED_USERS.operatorA;
const ben = SEED_USERS.operatorB;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The memory backend behind promises, its snapshots taking `snapshotMs`. */
function slowBackend(snapshotMs: number, ready: () => boolean = () => true) {
  const memory = createMemoryBackend({ seed: createSeedData({ history: false }) });
  const backend: LiveChatBackend = {
    async snapshot(userId) {
      await sleep(snapshotMs);
      return memory.snapshot(userId);
    },
    events: async (userId, sinceSeq) => memory.events(userId, sinceSeq),
    listen: (userId, listener) => memory.listen(userId, listener),
    execute: async (userId, command) => memory.execute(userId, command),
    history: async (userId, query) => memory.history(userId, query),
    search: async (userId, query) => memory.search(userId, query),
    report: async (userId, query) => memory.report(userId, query),
    ready: async () => ready(),
  };
  return { memory, backend };
}

describe('health endpoints', () => {
  it('/healthz answers 200; /readyz follows the backend; other paths 404', async () => {
    let backendReady = false;
    const { memory, backend } = slowBackend(0, () => backendReady);
    const server = await createLiveChatServer({
      backend,
      auth: { secret: TEST_SECRET },
      port: 0,
      logger: false,
    });
    try {
      const get = (path: string) => fetch(`${server.url}${path}`);
      assert.equal((await get('/healthz')).status, 200);
      const notReady = await get('/readyz');
      assert.equal(notReady.status, 503);
      assert.deepEqual(await notReady.json(), { status: 'not-ready' });
      backendReady = true;
      const ready = await get('/readyz');
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready' });
      assert.equal((await get('/nowhere')).status, 404);
      assert.equal((await get('/ws')).status, 426);
    } finally {
      await server.close();
      await memory.dispose();
    }
  });
});

describe('graceful shutdown', () => {
  it('answers requests in flight, refuses new ones retryably, closes sockets with 1001 and releases the port', async () => {
    const { memory, backend } = slowBackend(300);
    const server = await createLiveChatServer({
      backend,
      auth: { secret: TEST_SECRET },
      port: 0,
      logger: false,
    });
    const socket = openRawSocket(server.wsUrl);
    const welcome = await socket.auth(await mintToken({ secret: TEST_SECRET, userId: anna }));
    assert.ok('ok' in welcome && welcome.ok);
    const adapter = createWebSocketAdapter({
      url: server.wsUrl,
      getToken: () => mintToken({ secret: TEST_SECRET, userId: ben }),
      WebSocket,
      reconnectBaseMs: 60_000,
    });
    const states: ConnectionState[] = [];
    adapter.connection$.subscribe((state) => states.push(state));
    await firstValueFrom(adapter.connection$.pipe(filter((state) => state === 'online')));

    const slow = socket.request({ id: 1, op: 'snapshot' });
    await sleep(50);
    const closing = server.close();
    await sleep(50);
    const late = await socket.request({ id: 2, op: 'history', query: { sessionId: 'x' } });
    assert.ok(!late.ok);
    assert.equal(late.error.code, 'OFFLINE');
    assert.match(late.error.message, /shutting down/);

    const answer = await slow;
    assert.ok(answer.ok, 'the request in flight was answered');
    assert.deepEqual(await socket.closed, {
      code: CLOSE_CODES.GOING_AWAY,
      reason: 'The server is shutting down.',
    });
    await closing;
    assert.equal(server.stats().sockets, 0);
    await assert.rejects(fetch(`${server.url}/healthz`), 'the port is released');
    await waitForState(states, 'reconnecting');
    assert.ok(!states.includes('failed'), 'going away is not a failure');
    adapter.dispose();
    await memory.dispose();
  });
});

async function waitForState(states: ConnectionState[], state: ConnectionState): Promise<void> {
  const deadline = Date.now() + 2000;
  while (states.at(-1) !== state) {
    if (Date.now() > deadline) throw new Error(`never ${state}: ${states.join(', ')}`);
    await sleep(5);
  }
}
