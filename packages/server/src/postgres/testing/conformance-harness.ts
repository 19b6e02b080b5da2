/**
 * Test support: the PostgreSQL backend as a conformance harness. Each harness is a fresh
 * database on a test server (dropped by `dispose`), seeded with the seed directory; users
 * connect through {@link AsyncLocalAdapter}.
 */
import { createSeedData, SEED_GROUPS, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { ConformanceHarness } from '@live-chat/adapters/conformance';
import { createPostgresBackend, type PostgresBackend } from '../backend.js';
import { AsyncLocalAdapter } from './async-local-adapter.js';
import type { TestPostgres } from './pg-server.js';

let harnesses = 0;

/** A harness over a new PostgreSQL backend; `backend` is exposed for tests that look inside. */
export async function createPostgresConformanceHarness(
  server: TestPostgres,
): Promise<ConformanceHarness & { backend: PostgresBackend }> {
  const name = `conformance_${process.pid}_${++harnesses}`;
  const url = await server.createDatabase(name);
  const seed = createSeedData({ history: false });
  const backend = await createPostgresBackend({ url, seed, pruneIntervalMs: 0, poolSize: 4 });
  const telegramCustomers = seed.customers.filter(
    (customer) => customer.kind === 'external' && customer.messenger === 'telegram',
  );
  return {
    backend,
    adapterFor: (userId) => new AsyncLocalAdapter(backend, userId),
    async customerWrites(message) {
      const result = await backend.customerWrites(message);
      if (!result.ok) {
        throw new Error(`customerWrites failed: ${result.error.code} ${result.error.message}`);
      }
    },
    users: {
      operatorA: SEED_USERS.operatorA,
      operatorB: SEED_USERS.operatorB,
      supervisor: SEED_USERS.supervisor,
      outsider: SEED_USERS.operatorE,
    },
    liveChatId: SEED_LIVE_CHATS.support,
    channel: 'telegram',
    customerIds: telegramCustomers.map((customer) => customer.id),
    group: { groupId: SEED_GROUPS.accounting },
    async dispose() {
      await backend.dispose();
      await server.dropDatabase(name);
    },
  };
}
