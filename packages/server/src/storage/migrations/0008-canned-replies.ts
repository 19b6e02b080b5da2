/**
 * Canned replies: each reply as its JSON document, with the key of its scope (a live chat's, or
 * one user's) to read a scope's replies together, in the order they were created.
 */
import type { Migration } from './migration.js';
import { cannedRepliesTable, SQLITE } from './shared-tables.js';

export const cannedReplies: Migration = {
  version: 8,
  name: 'canned-replies',
  up: (db) => db.exec(cannedRepliesTable(SQLITE)),
};
