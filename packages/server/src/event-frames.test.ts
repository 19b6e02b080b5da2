// Event frames made once per shared part: the text a socket receives is exactly the JSON of the
// frame, for every member a change reaches, and a value is never sent as it was in an earlier turn.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedData, SEED_USERS } from '@live-chat/adapters';
import type { ServerEvent } from '@live-chat/core';
import { eventFrameText } from './event-frames.js';
import { createTempDir } from './storage/testing/temp-dir.js';
import { openTestBackend, telegramMessage } from './storage/testing/test-backend.js';

describe('event frames', () => {
  it('are the JSON of { op, sub, event } for every member a customer message reaches', async () => {
    const dir = createTempDir();
    const backend = openTestBackend(dir.path, { seed: () => createSeedData({ history: false }) });
    try {
      const members = [SEED_USERS.operatorA, SEED_USERS.operatorB, SEED_USERS.supervisor];
      const frames: { text: string; expected: string }[] = [];
      const types = new Set<ServerEvent['type']>();
      for (const [sub, userId] of members.entries()) {
        backend.listen(userId, (event) => {
          types.add(event.type);
          // Made while the change is delivered, as the server does.
          frames.push({
            text: eventFrameText(sub, event),
            expected: JSON.stringify({ op: 'event', sub, event }),
          });
        });
      }
      const text = 'Quotes " and \\ backslashes, a line\nbreak and ünïcödé ✓';
      assert.ok(backend.customerWrites(telegramMessage(backend, text)).ok);
      assert.ok(types.has('message.added') && types.has('alert'), [...types].join(', '));
      assert.ok(frames.length >= members.length);
      for (const { text, expected } of frames) assert.equal(text, expected);
    } finally {
      await backend.dispose();
      dir.remove();
    }
  });

  it('leave out properties without a JSON value, as JSON.stringify does', () => {
    const event = {
      type: 'session.read',
      sessionId: 's-1',
      unread: 0,
      seq: 7,
      extra: undefined,
    } as unknown as ServerEvent;
    assert.equal(eventFrameText(3, event), JSON.stringify({ op: 'event', sub: 3, event }));
  });

  it('serialize a value again in a later turn: what changed since is sent as it is now', async () => {
    const session = { id: 's-1', name: 'Before' };
    const event = (seq: number) =>
      ({ type: 'session.upserted', session, unread: 0, seq }) as unknown as ServerEvent;
    assert.match(eventFrameText(1, event(1)), /"Before"/);
    await new Promise((resolve) => setImmediate(resolve));
    session.name = 'After';
    const text = eventFrameText(1, event(2));
    assert.equal(text, JSON.stringify({ op: 'event', sub: 1, event: event(2) }));
    assert.match(text, /"After"/);
  });
});
