import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActivityEntry, Session } from '../domain/types.js';
import type { ServerEvent } from '../protocol/events.js';
import {
  emptyConversation,
  mergeMessages,
  reduceActivity,
  reduceConversation,
  previewText,
  reduceSession,
  reduceUnread,
  sentView,
  sessionIdOf,
  withLastMessage,
  withMessage,
} from './reducers.js';
import { previewOf } from '../domain/validation.js';
import { makeMessage, makeSession } from './testing/fixtures.js';
import type { ConversationState, MessageView } from './views.js';

/** `message.added` of message `order` of session `s1`, with `unread` and the session if given. */
function messageAdded(order: number, unread: number, session?: Session): ServerEvent {
  return {
    seq: 1,
    type: 'message.added',
    message: makeMessage('s1', order),
    unread,
    ...(session && { session }),
  };
}

describe('session reducers', () => {
  it('upserts a session with its unread count', () => {
    const session = makeSession('s1', { status: 'active' });
    const event: ServerEvent = {
      seq: 1,
      type: 'session.upserted',
      session,
      unread: 2,
      cause: 'taken',
    };
    assert.equal(reduceSession(undefined, event), session);
    assert.equal(reduceUnread(undefined, event), 2);
  });

  it('removes a session and its count', () => {
    const event: ServerEvent = { seq: 1, type: 'session.removed', sessionId: 's1' };
    assert.equal(reduceSession(makeSession('s1'), event), undefined);
    assert.equal(reduceUnread(3, event), undefined);
  });

  it('moves the last-message fields forward and sets unread on message.added', () => {
    const message = makeMessage('s1', 3, { text: '  hello\n  world ', sentAt: 9000 });
    const event: ServerEvent = { seq: 1, type: 'message.added', message, unread: 1 };
    const next = reduceSession(makeSession('s1'), event);
    assert.equal(next?.lastMessageOrder, 3);
    assert.equal(next?.lastMessagePreview, 'hello world');
    assert.equal(next?.lastMessageAt, 9000);
    assert.deepEqual(
      { ...next, lastMessageOrder: 0, lastMessagePreview: '', lastMessageAt: 1000 },
      makeSession('s1'),
    );
    assert.equal(reduceUnread(0, event), 1);
  });

  it('never rewinds the preview for an older message, and ignores unknown sessions', () => {
    const current = makeSession('s1', { lastMessageOrder: 5, lastMessagePreview: 'new' });
    const old = messageAdded(2, 1);
    assert.equal(reduceSession(current, old), current);
    assert.equal(reduceSession(undefined, old), undefined);
    assert.equal(reduceUnread(undefined, old), undefined);
    assert.equal(
      reduceUnread(undefined, { seq: 1, type: 'session.read', sessionId: 's1', unread: 0 }),
      undefined,
    );
  });

  it('takes a session a message comes with, known or not, and its unread count', () => {
    const after = makeSession('s1', { lastMessageOrder: 2, lastMessagePreview: 'hi' });
    const event = messageAdded(2, 3, after);
    assert.equal(reduceSession(undefined, event), after);
    assert.equal(reduceUnread(undefined, event), 3);
    assert.equal(reduceSession(makeSession('s1', { lastMessageOrder: 5 }), event), after);
    assert.equal(reduceUnread(1, event), 3);
  });

  it('sets unread on session.read, keeping the session object', () => {
    const session = makeSession('s1');
    const event: ServerEvent = { seq: 1, type: 'session.read', sessionId: 's1', unread: 0 };
    assert.equal(reduceSession(session, event), session);
    assert.equal(reduceUnread(4, event), 0);
  });

  it('is deterministic', () => {
    const event = messageAdded(1, 3);
    assert.deepEqual(
      reduceSession(makeSession('s1'), event),
      reduceSession(makeSession('s1'), event),
    );
  });

  it('previews fold white space like previewOf, with a fast path for plain text', () => {
    for (const text of [
      'plain text',
      ' leading',
      'trailing ',
      'two  spaces',
      'tab\there',
      'nbsp\u00a0here',
      'x'.repeat(200),
      '',
      'ok',
    ]) {
      assert.equal(previewText(text), previewOf(text), JSON.stringify(text));
    }
  });

  it('knows which session an event is about', () => {
    assert.equal(sessionIdOf({ seq: 1, type: 'session.read', sessionId: 'x', unread: 0 }), 'x');
    assert.equal(
      sessionIdOf({ seq: 1, type: 'message.added', message: makeMessage('y', 1), unread: 0 }),
      'y',
    );
    assert.equal(
      sessionIdOf({
        seq: 1,
        type: 'customer.upserted',
        customer: { id: 'c', kind: 'internal', userId: 'u', name: 'n' },
      }),
      undefined,
    );
  });

  it('withMessage keeps the session when the message is not newer', () => {
    const session = makeSession('s1', { lastMessageOrder: 2 });
    assert.equal(withMessage(session, makeMessage('s1', 2)), session);
  });
});

describe('withLastMessage', () => {
  // Every field, the optional ones too: a field added to Session must be added here (the types
  // say so), and this test then holds the rows of the store, which rebuild sessions with
  // withLastMessage, to keep it.
  const full: Required<Session> = {
    id: 's1',
    liveChatId: 'lc-1',
    customerId: 'c-1',
    name: 'Anna (Telegram)',
    channel: 'telegram',
    status: 'active',
    assignee: { kind: 'operator', operatorId: 'u-1' },
    firstMessageAt: 1,
    lastMessageAt: 2,
    lastMessagePreview: 'hi',
    lastMessageOrder: 3,
    queuedAt: 1,
    lastOperatorId: 'u-1',
    bindings: [{ binderId: 'crm', recordId: 'r-1', label: 'Ticket' }],
    tags: ['t-1'],
    urgent: true,
    handover: { note: 'VIP', fromId: 'u-2', at: 1 },
  };

  it('replaces the last-message fields and keeps every other one, absent ones absent', () => {
    const last = { lastMessageAt: 5, lastMessagePreview: 'new text', lastMessageOrder: 9 };
    assert.deepEqual(withLastMessage(full, 5, ' new\n text', 9), { ...full, ...last });
    const bare = makeSession('s1');
    assert.deepEqual(withLastMessage(bare, 5, 'new text', 9), { ...bare, ...last });
  });
});

describe('reduceActivity', () => {
  const activity = (id: string, at: number): ActivityEntry => ({
    id,
    kind: 'session-closed',
    sessionId: 's1',
    sessionName: 'S',
    liveChatId: 'lc-1',
    actorId: 'u-other',
    at,
  });
  const added = (entry: ActivityEntry): ServerEvent => ({ seq: 1, type: 'activity.added', entry });

  it('keeps the newest first, deduplicates by id and caps the list', () => {
    let list: readonly ActivityEntry[] = [];
    list = reduceActivity(list, added(activity('a', 10)), 2);
    list = reduceActivity(list, added(activity('b', 30)), 2);
    list = reduceActivity(list, added(activity('c', 20)), 2);
    assert.deepEqual(
      list.map((e) => e.id),
      ['b', 'c'],
    );
    assert.equal(reduceActivity(list, added(activity('b', 30)), 2), list);
    assert.equal(reduceActivity(list, added(activity('old', 1)), 2), list);
    assert.equal(
      reduceActivity(list, { seq: 1, type: 'session.removed', sessionId: 's' }, 2),
      list,
    );
  });
});

describe('conversation reducer', () => {
  const pending = (clientMessageId: string, text = 'hi'): MessageView => ({
    id: `pending:${clientMessageId}`,
    sessionId: 's1',
    clientMessageId,
    author: { kind: 'operator', userId: 'u-me' },
    text,
    channel: 'web',
    sentAt: 1,
    order: Infinity,
    delivery: 'pending',
  });
  const ids = (state: ConversationState): string[] =>
    state.messages.map((m) => `${m.id}:${m.delivery}`);

  it('orders by server order, deduplicates by id, keeps unsent last', () => {
    let state = emptyConversation('s1');
    state = reduceConversation(state, { type: 'send.pending', message: pending('c1') });
    state = reduceConversation(state, { type: 'message.added', message: makeMessage('s1', 2) });
    state = reduceConversation(state, { type: 'message.added', message: makeMessage('s1', 1) });
    const same = reduceConversation(state, {
      type: 'message.added',
      message: makeMessage('s1', 2),
    });
    assert.equal(same, state);
    assert.deepEqual(ids(state), ['s1-m1:sent', 's1-m2:sent', 'pending:c1:pending']);
  });

  it('a server message with the clientMessageId replaces the pending one, in either order', () => {
    const server = makeMessage('s1', 7, { id: 'srv', clientMessageId: 'c1' });
    const start = reduceConversation(emptyConversation('s1'), {
      type: 'send.pending',
      message: pending('c1'),
    });

    let a = reduceConversation(start, { type: 'message.added', message: server });
    a = reduceConversation(a, { type: 'send.confirmed', clientMessageId: 'c1', message: server });
    let b = reduceConversation(start, {
      type: 'send.confirmed',
      clientMessageId: 'c1',
      message: server,
    });
    b = reduceConversation(b, { type: 'message.added', message: server });
    assert.deepEqual(ids(a), ['srv:sent']);
    assert.deepEqual(b, a);
  });

  it('marks failed, retries and discards only unsent messages', () => {
    const error = { code: 'OFFLINE' as const, message: 'offline' };
    let state = reduceConversation(emptyConversation('s1'), {
      type: 'send.pending',
      message: pending('c1'),
    });
    const untouched = reduceConversation(state, { type: 'send.discarded', clientMessageId: 'c1' });
    assert.equal(untouched, state, 'a pending message is not discarded');
    state = reduceConversation(state, { type: 'send.failed', clientMessageId: 'c1', error });
    assert.equal(state.messages[0].delivery, 'failed');
    assert.deepEqual(state.messages[0].error, error);
    state = reduceConversation(state, { type: 'send.retrying', clientMessageId: 'c1' });
    assert.equal(state.messages[0].delivery, 'pending');
    assert.equal('error' in state.messages[0], false);
    state = reduceConversation(state, { type: 'send.failed', clientMessageId: 'c1', error });
    state = reduceConversation(state, { type: 'send.discarded', clientMessageId: 'c1' });
    assert.deepEqual(state.messages, []);
  });

  it('merges history pages and tracks hasMore, loading and error', () => {
    let state = reduceConversation(emptyConversation('s1'), { type: 'history.loading' });
    assert.equal(state.loading, true);
    state = reduceConversation(state, { type: 'message.added', message: makeMessage('s1', 5) });
    state = reduceConversation(state, {
      type: 'history.loaded',
      older: false,
      page: {
        messages: [makeMessage('s1', 3), makeMessage('s1', 4), makeMessage('s1', 5)],
        hasMore: true,
      },
    });
    assert.deepEqual(
      state.messages.map((m) => m.order),
      [3, 4, 5],
    );
    assert.equal(state.hasMore, true);
    assert.equal(state.loading, false);
    state = reduceConversation(state, {
      type: 'history.failed',
      error: { code: 'INTERNAL', message: 'x' },
    });
    assert.equal(state.error?.code, 'INTERNAL');
    state = reduceConversation(state, { type: 'history.loading' });
    assert.equal(state.error, undefined);
    state = reduceConversation(state, {
      type: 'history.loaded',
      older: true,
      page: { messages: [makeMessage('s1', 1), makeMessage('s1', 2)], hasMore: false },
    });
    assert.deepEqual(
      state.messages.map((m) => m.order),
      [1, 2, 3, 4, 5],
    );
    assert.equal(state.hasMore, false);
  });

  it('after a resync, a refreshed page that does not touch the loaded messages replaces them', () => {
    let state: ConversationState = {
      ...emptyConversation('s1'),
      messages: [sentView(makeMessage('s1', 1)), sentView(makeMessage('s1', 2)), pending('c1')],
    };
    const touching = reduceConversation(state, {
      type: 'history.refreshed',
      page: { messages: [makeMessage('s1', 2), makeMessage('s1', 3)], hasMore: true },
    });
    assert.deepEqual(
      touching.messages.map((m) => m.order),
      [1, 2, 3, Infinity],
    );
    state = reduceConversation(state, {
      type: 'history.refreshed',
      page: { messages: [makeMessage('s1', 10), makeMessage('s1', 11)], hasMore: true },
    });
    assert.deepEqual(
      state.messages.map((m) => m.order),
      [10, 11, Infinity],
    );
    assert.equal(state.hasMore, true);
  });

  it('mergeMessages returns its input when nothing is new', () => {
    const messages = [sentView(makeMessage('s1', 1))];
    assert.equal(mergeMessages(messages, [makeMessage('s1', 1)]), messages);
    assert.equal(mergeMessages(messages, [makeMessage('s1', 1), makeMessage('s1', 1)]), messages);
  });
});
