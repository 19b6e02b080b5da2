import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryBackend } from './backend.js';
import { createSeedData } from './seed.js';
import {
  createCustomerSimulator,
  type Scheduler,
  type SimulatedCustomerMessage,
} from './simulator.js';

const START = Date.UTC(2025, 2, 10, 12);

/** A scheduler on a virtual clock: tasks run only when the test advances time. */
class VirtualScheduler implements Scheduler {
  time = 0;
  private tasks: { at: number; order: number; run: () => void; handle: number }[] = [];
  private next = 1;

  setTimeout(run: () => void, ms: number): number {
    const handle = this.next++;
    this.tasks.push({ at: this.time + ms, order: handle, run, handle });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.tasks = this.tasks.filter((task) => task.handle !== handle);
  }

  get pending(): number {
    return this.tasks.length;
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      this.tasks.sort((a, b) => a.at - b.at || a.order - b.order);
      const task = this.tasks[0];
      if (!task || task.at > until) break;
      this.tasks.shift();
      this.time = task.at;
      task.run();
    }
    this.time = until;
  }
}

function setup(seed = 1) {
  const scheduler = new VirtualScheduler();
  const backend = createMemoryBackend({
    seed: createSeedData({ now: START }),
    now: () => START + scheduler.time,
  });
  const simulator = createCustomerSimulator(backend, { seed, ratePerMinute: 6, scheduler });
  return { scheduler, backend, simulator };
}

describe('customer simulator', () => {
  it('writes the same conversation for the same seed', () => {
    const runs = [setup(3), setup(3), setup(4)].map(({ scheduler, backend, simulator }) => {
      simulator.start();
      scheduler.advance(30 * 60_000);
      simulator.stop();
      const { messages } = backend.exportState();
      return messages.map((m) => `${m.sessionId} ${m.order} ${m.sentAt} ${m.text}`).sort();
    });
    assert.ok(
      runs[0]!.length > createSeedData({ now: START }).messages!.length + 50,
      'about 6 messages a minute',
    );
    assert.deepEqual(runs[1], runs[0]);
    assert.notDeepEqual(runs[2], runs[0]);
  });

  it('brings new customers, follow-ups and comebacks to closed sessions', () => {
    const { backend, simulator } = setup();
    const kinds = new Set<string>();
    const customersBefore = backend.customers().length;
    for (let i = 0; i < 200; i++) {
      const done = simulator.step();
      assert.ok(done);
      kinds.add(done.kind);
      assert.ok(done.sessionId && done.messageId, 'written through the backend: ids known');
      if (done.kind === 'comeback')
        assert.equal(backend.getSession(done.sessionId)?.status === 'closed', false);
    }
    assert.ok(
      kinds.has('new-customer') && kinds.has('follow-up') && kinds.has('comeback'),
      [...kinds].join(),
    );
    assert.ok(backend.customers().length > customersBefore);
    assert.ok(backend.customers().every((c) => c.name.length > 0));
  });

  it('answers an operator a little while after they write, once', () => {
    const { scheduler, backend, simulator } = setup();
    const session = backend
      .sessions()
      .find((s) => s.status === 'active' && s.assignee?.kind === 'operator');
    assert.ok(session && session.assignee?.kind === 'operator');
    simulator.start();
    const operator = session.assignee.operatorId;
    const sent = backend.execute(operator, {
      type: 'message.send',
      sessionId: session.id,
      clientMessageId: 'op-1',
      text: 'Anything else?',
      commandId: 'c1',
    });
    assert.ok(sent.ok);
    const count = () => backend.messagesOf(session.id).length;
    const after = count();
    scheduler.advance(20_001);
    const replies = backend
      .messagesOf(session.id)
      .slice(after)
      .filter((m) => m.author.kind === 'customer');
    assert.ok(replies.length >= 1, 'the customer replied');
    assert.equal(
      backend.messagesOf(session.id)[after]?.author.kind,
      'customer',
      'the reply follows the operator message',
    );
    simulator.stop();
  });

  it('stops writing once stopped', () => {
    const { scheduler, backend, simulator } = setup();
    simulator.start();
    assert.ok(simulator.running);
    scheduler.advance(60_000);
    simulator.stop();
    assert.equal(scheduler.pending, 0, 'no timers left behind');
    const count = backend.exportState().messages.length;
    scheduler.advance(10 * 60_000);
    assert.equal(backend.exportState().messages.length, count);
  });

  it('hands messages to `send` instead of writing them, new customers included', () => {
    const scheduler = new VirtualScheduler();
    const backend = createMemoryBackend({ seed: createSeedData({ now: START }), now: () => START });
    const sent: SimulatedCustomerMessage[] = [];
    const simulator = createCustomerSimulator(backend, {
      seed: 2,
      scheduler,
      newCustomerShare: 0.5,
      send: (message) => sent.push(message),
    });
    const before = backend.exportState();
    for (let i = 0; i < 40; i++) assert.ok(simulator.step());
    const after = backend.exportState();
    assert.equal(after.messages.length, before.messages.length, 'the backend stored nothing');
    assert.equal(after.customers.length, before.customers.length, 'and added no customer');
    assert.equal(sent.length, 40);
    const chats = new Map(backend.liveChats().map((chat) => [chat.id, chat]));
    for (const message of sent) {
      assert.ok(chats.get(message.liveChatId)?.channels.includes(message.channel), message.channel);
      assert.ok(message.text.length > 0 && message.customer.name.length > 0);
      if (message.kind === 'new-customer') assert.equal(message.customer.id, undefined);
      else assert.ok(backend.getCustomer(message.customer.id ?? ''), 'a stored customer writes');
    }
    assert.ok(sent.some((message) => message.kind === 'new-customer'));
    assert.ok(sent.some((message) => message.kind !== 'new-customer'));
  });
});
