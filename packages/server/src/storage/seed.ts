/**
 * Loading seed data (or a memory backend's saved state) into a SQLite store, inside one of its
 * write transactions.
 */
import { savedStreamSeqs, seedNextId, type SeedData } from '@live-chat/adapters';
import type { Directory } from './directory.js';
import type { EventLog } from './event-log.js';
import { seedRecordWrites } from './seed-records.js';
import type { Statements } from './statements.js';
import type { SqliteTransaction } from './transaction.js';

/** Writes `seed` through `tx` (see {@link SqliteStore.importSeed}). */
export function importSeed(
  tx: SqliteTransaction,
  directory: Directory,
  eventLog: EventLog,
  sql: Statements,
  seed: SeedData,
): void {
  for (const user of seed.users) directory.putUser(user);
  for (const chat of seed.liveChats) directory.putLiveChat(chat);
  for (const group of seed.groups) directory.putGroup(group);
  for (const write of seedRecordWrites<'sync'>(seed)) write(tx);
  for (const [userId, seq] of savedStreamSeqs(seed)) eventLog.continueAfter(userId, seq);
  sql.raiseCounter.run(seedNextId(seed), 'id');
}
