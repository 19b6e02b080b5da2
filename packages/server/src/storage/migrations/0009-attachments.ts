/**
 * Attachments: the files a message carries, as `Attachment[]` JSON (ids, names, types and sizes;
 * the bytes live in the attachment storage). Existing messages carry none (`NULL`).
 */
import type { Migration } from './migration.js';

export const attachments: Migration = {
  version: 9,
  name: 'attachments',
  up: (db) => db.exec('ALTER TABLE messages ADD COLUMN attachments TEXT'),
};
