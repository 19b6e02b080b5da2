/**
 * Test support: the two databases channels run on, behind one interface, so a test runs as it
 * is on SQLite and on PostgreSQL. Each opens backends seeded and configured from a
 * configuration (opening again adds another instance on the same database), can make the
 * outbound queue refuse inserts, and removes everything when closed.
 */
import { applyConfig, configToSeed } from '../../config/apply.js';
import type { LiveChatConfig } from '../../config/schema.js';
import {
  createPostgresBackend,
  type PostgresBackend,
  type PostgresBackendOptions,
} from '../../postgres/backend.js';
import type { TestPostgres } from '../../postgres/testing/pg-server.js';
import type { SqliteBackend } from '../../storage/backend.js';
import { createTempDir } from '../../storage/testing/temp-dir.js';
import { openTestBackend } from '../../storage/testing/test-backend.js';

/** A backend channels run on. */
export type ChannelBackend = SqliteBackend | PostgresBackend;

/** One database of a test (see the module comment). */
export interface ChannelDatabase<B extends ChannelBackend = ChannelBackend> {
  readonly name: string;
  /**
   * Opens a backend on the database, seeded and configured from `config`, with the backend
   * options of the test's own (e.g. `attachments`).
   */
  open(config: LiveChatConfig, options?: Partial<PostgresBackendOptions>): Promise<B>;
  /** From now on, every insert into the outbound queue fails (open a backend first). */
  refuseQueueing(): Promise<void>;
  /** Disposes the backends it opened and removes the database. */
  close(): Promise<void>;
}

/** A SQLite database in a temporary directory. */
export function sqliteDatabase(): ChannelDatabase<SqliteBackend> {
  const dir = createTempDir('live-chat-channels-');
  const opened: SqliteBackend[] = [];
  return {
    name: 'SQLite',
    async open(config) {
      const backend = openTestBackend(dir.path, { seed: configToSeed(config) });
      applyConfig(backend.store, config);
      opened.push(backend);
      return backend;
    },
    async refuseQueueing() {
      opened[0]!.store.db.exec(`
        CREATE TRIGGER refuse_queueing BEFORE INSERT ON channel_outbox
        BEGIN SELECT RAISE(ABORT, 'the queue refuses'); END`);
    },
    async close() {
      for (const backend of opened) await backend.dispose();
      dir.remove();
    },
  };
}

let databases = 0;

/** A new PostgreSQL database on the test server. */
export async function postgresDatabase(
  server: TestPostgres,
): Promise<ChannelDatabase<PostgresBackend>> {
  const name = `channels_${process.pid}_${++databases}`;
  const url = await server.createDatabase(name);
  const opened: PostgresBackend[] = [];
  return {
    name: 'PostgreSQL',
    async open(config, options = {}) {
      const backend = await createPostgresBackend({
        url,
        seed: configToSeed(config),
        pruneIntervalMs: 0,
        poolSize: 4,
        ...options,
      });
      opened.push(backend);
      await applyConfig(backend.store, config);
      return backend;
    },
    async refuseQueueing() {
      await opened[0]!.store.pool.query(`
        CREATE FUNCTION refuse_queueing() RETURNS trigger LANGUAGE plpgsql
          AS $$ BEGIN RAISE EXCEPTION 'the queue refuses'; END $$;
        CREATE TRIGGER refuse_queueing BEFORE INSERT ON channel_outbox
          FOR EACH ROW EXECUTE FUNCTION refuse_queueing();`);
    },
    async close() {
      for (const backend of opened) await backend.dispose();
      await server.dropDatabase(name);
    },
  };
}
