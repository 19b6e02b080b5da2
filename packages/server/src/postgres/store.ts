/**
 * The PostgreSQL store behind the engine of `@live-chat/core/engine`: an asynchronous
 * {@link StoragePort} over a `pg` connection pool, for several server instances on one database.
 *
 * - Write transactions run at `READ COMMITTED` and lock what they read to change: each session
 *   and customer (`SELECT … FOR NO KEY UPDATE`, see `PostgresTransaction`), and each user's seq
 *   counter row. The counter rows are locked last, when the work is done
 *   (`PostgresTransaction.flush` numbers the transaction's events then, in one statement, users
 *   in order of their ids), so concurrent writes queue on them in one order instead of
 *   deadlocking, and hold them only until `COMMIT`. Writes of the same records wait for each
 *   other instead of failing: exactly one of concurrent takes wins (the others then read the
 *   taken session), seqs are gap-free and commit in seq order, and a `commandId` retried on
 *   another instance meets the first one's record (its `INSERT` waits for the first and then
 *   fails, and the retried run answers with the first result).
 * - The few lost races left (a unique key taken meanwhile, a session read unlocked that changed
 *   before it was locked, a deadlock) roll the transaction back and run it again from the start
 *   after a short random pause; the engine makes every run start afresh.
 * - Every write holds the directory lock shared; a directory write (seeding, a configuration)
 *   holds it exclusively, so no write runs on a directory that changes under it.
 * - Before `COMMIT`, a write transaction that appended events sends `NOTIFY live_chat_events`
 *   with which users got events up to which seq (delivered by PostgreSQL only if it commits).
 * - Read-only transactions run at `REPEATABLE READ READ ONLY`: one consistent snapshot, never a
 *   serialization failure.
 */
import pg from 'pg';
import type { Id } from '@live-chat/core';
import type {
  DirectoryView,
  StoragePort,
  StoreTransaction,
  TransactionOptions,
} from '@live-chat/core/engine';
import type { SeedData } from '@live-chat/adapters';
import { StorageError } from '../storage/errors.js';
import {
  storeSettings,
  wholeOption,
  type SqlStoreOptions,
  type StoreRetention,
  type StoreSettings,
} from '../storage/retention.js';
import { SqlChannelStore } from '../channels/sql-channel-store.js';
import { POSTGRES_CHANNEL_DIALECT, postgresRunner } from './channel-store.js';
import { loadDirectory } from './directory.js';
import { migratePostgres, type PostgresMigrationReport } from './migrations/index.js';
import { importSeed } from './seed.js';
import { PostgresTransaction } from './transaction.js';

/** The channel of `NOTIFY`: which users have new events, up to which seq. */
export const EVENTS_CHANNEL = 'live_chat_events';

/**
 * The advisory lock that directory writes of several instances take turns through (seeding a
 * new database, applying a configuration), held exclusively until the transaction ends. Every
 * other write transaction holds it shared.
 */
export const DIRECTORY_LOCK = 1279480645;

/** A `NOTIFY` payload must stay below 8000 bytes; larger announcements are split. */
const NOTIFY_PAYLOAD_BYTES = 7000;

/** How long the store keeps what only serves retries and resumes. */
export type PostgresRetention = StoreRetention;

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions extends SqlStoreOptions {
  /** `postgres://user:password@host:port/database` (e.g. `DATABASE_URL`). */
  url: string;
  /** Connections of the pool (default 10). */
  poolSize?: number;
  /** How many times a transaction runs at most when it keeps losing races (default 30). */
  maxAttempts?: number;
}

/** SQLSTATEs after which a transaction is run again. */
const RETRYABLE = new Set([
  '40001', // serialization_failure: also a session that changed after an unlocked read
  '40P01', // deadlock_detected
  '23505', // unique_violation: another transaction inserted the key first
]);

/** Whether `error` is a lost race that running the transaction again resolves. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 64-bit integers (seqs, times, counts) come back as numbers; numeric averages too. */
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    if (oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** A pg client config for `url` with this store's type parsing. */
export function clientConfig(url: string): pg.ClientConfig {
  return { connectionString: url, types: TYPES };
}

/** Splits what a transaction appended into `NOTIFY` payloads: JSON `[[userId, seq], …]`. */
export function notifyPayloads(appended: ReadonlyMap<Id, number>): string[] {
  const payloads: string[] = [];
  let batch: [Id, number][] = [];
  let size = 2;
  for (const entry of appended) {
    const length = Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (batch.length > 0 && size + length > NOTIFY_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify(batch));
      batch = [];
      size = 2;
    }
    batch.push(entry);
    size += length;
  }
  if (batch.length > 0) payloads.push(JSON.stringify(batch));
  return payloads;
}

/** The PostgreSQL store (see the module comment). Open one with {@link openPostgresStore}. */
export class PostgresStore implements StoragePort<'async'> {
  readonly mode = 'async';
  readonly pool: pg.Pool;
  private readonly settings: StoreSettings;
  private readonly maxAttempts: number;
  /** The directory as last read, and the version of it. */
  private directory: { view: DirectoryView; version: number } | undefined;
  private closed = false;
  /** What opening the database migrated (set by {@link openPostgresStore}). */
  migrations: PostgresMigrationReport = { applied: [], version: 0 };
  /** Transactions run again after a lost race, since the store opened (for tests and metrics). */
  retries = 0;
  /** {@link retries} by the SQLSTATE of the lost race (`40001`, `40P01`, `23505`). */
  readonly retriesByCode = new Map<string, number>();
  /** The channel records (endpoints, inbound ids, the outbound queue), shared by all instances. */
  readonly channels: SqlChannelStore<'async'>;

  /** Use {@link openPostgresStore}. */
  constructor(readonly options: PostgresStoreOptions) {
    this.settings = storeSettings(options);
    this.maxAttempts = wholeOption(options.maxAttempts, 30, 'maxAttempts');
    this.pool = new pg.Pool({ ...clientConfig(options.url), max: options.poolSize ?? 10 });
    // An idle connection the server dropped: the pool replaces it; nothing to do here.
    this.pool.on('error', () => {});
    this.channels = new SqlChannelStore(postgresRunner(this.pool), POSTGRES_CHANNEL_DIALECT);
  }

  /** Runs `work` in one transaction (see the module comment), running it again after a lost race. */
  transaction<T>(
    work: (tx: StoreTransaction<'async'>) => T | PromiseLike<T>,
    options?: TransactionOptions,
  ): Promise<T> {
    return this.run(work, options?.readOnly === true);
  }

  /**
   * Like {@link transaction}, with the store's own transaction type (search hooks included). A
   * `directoryWrite` (seeding, applying a configuration) holds the directory lock exclusively:
   * no other write runs meanwhile.
   */
  async run<T>(
    work: (tx: PostgresTransaction) => T | PromiseLike<T>,
    readOnly = false,
    directoryWrite = false,
  ): Promise<T> {
    const begin = readOnly
      ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'
      : `BEGIN ISOLATION LEVEL READ COMMITTED; ` +
        `SELECT pg_advisory_xact_lock${directoryWrite ? '' : '_shared'}(${DIRECTORY_LOCK})`;
    for (let attempt = 1; ; attempt++) {
      if (this.closed) throw new StorageError('CLOSED', 'The store is closed.');
      const client = await this.pool.connect();
      let tx: PostgresTransaction | undefined;
      let broken: unknown;
      try {
        // One round trip: BEGIN, the directory lock, and the directory's version (read once the
        // lock is held: a directory write that held it has committed).
        const results = (await client.query(
          `${begin}; SELECT value FROM counters WHERE name = 'directory'`,
        )) as unknown as pg.QueryResult<{ value: number }>[];
        const version = results.at(-1)!.rows[0]!.value;
        if (this.directory?.version !== version) {
          this.directory = { view: await loadDirectory(client), version };
        }
        tx = new PostgresTransaction(client, this.settings, this.directory.view, readOnly);
        const value = await work(tx);
        await tx.flush();
        tx.close();
        // One round trip: the notifications and COMMIT (the counter rows are held until then).
        const notify = notifyPayloads(tx.appended)
          .map(
            (payload) =>
              `SELECT pg_notify('${EVENTS_CHANNEL}', ${client.escapeLiteral(payload)}); `,
          )
          .join('');
        await client.query(`${notify}COMMIT`);
        return value;
      } catch (error) {
        tx?.close();
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError;
        }
        if (!isRetryable(error) || attempt >= this.maxAttempts) throw error;
        this.retries++;
        const code = (error as { code: string }).code;
        this.retriesByCode.set(code, (this.retriesByCode.get(code) ?? 0) + 1);
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
      // Back off a little, at random, so racing instances do not meet again at once.
      await sleep(Math.random() * Math.min(100, 2 * 2 ** Math.min(attempt, 6)));
    }
  }

  /** Whether the database has no directory yet (nothing was seeded). */
  async isEmpty(): Promise<boolean> {
    return this.run((tx) => [...tx.users()].length === 0 && [...tx.liveChats()].length === 0, true);
  }

  /**
   * Loads seed data (or a memory backend's saved state) in one transaction, unless the database
   * already has a directory (several instances may start at once: one seeds, the others find
   * it seeded). Answers whether it loaded it.
   */
  async importSeed(seed: SeedData): Promise<boolean> {
    // Seeding is a directory write: instances take turns, and the lock ends with the transaction.
    return this.run(
      async (tx) => {
        if ([...tx.users()].length > 0 || [...tx.liveChats()].length > 0) return false;
        const { rows } = await tx.connection.query<{ n: number }>(
          'SELECT count(*) AS n FROM users',
        );
        if (rows[0]!.n > 0) return false;
        await importSeed(tx, seed);
        return true;
      },
      false,
      true,
    );
  }

  /**
   * Drops what retention no longer keeps: command results older than `commandResultMaxAgeMs`
   * and events older than `eventMaxAgeMs` (on the store's clock). Returns how many events were
   * dropped.
   */
  async prune(): Promise<number> {
    const now = this.settings.now();
    return this.run(async (tx) => {
      const db = tx.connection;
      await db.query('DELETE FROM command_results WHERE at < $1', [
        now - this.settings.commandResultMaxAgeMs,
      ]);
      const { eventMaxAgeMs } = this.settings;
      if (eventMaxAgeMs === undefined) return 0;
      const cutoff = now - eventMaxAgeMs;
      // Each expired stream keeps its tail from the first recent event (none: its end).
      const { rows } = await db.query<{ n: number }>(
        `WITH expired AS (
           SELECT s.user_id,
             coalesce((SELECT min(e.seq) FROM events e
                       WHERE e.user_id = s.user_id AND e.at >= $1), s.last_seq + 1) AS keep_from
           FROM event_streams s
           JOIN events o ON o.user_id = s.user_id AND o.seq = s.oldest_seq
           WHERE o.at < $1),
         moved AS (
           UPDATE event_streams s SET oldest_seq = x.keep_from
           FROM expired x WHERE s.user_id = x.user_id),
         dropped AS (
           DELETE FROM events e USING expired x
           WHERE e.user_id = x.user_id AND e.seq < x.keep_from RETURNING 1)
         SELECT count(*) AS n FROM dropped`,
        [cutoff],
      );
      return rows[0]!.n;
    });
  }

  /** Seq of the user's last event (0 before the first). */
  async lastSeq(userId: Id): Promise<number> {
    return this.run((tx) => tx.lastSeq(userId), true);
  }

  /** Whether the database answers (for readiness probes). */
  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Whether the store was closed (its pool ended). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Closes the pool once transactions in flight ended; later calls fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/**
 * Opens a PostgreSQL store: connects, and brings the database to this release's schema (see
 * `migrations/`); an up-to-date one is left as it is.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const store = new PostgresStore(options);
  try {
    const client = await store.pool.connect();
    try {
      store.migrations = await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
