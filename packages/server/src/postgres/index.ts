/**
 * PostgreSQL storage for the live chat engine: the scale-out backend of `@live-chat/server`,
 * for several server instances on one database (`DATABASE_URL=postgres://…`).
 *
 * - {@link openPostgresStore} opens (and migrates) a database and gives the engine's
 *   asynchronous storage port over a `pg` pool: SERIALIZABLE write transactions that lock the
 *   sessions they change and each user's seq counter, run again after a lost race.
 * - {@link createPostgresBackend} combines it with `createEngine` into a backend with the SQLite
 *   backend's per-user API, every call answering with a promise, and live delivery across
 *   instances: `NOTIFY` says which users have new events, each instance reads them from the
 *   events table for its listeners.
 * - The channel tables (migration 3) let every instance serve the channel webhooks of
 *   `createChannels`: inbound messages are stored once whichever instance receives them, and
 *   outbound deliveries are claimed by one instance at a time (`FOR UPDATE SKIP LOCKED` and a
 *   lease), so a delivery whose instance died is made by another.
 *
 * ```ts
 * const backend = await createPostgresBackend({ url: process.env.DATABASE_URL!, seed });
 * const server = await createLiveChatServer({ backend, auth, port: 8080 });
 * ```
 *
 * The schema is in `migrations/` (applied in order on open, recorded in `schema_migrations`).
 *
 * @module
 */
export { createPostgresBackend, isPostgresUrl, PostgresBackend } from './backend.js';
export type { PostgresBackendOptions } from './backend.js';
export { EVENTS_CHANNEL, openPostgresStore, PostgresStore } from './store.js';
export type { PostgresRetention, PostgresStoreOptions } from './store.js';
export { POSTGRES_MIGRATIONS, migratePostgres } from './migrations/index.js';
export type { PostgresMigration, PostgresMigrationReport } from './migrations/index.js';
export { PostgresReports } from './reports.js';
export { PostgresTransaction } from './transaction.js';
export { CrossInstanceDelivery, TYPING_CHANNEL } from './fan-out.js';
