import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findRanges, searchScoped } from './search.js';
import type { Message, Session } from './types.js';

const session = (id: string, name: string, lastMessageAt = 0): Session => ({
  id,
  liveChatId: 'lc',
  customerId: 'c',
  name,
  channel: 'web',
  status: 'active',
  assignee: null,
  firstMessageAt: 0,
  lastMessageAt,
  lastMessagePreview: '',
  lastMessageOrder: 0,
  queuedAt: null,
  lastOperatorId: null,
  bindings: [],
});
const message = (id: string, sessionId: string, order: number, text: string): Message => ({
  id,
  sessionId,
  author: { kind: 'customer', customerId: 'c' },
  text,
  channel: 'web',
  sentAt: order,
  order,
});

const sessions = [session('s1', 'Refund for order 42', 2), session('s2', 'Delivery question', 1)];
const messages = new Map<string, Message[]>([
  [
    's1',
    [
      message('m1', 's1', 1, 'My invoice is wrong'),
      message('m2', 's1', 2, 'The INVOICE total, again: invoice!'),
    ],
  ],
  ['s2', [message('m3', 's2', 1, 'Where is my invoice?')]],
]);
const messagesOf = (id: string) => messages.get(id) ?? [];

describe('scoped search', () => {
  it('with no session open, searches session names only', () => {
    assert.deepEqual(searchScoped({ text: 'invoice' }, sessions, messagesOf), []);
    const hits = searchScoped({ text: 'delivery' }, sessions, messagesOf);
    assert.deepEqual(hits, [
      {
        kind: 'session',
        sessionId: 's2',
        text: 'Delivery question',
        ranges: [{ start: 0, end: 8 }],
      },
    ]);
  });

  it('with a session open, searches its name and its whole history, and nothing of other sessions', () => {
    const hits = searchScoped({ text: 'invoice', sessionId: 's1' }, sessions, messagesOf);
    assert.deepEqual(
      hits.map((h) => (h.kind === 'message' ? h.messageId : h.sessionId)),
      ['m2', 'm1'],
    );
    const first = hits[0]!;
    assert.deepEqual(first.ranges, [
      { start: 4, end: 11 },
      { start: 26, end: 33 },
    ]);
    const named = searchScoped({ text: 'refund', sessionId: 's1' }, sessions, messagesOf);
    assert.equal(named[0]?.kind, 'session');
  });

  it('matches case- and accent-insensitively with ranges on the original text', () => {
    assert.deepEqual(findRanges('Café CAFE cafe', 'cafe'), [
      { start: 0, end: 4 },
      { start: 5, end: 9 },
      { start: 10, end: 14 },
    ]);
    assert.deepEqual(findRanges('Счёт оплачен', 'СЧЕТ'), [{ start: 0, end: 4 }]);
  });

  it('a blank query finds nothing; the limit is honoured', () => {
    assert.deepEqual(searchScoped({ text: '   ', sessionId: 's1' }, sessions, messagesOf), []);
    assert.equal(
      searchScoped({ text: 'invoice', sessionId: 's1', limit: 1 }, sessions, messagesOf).length,
      1,
    );
  });
});
