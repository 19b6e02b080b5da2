import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filter } from 'rxjs';
import type { Command, TransportAdapter } from '@live-chat/core';
import { forwardingAdapter } from '../forwarding-adapter.js';
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
