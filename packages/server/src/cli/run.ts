/**
 * The admin CLI `live-chat-server`: configuration (`config check`, `config apply`), tokens for
 * operations (`token mint`), the customer simulator (`simulate`) and `serve` (a SQLite server
 * with the channel webhooks). {@link runCli} runs one command and resolves its exit code.
 */
import { pino } from 'pino';
import { mintToken } from '../auth.js';
import { createChannels } from '../channels/index.js';
import { applyConfig, configToSeed, loadConfigFile } from '../config/apply.js';
import { ConfigError } from '../config/schema.js';
import { createLiveChatServer } from '../server.js';
import { createSqliteBackend } from '../storage/backend.js';
import { openSqliteStore } from '../storage/store.js';
import {
  numberOption,
  parseArgs,
  secretOption,
  stringOption,
  UsageError,
  type Args,
} from './args.js';
import { simulateCustomers } from './simulate.js';

/** Where the CLI writes, and what it reads (tests pass their own). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export const USAGE = `Usage: live-chat-server <command> [options]

  config check FILE                     validate a configuration file
  config apply FILE --data DIR          apply it to the database in DIR (created when new);
                                        sessions and messages are kept
  token mint --user ID (--secret S | --secret-env NAME) [--ttl SEC] [--issuer I] [--audience A]
                                        print a token for the server (HS256)
  simulate --url URL --channel ID (--secret S | --secret-env NAME)
           [--rate N] [--duration SEC] [--customers K] [--max N]
                                        post signed customer messages to a channel webhook
  serve --data DIR (--secret S | --secret-env NAME) [--config FILE] [--port P] [--host H] [--dev]
                                        run the server on SQLite with the channel webhooks
`;

function configCheck(args: Args, io: CliIo): number {
  const file = args.positional[2];
  if (!file) throw new UsageError('config check needs a FILE.');
  const config = loadConfigFile(file);
  io.out(
    `${file}: valid (${config.users.length} users, ${config.liveChats.length} live chats, ` +
      `${config.groups.length} groups, ${config.customers.length} customers, ` +
      `${config.channels.length} channels)`,
  );
  return 0;
}

function configApply(args: Args, io: CliIo): number {
  const file = args.positional[2];
  if (!file) throw new UsageError('config apply needs a FILE.');
  const dataDir = stringOption(args, 'data');
  const config = loadConfigFile(file);
  const store = openSqliteStore({ dataDir });
  try {
    const report = applyConfig(store, config);
    io.out(
      `applied ${file} to ${dataDir}: ${report.users} users, ${report.liveChats} live chats, ` +
        `${report.groups} groups, ${report.customersAdded} customers added, ${report.channels} channels`,
    );
    for (const [kind, ids] of Object.entries(report.notInFile)) {
      if (ids.length > 0) io.out(`kept (not in the file): ${kind} ${ids.join(', ')}`);
    }
  } finally {
    store.close();
  }
  return 0;
}

async function tokenMint(args: Args, io: CliIo): Promise<number> {
  const token = await mintToken({
    secret: secretOption(args, 'secret', io.env),
    userId: stringOption(args, 'user'),
    ttlSec: numberOption(args, 'ttl', 3600, 1, 30 * 86_400),
    issuer: args.options.get('issuer') as string | undefined,
    audience: args.options.get('audience') as string | undefined,
  });
  io.out(token);
  return 0;
}

async function simulate(args: Args, io: CliIo): Promise<number> {
  const report = await simulateCustomers({
    url: stringOption(args, 'url'),
    channel: stringOption(args, 'channel'),
    secret: secretOption(args, 'secret', io.env),
    rate: numberOption(args, 'rate', 1, 0.01, 1000),
    durationSec: numberOption(args, 'duration', 10, 0, 3600),
    customers: numberOption(args, 'customers', 5, 1, 10_000),
    maxMessages:
      args.options.get('max') === undefined
        ? undefined
        : numberOption(args, 'max', undefined, 1, 100_000),
  });
  const statuses = Object.entries(report.statuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  io.out(`sent ${report.sent} messages in ${report.elapsedMs} ms (${statuses || 'no answers'})`);
  const failed = Object.entries(report.statuses).some(([status]) => !/^20[01]$/.test(status));
  return failed ? 1 : 0;
}

async function serve(args: Args, io: CliIo): Promise<number> {
  const dataDir = stringOption(args, 'data');
  const secret = secretOption(args, 'secret', io.env);
  const configFile = args.options.get('config');
  const config = typeof configFile === 'string' ? loadConfigFile(configFile) : undefined;
  const backend = createSqliteBackend({ dataDir, ...(config && { seed: configToSeed(config) }) });
  if (config) applyConfig(backend.store, config);
  const logger = pino({ name: 'live-chat-server', level: io.env.LOG_LEVEL ?? 'info' });
  const channels = createChannels({ backend, logger });
  const server = await createLiveChatServer({
    backend,
    auth: { secret },
    port: numberOption(args, 'port', 8080, 0, 65_535),
    host: stringOption(args, 'host', '127.0.0.1'),
    dev: args.options.get('dev') === true,
    logger,
    handlers: [channels.handle],
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await server.close();
  await channels.close();
  await backend.dispose();
  return 0;
}

/** Runs one CLI command; resolves the exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv, ['dev', 'help']);
    const [group, command] = args.positional;
    if (args.options.has('help') || group === undefined || group === 'help') {
      io.out(USAGE);
      return group === undefined && !args.options.has('help') ? 2 : 0;
    }
    if (group === 'config' && command === 'check') return configCheck(args, io);
    if (group === 'config' && command === 'apply') return configApply(args, io);
    if (group === 'token' && command === 'mint') return await tokenMint(args, io);
    if (group === 'simulate') return await simulate(args, io);
    if (group === 'serve') return await serve(args, io);
    throw new UsageError(`Unknown command "${args.positional.join(' ')}".`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 1;
    }
    io.err(`Failed: ${(error as Error).message}`);
    return 1;
  }
}
