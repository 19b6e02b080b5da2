// The configuration file: validation names the path of every bad field, the demo file is the
// seed's directory, and applying a file to a database with sessions keeps them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createSeedData } from '@live-chat/adapters';
import { runCli } from '../cli/run.js';
import { createSqliteBackend } from '../storage/backend.js';
import { openSqliteStore } from '../storage/store.js';
import { createTempDir, type TempDir } from '../storage/testing/temp-dir.js';
import { applyConfig, configToSeed, loadConfigFile, readChannelEndpoints } from './apply.js';
import { ConfigError, validateConfig, type ConfigIssue } from './schema.js';

const DEMO = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../config/demo.json');
const demoJson = () => JSON.parse(fs.readFileSync(DEMO, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issuesOf(value: unknown): ConfigIssue[] {
  try {
    validateConfig(value);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.issues;
  }
  assert.fail('expected the configuration to be refused');
}

describe('configuration', () => {
  let dir: TempDir;
  beforeEach(() => (dir = createTempDir('live-chat-config-')));
  afterEach(() => dir.remove());

  it('the demo file is the directory of the demo seed', () => {
    const config = loadConfigFile(DEMO);
    const seed = createSeedData({ history: false });
    assert.deepEqual(configToSeed(config), {
      users: seed.users,
      liveChats: seed.liveChats,
      groups: seed.groups,
      customers: seed.customers,
    });
    assert.deepEqual(
      config.channels.map((endpoint) => endpoint.id),
      ['lc-support-telegram', 'lc-support-whatsapp', 'lc-support-email'],
    );
  });

  it('names the path of each bad field', () => {
    const json = demoJson();
    json.liveChats[0].operatorIds.push(42);
    json.users[1].role = 'boss';
    json.channels[0].secret = 'short';
    delete json.channels[0].secretEnv;
    json.groups[0].colour = 'red';
    json.liveChats[0].tags.push({ id: 'tag-long', label: 'x'.repeat(41) });
    json.liveChats[1].waitingThresholds = { warnAfterMs: 60_000, alarmAfterMs: -1 };
    const paths = issuesOf(json).map((issue) => issue.path);
    assert.deepEqual(paths.sort(), [
      'channels[0].secret',
      'groups[0].colour',
      'liveChats[0].operatorIds[4]',
      'liveChats[0].tags[4].label',
      'liveChats[1].waitingThresholds',
      'liveChats[1].waitingThresholds.alarmAfterMs',
      'users[1].role',
    ]);
  });

  it('reads whether an outbound webhook shows operators typing', () => {
    const json = demoJson();
    json.channels[0].outbound = { url: 'https://bridge.example.com/out', typing: true };
    json.channels[1].outbound = { url: 'https://bridge.example.com/out', typing: 'yes' };
    assert.deepEqual(
      issuesOf(json).map(({ path: at, message }) => [at, message]),
      [['channels[1].outbound.typing', 'must be true or false']],
    );
    delete json.channels[1].outbound;
    assert.equal(validateConfig(json).channels[0]?.outbound?.typing, true);
  });

  it('checks references between users, live chats, groups and channels', () => {
    const json = demoJson();
    json.liveChats[0].operatorIds.push('op-nobody');
    json.liveChats[0].reassignmentTargets.push({ kind: 'group', groupId: 'grp-none' });
    json.groups[0].memberIds.push('op-elena');
    json.channels.push({ ...json.channels[0], id: 'again' });
    json.channels.push({
      id: 'web',
      liveChatId: 'lc-nowhere',
      channel: 'telegram',
      secret: 'x'.repeat(16),
    });
    const issues = issuesOf(json);
    const paths = issues.map((issue) => issue.path);
    assert.ok(paths.includes('liveChats[0].operatorIds[4]'), paths.join());
    assert.ok(paths.includes('liveChats[0].reassignmentTargets[7].groupId'), paths.join());
    assert.ok(
      paths.includes(`groups[0].memberIds[${json.groups[0].memberIds.length - 1}]`),
      paths.join(),
    );
    assert.ok(paths.includes('channels[3].channel'), paths.join());
    assert.ok(paths.includes('channels[4].liveChatId'), paths.join());
    assert.match(
      issues.find((issue) => issue.path === 'channels[3].channel')!.message,
      /already serves/,
    );
  });

  it('refuses a file that is not JSON or has the wrong version', () => {
    assert.deepEqual(
      issuesOf({ ...demoJson(), version: 2 }).map((i) => i.path),
      ['version'],
    );
    assert.deepEqual(
      issuesOf([]).map((i) => i.path),
      [''],
    );
  });

  it('applying a file to a database keeps its sessions and updates the directory', () => {
    const backend = createSqliteBackend({
      dataDir: dir.path,
      seed: () => createSeedData({ now: Date.now() }),
      pruneIntervalMs: 0,
    });
    const sessions = backend.sessions();
    const messages = sessions.map((session) => backend.messagesOf(session.id).length);
    const seq = backend.seqOf('op-anna');
    assert.ok(sessions.length > 0);
    const json = demoJson();
    json.liveChats[0].name = 'Customer Care';
    json.users.push({ id: 'op-fiona', name: 'Fiona Byrne', role: 'operator' });
    json.liveChats[0].operatorIds.push('op-fiona');
    json.channels[0].secret = 's'.repeat(20);
    delete json.channels[0].secretEnv;
    const report = applyConfig(backend.store, validateConfig(json));
    assert.equal(report.customersAdded, 0);
    assert.deepEqual(backend.sessions(), sessions);
    assert.deepEqual(
      sessions.map((session) => backend.messagesOf(session.id).length),
      messages,
    );
    assert.equal(backend.seqOf('op-anna'), seq);
    assert.equal(backend.getLiveChat('lc-support')?.name, 'Customer Care');
    const fiona = backend.snapshot('op-fiona');
    assert.ok(fiona.ok);
    assert.ok(fiona.value.liveChats.some((chat) => chat.id === 'lc-support'));
    const endpoints = readChannelEndpoints(backend.store.db);
    assert.equal(endpoints.find((e) => e.id === 'lc-support-telegram')?.secret, 's'.repeat(20));
    void backend.dispose();
  });

  it('the CLI checks and applies files, and mints tokens', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
      env: {},
    };
    assert.equal(await runCli(['config', 'check', DEMO], io), 0);
    assert.match(out.join('\n'), /valid \(14 users, 2 live chats/);

    const bad = path.join(dir.path, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...demoJson(), users: 'nobody' }));
    assert.equal(await runCli(['config', 'check', bad], io), 1);
    assert.match(err.join('\n'), /users: must be an array/);

    const data = path.join(dir.path, 'data');
    assert.equal(await runCli(['config', 'apply', DEMO, '--data', data], io), 0);
    const store = openSqliteStore({ dataDir: data });
    try {
      assert.equal([...store.run((tx) => [...tx.users()], true)].length, 14);
      assert.equal(readChannelEndpoints(store.db).length, 3);
    } finally {
      store.close();
    }
    assert.equal(await runCli(['config', 'apply', DEMO], io), 2);

    out.length = 0;
    const secret = 'a-token-secret-of-at-least-32-bytes!!';
    assert.equal(await runCli(['token', 'mint', '--user', 'op-anna', '--secret', secret], io), 0);
    assert.match(out[0], /^[\w-]+\.[\w-]+\.[\w-]+$/);
  });
});
