// Event subscriptions over a real socket: several per socket, unsubscribe, and a backend that
// skips an event, which ends the subscription so the client resumes and the replay fills the gap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createMemoryBackend,
  createSeedData,
  SEED_LIVE_CHATS,
  SEED_USERS,
  type WireEventFrame,
  type WireStreamErrorFrame,
} from '@live-chat/adapters';
import type { LiveChatBackend } from './backend.js';
import { mintToken } from './auth.js';
import { createLiveChatServer } from './server.js';
import { TEST_SECRET, waitFor } from './testing/harness.js';
import { openRawSocket } from './testing/raw-socket.js';

const anna = SEED_USERS.operatorA;

describe('subscriptions', () => {
  it('replay then live events per subscription; a skipped seq ends it with stream-error, and resubscribing fills the gap', async () => {
    const seed = createSeedData({ history: false });
    const memory = createMemoryBackend({ seed });
    let dropNext = false;
    const backend: LiveChatBackend = {
      snapshot: (userId) => memory.snapshot(userId),
      events: (userId, sinceSeq) => memory.events(userId, sinceSeq),
      // A faulty delivery: drops one event when asked to.
      listen: (userId, listener) =>
        memory.listen(userId, (event) => {
          if (dropNext) dropNext = false;
          else listener(event);
        }),
      execute: (userId, command) => memory.execute(userId, command),
      history: (userId, query) => memory.history(userId, query),
      search: (userId, query) => memory.search(userId, query),
      report: (userId, query) => memory.report(userId, query),
    };
    const server = await createLiveChatServer({
      backend,
      auth: { secret: TEST_SECRET },
      port: 0,
      logger: false,
    });
    const customer = seed.customers.find(
      (c) => c.kind === 'external' && c.messenger === 'telegram',
    )!;
    const write = (text: string) =>
      assert.ok(
        memory.customerWrites({
          customerId: customer.id,
          liveChatId: SEED_LIVE_CHATS.support,
          channel: 'telegram',
          text,
        }).ok,
      );
    try {
      write('before');
      const socket = openRawSocket(server.wsUrl);
      assert.ok(
        (
          (await socket.auth(await mintToken({ secret: TEST_SECRET, userId: anna }))) as {
            ok: boolean;
          }
        ).ok,
      );
      const events = (sub: number) =>
        socket.frames.filter(
          (f): f is WireEventFrame => 'op' in f && f.op === 'event' && f.sub === sub,
        );
      const opened = await socket.request({ id: 1, op: 'events', sinceSeq: 0 });
      assert.deepEqual(opened, { id: 1, ok: true, value: null });
      const replayed = memory.seqOf(anna);
      await waitFor(() => events(1).length === replayed, 'the replay');
      assert.deepEqual(
        events(1).map((f) => f.event.seq),
        Array.from({ length: replayed }, (_, i) => i + 1),
      );

      // A second subscription on the same socket, from the end.
      assert.deepEqual(await socket.request({ id: 2, op: 'events', sinceSeq: replayed }), {
        id: 2,
        ok: true,
        value: null,
      });
      write('live');
      const live = memory.seqOf(anna);
      await waitFor(() => events(2).at(-1)?.event.seq === live, 'live events');
      assert.deepEqual(await socket.request({ id: 3, op: 'unsubscribe', sub: 2 }), {
        id: 3,
        ok: true,
        value: null,
      });
      await waitFor(() => server.stats().subscriptions === 1, 'one subscription left');

      dropNext = true;
      write('one event of this is lost on the way');
      const error = await (async () => {
        await waitFor(
          () => socket.frames.some((f) => 'op' in f && f.op === 'stream-error'),
          'stream-error',
        );
        return socket.frames.find(
          (f): f is WireStreamErrorFrame => 'op' in f && f.op === 'stream-error',
        )!;
      })();
      assert.equal(error.sub, 1);
      assert.equal(error.error.code, 'OFFLINE');
      assert.match(error.error.message, /expected seq \d+, got \d+/);
      assert.equal(server.stats().subscriptions, 0);

      const lastDelivered = events(1).at(-1)!.event.seq;
      assert.equal(lastDelivered, live);
      await socket.request({ id: 4, op: 'events', sinceSeq: lastDelivered });
      const end = memory.seqOf(anna);
      await waitFor(() => events(4).at(-1)?.event.seq === end, 'the gap filled');
      assert.deepEqual(
        events(4).map((f) => f.event.seq),
        Array.from({ length: end - live }, (_, i) => live + 1 + i),
      );

      const refused = await socket.request({ id: 5, op: 'events', sinceSeq: end + 100 });
      assert.ok(!refused.ok && refused.error.code === 'RESYNC_REQUIRED');
    } finally {
      await server.close();
      await memory.dispose();
    }
  });
});
