// The WebSocket adapter, talking to the server over real sockets on 127.0.0.1, in front of a
// memory backend, keeps the whole TransportAdapter contract.
import { describe, it } from 'node:test';
import { seedConformanceHarness } from '@live-chat/adapters';
import { runAdapterConformance, type ConformanceHarness } from '@live-chat/adapters/conformance';
import { startTestServer } from './testing/harness.js';

async function createHarness(): Promise<ConformanceHarness> {
  const test = await startTestServer();
  return seedConformanceHarness(test.seed, {
    adapterFor: (userId) => test.adapter(userId),
    customerWrites: (message) => test.backend.customerWrites(message),
    customerSide: test.backend,
    dispose: () => test.dispose(),
  });
}

runAdapterConformance('WebSocket adapter against @live-chat/server', createHarness, {
  describe,
  it,
  timeoutMs: 5000,
});
