/**
 * Loading seed data (or a memory backend's saved state) into a PostgreSQL store, inside one of
 * its write transactions.
 */
import { savedStreamSeqs, seedNextId, type SeedData } from '@live-chat/adapters';
import { seedRecordWrites } from '../storage/seed-records.js';
import { putGroup, putLiveChat, putUser } from './directory.js';
import type { PostgresTransaction } from './transaction.js';

/** Writes `seed` through `tx` (see `PostgresStore.importSeed`). */
export async function importSeed(tx: PostgresTransaction, seed: SeedData): Promise<void> {
  const db = tx.connection;
  for (const user of seed.users) await putUser(db, user);
  for (const chat of seed.liveChats) await putLiveChat(db, chat);
  for (const group of seed.groups) await putGroup(db, group);
  for (const write of seedRecordWrites<'async'>(seed)) await write(tx);
  for (const [userId, seq] of savedStreamSeqs(seed)) {
    if (seq > (await tx.lastSeq(userId))) await tx.setStream(userId, seq);
  }
  // Generated ids continue from the next id (the sequence's next value).
  const nextId = seedNextId(seed);
  if (nextId > 1) await db.query(`SELECT setval('record_ids', $1)`, [nextId - 1]);
}
