/**
 * The records of the engine's storage port on PostgreSQL. As on SQLite, values the engine reads
 * back whole and never queries by field (users, live chats, groups, customers, activity entries,
 * events, command results) are JSONB documents; sessions, messages and episodes have one column
 * per field, so indexes and report queries reach them. Times are milliseconds since the epoch
 * (BIGINT). Directory orders are insertion (`pk`) orders.
 */
import {
  countersTable,
  directoryTables,
  eventTables,
  messageTables,
  POSTGRES,
  reportTables,
  sessionsTable,
} from '../../storage/migrations/shared-tables.js';
import { runSql, type PostgresMigration } from './migration.js';

// Each user's counter row is advanced (and so row-locked) by the transaction that appends: each
// user's events commit in seq order. Counter 'directory' is bumped by every directory write, so
// instances drop their cached copy; generated ids come from a sequence.
export const initial: PostgresMigration = {
  version: 1,
  name: 'initial',
  up: runSql(`
    ${directoryTables(POSTGRES)}
    ${sessionsTable(POSTGRES)}
    CREATE SEQUENCE queue_entries;
    ${messageTables(POSTGRES, 'channel_delivery JSONB, -- ChannelDelivery of operator messages')}
    ${reportTables(POSTGRES)}
    ${eventTables(POSTGRES)}
    CREATE SEQUENCE record_ids;
    ${countersTable(POSTGRES)}
    INSERT INTO counters (name, value) VALUES ('directory', 0);
  `),
};
