import type pg from 'pg';

/**
 * One step of the PostgreSQL schema. Migrations run in `version` order, each in its own
 * transaction together with its record in `schema_migrations`, and each exactly once per
 * database. A migration that shipped is never edited: a change to the schema is a new one.
 */
export interface PostgresMigration {
  /** 1, 2, 3…: the position of the step, without gaps. */
  version: number;
  /** A short name, recorded with the version (a mismatch means the code and database disagree). */
  name: string;
  /** Brings the schema (and the data already stored) from the previous version to this one. */
  up(client: pg.ClientBase): Promise<void>;
}
