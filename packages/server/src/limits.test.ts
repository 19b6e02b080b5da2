// The server's limits over real sockets: body and frame sizes, the per-socket rate limit (a
// typed refusal that loses nothing), and the sockets a user may have open.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOSE_CODES, isRateLimited, SEED_USERS, type WireResponse } from '@live-chat/adapters';
import { postJson, signedInSocket, testServersOfThisFile } from './testing/harness.js';
import { openRawSocket } from './testing/raw-socket.js';

const anna = SEED_USERS.operatorA;
const ben = SEED_USERS.operatorB;

const testServer = testServersOfThisFile();

describe('sizes', () => {
  it('an HTTP body over maxBodyBytes is answered 413', async () => {
    const test = await testServer({ dev: true, limits: { maxBodyBytes: 1024 } });
    const big = JSON.stringify({ userId: anna, padding: 'x'.repeat(4096) });
    const response = await postJson(`${test.server.url}/dev/token`, big);
    assert.equal(response.status, 413);
    assert.match(
      ((await response.json()) as { error: { message: string } }).error.message,
      /1024 bytes/,
    );
    const small = await postJson(`${test.server.url}/dev/token`, { userId: anna });
    assert.equal(small.status, 200);
  });

  it('a WebSocket frame over maxMessageBytes closes the socket with 1009; the adapter refuses such a request itself', async () => {
    const test = await testServer({ limits: { maxMessageBytes: 4096 } });
    const socket = await signedInSocket(test, anna);
    socket.send({ id: 1, op: 'search', query: { text: 'x'.repeat(8192) } });
    assert.equal((await socket.closed).code, CLOSE_CODES.MESSAGE_TOO_BIG);

    const adapter = test.adapter(anna);
    await adapter.snapshot();
    await assert.rejects(adapter.search({ text: 'x'.repeat(8192) }), {
      code: 'VALIDATION',
      message: /larger than the server accepts \(4096 bytes\)/,
    });
    assert.equal((await adapter.search({ text: 'blender' })).length, 0, 'still online');
  });

  it('binary frames close the socket with 1003', async () => {
    const test = await testServer();
    const socket = await signedInSocket(test, anna);
    socket.ws.send(Buffer.from([1, 2, 3]));
    assert.equal((await socket.closed).code, CLOSE_CODES.UNSUPPORTED_DATA);
  });
});

describe('rate limit', () => {
  it('requests over the bucket are refused with a typed, retryable error; pings stay free', async () => {
    const test = await testServer({ limits: { requestBurst: 5, requestsPerSecond: 5 } });
    const socket = await signedInSocket(test, anna);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => socket.request({ id: i + 1, op: 'snapshot' })),
    );
    const refused = answers.filter(
      (answer): answer is Extract<WireResponse, { ok: false }> => !answer.ok,
    );
    assert.equal(answers.length - refused.length, 5, 'the burst is served');
    assert.equal(refused.length, 7);
    for (const { error } of refused) {
      assert.ok(isRateLimited(error), JSON.stringify(error));
      assert.equal(error.code, 'OFFLINE');
      assert.ok((error.details?.retryAfterMs as number) > 0);
      assert.match(error.message, /Too many requests/);
    }
    socket.send({ id: 100, op: 'ping' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(
      socket.frames.some((frame) => 'op' in frame && frame.op === 'pong' && frame.id === 100),
    );
  });

  it('a burst of sends through the adapter over the limit loses nothing and doubles nothing', async () => {
    const test = await testServer({ limits: { requestBurst: 4, requestsPerSecond: 40 } });
    const sessionId = test.customerWrites('Hello?').id;
    const adapter = test.adapter(anna);
    const sends = Array.from({ length: 30 }, (_, i) =>
      adapter.execute({
        type: 'message.send',
        commandId: `send-${i}`,
        clientMessageId: `message-${i}`,
        sessionId,
        text: `Reply ${i}`,
      }),
    );
    const results = await Promise.all(sends);
    assert.deepEqual(
      results.filter((result) => !result.ok),
      [],
      'every send succeeded after waiting out the limit',
    );
    const texts = test.backend
      .messagesOf(sessionId)
      .filter((message) => message.author.kind !== 'customer')
      .map((message) => message.text)
      .sort();
    assert.deepEqual(texts, Array.from({ length: 30 }, (_, i) => `Reply ${i}`).sort());
  });
});

describe('sockets per user', () => {
  it('one socket over maxSocketsPerUser is closed with 4429; other users are not affected; a freed place is reusable', async () => {
    const test = await testServer({ limits: { maxSocketsPerUser: 2 } });
    const first = await signedInSocket(test, anna);
    await signedInSocket(test, anna);
    const third = openRawSocket(test.server.wsUrl);
    const closed = await third.auth(await test.token(anna));
    assert.deepEqual(closed, {
      code: CLOSE_CODES.TOO_MANY_SOCKETS,
      reason: 'This user already has 2 connections open.',
    });
    await signedInSocket(test, ben);
    first.ws.close();
    await first.closed;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await signedInSocket(test, anna);
    assert.equal(test.server.stats().users, 2);
  });
});
