/**
 * Triage and staff notes, as SQLite's migration 6: a session's tags, its urgent mark and the
 * note of its last reassignment; whether a message is a staff note and whom it mentions. The
 * queue index puts urgent sessions first, as the queue is read.
 */
import { POSTGRES, triageAndNotesChanges } from '../../storage/migrations/shared-tables.js';
import { runSql, type PostgresMigration } from './migration.js';

export const triageAndNotes: PostgresMigration = {
  version: 4,
  name: 'triage-and-notes',
  up: runSql(triageAndNotesChanges(POSTGRES)),
};
