import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canView, isNew, OUTBOUND_CHANNELS, viewerFor } from '@live-chat/core';
import { createMemoryBackend } from './backend.js';
import { createSeedData, SEED_GROUPS, SEED_LIVE_CHATS, SEED_USERS } from './seed.js';

const NOW = Date.UTC(2025, 2, 10, 12);

describe('seed data', () => {
  it('is the same for the same seed and time, and differs for another seed', () => {
    assert.deepEqual(createSeedData({ seed: 7, now: NOW }), createSeedData({ seed: 7, now: NOW }));
    assert.notDeepEqual(
      createSeedData({ seed: 7, now: NOW }).messages,
      createSeedData({ seed: 8, now: NOW }).messages,
    );
  });

  it('has two live chats, the help desk web-only, five operators, a supervisor and thirty customers', () => {
    const data = createSeedData({ now: NOW });
    const chats = new Map(data.liveChats.map((chat) => [chat.id, chat]));
    const support = chats.get(SEED_LIVE_CHATS.support);
    const helpDesk = chats.get(SEED_LIVE_CHATS.helpDesk);
    assert.equal(support?.name, 'Customer Support');
    assert.deepEqual(support?.channels, ['web', 'telegram', 'whatsapp', 'email']);
    assert.deepEqual(helpDesk?.channels, ['web']);
    assert.ok(
      !helpDesk?.channels.some((c) => OUTBOUND_CHANNELS.includes(c)),
      '+New Session is unavailable in the help desk',
    );
    assert.equal(data.users.filter((u) => u.role === 'operator').length, 5);
    assert.deepEqual(
      data.users.filter((u) => u.role === 'supervisor').map((u) => u.id),
      [SEED_USERS.supervisor],
    );
    assert.ok(data.users.some((u) => u.role === 'internal'));
    assert.equal(data.customers.length, 30);
    assert.ok(data.customers.some((c) => c.kind === 'internal'));
    for (const channel of ['web', 'telegram', 'whatsapp', 'email']) {
      assert.ok(
        data.customers.some((c) => c.kind === 'external' && c.messenger === channel),
        channel,
      );
    }
    const accounting = data.groups.find((g) => g.id === SEED_GROUPS.accounting);
    assert.equal(accounting?.name, 'Accounting Department');
    assert.ok(
      support?.reassignmentTargets.some(
        (t) => t.kind === 'group' && t.groupId === SEED_GROUPS.accounting,
      ),
    );
    assert.ok(
      support?.operatorIds.includes(SEED_USERS.operatorA) &&
        support.operatorIds.includes(SEED_USERS.operatorB),
    );
  });

  it('has a history of queued, active, group-queued and closed sessions, a few hundred messages, all in the past', () => {
    const data = createSeedData({ now: NOW });
    const sessions = data.sessions ?? [];
    const messages = data.messages ?? [];
    for (const status of ['queued', 'active', 'closed'] as const)
      assert.ok(
        sessions.some((s) => s.status === status),
        status,
      );
    assert.ok(
      sessions.some((s) => s.assignee?.kind === 'group'),
      'some wait for a group',
    );
    assert.ok(
      new Set(sessions.filter((s) => s.status === 'active').map((s) => s.assignee)).size > 1,
      'active with various operators',
    );
    assert.ok(messages.length >= 200 && messages.length <= 600, `${messages.length} messages`);
    assert.ok(messages.every((m) => m.sentAt < NOW && m.sentAt > NOW - 8 * 86_400_000));
    for (const session of sessions) {
      const own = messages
        .filter((m) => m.sessionId === session.id)
        .sort((a, b) => a.order - b.order);
      assert.deepEqual(
        own.map((m) => m.order),
        own.map((_, i) => i + 1),
        `${session.id} orders 1..n`,
      );
      assert.equal(session.lastMessageOrder, own.length);
    }
  });

  it('contains no network URLs', () => {
    const text = JSON.stringify(createSeedData({ now: NOW }));
    assert.doesNotMatch(text.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, ''), /https?:\/\//);
  });

  it('loads into a backend whose users see consistent state', () => {
    const data = createSeedData({ now: NOW });
    const backend = createMemoryBackend({ seed: data, now: () => NOW });
    const operator = backend.snapshot(SEED_USERS.operatorA);
    assert.ok(operator.ok);
    const viewer = viewerFor(SEED_USERS.operatorA, data.liveChats, data.groups);
    assert.ok(operator.value.sessions.length > 0);
    assert.ok(operator.value.sessions.every((s) => canView(viewer, s)));
    assert.ok(operator.value.sessions.some(isNew), 'the queue is not empty');
    // New ids never collide with seeded ones.
    const result = backend.customerWrites({
      customerId: data.customers[0]!.id,
      liveChatId: SEED_LIVE_CHATS.support,
      channel: 'web',
      text: 'Hi',
    });
    assert.ok(result.ok);
    assert.equal(new Set(backend.sessions().map((s) => s.id)).size, backend.sessions().length);
    assert.ok(!(data.messages ?? []).some((m) => m.id === result.value.message.id));
  });
});
