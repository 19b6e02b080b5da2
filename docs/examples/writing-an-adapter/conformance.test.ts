import { describe, it } from 'node:test';
import { createMemoryBackend, createSeedData, seedConformanceHarness } from '@live-chat/adapters';
import { runAdapterConformance, type ConformanceHarness } from '@live-chat/adapters/conformance';
import { loopbackWire } from './loopback-server.js';
import { WireAdapter } from './wire-adapter.js';

/** A fresh backend for each check, loaded with the seed directory the harness names users of. */
function createHarness(): ConformanceHarness {
  const seed = createSeedData({ history: false });
  const backend = createMemoryBackend({ seed });
  return seedConformanceHarness(seed, {
    adapterFor: (userId) => new WireAdapter(loopbackWire(backend, userId)),
    customerWrites: (message) => backend.customerWrites(message),
    dispose: () => backend.dispose(),
  });
}

runAdapterConformance('WireAdapter', createHarness, { describe, it });
