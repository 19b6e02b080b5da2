import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorInfo } from '../domain/errors.js';
import { MAX_MESSAGE_LENGTH } from '../domain/limits.js';
import type { Command, SendMessageCommand } from '../protocol/commands.js';
import type { CommandResult } from '../protocol/adapter.js';
import { createLiveChatClient } from './client.js';
import { createFakeAdapter, type FakeAdapter } from './testing/fake-adapter.js';
import { makeMessage, makeSession, makeSnapshot } from './testing/fixtures.js';
import { record, settle, until, whenReady, batch } from './testing/helpers.js';
import type { LiveChatClient } from './types.js';
import type { ConversationState } from './views.js';

const mine = { kind: 'operator' as const, operatorId: 'u-me' };

/** Makes the backend refuse every command with `error`. */
function refuseCommands(fake: FakeAdapter, error: ErrorInfo): void {
  fake.executeHandler = async () => ({ ok: false, error });
}

async function setup(
  history = 0,
): Promise<{ fake: FakeAdapter; client: LiveChatClient; ids: string[] }> {
  const fake = createFakeAdapter({
    initial: makeSnapshot({
      sessions: [makeSession('s1', { status: 'active', assignee: mine, queuedAt: null })],
    }),
  });
  for (let order = 1; order <= history; order++) {
    fake.emit({ type: 'message.added', message: makeMessage('s1', order), unread: 0 });
  }
  const ids: string[] = [];
  let next = 0;
  const client = createLiveChatClient({
    adapter: fake.adapter,
    historyPageSize: 3,
    now: () => 42,
    // Commands that get no answer give up quickly here.
    commandDeadlineMs: 100,
    generateId: () => {
      const id = `id-${++next}`;
      ids.push(id);
      return id;
    },
  });
  await whenReady(client);
  return { fake, client, ids };
}

/** A deferred command result the test resolves by hand. */
function holdSends(
  fake: FakeAdapter,
): Array<{ command: SendMessageCommand; resolve: (r: CommandResult) => void }> {
  const held: Array<{ command: SendMessageCommand; resolve: (r: CommandResult) => void }> = [];
  fake.executeHandler = (command: Command) =>
    new Promise<CommandResult>((resolve) =>
      held.push({ command: command as SendMessageCommand, resolve }),
    );
  return held;
}

const shown = (state: ConversationState | undefined): string[] =>
  (state?.messages ?? []).map((m) => `${m.text}:${m.delivery}`);

describe('conversations', () => {
  it('subscribing loads the newest page; loadOlder pages back until hasMore is false', async () => {
    const { fake, client } = await setup(7);
    const conversation = record(client.conversation$('s1'));
    assert.equal(conversation.values.at(-1)?.loading, true);
    await until(() => conversation.values.at(-1)?.loading === false);
    assert.deepEqual(
      conversation.values.at(-1)?.messages.map((m) => m.order),
      [5, 6, 7],
    );
    assert.equal(conversation.values.at(-1)?.hasMore, true);
    await client.loadOlder('s1');
    assert.deepEqual(
      conversation.values.at(-1)?.messages.map((m) => m.order),
      [2, 3, 4, 5, 6, 7],
    );
    await client.loadOlder('s1');
    assert.deepEqual(
      conversation.values.at(-1)?.messages.map((m) => m.order),
      [1, 2, 3, 4, 5, 6, 7],
    );
    assert.equal(conversation.values.at(-1)?.hasMore, false);
    await client.loadOlder('s1');
    assert.deepEqual(
      fake.calls.history.map((q) => q.beforeOrder),
      [undefined, 5, 2],
      'no request once everything is loaded',
    );
    // A second subscriber shares the loaded conversation: no new request.
    const again = record(client.conversation$('s1'));
    assert.equal(again.values.at(-1)?.messages.length, 7);
    assert.equal(fake.calls.history.length, 3);
    client.dispose();
  });

  it('appends message.added to loaded conversations only, and marks read up to the newest loaded', async () => {
    const { fake, client } = await setup(2);
    fake.emit({
      type: 'session.upserted',
      session: makeSession('s2'),
      unread: 0,
      cause: 'created',
    });
    await batch();
    const conversation = record(client.conversation$('s1'));
    await until(() => conversation.values.at(-1)?.loading === false);
    fake.emit({ type: 'message.added', message: makeMessage('s1', 3), unread: 1 });
    await batch();
    fake.emit({ type: 'message.added', message: makeMessage('s2', 1), unread: 1 });
    await batch();
    assert.deepEqual(
      conversation.values.at(-1)?.messages.map((m) => m.order),
      [1, 2, 3],
    );
    assert.equal(client.getSession('s2')?.unread, 1, 'other sessions only update their entry');
    assert.equal(fake.calls.history.length, 1);
    fake.executeHandler = async () => ({ ok: true, value: { sessionId: 's1', unread: 0 } });
    await client.markRead('s1');
    await client.markRead('s2');
    assert.deepEqual(
      fake.commands.map((c) => (c.type === 'session.mark-read' ? c.upToOrder : null)),
      [3, undefined],
    );
    client.dispose();
  });

  it('concurrent loads share one request', async () => {
    const { fake, client } = await setup(7);
    const conversation = record(client.conversation$('s1'));
    await Promise.all([client.loadOlder('s1'), client.loadOlder('s1')]);
    assert.equal(fake.calls.history.length, 1, 'the initial load in flight is shared');
    await Promise.all([client.loadOlder('s1'), client.loadOlder('s1')]);
    assert.deepEqual(
      fake.calls.history.map((q) => q.beforeOrder),
      [undefined, 5],
    );
    assert.deepEqual(
      conversation.values.at(-1)?.messages.map((m) => m.order),
      [2, 3, 4, 5, 6, 7],
    );
    client.dispose();
  });

  it('a history error is shown and a later loadOlder retries', async () => {
    const { fake, client } = await setup(2);
    const serve = fake.historyHandler;
    fake.historyHandler = async () => {
      throw new Error('history unavailable');
    };
    const conversation = record(client.conversation$('s1'));
    await until(() => conversation.values.at(-1)?.error !== undefined);
    assert.equal(conversation.values.at(-1)?.error?.code, 'INTERNAL');
    assert.equal(conversation.values.at(-1)?.loading, false);
    fake.historyHandler = serve;
    await client.loadOlder('s1');
    assert.equal(conversation.values.at(-1)?.error, undefined);
    assert.equal(conversation.values.at(-1)?.messages.length, 2);
    client.dispose();
  });

  it('shows a pending message at once, then the sent one', async () => {
    const { fake, client, ids } = await setup();
    const conversation = record(client.conversation$('s1'));
    const held = holdSends(fake);
    const sending = client.send('s1', 'Hello  ');
    const pending = conversation.values.at(-1)?.messages.at(-1);
    assert.deepEqual(pending, {
      id: `pending:${ids[0]}`,
      sessionId: 's1',
      clientMessageId: ids[0],
      author: { kind: 'operator', userId: 'u-me' },
      text: 'Hello',
      channel: 'web',
      sentAt: 42,
      order: Infinity,
      delivery: 'pending',
    });
    assert.equal(held.length, 1);
    assert.equal(held[0].command.clientMessageId, ids[0]);
    assert.equal(held[0].command.commandId, ids[1]);
    const { message, event } = fake.acceptSend(held[0].command, { emit: false });
    assert.equal(event, undefined);
    held[0].resolve({ ok: true, value: { message, session: fake.state.sessions[0] } });
    const result = await sending;
    assert.equal(result.ok, true);
    assert.deepEqual(shown(conversation.values.at(-1)), ['Hello:sent']);
    client.dispose();
  });

  for (const first of ['result', 'event'] as const) {
    it(`the ${first} arriving first still gives one message`, async () => {
      const { fake, client } = await setup(1);
      const conversation = record(client.conversation$('s1'));
      await until(() => conversation.values.at(-1)?.loading === false);
      const held = holdSends(fake);
      const sending = client.send('s1', 'race');
      const { message } = fake.acceptSend(held[0].command, { emit: false });
      const emitEvent = (): void => {
        fake.emit({ type: 'message.added', message, unread: 0 });
      };
      if (first === 'event') emitEvent();
      held[0].resolve({ ok: true, value: { message, session: fake.state.sessions[0] } });
      await sending;
      if (first === 'result') emitEvent();
      await settle();
      assert.deepEqual(shown(conversation.values.at(-1)), ['message 1:sent', 'race:sent']);
      assert.equal(conversation.values.at(-1)?.messages.at(-1)?.id, message.id);
      client.dispose();
    });
  }

  it('a failed send stays as failed; retry re-sends with the same clientMessageId and a new commandId', async () => {
    const { fake, client } = await setup();
    const conversation = record(client.conversation$('s1'));
    refuseCommands(fake, { code: 'FORBIDDEN', message: 'Not yours.' });
    const failed = await client.send('s1', 'first try');
    assert.equal(failed.ok, false);
    const shownFailed = conversation.values.at(-1)?.messages.at(-1);
    assert.equal(shownFailed?.delivery, 'failed');
    assert.deepEqual(shownFailed?.error, { code: 'FORBIDDEN', message: 'Not yours.' });
    const clientMessageId = shownFailed?.clientMessageId as string;

    // Thrown adapter errors while offline are OFFLINE, and fail the message too.
    fake.setConnection('offline');
    fake.executeHandler = async () => {
      throw new Error('socket closed');
    };
    const offline = await client.retry('s1', clientMessageId);
    assert.deepEqual(offline.ok ? null : offline.error.code, 'OFFLINE');
    assert.equal(conversation.values.at(-1)?.messages.at(-1)?.error?.code, 'OFFLINE');

    fake.setConnection('online');
    fake.executeHandler = async (command) => {
      const { message } = fake.acceptSend(command as SendMessageCommand);
      return { ok: true, value: { message, session: fake.state.sessions[0] } };
    };
    const retried = await client.retry('s1', clientMessageId);
    assert.equal(retried.ok, true);
    const sends = fake.commands.filter((c): c is SendMessageCommand => c.type === 'message.send');
    // The offline retry may make several attempts, all with one commandId.
    assert.ok(sends.length >= 3);
    assert.deepEqual(new Set(sends.map((c) => c.clientMessageId)), new Set([clientMessageId]));
    assert.equal(new Set(sends.map((c) => c.commandId)).size, 3, 'one commandId per send');
    assert.deepEqual(shown(conversation.values.at(-1)), ['first try:sent']);
    client.dispose();
  });

  it('discard drops a failed message; retry of an unknown message is NOT_FOUND', async () => {
    const { fake, client } = await setup();
    const conversation = record(client.conversation$('s1'));
    refuseCommands(fake, { code: 'OFFLINE', message: 'offline' });
    await client.send('s1', 'doomed');
    const clientMessageId = conversation.values.at(-1)?.messages.at(-1)?.clientMessageId as string;
    client.discard('s1', clientMessageId);
    assert.deepEqual(conversation.values.at(-1)?.messages, []);
    const retry = await client.retry('s1', clientMessageId);
    assert.equal(retry.ok ? null : retry.error.code, 'NOT_FOUND');
    client.dispose();
  });

  for (const [label, text] of [
    ['empty', '   '],
    ['over-long', 'x'.repeat(MAX_MESSAGE_LENGTH + 1)],
  ] as const) {
    it(`${label} text is refused with VALIDATION and nothing is pending`, async () => {
      const { fake, client } = await setup();
      const conversation = record(client.conversation$('s1'));
      await until(() => conversation.values.at(-1)?.loading === false);
      const count = conversation.values.length;
      const result = await client.send('s1', text);
      assert.equal(result.ok ? null : result.error.code, 'VALIDATION');
      assert.equal(conversation.values.length, count, 'no emission');
      assert.deepEqual(conversation.values.at(-1)?.messages, []);
      assert.equal(fake.commands.length, 0);
      client.dispose();
    });
  }
});
