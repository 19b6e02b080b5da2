// A crash in mid-traffic: the server on SQLite runs as a child process, two operators send
// messages without pause over WebSockets, the process is killed with SIGKILL and started again on
// the same port and data directory. Every acknowledged send is stored exactly once, nothing is
// doubled, and both clients go on from their last seq without a new snapshot (the durable event
// log still covers them).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSeedData, SEED_USERS } from '@live-chat/adapters';
import { mintToken } from './auth.js';
import { createSqliteBackend } from './storage/backend.js';
import { createTempDir } from './storage/testing/temp-dir.js';
import { customerWritesOver, startChildServer, type ChildServer } from './testing/child-server.js';
import { waitFor } from './testing/harness.js';
import { SendLedger } from './testing/send-ledger.js';
import { watchedClient, type WatchedClient } from './testing/watched-client.js';

const SECRET = 'a-crash-test-secret-that-is-long-enough-0123456789';
const dir = createTempDir('live-chat-crash-');
const cleanups: Array<() => void | Promise<void>> = [];

after(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  dir.remove();
});

function operator(wsUrl: string, userId: string): WatchedClient {
  const person = watchedClient({
    url: wsUrl,
    userId,
    token: () => mintToken({ secret: SECRET, userId, ttlSec: 600 }),
    adapter: { reconnectBaseMs: 100, reconnectMaxMs: 400, requestTimeoutMs: 3_000 },
    client: { commandDeadlineMs: 30_000, requestTimeoutMs: 3_000 },
  });
  cleanups.push(() => person.dispose());
  return person;
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
    const ledger = new SendLedger();
    let sending = true;
    const loops = people.map(async (person, index) => {
      const sessionId = sessions[index]!;
      for (let n = 0; sending && n < 2_000; n++) {
        const text = `${person.userId} #${n}`;
        await ledger.send(text, async () => {
          const result = await person.client.send(sessionId, text);
          return result.ok ? result.value.message.id : undefined;
        });
      }
    });

    await waitFor(() => ledger.acknowledged('before') >= 30, 'sends before the crash', 15_000);
    const snapshotsBefore = people.map((p) => p.snapshots());
    assert.deepEqual(snapshotsBefore, [1, 1]);

    // Crash: no shutdown of any kind. Then the same port and data directory again.
    ledger.phase = 'after';
    await server.crash();
    await new Promise((resolve) => setTimeout(resolve, 300));
    server = await startChildServer({ secret: SECRET, dataDir: dir.path, port });
    assert.equal(server.port, port);

    await waitFor(() => ledger.acknowledged('after') >= 30, 'sends after the restart', 20_000);
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
    for (const [index, person] of people.entries()) person.watch(sessions[index]!);

    await server.stop();
    const backend = createSqliteBackend({
      dataDir: dir.path,
      seed: () => createSeedData({ history: false }),
      pruneIntervalMs: 0,
    });
    cleanups.push(() => backend.dispose());

    for (const [index, person] of people.entries()) {
      const stored = backend.messagesOf(sessions[index]!);
      // Nothing doubled, every acknowledged send stored exactly once under the id it was
      // acknowledged with, nothing stored that was never sent.
      const mine = `${person.userId} #`;
      ledger.assertStoredOnce(stored, mine, (m) => m.author.kind === 'operator');
      // The client loads the newest page: it must be the tail of the stored history.
      const ids = stored.map((m) => m.id);
      const shown = () =>
        (person.watching.get(sessions[index]!) ?? [])
          .filter((m) => m.delivery === 'sent')
          .map((m) => m.id);
      await waitFor(
        () =>
          shown().length > 0 &&
          JSON.stringify(shown()) === JSON.stringify(ids.slice(-shown().length)),
        `${person.userId}'s conversation to equal the stored history`,
        5_000,
      ).catch(() => assert.deepEqual(shown(), ids.slice(-shown().length)));
      console.log(`${person.userId}: ${ledger.summary(mine)}; ${stored.length} stored`);
    }
  });
});
