/**
 * Canned replies: each reply as its JSON document, with the key of its scope (a live chat's, or
 * one user's) to read a scope's replies together, in the order they were created.
 */
import type { Migration } from './migration.js';

export const cannedReplies: Migration = {
  version: 8,
  name: 'canned-replies',
  up(db) {
    db.exec(`
      CREATE TABLE canned_replies (
        pk        INTEGER PRIMARY KEY,            -- creation order
        id        TEXT NOT NULL UNIQUE,
        scope_key TEXT NOT NULL,                  -- cannedScopeKey(scope)
        data      TEXT NOT NULL                   -- the CannedReply
      );
      CREATE INDEX canned_replies_by_scope ON canned_replies (scope_key, pk);
    `);
  },
};
