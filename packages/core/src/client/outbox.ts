import { BehaviorSubject, type Observable } from 'rxjs';
import type { Attachment } from '../domain/attachments.js';
import type { ErrorInfo } from '../domain/errors.js';
import type { Id } from '../domain/types.js';

/**
 * One unsent operator message, as the outbox keeps it until the backend has stored it (or the
 * operator discards it). It is re-sent with the same `clientMessageId`, so the backend stores
 * it exactly once however often it is sent.
 */
export interface OutboxEntry {
  clientMessageId: string;
  sessionId: Id;
  text: string;
  /** When the operator wrote it (ms since the epoch). */
  createdAt: number;
  /** `failed` entries wait for Retry or Discard; `pending` ones are re-sent on start. */
  state: 'pending' | 'failed';
  /** A private note among staff rather than a reply (see `SendOptions`). */
  internal?: true;
  /** The colleagues a note mentions. */
  mentions?: Id[];
  /** Files uploaded for the reply (their bytes are on the backend already). */
  attachments?: Attachment[];
  error?: ErrorInfo;
}

/**
 * Where the client keeps unsent messages, per user, so that a reload shows them again and
 * re-sends them. `@live-chat/adapters` ships an IndexedDB store (`createIndexedDbOutbox`); the
 * default keeps them in memory only (they survive a reconnect, not a reload).
 *
 * Every method may reject (storage unavailable, quota exceeded): the client then keeps the
 * entries in memory and reports `unavailable` through `outboxStorage$`, so nothing is lost
 * silently.
 */
export interface OutboxStore {
  /** Every entry of the user, oldest first. */
  load(userId: Id): Promise<OutboxEntry[]>;
  /** Adds or replaces the entry with the same `clientMessageId`. */
  put(userId: Id, entry: OutboxEntry): Promise<void>;
  /** Removes an entry (sent, or discarded); removing a missing one is not an error. */
  remove(userId: Id, clientMessageId: string): Promise<void>;
}

/**
 * Where unsent messages are kept: `durable` (the configured store works: they survive a
 * reload), `memory` (no durable store was configured), or `unavailable` (the configured store
 * failed or is full: they are kept in memory only, and the UI shows a notice).
 */
export type OutboxStorage = 'durable' | 'memory' | 'unavailable';

/**
 * An {@link OutboxStore} in memory. Shared between clients it survives their disposal, which
 * is how tests model a reload; the client's default is a private one.
 */
export function createMemoryOutbox(): OutboxStore {
  const users = new Map<Id, Map<string, OutboxEntry>>();
  const of = (userId: Id): Map<string, OutboxEntry> => {
    let entries = users.get(userId);
    if (!entries) users.set(userId, (entries = new Map()));
    return entries;
  };
  return {
    load: (userId) =>
      Promise.resolve(
        [...of(userId).values()]
          .map((entry) => structuredClone(entry))
          .sort((a, b) => a.createdAt - b.createdAt),
      ),
    put: (userId, entry) => {
      of(userId).set(entry.clientMessageId, structuredClone(entry));
      return Promise.resolve();
    },
    remove: (userId, clientMessageId) => {
      of(userId).delete(clientMessageId);
      return Promise.resolve();
    },
  };
}

/**
 * The client's side of the outbox: a copy of every entry in memory (what the conversation
 * shows never waits for storage), written through to the store in order. The first storage
 * failure switches to memory only for the rest of the session, and `storage$` says so, so the
 * UI can tell the operator that unsent messages will not survive a reload.
 */
export class OutboxKeeper {
  readonly #entries = new Map<string, OutboxEntry>();
  readonly #storage: BehaviorSubject<OutboxStorage>;
  readonly storage$: Observable<OutboxStorage>;
  #writes: Promise<void> = Promise.resolve();

  readonly #store: OutboxStore;
  readonly #userId: () => Id | undefined;

  /** `durable` is false for the client's default in-memory store. */
  constructor(store: OutboxStore, userId: () => Id | undefined, durable: boolean) {
    this.#store = store;
    this.#userId = userId;
    this.#storage = new BehaviorSubject<OutboxStorage>(durable ? 'durable' : 'memory');
    this.storage$ = this.#storage.asObservable();
  }

  /** Whether an unsent message with this id is kept. */
  has(clientMessageId: string): boolean {
    return this.#entries.has(clientMessageId);
  }

  /** Reads the user's saved entries (after a reload); a failing store gives none and switches to memory. */
  async load(userId: Id): Promise<OutboxEntry[]> {
    let saved: OutboxEntry[] = [];
    try {
      saved = await this.#store.load(userId);
    } catch {
      this.#fellBack();
    }
    const loaded: OutboxEntry[] = [];
    for (const entry of saved) {
      if (!isOutboxEntry(entry) || this.#entries.has(entry.clientMessageId)) continue;
      this.#entries.set(entry.clientMessageId, entry);
      loaded.push(entry);
    }
    return loaded;
  }

  put(entry: OutboxEntry): void {
    this.#entries.set(entry.clientMessageId, entry);
    this.#write((store, userId) => store.put(userId, entry));
  }

  remove(clientMessageId: string): void {
    if (!this.#entries.delete(clientMessageId)) return;
    this.#write((store, userId) => store.remove(userId, clientMessageId));
  }

  complete(): void {
    this.#storage.complete();
  }

  #write(operation: (store: OutboxStore, userId: Id) => Promise<void>): void {
    const userId = this.#userId();
    if (userId === undefined || this.#storage.value === 'unavailable') return;
    this.#writes = this.#writes
      .then(() =>
        this.#storage.value === 'unavailable' ? undefined : operation(this.#store, userId),
      )
      .catch(() => this.#fellBack());
  }

  #fellBack(): void {
    if (this.#storage.value !== 'unavailable' && !this.#storage.closed)
      this.#storage.next('unavailable');
  }
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  const entry = value as OutboxEntry;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.clientMessageId === 'string' &&
    typeof entry.sessionId === 'string' &&
    typeof entry.text === 'string' &&
    typeof entry.createdAt === 'number' &&
    (entry.state === 'pending' || entry.state === 'failed')
  );
}
