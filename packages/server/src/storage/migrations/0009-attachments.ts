/**
 * Attachments: the files a message carries, as `Attachment[]` JSON (ids, names, types and sizes;
 * the bytes live in the attachment storage). Existing messages carry none (`NULL`).
 */
import type { Migration } from './migration.js';
import { ADD_ATTACHMENTS } from './shared-tables.js';

export const attachments: Migration = {
  version: 9,
  name: 'attachments',
  up: (db) => db.exec(ADD_ATTACHMENTS),
};
