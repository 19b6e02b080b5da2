/**
 * Loading seed data (or a memory backend's saved state) into a SQL store, the part both stores
 * share: which records go through the engine's port, and in which order. Each store writes its
 * own directory tables around it, and continues saved streams (`savedStreamSeqs`) and generated
 * ids (`seedNextId` of `@live-chat/adapters`) in its own counters.
 */
import type { Io, StoreMode, StoreTransaction } from '@live-chat/core/engine';
import type { SeedData } from '@live-chat/adapters';

/** One write of a seed's records: a call on a store transaction. */
export type SeedWrite<M extends StoreMode> = (tx: StoreTransaction<M>) => Io<M, void>;

/**
 * The writes that load a seed's records (customers, sessions, messages, episodes, read markers,
 * activity, command results, canned replies), in the order to run them.
 */
export function* seedRecordWrites<M extends StoreMode>(seed: SeedData): Generator<SeedWrite<M>> {
  for (const customer of seed.customers) yield (tx) => tx.putCustomer(customer);
  // Queues fill in `queuedAt` order, as if the sessions had entered them one by one.
  const sessions = seed.sessions ?? [];
  const queued = sessions
    .filter((session) => session.status === 'queued')
    .sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
  for (const session of sessions) {
    if (session.status !== 'queued') yield (tx) => tx.putSession(session);
  }
  for (const session of queued) yield (tx) => tx.putSession(session);
  const messages = [...(seed.messages ?? [])].sort((a, b) => a.order - b.order);
  for (const message of messages) yield (tx) => tx.appendMessage(message);
  for (const episode of seed.episodes ?? []) yield (tx) => tx.addEpisode(episode);
  for (const { userId, sessionId, order } of seed.readMarkers ?? []) {
    yield (tx) => tx.setReadMarker(userId, sessionId, order);
  }
  for (const { userId, entry } of seed.activity ?? []) {
    yield (tx) => tx.appendActivity(userId, entry);
  }
  for (const record of seed.commandResults ?? []) yield (tx) => tx.putCommandRecord(record);
  for (const reply of seed.cannedReplies ?? []) yield (tx) => tx.putCannedReply(reply);
}
