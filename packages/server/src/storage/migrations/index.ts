/**
 * The schema's migrations, in order, and the runner that applies the pending ones when a store
 * opens a database.
 */
import type Database from 'better-sqlite3';
import { initial } from './0001-initial.js';
import { searchIndex } from './0002-search-index.js';
import { channels } from './0003-channels.js';
import { eventLogRows } from './0004-event-log-rows.js';
import { outboxClaims } from './0005-outbox-claims.js';
import { triageAndNotes } from './0006-triage-and-notes.js';
import { presence } from './0007-presence.js';
import { cannedReplies } from './0008-canned-replies.js';
import { attachments } from './0009-attachments.js';
import { eventBodies } from './0010-event-bodies.js';
import { customerSearch } from './0011-customer-search.js';
import { checkApplied, checkOrder, type MigrationReport, type MigrationStep } from './history.js';
import type { Migration } from './migration.js';

export type { MigrationReport, MigrationStep } from './history.js';
export type { Migration } from './migration.js';

/** Every migration of this release, in order. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  searchIndex,
  channels,
  eventLogRows,
  outboxClaims,
  triageAndNotes,
  presence,
  cannedReplies,
  attachments,
  eventBodies,
  customerSearch,
];

/**
 * Brings the database to the latest schema: creates `schema_migrations` when missing, then runs
 * each migration not applied yet, in order, each in one transaction together with its record.
 * On an up-to-date database it changes nothing. A second process opening the same file at the
 * same time waits for the write lock and then finds the migration applied.
 *
 * Throws a `StorageError`: `SCHEMA_TOO_NEW` when the database has migrations this release does
 * not know, `SCHEMA_MISMATCH` when an applied migration has another name than this release's of
 * the same version.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): MigrationReport {
  checkOrder(migrations);
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    )
  `);
  const appliedRows = db.prepare<[], MigrationStep>(
    'SELECT version, name FROM schema_migrations ORDER BY version',
  );
  const record = db.prepare<[number, string, number]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const rows = appliedRows.all();
  checkApplied(rows, migrations);
  const done = new Set(rows.map((row) => row.version));

  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    const ran = db
      .transaction(() => {
        // Read again under the write lock: another process may have applied it meanwhile.
        const current = appliedRows.all();
        checkApplied(current, migrations);
        if (current.some((row) => row.version === migration.version)) return false;
        migration.up(db);
        record.run(migration.version, migration.name, now());
        return true;
      })
      .immediate();
    if (ran) applied.push(migration.version);
  }
  const version = appliedRows.all().at(-1)?.version ?? 0;
  return { applied, version };
}
