/**
 * The per-user event log as a rowid table with a unique `(user_id, seq)` index. Events are
 * large rows (a session and a message in JSON); in a `WITHOUT ROWID` table keyed by user each
 * one is inserted in the middle of that user's range of the tree and splits its pages, which
 * made appending an event about eight times as costly as appending a row at the end of a rowid
 * table. Reads by user and seq use the index and are as fast as before.
 */
import type { Migration } from './migration.js';

export const eventLogRows: Migration = {
  version: 4,
  name: 'event-log-rows',
  up(db) {
    db.exec(`
      CREATE TABLE events_by_row (
        pk      INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL,
        seq     INTEGER NOT NULL,
        at      INTEGER NOT NULL,                 -- when it was appended (for retention)
        event   TEXT NOT NULL                     -- the ServerEvent without its seq
      );
      INSERT INTO events_by_row (user_id, seq, at, event)
        SELECT user_id, seq, at, event FROM events ORDER BY at, user_id, seq;
      DROP TABLE events;
      ALTER TABLE events_by_row RENAME TO events;
      CREATE UNIQUE INDEX events_user_seq ON events (user_id, seq);
    `);
  },
};
