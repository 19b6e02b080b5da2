/**
 * The records of the engine's storage port. Values the engine reads back as a whole and never
 * queries by field (users, live chats, groups, customers, activity entries, events, command
 * results) are JSON documents; sessions, messages and episodes have one column per field, so
 * indexes and report queries reach them. Orders of the directory are insertion (rowid) orders.
 */
import type { Migration } from './migration.js';
import {
  countersTable,
  directoryTables,
  eventTables,
  messageTables,
  reportTables,
  sessionsTable,
  SQLITE,
} from './shared-tables.js';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    // Counters: 'id', the number of the next generated id; 'queue', the last queue entry.
    db.exec(`
      ${directoryTables(SQLITE)}
      ${sessionsTable(SQLITE)}
      ${messageTables(SQLITE)}
      ${reportTables(SQLITE)}
      ${eventTables(SQLITE)}
      ${countersTable(SQLITE)}
      INSERT INTO counters (name, value) VALUES ('id', 1), ('queue', 0);
    `);
  },
};
