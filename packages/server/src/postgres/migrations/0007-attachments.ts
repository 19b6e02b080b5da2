/**
 * Attachments, as SQLite's migration 9: the files a message carries, as `Attachment[]` JSON
 * (ids, names, types and sizes; the bytes live in the attachment storage). Existing messages
 * carry none (`NULL`).
 */
import { ADD_ATTACHMENTS } from '../../storage/migrations/shared-tables.js';
import { runSql, type PostgresMigration } from './migration.js';

export const attachments: PostgresMigration = {
  version: 7,
  name: 'attachments',
  up: runSql(ADD_ATTACHMENTS),
};
