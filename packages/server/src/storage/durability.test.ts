// Restart durability: close the database and open it again, and everything the engine recorded
// is there: sessions, messages, read markers, seqs and their events, command results (a retried
// commandId answers its first result), clientMessageIds, and ids keep counting.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Command, ServerEvent } from '@live-chat/core';
import { createSeedData, SEED_USERS } from '@live-chat/adapters';
import type { SqliteBackend } from './backend.js';
import { createTempDir, type TempDir } from './testing/temp-dir.js';
import { openTestBackend, telegramMessage } from './testing/test-backend.js';

const { operatorA, operatorB, supervisor } = SEED_USERS;

describe('restart durability', () => {
  let dir: TempDir;
  let backend: SqliteBackend;
  const open = () => openTestBackend(dir.path, { seed: () => createSeedData({ history: false }) });
  const restart = async () => {
    await backend.dispose();
    backend = open();
  };

  beforeEach(() => {
    dir = createTempDir();
    backend = open();
  });
  afterEach(async () => {
    await backend.dispose();
    dir.remove();
  });

  it('keeps sessions, messages, read markers, seqs and events', async () => {
    const written = backend.customerWrites(telegramMessage(backend, 'Is anyone there?', 'cm-1'));
    assert.ok(written.ok);
    const sessionId = written.value.session.id;
    const sent = backend.execute(operatorA, {
      type: 'message.send',
      sessionId,
      text: 'Yes, I am here.',
      clientMessageId: 'op-1',
      commandId: 'send-1',
    });
    assert.ok(sent.ok);
    const before = {
      session: backend.getSession(sessionId),
      messages: backend.messagesOf(sessionId),
      snapshotA: backend.snapshot(operatorA),
      snapshotSupervisor: backend.snapshot(supervisor),
      eventsB: backend.events(operatorB, 0),
      seqB: backend.seqOf(operatorB),
    };
    assert.ok(before.seqB > 0);

    await restart();

    assert.deepEqual(backend.getSession(sessionId), before.session);
    assert.deepEqual(backend.messagesOf(sessionId), before.messages);
    assert.deepEqual(backend.snapshot(operatorA), before.snapshotA);
    assert.deepEqual(backend.snapshot(supervisor), before.snapshotSupervisor);
    // The stream continues where it was, and replays across the restart.
    assert.equal(backend.seqOf(operatorB), before.seqB);
    assert.deepEqual(backend.events(operatorB, 0), before.eventsB);
    const live: ServerEvent[] = [];
    backend.listen(operatorB, (event) => live.push(event));
    backend.execute(operatorA, { type: 'session.close', sessionId, commandId: 'close-1' });
    assert.deepEqual(
      live.map((event) => event.seq),
      live.map((_, index) => before.seqB + 1 + index),
    );
    assert.ok(live.length > 0);
  });

  it('answers a commandId retried after a restart with its first result', async () => {
    const written = backend.customerWrites(telegramMessage(backend, 'Help, please.'));
    assert.ok(written.ok);
    const take: Command = {
      type: 'session.take',
      sessionId: written.value.session.id,
      commandId: 'take-once',
    };
    const first = backend.execute(operatorA, take);
    assert.ok(first.ok);
    // A refusal is an answer too.
    const refusedTake = { ...take, commandId: 'take-refused' };
    const refused = backend.execute(operatorB, refusedTake);
    assert.equal(refused.ok, false);
    const seqA = backend.seqOf(operatorA);

    await restart();

    assert.deepEqual(backend.execute(operatorA, take), first);
    assert.deepEqual(backend.execute(operatorB, refusedTake), refused);
    assert.equal(backend.seqOf(operatorA), seqA, 'a repeated command changes nothing');
    // The same commandId of another user is another command.
    const other = backend.execute(operatorB, { ...take });
    assert.equal(other.ok, false);
    assert.notDeepEqual(other, first);
  });

  it('deduplicates clientMessageIds across a restart, and keeps generating new ids', async () => {
    const input = telegramMessage(backend, 'Once only', 'webhook-42');
    const first = backend.customerWrites(input);
    assert.ok(first.ok);
    const sessionId = first.value.session.id;
    const send = {
      type: 'message.send' as const,
      sessionId,
      text: 'Reply once',
      clientMessageId: 'reply-42',
    };
    const reply = backend.execute(operatorA, { ...send, commandId: 'reply-a' });
    assert.ok(reply.ok);

    await restart();

    const again = backend.customerWrites(input);
    assert.ok(again.ok);
    assert.deepEqual(again.value.message, first.value.message);
    // A retried send under a new commandId returns the message it already created.
    const retried = backend.execute(operatorA, { ...send, commandId: 'reply-b' });
    assert.ok(retried.ok);
    assert.deepEqual(retried.value.message, reply.value.message);
    assert.equal(backend.messagesOf(sessionId).length, 2);

    const next = backend.customerWrites({ ...input, clientMessageId: 'webhook-43', text: 'New' });
    assert.ok(next.ok);
    const ids = backend.messagesOf(sessionId).map((message) => message.id);
    assert.equal(new Set(ids).size, 3);
  });

  it('seeds only a new database', async () => {
    const customers = backend.store.run((tx) => [...tx.customers()].length, true);
    const added = backend.addCustomer({
      kind: 'external',
      name: 'New Visitor',
      account: '@new_visitor',
      messenger: 'telegram',
    });
    assert.ok(added.ok);
    await restart();
    assert.equal(
      backend.store.run((tx) => [...tx.customers()].length, true),
      customers + 1,
    );
    assert.deepEqual(backend.getCustomer(added.value.id), added.value);
  });
});
