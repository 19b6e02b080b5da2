/**
 * The PostgreSQL schema's migrations, in order, and the runner that applies the pending ones
 * when a store opens a database. Several instances starting at once take turns through an
 * advisory lock: the first applies what is pending, the others then find it applied.
 */
import type pg from 'pg';
import { StorageError } from '../../storage/errors.js';
import { initial } from './0001-initial.js';
import { searchTrigrams } from './0002-search-trigrams.js';
import type { PostgresMigration } from './migration.js';

export type { PostgresMigration } from './migration.js';

/** Every migration of this release, in order. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [initial, searchTrigrams];

/** The advisory lock key migrations hold (any fixed number; "LCMIGR" in ASCII). */
const MIGRATION_LOCK = 0x4c434d49_4752;

/** What {@link migratePostgres} did. */
export interface PostgresMigrationReport {
  /** Versions applied by this call, in order (empty when the database was up to date). */
  applied: number[];
  /** The schema version after the call. */
  version: number;
}

interface AppliedRow {
  version: number;
  name: string;
}

function check(rows: AppliedRow[], migrations: readonly PostgresMigration[]): void {
  for (const row of rows) {
    const known = migrations[row.version - 1];
    if (!known) {
      throw new StorageError(
        'SCHEMA_TOO_NEW',
        `The database has schema version ${row.version} ("${row.name}"), newer than this ` +
          `release knows (${migrations.length}). Run a newer release on it.`,
      );
    }
    if (known.name !== row.name) {
      throw new StorageError(
        'SCHEMA_MISMATCH',
        `Schema version ${row.version} of the database is "${row.name}", but this release ` +
          `calls it "${known.name}".`,
      );
    }
  }
}

/**
 * Brings the database to the latest schema: creates `schema_migrations` when missing, then runs
 * each migration not applied yet, in order, each in one transaction with its record. On an
 * up-to-date database it changes nothing. Throws a `StorageError` (`SCHEMA_TOO_NEW`,
 * `SCHEMA_MISMATCH`) when the database and this release disagree.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
  now: () => number = Date.now,
): Promise<PostgresMigrationReport> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new RangeError(
        `Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`,
      );
    }
  });
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at BIGINT NOT NULL
      )
    `);
    const read = async () =>
      (
        await client.query<AppliedRow>(
          'SELECT version, name FROM schema_migrations ORDER BY version',
        )
      ).rows;
    const rows = await read();
    check(rows, migrations);
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await migration.up(client);
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.name, now()],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    const version = (await read()).at(-1)?.version ?? 0;
    return { applied, version };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
