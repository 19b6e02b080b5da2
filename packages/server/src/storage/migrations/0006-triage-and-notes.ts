/**
 * Triage and staff notes: a session's tags, its urgent mark and the note of its last
 * reassignment; whether a message is a staff note and whom it mentions. The queue index puts
 * urgent sessions first, as the queue is read. Existing rows carry no tags, are not urgent and
 * are no notes.
 */
import type { Migration } from './migration.js';
import { SQLITE, triageAndNotesChanges } from './shared-tables.js';

export const triageAndNotes: Migration = {
  version: 6,
  name: 'triage-and-notes',
  up: (db) => db.exec(triageAndNotesChanges(SQLITE)),
};
