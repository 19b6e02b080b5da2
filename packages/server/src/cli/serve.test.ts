// `serve` for deployment: what it runs with, from flags and the environment (flags win), the
// errors for what is missing or wrong (naming the setting, never repeating a secret), and a
// server started from the environment alone, on SQLite and on PostgreSQL, with its health,
// the channel webhook, metrics shared by the server and the channels, and files kept in their
// directory (on PostgreSQL only when one is given).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { mintToken } from '../auth.js';
import { signBody } from '../channels/signature.js';
import { describeWithPostgres } from '../postgres/testing/pg-server.js';
import { createTempDir, type TempDir } from '../storage/testing/temp-dir.js';
import { DEMO_CONFIG_FILE } from '../testing/channel-server.js';
import { postFile, SAMPLE_FILES } from '../testing/files.js';
import { waitFor } from '../testing/harness.js';
import { parseArgs } from './args.js';
import { runCli } from './run.js';
import { serveSettings, type ServeSettings } from './settings.js';

const SECRET = 'a-token-secret-of-at-least-32-bytes!!';
const PG_URL = 'postgres://app:s3cret@db.internal:5432/livechat';
const JWKS_URL = 'https://id.example.com/.well-known/jwks.json';
const METRICS_TOKEN = 'a-metrics-token-0123456789';

const DEFAULTS = { port: 8080, host: '127.0.0.1', logLevel: 'info', metrics: false, dev: false };

describe('serve settings', () => {
  const cases: {
    name: string;
    argv?: string[];
    env: NodeJS.ProcessEnv;
    settings: Omit<ServeSettings, keyof typeof DEFAULTS> & Partial<ServeSettings>;
  }[] = [
    {
      name: 'PostgreSQL and every other setting from the environment',
      env: {
        DATABASE_URL: PG_URL,
        LIVE_CHAT_SECRET: SECRET,
        PORT: '9000',
        HOST: '0.0.0.0',
        LOG_LEVEL: 'warn',
        LIVE_CHAT_CONFIG: '/etc/live-chat.json',
        LIVE_CHAT_METRICS: '1',
        LIVE_CHAT_METRICS_TOKEN: METRICS_TOKEN,
      },
      settings: {
        database: { kind: 'postgres', url: PG_URL },
        auth: { secret: SECRET },
        port: 9000,
        host: '0.0.0.0',
        logLevel: 'warn',
        configFile: '/etc/live-chat.json',
        metrics: true,
        metricsToken: METRICS_TOKEN,
      },
    },
    {
      name: 'SQLite in LIVE_CHAT_DATA_DIR, with the defaults',
      env: { LIVE_CHAT_DATA_DIR: '/var/lib/live-chat', LIVE_CHAT_SECRET: SECRET },
      settings: {
        database: { kind: 'sqlite', dataDir: '/var/lib/live-chat' },
        auth: { secret: SECRET },
      },
    },
    {
      name: 'DATABASE_URL over LIVE_CHAT_DATA_DIR, and a JWKS URL instead of a secret',
      env: { DATABASE_URL: PG_URL, LIVE_CHAT_DATA_DIR: '/data', LIVE_CHAT_JWKS_URL: JWKS_URL },
      settings: { database: { kind: 'postgres', url: PG_URL }, auth: { jwksUrl: JWKS_URL } },
    },
    {
      name: 'flags win over the environment',
      argv: ['--data', '/srv/data', '--port', '8081', '--log-level', 'debug', '--metrics', '--dev'],
      env: { DATABASE_URL: PG_URL, PORT: '9000', LOG_LEVEL: 'warn', LIVE_CHAT_SECRET: SECRET },
      settings: {
        database: { kind: 'sqlite', dataDir: '/srv/data' },
        auth: { secret: SECRET },
        port: 8081,
        logLevel: 'debug',
        metrics: true,
        dev: true,
      },
    },
    {
      name: 'files, origins and the public URL from the environment',
      env: {
        LIVE_CHAT_DATA_DIR: '/d',
        LIVE_CHAT_SECRET: SECRET,
        LIVE_CHAT_ATTACHMENTS_DIR: '/srv/files',
        LIVE_CHAT_ATTACHMENT_MAX_BYTES: '2097152',
        LIVE_CHAT_ATTACHMENTS_PER_MESSAGE: '3',
        LIVE_CHAT_ATTACHMENT_TYPES: 'image/png, application/pdf',
        LIVE_CHAT_ALLOWED_ORIGINS: 'https://portal.example.com,http://localhost:5173',
        LIVE_CHAT_PUBLIC_URL: 'https://chat.example.com',
      },
      settings: {
        database: { kind: 'sqlite', dataDir: '/d' },
        auth: { secret: SECRET },
        attachments: {
          dir: '/srv/files',
          policy: { maxBytes: 2_097_152, perMessage: 3, types: ['image/png', 'application/pdf'] },
        },
        allowedOrigins: ['https://portal.example.com', 'http://localhost:5173'],
        publicUrl: 'https://chat.example.com',
      },
    },
    {
      name: 'a file flag over its variable',
      argv: ['--attachment-max-bytes', '1024'],
      env: {
        LIVE_CHAT_DATA_DIR: '/d',
        LIVE_CHAT_SECRET: SECRET,
        LIVE_CHAT_ATTACHMENT_MAX_BYTES: '9',
      },
      settings: {
        database: { kind: 'sqlite', dataDir: '/d' },
        auth: { secret: SECRET },
        attachments: { policy: { maxBytes: 1024 } },
      },
    },
    {
      name: '--secret-env over a JWKS URL in the environment',
      argv: ['--secret-env', 'PORTAL_SECRET'],
      env: { LIVE_CHAT_DATA_DIR: '/d', PORTAL_SECRET: SECRET, LIVE_CHAT_JWKS_URL: JWKS_URL },
      settings: { database: { kind: 'sqlite', dataDir: '/d' }, auth: { secret: SECRET } },
    },
  ];
  for (const { name, argv = [], env, settings } of cases) {
    it(name, () => {
      const args = parseArgs(argv, ['dev', 'metrics']);
      assert.deepEqual(serveSettings(args, env), { ...DEFAULTS, ...settings });
    });
  }

  const errors: {
    name: string;
    argv?: string[];
    env: NodeJS.ProcessEnv;
    says: RegExp;
    secret?: string;
  }[] = [
    {
      name: 'no database',
      env: { LIVE_CHAT_SECRET: SECRET },
      says: /Which database\? Set DATABASE_URL=postgres:\/\/… .*LIVE_CHAT_DATA_DIR/,
    },
    {
      name: 'a URL of another database',
      env: { DATABASE_URL: 'mysql://app:s3cret@db/chat', LIVE_CHAT_SECRET: SECRET },
      says: /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL .*got a "mysql:" URL/,
      secret: 's3cret',
    },
    {
      name: 'a database URL that is no URL',
      argv: ['--database-url', 'localhost/livechat'],
      env: { LIVE_CHAT_SECRET: SECRET },
      says: /--database-url must be a postgres:\/\/ .*got something that is not a URL/,
    },
    {
      name: 'two databases given as flags',
      argv: ['--data', '/d', '--database-url', PG_URL],
      env: { LIVE_CHAT_SECRET: SECRET },
      says: /Give one database: --database-url or --data/,
    },
    {
      name: 'no token key',
      env: { LIVE_CHAT_DATA_DIR: '/d' },
      says: /Set LIVE_CHAT_SECRET \(HS256, at least 32 bytes.*\) or LIVE_CHAT_JWKS_URL/,
    },
    {
      name: 'a secret too short',
      env: { LIVE_CHAT_DATA_DIR: '/d', LIVE_CHAT_SECRET: 'short-secret' },
      says: /LIVE_CHAT_SECRET must be at least 32 bytes long/,
      secret: 'short-secret',
    },
    {
      name: 'a secret and a JWKS URL',
      argv: ['--secret', SECRET, '--jwks-url', JWKS_URL],
      env: { LIVE_CHAT_DATA_DIR: '/d' },
      says: /Give one token key: --secret or --jwks-url/,
      secret: SECRET,
    },
    {
      name: 'a JWKS URL that is not http(s)',
      env: { LIVE_CHAT_DATA_DIR: '/d', LIVE_CHAT_JWKS_URL: 'file:///etc/jwks.json' },
      says: /LIVE_CHAT_JWKS_URL must be the https:\/\/ URL of a JSON Web Key Set/,
    },
    {
      name: 'an unset variable named by --secret-env',
      argv: ['--secret-env', 'NOT_SET'],
      env: { LIVE_CHAT_DATA_DIR: '/d' },
      says: /The environment variable NOT_SET \(--secret-env\) is not set/,
    },
    {
      name: 'a port that is no port',
      env: { LIVE_CHAT_DATA_DIR: '/d', LIVE_CHAT_SECRET: SECRET, PORT: '80a' },
      says: /PORT must be a whole number from 0 to 65535/,
    },
    {
      name: 'an unknown log level',
      env: { LIVE_CHAT_DATA_DIR: '/d', LIVE_CHAT_SECRET: SECRET, LOG_LEVEL: 'loud' },
      says: /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/,
    },
    {
      name: 'a file size that is no whole number',
      env: {
        LIVE_CHAT_DATA_DIR: '/d',
        LIVE_CHAT_SECRET: SECRET,
        LIVE_CHAT_ATTACHMENT_MAX_BYTES: '10MB',
      },
      says: /LIVE_CHAT_ATTACHMENT_MAX_BYTES must be a whole number from 1 to 268435456/,
    },
    {
      name: 'too many files per message',
      argv: ['--attachments-per-message', '50'],
      env: { LIVE_CHAT_DATA_DIR: '/d', LIVE_CHAT_SECRET: SECRET },
      says: /--attachments-per-message must be a whole number from 1 to 10/,
    },
    {
      name: 'a markup type',
      env: {
        LIVE_CHAT_DATA_DIR: '/d',
        LIVE_CHAT_SECRET: SECRET,
        LIVE_CHAT_ATTACHMENT_TYPES: 'image/png,image/svg+xml',
      },
      says: /LIVE_CHAT_ATTACHMENT_TYPES may not allow image\/svg\+xml: a browser could run what such a file holds/,
    },
    {
      name: 'an unknown type',
      env: {
        LIVE_CHAT_DATA_DIR: '/d',
        LIVE_CHAT_SECRET: SECRET,
        LIVE_CHAT_ATTACHMENT_TYPES: 'video/mp4',
      },
      says: /LIVE_CHAT_ATTACHMENT_TYPES may hold only image\/png, .* \(got "video\/mp4"\)/,
    },
    {
      name: 'an origin with a path',
      env: {
        LIVE_CHAT_DATA_DIR: '/d',
        LIVE_CHAT_SECRET: SECRET,
        LIVE_CHAT_ALLOWED_ORIGINS: 'https://portal.example.com/app',
      },
      says: /LIVE_CHAT_ALLOWED_ORIGINS: "https:\/\/portal.example.com\/app" is not an origin/,
    },
    {
      name: 'a public URL that is not http(s)',
      argv: ['--public-url', 'chat.example.com'],
      env: { LIVE_CHAT_DATA_DIR: '/d', LIVE_CHAT_SECRET: SECRET },
      says: /--public-url must be the http\(s\) URL channels reach the server at/,
    },
    {
      name: 'a metrics token with metrics off',
      env: { LIVE_CHAT_DATA_DIR: '/d', LIVE_CHAT_SECRET: SECRET, LIVE_CHAT_METRICS_TOKEN: 'x' },
      says: /LIVE_CHAT_METRICS_TOKEN is set but metrics are off: set LIVE_CHAT_METRICS=1/,
    },
  ];
  for (const { name, argv = [], env, says, secret } of errors) {
    it(`refuses ${name} (exit code 2)`, async () => {
      const err: string[] = [];
      const code = await runCli(['serve', ...argv], {
        out: () => {},
        err: (l) => err.push(l),
        env,
      });
      assert.equal(code, 2);
      assert.match(err[0]!, says);
      if (secret) assert.ok(!err.join('\n').includes(secret), 'the message repeats the secret');
    });
  }
});

/**
 * Runs `serve` with `env` and nothing else (plus the test's secrets and a free port), checks
 * the running server (files kept in `filesDir`, when given), then stops it.
 */
async function serveFromTheEnvironment(env: NodeJS.ProcessEnv, filesDir?: string): Promise<void> {
  const channelSecret = 'channel-secret-0123456789';
  const out: string[] = [];
  const err: string[] = [];
  let stop = () => {};
  const running = runCli(['serve'], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {
      ...env,
      PORT: '0',
      LOG_LEVEL: 'silent',
      LIVE_CHAT_SECRET: SECRET,
      LIVE_CHAT_CONFIG: DEMO_CONFIG_FILE,
      LIVE_CHAT_CHANNEL_SECRET: channelSecret,
      LIVE_CHAT_METRICS: '1',
      LIVE_CHAT_METRICS_TOKEN: METRICS_TOKEN,
    },
    stop: new Promise<void>((resolve) => (stop = resolve)),
  });
  await waitFor(() => out.length + err.length > 0, 'the server to start', 20_000);
  const url = /^serving (\S+) /.exec(out[0] ?? '')?.[1];
  try {
    assert.ok(url, err.join('\n'));
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    const body = JSON.stringify({
      providerMessageId: 'p-1',
      customer: { externalId: 'tg-1', name: 'Tomasz Nowak' },
      text: 'Hello',
    });
    const posted = await fetch(`${url}/channels/lc-support-telegram/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-live-chat-signature': signBody(channelSecret, body),
      },
      body,
    });
    assert.equal(posted.status, 201);
    assert.equal((await fetch(`${url}/metrics`)).status, 401);
    const metrics = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    assert.match(
      await metrics.text(),
      /live_chat_webhook_inbound_requests_total\{status="201"\} 1/,
    );
    const token = await mintToken({ secret: SECRET, userId: 'op-anna', ttlSec: 60 });
    const upload = await postFile(url, token, 'notes.txt', SAMPLE_FILES.text);
    if (filesDir) {
      assert.equal(upload.status, 201);
      const { id } = upload.json as { id: string };
      assert.ok(
        fs.existsSync(path.join(filesDir, id.slice(2, 4), `${id}.bin`)),
        'kept in the directory',
      );
    } else {
      assert.equal(upload.status, 404, 'no files without a directory');
    }
  } finally {
    stop();
    assert.equal(await running, 0);
  }
}

describe('serve on SQLite', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = createTempDir('live-chat-serve-');
  });
  afterEach(() => dir.remove());

  it('runs from the environment alone', () =>
    serveFromTheEnvironment({ LIVE_CHAT_DATA_DIR: dir.path }, path.join(dir.path, 'attachments')));
});

describeWithPostgres('serve on PostgreSQL', (server) => {
  it('runs from the environment alone', async () =>
    serveFromTheEnvironment({ DATABASE_URL: await server().createDatabase() }));

  it('keeps files in LIVE_CHAT_ATTACHMENTS_DIR', async () => {
    const files = createTempDir('live-chat-serve-files-');
    try {
      await serveFromTheEnvironment(
        { DATABASE_URL: await server().createDatabase(), LIVE_CHAT_ATTACHMENTS_DIR: files.path },
        files.path,
      );
    } finally {
      files.remove();
    }
  });
});
