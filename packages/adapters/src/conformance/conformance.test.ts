import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filter } from 'rxjs';
import type { Command, TransportAdapter } from '@live-chat/core';
import { forwardingAdapter, requiredMembers } from '../forwarding-adapter.js';
import { createMemoryConformanceHarness } from '../memory/conformance-harness.js';
import {
  ConformanceError,
  conformanceChecks,
  runAdapterConformance,
  type ConformanceHarness,
} from './index.js';

/** The memory harness with every adapter passed through `break`. */
function brokenHarness(
  breakAdapter: (adapter: TransportAdapter) => TransportAdapter,
): () => ConformanceHarness {
  return () => {
    const harness = createMemoryConformanceHarness();
    return { ...harness, adapterFor: (userId) => breakAdapter(harness.adapterFor(userId)) };
  };
}

async function failures(factory: () => ConformanceHarness, names: RegExp): Promise<string[]> {
  const failed: string[] = [];
  for (const check of conformanceChecks(factory, { timeoutMs: 300 }).filter((c) =>
    names.test(c.name),
  )) {
    try {
      await check.run();
    } catch (error) {
      assert.ok(error instanceof ConformanceError, `a conformance failure, not ${String(error)}`);
      failed.push(check.name);
    }
  }
  return failed;
}

describe('the conformance suite', () => {
  it('names its checks and registers one test per check', () => {
    const registered: string[] = [];
    const suites: string[] = [];
    runAdapterConformance('fake', createMemoryConformanceHarness, {
      describe: (name, body) => {
        suites.push(name);
        body();
      },
      it: (name) => registered.push(name),
    });
    assert.deepEqual(suites, ['fake: adapter conformance']);
    assert.ok(registered.length >= 15);
    assert.equal(new Set(registered).size, registered.length, 'names are unique');
    const flat: string[] = [];
    runAdapterConformance('fake', createMemoryConformanceHarness, {
      test: (name) => flat.push(name),
    });
    assert.ok(flat.every((name) => name.startsWith('fake: ')));
  });

  it('catches a backend that ignores commandIds', async () => {
    const factory = brokenHarness((adapter) =>
      forwardingAdapter(adapter, {
        execute: (command) =>
          adapter.execute({
            ...command,
            commandId: `${command.commandId}-${Math.random()}`,
          } as Command) as never,
      }),
    );
    assert.deepEqual(await failures(factory, /commandId/), [
      'repeating a commandId returns the first result and has one effect',
    ]);
  });

  it('catches a stream that skips events', async () => {
    const factory = brokenHarness((adapter) =>
      forwardingAdapter(adapter, {
        events: (seq) => adapter.events(seq).pipe(filter((event) => event.seq % 4 !== 0)),
      }),
    );
    const failed = await failures(factory, /1 apart|reproduces/);
    assert.equal(failed.length, 2, failed.join());
  });

  it('catches a snapshot that carries users of other live chats', async () => {
    const factory = brokenHarness((adapter) =>
      forwardingAdapter(adapter, {
        snapshot: async () => {
          const snapshot = await adapter.snapshot();
          const stranger = { id: 'stranger', name: 'Stranger', role: 'operator' as const };
          return { ...snapshot, users: [...snapshot.users, stranger] };
        },
      }),
    );
    assert.deepEqual(await failures(factory, /only what its user may see/), [
      'a snapshot carries only what its user may see',
    ]);
  });

  it('catches an adapter that reads no customers on demand, yet leaves them out of its snapshot', async () => {
    // The memory backend's snapshots carry no customers; without `customers` nothing else does.
    const factory = brokenHarness((adapter) => ({
      ...requiredMembers(adapter),
      dispose: () => adapter.dispose?.(),
    }));
    assert.deepEqual(await failures(factory, /only what its user may see|reproduces/), [
      'snapshot + events(seq) reproduces the live state',
      'a snapshot carries only what its user may see',
    ]);
  });

  it('catches a customer read that ignores its limit', async () => {
    const factory = brokenHarness((adapter) =>
      forwardingAdapter(adapter, {
        customers: (query) => adapter.customers!('text' in query ? { text: query.text } : query),
      }),
    );
    assert.deepEqual(await failures(factory, /customer read|customers\(/), [
      'customers({ text }) finds whom the user may start a session with, by name or account in any case, at most limit',
      'a malformed customer read is refused with VALIDATION',
    ]);
  });

  it('catches a customer read by id that answers customers the user may not see', async () => {
    const factory = brokenHarness((adapter) =>
      forwardingAdapter(adapter, {
        // Answers every id asked for, seen or not.
        customers: async (query) => {
          if (!('ids' in query) || !Array.isArray(query.ids)) return adapter.customers!(query);
          return query.ids.map((id) => ({ id, kind: 'internal', userId: id, name: id }));
        },
      }),
    );
    assert.deepEqual(await failures(factory, /customers\(\{ ids \}\)|not staff/), [
      "customers({ ids }) answers the customers of the user's live chats, and leaves out others and unknown ids",
      'a user who is not staff reads no customer: none by id, FORBIDDEN by text',
    ]);
  });

  it('catches a backend that lets two operators take the same session', async () => {
    const factory = brokenHarness((adapter) =>
      forwardingAdapter(adapter, {
        execute: async (command) => {
          const result = await adapter.execute(command);
          // Pretends a lost race was won.
          return (
            !result.ok && result.error.code === 'ALREADY_TAKEN' ? { ok: true, value: {} } : result
          ) as never;
        },
      }),
    );
    assert.deepEqual(await failures(factory, /atomic/), [
      'take is atomic: of two operators taking at once exactly one wins',
    ]);
  });
});
