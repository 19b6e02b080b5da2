/**
 * `serve`: the live chat server with the channel webhooks, on SQLite (one process) or on
 * PostgreSQL (any number of instances behind one address), configured by flags and the
 * environment (see `settings.ts`), until SIGTERM or SIGINT; and `config apply` on either
 * database.
 */
import { pino, type Logger } from 'pino';
import { createChannels } from '../channels/index.js';
import { applyConfig, configToSeed, loadConfigFile, type ApplyReport } from '../config/apply.js';
import type { LiveChatConfig } from '../config/schema.js';
import { createServerMetrics } from '../metrics/index.js';
import { createPostgresBackend, type PostgresBackend } from '../postgres/backend.js';
import { openPostgresStore } from '../postgres/store.js';
import { createLiveChatServer } from '../server.js';
import { createSqliteBackend, type SqliteBackend } from '../storage/backend.js';
import { openSqliteStore } from '../storage/store.js';
import type { Args } from './args.js';
import {
  databaseSetting,
  serveSettings,
  type AttachmentSettings,
  type DatabaseSetting,
} from './settings.js';

/** Where the CLI writes, and what it reads (tests pass their own). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Resolves when `serve` should stop (default: at SIGTERM or SIGINT). */
  stop?: Promise<unknown>;
}

/** How the database is named in messages (a URL without its password). */
function describeDatabase(database: DatabaseSetting): string {
  if (database.kind === 'sqlite') return `SQLite in ${database.dataDir}`;
  const url = new URL(database.url);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

/**
 * Opens the backend, seeds a new database from `config` and applies it. Files go to the
 * attachments directory (SQLite: `attachments` in the data directory by default; PostgreSQL:
 * only when one is given, shared by every instance).
 */
async function openBackend(
  database: DatabaseSetting,
  config: LiveChatConfig | undefined,
  logger: Logger,
  attachments: AttachmentSettings = {},
): Promise<SqliteBackend | PostgresBackend> {
  const seed = config && configToSeed(config);
  if (database.kind === 'sqlite') {
    const backend = createSqliteBackend({ dataDir: database.dataDir, seed, attachments });
    if (config) applyConfig(backend.store, config);
    return backend;
  }
  if (attachments.dir === undefined) {
    logger.warn(
      'files are off: set LIVE_CHAT_ATTACHMENTS_DIR (--attachments-dir) to a directory every instance shares',
    );
  }
  const backend = await createPostgresBackend({
    url: database.url,
    seed,
    attachments,
    onBackgroundError: (error) => logger.warn({ err: error }, 'background database work failed'),
  });
  try {
    if (config) await applyConfig(backend.store, config);
  } catch (error) {
    await backend.dispose();
    throw error;
  }
  return backend;
}

/** Resolves at the first SIGTERM or SIGINT. */
function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

/** `serve`: runs until stopped, then drains the server and closes the database. */
export async function serve(args: Args, io: CliIo): Promise<number> {
  const settings = serveSettings(args, io.env);
  const config = settings.configFile ? loadConfigFile(settings.configFile) : undefined;
  const logger = pino({ name: 'live-chat-server', level: settings.logLevel });
  const backend = await openBackend(settings.database, config, logger, settings.attachments);
  // One set of metrics for the server and the channel webhooks.
  const metrics = settings.metrics ? createServerMetrics() : undefined;
  let server: Awaited<ReturnType<typeof createLiveChatServer>> | undefined;
  const channels = createChannels({
    backend,
    logger,
    env: io.env,
    metrics,
    publicUrl: () => settings.publicUrl ?? server?.url,
  });
  try {
    server = await createLiveChatServer({
      backend,
      auth: settings.auth,
      port: settings.port,
      host: settings.host,
      dev: settings.dev,
      logger,
      metrics,
      metricsToken: settings.metricsToken,
      allowedOrigins: settings.allowedOrigins,
      handlers: [channels.handle],
    });
  } catch (error) {
    await channels.close();
    await backend.dispose();
    throw error;
  }
  io.out(`serving ${server.url} (${describeDatabase(settings.database)})`);
  await (io.stop ?? signalled());
  await server.close();
  await channels.close();
  await backend.dispose();
  return 0;
}

/** `config apply FILE`: applies the file to the database of `--data`/`--database-url`. */
export async function configApply(args: Args, file: string, io: CliIo): Promise<number> {
  const database = databaseSetting(args, io.env);
  const config = loadConfigFile(file);
  let report: ApplyReport;
  if (database.kind === 'sqlite') {
    const store = openSqliteStore({ dataDir: database.dataDir });
    try {
      report = applyConfig(store, config);
    } finally {
      store.close();
    }
  } else {
    const store = await openPostgresStore({ url: database.url });
    try {
      report = await applyConfig(store, config);
    } finally {
      await store.close();
    }
  }
  io.out(
    `applied ${file} to ${describeDatabase(database)}: ${report.users} users, ` +
      `${report.liveChats} live chats, ${report.groups} groups, ` +
      `${report.customersAdded} customers added, ${report.channels} channels`,
  );
  for (const [kind, ids] of Object.entries(report.notInFile)) {
    if (ids.length > 0) io.out(`kept (not in the file): ${kind} ${ids.join(', ')}`);
  }
  return 0;
}
