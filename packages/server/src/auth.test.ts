// Authentication over real sockets: valid, refused and expired tokens, JWKS keys, the auth
// timeout, and the development token endpoint.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { firstValueFrom, filter } from 'rxjs';
import { CLOSE_CODES, SEED_USERS } from '@live-chat/adapters';
import type { ConnectionState } from '@live-chat/core';
import { mintToken } from './auth.js';
import { createLiveChatServer } from './server.js';
import { postJson, TEST_SECRET, testServersOfThisFile, waitFor } from './testing/harness.js';
import { openRawSocket } from './testing/raw-socket.js';

const anna = SEED_USERS.operatorA;

const testServer = testServersOfThisFile();

/** The states `connection$` went through, recorded from now. */
function recordStates(adapter: { connection$: import('rxjs').Observable<ConnectionState> }) {
  const states: ConnectionState[] = [];
  adapter.connection$.subscribe((state) => states.push(state));
  return states;
}

describe('tokens', () => {
  it('a valid token opens the socket: the welcome names the user, the token expiry and the limits', async () => {
    const test = await testServer();
    const socket = openRawSocket(test.server.wsUrl);
    const answer = await socket.auth(await test.token(anna));
    assert.ok('ok' in answer && answer.ok, JSON.stringify(answer));
    const welcome = answer.value as { userId: string; expiresAt: number; limits: object };
    assert.equal(welcome.userId, anna);
    assert.ok(welcome.expiresAt > Date.now());
    assert.deepEqual(Object.keys(welcome.limits).sort(), [
      'maxMessageBytes',
      'maxSubscriptions',
      'requestBurst',
      'requestsPerSecond',
    ]);
    assert.equal(socket.ws.protocol, 'live-chat.v1');
    socket.ws.close();
    await socket.closed;
  });

  it('a token signed with another secret closes the socket with 4403; the adapter fails with the reason and does not retry', async () => {
    const test = await testServer();
    const forged = await mintToken({
      secret: 'another-secret-that-is-long-enough-9876543210',
      userId: anna,
    });
    const socket = openRawSocket(test.server.wsUrl);
    const closed = await socket.auth(forged);
    assert.deepEqual(closed, {
      code: CLOSE_CODES.TOKEN_REJECTED,
      reason: 'The token was refused: bad signature or format.',
    });

    let calls = 0;
    const adapter = test.adapter(anna, { getToken: () => (calls++, forged) });
    const states = recordStates(adapter);
    await firstValueFrom(adapter.connection$.pipe(filter((state) => state === 'failed')));
    assert.equal(adapter.failure?.closeCode, 4403);
    assert.match(adapter.failure?.message ?? '', /refused/);
    await assert.rejects(adapter.snapshot(), { code: 'OFFLINE', message: /refused/ });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(calls, 1, 'no reconnect after a refused token');
    assert.deepEqual(states, ['connecting', 'failed']);
  });

  it('garbage, a missing sub and a missing exp are refused with 4403', async () => {
    const test = await testServer();
    const key = new TextEncoder().encode(TEST_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const noSub = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(now + 60)
      .sign(key);
    const noExp = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(anna)
      .sign(key);
    for (const [token, reason] of [
      ['not-a-jwt', /bad signature or format/],
      [noSub, /"sub" is missing/],
      [noExp, /"exp" is missing/],
    ] as const) {
      const closed = await openRawSocket(test.server.wsUrl).auth(token);
      assert.ok('code' in closed);
      assert.equal(closed.code, CLOSE_CODES.TOKEN_REJECTED);
      assert.match(closed.reason, reason);
    }
  });

  it('an expired token closes with 4401; the adapter gets a new token and comes online', async () => {
    const test = await testServer();
    const expired = await test.token(anna, -60);
    const closed = await openRawSocket(test.server.wsUrl).auth(expired);
    assert.deepEqual(closed, { code: CLOSE_CODES.TOKEN_EXPIRED, reason: 'The token has expired.' });

    let calls = 0;
    const adapter = test.adapter(anna, {
      getToken: () => (calls++ === 0 ? expired : test.token(anna)),
    });
    const states = recordStates(adapter);
    await firstValueFrom(adapter.connection$.pipe(filter((state) => state === 'online')));
    assert.equal(calls, 2);
    assert.deepEqual(states, ['connecting', 'reconnecting', 'online']);
    assert.equal((await adapter.snapshot()).me.id, anna);
  });

  it('a token that expires while connected closes the socket with 4401; the adapter reconnects with a new token and its stream goes on', async () => {
    const test = await testServer();
    let calls = 0;
    const adapter = test.adapter(anna, {
      getToken: () => test.token(anna, calls++ === 0 ? 1 : 3600),
    });
    const states = recordStates(adapter);
    const snapshot = await adapter.snapshot();
    const seqs: number[] = [];
    const subscription = adapter.events(snapshot.seq).subscribe((event) => seqs.push(event.seq));
    const write = (text: string) => test.customerWrites(text);
    write('before the expiry');
    await waitFor(() => seqs.length > 0, 'the first events');
    await waitFor(() => states.includes('reconnecting'), 'the expiry', 4000);
    write('while reconnecting');
    await waitFor(() => states.at(-1) === 'online', 'online again');
    write('after the reconnect');
    const last = test.backend.seqOf(anna);
    await waitFor(() => seqs.at(-1) === last, `seq ${last}`);
    assert.deepEqual(
      seqs,
      Array.from({ length: last - snapshot.seq }, (_, i) => snapshot.seq + 1 + i),
      'every event once, in order',
    );
    assert.equal(calls, 2);
    subscription.unsubscribe();
  });

  it('tokens signed with a key of a JWKS URL are verified against it', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const keys = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    try {
      const jwksUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/jwks.json`;
      const test = await testServer({ auth: { jwksUrl, issuer: 'https://portal.example' } });
      const sign = (key: CryptoKey, issuer: string) =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .setSubject(anna)
          .setIssuer(issuer)
          .setExpirationTime('5m')
          .sign(key);
      const good = await openRawSocket(test.server.wsUrl).auth(
        await sign(privateKey, 'https://portal.example'),
      );
      assert.ok('ok' in good && good.ok);
      const other = await generateKeyPair('ES256');
      const forged = await openRawSocket(test.server.wsUrl).auth(
        await sign(other.privateKey, 'https://portal.example'),
      );
      assert.ok('code' in forged && forged.code === CLOSE_CODES.TOKEN_REJECTED);
      const wrongIssuer = await openRawSocket(test.server.wsUrl).auth(
        await sign(privateKey, 'https://elsewhere.example'),
      );
      assert.ok('code' in wrongIssuer);
      assert.equal(wrongIssuer.code, CLOSE_CODES.TOKEN_REJECTED);
      assert.match(wrongIssuer.reason, /"iss"/);
    } finally {
      keys.closeAllConnections();
      await new Promise((resolve) => keys.close(resolve));
    }
  });

  it('a socket that sends no auth frame in time is closed with 4408; a first frame that is not auth with 4400', async () => {
    const test = await testServer({ limits: { authTimeoutMs: 100 } });
    const silent = openRawSocket(test.server.wsUrl);
    assert.equal((await silent.closed).code, CLOSE_CODES.AUTH_TIMEOUT);
    const early = openRawSocket(test.server.wsUrl);
    await early.opened;
    early.send({ id: 1, op: 'snapshot' });
    assert.equal((await early.closed).code, CLOSE_CODES.PROTOCOL_ERROR);
  });

  it('a short secret is refused at start', async () => {
    await assert.rejects(
      createLiveChatServer({
        backend: (await testServer()).backend,
        auth: { secret: 'short' },
        port: 0,
        logger: false,
      }),
      /at least 32 bytes/,
    );
  });
});

describe('the development token endpoint', () => {
  it('does not exist unless dev is true', async () => {
    const test = await testServer();
    const response = await postJson(`${test.server.url}/dev/token`, { userId: anna });
    assert.equal(response.status, 404);
  });

  it('with dev: true, signs a token the server accepts', async () => {
    const test = await testServer({ dev: true });
    const response = await postJson(`${test.server.url}/dev/token`, { userId: anna, ttlSec: 60 });
    assert.equal(response.status, 200);
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: number };
    assert.ok(expiresAt > Date.now());
    const answer = await openRawSocket(test.server.wsUrl).auth(token);
    assert.ok('ok' in answer && answer.ok);
    const bad = await postJson(`${test.server.url}/dev/token`, { user: anna });
    assert.equal(bad.status, 400);
  });

  it('needs a secret to sign with', async () => {
    await assert.rejects(
      createLiveChatServer({
        backend: (await testServer()).backend,
        auth: { jwksUrl: 'http://127.0.0.1:9/jwks.json' },
        dev: true,
        port: 0,
        logger: false,
      }),
      /needs auth\.secret/,
    );
  });
});
