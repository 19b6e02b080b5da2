import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectionState, ServerEvent } from '@live-chat/core';
import { createMemoryBackend } from './backend.js';
import { customerIdOf } from './directory.js';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from './seed.js';

const { operatorA: anna, supervisor: maria } = SEED_USERS;
const olivia = customerIdOf('Olivia Bennett');
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

function setup() {
  const backend = createMemoryBackend({ seed: createSeedData({ history: false }) });
  const write = (text: string) => {
    const result = backend.customerWrites({
      customerId: olivia,
      liveChatId: SEED_LIVE_CHATS.support,
      channel: 'telegram',
      text,
    });
    assert.ok(result.ok);
    return result.value;
  };
  return { backend, write };
}

describe('memory adapter', () => {
  it("reports 'connecting', then 'online'", async () => {
    const { backend } = setup();
    const adapter = backend.connect(anna);
    const states: ConnectionState[] = [];
    adapter.connection$.subscribe((state) => states.push(state));
    await tick();
    assert.deepEqual(states, ['connecting', 'online']);
    adapter.dispose();
    assert.equal(states.at(-1), 'offline');
  });

  it('hands out copies: nothing is shared with the backend by reference', async () => {
    const { backend, write } = setup();
    const { session } = write('Hello');
    const adapter = backend.connect(anna);
    const result = await adapter.execute({
      type: 'session.take',
      sessionId: session.id,
      commandId: 't',
    });
    assert.ok(result.ok);
    result.value.session.name = 'Tampered';
    const snapshot = await adapter.snapshot();
    snapshot.sessions[0]!.status = 'closed';
    assert.equal(backend.getSession(session.id)?.name, 'Olivia Bennett (Telegram)');
    assert.equal(backend.getSession(session.id)?.status, 'active');
    adapter.dispose();
  });

  it('while offline, refuses commands with OFFLINE, holds events, and delivers them in order when back online', async () => {
    const { backend, write } = setup();
    const adapter = backend.connect(anna);
    const start = await adapter.snapshot();
    const received: ServerEvent[] = [];
    adapter.events(start.seq).subscribe((event) => received.push(event));
    await tick();

    adapter.simulateConnection('offline');
    const { session } = write('Are you there?');
    const refused = await adapter.execute({
      type: 'session.take',
      sessionId: session.id,
      commandId: 'x',
    });
    assert.deepEqual(refused.ok ? 'ok' : refused.error.code, 'OFFLINE');
    assert.equal(
      backend.getSession(session.id)?.status,
      'queued',
      'the command never reached the backend',
    );
    await assert.rejects(adapter.snapshot(), { code: 'OFFLINE' });
    await tick(5);
    assert.equal(received.length, 0, 'events are held while offline');

    adapter.simulateConnection('reconnecting');
    await tick(5);
    assert.equal(received.length, 0);

    adapter.simulateConnection('online');
    await tick();
    assert.deepEqual(
      received.map((e) => e.type),
      ['customer.upserted', 'message.added', 'alert'],
      'the customer is introduced by their first session, then one fact, one event: the message carries its session',
    );
    assert.deepEqual(
      received.map((e) => e.seq),
      [start.seq + 1, start.seq + 2, start.seq + 3],
    );
    const taken = await adapter.execute({
      type: 'session.take',
      sessionId: session.id,
      commandId: 'y',
    });
    assert.ok(taken.ok);
    adapter.dispose();
  });

  it('keeps event order and adds latency when asked to', async () => {
    const { backend, write } = setup();
    const adapter = backend.connect(maria, { latencyMs: 15 });
    const start = await adapter.snapshot();
    const received: number[] = [];
    adapter.events(start.seq).subscribe((event) => received.push(event.seq));
    for (let i = 0; i < 5; i++) write(`message ${i}`);
    const began = performance.now();
    const result = await adapter.execute({ type: 'session.take-next', commandId: 'n' });
    assert.ok(result.ok);
    assert.ok(performance.now() - began >= 25, 'a request and its response each take the latency');
    await tick(40);
    assert.deepEqual(
      received,
      received.map((_, i) => start.seq + i + 1),
    );
    assert.ok(received.length >= 6, 'each write is a message and an alert, then the take');
    adapter.dispose();
  });

  it('serves two tabs of the same user the same stream', async () => {
    const { backend, write } = setup();
    const first = backend.connect(anna);
    const second = backend.connect(anna);
    const a: ServerEvent[] = [];
    const b: ServerEvent[] = [];
    first.events(0).subscribe((event) => a.push(event));
    second.events(0).subscribe((event) => b.push(event));
    write('Hello');
    await tick();
    assert.ok(a.length > 0);
    assert.deepEqual(b, a);
    first.dispose();
    second.dispose();
  });

  it('completes its streams and answers OFFLINE after dispose', async () => {
    const { backend } = setup();
    const adapter = backend.connect(anna);
    let completed = false;
    adapter.events(0).subscribe({ complete: () => (completed = true) });
    adapter.dispose();
    assert.ok(completed);
    const result = await adapter.execute({ type: 'session.take-next', commandId: 'z' });
    assert.equal(result.ok ? 'ok' : result.error.code, 'OFFLINE');
  });

  it('rejects reads with typed errors', async () => {
    const { backend, write } = setup();
    const { session } = write('Hello');
    const outsider = backend.connect(SEED_USERS.operatorE);
    await assert.rejects(outsider.history({ sessionId: session.id }), { code: 'FORBIDDEN' });
    await assert.rejects(outsider.history({ sessionId: 'nope' }), { code: 'NOT_FOUND' });
    await assert.rejects(outsider.search({ text: 'x'.repeat(201) }), { code: 'VALIDATION' });
    await assert.rejects(
      outsider.report({
        kind: 'live-chat-performance',
        liveChatId: SEED_LIVE_CHATS.support,
        range: { from: 0, to: 1 },
      }),
      { code: 'FORBIDDEN' },
    );
    assert.throws(() => backend.connect('nobody'), { code: 'NOT_FOUND' });
    outsider.dispose();
  });
});
