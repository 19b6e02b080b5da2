import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeMessage, makeSession, makeSnapshot } from '../client/testing/fixtures.js';
import type { ServerEvent } from './events.js';
import {
  invalidData,
  messagePageProblem,
  searchHitsProblem,
  serverEventProblem,
  snapshotProblem,
} from './validate.js';

/** What a template library would render as markup, if it ever took it for one of its own. */
const TEMPLATE = { _$litType$: 1, strings: ['<img src=x onerror=alert(1)>'], values: [] };

/** A deep copy of `value` with the value at `path` (dot-separated, numeric parts index arrays) replaced. */
function withValue<T>(value: T, path: string, replacement: unknown): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const parts = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  at[parts.at(-1) as string] = replacement;
  return copy as T;
}

const session = makeSession('s-1', {
  assignee: { kind: 'operator', operatorId: 'u-me' },
  status: 'active',
  bindings: [{ binderId: 'crm', recordId: 'r-1', label: 'Ticket 1' }],
  tags: ['tag-billing'],
  urgent: true,
  handover: { note: 'Wants a call back', fromId: 'u-me', at: 3 },
});
const message = makeMessage('s-1', 1, {
  clientMessageId: 'customer:tg-1',
  channelDelivery: { state: 'failed', at: 5, attempts: 3, reason: 'HTTP 500' },
});
const added: ServerEvent = { seq: 7, type: 'message.added', message, session, unread: 1 };
const snapshot = makeSnapshot({
  seq: 7,
  sessions: [session],
  unread: { 's-1': 1 },
  activity: [
    {
      id: 'a-1',
      kind: 'session-reassigned',
      sessionId: 's-1',
      sessionName: 'Session s-1',
      liveChatId: 'lc-1',
      actorId: 'u-me',
      at: 9,
      target: { kind: 'group', groupId: 'g-2' },
      note: 'Over to accounting',
    },
  ],
});

describe('shape checks of backend data', () => {
  it('accept sound snapshots, events of every type and history pages', () => {
    assert.equal(snapshotProblem(snapshot), undefined);
    assert.equal(messagePageProblem({ messages: [message], hasMore: false }), undefined);
    const events: ServerEvent[] = [
      added,
      { seq: 1, type: 'session.upserted', session, unread: 0, cause: 'taken' },
      { seq: 2, type: 'session.removed', sessionId: 's-1' },
      { seq: 3, type: 'message.updated', message },
      {
        seq: 9,
        type: 'message.added',
        message: { ...message, internal: true, mentions: ['u-2'] },
        unread: 0,
      },
      { seq: 4, type: 'session.read', sessionId: 's-1', unread: 0 },
      { seq: 5, type: 'customer.upserted', customer: snapshot.customers[2] },
      { seq: 6, type: 'activity.added', entry: snapshot.activity[0] },
      { seq: 12, type: 'canned.removed', replyId: 'cr-1' },
      {
        seq: 13,
        type: 'canned.upserted',
        reply: {
          id: 'cr-1',
          scope: { kind: 'personal', userId: 'u-me' },
          shortcut: 'thanks',
          text: 'Thank you, {{customer.name}}!',
          updatedAt: 5,
          updatedBy: 'u-me',
        },
      },
      {
        seq: 11,
        type: 'presence.changed',
        presence: { userId: 'u-me', status: 'away', since: 4, auto: true },
      },
      {
        seq: 8,
        type: 'alert',
        alert: {
          id: 'al-1',
          sessionId: 's-1',
          liveChatId: 'lc-1',
          messageId: message.id,
          customerName: 'Anna',
          preview: 'message 1',
          channel: 'web',
          at: 9,
        },
      },
      {
        seq: 10,
        type: 'alert',
        alert: {
          id: 'al-2',
          kind: 'mention',
          mentionedBy: 'u-2',
          sessionId: 's-1',
          liveChatId: 'lc-1',
          messageId: message.id,
          channel: 'web',
          at: 9,
        },
      },
    ];
    for (const event of events) assert.equal(serverEventProblem(event), undefined, event.type);
  });

  it('name the first bad field of a snapshot', () => {
    const cases: [string, unknown, string][] = [
      ['customers.0.name', TEMPLATE, 'customers[0].name'],
      ['customers.1.messenger', 'constructor', 'customers[1].messenger'],
      ['customers.2.kind', 'alien', 'customers[2].kind'],
      ['users.2.name', () => 'Sofia', 'users[2].name'],
      ['users.1.role', 'admin', 'users[1].role'],
      ['me.id', '', 'me.id'],
      ['liveChats.0.channels', ['web', 'toString'], 'liveChats[0].channels[1]'],
      [
        'liveChats.0.reassignmentTargets.1',
        { kind: 'group' },
        'liveChats[0].reassignmentTargets[1].groupId',
      ],
      ['groups.0.memberIds', 'u-me', 'groups[0].memberIds'],
      ['sessions.0.id', 'x'.repeat(201), 'sessions[0].id'],
      ['sessions.0.lastMessageAt', Number.NaN, 'sessions[0].lastMessageAt'],
      ['sessions.0.queuedAt', Infinity, 'sessions[0].queuedAt'],
      [
        'sessions.0.assignee',
        { kind: 'operator', operatorId: 42 },
        'sessions[0].assignee.operatorId',
      ],
      ['sessions.0.bindings.0.label', TEMPLATE, 'sessions[0].bindings[0].label'],
      ['sessions.0.tags', ['tag-billing', 5], 'sessions[0].tags[1]'],
      ['sessions.0.urgent', 'yes', 'sessions[0].urgent'],
      ['sessions.0.handover.note', TEMPLATE, 'sessions[0].handover.note'],
      ['sessions.0.handover.note', 'n'.repeat(501), 'sessions[0].handover.note'],
      ['liveChats.0.tags', [{ id: 'tag-1', label: TEMPLATE }], 'liveChats[0].tags[0].label'],
      [
        'liveChats.0.waitingThresholds',
        { warnAfterMs: -1 },
        'liveChats[0].waitingThresholds.warnAfterMs',
      ],
      ['activity.0.note', TEMPLATE, 'activity[0].note'],
      ['presence', [{ userId: 'u-me', status: 'busy', since: 1 }], 'presence[0].status'],
      [
        'cannedReplies',
        [
          {
            id: 'cr-1',
            scope: { kind: 'team' },
            shortcut: 's',
            text: 't',
            updatedAt: 1,
            updatedBy: 'u',
          },
        ],
        'cannedReplies[0].scope.kind',
      ],
      ['unread', { 's-1': -1 }, 'unread.s-1'],
      ['unread', [1], 'unread'],
      ['activity.0.kind', 'session-deleted', 'activity[0].kind'],
      ['seq', 1.5, 'seq'],
    ];
    for (const [path, value, problem] of cases) {
      assert.equal(snapshotProblem(withValue(snapshot, path, value)), problem, path);
    }
    assert.equal(snapshotProblem(null), '');
  });

  it('name the first bad field of an event, and refuse unknown types', () => {
    const cases: [string, unknown, string | undefined][] = [
      ['message.text', TEMPLATE, 'message.text'],
      ['message.text', 'x'.repeat(4001), 'message.text'],
      ['message.text', '😀'.repeat(4000), undefined],
      ['message.author', { kind: 'bot' }, 'message.author.kind'],
      ['message.clientMessageId', `customer:${'k'.repeat(200)}`, undefined],
      ['message.clientMessageId', 'k'.repeat(210), 'message.clientMessageId'],
      ['message.channelDelivery.state', 'lost', 'message.channelDelivery.state'],
      ['message.order', -1, 'message.order'],
      ['message.internal', false, 'message.internal'],
      ['message.mentions', ['u-2', {}], 'message.mentions[1]'],
      ['session.name', { toString: () => 'name' }, 'session.name'],
      ['session.lastMessagePreview', 'p'.repeat(141), 'session.lastMessagePreview'],
      ['unread', '1', 'unread'],
      ['seq', '7', 'seq'],
      ['type', 'session.exploded', 'type'],
    ];
    for (const [path, value, problem] of cases) {
      assert.equal(serverEventProblem(withValue(added, path, value)), problem, path);
    }
    assert.equal(serverEventProblem('message.added'), '');
  });

  it('name the first bad field of search hits', () => {
    const hit = {
      kind: 'session',
      sessionId: 's-1',
      text: 'Refund',
      ranges: [{ start: 0, end: 3 }],
    };
    assert.equal(searchHitsProblem([hit, { ...hit, tags: ['Billing'] }]), undefined);
    assert.equal(searchHitsProblem([{ ...hit, text: TEMPLATE }]), 'hits[0].text');
    assert.equal(searchHitsProblem([hit, { ...hit, tags: [TEMPLATE] }]), 'hits[1].tags[0]');
    assert.equal(
      searchHitsProblem([{ ...hit, ranges: [{ start: 4, end: 2 }] }]),
      'hits[0].ranges[0].end',
    );
    assert.equal(searchHitsProblem({}), 'hits');
  });

  it('name the first bad message of a history page', () => {
    const page = { messages: [message, withValue(message, 'sentAt', '1000')], hasMore: true };
    assert.equal(messagePageProblem(page), 'messages[1].sentAt');
    assert.equal(messagePageProblem({ messages: [] }), 'hasMore');
  });

  it('describe a refusal as a typed INVALID_DATA error with its path', () => {
    assert.deepEqual(invalidData('event', 'message.text'), {
      code: 'INVALID_DATA',
      message: 'The backend sent an invalid event (at "event.message.text"); it was not applied.',
      details: { path: 'event.message.text' },
    });
    assert.equal(invalidData('snapshot', '').details?.path, 'snapshot');
  });
});
