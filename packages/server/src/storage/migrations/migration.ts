import type Database from 'better-sqlite3';
import type { MigrationStep } from './history.js';

/**
 * One step of the schema. Migrations run in `version` order, each in its own transaction, and
 * each exactly once per database (`schema_migrations` records the applied ones). A migration
 * that shipped is never edited: a change to the schema is a new migration.
 */
export interface Migration extends MigrationStep {
  /** Brings the schema (and the data already stored) from the previous version to this one. */
  up(db: Database.Database): void;
}
