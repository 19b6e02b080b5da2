/**
 * Test support: the PostgreSQL backend as a conformance harness. Each harness is a fresh
 * database on a test server (dropped by `dispose`), seeded with the seed directory, with its
 * files in a temporary directory (removed by `dispose`).
 */
import { createSeedData } from '@live-chat/adapters';
import type { ConformanceHarness } from '@live-chat/adapters/conformance';
import { createTempDir } from '../../storage/testing/temp-dir.js';
import { inProcessConformanceHarness } from '../../testing/in-process-conformance.js';
import { createPostgresBackend, type PostgresBackend } from '../backend.js';
import type { TestPostgres } from './pg-server.js';

let harnesses = 0;

/** A harness over a new PostgreSQL backend; `backend` is exposed for tests that look inside. */
export async function createPostgresConformanceHarness(
  server: TestPostgres,
): Promise<ConformanceHarness & { backend: PostgresBackend }> {
  const name = `conformance_${process.pid}_${++harnesses}`;
  const url = await server.createDatabase(name);
  const seed = createSeedData({ history: false });
  const files = createTempDir('live-chat-pg-files-');
  const backend = await createPostgresBackend({
    url,
    seed,
    pruneIntervalMs: 0,
    poolSize: 4,
    attachments: { dir: files.path },
  });
  return inProcessConformanceHarness(backend, seed, async () => {
    await backend.dispose();
    await server.dropDatabase(name);
    files.remove();
  });
}
