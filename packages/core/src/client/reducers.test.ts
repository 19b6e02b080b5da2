import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActivityEntry } from '../domain/types.js';
import type { ServerEvent } from '../protocol/events.js';
import {
  emptyConversation,
  mergeMessages,
  reduceActivity,
  reduceConversation,
  reduceSessionEntry,
  sentView,
  sessionIdOf,
  withMessage,
  type SessionEntry,
} from './reducers.js';
import { makeMessage, makeSession } from './testing/fixtures.js';
import type { ConversationState, MessageView } from './types.js';

const entry = (unread = 0): SessionEntry => ({ session: makeSession('s1'), unread });

describe('reduceSessionEntry', () => {
  it('upserts a session with its unread count', () => {
    const session = makeSession('s1', { status: 'active' });
    const next = reduceSessionEntry(undefined, { seq: 1, type: 'session.upserted', session, unread: 2, cause: 'taken' });
    assert.deepEqual(next, { session, unread: 2 });
  });

  it('returns the same entry when an upsert changes nothing', () => {
    const current = entry(1);
    const event: ServerEvent = { seq: 1, type: 'session.upserted', session: current.session, unread: 1, cause: 'renamed' };
    assert.equal(reduceSessionEntry(current, event), current);
  });

  it('removes a session', () => {
    assert.equal(reduceSessionEntry(entry(), { seq: 1, type: 'session.removed', sessionId: 's1' }), undefined);
  });

  it('moves the last-message fields forward and sets unread on message.added', () => {
    const message = makeMessage('s1', 3, { text: '  hello\n  world ', sentAt: 9000 });
    const next = reduceSessionEntry(entry(0), { seq: 1, type: 'message.added', message, unread: 1 });
    assert.equal(next?.unread, 1);
    assert.equal(next?.session.lastMessageOrder, 3);
    assert.equal(next?.session.lastMessagePreview, 'hello world');
    assert.equal(next?.session.lastMessageAt, 9000);
  });

  it('never rewinds the preview for an older message, and ignores unknown sessions', () => {
    const current: SessionEntry = { session: makeSession('s1', { lastMessageOrder: 5, lastMessagePreview: 'new' }), unread: 1 };
    const old = makeMessage('s1', 2);
    assert.equal(reduceSessionEntry(current, { seq: 1, type: 'message.added', message: old, unread: 1 }), current);
    assert.equal(reduceSessionEntry(undefined, { seq: 1, type: 'message.added', message: old, unread: 1 }), undefined);
    assert.equal(reduceSessionEntry(undefined, { seq: 1, type: 'session.read', sessionId: 's1', unread: 0 }), undefined);
  });

  it('sets unread on session.read, keeping the session object', () => {
    const current = entry(4);
    const next = reduceSessionEntry(current, { seq: 1, type: 'session.read', sessionId: 's1', unread: 0 });
    assert.equal(next?.unread, 0);
    assert.equal(next?.session, current.session);
    assert.equal(reduceSessionEntry(next, { seq: 2, type: 'session.read', sessionId: 's1', unread: 0 }), next);
  });

  it('is deterministic', () => {
    const message = makeMessage('s1', 1);
    const event: ServerEvent = { seq: 1, type: 'message.added', message, unread: 3 };
    assert.deepEqual(reduceSessionEntry(entry(), event), reduceSessionEntry(entry(), event));
  });

  it('knows which session an event is about', () => {
    assert.equal(sessionIdOf({ seq: 1, type: 'session.read', sessionId: 'x', unread: 0 }), 'x');
    assert.equal(sessionIdOf({ seq: 1, type: 'message.added', message: makeMessage('y', 1), unread: 0 }), 'y');
    assert.equal(
      sessionIdOf({ seq: 1, type: 'customer.upserted', customer: { id: 'c', kind: 'internal', userId: 'u', name: 'n' } }),
      undefined,
    );
  });

  it('withMessage keeps the session when the message is not newer', () => {
    const session = makeSession('s1', { lastMessageOrder: 2 });
    assert.equal(withMessage(session, makeMessage('s1', 2)), session);
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
    assert.deepEqual(list.map((e) => e.id), ['b', 'c']);
    assert.equal(reduceActivity(list, added(activity('b', 30)), 2), list);
    assert.equal(reduceActivity(list, added(activity('old', 1)), 2), list);
    assert.equal(reduceActivity(list, { seq: 1, type: 'session.removed', sessionId: 's' }, 2), list);
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
  const ids = (state: ConversationState): string[] => state.messages.map((m) => `${m.id}:${m.delivery}`);

  it('orders by server order, deduplicates by id, keeps unsent last', () => {
    let state = emptyConversation('s1');
    state = reduceConversation(state, { type: 'send.pending', message: pending('c1') });
    state = reduceConversation(state, { type: 'message.added', message: makeMessage('s1', 2) });
    state = reduceConversation(state, { type: 'message.added', message: makeMessage('s1', 1) });
    const same = reduceConversation(state, { type: 'message.added', message: makeMessage('s1', 2) });
    assert.equal(same, state);
    assert.deepEqual(ids(state), ['s1-m1:sent', 's1-m2:sent', 'pending:c1:pending']);
  });

  it('a server message with the clientMessageId replaces the pending one, in either order', () => {
    const server = makeMessage('s1', 7, { id: 'srv', clientMessageId: 'c1' });
    const start = reduceConversation(emptyConversation('s1'), { type: 'send.pending', message: pending('c1') });

    let a = reduceConversation(start, { type: 'message.added', message: server });
    a = reduceConversation(a, { type: 'send.confirmed', clientMessageId: 'c1', message: server });
    let b = reduceConversation(start, { type: 'send.confirmed', clientMessageId: 'c1', message: server });
    b = reduceConversation(b, { type: 'message.added', message: server });
    assert.deepEqual(ids(a), ['srv:sent']);
    assert.deepEqual(b, a);
  });

  it('marks failed, retries and discards only unsent messages', () => {
    const error = { code: 'OFFLINE' as const, message: 'offline' };
    let state = reduceConversation(emptyConversation('s1'), { type: 'send.pending', message: pending('c1') });
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
      page: { messages: [makeMessage('s1', 3), makeMessage('s1', 4), makeMessage('s1', 5)], hasMore: true },
    });
    assert.deepEqual(state.messages.map((m) => m.order), [3, 4, 5]);
    assert.equal(state.hasMore, true);
    assert.equal(state.loading, false);
    state = reduceConversation(state, { type: 'history.failed', error: { code: 'INTERNAL', message: 'x' } });
    assert.equal(state.error?.code, 'INTERNAL');
    state = reduceConversation(state, { type: 'history.loading' });
    assert.equal(state.error, undefined);
    state = reduceConversation(state, {
      type: 'history.loaded',
      older: true,
      page: { messages: [makeMessage('s1', 1), makeMessage('s1', 2)], hasMore: false },
    });
    assert.deepEqual(state.messages.map((m) => m.order), [1, 2, 3, 4, 5]);
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
    assert.deepEqual(touching.messages.map((m) => m.order), [1, 2, 3, Infinity]);
    state = reduceConversation(state, {
      type: 'history.refreshed',
      page: { messages: [makeMessage('s1', 10), makeMessage('s1', 11)], hasMore: true },
    });
    assert.deepEqual(state.messages.map((m) => m.order), [10, 11, Infinity]);
    assert.equal(state.hasMore, true);
  });

  it('mergeMessages returns its input when nothing is new', () => {
    const messages = [sentView(makeMessage('s1', 1))];
    assert.equal(mergeMessages(messages, [makeMessage('s1', 1)]), messages);
    assert.equal(mergeMessages(messages, [makeMessage('s1', 1), makeMessage('s1', 1)]), messages);
  });
});
