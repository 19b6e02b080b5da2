/**
 * Test support: several server instances in this process, as several servers behind a load
 * balancer would run: each a `createLiveChatServer` on 127.0.0.1 with a PostgreSQL backend of
 * its own, all on one new database of a test PostgreSQL server (seeded with the seed directory,
 * dropped by `dispose`), keeping files in one shared temporary directory (removed by `dispose`).
 */
import { createSeedData, type SeedData } from '@live-chat/adapters';
import { createTempDir } from '../../storage/testing/temp-dir.js';
import { serveBackend, type ServedBackend, type ServeOptions } from '../../testing/harness.js';
import {
  createPostgresBackend,
  type PostgresBackend,
  type PostgresBackendOptions,
} from '../backend.js';
import type { TestPostgres } from './pg-server.js';

/** Instances on one database (see the module comment). */
export interface PostgresInstances {
  /** The database's URL (on the test server's own port). */
  url: string;
  /** What a new database is seeded with (the seed directory, no history). */
  seed: SeedData;
  /** The instances, each a server in front of its own backend. */
  instances: ServedBackend<PostgresBackend>[];
  /** Shuts every instance down and drops the database. */
  dispose(): Promise<void>;
}

/** Options of {@link startPostgresInstances}. */
export interface PostgresInstancesOptions {
  /** How many instances (default 3). */
  count?: number;
  /** The URL instance `index` connects to, given the database's (default: the database's). */
  connectVia?: (url: string, index: number) => string;
  /**
   * More options of every backend (default: no prune timer, 4 connections, files in a shared
   * temporary directory).
   */
  backend?: Partial<PostgresBackendOptions>;
  /** More options of every server. */
  server?: ServeOptions;
}

let databases = 0;

/** Starts the instances (see the module comment). */
export async function startPostgresInstances(
  postgres: TestPostgres,
  options: PostgresInstancesOptions = {},
): Promise<PostgresInstances> {
  const name = `instances_${process.pid}_${++databases}`;
  const url = await postgres.createDatabase(name);
  const seed = createSeedData({ history: false });
  const count = options.count ?? 3;
  const files = createTempDir('live-chat-pg-files-');
  const started = await Promise.allSettled(
    Array.from({ length: count }, async (_, index) => {
      const backend = await createPostgresBackend({
        url: options.connectVia?.(url, index) ?? url,
        seed,
        pruneIntervalMs: 0,
        poolSize: 4,
        attachments: { dir: files.path },
        ...options.backend,
      });
      return serveBackend(backend, options.server).catch(async (error: unknown) => {
        await backend.dispose();
        throw error;
      });
    }),
  );
  const instances = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const dispose = async () => {
    await Promise.all(instances.map((instance) => instance.dispose()));
    await postgres.dropDatabase(name);
    files.remove();
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await dispose();
    throw failed.reason;
  }
  return { url, seed, instances, dispose };
}
