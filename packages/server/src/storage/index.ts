/**
 * SQLite storage for the live chat engine: the embedded default backend of `@live-chat/server`.
 *
 * - {@link openSqliteStore} opens (creating and migrating) a database and gives the engine's
 *   synchronous storage port over it: better-sqlite3 12, WAL, one SQLite transaction per engine
 *   transaction, FTS5 trigram indexes for search, SQL versions of the reports.
 * - {@link createSqliteBackend} combines it with `createEngine` into a backend with the memory
 *   backend's per-user API (`snapshot`, `events`/`listen`, `execute`, `history`, `search`,
 *   `report`) and customer side (`customerWrites`, `addCustomer`), for `createLiveChatServer`.
 *
 * ```ts
 * const backend = createSqliteBackend({ dataDir: './data', seed: createSeedData() });
 * const server = await createLiveChatServer({ backend, auth, port: 8080 });
 * ```
 *
 * The schema is in `migrations/` (applied in order on open, recorded in `schema_migrations`).
 *
 * @module
 */
export { createSqliteBackend, SqliteBackend } from './backend.js';
export type { SqliteBackendOptions } from './backend.js';
export { openSqliteStore, SqliteStore } from './store.js';
export type { SqliteRetention, SqliteStoreOptions } from './store.js';
export { DEFAULT_RETENTION } from './retention.js';
export type { SqlStoreOptions, StoreRetention } from './retention.js';
export { SqlBackend } from './sql-backend.js';
export type { SessionListReads, SqlBackendStore } from './sql-backend.js';
export { DATABASE_FILE_NAME } from './database.js';
export type { ConnectionOptions, DatabaseLocation } from './database.js';
export { StorageError } from './errors.js';
export type { StorageErrorCode } from './errors.js';
export { MIGRATIONS, migrate } from './migrations/index.js';
export type { Migration, MigrationReport, MigrationStep } from './migrations/index.js';
export { SqlReports } from './reports.js';
export { SqliteTransaction } from './transaction.js';
