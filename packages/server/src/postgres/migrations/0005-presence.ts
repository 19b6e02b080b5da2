/**
 * Presence, as SQLite's migration 7: each staff member's availability, since when, and whether
 * the workspace set it rather than the user. A user without a row is online.
 */
import { POSTGRES, presenceTable } from '../../storage/migrations/shared-tables.js';
import { runSql, type PostgresMigration } from './migration.js';

export const presence: PostgresMigration = {
  version: 5,
  name: 'presence',
  up: runSql(presenceTable(POSTGRES)),
};
