// `message.updated` (a channel delivery state): a loaded message is replaced in place; a
// message not loaded, and an event type the client does not know, change nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerEvent } from '../protocol/events.js';
import { emptyConversation, reduceConversation, reduceSession } from './reducers.js';
import { makeMessage, makeSession } from './testing/fixtures.js';

describe('message.updated', () => {
  it('replaces the loaded message with the same id, keeping it sent', () => {
    const message = makeMessage('s-1', 1);
    let state = reduceConversation(emptyConversation('s-1'), { type: 'message.added', message });
    const updated = {
      ...message,
      channelDelivery: { state: 'delivered' as const, at: 5, attempts: 1 },
    };
    state = reduceConversation(state, { type: 'message.updated', message: updated });
    assert.equal(state.messages.length, 1);
    assert.equal(state.messages[0].delivery, 'sent');
    assert.deepEqual(state.messages[0].channelDelivery, updated.channelDelivery);
  });

  it('changes nothing for a message not loaded', () => {
    const state = emptyConversation('s-1');
    const message = makeMessage('s-1', 9);
    assert.equal(reduceConversation(state, { type: 'message.updated', message }), state);
  });

  it('leaves sessions alone, as any event type a reducer does not handle', () => {
    const session = makeSession('s-1');
    const event = {
      seq: 3,
      type: 'message.updated',
      message: makeMessage('s-1', 1),
    } as ServerEvent;
    assert.equal(reduceSession(session, event), session);
    const unknown = { seq: 4, type: 'something.new' } as unknown as ServerEvent;
    assert.equal(reduceSession(session, unknown), session);
  });
});
