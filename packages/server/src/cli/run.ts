/**
 * The admin CLI `live-chat-server`: configuration (`config check`, `config apply`), tokens for
 * operations (`token mint`), the customer simulator (`simulate`) and `serve` (the server with
 * the channel webhooks, on SQLite or PostgreSQL). {@link runCli} runs one command and resolves
 * its exit code.
 */
import { mintToken } from '../auth.js';
import { loadConfigFile } from '../config/apply.js';
import { ConfigError } from '../config/schema.js';
import {
  numberOption,
  parseArgs,
  secretOption,
  stringOption,
  UsageError,
  type Args,
} from './args.js';
import { configApply, serve, type CliIo } from './serve.js';
import { simulateCustomers } from './simulate.js';

export type { CliIo } from './serve.js';

/** The CLI's help text. */
export const USAGE = `Usage: live-chat-server <command> [options]

  config check FILE                     validate a configuration file
  config apply FILE [--data DIR | --database-url URL]
                                        apply it to the database (SQLite in DIR, created when
                                        new, or PostgreSQL); sessions and messages are kept
  token mint --user ID (--secret S | --secret-env NAME) [--ttl SEC] [--issuer I] [--audience A]
                                        print a token for the server (HS256)
  simulate --url URL --channel ID (--secret S | --secret-env NAME)
           [--rate N] [--duration SEC] [--customers K] [--max N]
                                        post signed customer messages to a channel webhook
  serve [--data DIR | --database-url URL] [--secret S | --secret-env NAME | --jwks-url URL]
        [--config FILE] [--port P] [--host H] [--log-level L] [--metrics] [--dev]
        [--attachments-dir DIR] [--attachment-max-bytes N] [--attachments-per-message N]
        [--attachment-types T,T] [--allowed-origins O,O] [--public-url URL]
                                        run the server with the channel webhooks until
                                        SIGTERM or SIGINT

Settings from the environment (a flag wins over its variable):
  DATABASE_URL          postgres://… runs on PostgreSQL (several instances may share it)
  LIVE_CHAT_DATA_DIR    SQLite in this directory (--data), when DATABASE_URL is not set
  LIVE_CHAT_SECRET      HS256 token secret, at least 32 bytes (--secret)
  LIVE_CHAT_JWKS_URL    verify tokens with the keys at this URL instead (--jwks-url)
  LIVE_CHAT_CONFIG      configuration file applied at start (--config)
  PORT, HOST            where to listen (default 8080 on 127.0.0.1)
  LOG_LEVEL             fatal, error, warn, info (default), debug, trace or silent
  LIVE_CHAT_METRICS=1   serve Prometheus metrics at /metrics (--metrics)
  LIVE_CHAT_METRICS_TOKEN
                        the bearer token /metrics asks for (at least 16 characters)
  LIVE_CHAT_ATTACHMENTS_DIR
                        where files are kept (--attachments-dir; SQLite: DIR/attachments by
                        default; PostgreSQL: no files unless set, shared by every instance)
  LIVE_CHAT_ATTACHMENT_MAX_BYTES
                        largest file, in bytes (default 10485760)
  LIVE_CHAT_ATTACHMENTS_PER_MESSAGE
                        most files per message (default 5)
  LIVE_CHAT_ATTACHMENT_TYPES
                        accepted types, comma-separated (default image/png, image/jpeg,
                        image/gif, image/webp, application/pdf, text/plain, application/zip)
  LIVE_CHAT_ALLOWED_ORIGINS
                        origins whose pages may use the server, comma-separated (default any)
  LIVE_CHAT_PUBLIC_URL  the server's address as channels reach it, for links to files
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

/** Runs one CLI command; resolves the exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv, ['dev', 'help', 'metrics']);
    const [group, command] = args.positional;
    if (args.options.has('help') || group === undefined || group === 'help') {
      io.out(USAGE);
      return group === undefined && !args.options.has('help') ? 2 : 0;
    }
    if (group === 'config' && command === 'check') return configCheck(args, io);
    if (group === 'config' && command === 'apply') {
      const file = args.positional[2];
      if (!file) throw new UsageError('config apply needs a FILE.');
      return await configApply(args, file, io);
    }
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
