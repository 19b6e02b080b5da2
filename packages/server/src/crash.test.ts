// A crash in mid-traffic: the server on SQLite runs as a child process, two operators send
// messages without pause over WebSockets, the process is killed with SIGKILL and started again on
// the same port and data directory. Every acknowledged send is stored exactly once, nothing is
// doubled, and both clients go on from their last seq without a new snapshot (the durable event
// log still covers them).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { createLiveChatClient, type LiveChatClient, type Message } from '@live-chat/core';
import {
  createSeedData,
  createWebSocketAdapter,
  SEED_USERS,
  type WebSocketAdapter,
} from '@live-chat/adapters';
import { mintToken } from './auth.js';
import { createSqliteBackend } from './storage/backend.js';
import { createTempDir } from './storage/testing/temp-dir.js';
import { customerWritesOver, startChildServer, type ChildServer } from './testing/child-server.js';
import { waitFor } from './testing/harness.js';

const SECRET = 'a-crash-test-secret-that-is-long-enough-0123456789';
const dir = createTempDir('live-chat-crash-');
const cleanups: Array<() => void | Promise<void>> = [];

after(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  dir.remove();
});

interface Operator {
  userId: string;
  client: LiveChatClient;
  adapter: WebSocketAdapter;
  /** `snapshot()` calls the client made through its adapter. */
  snapshots(): number;
}

function operator(wsUrl: string, userId: string): Operator {
  const adapter = createWebSocketAdapter({
    url: wsUrl,
    WebSocket,
    getToken: () => mintToken({ secret: SECRET, userId, ttlSec: 600 }),
    reconnectBaseMs: 100,
    reconnectMaxMs: 400,
    requestTimeoutMs: 3_000,
  });
  let snapshots = 0;
  // The client sees the adapter through this wrapper, which counts its snapshot calls.
  const counted = new Proxy(adapter, {
    get(target, key) {
      if (key === 'snapshot') {
        return () => {
          snapshots++;
          return target.snapshot();
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  const client = createLiveChatClient({
    adapter: counted,
    commandDeadlineMs: 30_000,
    requestTimeoutMs: 3_000,
  });
  cleanups.push(() => {
    client.dispose();
    adapter.dispose();
  });
  return { userId, client, adapter, snapshots: () => snapshots };
}

interface SendRecord {
  text: string;
  ok: boolean;
  messageId?: string;
  /** Sent before (`before`) or after (`after`) the crash began. */
  phase: 'before' | 'after';
}

describe('kill -9 in mid-traffic (server on SQLite in a child process)', () => {
  it('keeps every acknowledged send exactly once, and clients resume from their seq', async () => {
    let server: ChildServer = await startChildServer({ secret: SECRET, dataDir: dir.path });
    cleanups.push(() => server.crash());
    const port = server.port;

    const anna = operator(server.wsUrl, SEED_USERS.operatorA);
    const ben = operator(server.wsUrl, SEED_USERS.operatorB);
    const people = [anna, ben];
    await waitFor(
      () => people.every((p) => p.client.status.state === 'ready'),
      'both clients to load',
      15_000,
    );

    // Two customers write in: one session for each operator to take and answer.
    const sessions: string[] = [];
    for (const [index, person] of people.entries()) {
      const written = await customerWritesOver(server.url, {
        customer: index,
        text: `Customer ${index} needs help`,
      });
      sessions.push(written.sessionId);
      await waitFor(
        () => person.client.getSession(written.sessionId) !== undefined,
        `${person.userId} to see ${written.sessionId}`,
      );
      const taken = await person.client.take(written.sessionId);
      assert.ok(taken.ok, JSON.stringify(taken));
    }
    assert.notEqual(sessions[0], sessions[1]);

    // Each operator sends without pause, one message after the other.
    const records: SendRecord[] = [];
    let phase: SendRecord['phase'] = 'before';
    let sending = true;
    const loops = people.map(async (person, index) => {
      const sessionId = sessions[index]!;
      for (let n = 0; sending && n < 2_000; n++) {
        const text = `${person.userId} #${n}`;
        const sentIn = phase;
        const result = await person.client.send(sessionId, text);
        records.push({
          text,
          ok: result.ok,
          messageId: result.ok ? result.value.message.id : undefined,
          phase: sentIn,
        });
      }
    });
    const acknowledged = (which: SendRecord['phase']) =>
      records.filter((r) => r.ok && r.phase === which).length;

    await waitFor(() => acknowledged('before') >= 30, 'sends before the crash', 15_000);
    const snapshotsBefore = people.map((p) => p.snapshots());
    assert.deepEqual(snapshotsBefore, [1, 1]);

    // Crash: no shutdown of any kind. Then the same port and data directory again.
    phase = 'after';
    await server.crash();
    await new Promise((resolve) => setTimeout(resolve, 300));
    server = await startChildServer({ secret: SECRET, dataDir: dir.path, port });
    assert.equal(server.port, port);

    await waitFor(() => acknowledged('after') >= 30, 'sends after the restart', 20_000);
    sending = false;
    await Promise.all(loops);
    await waitFor(
      () => people.every((p) => p.client.connection === 'online'),
      'both clients online again',
      10_000,
    );

    // No new snapshot: both resumed their event streams from their last seq.
    assert.deepEqual(
      people.map((p) => p.snapshots()),
      snapshotsBefore,
    );

    // Each client's open conversation ends up as the server stored it.
    const conversations = people.map((person, index) => {
      let messages: Message[] = [];
      const subscription = person.client
        .conversation$(sessions[index]!)
        .subscribe((state) => (messages = state.messages.filter((m) => m.delivery === 'sent')));
      cleanups.push(() => subscription.unsubscribe());
      return () => messages;
    });

    await server.stop();
    const backend = createSqliteBackend({
      dataDir: dir.path,
      seed: () => createSeedData({ history: false }),
      pruneIntervalMs: 0,
    });
    cleanups.push(() => backend.dispose());

    for (const [index, person] of people.entries()) {
      const stored = backend.messagesOf(sessions[index]!);
      const mine = records.filter((r) => r.text.startsWith(`${person.userId} #`));
      // Nothing doubled: each text at most once, each id once.
      const texts = stored.map((m) => m.text);
      assert.equal(new Set(texts).size, texts.length, `${person.userId}: a message is doubled`);
      assert.equal(new Set(stored.map((m) => m.id)).size, stored.length);
      // Every acknowledged send is stored exactly once, under the id it was acknowledged with.
      for (const record of mine.filter((r) => r.ok)) {
        const found = stored.filter((m) => m.text === record.text);
        assert.equal(found.length, 1, `${record.text} is stored ${found.length} times`);
        assert.equal(found[0]!.id, record.messageId);
      }
      // Nothing stored that was never sent.
      const sentTexts = new Set(mine.map((r) => r.text));
      for (const message of stored) {
        if (message.author.kind === 'operator')
          assert.ok(sentTexts.has(message.text), `unexpected ${message.text}`);
      }
      // The client loads the newest page: it must be the tail of the stored history.
      const ids = stored.map((m) => m.id);
      const shown = () => conversations[index]!().map((m) => m.id);
      await waitFor(
        () =>
          shown().length > 0 &&
          JSON.stringify(shown()) === JSON.stringify(ids.slice(-shown().length)),
        `${person.userId}'s conversation to equal the stored history`,
        5_000,
      ).catch(() => assert.deepEqual(shown(), ids.slice(-shown().length)));
      const before = mine.filter((r) => r.ok && r.phase === 'before').length;
      const afterCrash = mine.filter((r) => r.ok && r.phase === 'after').length;
      const refused = mine.filter((r) => !r.ok).length;
      console.log(
        `${person.userId}: ${before} acknowledged before the crash, ${afterCrash} after, ${refused} refused; ${stored.length} stored`,
      );
    }
  });
});
