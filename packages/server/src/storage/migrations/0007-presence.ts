/**
 * Presence: each staff member's availability (online, away, offline), since when, and whether
 * the workspace set it rather than the user. A user without a row is online.
 */
import type { Migration } from './migration.js';

export const presence: Migration = {
  version: 7,
  name: 'presence',
  up(db) {
    db.exec(`
      CREATE TABLE presence (
        user_id TEXT PRIMARY KEY,
        status  TEXT NOT NULL CHECK (status IN ('online', 'away', 'offline')),
        since   INTEGER NOT NULL,
        auto    INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
    `);
  },
};
