/**
 * Loading seed data (or a memory backend's saved state) into a PostgreSQL store, inside one of
 * its write transactions.
 */
import type { Id } from '@live-chat/core';
import type { SeedData } from '@live-chat/adapters';
import { putGroup, putLiveChat, putUser } from './directory.js';
import type { PostgresTransaction } from './transaction.js';

/** The highest trailing number of any id, so generated ids never collide with loaded ones. */
function highestIdNumber(ids: Iterable<string>): number {
  let highest = 0;
  for (const id of ids) {
    const match = /(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/** Writes `seed` through `tx` (see `PostgresStore.importSeed`). */
export async function importSeed(tx: PostgresTransaction, seed: SeedData): Promise<void> {
  const db = tx.connection;
  for (const user of seed.users) await putUser(db, user);
  for (const chat of seed.liveChats) await putLiveChat(db, chat);
  for (const group of seed.groups) await putGroup(db, group);
  for (const customer of seed.customers) await tx.putCustomer(customer);
  // Queues fill in `queuedAt` order, as if the sessions had entered them one by one.
  const sessions = [...(seed.sessions ?? [])];
  const queued = sessions
    .filter((session) => session.status === 'queued')
    .sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
  for (const session of sessions) if (session.status !== 'queued') await tx.putSession(session);
  for (const session of queued) await tx.putSession(session);
  const messages = [...(seed.messages ?? [])].sort((a, b) => a.order - b.order);
  for (const message of messages) await tx.appendMessage(message);
  for (const episode of seed.episodes ?? []) await tx.addEpisode(episode);
  for (const marker of seed.readMarkers ?? []) {
    await tx.setReadMarker(marker.userId, marker.sessionId, marker.order);
  }
  for (const { userId, entry } of seed.activity ?? []) await tx.appendActivity(userId, entry);
  for (const record of seed.commandResults ?? []) await tx.putCommandRecord(record);
  // A saved memory backend's streams continue from their seqs, with nothing left to replay.
  const seqs = (seed as { streamSeqs?: Record<Id, number> }).streamSeqs ?? {};
  for (const [userId, seq] of Object.entries(seqs)) {
    if (seq > (await tx.lastSeq(userId))) await tx.setStream(userId, seq);
  }
  const nextId =
    seed.nextId ??
    1 +
      highestIdNumber([
        ...sessions.map((session) => session.id),
        ...messages.map((message) => message.id),
        ...seed.customers.map((customer) => customer.id),
        ...(seed.activity ?? []).map((activity) => activity.entry.id),
      ]);
  // Generated ids continue from `nextId` (the sequence's next value).
  if (nextId > 1) await db.query(`SELECT setval('record_ids', $1)`, [nextId - 1]);
}
