/**
 * The memory backend's conformance harness: a reference for what a backend hands the suite in
 * `@live-chat/adapters/conformance`, and what this package's own tests run the suite against.
 */
import type { ConformanceHarness } from '../conformance/harness.js';
import type { MemoryAdapterOptions } from './adapter.js';
import { createMemoryBackend, type MemoryBackendOptions } from './backend.js';
import { createSeedData, SEED_GROUPS, SEED_LIVE_CHATS, SEED_USERS } from './seed.js';

/**
 * A fresh memory backend on the seed directory (no history yet), wrapped as a
 * {@link ConformanceHarness}: Customer Support, Anna and Ben as operators A and B, Maria as
 * supervisor, Elena (Help Desk only) as the outsider, the Accounting Department as the group.
 */
export function createMemoryConformanceHarness(
  options: Omit<MemoryBackendOptions, 'seed'> & MemoryAdapterOptions = {},
): ConformanceHarness {
  const { latencyMs, ...backendOptions } = options;
  const seed = createSeedData({ history: false });
  const backend = createMemoryBackend({ ...backendOptions, seed });
  const telegramCustomers = seed.customers.filter(
    (c) => c.kind === 'external' && c.messenger === 'telegram',
  );
  return {
    adapterFor: (userId) => backend.connect(userId, { latencyMs }),
    customerWrites(message) {
      const result = backend.customerWrites(message);
      if (!result.ok)
        throw new Error(`customerWrites failed: ${result.error.code} ${result.error.message}`);
    },
    users: {
      operatorA: SEED_USERS.operatorA,
      operatorB: SEED_USERS.operatorB,
      supervisor: SEED_USERS.supervisor,
      outsider: SEED_USERS.operatorE,
    },
    liveChatId: SEED_LIVE_CHATS.support,
    channel: 'telegram',
    customerIds: telegramCustomers.map((c) => c.id),
    group: { groupId: SEED_GROUPS.accounting },
    dispose: () => backend.dispose(),
  };
}
