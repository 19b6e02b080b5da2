/**
 * Canned replies, as SQLite's migration 8: each reply as its JSON document, with the key of its
 * scope to read a scope's replies together, in the order they were created.
 */
import { cannedRepliesTable, POSTGRES } from '../../storage/migrations/shared-tables.js';
import { runSql, type PostgresMigration } from './migration.js';

export const cannedReplies: PostgresMigration = {
  version: 6,
  name: 'canned-replies',
  up: runSql(cannedRepliesTable(POSTGRES)),
};
