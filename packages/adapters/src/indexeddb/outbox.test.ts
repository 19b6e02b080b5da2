import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLiveChatClient, type OutboxStore } from '@live-chat/core';
import { createMemoryBackend } from '../memory/backend.js';
import { createSeedData, SEED_USERS } from '../memory/seed.js';
import { createIndexedDbOutbox } from './outbox.js';

const NOW = Date.UTC(2025, 2, 10, 12);
let databases = 0;
const freshName = (): string => `live-chat-outbox-test-${++databases}`;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

describe('IndexedDB outbox', () => {
  it('keeps entries per user, in order, and removes them', async () => {
    const outbox = createIndexedDbOutbox({ dbName: freshName() });
    const entry = (id: string, createdAt: number) => ({
      clientMessageId: id,
      sessionId: 's-1',
      text: `text ${id}`,
      createdAt,
      state: 'pending' as const,
    });
    await outbox.put('u-1', entry('b', 2));
    await outbox.put('u-1', entry('a', 1));
    await outbox.put('u-2', entry('c', 3));
    assert.deepEqual(
      (await outbox.load('u-1')).map((e) => e.clientMessageId),
      ['a', 'b'],
    );
    await outbox.remove('u-1', 'a');
    await outbox.remove('u-1', 'missing');
    assert.deepEqual(
      (await outbox.load('u-1')).map((e) => e.clientMessageId),
      ['b'],
    );
    assert.equal((await outbox.load('u-2')).length, 1);
  });

  it('a message sent while offline survives a reload and is stored exactly once', async () => {
    const dbName = freshName();
    const backend = createMemoryBackend({ seed: createSeedData({ now: NOW }), now: () => NOW });
    const userId = SEED_USERS.operatorA;
    const snapshot = backend.snapshot(userId);
    assert.ok(snapshot.ok);
    const session = snapshot.value.sessions.find((s) => s.status === 'active');
    assert.ok(session, 'the seed has an active session of operator A');
    const first = backend.connect(userId);
    const before = createLiveChatClient({
      adapter: first,
      outbox: createIndexedDbOutbox({ dbName }),
      commandDeadlineMs: 60_000,
    });
    await until(() => before.status.state === 'ready', 'the first client');
    first.simulateConnection('offline');
    void before.send(session.id, 'Written before the reload');
    await new Promise((resolve) => setTimeout(resolve, 30));
    before.dispose(); // the reload
    first.dispose();

    const after = createLiveChatClient({
      adapter: backend.connect(userId),
      outbox: createIndexedDbOutbox({ dbName }),
    });
    await until(
      () => backend.messagesOf(session.id).some((m) => m.text === 'Written before the reload'),
      're-send after the reload',
    );
    await until(() => after.getSession(session.id) !== undefined, 'the second client');
    const outbox = createIndexedDbOutbox({ dbName });
    for (let i = 0; i < 100 && (await outbox.load(userId)).length > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(await outbox.load(userId), [], 'the sent message left the outbox');
    const stored = backend
      .messagesOf(session.id)
      .filter((m) => m.text === 'Written before the reload');
    assert.equal(stored.length, 1);
    after.dispose();
  });

  it('falls back to memory, visibly, when storage fails', async () => {
    const failing: OutboxStore = {
      load: () => Promise.reject(new Error('QuotaExceededError')),
      put: () => Promise.reject(new Error('QuotaExceededError')),
      remove: () => Promise.reject(new Error('QuotaExceededError')),
    };
    const backend = createMemoryBackend({ seed: createSeedData({ now: NOW }), now: () => NOW });
    const client = createLiveChatClient({
      adapter: backend.connect(SEED_USERS.operatorA),
      outbox: failing,
    });
    const storage: string[] = [];
    const subscription = client.outboxStorage$.subscribe((value) => storage.push(value));
    await until(() => storage.includes('unavailable'), 'the fallback');
    assert.equal(storage[0], 'durable');
    subscription.unsubscribe();
    client.dispose();
  });
});
