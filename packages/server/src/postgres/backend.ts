/**
 * A live chat backend on PostgreSQL: the engine of `@live-chat/core/engine` over a
 * {@link PostgresStore}, with live delivery across every instance on the same database (see
 * {@link SqlBackend}). It offers the per-user API of the SQLite backend (what
 * `createLiveChatServer` serves) plus the customer side for channels; every call answers with a
 * promise, except `listen` and `onMessage`.
 */
import type { SeedData } from '@live-chat/adapters';
import {
  resolveBackendAttachments,
  type BackendAttachmentOptions,
  type ResolvedAttachments,
} from '../attachments/setup.js';
import { SqlBackend } from '../storage/sql-backend.js';
import { CrossInstanceDelivery } from './fan-out.js';
import { PostgresReports } from './reports.js';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from './store.js';

/** Options of {@link createPostgresBackend}. */
export type PostgresBackendOptions = PostgresStoreOptions & {
  /**
   * Data for a new database (the directory, optionally history, or a memory backend's saved
   * state); ignored when the database already has a directory.
   */
  seed?: SeedData | (() => SeedData);
  /** The clock of the engine and the store (default `Date.now`). */
  now?: () => number;
  /** How often retention by age runs, in ms (default 60,000; 0: only through `prune()`). */
  pruneIntervalMs?: number;
  /**
   * The safety-net poll of live listeners' streams, in ms (default 5000; 0: none). Notifications
   * deliver at once; the poll only catches what a lost notification left behind.
   */
  pollIntervalMs?: number;
  /** Told about background failures: prune, the `LISTEN` connection, reads for listeners. */
  onBackgroundError?: (error: unknown) => void;
  /**
   * Where files attached to messages are kept and what is accepted. There is no default
   * directory: give `dir` (shared by every instance on the database, e.g. a network volume) or a
   * `storage` of your own (e.g. object storage); without either the backend takes no files.
   */
  attachments?: BackendAttachmentOptions | false;
};

/** Whether `url` names a PostgreSQL database (`postgres://` or `postgresql://`). */
export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//i.test(url);
}

/** The PostgreSQL backend (see the module comment). Create one with {@link createPostgresBackend}. */
export class PostgresBackend extends SqlBackend<'async', PostgresStore> {
  /** The report figures computed by SQL over this database. */
  readonly reports: PostgresReports;
  private readonly crossInstance: CrossInstanceDelivery;

  /** Use {@link createPostgresBackend}. */
  constructor(
    store: PostgresStore,
    private readonly options: PostgresBackendOptions,
    attachments: ResolvedAttachments | undefined = resolveBackendAttachments(
      options.attachments,
      undefined,
    ),
  ) {
    const delivery = new CrossInstanceDelivery({
      url: options.url,
      pool: store.pool,
      pollIntervalMs: options.pollIntervalMs,
      onError: options.onBackgroundError,
    });
    super(store, delivery, options.now, attachments);
    this.crossInstance = delivery;
    this.reports = new PostgresReports(store.pool);
  }

  /** Starts live delivery and the prune timer (called by {@link createPostgresBackend}). */
  async start(): Promise<void> {
    await this.crossInstance.start();
    this.prunePeriodically(this.options.pruneIntervalMs ?? 60_000, this.options.onBackgroundError);
  }

  /** Stops live delivery and closes the pool. */
  protected async close(): Promise<void> {
    await this.crossInstance.stop();
    await this.store.close();
  }
}

/**
 * Opens a PostgreSQL backend on `url` (e.g. `process.env.DATABASE_URL`): migrates the database
 * when needed, loads `seed` into a new one (one instance does, when several start at once),
 * and starts listening for other instances' changes.
 */
export async function createPostgresBackend(
  options: PostgresBackendOptions,
): Promise<PostgresBackend> {
  // Checked before anything opens: a bad policy throws here.
  const attachments = resolveBackendAttachments(options.attachments, undefined);
  const store = await openPostgresStore(options);
  const backend = new PostgresBackend(store, options, attachments);
  try {
    const { seed } = options;
    if (seed !== undefined && (await store.isEmpty())) {
      await store.importSeed(typeof seed === 'function' ? seed() : seed);
    }
    await backend.start();
  } catch (error) {
    await backend.dispose();
    throw error;
  }
  return backend;
}
