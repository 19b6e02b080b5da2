import { describe, it } from 'node:test';
import {
  createMemoryBackend,
  createSeedData,
  SEED_GROUPS,
  SEED_LIVE_CHATS,
  SEED_USERS,
} from '@live-chat/adapters';
import { runAdapterConformance, type ConformanceHarness } from '@live-chat/adapters/conformance';
import { loopbackWire } from './loopback-server.js';
import { WireAdapter } from './wire-adapter.js';

/** A fresh backend for each check, with the users, live chat and customers the suite needs. */
function createHarness(): ConformanceHarness {
  const seed = createSeedData({ history: false });
  const backend = createMemoryBackend({ seed });
  const customers = seed.customers.filter(
    (c) => c.kind === 'external' && c.messenger === 'telegram',
  );
  return {
    adapterFor: (userId) => new WireAdapter(loopbackWire(backend, userId)),
    customerWrites(message) {
      const result = backend.customerWrites(message);
      if (!result.ok) throw new Error(result.error.message);
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
    dispose: () => backend.dispose(),
  };
}

runAdapterConformance('WireAdapter', createHarness, { describe, it });
