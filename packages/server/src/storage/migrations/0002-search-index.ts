/**
 * Full-text search: FTS5 trigram indexes over session names and message texts, holding the
 * folded text (see `search-text.ts`) by the row's `pk`. They are contentless (the texts stay in
 * their tables) and allow deletes, so a renamed session is indexed again. Rows stored before
 * this migration are indexed by it.
 */
import type Database from 'better-sqlite3';
import { foldForSearch } from '../search-text.js';
import type { Migration } from './migration.js';

/** Rows indexed per batch while back-filling. */
const BATCH = 1000;

/** Indexes the `column` of every row of `table` into `fts`, a batch at a time. */
function backfill(db: Database.Database, table: string, column: string, fts: string): void {
  const read = db.prepare<[number, number], { pk: number; text: string }>(
    `SELECT pk, ${column} AS text FROM ${table} WHERE pk > ? ORDER BY pk LIMIT ?`,
  );
  const write = db.prepare<[number, string]>(`INSERT INTO ${fts} (rowid, ${column}) VALUES (?, ?)`);
  for (let after = 0; ;) {
    const rows = read.all(after, BATCH);
    for (const row of rows) write.run(row.pk, foldForSearch(row.text));
    if (rows.length < BATCH) return;
    after = (rows.at(-1) as { pk: number }).pk;
  }
}

export const searchIndex: Migration = {
  version: 2,
  name: 'search-index',
  up(db) {
    // The text is folded before it is indexed, so the tokenizer keeps it as it is.
    db.exec(`
      CREATE VIRTUAL TABLE session_names_fts USING fts5 (
        name, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1'
      );
      CREATE VIRTUAL TABLE message_texts_fts USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1'
      );
    `);
    backfill(db, 'sessions', 'name', 'session_names_fts');
    backfill(db, 'messages', 'text', 'message_texts_fts');
  },
};
