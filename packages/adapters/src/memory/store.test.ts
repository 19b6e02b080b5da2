import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Command, CommandInput, Id } from '@live-chat/core';
import {
  createEngine,
  type CommittedChange,
  type LiveChatEngine,
  type StoragePort,
  type StoreMode,
  type StoreTransaction,
} from '@live-chat/core/engine';
import { customerIdOf } from './directory.js';
import { createSeedData, SEED_GROUPS, SEED_LIVE_CHATS, SEED_USERS } from './seed.js';
import { MemoryStore } from './store.js';

const { operatorA: anna, operatorB: ben, supervisor: maria } = SEED_USERS;
const support = SEED_LIVE_CHATS.support;
const olivia = customerIdOf('Olivia Bennett');
const liam = customerIdOf('Liam Walker');
const START = Date.UTC(2025, 2, 10, 9, 0);

/**
 * The in-memory store behind an asynchronous port, as a SQL store would answer: every call
 * resolves later, lists come back as arrays, and transactions run one after another.
 */
function asyncStore(store: MemoryStore): StoragePort<'async'> {
  const tx = new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const answer = (value as (...a: unknown[]) => unknown).apply(target, args);
        const list =
          typeof answer === 'object' && answer !== null && Symbol.iterator in answer
            ? [...(answer as Iterable<unknown>)]
            : answer;
        return new Promise((resolve) => setTimeout(() => resolve(list), 0));
      };
    },
  }) as unknown as StoreTransaction<'async'>;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    mode: 'async',
    transaction<T>(work: (transaction: StoreTransaction<'async'>) => T | PromiseLike<T>) {
      const run = queue.then(() => work(tx));
      queue = run.catch(() => {});
      return run;
    },
  };
}

/** An engine on a fresh store of the seed directory, with a settable clock and its commits. */
function world<M extends StoreMode>(wrap: (store: MemoryStore) => StoragePort<M>) {
  let now = START;
  const changes: CommittedChange[] = [];
  const engine: LiveChatEngine<M> = createEngine({
    store: wrap(new MemoryStore(createSeedData({ history: false }))),
    now: () => now,
    onCommit: (change) => changes.push(change),
  });
  return { engine, changes, advance: (ms: number) => (now += ms) };
}

/** A day of work through any engine; every answer is collected, in order. */
async function scriptedDay<M extends StoreMode>(t: ReturnType<typeof world<M>>) {
  const answers: unknown[] = [];
  const { engine } = t;
  let commands = 0;
  const run = async (userId: Id, input: CommandInput, commandId = `c-${++commands}`) => {
    t.advance(60_000);
    const result = await engine.execute(userId, { ...input, commandId } as Command);
    answers.push(result);
    return result;
  };
  const write = async (customerId: Id, text: string) => {
    t.advance(60_000);
    const result = await engine.customerWrites({
      customerId,
      liveChatId: support,
      channel: 'telegram',
      text,
      clientMessageId: `w-${text}`,
    });
    answers.push(result);
    assert.ok(result.ok);
    return result.value.session.id;
  };
  const first = await write(olivia, 'Where is my parcel?');
  const second = await write(liam, 'I was charged twice.');
  await write(olivia, 'Where is my parcel?'); // the same clientMessageId: stored once
  await run(anna, { type: 'session.take', sessionId: first });
  await run(ben, { type: 'session.take', sessionId: first }); // ALREADY_TAKEN
  await run(anna, { type: 'message.send', sessionId: first, clientMessageId: 'a1', text: 'On it' });
  await run(anna, { type: 'message.send', sessionId: first, clientMessageId: 'a1', text: 'On it' });
  await run(ben, { type: 'message.send', sessionId: second, clientMessageId: 'b1', text: 'Hi' });
  await run(ben, {
    type: 'session.reassign',
    sessionId: second,
    target: { kind: 'group', groupId: SEED_GROUPS.accounting },
  });
  await run(ben, { type: 'session.take-next' });
  await run(anna, { type: 'session.rename', sessionId: first, name: 'Parcel' });
  await run(anna, { type: 'session.close', sessionId: first }, 'repeat-me');
  await run(anna, { type: 'session.close', sessionId: first }, 'repeat-me');
  await write(olivia, 'It arrived, thanks');
  await run(maria, { type: 'session.mark-read', sessionId: first });
  await run(ben, { type: 'session.explode' } as unknown as CommandInput);
  for (const userId of [anna, ben, maria]) {
    answers.push(await engine.snapshot(userId));
    answers.push(await engine.events(userId, 2));
    answers.push(await engine.events(userId, 10_000));
  }
  answers.push(await engine.history(ben, { sessionId: second, limit: 2 }));
  answers.push(await engine.search(maria, { text: 'parcel', sessionId: first }));
  answers.push(await engine.search(maria, { text: 'olivia' }));
  answers.push(
    await engine.report(maria, {
      kind: 'live-chat-performance',
      liveChatId: support,
      range: { from: START, to: START + 86_400_000 },
    }),
  );
  return answers;
}

describe('memory store', () => {
  it('answers an engine at once: no promise anywhere', () => {
    const { engine } = world((store) => store);
    const written = engine.customerWrites({
      customerId: olivia,
      liveChatId: support,
      channel: 'telegram',
      text: 'Hello',
    });
    assert.ok(written.ok, 'a plain result, not a promise');
    assert.ok(engine.snapshot(anna).ok);
    assert.equal(
      engine.lastSeq(anna),
      3,
      'Olivia introduced, the message (carrying its session), the alert',
    );
  });

  it('gives the same answers and events through an asynchronous port as through a synchronous one', async () => {
    const sync = world((store) => store);
    const async = world(asyncStore);
    assert.ok(async.engine.snapshot(anna) instanceof Promise, 'an async store answers later');
    const expected = await scriptedDay(sync);
    const actual = await scriptedDay(async);
    assert.deepEqual(actual, expected);
    assert.deepEqual(async.changes, sync.changes);
    const codes = expected.flatMap((answer) => {
      const result = answer as { ok: boolean; error?: { code: string } };
      return result.ok ? [] : [result.error?.code];
    });
    assert.deepEqual(codes, [
      'ALREADY_TAKEN',
      'VALIDATION',
      'RESYNC_REQUIRED',
      'RESYNC_REQUIRED',
      'RESYNC_REQUIRED',
    ]);
  });

  it('lets exactly one of two concurrent takes win on an asynchronous port', async () => {
    const { engine } = world(asyncStore);
    const written = await engine.customerWrites({
      customerId: olivia,
      liveChatId: support,
      channel: 'telegram',
      text: 'Hello',
    });
    assert.ok(written.ok);
    const sessionId = written.value.session.id;
    const results = await Promise.all([
      engine.execute(anna, { type: 'session.take', sessionId, commandId: 'a' }),
      engine.execute(ben, { type: 'session.take', sessionId, commandId: 'b' }),
    ]);
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : r.error.code)),
      ['ok', 'ALREADY_TAKEN'],
    );
    const seqs = await Promise.all([anna, ben].map((id) => engine.events(id, 0)));
    for (const events of seqs) {
      assert.ok(events.ok);
      assert.deepEqual(
        events.value.map((e) => e.seq),
        events.value.map((_, i) => i + 1),
        'gap-free seqs',
      );
    }
  });

  it('answers INTERNAL when the store fails, and a sync store that answers with a promise is refused', async () => {
    const failing: StoragePort<'async'> = {
      mode: 'async',
      transaction: () => Promise.reject(new Error('connection reset')),
    };
    const result = await createEngine({ store: failing }).execute(anna, {
      type: 'session.take-next',
      commandId: 'x',
    });
    assert.equal(result.ok ? 'ok' : result.error.code, 'INTERNAL');

    const store = new MemoryStore(createSeedData({ history: false }));
    const lying = new Proxy(store, {
      get(target, key) {
        if (key === 'user') return (id: Id) => Promise.resolve(target.user(id));
        return Reflect.get(target, key, target) as unknown;
      },
    });
    const refused = createEngine({ store: lying }).execute(anna, {
      type: 'session.take-next',
      commandId: 'y',
    });
    assert.equal(refused.ok ? 'ok' : refused.error.code, 'INTERNAL');
  });
});
