import type pg from 'pg';
import type { MigrationStep } from '../../storage/migrations/history.js';

/**
 * One step of the PostgreSQL schema. Migrations run in `version` order, each in its own
 * transaction together with its record in `schema_migrations`, and each exactly once per
 * database. A migration that shipped is never edited: a change to the schema is a new one.
 */
export interface PostgresMigration extends MigrationStep {
  /** Brings the schema (and the data already stored) from the previous version to this one. */
  up(client: pg.ClientBase): Promise<void>;
}

/** The `up` of a migration that is one SQL text (any number of statements) run as it is. */
export function runSql(sql: string): PostgresMigration['up'] {
  return async (client) => {
    await client.query(sql);
  };
}

/**
 * Runs `sql` (trigram indexes) when the `pg_trgm` extension can be created; where it cannot
 * (not installed, or no privilege), leaves the schema as it is, and searches scan.
 */
export async function withTrigrams(client: pg.ClientBase, sql: string): Promise<void> {
  await client.query('SAVEPOINT trigrams');
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT trigrams');
    return;
  }
  await client.query(sql);
}
