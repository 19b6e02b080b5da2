/**
 * The in-memory backend: a complete, rule-enforcing live chat backend that runs in the page (or
 * in Node) and serves several users at once, each through their own {@link MemoryAdapter}.
 */
import { LiveChatError } from '@live-chat/core';
import type {
  Customer,
  Id,
  LiveChat,
  OperatorGroup,
  ReadRequest,
  Result,
  Session,
  User,
} from '@live-chat/core';
import {
  EngineBackend,
  LiveDelivery,
  MemoryAttachmentStorage,
  type CommittedChange,
} from '@live-chat/core/engine';
import type { AttachmentPolicy } from '@live-chat/core';
import { MemoryAdapter, type MemoryAdapterOptions } from './adapter.js';
import type { BackendPersistence, SeedData, BackendState } from './state.js';
import { MemoryStore } from './store.js';

export type { EventListener, MessageListener } from '@live-chat/core/engine';

/** Options of {@link createMemoryBackend}. */
export interface MemoryBackendOptions {
  /** The directory and history to start from (a saved {@link BackendState} works too). Empty when absent. */
  seed?: SeedData;
  /** The clock (default `Date.now`); inject one to script days in tests. */
  now?: () => number;
  /** Prefix of generated ids (e.g. `'demo-'`), to keep ids of several backends apart. */
  idPrefix?: string;
  /** Where to save the state after every change (see {@link openMemoryBackend} to load it). */
  persistence?: BackendPersistence;
  /** Events each user's log keeps for `events(sinceSeq)` replays (default 10,000). */
  eventLogLimit?: number;
  /** Command results remembered for idempotency (default 10,000, oldest forgotten first). */
  commandCacheLimit?: number;
  /**
   * What attachments it accepts (default `DEFAULT_ATTACHMENT_POLICY`), or `false` for none.
   * Files live in this backend's memory only: a persisted state does not keep them.
   */
  attachments?: AttachmentPolicy | false;
}

const EMPTY_SEED: SeedData = { users: [], liveChats: [], groups: [], customers: [] };

/**
 * A complete live chat backend in memory: the engine of `@live-chat/core/engine` over an
 * in-memory store. Operators act through {@link MemoryBackend.connect} adapters; customers
 * through {@link MemoryBackend.customerWrites}. Every command is checked against the core rules
 * and either applies completely or changes nothing; every change is reported on the event
 * stream of each user it concerns. Everything answers synchronously.
 */
export class MemoryBackend extends EngineBackend<'sync'> {
  private readonly store: MemoryStore;
  private readonly persistence: BackendPersistence | undefined;
  /** Live listeners of events and messages, told in seq order after each commit. */
  private readonly liveDelivery: LiveDelivery;
  private readonly adapters = new Set<MemoryAdapter>();

  constructor(options: MemoryBackendOptions = {}) {
    const store = new MemoryStore(options.seed ?? EMPTY_SEED, {
      idPrefix: options.idPrefix,
      eventLogLimit: options.eventLogLimit,
      commandRecordLimit: options.commandCacheLimit,
    });
    const delivery = new LiveDelivery();
    const policy = options.attachments;
    super({
      store,
      delivery,
      now: options.now,
      attachments:
        policy === false
          ? undefined
          : { storage: new MemoryAttachmentStorage(), ...(policy ? { policy } : {}) },
    });
    this.store = store;
    this.liveDelivery = delivery;
    this.persistence = options.persistence;
  }

  /** After each committed write: persist, then deliver it to live listeners (in seq order). */
  protected override committed(change: CommittedChange): void {
    this.persistence?.save(() => this.exportState());
    super.committed(change);
  }

  /**
   * A {@link MemoryAdapter} (a `TransportAdapter`) speaking for `userId`. Throws a
   * `LiveChatError` with code `NOT_FOUND` for an unknown user.
   */
  connect(userId: Id, options?: MemoryAdapterOptions): MemoryAdapter {
    if (!this.store.user(userId))
      throw new LiveChatError('NOT_FOUND', `There is no user "${userId}".`);
    const adapter = new MemoryAdapter(this, userId, options, () => this.adapters.delete(adapter));
    this.adapters.add(adapter);
    return adapter;
  }

  /**
   * Answers one read of the adapter contract for `userId`: what a transport's server does with
   * a {@link ReadRequest} it received (the value, or the typed refusal).
   */
  answerRead(userId: Id, request: ReadRequest): Result<unknown> {
    switch (request.op) {
      case 'snapshot':
        return this.snapshot(userId);
      case 'history':
        return this.history(userId, request.query);
      case 'search':
        return this.search(userId, request.query);
      case 'report':
        return this.report(userId, request.query);
      case 'customers':
        return this.readCustomers(userId, request.query);
    }
  }

  // ── direct reads of the directory and of every session (demos, the simulator, tests) ─────
  // These return the backend's own immutable values: do not mutate them.

  /** Every session, or those of one live chat. */
  sessions(liveChatId?: Id): Session[] {
    return liveChatId === undefined
      ? [...this.store.allSessions()]
      : [...this.store.sessionsOf(liveChatId)];
  }

  /** Every customer, in the order they were added. */
  customers(): Customer[] {
    return [...this.store.customers()];
  }

  /** Every live chat of the directory. */
  liveChats(): LiveChat[] {
    return [...this.store.liveChats()];
  }

  /** Every operator group of the directory. */
  groups(): OperatorGroup[] {
    return [...this.store.groups()];
  }

  /** Every user of the directory (staff and internal users). */
  users(): User[] {
    return [...this.store.users()];
  }

  // ── life cycle ───────────────────────────────────────────────────────────────────────────

  /** The whole state as plain data, e.g. to save it. */
  exportState(): BackendState {
    return this.store.exportState();
  }

  /** Writes pending state to the persistence, if any. */
  async flush(): Promise<void> {
    await this.persistence?.flush();
  }

  /** Disposes every adapter, flushes and closes the persistence (see {@link MemoryBackend.dispose}). */
  protected async release(): Promise<void> {
    for (const adapter of [...this.adapters]) adapter.dispose();
    this.liveDelivery.clear();
    await this.persistence?.flush();
    await this.persistence?.close?.();
  }
}

/** Creates an in-memory backend (see {@link MemoryBackend}); pass `seed: createSeedData()` for demo data. */
export function createMemoryBackend(options?: MemoryBackendOptions): MemoryBackend {
  return new MemoryBackend(options);
}
