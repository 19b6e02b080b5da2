// The customer simulator against a real server on 127.0.0.1: bounded in count and time, and
// every message it posts lands in a session through the inbound webhook.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { loadConfigFile } from '../config/apply.js';
import { createTempDir, type TempDir } from '../storage/testing/temp-dir.js';
import {
  DEMO_CONFIG_FILE,
  startChannelServer,
  type ChannelServer,
} from '../testing/channel-server.js';
import { runCli } from './run.js';

const SECRET = 'simulated-secret-0123456789';

/**
 * Runs `simulate` against `url` through `channel`, with more flags (`--name value`); answers
 * its exit code and every line it printed.
 */
async function simulate(
  url: string,
  channel: string,
  flags: Record<string, string | number>,
  env: NodeJS.ProcessEnv,
) {
  const out: string[] = [];
  const args = Object.entries({ url, channel, ...flags }).flatMap(([name, value]) => [
    `--${name}`,
    String(value),
  ]);
  const code = await runCli(['simulate', ...args], {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    env,
  });
  return { code, out };
}

describe('simulate', () => {
  let dir: TempDir;
  let running: ChannelServer;

  beforeEach(async () => {
    dir = createTempDir('live-chat-simulate-');
    running = await startChannelServer(dir.path, loadConfigFile(DEMO_CONFIG_FILE), {
      channels: { env: { LIVE_CHAT_CHANNEL_SECRET: SECRET } },
    });
  });
  afterEach(async () => {
    await running.stop();
    dir.remove();
  });

  it('posts at most rate × duration messages from a pool of customers', async () => {
    const { code, out } = await simulate(
      running.server.url,
      'lc-support-whatsapp',
      { 'secret-env': 'SIM_SECRET', rate: 40, duration: 0.5, customers: 3 },
      { SIM_SECRET: SECRET },
    );
    assert.equal(code, 0, out.join('\n'));
    const sent = Number(/sent (\d+) messages/.exec(out[0])?.[1]);
    assert.ok(sent > 0 && sent <= 20, out[0]);
    const { backend } = running;
    const sessions = backend
      .sessions('lc-support')
      .filter((s) => s.channel === 'whatsapp' && s.name.startsWith('Simulated'));
    assert.equal(sessions.length, Math.min(3, sent));
    const stored = sessions.reduce((sum, s) => sum + backend.messagesOf(s.id).length, 0);
    assert.equal(stored, sent);
  });

  it('refuses a wrong secret (exit code 1)', async () => {
    const { code, out } = await simulate(
      running.server.url,
      'lc-support-email',
      { secret: 'wrong-secret-0123456789', rate: 10, duration: 0.2 },
      {},
    );
    assert.equal(code, 1);
    assert.match(out.join('\n'), /401: \d+/);
  });
});
