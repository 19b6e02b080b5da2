/**
 * Presence, as SQLite's migration 7: each staff member's availability, since when, and whether
 * the workspace set it rather than the user. A user without a row is online.
 */
import type { PostgresMigration } from './migration.js';

export const presence: PostgresMigration = {
  version: 5,
  name: 'presence',
  async up(client) {
    await client.query(`
      CREATE TABLE presence (
        user_id TEXT PRIMARY KEY,
        status  TEXT NOT NULL CHECK (status IN ('online', 'away', 'offline')),
        since   BIGINT NOT NULL,
        auto    SMALLINT NOT NULL DEFAULT 0
      );
    `);
  },
};
