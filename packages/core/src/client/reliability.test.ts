/**
 * One test per sync defect that the fault-injection suite found, each written against the
 * behaviour an operator relies on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY } from 'rxjs';
import { createLiveChatClient } from './client.js';
import { createMemoryOutbox } from './outbox.js';
import { createFakeAdapter, type FakeAdapter } from './testing/fake-adapter.js';
import { makeMessage, makeSession, makeSnapshot } from './testing/fixtures.js';
import { record, until, whenReady } from './testing/helpers.js';
import type { LiveChatClientOptions } from './options.js';
import type { LiveChatClient } from './types.js';
import type { ConversationState } from './views.js';

// Back-offs with full jitter wait `random() · ceiling`: 0 retries at once.
const NO_JITTER = { random: () => 0 };

function setup(options: Partial<LiveChatClientOptions> = {}): {
  fake: FakeAdapter;
  client: LiveChatClient;
} {
  const fake = createFakeAdapter({
    initial: makeSnapshot({ seq: 5, sessions: [makeSession('s1'), makeSession('s2')] }),
  });
  for (const order of [1, 2])
    fake.messages.set('s1', [...(fake.messages.get('s1') ?? []), makeMessage('s1', order)]);
  const client = createLiveChatClient({ adapter: fake.adapter, ...NO_JITTER, ...options });
  return { fake, client };
}

/** {@link setup}, once the client has loaded its first snapshot. */
async function ready(options: Partial<LiveChatClientOptions> = {}) {
  const world = setup(options);
  await whenReady(world.client);
  return world;
}

type Conversation = ReturnType<typeof record<ConversationState>>;

/** The orders of the messages the conversation shows now. */
const orders = (conversation: Conversation): number[] =>
  conversation.values.at(-1)?.messages.map((m) => m.order) ?? [];

/** Waits until the conversation shows as many messages as expected, then checks their orders. */
async function expectOrders(
  conversation: Conversation,
  expected: number[],
  attempts?: number,
): Promise<void> {
  const shown = () => conversation.values.at(-1)?.messages.map((m) => m.order) ?? [];
  await until(() => shown().length === expected.length, attempts);
  assert.deepEqual(shown(), expected);
}

/** Subscribes to s1's conversation and waits for its first page (its messages 1 and 2). */
async function openConversation(client: LiveChatClient): Promise<Conversation> {
  const conversation = record(client.conversation$('s1'));
  await until(() => conversation.values.at(-1)?.messages.length === 2);
  return conversation;
}

/** A message of s1 whose event never reaches the client. */
function loseMessage(fake: FakeAdapter, order: number): void {
  fake.emit(
    { type: 'message.added', message: makeMessage('s1', order), unread: 1 },
    { deliver: false },
  );
}

describe('sync reliability', () => {
  it('1. a conversation that leaves the view and comes back shows what was written meanwhile', async () => {
    const { fake, client } = await ready();
    const conversation = await openConversation(client);
    fake.emit({ type: 'session.removed', sessionId: 's1' });
    // Written while the user could not see the session: no event reaches them.
    fake.messages.set('s1', [...(fake.messages.get('s1') ?? []), makeMessage('s1', 3)]);
    fake.emit({
      type: 'session.upserted',
      session: makeSession('s1', { lastMessageOrder: 3 }),
      unread: 0,
      cause: 'reassigned',
    });
    await expectOrders(conversation, [1, 2, 3]);
    conversation.stop();
    client.dispose();
  });

  it('2. a failed snapshot while online is retried by itself', async () => {
    const fake = createFakeAdapter({ initial: makeSnapshot({ seq: 5 }) });
    const serve = fake.snapshotHandler;
    let calls = 0;
    fake.snapshotHandler = async () => {
      if (++calls === 1) throw new Error('snapshot failed');
      return serve();
    };
    const client = createLiveChatClient({ adapter: fake.adapter, ...NO_JITTER });
    await whenReady(client);
    assert.equal(calls, 2);
    assert.equal(client.connection, 'online', 'no reconnect was needed');
    client.dispose();
  });

  it('3. the error banner clears once a Retry loads the conversation, with no older pages', async () => {
    const { fake, client } = await ready();
    const serve = fake.historyHandler;
    fake.historyHandler = async () => {
      throw Object.assign(new Error('bad gateway'), { code: 'FORBIDDEN_BY_PROXY' });
    };
    const conversation = record(client.conversation$('s1'));
    await until(() => conversation.values.at(-1)?.error !== undefined);
    fake.historyHandler = serve;
    await client.loadOlder('s1');
    assert.equal(conversation.values.at(-1)?.error, undefined);
    assert.equal(conversation.values.at(-1)?.messages.length, 2);
    conversation.stop();
    client.dispose();
  });

  it('4. a failed first history load is retried by itself', async () => {
    const { fake, client } = await ready();
    const serve = fake.historyHandler;
    let calls = 0;
    fake.historyHandler = async (query) => {
      if (++calls === 1) throw new TypeError('Failed to fetch');
      return serve(query);
    };
    const conversation = await openConversation(client);
    assert.equal(conversation.values.at(-1)?.error, undefined);
    assert.equal(calls, 2);
    conversation.stop();
    client.dispose();
  });

  it('5. a failed refresh after a resync is retried: no hole is left', async () => {
    const { fake, client } = await ready();
    const conversation = await openConversation(client);
    const serve = fake.historyHandler;
    let failures = 0;
    fake.historyHandler = async (query) => {
      if (failures++ === 0) throw new TypeError('Failed to fetch');
      return serve(query);
    };
    loseMessage(fake, 3);
    fake.failStream({ code: 'RESYNC_REQUIRED', message: 'Too far behind.' });
    await until(() => orders(conversation).join() === '1,2,3', 100);
    assert.equal(conversation.values.at(-1)?.error, undefined);
    conversation.stop();
    client.dispose();
  });

  it('6. a command whose answer is lost is retried with the same commandId and succeeds', async () => {
    const { fake, client } = setup({ requestTimeoutMs: 20 });
    await whenReady(client);
    const ids: string[] = [];
    const serve = fake.executeHandler;
    fake.executeHandler = async (command) => {
      ids.push(command.commandId);
      const result = await serve(command);
      if (ids.length === 1)
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      return result;
    };
    const sent = await client.send('s1', 'Hello');
    assert.equal(sent.ok, true);
    assert.equal(new Set(ids).size, 1, 'the same commandId');
    assert.equal(fake.messages.get('s1')?.filter((m) => m.text === 'Hello').length, 1);
    client.dispose();
  });

  it('7. a stream that completes quietly is resumed from the last seq', async () => {
    const { fake, client } = setup();
    const events = fake.adapter.events.bind(fake.adapter);
    let first = true;
    fake.adapter.events = (since: number) => {
      if (first) {
        first = false;
        return EMPTY;
      }
      return events(since);
    };
    await whenReady(client);
    fake.emit({ type: 'session.read', sessionId: 's1', unread: 0 });
    await until(() => fake.calls.events.length >= 1 && client.status.state === 'ready', 200);
    fake.emit({
      type: 'session.upserted',
      session: makeSession('s3'),
      unread: 1,
      cause: 'created',
    });
    await until(() => client.getSession('s3') !== undefined, 200);
    assert.equal(fake.calls.snapshot, 1, 'resumed, not reloaded');
    client.dispose();
  });

  it('8. a send that never gets an answer fails at its deadline, and Retry is accepted', async () => {
    const { fake, client } = setup({ commandDeadlineMs: 60, requestTimeoutMs: 20 });
    await whenReady(client);
    const serve = fake.executeHandler;
    fake.executeHandler = () => new Promise(() => undefined);
    const conversation = record(client.conversation$('s1'));
    const result = await client.send('s1', 'Anyone?');
    assert.equal(!result.ok && result.error.code, 'TIMEOUT');
    const failed = conversation.values.at(-1)?.messages.find((m) => m.delivery === 'failed');
    assert.ok(failed?.clientMessageId);
    fake.executeHandler = serve;
    const retried = await client.retry('s1', failed.clientMessageId);
    assert.equal(retried.ok, true);
    conversation.stop();
    client.dispose();
  });

  it('9. unsent messages survive a reload and are stored exactly once', async () => {
    const outbox = createMemoryOutbox();
    const { fake, client } = setup({ outbox, commandDeadlineMs: 60_000 });
    await whenReady(client);
    const serve = fake.executeHandler;
    fake.executeHandler = () => new Promise(() => undefined); // the answer never comes
    void client.send('s1', 'Before the reload');
    await until(() => true);
    client.dispose(); // the reload
    fake.executeHandler = serve;
    const after = createLiveChatClient({ adapter: fake.adapter, outbox, ...NO_JITTER });
    await until(
      () => (fake.messages.get('s1') ?? []).some((m) => m.text === 'Before the reload'),
      200,
    );
    for (let i = 0; i < 50 && (await outbox.load('u-me')).length > 0; i++) await until(() => true);
    assert.deepEqual(await outbox.load('u-me'), [], 'it left the outbox');
    assert.equal(fake.messages.get('s1')?.filter((m) => m.text === 'Before the reload').length, 1);
    after.dispose();
  });

  it('10. a reconnect resumes the stream from the last seq, without a snapshot', async () => {
    const { fake, client } = await ready();
    fake.setConnection('reconnecting');
    assert.equal(client.status.state, 'resuming');
    fake.emit(
      { type: 'session.upserted', session: makeSession('s3'), unread: 0, cause: 'created' },
      { deliver: false },
    );
    fake.setConnection('online');
    await until(() => client.getSession('s3') !== undefined);
    assert.deepEqual(fake.calls.events, [5, 5]);
    assert.equal(fake.calls.snapshot, 1);
    assert.equal(client.status.state, 'ready');
    client.dispose();
  });

  it('11. only documented codes leave the client; the original is kept in cause', async () => {
    const { fake, client } = await ready();
    const socketError = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    fake.reportHandler = async () => {
      throw socketError;
    };
    const report = await client.report({
      kind: 'live-chat-performance',
      liveChatId: 'lc-1',
      from: 0,
      to: 1,
    } as never);
    assert.equal(!report.ok && report.error.code, 'OFFLINE');
    assert.equal(!report.ok && report.error.cause, socketError);
    fake.reportHandler = async () => {
      throw Object.assign(new Error('weird'), { code: 'E_WEIRD' });
    };
    const odd = await client.report({
      kind: 'live-chat-performance',
      liveChatId: 'lc-1',
      from: 0,
      to: 1,
    } as never);
    assert.equal(!odd.ok && odd.error.code, 'INTERNAL');
    client.dispose();
  });

  it('12. a message written between the first history page and the first snapshot is shown', async () => {
    const fake = createFakeAdapter({
      initial: makeSnapshot({ seq: 5, sessions: [makeSession('s1')] }),
    });
    fake.messages.set('s1', [makeMessage('s1', 1), makeMessage('s1', 2)]);
    const serve = fake.snapshotHandler;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.snapshotHandler = async () => {
      await gate;
      return serve();
    };
    const client = createLiveChatClient({ adapter: fake.adapter, ...NO_JITTER });
    const conversation = await openConversation(client);
    // Written now; its event is part of what the snapshot already contains.
    loseMessage(fake, 3);
    release();
    await whenReady(client);
    await expectOrders(conversation, [1, 2, 3]);
    conversation.stop();
    client.dispose();
  });

  it('13. a send confirmed ahead of a message lost in a gap does not hide that message after a resync', async () => {
    const { fake, client } = await ready();
    const conversation = await openConversation(client);
    // A customer message (order 3) whose event is lost, then the operator's own send (order 4),
    // confirmed by the command result before any event shows the gap.
    loseMessage(fake, 3);
    const serve = fake.executeHandler;
    fake.executeHandler = async (command) => {
      if (command.type !== 'message.send') return serve(command);
      const { message } = fake.acceptSend(command, { emit: false });
      // The snapshot will show the session with its newest message.
      fake.state.sessions = fake.state.sessions.map((s) =>
        s.id === 's1' ? { ...s, lastMessageOrder: message.order } : s,
      );
      return { ok: true, value: { message, session: fake.state.sessions[0] } };
    };
    const sent = await client.send('s1', 'mine');
    assert.equal(sent.ok, true);
    fake.failStream({ code: 'RESYNC_REQUIRED', message: 'Too far behind.' });
    await expectOrders(conversation, [1, 2, 3, 4], 200);
    conversation.stop();
    client.dispose();
  });
});
