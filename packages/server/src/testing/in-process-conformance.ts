/**
 * Test support: the adapter conformance suite's harness over a backend of this package in the
 * same process (SQLite, PostgreSQL), on the seed directory (see `seedConformanceHarness` of
 * `@live-chat/adapters`), with users connected through {@link LocalAdapter}.
 */
import { seedConformanceHarness, type SeedData } from '@live-chat/adapters';
import type { ConformanceHarness, HarnessCustomerMessage } from '@live-chat/adapters/conformance';
import type { Result } from '@live-chat/core';
import type { EngineBackend } from '@live-chat/core/engine';
import type { Awaitable } from '../backend.js';
import { LocalAdapter, type LocalBackend } from './local-adapter.js';

/** A backend of this package that users reach in process, with its customer side. */
export type InProcessBackend = LocalBackend &
  Pick<EngineBackend, 'customerUpload' | 'customerTyping' | 'onOperatorTyping'> & {
    customerWrites(message: HarnessCustomerMessage): Awaitable<Result<unknown>>;
  };

/**
 * A conformance harness over `backend`, which loaded `seed`; `backend` is exposed for tests
 * that look inside, and `dispose` releases it.
 */
export function inProcessConformanceHarness<B extends InProcessBackend>(
  backend: B,
  seed: SeedData,
  dispose: () => Promise<void>,
): ConformanceHarness & { backend: B } {
  return {
    backend,
    ...seedConformanceHarness(seed, {
      adapterFor: (userId) => new LocalAdapter(backend, userId),
      customerWrites: (message) => backend.customerWrites(message),
      customerSide: backend,
      dispose,
    }),
  };
}
