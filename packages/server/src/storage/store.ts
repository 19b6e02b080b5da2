/**
 * The SQLite store behind the engine of `@live-chat/core/engine`: a synchronous
 * {@link StoragePort} over one better-sqlite3 connection. Every engine transaction is one SQLite
 * transaction (`BEGIN IMMEDIATE` for writes, so a second process on the same file waits instead
 * of failing half-way; a deferred read transaction for reads, which sees one consistent state);
 * when the work throws, it is rolled back. It enforces no rule: the engine decides, this keeps.
 */
import type Database from 'better-sqlite3';
import type { Id } from '@live-chat/core';
import type { StoragePort, StoreTransaction, TransactionOptions } from '@live-chat/core/engine';
import type { SeedData } from '@live-chat/adapters';
import { SqlChannelStore, type SqlRunner } from '../channels/sql-channel-store.js';
import { SQLITE_CHANNEL_DIALECT, sqliteRunner } from './channel-store.js';
import { openDatabase, type ConnectionOptions, type DatabaseLocation } from './database.js';
import { Directory } from './directory.js';
import { StorageError } from './errors.js';
import { EventLog } from './event-log.js';
import { migrate, type MigrationReport } from './migrations/index.js';
import { SqlReports } from './reports.js';
import { storeSettings, type SqlStoreOptions, type StoreRetention } from './retention.js';
import { importSeed } from './seed.js';
import { Statements } from './statements.js';
import { SqliteTransaction, type TransactionContext } from './transaction.js';

/** How long the store keeps what only serves retries and resumes. */
export type SqliteRetention = StoreRetention;

/** Options of {@link openSqliteStore}: where the database lives, and how long it keeps things. */
export type SqliteStoreOptions = DatabaseLocation & ConnectionOptions & SqlStoreOptions;

/** The SQLite store (see the module comment). Open one with {@link openSqliteStore}. */
export class SqliteStore implements StoragePort<'sync'> {
  readonly mode = 'sync';
  /** The report figures computed by SQL over this store's tables. */
  readonly reports: SqlReports;
  /** What opening the database migrated. */
  readonly migrations: MigrationReport;
  /** The channel records (endpoints, inbound ids, the outbound queue). */
  readonly channels: SqlChannelStore<'sync'>;

  private readonly statements: Statements;
  private readonly directory: Directory;
  private readonly eventLog: EventLog;
  private readonly context: TransactionContext;
  private readonly write: (work: (tx: SqliteTransaction) => unknown) => unknown;
  private readonly read: (work: (tx: SqliteTransaction) => unknown) => unknown;
  private readonly group: Database.Transaction<(work: () => unknown) => unknown>;
  private closed = false;
  /** Inside {@link togetherUnguarded}: nested transactions run without savepoints. */
  private unguarded = false;
  /** Whether work that ran without a savepoint threw (its partial writes may remain). */
  private unguardedFailed = false;

  /** Use {@link openSqliteStore}. */
  constructor(
    /** The connection (for inspection and tests; write through the store). */
    readonly db: Database.Database,
    options: Omit<SqliteStoreOptions, keyof DatabaseLocation | keyof ConnectionOptions> = {},
  ) {
    const settings = storeSettings(options);
    this.migrations = migrate(db);
    this.statements = new Statements(db);
    this.directory = new Directory(db);
    this.eventLog = new EventLog(this.statements, settings.now);
    const channelSql: SqlRunner<'sync'> = sqliteRunner(db);
    this.channels = new SqlChannelStore(channelSql, SQLITE_CHANNEL_DIALECT);
    this.context = {
      ...settings,
      statements: this.statements,
      directory: this.directory,
      eventLog: this.eventLog,
      channelSql,
    };
    this.reports = new SqlReports(db);
    const run = db.transaction((work: (tx: SqliteTransaction) => unknown) => {
      this.checkFreshness();
      return this.withTransaction(work);
    });
    this.write = (work) => run.immediate(work);
    this.read = (work) => run.deferred(work);
    this.group = db.transaction((work: () => unknown) => work());
  }

  /**
   * Runs `work`, any number of writes through this store, in one transaction with one commit
   * (a group commit); each write inside becomes a savepoint. Called inside another `together`,
   * it is a savepoint itself: its writes roll back when it throws, and the rest stay.
   */
  together<T>(work: () => T): T {
    if (this.closed) throw new StorageError('CLOSED', 'The store is closed.');
    if (this.unguarded) return this.withoutSavepoint(work);
    try {
      return this.group.immediate(work) as T;
    } catch (error) {
      this.forget();
      throw error;
    }
  }

  /**
   * Like {@link together}, but every transaction `work` runs through this store (nested
   * `together`, engine transactions, reads) runs without a savepoint of its own: a savepoint
   * copies each page it changes to a sub-journal, which is most of what a small write costs.
   * Commits only when nothing inside threw (caught or not): then it answers `{ ok: true }` with
   * what `work` returned. Otherwise everything is rolled back (what threw may have left partial
   * writes behind) and it answers `{ ok: false }`: run the work again with {@link together}.
   * Inside another transaction it runs nothing and answers `{ ok: false }`.
   */
  togetherUnguarded<T>(work: () => T): { ok: true; value: T } | { ok: false } {
    if (this.closed) throw new StorageError('CLOSED', 'The store is closed.');
    // Inside another transaction, a failure could not be rolled back alone: ask for savepoints.
    if (this.unguarded || this.db.inTransaction) return { ok: false };
    const failed = Symbol('failed');
    let value: T | typeof failed;
    try {
      value = this.group.immediate(() => {
        this.unguarded = true;
        this.unguardedFailed = false;
        this.checkFreshness();
        let result: T | typeof failed;
        try {
          result = work();
        } catch {
          result = failed;
        } finally {
          this.unguarded = false;
        }
        // Rolls the whole transaction back: something inside may have stopped half-way.
        if (result === failed || this.unguardedFailed) throw failed;
        return result;
      }) as T;
    } catch (error) {
      this.forget();
      if (error !== failed) throw error;
      value = failed;
    }
    return value === failed ? { ok: false } : { ok: true, value };
  }

  /** Forgets what it keeps in memory after another connection committed. */
  private checkFreshness(): void {
    if (this.directory.checkFreshness()) this.eventLog.forget();
  }

  /**
   * Forgets what it keeps in memory of the tables (the directory, the streams' seqs): a rolled
   * back transaction may have changed it.
   */
  private forget(): void {
    this.directory.invalidate();
    this.eventLog.forget();
  }

  /** Runs nested work of {@link togetherUnguarded}, noting when it throws. */
  private withoutSavepoint<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      this.unguardedFailed = true;
      throw error;
    }
  }

  /** Runs `work` on a transaction view that is valid only while it runs. */
  private withTransaction<T>(work: (tx: SqliteTransaction) => T): T {
    const tx = new SqliteTransaction(this.context);
    try {
      return work(tx);
    } finally {
      tx.close();
    }
  }

  /**
   * Runs `work` in one SQLite transaction and commits when it returns; rolls back when it
   * throws. Read-only work runs in a deferred transaction (one consistent snapshot).
   */
  transaction<T>(work: (tx: StoreTransaction<'sync'>) => T, options?: TransactionOptions): T {
    return this.run(work, options?.readOnly === true);
  }

  /** Like {@link transaction}, with the store's own transaction type (search hooks included). */
  run<T>(work: (tx: SqliteTransaction) => T, readOnly = false): T {
    if (this.closed) throw new StorageError('CLOSED', 'The store is closed.');
    if (this.unguarded) return this.withoutSavepoint(() => this.withTransaction(work));
    try {
      return (readOnly ? this.read : this.write)(work) as T;
    } catch (error) {
      // What the work cached of the directory or the streams may have been rolled back.
      this.forget();
      throw error;
    }
  }

  /** Whether the database has no directory yet (nothing was seeded). */
  isEmpty(): boolean {
    return this.run((tx) => [...tx.users()].length === 0 && [...tx.liveChats()].length === 0, true);
  }

  /**
   * Loads seed data (or a memory backend's saved state) in one transaction: the directory,
   * then any history. Ids generated later never collide with the loaded ones, and streams saved
   * with seqs continue from them.
   */
  importSeed(seed: SeedData): void {
    this.run((tx) => importSeed(tx, this.directory, this.eventLog, this.statements, seed));
  }

  /**
   * Drops what retention no longer keeps: events older than `eventMaxAgeMs` and command results
   * older than `commandResultMaxAgeMs` (both measured on the store's clock). Count limits are
   * kept as events are appended; this handles age. Returns how many events were dropped.
   */
  prune(): number {
    const now = this.context.now();
    return this.run(() => {
      this.statements.dropCommandResultsBefore.run(now - this.context.commandResultMaxAgeMs);
      const { eventMaxAgeMs } = this.context;
      return eventMaxAgeMs === undefined ? 0 : this.eventLog.dropOlderThan(now - eventMaxAgeMs);
    });
  }

  /** Seq of the user's last event (0 before the first). */
  lastSeq(userId: Id): number {
    return this.run((tx) => tx.lastSeq(userId), true);
  }

  /** Whether the database answers (for readiness probes). */
  ping(): boolean {
    if (this.closed) return false;
    return this.statements.ping.get() === 1;
  }

  /** Whether {@link close} was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Closes the connection (SQLite checkpoints the WAL into the file); later calls fail. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

/**
 * Opens a SQLite store: the file named by `file`, or `live-chat.sqlite3` in `dataDir` (created
 * when missing). The database is created when new and migrated to this release's schema (see
 * `migrations/`); an up-to-date one is left as it is.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const { dataDir, file, synchronous, busyTimeoutMs, ...storeOptions } = options;
  const db = openDatabase({ dataDir, file } as DatabaseLocation, { synchronous, busyTimeoutMs });
  try {
    return new SqliteStore(db, storeOptions);
  } catch (error) {
    db.close();
    throw error;
  }
}
