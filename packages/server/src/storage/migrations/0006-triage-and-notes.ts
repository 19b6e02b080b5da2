/**
 * Triage and staff notes: a session's tags, its urgent mark and the note of its last
 * reassignment; whether a message is a staff note and whom it mentions. The queue index puts
 * urgent sessions first, as the queue is read. Existing rows carry no tags, are not urgent and
 * are no notes.
 */
import type { Migration } from './migration.js';

export const triageAndNotes: Migration = {
  version: 6,
  name: 'triage-and-notes',
  up(db) {
    db.exec(`
      ALTER TABLE sessions ADD COLUMN tags TEXT;                        -- Id[] (JSON)
      ALTER TABLE sessions ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN handover TEXT;                    -- Handover (JSON)
      ALTER TABLE messages ADD COLUMN internal INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN mentions TEXT;                    -- Id[] (JSON)
      DROP INDEX sessions_queued;
      CREATE INDEX sessions_queued ON sessions (live_chat_id, urgent DESC, queued_at, queue_entry)
        WHERE status = 'queued';
    `);
  },
};
