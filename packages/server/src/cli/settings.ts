/**
 * What `serve` and `config apply` run with, from their flags and the environment: a flag wins
 * over its environment variable. Every problem is a {@link UsageError} that names the flag or
 * the variable it came from, and never repeats a secret.
 */
import type { AttachmentPolicy } from '@live-chat/core';
import { attachmentPolicyProblem } from '../attachments/policy.js';
import type { AuthOptions } from '../auth.js';
import { secretKey } from '../auth.js';
import { checkOrigins } from '../cors.js';
import { isPostgresUrl } from '../postgres/backend.js';
import { UsageError, type Args } from './args.js';

/** Where the data lives. */
export type DatabaseSetting =
  { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

/** Everything `serve` runs with. */
export interface ServeSettings {
  database: DatabaseSetting;
  auth: AuthOptions;
  port: number;
  host: string;
  logLevel: string;
  /** A configuration file to apply at start. */
  configFile?: string;
  /** Serve Prometheus metrics at `/metrics`. */
  metrics: boolean;
  /** The bearer token `/metrics` asks for. */
  metricsToken?: string;
  /** Serve `POST /dev/token` (development only). */
  dev: boolean;
  /** Where files go and what is accepted; absent: the defaults. */
  attachments?: AttachmentSettings;
  /** The origins whose pages may call the server from a browser; absent: any. */
  allowedOrigins?: string[];
  /** The server's address as channels reach it (for the links of files they are sent). */
  publicUrl?: string;
}

/** The attachment settings of `serve`; each absent one keeps its default. */
export interface AttachmentSettings {
  /** The directory of the files (SQLite's default: `attachments` in the data directory). */
  dir?: string;
  /** What uploads must meet (fields not given keep `DEFAULT_ATTACHMENT_POLICY`'s). */
  policy?: Partial<AttachmentPolicy>;
}

/** A setting's value and where it came from (`--flag` or `VARIABLE`, for messages). */
interface Found {
  value: string;
  source: string;
  /** Given as a flag (flags win over the environment). */
  flag: boolean;
}

/** The value of `--flag`, else of the environment variable, else `undefined`. */
function find(
  args: Args,
  flag: string,
  env: NodeJS.ProcessEnv,
  variable?: string,
): Found | undefined {
  const given = args.options.get(flag);
  if (typeof given === 'string' && given.length > 0) {
    return { value: given, source: `--${flag}`, flag: true };
  }
  const value = variable === undefined ? undefined : env[variable];
  return value ? { value, source: variable as string, flag: false } : undefined;
}

/** The one of `candidates` that is set (flags first); a usage error when two of a kind are. */
function oneOf<F extends Found>(candidates: (F | undefined)[], what: string): F | undefined {
  const set = candidates.filter((found): found is F => found !== undefined);
  const flags = set.filter((found) => found.flag);
  const chosen = flags.length > 0 ? flags : set;
  if (chosen.length > 1) {
    throw new UsageError(`Give one ${what}: ${chosen.map((found) => found.source).join(' or ')}.`);
  }
  return chosen[0];
}

/** `value` as a URL, or `undefined` when it is none. */
function parsedUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** A PostgreSQL URL, checked; the message shows its scheme only (it may hold a password). */
function postgresUrl({ value, source }: Found): string {
  const parsed = parsedUrl(value);
  if (!parsed || !isPostgresUrl(value)) {
    const got = parsed ? `a "${parsed.protocol}" URL` : 'something that is not a URL';
    throw new UsageError(
      `${source} must be a postgres:// or postgresql:// URL ` +
        `(postgres://user:password@host:5432/database); got ${got}. ` +
        'For SQLite, give a data directory instead (--data DIR or LIVE_CHAT_DATA_DIR).',
    );
  }
  return value;
}

/**
 * The database: `--database-url URL` or `--data DIR` (not both), else `DATABASE_URL`, else
 * `LIVE_CHAT_DATA_DIR` (an image may set a data directory that a deployment's URL overrides).
 */
export function databaseSetting(args: Args, env: NodeJS.ProcessEnv): DatabaseSetting {
  const url = find(args, 'database-url', env, 'DATABASE_URL');
  const dir = find(args, 'data', env, 'LIVE_CHAT_DATA_DIR');
  const chosen =
    oneOf(
      [url, dir].filter((found) => found?.flag),
      'database',
    ) ??
    url ??
    dir;
  if (!chosen) {
    throw new UsageError(
      'Which database? Set DATABASE_URL=postgres://… (PostgreSQL), or --data DIR or ' +
        'LIVE_CHAT_DATA_DIR (SQLite).',
    );
  }
  return chosen === dir
    ? { kind: 'sqlite', dataDir: chosen.value }
    : { kind: 'postgres', url: postgresUrl(chosen) };
}

/** The secret named by `--secret-env NAME`, if that flag is given. */
function secretFromNamedVariable(args: Args, env: NodeJS.ProcessEnv): Found | undefined {
  const name = args.options.get('secret-env');
  if (typeof name !== 'string') return undefined;
  const value = env[name];
  if (!value) throw new UsageError(`The environment variable ${name} (--secret-env) is not set.`);
  return { value, source: name, flag: true };
}

/** How tokens are checked: an HS256 secret, or the keys at a JWKS URL. */
function authSetting(args: Args, env: NodeJS.ProcessEnv): AuthOptions {
  const tagged = (kind: 'secret' | 'jwks', found: Found | undefined) => found && { ...found, kind };
  const chosen = oneOf(
    [
      tagged('secret', find(args, 'secret', env, 'LIVE_CHAT_SECRET')),
      tagged('secret', secretFromNamedVariable(args, env)),
      tagged('jwks', find(args, 'jwks-url', env, 'LIVE_CHAT_JWKS_URL')),
    ],
    'token key',
  );
  if (!chosen) {
    throw new UsageError(
      'How are tokens checked? Set LIVE_CHAT_SECRET (HS256, at least 32 bytes, e.g. ' +
        '`openssl rand -hex 32`) or LIVE_CHAT_JWKS_URL, or pass --secret, --secret-env NAME ' +
        'or --jwks-url.',
    );
  }
  if (chosen.kind === 'jwks') {
    const url = parsedUrl(chosen.value);
    if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
      throw new UsageError(`${chosen.source} must be the https:// URL of a JSON Web Key Set.`);
    }
    return { jwksUrl: chosen.value };
  }
  try {
    secretKey(chosen.value);
  } catch {
    throw new UsageError(
      `${chosen.source} must be at least 32 bytes long (e.g. \`openssl rand -hex 32\`).`,
    );
  }
  return { secret: chosen.value };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A whole number in `[min, max]` from a flag or a variable. */
function wholeNumber(found: Found | undefined, fallback: number, min: number, max: number) {
  if (!found) return fallback;
  const value = Number(found.value);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${found.source} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** Whether metrics are on: `--metrics`, or `LIVE_CHAT_METRICS` of `1`/`true` (`0`/`false`: off). */
function metricsOn(args: Args, env: NodeJS.ProcessEnv): boolean {
  if (args.options.get('metrics') === true) return true;
  const value = (env.LIVE_CHAT_METRICS ?? '').trim().toLowerCase();
  if (['1', 'true'].includes(value)) return true;
  if (['', '0', 'false'].includes(value)) return false;
  throw new UsageError('LIVE_CHAT_METRICS must be 1 (on) or 0 (off).');
}

/** A policy field from a flag or a variable, checked as the backend will check it. */
function policyField<K extends keyof AttachmentPolicy>(
  found: Found | undefined,
  field: K,
  parse: (text: string) => AttachmentPolicy[K],
): Partial<AttachmentPolicy> {
  if (!found) return {};
  const value = parse(found.value);
  const problem = attachmentPolicyProblem(field, value);
  if (problem) throw new UsageError(`${found.source} ${problem}.`);
  return { [field]: value };
}

/** The attachment settings (see {@link AttachmentSettings}); `undefined` when none is given. */
function attachmentSettings(args: Args, env: NodeJS.ProcessEnv): AttachmentSettings | undefined {
  const dir = find(args, 'attachments-dir', env, 'LIVE_CHAT_ATTACHMENTS_DIR');
  const policy = {
    ...policyField(
      find(args, 'attachment-max-bytes', env, 'LIVE_CHAT_ATTACHMENT_MAX_BYTES'),
      'maxBytes',
      Number,
    ),
    ...policyField(
      find(args, 'attachments-per-message', env, 'LIVE_CHAT_ATTACHMENTS_PER_MESSAGE'),
      'perMessage',
      Number,
    ),
    ...policyField(
      find(args, 'attachment-types', env, 'LIVE_CHAT_ATTACHMENT_TYPES'),
      'types',
      (text) =>
        text
          .split(',')
          .map((type) => type.trim())
          .filter((type) => type !== ''),
    ),
  };
  if (!dir && Object.keys(policy).length === 0) return undefined;
  return {
    ...(dir && { dir: dir.value }),
    ...(Object.keys(policy).length > 0 && { policy }),
  };
}

/** The allowed origins: `--allowed-origins` or `LIVE_CHAT_ALLOWED_ORIGINS`, comma-separated. */
function allowedOrigins(args: Args, env: NodeJS.ProcessEnv): string[] | undefined {
  const found = find(args, 'allowed-origins', env, 'LIVE_CHAT_ALLOWED_ORIGINS');
  if (!found) return undefined;
  const origins = found.value
    .split(',')
    .map((origin) => origin.trim())
    .filter((o) => o !== '');
  try {
    return [...checkOrigins(origins)];
  } catch (error) {
    throw new UsageError(
      `${found.source}: ${(error as Error).message.replace(/^allowedOrigins: /, '')}`,
    );
  }
}

/** The public URL: `--public-url` or `LIVE_CHAT_PUBLIC_URL`, an http(s) URL. */
function publicUrl(args: Args, env: NodeJS.ProcessEnv): string | undefined {
  const found = find(args, 'public-url', env, 'LIVE_CHAT_PUBLIC_URL');
  if (!found) return undefined;
  const url = parsedUrl(found.value);
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new UsageError(
      `${found.source} must be the http(s) URL channels reach the server at (https://chat.example.com).`,
    );
  }
  return found.value;
}

/** Everything `serve` runs with (see the module comment). */
export function serveSettings(args: Args, env: NodeJS.ProcessEnv): ServeSettings {
  const logLevel = find(args, 'log-level', env, 'LOG_LEVEL') ?? {
    value: 'info',
    source: 'LOG_LEVEL',
    flag: false,
  };
  if (!LOG_LEVELS.includes(logLevel.value)) {
    throw new UsageError(`${logLevel.source} must be one of ${LOG_LEVELS.join(', ')}.`);
  }
  const configFile = find(args, 'config', env, 'LIVE_CHAT_CONFIG');
  const metrics = metricsOn(args, env);
  const metricsToken = env.LIVE_CHAT_METRICS_TOKEN || undefined;
  if (metricsToken && !metrics) {
    throw new UsageError(
      'LIVE_CHAT_METRICS_TOKEN is set but metrics are off: set LIVE_CHAT_METRICS=1 (or pass --metrics).',
    );
  }
  const attachments = attachmentSettings(args, env);
  const origins = allowedOrigins(args, env);
  const url = publicUrl(args, env);
  return {
    database: databaseSetting(args, env),
    auth: authSetting(args, env),
    port: wholeNumber(find(args, 'port', env, 'PORT'), 8080, 0, 65_535),
    host: find(args, 'host', env, 'HOST')?.value ?? '127.0.0.1',
    logLevel: logLevel.value,
    ...(configFile && { configFile: configFile.value }),
    metrics,
    ...(metricsToken && { metricsToken }),
    dev: args.options.get('dev') === true,
    ...(attachments && { attachments }),
    ...(origins && { allowedOrigins: origins }),
    ...(url && { publicUrl: url }),
  };
}
