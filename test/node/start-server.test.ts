// `npm start` runs the real thing: scripts/start.mjs starts the live chat server on SQLite in a
// data directory (seeded on first run, kept across restarts) and serves the demo page; two
// operators connect over two WebSockets with development tokens and share the queue live.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import { createWebSocketAdapter, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import { startScript, waitFor, type StartedScript } from './start-script.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-chat-start-'));
const running = new Set<StartedScript>();
const disposers: Array<() => void> = [];

after(async () => {
  for (const dispose of disposers.splice(0)) dispose();
  await Promise.all([...running].map((script) => script.stop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<StartedScript> {
  const script = await startScript({ dataDir });
  running.add(script);
  return script;
}

async function stop(script: StartedScript): Promise<void> {
  await script.stop();
  running.delete(script);
}

/** A workspace client of `userId` over its own WebSocket, signed in with development tokens. */
function operator(script: StartedScript, userId: string): LiveChatClient {
  const adapter = createWebSocketAdapter({
    url: script.wsUrl,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    getToken: () => script.token(userId),
  });
  const client = createLiveChatClient({ adapter });
  disposers.push(() => {
    client.dispose();
    adapter.dispose();
  });
  return client;
}

describe('npm start (server mode)', () => {
  let takenId = '';
  let visitorSession = '';
  let secret = '';

  it('creates the data directory with the seed and a secret, and two operators share the queue', async () => {
    const script = await start();
    assert.match(script.output(), /Created .* with the demo data/);
    secret = fs.readFileSync(path.join(dataDir, 'secret'), 'utf8');
    assert.match(secret.trim(), /^[0-9a-f]{64}$/);

    // The page and its demo API are served, and the page learns where the server is.
    const page = await fetch(script.pageUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<live-chat|main\.ts/);
    const config = (await (await fetch(script.apiUrl('config'))).json()) as {
      mode: string;
      wsUrl: string;
    };
    assert.deepEqual([config.mode, config.wsUrl], ['server', script.wsUrl]);
    // No simulated noise while checking one session.
    await fetch(script.apiUrl('simulator'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ running: false }),
    });

    const anna = operator(script, SEED_USERS.operatorA);
    const ben = operator(script, SEED_USERS.operatorB);
    await waitFor(
      () => anna.status.state === 'ready' && ben.status.state === 'ready',
      'both clients to load',
    );
    const annasQueue: string[][] = [];
    const watching = anna
      .sessions$(SEED_LIVE_CHATS.support, 'queue')
      .subscribe((views) => annasQueue.push(views.map((view) => view.session.id)));
    disposers.push(() => watching.unsubscribe());

    // A visitor writes in through the customer page's endpoint: a new queued session.
    const written = await fetch(script.apiUrl('customer/messages'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Test Visitor',
        liveChatId: SEED_LIVE_CHATS.support,
        text: 'Hello from the customer page',
      }),
    });
    assert.equal(written.status, 200);
    visitorSession = ((await written.json()) as { sessionId: string }).sessionId;
    await waitFor(
      () => annasQueue.at(-1)?.includes(visitorSession) ?? false,
      "the visitor's session in Anna's queue",
    );
    await waitFor(() => ben.getSession(visitorSession) !== undefined, 'Ben to see it');

    // The seed's queue is there too; Ben takes the oldest seeded session.
    const seeded = annasQueue.at(-1)!.find((id) => id !== visitorSession);
    assert.ok(seeded, 'the seed has queued sessions');
    const taken = await ben.take(seeded);
    assert.ok(taken.ok, JSON.stringify(taken));
    takenId = seeded;
    await waitFor(
      () => !(annasQueue.at(-1)?.includes(takenId) ?? true),
      "the taken session to leave Anna's queue",
    );
    const late = await anna.take(takenId);
    assert.equal(late.ok ? 'ok' : late.error.code, 'ALREADY_TAKEN');
    for (const dispose of disposers.splice(0)) dispose();
    await stop(script);
  });

  it('keeps the data, the secret and the sessions across a restart', async () => {
    assert.ok(takenId, 'the first test ran');
    const script = await start();
    assert.match(script.output(), /Opened .* \(SQLite\)/);
    assert.equal(fs.readFileSync(path.join(dataDir, 'secret'), 'utf8'), secret);
    const anna = operator(script, SEED_USERS.operatorA);
    const ben = operator(script, SEED_USERS.operatorB);
    await waitFor(
      () => anna.status.state === 'ready' && ben.status.state === 'ready',
      'both clients to load',
    );
    assert.deepEqual(ben.getSession(takenId)?.session.assignee, {
      kind: 'operator',
      operatorId: SEED_USERS.operatorB,
    });
    assert.equal(ben.getSession(takenId)?.session.status, 'active');
    assert.equal(anna.getSession(visitorSession)?.session.status, 'queued');
    await stop(script);
  });

  it('lets simulated messenger customers write through the signed inbound webhook', async () => {
    const script = await start();
    const inbound = () => {
      const db = new Database(path.join(dataDir, 'live-chat.sqlite3'), { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM channel_inbound').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    // The demo's channels are the real route: an unsigned request is refused.
    const unsigned = await fetch(`${script.serverUrl}/channels/lc-support-telegram/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        providerMessageId: 'forged-1',
        customer: { externalId: 'x', name: 'Forged' },
        text: 'unsigned',
      }),
    });
    assert.equal(unsigned.status, 401);
    const before = inbound();
    for (let i = 0; i < 30; i++) {
      const step = await fetch(script.apiUrl('simulator/step'), { method: 'POST' });
      assert.equal(step.status, 200);
    }
    // Customer Support's customers write through Telegram, WhatsApp and e-mail (and the web).
    await waitFor(() => inbound() > before, 'webhook messages stored by the server');
    await stop(script);
  });

  it("carries a visitor's files and typing to the operators, and an operator's typing back to the customer page", async () => {
    const script = await start();
    const post = (apiPath: string, body: unknown) =>
      fetch(script.apiUrl(apiPath), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const anna = operator(script, SEED_USERS.operatorA);
    await waitFor(() => anna.status.state === 'ready', 'Anna to load');
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const sent = await post('customer/messages', {
      name: 'Visitor With Files',
      liveChatId: SEED_LIVE_CHATS.support,
      text: '',
      files: [{ name: 'receipt.png', contentBase64: png }],
    });
    assert.equal(sent.status, 200);
    const { visitorId, sessionId } = (await sent.json()) as {
      visitorId: string;
      sessionId: string;
    };
    await waitFor(() => anna.getSession(sessionId) !== undefined, 'the session at Anna');
    const refused = await post('customer/messages', {
      visitorId,
      liveChatId: SEED_LIVE_CHATS.support,
      text: 'and this',
      files: [
        { name: 'x.svg', contentBase64: Buffer.from('<svg onload="x()"/>').toString('base64') },
      ],
    });
    assert.equal(refused.status, 422, 'an SVG is refused, with the message');
    const typing: boolean[] = [];
    const watching = anna.customerTyping$(sessionId).subscribe((now) => typing.push(now));
    disposers.push(() => watching.unsubscribe());
    const typed = await post('customer/typing', {
      visitorId,
      liveChatId: SEED_LIVE_CHATS.support,
      typing: true,
    });
    assert.equal(typed.status, 202);
    await waitFor(() => typing.at(-1) === true, "the visitor's typing at Anna");
    assert.ok((await anna.take(sessionId)).ok);
    anna.setTyping(sessionId, true);
    const conversation = async () =>
      (await (
        await fetch(
          script.apiUrl(
            `customer/messages?visitorId=${visitorId}&liveChatId=${SEED_LIVE_CHATS.support}`,
          ),
        )
      ).json()) as {
        operatorTyping: boolean;
        messages: { files?: { id: string; name: string }[] }[];
      };
    let seen = await conversation();
    for (let i = 0; i < 200 && !seen.operatorTyping; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen = await conversation();
    }
    assert.equal(seen.operatorTyping, true, "Anna's typing on the customer page");
    const file = seen.messages[0]?.files?.[0];
    assert.equal(file?.name, 'receipt.png');
    const fetched = (await (
      await fetch(
        script.apiUrl(
          `customer/files?visitorId=${visitorId}&liveChatId=${SEED_LIVE_CHATS.support}&fileId=${file!.id}`,
        ),
      )
    ).json()) as { contentBase64: string };
    assert.equal(fetched.contentBase64, png, 'the visitor gets their file back');
    const downloaded = await anna.download(file!.id);
    assert.ok(downloaded.ok && Buffer.from(downloaded.value).toString('base64') === png);
    for (const dispose of disposers.splice(0)) dispose();
    await stop(script);
  });

  it('keeps the in-page mode with --in-page', async () => {
    const script = await startScript({ dataDir, args: ['--in-page'] });
    running.add(script);
    assert.match(script.output(), /In-page mode/);
    const config = (await (await fetch(script.apiUrl('config'))).json()) as { mode: string };
    assert.equal(config.mode, 'in-page');
    assert.equal((await fetch(script.pageUrl)).status, 200);
    await stop(script);
  });
});
