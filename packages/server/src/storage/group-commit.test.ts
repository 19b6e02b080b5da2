// Group commit and background checkpoints on a real SQLite file: writes of one moment share a
// commit, each succeeds or fails alone, nothing is delivered before it is stored, and the WAL is
// checkpointed by the worker while the store's own connection never checkpoints inside a commit.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createSeedData, SEED_USERS } from '@live-chat/adapters';
import type { ServerEvent } from '@live-chat/core';
import { DATABASE_FILE_NAME } from './database.js';
import { GroupCommit } from './group-commit.js';
import type { SqliteBackend } from './backend.js';
import { createTempDir, type TempDir } from './testing/temp-dir.js';
import { openTestBackend, telegramMessage } from './testing/test-backend.js';

describe('group commit', () => {
  let dir: TempDir;
  let backend: SqliteBackend;
  beforeEach(() => {
    dir = createTempDir();
    backend = openTestBackend(dir.path, { seed: () => createSeedData({ history: false }) });
  });
  afterEach(async () => {
    await backend.dispose();
    dir.remove();
  });

  it('stores the writes of one moment with one commit, and tells listeners only after it', async () => {
    const inGroupTransaction: boolean[] = [];
    const heard: ServerEvent[] = [];
    backend.listen(SEED_USERS.operatorA, (event) => heard.push(event));
    const group = new GroupCommit(backend);
    const texts = ['first of three', 'second of three', 'third of three'];
    const pending = texts.map((text) =>
      group.write(() => {
        inGroupTransaction.push(backend.store.db.inTransaction);
        const written = backend.customerWrites(telegramMessage(backend, text));
        assert.ok(written.ok);
        return written.value.message.id;
      }),
    );
    assert.equal(heard.length, 0, 'nothing is delivered before the writes run');
    const ids = await Promise.all(pending);
    // Every write ran inside the group's one transaction.
    assert.deepEqual(inGroupTransaction, [true, true, true]);
    const added = heard.filter((event) => event.type === 'message.added');
    assert.deepEqual(
      added.map((event) => event.type === 'message.added' && event.message.id),
      ids,
    );
    const stored = backend.messagesOf(
      added[0]?.type === 'message.added' ? added[0].message.sessionId : '',
    );
    for (const text of texts)
      assert.ok(
        stored.some((message) => message.text === text),
        text,
      );
  });

  it('rolls back a write that throws, alone: the others are stored and delivered', async () => {
    const heard: ServerEvent[] = [];
    backend.listen(SEED_USERS.operatorA, (event) => heard.push(event));
    const group = new GroupCommit(backend);
    const kept = group.write(() => backend.customerWrites(telegramMessage(backend, 'kept')));
    const failed = group.write(() => {
      const written = backend.customerWrites(telegramMessage(backend, 'rolled back'));
      assert.ok(written.ok);
      throw new Error('the handler failed after writing');
    });
    await assert.rejects(failed, /the handler failed after writing/);
    const result = await kept;
    assert.ok(result.ok);
    const texts = backend.messagesOf(result.value.session.id).map((message) => message.text);
    assert.ok(texts.includes('kept'));
    assert.ok(!texts.includes('rolled back'), 'the failed write left nothing behind');
    const delivered = heard
      .filter((event) => event.type === 'message.added')
      .map((event) => (event.type === 'message.added' ? event.message.text : ''));
    assert.deepEqual(delivered, ['kept']);
    // The seqs stay gap-free: the rolled-back write's events were never numbered for good.
    const seqs = heard.map((event) => event.seq);
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => (seqs[0] as number) + i),
    );
  });

  it('keeps nothing of a nested transaction that failed half-way, even when the write goes on', async () => {
    const heard: ServerEvent[] = [];
    backend.listen(SEED_USERS.operatorA, (event) => heard.push(event));
    const group = new GroupCommit(backend);
    const others = [group.write(() => backend.customerWrites(telegramMessage(backend, 'beside')))];
    const goesOn = group.write(() => {
      try {
        backend.store.run((tx) => {
          tx.putCustomer({
            id: 'half-way',
            kind: 'internal',
            userId: 'half-way',
            name: 'Half way',
          });
          throw new Error('failed after writing');
        });
      } catch {
        // The write handles the failure and continues.
      }
      return backend.customerWrites(telegramMessage(backend, 'after the failure'));
    });
    others.push(group.write(() => backend.customerWrites(telegramMessage(backend, 'behind'))));
    const results = await Promise.all([goesOn, ...others]);
    assert.ok(results.every((result) => result.ok));
    assert.equal(backend.getCustomer('half-way'), undefined, 'the failed part left nothing');
    const delivered = heard
      .filter((event) => event.type === 'message.added')
      .map((event) => (event.type === 'message.added' ? event.message.text : ''));
    assert.deepEqual(delivered, ['beside', 'after the failure', 'behind']);
    // Stored once each, though the group ran again after the failure.
    const session = results[0]?.ok ? results[0].value.session.id : '';
    const texts = backend.messagesOf(session).map((message) => message.text);
    for (const text of ['beside', 'after the failure', 'behind']) {
      assert.equal(texts.filter((stored) => stored === text).length, 1, text);
    }
  });
});

describe('background checkpoints', () => {
  it('keeps commits free of checkpoints and moves the WAL into the database file from a worker', async () => {
    const dir = createTempDir();
    const backend = openTestBackend(dir.path, { seed: () => createSeedData({ history: false }) });
    try {
      const db = backend.store.db;
      assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 0);
      const file = path.join(dir.path, DATABASE_FILE_NAME);
      const before = fs.statSync(file).size;
      for (let i = 0; i < 300; i++) {
        assert.ok(
          backend.customerWrites(telegramMessage(backend, `message ${i} ${'x'.repeat(500)}`)).ok,
        );
      }
      // The worker checkpoints every second: the pages reach the database file.
      const deadline = Date.now() + 10_000;
      while (fs.statSync(file).size <= before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(fs.statSync(file).size > before, 'the database file grew by a checkpoint');
    } finally {
      await backend.dispose();
      dir.remove();
    }
  });

  it('can be turned off: SQLite checkpoints inside commits as by default', async () => {
    const dir = createTempDir();
    const backend = openTestBackend(dir.path, { backgroundCheckpoints: false });
    try {
      assert.equal(backend.store.db.pragma('wal_autocheckpoint', { simple: true }), 1000);
    } finally {
      await backend.dispose();
      dir.remove();
    }
  });
});
