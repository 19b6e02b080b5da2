/**
 * What the SQLite and PostgreSQL backends add to the `EngineBackend` of
 * `@live-chat/core/engine` (the engine over a store, live delivery, the per-user API, the
 * customer side, direct reads and the life cycle): the store itself for tools and tests, the
 * channel side (delivery states of outbound messages), every session for operations, readiness
 * of the database, and retention by age on a timer. Written once for both store modes.
 */
import type { ChannelDelivery, Id, Message, Result, Session } from '@live-chat/core';
import {
  EngineBackend,
  type Answer,
  type ChangeDelivery,
  type Io,
  type StoragePort,
  type StoreMode,
} from '@live-chat/core/engine';
import type { ServerAttachmentStorage } from '../attachments/disk-storage.js';
import type { ResolvedAttachments } from '../attachments/setup.js';
import type { ChannelStore } from '../channels/store.js';

/** The reads of a store's own transaction behind {@link SqlBackend.sessions}. */
export interface SessionListReads<M extends StoreMode> {
  /** Every session, in the order they were created. */
  allSessions(): Io<M, Session[]>;
  /** Every session of a live chat. */
  sessionsOf(liveChatId: Id): Io<M, Session[]>;
}

/** A store a SQL backend runs on: the engine's storage port, and what the backend asks besides. */
export interface SqlBackendStore<M extends StoreMode> extends StoragePort<M> {
  /** Runs `work` in one transaction of the store's own kind (read-only when `readOnly`). */
  run<T>(work: (tx: SessionListReads<M>) => Io<M, T>, readOnly?: boolean): Answer<M, T>;
  /** Applies retention by age; answers how many events it dropped. */
  prune(): Answer<M, number>;
  /** Whether the database answers. */
  ping(): Answer<M, boolean>;
  /**
   * The channel records; the store's transactions queue each operator message of a session
   * whose channel has an outbound endpoint as they append it.
   */
  readonly channels: ChannelStore<M>;
}

/** A live chat backend on a SQL store (see the module comment). */
export abstract class SqlBackend<
  M extends StoreMode,
  S extends SqlBackendStore<M> = SqlBackendStore<M>,
> extends EngineBackend<M> {
  private pruneTimer: ReturnType<typeof setInterval> | undefined;
  /** Where attachments are kept; `undefined` when the backend takes no files. */
  readonly attachmentStorage: ServerAttachmentStorage | undefined;

  /**
   * Runs the engine on `store`, handing its committed changes to `delivery`, keeping files in
   * `attachments` (none: uploads are refused).
   */
  protected constructor(
    /** The store the engine works on (for inspection, tools and tests). */
    readonly store: S,
    delivery: ChangeDelivery,
    now?: () => number,
    attachments?: ResolvedAttachments,
  ) {
    super({ store, delivery, now, attachments });
    this.attachmentStorage = attachments?.storage;
  }

  /**
   * Records how far an operator message got through its channel's outbound webhook; users who
   * see the session get `message.updated`.
   */
  setChannelDelivery(messageId: Id, delivery: ChannelDelivery): Answer<M, Result<Message>> {
    return this.isDisposed ? this.refused() : this.engine.setChannelDelivery(messageId, delivery);
  }

  /** Every session, or those of one live chat (regardless of who may see them). */
  sessions(liveChatId?: Id): Answer<M, Session[]> {
    return this.store.run<Session[]>(
      (tx) => (liveChatId === undefined ? tx.allSessions() : tx.sessionsOf(liveChatId)),
      true,
    );
  }

  /** Whether the database answers (`/readyz`). */
  ready(): Answer<M, boolean> {
    return this.isDisposed ? this.answer(false) : this.store.ping();
  }

  /** Applies retention by age now (see the store's `prune`); 0 once disposed. */
  prune(): Answer<M, number> {
    return this.isDisposed ? this.answer(0) : this.store.prune();
  }

  /**
   * Runs {@link prune} every `intervalMs` (0: never), on a timer that does not keep the process
   * alive; a failed run goes to `onError`, and the next run tries again.
   */
  protected prunePeriodically(intervalMs: number, onError?: (error: unknown) => void): void {
    if (intervalMs <= 0) return;
    this.pruneTimer = setInterval(() => {
      Promise.resolve()
        .then(() => this.prune())
        .catch((error: unknown) => onError?.(error));
    }, intervalMs);
    this.pruneTimer.unref?.();
  }

  /** Stops the prune timer, then {@link SqlBackend.close}. */
  protected async release(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.close();
  }

  /** Stops live delivery and closes the store (called once, when the backend is disposed). */
  protected abstract close(): Promise<void> | void;
}
