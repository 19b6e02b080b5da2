/**
 * Loading seed data (or a memory backend's saved state) into a SQLite store, inside one of its
 * write transactions.
 */
import type { Id } from '@live-chat/core';
import type { SeedData } from '@live-chat/adapters';
import type { Directory } from './directory.js';
import type { Statements } from './statements.js';
import type { SqliteTransaction } from './transaction.js';

/** The highest trailing number of any id, so generated ids never collide with loaded ones. */
function highestIdNumber(ids: Iterable<string>): number {
  let highest = 0;
  for (const id of ids) {
    const match = /(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/** Writes `seed` through `tx` (see {@link SqliteStore.importSeed}). */
export function importSeed(
  tx: SqliteTransaction,
  directory: Directory,
  sql: Statements,
  seed: SeedData,
): void {
  for (const user of seed.users) directory.putUser(user);
  for (const chat of seed.liveChats) directory.putLiveChat(chat);
  for (const group of seed.groups) directory.putGroup(group);
  for (const customer of seed.customers) tx.putCustomer(customer);
  // Queues fill in `queuedAt` order, as if the sessions had entered them one by one.
  const sessions = [...(seed.sessions ?? [])];
  const queued = sessions
    .filter((session) => session.status === 'queued')
    .sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
  for (const session of sessions) if (session.status !== 'queued') tx.putSession(session);
  for (const session of queued) tx.putSession(session);
  const messages = [...(seed.messages ?? [])].sort((a, b) => a.order - b.order);
  for (const message of messages) tx.appendMessage(message);
  for (const episode of seed.episodes ?? []) tx.addEpisode(episode);
  for (const marker of seed.readMarkers ?? []) {
    tx.setReadMarker(marker.userId, marker.sessionId, marker.order);
  }
  for (const { userId, entry } of seed.activity ?? []) tx.appendActivity(userId, entry);
  for (const record of seed.commandResults ?? []) tx.putCommandRecord(record);
  // A saved memory backend's streams continue from their seqs, with nothing left to replay.
  const seqs = (seed as { streamSeqs?: Record<Id, number> }).streamSeqs ?? {};
  for (const [userId, seq] of Object.entries(seqs)) {
    if (seq > tx.lastSeq(userId)) sql.setStream.run(userId, seq, seq + 1);
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
  sql.raiseCounter.run(nextId, 'id');
}
