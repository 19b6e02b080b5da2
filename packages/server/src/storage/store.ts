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
import { openDatabase, type ConnectionOptions, type DatabaseLocation } from './database.js';
import { Directory } from './directory.js';
import { StorageError } from './errors.js';
import { migrate, type MigrationReport } from './migrations/index.js';
import { SqlReports } from './reports.js';
import { importSeed } from './seed.js';
import { Statements } from './statements.js';
import { SqliteTransaction, type TransactionContext } from './transaction.js';

/** How long the store keeps what only serves retries and resumes. */
export interface SqliteRetention {
  /**
   * Events each user's log keeps for `events(sinceSeq)` (default 10,000; trimmed in batches, so
   * a little more may be kept). Asking from before the oldest kept one answers
   * `RESYNC_REQUIRED`, and the client takes a new snapshot.
   */
  eventsPerUser?: number;
  /** Events older than this many ms are dropped by {@link SqliteStore.prune} (default: none). */
  eventMaxAgeMs?: number;
  /**
   * How long a `commandId` answers with its first result, in ms (default 7 days): a client
   * retrying a command later than that runs it again.
   */
  commandResultMaxAgeMs?: number;
  /** Activity entries each user keeps (default 500). */
  activityPerUser?: number;
}

/** Defaults of {@link SqliteRetention}. */
export const DEFAULT_RETENTION = Object.freeze({
  eventsPerUser: 10_000,
  commandResultMaxAgeMs: 7 * 24 * 60 * 60 * 1000,
  activityPerUser: 500,
});

/** Options of {@link openSqliteStore}: where the database lives, and how long it keeps things. */
export type SqliteStoreOptions = DatabaseLocation &
  ConnectionOptions & {
    retention?: SqliteRetention;
    /** Prefix of generated ids (e.g. `'eu-'`), to keep ids of several stores apart. */
    idPrefix?: string;
    /** The clock of event times, for retention by age (default `Date.now`). */
    now?: () => number;
  };

/** A positive whole number option, or its default. */
function wholeOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new StorageError(
      'INVALID_OPTIONS',
      `"retention.${name}" must be a whole number, 1 or more.`,
    );
  }
  return value;
}

/** The SQLite store (see the module comment). Open one with {@link openSqliteStore}. */
export class SqliteStore implements StoragePort<'sync'> {
  readonly mode = 'sync';
  /** The report figures computed by SQL over this store's tables. */
  readonly reports: SqlReports;
  /** What opening the database migrated. */
  readonly migrations: MigrationReport;

  private readonly statements: Statements;
  private readonly directory: Directory;
  private readonly context: TransactionContext;
  private readonly eventMaxAgeMs: number | undefined;
  private readonly write: (work: (tx: SqliteTransaction) => unknown) => unknown;
  private readonly read: (work: (tx: SqliteTransaction) => unknown) => unknown;
  private closed = false;

  /** Use {@link openSqliteStore}. */
  constructor(
    /** The connection (for inspection and tests; write through the store). */
    readonly db: Database.Database,
    options: Omit<SqliteStoreOptions, keyof DatabaseLocation | keyof ConnectionOptions> = {},
  ) {
    const retention = options.retention ?? {};
    const eventMaxAgeMs = retention.eventMaxAgeMs;
    if (eventMaxAgeMs !== undefined && !(eventMaxAgeMs > 0)) {
      throw new StorageError('INVALID_OPTIONS', '"retention.eventMaxAgeMs" must be above 0.');
    }
    const { eventsPerUser, activityPerUser, commandResultMaxAgeMs } = DEFAULT_RETENTION;
    const limits = {
      eventsPerUser: wholeOption(retention.eventsPerUser, eventsPerUser, 'eventsPerUser'),
      activityPerUser: wholeOption(retention.activityPerUser, activityPerUser, 'activityPerUser'),
      commandResultMaxAgeMs: wholeOption(
        retention.commandResultMaxAgeMs,
        commandResultMaxAgeMs,
        'commandResultMaxAgeMs',
      ),
    };
    this.eventMaxAgeMs = eventMaxAgeMs;
    this.migrations = migrate(db);
    this.statements = new Statements(db);
    this.directory = new Directory(db);
    this.context = {
      statements: this.statements,
      directory: this.directory,
      idPrefix: options.idPrefix ?? '',
      ...limits,
      now: options.now ?? Date.now,
    };
    this.reports = new SqlReports(db);
    const run = db.transaction((work: (tx: SqliteTransaction) => unknown) => {
      this.directory.checkFreshness();
      const tx = new SqliteTransaction(this.context);
      try {
        return work(tx);
      } finally {
        tx.close();
      }
    });
    this.write = (work) => run.immediate(work);
    this.read = (work) => run.deferred(work);
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
    try {
      return (readOnly ? this.read : this.write)(work) as T;
    } catch (error) {
      // What the work cached of the directory may have been rolled back.
      this.directory.invalidate();
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
    this.run((tx) => importSeed(tx, this.directory, this.statements, seed));
  }

  /**
   * Drops what retention no longer keeps: events older than `eventMaxAgeMs` and command results
   * older than `commandResultMaxAgeMs` (both measured on the store's clock). Count limits are
   * kept as events are appended; this handles age. Returns how many events were dropped.
   */
  prune(): number {
    const now = this.context.now();
    return this.run(() => {
      const sql = this.statements;
      sql.dropCommandResultsBefore.run(now - this.context.commandResultMaxAgeMs);
      if (this.eventMaxAgeMs === undefined) return 0;
      const cutoff = now - this.eventMaxAgeMs;
      let dropped = 0;
      for (const stream of sql.expiredStreams.all(cutoff)) {
        // Keep the tail from the first event that is recent enough (none: the stream's end).
        const oldest =
          sql.firstEventSince.get(stream.user_id, stream.oldest_seq, cutoff) ?? stream.last_seq + 1;
        dropped += sql.dropEventsBefore.run(stream.user_id, oldest).changes;
        sql.setOldestSeq.run(oldest, stream.user_id);
      }
      return dropped;
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
