import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualTimeScheduler } from 'rxjs';
import type { Alert } from '../domain/types.js';
import { createLiveChatClient } from './client.js';
import { createFakeAdapter } from './testing/fake-adapter.js';
import { makeMessage, makeSession, makeSnapshot } from './testing/fixtures.js';
import { batch, record, whenReady } from './testing/helpers.js';
import type { LiveChatClientOptions } from './options.js';

const BURST = 10_000;

/** A client on an empty workspace, on a virtual clock that only `advanceTo` moves. */
async function setup(options: Partial<LiveChatClientOptions> = {}) {
  const scheduler = new VirtualTimeScheduler();
  const fake = createFakeAdapter({ initial: makeSnapshot() });
  const client = createLiveChatClient({ adapter: fake.adapter, scheduler, ...options });
  await whenReady(client);
  const advanceTo = (ms: number): void => {
    scheduler.maxFrames = ms;
    scheduler.flush();
  };
  /** A new customer writes: one event, whose message brings a new queued session. */
  const newRequest = (i: number): void => {
    const session = makeSession(`new-${i}`, { queuedAt: 2000 + i });
    fake.emit({
      type: 'message.added',
      message: makeMessage(session.id, 1),
      session,
      unread: 1,
    });
  };
  return { client, fake, advanceTo, newRequest };
}

const alertOf = (i: number, liveChatId = 'lc-1'): Alert => ({
  id: `alert-${liveChatId}-${i}`,
  sessionId: `new-${i}`,
  liveChatId,
  messageId: `m-${i}`,
  customerName: 'Anna',
  preview: 'hi',
  channel: 'web',
  at: i,
});

describe('client: bursts', () => {
  it("by default publishes once per delivered batch: 10,000 new sessions at once, one emission of each list and counter ('batch')", async () => {
    const { client, newRequest } = await setup();
    const queue = record(client.sessions$('lc-1', 'queue'));
    const counters = record(client.counters$);
    const before = [queue.values.length, counters.values.length];
    for (let i = 0; i < BURST; i++) newRequest(i);
    assert.equal(client.counters.newUnassigned, BURST, 'getters see each event at once');
    assert.equal(queue.values.length, before[0], 'nothing published within the batch');
    await batch();
    assert.equal(queue.values.length, before[0] + 1);
    assert.equal(counters.values.length, before[1] + 1);
    assert.equal(queue.values.at(-1)?.length, BURST);
    assert.equal(counters.values.at(-1)?.newUnassigned, BURST);
    client.dispose();
  });

  it("with coalesce 'frame', 10,000 new sessions in one second, each its own batch, publish at most once per frame", async () => {
    const { client, newRequest, advanceTo } = await setup({ coalesce: 'frame' });
    const queue = record(client.sessions$('lc-1', 'queue'));
    const counters = record(client.counters$);
    const before = [queue.values.length, counters.values.length];
    // 10 batches per virtual millisecond for 1,000 ms.
    for (let i = 0; i < BURST; i++) {
      newRequest(i);
      await batch();
      if (i % 10 === 9) advanceTo((i + 1) / 10);
    }
    advanceTo(1_100);
    const frames = Math.ceil(1_100 / 16);
    assert.ok(queue.values.length - before[0] <= frames, `${queue.values.length} list emissions`);
    assert.ok(counters.values.length - before[1] <= frames);
    assert.equal(queue.values.at(-1)?.length, BURST, 'the last emission holds every session');
    assert.equal(counters.values.at(-1)?.newUnassigned, BURST);
    client.dispose();
  });

  it("with coalesce 'frame' in a page, publishes on the next animation frame, or after 250 ms when frames are paused", async () => {
    const frames: Array<() => void> = [];
    const page = globalThis as { requestAnimationFrame?: (callback: () => void) => number };
    page.requestAnimationFrame = (callback) => frames.push(callback);
    try {
      const { client, newRequest, advanceTo } = await setup({ coalesce: 'frame' });
      const queue = record(client.sessions$('lc-1', 'queue'));
      const emitted = queue.values.length;
      newRequest(1);
      await batch();
      advanceTo(249);
      assert.equal(queue.values.length, emitted, 'waits for the frame');
      frames.shift()?.();
      assert.equal(queue.values.length, emitted + 1, 'published on the frame');
      newRequest(2);
      await batch();
      advanceTo(600); // a hidden tab: no frame comes
      assert.equal(queue.values.length, emitted + 2, 'published after 250 ms without a frame');
      frames.shift()?.(); // the late frame publishes nothing twice
      assert.equal(queue.values.length, emitted + 2);
      client.dispose();
    } finally {
      delete page.requestAnimationFrame;
    }
  });

  it('alertBursts$ passes the first alert of a live chat at once, then one burst per window with its count', async () => {
    const { client, fake, advanceTo } = await setup({ alertBurstMs: 1_000 });
    const bursts = record(client.alertBursts$);
    fake.emit({ type: 'alert', alert: alertOf(0) });
    assert.deepEqual(
      bursts.values.map((b) => [b.liveChatId, b.count, b.sessionCount, b.latest.id]),
      [['lc-1', 1, 1, 'alert-lc-1-0']],
    );
    // 37 new requests in the window, and two follow-ups in one of them; another live chat apart.
    for (let i = 1; i <= 37; i++) fake.emit({ type: 'alert', alert: alertOf(i) });
    fake.emit({ type: 'alert', alert: { ...alertOf(5), id: 'again-1' } });
    fake.emit({ type: 'alert', alert: { ...alertOf(5), id: 'again-2' } });
    fake.emit({ type: 'alert', alert: alertOf(0, 'lc-2') });
    advanceTo(999);
    assert.equal(bursts.values.length, 2, 'the window is still open');
    advanceTo(1_000);
    assert.deepEqual(
      bursts.values.map((b) => [b.liveChatId, b.count, b.sessionCount, b.latest.id]),
      [
        ['lc-1', 1, 1, 'alert-lc-1-0'],
        ['lc-2', 1, 1, 'alert-lc-2-0'],
        ['lc-1', 39, 37, 'again-2'],
      ],
    );
    // The closing burst opened a new window; a quiet window closes it.
    advanceTo(3_000);
    fake.emit({ type: 'alert', alert: alertOf(99) });
    assert.equal(
      bursts.values.at(-1)?.count,
      1,
      'after a quiet window the next alert passes at once',
    );
    client.dispose();
    assert.ok(bursts.completed());
  });

  it('alertBursts$ turns 10,000 alerts in one second into a bounded number of bursts', async () => {
    const { client, fake, advanceTo } = await setup();
    const bursts = record(client.alertBursts$);
    for (let i = 0; i < BURST; i++) {
      fake.emit({ type: 'alert', alert: alertOf(i) });
      if (i % 10 === 9) advanceTo((i + 1) / 10);
    }
    advanceTo(3_000);
    assert.ok(bursts.values.length <= 3, `${bursts.values.length} bursts`);
    assert.equal(
      bursts.values.reduce((sum, burst) => sum + burst.count, 0),
      BURST,
      'every alert is counted once',
    );
    client.dispose();
  });
});
