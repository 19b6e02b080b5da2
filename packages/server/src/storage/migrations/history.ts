/**
 * The record of applied migrations (`schema_migrations`), checked the same way by the SQLite
 * and the PostgreSQL runner: a release's migrations are numbered 1, 2, 3…, and a database may
 * only have applied migrations this release knows, under the same names.
 */
import { StorageError } from '../errors.js';

/** What every migration has, whatever its database: its place in the list, and its name. */
export interface MigrationStep {
  /** 1, 2, 3…: the position of the step, without gaps. */
  version: number;
  /** A short name, recorded with the version (a mismatch means the code and database disagree). */
  name: string;
}

/** What a migration run did. */
export interface MigrationReport {
  /** Versions applied by this call, in order (empty when the database was up to date). */
  applied: number[];
  /** The schema version after the call. */
  version: number;
}

/** Checks that the list is 1, 2, 3… with no gap or repeat (a `RangeError` otherwise). */
export function checkOrder(migrations: readonly MigrationStep[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new RangeError(
        `Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`,
      );
    }
  });
}

/**
 * Checks the rows of `schema_migrations` against this release's list. Throws a
 * {@link StorageError}: `SCHEMA_TOO_NEW` when the database has migrations this release does not
 * know, `SCHEMA_MISMATCH` when an applied migration has another name than this release's of the
 * same version.
 */
export function checkApplied(
  rows: readonly MigrationStep[],
  migrations: readonly MigrationStep[],
): void {
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
