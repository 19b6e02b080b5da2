/**
 * A live chat backend on SQLite: the engine of `@live-chat/core/engine` over a
 * {@link SqliteStore}, with live delivery of committed changes (see {@link SqlBackend}). It
 * offers the per-user API of the memory backend (what `createLiveChatServer` serves) plus the
 * customer side for channels, and everything it records survives a restart: sessions,
 * messages, seqs, command results.
 */
import path from 'node:path';
import { LiveDelivery, type CommittedChange } from '@live-chat/core/engine';
import type { SeedData } from '@live-chat/adapters';
import { resolveBackendAttachments, type BackendAttachmentOptions } from '../attachments/setup.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { SqlBackend } from './sql-backend.js';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './store.js';

/** Options of {@link createSqliteBackend}. */
export type SqliteBackendOptions = SqliteStoreOptions & {
  /**
   * Data for a new database (the directory, optionally history, or a memory backend's saved
   * state); ignored when the database already has a directory.
   */
  seed?: SeedData | (() => SeedData);
  /** The clock of the engine and the store (default `Date.now`); inject one to script days. */
  now?: () => number;
  /**
   * How often retention by age runs, in ms (default 60,000; 0: only when {@link
   * SqliteBackend.prune} is called). The timer does not keep the process alive.
   */
  pruneIntervalMs?: number;
  /**
   * Called when a background prune fails (e.g. the database stayed locked past its busy
   * timeout); the next run tries again. Default: the error is dropped.
   */
  onPruneError?: (error: unknown) => void;
  /**
   * Checkpoint the WAL from a worker thread, off the request path (default `true`; see
   * `checkpointer.ts`). `false`: SQLite checkpoints inside commits, as it does by default.
   */
  backgroundCheckpoints?: boolean;
  /**
   * Where files attached to messages are kept and what is accepted (default: the directory
   * `attachments` beside the database, with `DEFAULT_ATTACHMENT_POLICY`); `false` takes no
   * files. No directory is made before the first file arrives.
   */
  attachments?: BackendAttachmentOptions | false;
};

/** Where files go by default: `attachments` in the data directory, or beside the database file. */
function defaultAttachmentsDir(options: SqliteBackendOptions): string | undefined {
  if (options.dataDir !== undefined) return path.join(options.dataDir, 'attachments');
  if (options.file !== undefined && options.file !== ':memory:' && options.file !== '') {
    return path.join(path.dirname(options.file), 'attachments');
  }
  return undefined;
}

/** Opens the store, loads `seed` into a new database and applies retention once. */
function openSeededStore(options: SqliteBackendOptions): SqliteStore {
  const { seed, attachments: _attachments, ...storeOptions } = options;
  const store = openSqliteStore(storeOptions);
  try {
    if (seed !== undefined && store.isEmpty()) {
      store.importSeed(typeof seed === 'function' ? seed() : seed);
    }
    store.prune();
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

/** How one write of {@link SqliteBackend.writeTogether} ended. */
export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The SQLite backend (see the module comment). Every call answers synchronously: better-sqlite3
 * runs each transaction to its end in the call.
 */
export class SqliteBackend extends SqlBackend<'sync', SqliteStore> {
  private readonly live: LiveDelivery;
  private readonly checkpointer: Checkpointer | undefined;
  /** Changes committed inside {@link writeTogether}, delivered after its commit. */
  private grouped: CommittedChange[] | undefined;

  /** Use {@link createSqliteBackend}. */
  constructor(options: SqliteBackendOptions) {
    const live = new LiveDelivery();
    const attachments = resolveBackendAttachments(
      options.attachments,
      defaultAttachmentsDir(options),
    );
    super(openSeededStore(options), live, options.now, attachments);
    this.live = live;
    this.prunePeriodically(options.pruneIntervalMs ?? 60_000, options.onPruneError);
    if (options.backgroundCheckpoints !== false) {
      this.checkpointer = startCheckpointer(this.store.db, {
        busyTimeoutMs: options.busyTimeoutMs,
      });
    }
  }

  /**
   * Runs several writes in one transaction with a single commit (a group commit: one disk write
   * for many requests). Each write succeeds or fails on its own: one that throws is rolled back
   * alone, and its outcome says so. Live delivery of every change waits for the commit; when the
   * commit fails, nothing is delivered and the call throws.
   *
   * The writes first run without savepoints (see `SqliteStore.togetherUnguarded`); when any of
   * them throws, that run is rolled back whole and the writes run again, each in a savepoint.
   * So a write may run twice: it must change nothing but the database before it returns.
   */
  writeTogether<T>(writes: readonly (() => T)[]): WriteOutcome<T>[] {
    if (this.grouped) throw new Error('writeTogether does not nest.');
    const grouped: CommittedChange[] = (this.grouped = []);
    let outcomes: WriteOutcome<T>[];
    try {
      const fast = this.store.togetherUnguarded(() =>
        writes.map((write): WriteOutcome<T> => ({ ok: true, value: write() })),
      );
      if (fast.ok) outcomes = fast.value;
      else {
        grouped.length = 0; // rolled back: none of its changes happened
        outcomes = this.store.together(() =>
          writes.map((write): WriteOutcome<T> => {
            const mark = grouped.length;
            try {
              return { ok: true, value: this.store.together(write) };
            } catch (error) {
              grouped.length = mark; // rolled back: its changes never happened
              return { ok: false, error };
            }
          }),
        );
      }
    } finally {
      this.grouped = undefined;
    }
    for (const change of grouped) super.committed(change);
    return outcomes;
  }

  /** Inside {@link writeTogether} a change waits for the group's commit. */
  protected override committed(change: CommittedChange): void {
    if (this.grouped) this.grouped.push(change);
    else super.committed(change);
  }

  /** Forgets the listeners, stops the checkpoints and closes the database. */
  protected async close(): Promise<void> {
    this.live.clear();
    await this.checkpointer?.stop();
    this.store.close();
  }
}

/**
 * Opens a SQLite backend on `dataDir` (or `file`): creates and migrates the database when
 * needed, loads `seed` into a new one, and answers every call synchronously.
 */
export function createSqliteBackend(options: SqliteBackendOptions): SqliteBackend {
  return new SqliteBackend(options);
}
