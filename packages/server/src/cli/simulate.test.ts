// The customer simulator against a real server on 127.0.0.1: bounded in count and time, and
// every message it posts lands in a session through the inbound webhook.
import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createChannels, type Channels } from '../channels/index.js';
import { applyConfig, configToSeed, loadConfigFile } from '../config/apply.js';
import { createLiveChatServer, type LiveChatServer } from '../server.js';
import { createSqliteBackend, type SqliteBackend } from '../storage/backend.js';
import { createTempDir, type TempDir } from '../storage/testing/temp-dir.js';
import { runCli } from './run.js';

const DEMO = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../config/demo.json');

describe('simulate', () => {
  let dir: TempDir;
  let backend: SqliteBackend;
  let channels: Channels;
  let server: LiveChatServer;

  beforeEach(async () => {
    dir = createTempDir('live-chat-simulate-');
    const config = loadConfigFile(DEMO);
    backend = createSqliteBackend({
      dataDir: dir.path,
      seed: configToSeed(config),
      pruneIntervalMs: 0,
    });
    applyConfig(backend.store, config);
    channels = createChannels({
      backend,
      env: { LIVE_CHAT_CHANNEL_SECRET: 'simulated-secret-0123456789' },
    });
    server = await createLiveChatServer({
      backend,
      auth: { secret: 'a-token-secret-of-at-least-32-bytes!!' },
      port: 0,
      logger: false,
      handlers: [channels.handle],
    });
  });
  afterEach(async () => {
    await server.close();
    await channels.close();
    await backend.dispose();
    dir.remove();
  });

  it('posts at most rate × duration messages from a pool of customers', async () => {
    const out: string[] = [];
    const code = await runCli(
      [
        'simulate',
        '--url',
        server.url,
        '--channel',
        'lc-support-whatsapp',
        '--secret-env',
        'SIM_SECRET',
        '--rate',
        '40',
        '--duration',
        '0.5',
        '--customers',
        '3',
      ],
      {
        out: (line) => out.push(line),
        err: (line) => out.push(line),
        env: { SIM_SECRET: 'simulated-secret-0123456789' },
      },
    );
    assert.equal(code, 0, out.join('\n'));
    const sent = Number(/sent (\d+) messages/.exec(out[0])?.[1]);
    assert.ok(sent > 0 && sent <= 20, out[0]);
    const sessions = backend
      .sessions('lc-support')
      .filter((s) => s.channel === 'whatsapp' && s.name.startsWith('Simulated'));
    assert.equal(sessions.length, Math.min(3, sent));
    const stored = sessions.reduce((sum, s) => sum + backend.messagesOf(s.id).length, 0);
    assert.equal(stored, sent);
  });

  it('refuses a wrong secret (exit code 1)', async () => {
    const out: string[] = [];
    const code = await runCli(
      [
        'simulate',
        '--url',
        server.url,
        '--channel',
        'lc-support-email',
        '--secret',
        'wrong-secret-0123456789',
        '--rate',
        '10',
        '--duration',
        '0.2',
      ],
      { out: (line) => out.push(line), err: (line) => out.push(line), env: {} },
    );
    assert.equal(code, 1);
    assert.match(out.join('\n'), /401: \d+/);
  });
});
