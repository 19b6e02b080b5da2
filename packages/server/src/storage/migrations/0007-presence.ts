/**
 * Presence: each staff member's availability (online, away, offline), since when, and whether
 * the workspace set it rather than the user. A user without a row is online.
 */
import type { Migration } from './migration.js';
import { presenceTable, SQLITE } from './shared-tables.js';

export const presence: Migration = {
  version: 7,
  name: 'presence',
  up: (db) => db.exec(presenceTable(SQLITE)),
};
