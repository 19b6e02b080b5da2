import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openMemoryBackend } from '../memory/open.js';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from '../memory/seed.js';
import { createIndexedDbPersistence } from './persistence.js';

const NOW = Date.UTC(2025, 2, 10, 12);
let databases = 0;
const freshName = () => `live-chat-test-${++databases}`;

describe('IndexedDB persistence', () => {
  it('keeps the whole backend across a reload', async () => {
    const dbName = freshName();
    const first = await openMemoryBackend({
      persistence: createIndexedDbPersistence({ dbName }),
      seed: () => createSeedData({ now: NOW }),
      now: () => NOW,
    });
    const queued = first
      .sessions()
      .find(
        (s) =>
          s.status === 'queued' && s.liveChatId === SEED_LIVE_CHATS.support && s.assignee === null,
      );
    assert.ok(queued);
    const sent = first.execute(SEED_USERS.operatorA, {
      type: 'message.send',
      sessionId: queued.id,
      clientMessageId: 'p1',
      text: 'Saved?',
      commandId: 'p1',
    });
    assert.ok(sent.ok);
    const saved = first.exportState();
    await first.dispose();

    // A "reload": a new persistence object and backend over the same database.
    const second = await openMemoryBackend({
      persistence: createIndexedDbPersistence({ dbName }),
      now: () => NOW + 1000,
    });
    assert.deepEqual(second.exportState(), saved);
    assert.equal(second.getSession(queued.id)?.status, 'active');
    assert.equal(second.messagesOf(queued.id).at(-1)?.text, 'Saved?');
    // Streams continue after the saved seq; older positions need a new snapshot.
    const seq = second.seqOf(SEED_USERS.operatorA);
    assert.ok(seq > 0);
    assert.deepEqual(second.events(SEED_USERS.operatorA, seq), { ok: true, value: [] });
    const old = second.events(SEED_USERS.operatorA, seq - 1);
    assert.equal(old.ok ? 'ok' : old.error.code, 'RESYNC_REQUIRED');
    await second.dispose();
  });

  it('seeds an empty database and saves the seed at once', async () => {
    const dbName = freshName();
    const persistence = createIndexedDbPersistence({ dbName });
    assert.equal(await persistence.load(), undefined);
    const backend = await openMemoryBackend({ persistence, seed: createSeedData({ now: NOW }) });
    await backend.flush();
    const loaded = await createIndexedDbPersistence({ dbName }).load();
    assert.equal(loaded?.sessions.length, createSeedData({ now: NOW }).sessions?.length);
    await backend.dispose();
  });

  it('debounces writes and stores the latest state', async () => {
    const dbName = freshName();
    const persistence = createIndexedDbPersistence({ dbName, debounceMs: 20 });
    let reads = 0;
    const state = (n: number) => () => {
      reads++;
      return {
        ...createSeedData({ now: NOW, history: false }),
        sessions: [],
        messages: [],
        episodes: [],
        readMarkers: [],
        activity: [],
        nextId: n,
        version: 1 as const,
        streamSeqs: {},
      };
    };
    for (let n = 1; n <= 10; n++) persistence.save(state(n));
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(reads, 1, 'ten saves in a burst read the state once');
    assert.equal((await persistence.load())?.nextId, 10);
    persistence.save(state(11));
    await persistence.flush();
    assert.equal((await persistence.load())?.nextId, 11);
    await persistence.clear();
    assert.equal(await persistence.load(), undefined);
    await persistence.close?.();
  });
});
