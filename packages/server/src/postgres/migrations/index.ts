/**
 * The PostgreSQL schema's migrations, in order, and the runner that applies the pending ones
 * when a store opens a database. Several instances starting at once take turns through an
 * advisory lock: the first applies what is pending, the others then find it applied.
 */
import type pg from 'pg';
import {
  checkApplied,
  checkOrder,
  type MigrationReport,
  type MigrationStep,
} from '../../storage/migrations/history.js';
import { initial } from './0001-initial.js';
import { searchTrigrams } from './0002-search-trigrams.js';
import { channels } from './0003-channels.js';
import { triageAndNotes } from './0004-triage-and-notes.js';
import { presence } from './0005-presence.js';
import { cannedReplies } from './0006-canned-replies.js';
import { attachments } from './0007-attachments.js';
import { customerSearch } from './0008-customer-search.js';
import type { PostgresMigration } from './migration.js';

export type { PostgresMigration } from './migration.js';

/** Every migration of this release, in order. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  initial,
  searchTrigrams,
  channels,
  triageAndNotes,
  presence,
  cannedReplies,
  attachments,
  customerSearch,
];

/** The advisory lock key migrations hold (any fixed number; "LCMIGR" in ASCII). */
const MIGRATION_LOCK = 0x4c434d49_4752;

/** What {@link migratePostgres} did. */
export type PostgresMigrationReport = MigrationReport;

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
  checkOrder(migrations);
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
        await client.query<MigrationStep>(
          'SELECT version, name FROM schema_migrations ORDER BY version',
        )
      ).rows;
    const rows = await read();
    checkApplied(rows, migrations);
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
