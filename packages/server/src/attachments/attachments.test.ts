// Attachments end to end on a SQLite backend in a real data directory, over real sockets on
// 127.0.0.1: an operator uploads a file and sends it, a colleague sees it in events and history
// and downloads it, outsiders and strangers are refused, the size and type traps are refused or
// defused, hostile ids reach no path, files survive a restart, and the WebSocket adapter does
// all of it with its socket's token.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { createSeedData, createWebSocketAdapter, SEED_USERS } from '@live-chat/adapters';
import type { Attachment, ServerEvent } from '@live-chat/core';
import type { SqliteBackend } from '../storage/backend.js';
import { createTempDir, type TempDir } from '../storage/testing/temp-dir.js';
import { openTestBackend, telegramMessage } from '../storage/testing/test-backend.js';
import { errorOf, getFile, postFile, SAMPLE_FILES, uploadFile } from '../testing/files.js';
import {
  serveBackend,
  waitFor,
  type ServedBackend,
  type ServeOptions,
} from '../testing/harness.js';
import { openRawSocket } from '../testing/raw-socket.js';

const { operatorA: anna, operatorB: ben, operatorE: elena, supervisor: maria } = SEED_USERS;
const MAX_BYTES = 4096;

describe('attachments over HTTP', () => {
  let dir: TempDir;
  let served: ServedBackend<SqliteBackend> | undefined;
  let commands = 0;

  const filesDir = () => path.join(dir.path, 'attachments');
  /** Every stored file's name under the attachments directory. */
  const storedFiles = () =>
    fs.existsSync(filesDir())
      ? fs
          .readdirSync(filesDir(), { recursive: true })
          .filter((name) => /\.(bin|json)$/.test(String(name)))
      : [];

  async function start(options: ServeOptions = {}): Promise<ServedBackend<SqliteBackend>> {
    const backend = openTestBackend(dir.path, {
      seed: createSeedData({ history: false }),
      attachments: { policy: { maxBytes: MAX_BYTES } },
    });
    served = await serveBackend(backend, options);
    return served;
  }

  async function stop(): Promise<void> {
    await served?.dispose();
    served = undefined;
  }

  beforeEach(() => {
    dir = createTempDir('live-chat-attachments-');
  });
  afterEach(async () => {
    await stop();
    dir.remove();
  });

  /** Anna uploads a file that must be accepted. */
  const annaUploads = async (test: ServedBackend<SqliteBackend>, name: string, bytes: Uint8Array) =>
    uploadFile(test.server.url, await test.token(anna), name, bytes);

  /** A customer writes in; Anna answers with `files` (taking the session); its id. */
  async function annaSends(
    test: ServedBackend<SqliteBackend>,
    files: Attachment[],
  ): Promise<string> {
    const written = test.backend.customerWrites(telegramMessage(test.backend, 'Here is my order'));
    assert.ok(written.ok);
    const sessionId = written.value.session.id;
    const sent = test.backend.execute(anna, {
      type: 'message.send',
      commandId: `c-${++commands}`,
      clientMessageId: `m-${commands}`,
      sessionId,
      text: '',
      attachmentIds: files.map((file) => file.id),
    });
    assert.ok(sent.ok, JSON.stringify(sent));
    return sessionId;
  }

  it('an operator uploads and sends a file; a colleague gets it in events and history and downloads it', async () => {
    const test = await start();
    const events: ServerEvent[] = [];
    // Maria supervises the live chat: she sees Anna's sessions.
    const mariaAdapter = test.adapter(maria);
    const subscription = mariaAdapter.events(0).subscribe((event) => events.push(event));
    await mariaAdapter.snapshot();

    const attachment = await annaUploads(test, 'photo.png', SAMPLE_FILES.png);
    assert.deepEqual(
      { ...attachment, id: undefined },
      {
        id: undefined,
        name: 'photo.png',
        type: 'image/png',
        size: SAMPLE_FILES.png.length,
        image: true,
      },
    );
    assert.match(attachment.id, /^f-[0-9a-f-]{36}$/);

    const sessionId = await annaSends(test, [attachment]);
    await waitFor(
      () =>
        events.some(
          (e) => e.type === 'message.added' && e.message.attachments?.[0]?.id === attachment.id,
        ),
      'Maria to get the message with the file',
    );
    subscription.unsubscribe();
    const page = await mariaAdapter.history({ sessionId });
    assert.deepEqual(page.messages.at(-1)?.attachments, [attachment]);

    const download = await getFile(test.server.url, await test.token(maria), attachment.id);
    assert.equal(download.status, 200);
    assert.deepEqual(download.bytes, SAMPLE_FILES.png);
    assert.equal(download.headers.get('content-type'), 'application/octet-stream');
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(download.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal(download.headers.get('cache-control'), 'private, no-store');
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename="photo.png"; filename*=UTF-8''photo.png`,
    );
  });

  it('refuses outsiders (403), strangers (401) and unknown or hostile ids (404)', async () => {
    const test = await start();
    const attachment = await annaUploads(test, 'photo.png', SAMPLE_FILES.png);
    const { id } = attachment;
    // Before it is sent, only its uploader may fetch it.
    assert.equal((await getFile(test.server.url, await test.token(maria), id)).status, 404);
    await annaSends(test, [attachment]);

    // Elena works in another live chat; Ben operates this one, but the session is Anna's now.
    for (const outsider of [elena, ben]) {
      const answer = await getFile(test.server.url, await test.token(outsider), id);
      assert.equal(answer.status, 403, outsider);
      assert.equal(errorOf(answer).code, 'FORBIDDEN', outsider);
      assert.match(
        answer.headers.get('content-type') ?? '',
        /^application\/json/,
        'an error, no bytes',
      );
    }

    const anonymous = await getFile(test.server.url, undefined, id);
    assert.equal(anonymous.status, 401);
    assert.deepEqual(errorOf(anonymous).details, { reason: 'UNAUTHENTICATED' });
    const forged = await getFile(test.server.url, `${await test.token(maria)}x`, id);
    assert.equal(forged.status, 401);
    assert.equal((await getFile(test.server.url, await test.token(maria, -60), id)).status, 401);
    assert.equal(
      (await postFile(test.server.url, undefined, 'a.png', SAMPLE_FILES.png)).status,
      401,
    );

    const token = await test.token(anna);
    assert.equal(
      errorOf(await getFile(test.server.url, token, 'f-00000000-0000-4000-8000-000000000000')).code,
      'NOT_FOUND',
    );
    // A file outside the attachments directory that a path would reach.
    fs.writeFileSync(path.join(dir.path, 'secret.bin'), 'top secret');
    for (const hostile of [
      '..%2Fsecret',
      '%2e%2e%2f%2e%2e%2fsecret',
      `${id}%2F..%2F..%2Fsecret`,
      '%2Fetc%2Fpasswd',
      'f-..',
    ]) {
      const answer = await getFile(test.server.url, token, hostile);
      assert.equal(answer.status, 404, hostile);
      assert.equal(errorOf(answer).code, 'NOT_FOUND', hostile);
    }
  });

  it('refuses a file over maxBytes with 413 and a typed error, storing nothing', async () => {
    const test = await start();
    const big = new Uint8Array(MAX_BYTES * 2).fill(0x41);
    const token = await test.token(anna);
    const answer = await postFile(test.server.url, token, 'big.txt', big);
    assert.equal(answer.status, 413);
    assert.equal(errorOf(answer).code, 'VALIDATION');
    assert.equal(errorOf(answer).details?.reason, 'FILE_TOO_LARGE');
    assert.equal(errorOf(answer).details?.maxBytes, MAX_BYTES);
    assert.deepEqual(storedFiles(), []);
    // Streamed without a declared length: read up to maxBytes, then refused the same way.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${test.server.url}/attachments?name=big.txt`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.write(big);
      request.end(big);
    });
    assert.equal(streamed.status, 413);
    assert.match(streamed.body, /"reason":"FILE_TOO_LARGE"/);
    assert.deepEqual(storedFiles(), []);
    // Exactly maxBytes passes.
    const fits = await postFile(
      test.server.url,
      await test.token(anna),
      'fits.txt',
      big.subarray(0, MAX_BYTES),
    );
    assert.equal(fits.status, 201);
  });

  it('refuses SVG, HTML (also named cat.png) and empty files; a PNG with a page inside is served as opaque bytes', async () => {
    const test = await start();
    const token = await test.token(anna);
    for (const [name, bytes, type] of [
      ['drawing.svg', SAMPLE_FILES.svg, 'image/svg+xml'],
      ['page.html', SAMPLE_FILES.html, 'text/html'],
      ['cat.png', SAMPLE_FILES.html, 'text/html'],
    ] as const) {
      const answer = await postFile(test.server.url, token, name, bytes);
      assert.equal(answer.status, 400, name);
      assert.deepEqual(
        {
          code: errorOf(answer).code,
          reason: errorOf(answer).details?.reason,
          type: errorOf(answer).details?.type,
        },
        { code: 'VALIDATION', reason: 'FILE_TYPE_NOT_ALLOWED', type },
        name,
      );
    }
    const empty = await postFile(test.server.url, token, 'empty.txt', new Uint8Array());
    assert.equal(errorOf(empty).details?.reason, 'FILE_EMPTY');
    assert.deepEqual(storedFiles(), []);

    const trap = await postFile(test.server.url, token, 'cat.html', SAMPLE_FILES.pngWithPage);
    assert.equal(trap.status, 201);
    const attachment = trap.json as unknown as Attachment;
    assert.equal(attachment.type, 'image/png');
    const download = await getFile(test.server.url, token, attachment.id);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/octet-stream');
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.match(
      download.headers.get('content-disposition') ?? '',
      /^attachment; filename="cat\.html"/,
    );
    assert.match(download.headers.get('content-security-policy') ?? '', /sandbox/);
  });

  it('names files safely in Content-Disposition', async () => {
    const test = await start();
    const token = await test.token(anna);
    const attachment = await uploadFile(
      test.server.url,
      token,
      '../../Bericht "Q1" für Zoë\u202e.txt',
      SAMPLE_FILES.text,
    );
    assert.equal(attachment.name, 'Bericht "Q1" für Zoë.txt', 'path, bidi controls gone');
    const download = await getFile(test.server.url, token, attachment.id);
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename="Bericht _Q1_ f_r Zo_.txt"; filename*=UTF-8''Bericht%20%22Q1%22%20f%C3%BCr%20Zo%C3%AB.txt`,
    );
  });

  it('files and the messages naming them survive a restart', async () => {
    let test = await start();
    const attachment = await annaUploads(test, 'notes.txt', SAMPLE_FILES.text);
    const sessionId = await annaSends(test, [attachment]);
    await stop();

    test = await start();
    const page = await test.adapter(maria).history({ sessionId });
    assert.deepEqual(page.messages.at(-1)?.attachments, [attachment]);
    const download = await getFile(test.server.url, await test.token(maria), attachment.id);
    assert.deepEqual(download.bytes, SAMPLE_FILES.text);
  });

  it('answers cross-origin requests of the allowed origins only, and refuses their sockets', async () => {
    const portal = 'https://portal.example.com';
    const test = await start({ allowedOrigins: [portal] });
    const preflight = await fetch(`${test.server.url}/attachments`, {
      method: 'OPTIONS',
      headers: {
        origin: portal,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), portal);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
    const upload = await postFile(
      test.server.url,
      await test.token(anna),
      'a.txt',
      SAMPLE_FILES.text,
      {
        origin: portal,
      },
    );
    assert.equal(upload.status, 201);
    assert.equal(upload.headers.get('access-control-allow-origin'), portal);

    const foreign = await postFile(
      test.server.url,
      await test.token(anna),
      'a.txt',
      SAMPLE_FILES.text,
      {
        origin: 'https://evil.example.net',
      },
    );
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const socket = new WebSocket(test.server.wsUrl, {
      headers: { origin: 'https://evil.example.net' },
    });
    const refused = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('error', () => {});
    });
    assert.equal(refused, 403);
  });

  it('rate-limits each user’s file requests with a typed 429', async () => {
    const test = await start({
      limits: { attachmentRequestBurst: 2, attachmentRequestsPerSecond: 0.01 },
    });
    const token = await test.token(anna);
    for (let i = 0; i < 2; i++) {
      assert.equal(
        (await postFile(test.server.url, token, 'a.txt', SAMPLE_FILES.text)).status,
        201,
      );
    }
    const limited = await postFile(test.server.url, token, 'a.txt', SAMPLE_FILES.text);
    assert.equal(limited.status, 429);
    assert.equal(errorOf(limited).code, 'OFFLINE');
    assert.equal(errorOf(limited).details?.reason, 'RATE_LIMITED');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    // Another user has a bucket of their own.
    assert.equal(
      (await postFile(test.server.url, await test.token(ben), 'a.txt', SAMPLE_FILES.text)).status,
      201,
    );
  });
});

describe('attachments through the WebSocket adapter', () => {
  let dir: TempDir;
  let served: ServedBackend<SqliteBackend> | undefined;

  beforeEach(() => {
    dir = createTempDir('live-chat-attachments-');
  });
  afterEach(async () => {
    await served?.dispose();
    dir.remove();
  });

  it('learns the policy from the welcome, uploads and downloads with its token, and refuses locally what the policy would', async () => {
    const backend = openTestBackend(dir.path, {
      seed: createSeedData({ history: false }),
      attachments: { policy: { maxBytes: 1024, perMessage: 3 } },
    });
    served = await serveBackend(backend);
    const adapter = served.adapter(anna);
    assert.equal(adapter.attachmentPolicy, undefined, 'before the welcome');
    await adapter.snapshot();
    assert.deepEqual(adapter.attachmentPolicy, {
      maxBytes: 1024,
      perMessage: 3,
      types: backend.attachmentPolicy.types,
    });

    const attachment = await adapter.upload({ name: 'receipt.txt', bytes: SAMPLE_FILES.text });
    assert.equal(attachment.type, 'text/plain');
    assert.deepEqual(await adapter.download(attachment.id), SAMPLE_FILES.text);

    await assert.rejects(adapter.upload({ name: 'x.svg', bytes: SAMPLE_FILES.svg }), {
      code: 'VALIDATION',
      details: {
        field: 'file',
        reason: 'FILE_TYPE_NOT_ALLOWED',
        name: 'x.svg',
        type: 'image/svg+xml',
      },
    });
    await assert.rejects(
      adapter.upload({ name: 'big.txt', bytes: new Uint8Array(2048).fill(65) }),
      {
        code: 'VALIDATION',
        details: {
          field: 'file',
          reason: 'FILE_TOO_LARGE',
          name: 'big.txt',
          size: 2048,
          maxBytes: 1024,
        },
      },
    );
    await assert.rejects(adapter.download('f-00000000-0000-4000-8000-000000000000'), {
      code: 'NOT_FOUND',
    });
    // An outsider's adapter gets the server's refusal.
    const outsider = served.adapter(elena);
    await outsider.snapshot();
    await assert.rejects(outsider.download(attachment.id), { code: 'NOT_FOUND' });
  });

  it('rejects with OFFLINE when the server cannot be reached', async () => {
    const adapter = createWebSocketAdapter({
      url: 'ws://127.0.0.1:9/ws',
      getToken: () => 'token',
      WebSocket,
      reconnectBaseMs: 60_000,
    });
    try {
      await assert.rejects(adapter.upload({ name: 'a.txt', bytes: SAMPLE_FILES.text }), {
        code: 'OFFLINE',
      });
      await assert.rejects(adapter.download('f-00000000-0000-4000-8000-000000000000'), {
        code: 'OFFLINE',
      });
    } finally {
      adapter.dispose();
    }
  });

  it('says a server without files takes none, at once', async () => {
    const backend = openTestBackend(dir.path, {
      seed: createSeedData({ history: false }),
      attachments: false,
    });
    served = await serveBackend(backend);
    const socket = openRawSocket(served.server.wsUrl);
    const welcome = await socket.auth(await served.token(anna));
    assert.ok('ok' in welcome && welcome.ok);
    assert.equal((welcome.value as { attachments?: unknown }).attachments, undefined);
    socket.ws.close();
    const adapter = served.adapter(anna);
    await adapter.snapshot();
    assert.equal(adapter.attachmentPolicy, undefined);
    await assert.rejects(adapter.upload({ name: 'a.txt', bytes: SAMPLE_FILES.text }), {
      code: 'VALIDATION',
      message: 'This server takes no files.',
    });
    // And the server has no file routes.
    assert.equal(
      (await postFile(served.server.url, await served.token(anna), 'a.txt', SAMPLE_FILES.text))
        .status,
      404,
    );
  });
});
