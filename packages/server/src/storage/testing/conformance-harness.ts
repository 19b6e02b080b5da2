/**
 * Test support: the SQLite backend as a conformance harness. Each harness is a fresh database
 * in its own temporary directory (removed by `dispose`), seeded with the seed directory.
 */
import { createSeedData } from '@live-chat/adapters';
import type { ConformanceHarness } from '@live-chat/adapters/conformance';
import { inProcessConformanceHarness } from '../../testing/in-process-conformance.js';
import type { SqliteBackend } from '../backend.js';
import { createTempDir } from './temp-dir.js';
import { openTestBackend } from './test-backend.js';

/** A harness over a new SQLite backend; `backend` is exposed for tests that look inside. */
export function createSqliteConformanceHarness(): ConformanceHarness & { backend: SqliteBackend } {
  const dir = createTempDir();
  const seed = createSeedData({ history: false });
  const backend = openTestBackend(dir.path, { seed });
  return inProcessConformanceHarness(backend, seed, async () => {
    await backend.dispose();
    dir.remove();
  });
}
