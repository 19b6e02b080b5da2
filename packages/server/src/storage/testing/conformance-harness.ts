/**
 * Test support: the SQLite backend as a conformance harness. Each harness is a fresh database
 * in its own temporary directory (removed by `dispose`), seeded with the seed directory, and
 * users connect through {@link LocalAdapter}.
 */
import { createSeedData, SEED_GROUPS, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { ConformanceHarness } from '@live-chat/adapters/conformance';
import { createSqliteBackend, type SqliteBackend } from '../backend.js';
import { LocalAdapter } from './local-adapter.js';
import { createTempDir } from './temp-dir.js';

/** A harness over a new SQLite backend; `backend` is exposed for tests that look inside. */
export function createSqliteConformanceHarness(): ConformanceHarness & { backend: SqliteBackend } {
  const dir = createTempDir();
  const seed = createSeedData({ history: false });
  const backend = createSqliteBackend({ dataDir: dir.path, seed, pruneIntervalMs: 0 });
  const telegramCustomers = seed.customers.filter(
    (customer) => customer.kind === 'external' && customer.messenger === 'telegram',
  );
  return {
    backend,
    adapterFor: (userId) => new LocalAdapter(backend, userId),
    customerWrites(message) {
      const result = backend.customerWrites(message);
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
      dir.remove();
    },
  };
}
