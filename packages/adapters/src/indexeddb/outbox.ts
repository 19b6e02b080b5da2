/**
 * The client's outbox in IndexedDB (through `idb`): unsent operator messages, per user, so a
 * reload shows them again and re-sends them with their original `clientMessageId`.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Id, OutboxEntry, OutboxStore } from '@live-chat/core';

/** Options of {@link createIndexedDbOutbox}. */
export interface IndexedDbOutboxOptions {
  /** Database name (default `'live-chat-outbox'`). */
  dbName?: string;
}

interface OutboxSchema extends DBSchema {
  entries: { key: [string, string]; value: { userId: Id; entry: OutboxEntry } };
}

const STORE = 'entries';

/**
 * An `OutboxStore` on IndexedDB; pass it as `outbox` to `createLiveChatClient`. Every method
 * rejects when IndexedDB is unavailable or full, which the client turns into its in-memory
 * fallback and a visible notice.
 */
export function createIndexedDbOutbox(options: IndexedDbOutboxOptions = {}): OutboxStore {
  const dbName = options.dbName ?? 'live-chat-outbox';
  let db: Promise<IDBPDatabase<OutboxSchema>> | undefined;
  const database = (): Promise<IDBPDatabase<OutboxSchema>> =>
    (db ??= openDB<OutboxSchema>(dbName, 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore(STORE);
      },
    }));
  return {
    async load(userId) {
      const range = IDBKeyRange.bound([userId, ''], [userId, '\uffff']);
      const rows = await (await database()).getAll(STORE, range);
      return rows.map((row) => row.entry).sort((a, b) => a.createdAt - b.createdAt);
    },
    async put(userId, entry) {
      await (await database()).put(STORE, { userId, entry }, [userId, entry.clientMessageId]);
    },
    async remove(userId, clientMessageId) {
      await (await database()).delete(STORE, [userId, clientMessageId]);
    },
  };
}
