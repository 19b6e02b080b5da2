/**
 * Saves the memory backend's whole state in IndexedDB (through `idb`), so a demo keeps its
 * conversations across page reloads. One record holds the state; writes are debounced, so a
 * burst of changes costs one write.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { isBackendState, type BackendPersistence, type BackendState } from '../memory/state.js';

/** Options of {@link createIndexedDbPersistence}. */
export interface IndexedDbPersistenceOptions {
  /** Database name (default `'live-chat-memory-backend'`); one backend per database. */
  dbName?: string;
  /** Quiet time before a scheduled write happens, in ms (default 250). */
  debounceMs?: number;
}

/** A {@link BackendPersistence} on IndexedDB, plus a way to forget what it saved. */
export interface IndexedDbPersistence extends BackendPersistence {
  /** Deletes the saved state (the next {@link openMemoryBackend} seeds afresh). */
  clear(): Promise<void>;
}

interface StateSchema extends DBSchema {
  state: { key: string; value: BackendState };
}

const STORE = 'state';
const KEY = 'backend';

/** Persistence of a memory backend in IndexedDB; pass it to {@link openMemoryBackend}. */
export function createIndexedDbPersistence(
  options: IndexedDbPersistenceOptions = {},
): IndexedDbPersistence {
  const dbName = options.dbName ?? 'live-chat-memory-backend';
  const debounceMs = options.debounceMs ?? 250;
  let db: Promise<IDBPDatabase<StateSchema>> | undefined;
  let pending: (() => BackendState) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The write in progress: writes never overlap, so the last state always wins. */
  let writing: Promise<void> = Promise.resolve();

  const database = () =>
    (db ??= openDB<StateSchema>(dbName, 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore(STORE);
      },
    }));

  function writePending(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const readState = pending;
    pending = undefined;
    if (!readState) return writing;
    // Read now (the state of this moment), store after any earlier write finished.
    const state = readState();
    writing = writing.then(async () => {
      await (await database()).put(STORE, state, KEY);
    });
    return writing;
  }

  return {
    async load() {
      const saved = await (await database()).get(STORE, KEY);
      return isBackendState(saved) ? saved : undefined;
    },
    save(readState) {
      pending = readState;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void writePending().catch(() => {}), debounceMs);
    },
    flush() {
      return writePending();
    },
    async clear() {
      pending = undefined;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await writing.catch(() => {});
      await (await database()).delete(STORE, KEY);
    },
    async close() {
      await writePending();
      if (db) (await db).close();
      db = undefined;
    },
  };
}
