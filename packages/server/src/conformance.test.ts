// The WebSocket adapter, talking to the server over real sockets on 127.0.0.1, in front of a
// memory backend, keeps the whole TransportAdapter contract.
import { describe, it } from 'node:test';
import { SEED_GROUPS, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import { runAdapterConformance, type ConformanceHarness } from '@live-chat/adapters/conformance';
import { startTestServer } from './testing/harness.js';

async function createHarness(): Promise<ConformanceHarness> {
  const test = await startTestServer();
  const customers = test.seed.customers.filter(
    (c) => c.kind === 'external' && c.messenger === 'telegram',
  );
  return {
    adapterFor: (userId) => test.adapter(userId),
    customerWrites(message) {
      const result = test.backend.customerWrites(message);
      if (!result.ok) throw new Error(`customerWrites failed: ${result.error.message}`);
    },
    users: {
      operatorA: SEED_USERS.operatorA,
      operatorB: SEED_USERS.operatorB,
      supervisor: SEED_USERS.supervisor,
      outsider: SEED_USERS.operatorE,
    },
    liveChatId: SEED_LIVE_CHATS.support,
    channel: 'telegram',
    customerIds: customers.map((c) => c.id),
    group: { groupId: SEED_GROUPS.accounting },
    dispose: () => test.dispose(),
  };
}

runAdapterConformance('WebSocket adapter against @live-chat/server', createHarness, {
  describe,
  it,
  timeoutMs: 5000,
});
