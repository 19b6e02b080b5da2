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
