/**
 * Canned replies, as SQLite's migration 8: each reply as its JSON document, with the key of its
 * scope to read a scope's replies together, in the order they were created.
 */
import type { PostgresMigration } from './migration.js';

export const cannedReplies: PostgresMigration = {
  version: 6,
  name: 'canned-replies',
  async up(client) {
    await client.query(`
      CREATE TABLE canned_replies (
        pk        BIGSERIAL PRIMARY KEY,          -- creation order
        id        TEXT NOT NULL UNIQUE,
        scope_key TEXT NOT NULL,                  -- cannedScopeKey(scope)
        data      TEXT NOT NULL                   -- the CannedReply
      );
      CREATE INDEX canned_replies_by_scope ON canned_replies (scope_key, pk);
    `);
  },
};
