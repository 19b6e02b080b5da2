// The WebSocket adapter on a scripted socket: queueing while offline, deadlines, resubscription
// after a reconnect, the heartbeat, rate-limit waits, failure and dispose, typing frames and the
// attachment policy of the welcome. (The server's tests run it over real sockets, uploads and
// downloads included.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectionState, ServerEvent } from '@live-chat/core';
import { createWebSocketAdapter, type WebSocketAdapterOptions } from './adapter.js';
import { attachmentsUrlFor } from './files.js';
import { RATE_LIMITED, type WireServerFrame } from './wire.js';

type Listener = (event?: unknown) => void;

/** A socket the test plays the server of. */
class ScriptedSocket {
  static all: ScriptedSocket[] = [];
  readyState = 0;
  readonly sent: Array<{ id: number; op: string } & Record<string, unknown>> = [];
  closedWith: { code?: number; reason?: string } | undefined;
  private readonly listeners: Record<string, Listener[]> = {};

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    ScriptedSocket.all.push(this);
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    (this.listeners[type] ??= []).push(listener as Listener);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code?: number, reason?: string): void {
    if (this.readyState === 3) return;
    this.closedWith = { code, reason };
    this.readyState = 3;
    queueMicrotask(() => this.emit('close', { code: code ?? 1005, reason: reason ?? '' }));
  }

  // ── the server's side ──

  open(): void {
    this.readyState = 1;
    this.emit('open');
  }

  push(frame: WireServerFrame): void {
    this.emit('message', { data: JSON.stringify(frame) });
  }

  /** Opens and answers the auth frame (with `extra` fields in the welcome). */
  welcome(extra: Record<string, unknown> = {}): void {
    if (this.readyState === 0) this.open();
    const auth = this.sent.find((frame) => frame.op === 'auth');
    assert.ok(auth, 'the client sent auth');
    this.push({
      id: auth.id,
      ok: true,
      value: {
        userId: 'u1',
        expiresAt: Date.now() + 60_000,
        limits: {
          maxMessageBytes: 1024,
          requestsPerSecond: 10,
          requestBurst: 10,
          maxSubscriptions: 4,
        },
        ...extra,
      },
    });
  }

  serverCloses(code: number, reason = ''): void {
    this.readyState = 3;
    this.emit('close', { code, reason });
  }

  requests(op: string) {
    return this.sent.filter((frame) => frame.op === op);
  }

  private emit(type: string, event?: unknown): void {
    for (const listener of this.listeners[type] ?? []) listener(event);
  }
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await tick(2);
  }
}

function setup(options: Partial<WebSocketAdapterOptions> = {}) {
  ScriptedSocket.all = [];
  let tokens = 0;
  const adapter = createWebSocketAdapter({
    url: 'ws://example.test/ws',
    getToken: () => `token-${++tokens}`,
    WebSocket: ScriptedSocket,
    random: () => 0,
    ...options,
  });
  const states: ConnectionState[] = [];
  adapter.connection$.subscribe((state) => states.push(state));
  const socket = async (index: number) => {
    await until(() => ScriptedSocket.all.length > index, `socket ${index}`);
    return ScriptedSocket.all[index]!;
  };
  return { adapter, states, socket, tokens: () => tokens };
}

const event = (seq: number): ServerEvent => ({
  seq,
  type: 'session.read',
  sessionId: 's',
  unread: 0,
});

describe('WebSocket adapter', () => {
  it('authenticates with the token first, offering the protocol, then sends what was queued', async () => {
    const { adapter, states, socket } = setup();
    const snapshot = adapter.snapshot();
    const first = await socket(0);
    assert.equal(first.protocols, 'live-chat.v1');
    first.open();
    assert.deepEqual(first.sent, [{ id: first.sent[0]!.id, op: 'auth', token: 'token-1' }]);
    first.welcome();
    assert.deepEqual(states, ['connecting', 'online']);
    const request = first.requests('snapshot')[0];
    assert.ok(request, 'the queued snapshot went out after the welcome');
    first.push({ id: request.id, ok: true, value: { seq: 7 } });
    assert.deepEqual(await snapshot, { seq: 7 });
    adapter.dispose();
  });

  it('bounds the queue while offline, and tells a request that never left (OFFLINE) from one never answered (TIMEOUT)', async () => {
    const { adapter, socket } = setup({ maxQueuedRequests: 2, requestTimeoutMs: 80 });
    const queued = [
      adapter.snapshot(),
      adapter.execute({ type: 'session.take', sessionId: 's', commandId: 'c1' }),
    ];
    await assert.rejects(adapter.history({ sessionId: 's' }), {
      code: 'OFFLINE',
      message: /2 requests are already waiting/,
    });
    await assert.rejects(queued[0]!, { code: 'OFFLINE', message: /did not come back/ });
    assert.deepEqual(await queued[1], {
      ok: false,
      error: { code: 'OFFLINE', message: 'The connection did not come back within 80 ms.' },
    });
    const first = await socket(0);
    first.welcome();
    const unanswered = adapter.execute({ type: 'session.take', sessionId: 's', commandId: 'c2' });
    const result = await unanswered;
    assert.equal(result.ok ? 'ok' : result.error.code, 'TIMEOUT');
    adapter.dispose();
  });

  it('a lost socket fails what was in flight with OFFLINE, reconnects with a new token, and resubscribes streams after their last seq without doubles', async () => {
    const { adapter, states, socket, tokens } = setup();
    const first = await socket(0);
    first.welcome();
    const seen: number[] = [];
    adapter.events(4).subscribe((e) => seen.push(e.seq));
    const subscribe = first.requests('events')[0]!;
    assert.equal(subscribe.sinceSeq, 4);
    first.push({ id: subscribe.id, ok: true, value: null });
    first.push({ op: 'event', sub: subscribe.id, event: event(5) });
    first.push({ op: 'event', sub: subscribe.id, event: event(6) });
    const read = adapter.search({ text: 'x' });
    const command = adapter.execute({ type: 'session.take', sessionId: 's', commandId: 'c' });
    first.serverCloses(1006);
    await assert.rejects(read, { code: 'OFFLINE', message: /lost before the answer/ });
    assert.equal((await command).ok ? 'ok' : 'OFFLINE', 'OFFLINE');
    assert.equal(states.at(-1), 'reconnecting');

    const second = await socket(1);
    assert.equal(tokens(), 2, 'getToken() is asked again for every socket');
    second.welcome();
    assert.equal(states.at(-1), 'online');
    const again = second.requests('events')[0]!;
    assert.equal(again.sinceSeq, 6, 'resumes after the last delivered seq');
    second.push({ id: again.id, ok: true, value: null });
    second.push({ op: 'event', sub: again.id, event: event(6) }); // a replay overlap
    second.push({ op: 'event', sub: again.id, event: event(7) });
    first.push({ op: 'event', sub: subscribe.id, event: event(8) }); // the old socket: ignored
    assert.deepEqual(seen, [5, 6, 7]);
    // The server interrupts the subscription: the adapter subscribes again after seq 7.
    second.push({ op: 'stream-error', sub: again.id, error: { code: 'OFFLINE', message: 'gap' } });
    const third = second.requests('events')[1]!;
    assert.equal(third.sinceSeq, 7);
    second.push({ op: 'event', sub: third.id, event: event(8) });
    assert.deepEqual(seen, [5, 6, 7, 8]);
    adapter.dispose();
  });

  it('sends a ping every heartbeat and reconnects after two go unanswered', async () => {
    const { adapter, states, socket } = setup({ heartbeatMs: 20 });
    const first = await socket(0);
    first.welcome();
    await until(() => states.at(-1) === 'reconnecting', 'reconnecting');
    assert.equal(first.requests('ping').length, 2);
    assert.equal(first.closedWith?.code, 4000);
    const second = await socket(1);
    second.welcome();
    // Answered heartbeats keep the socket.
    for (let i = 0; i < 5; i++) {
      await tick(20);
      const ping = second.requests('ping').at(-1);
      if (ping) second.push({ op: 'pong', id: ping.id, now: Date.now() });
    }
    assert.equal(states.at(-1), 'online');
    assert.equal(ScriptedSocket.all.length, 2);
    adapter.dispose();
  });

  it('waits out a rate-limit refusal and sends the request again, within its deadline', async () => {
    const { adapter, socket } = setup();
    const first = await socket(0);
    first.welcome();
    const result = adapter.execute({ type: 'session.take', sessionId: 's', commandId: 'c' });
    const attempt = first.requests('execute')[0]!;
    first.push({
      id: attempt.id,
      ok: false,
      error: {
        code: 'OFFLINE',
        message: 'Too many requests',
        details: { reason: RATE_LIMITED, retryAfterMs: 30 },
      },
    });
    await until(() => first.requests('execute').length === 2, 'the second attempt');
    const retry = first.requests('execute')[1]!;
    assert.deepEqual(retry.command, attempt.command, 'the same command, same commandId');
    first.push({ id: retry.id, ok: true, value: { session: { id: 's' } } });
    assert.deepEqual(await result, { ok: true, value: { session: { id: 's' } } });
    adapter.dispose();
  });

  it('backs off with full jitter, doubling up to the cap', async () => {
    const { adapter, socket } = setup({
      random: () => 0.999,
      reconnectBaseMs: 20,
      reconnectMaxMs: 60,
    });
    const gaps: number[] = [];
    let previous = await socket(0);
    for (let i = 1; i <= 4; i++) {
      const closedAt = Date.now();
      previous.serverCloses(1006);
      previous = await socket(i);
      gaps.push(Date.now() - closedAt);
    }
    // Ceilings 20, 40, 60 (capped), 60: each wait is just under its ceiling.
    assert.ok(gaps[0]! >= 15 && gaps[1]! >= 35 && gaps[2]! >= 55 && gaps[3]! >= 55, String(gaps));
    assert.ok(gaps[3]! < 1000, String(gaps));
    adapter.dispose();
  });

  it('fails on a refused token (4403) with the reason, errors its streams, and reconnect() tries again', async () => {
    const { adapter, states, socket } = setup();
    const first = await socket(0);
    first.open();
    const errors: unknown[] = [];
    adapter.events(0).subscribe({ error: (error) => errors.push(error) });
    first.serverCloses(4403, 'The token was refused: bad signature or format.');
    assert.equal(states.at(-1), 'failed');
    assert.deepEqual(adapter.failure, {
      closeCode: 4403,
      message: 'The token was refused: bad signature or format.',
    });
    assert.equal((errors[0] as { code: string }).code, 'OFFLINE');
    await assert.rejects(adapter.snapshot(), { code: 'OFFLINE', message: /refused/ });
    await tick(20);
    assert.equal(ScriptedSocket.all.length, 1, 'no retry on its own');
    adapter.reconnect();
    (await socket(1)).welcome();
    assert.equal(states.at(-1), 'online');
    assert.equal(adapter.failure, undefined);
    adapter.dispose();
  });

  it('dispose closes the socket with 1000, completes streams, fails waiting requests and leaves no timer', async () => {
    const { adapter, states, socket } = setup({ heartbeatMs: 10 });
    const first = await socket(0);
    first.welcome();
    let completed = false;
    adapter.events(0).subscribe({ complete: () => (completed = true) });
    const pending = adapter.snapshot();
    adapter.dispose();
    assert.equal(first.closedWith?.code, 1000);
    assert.ok(completed);
    await assert.rejects(pending, { code: 'OFFLINE' });
    assert.equal(states.at(-1), 'offline');
    const pings = first.requests('ping').length;
    await tick(50);
    assert.equal(first.requests('ping').length, pings, 'no heartbeat after dispose');
    assert.equal(ScriptedSocket.all.length, 1, 'no reconnect after dispose');
    await assert.rejects(adapter.snapshot(), { code: 'OFFLINE', message: /disposed/ });
  });

  it('passes typing frames on, sends typing only while online, and takes the file policy from the welcome', async () => {
    const { adapter, socket } = setup();
    const signals: unknown[] = [];
    let completed = false;
    adapter.typing$.subscribe({ next: (s) => signals.push(s), complete: () => (completed = true) });
    adapter.sendTyping('s-1', true); // not connected yet: dropped
    const first = await socket(0);
    const policy = { maxBytes: 100, perMessage: 2, types: ['text/plain'] };
    first.welcome({ attachments: policy });
    assert.deepEqual(adapter.attachmentPolicy, policy);
    assert.equal(first.requests('typing').length, 0);

    adapter.sendTyping('s-1', true);
    const [typing] = first.requests('typing');
    assert.deepEqual(typing, { id: typing!.id, op: 'typing', sessionId: 's-1', typing: true });
    first.push({ id: typing!.id, ok: true, value: null }); // its answer needs nothing

    first.push({ op: 'typing', signal: { sessionId: 's-1', typing: true } });
    first.push({ op: 'typing', signal: { sessionId: 42, typing: 'yes' } } as never);
    first.push({ op: 'typing', signal: { sessionId: 's-1', typing: false } });
    assert.deepEqual(signals, [
      { sessionId: 's-1', typing: true },
      { sessionId: 's-1', typing: false },
    ]);

    // What the policy refuses is refused before any upload.
    await assert.rejects(
      adapter.upload({
        name: 'a.bin',
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      }),
      {
        code: 'VALIDATION',
        details: {
          field: 'file',
          reason: 'FILE_TYPE_NOT_ALLOWED',
          name: 'a.bin',
          type: 'image/png',
        },
      },
    );
    await assert.rejects(adapter.upload({ name: 'a.txt', bytes: new Uint8Array(101).fill(65) }), {
      code: 'VALIDATION',
      details: { field: 'file', reason: 'FILE_TOO_LARGE', name: 'a.txt', size: 101, maxBytes: 100 },
    });
    adapter.dispose();
    assert.ok(completed, 'typing$ completes on dispose');
  });

  it('says a server whose welcome names no files takes none', async () => {
    const { adapter, socket } = setup();
    (await socket(0)).welcome();
    assert.equal(adapter.attachmentPolicy, undefined);
    await assert.rejects(adapter.upload({ name: 'a.txt', bytes: new Uint8Array([65]) }), {
      code: 'VALIDATION',
      message: 'This server takes no files.',
    });
    adapter.dispose();
  });

  it('finds the attachment routes beside the socket’s path, over http(s)', () => {
    assert.equal(
      attachmentsUrlFor('wss://chat.example.com/ws'),
      'https://chat.example.com/attachments',
    );
    assert.equal(
      attachmentsUrlFor('ws://127.0.0.1:8080/ws?x=1'),
      'http://127.0.0.1:8080/attachments',
    );
    assert.equal(
      attachmentsUrlFor('wss://example.com/live-chat/ws'),
      'https://example.com/live-chat/attachments',
    );
  });

  it('needs a WebSocket class where there is no global one', () => {
    const global = globalThis as { WebSocket?: unknown };
    const saved = global.WebSocket;
    global.WebSocket = undefined;
    try {
      assert.throws(
        () => createWebSocketAdapter({ url: 'ws://x', getToken: () => 't' }),
        /no global WebSocket/,
      );
    } finally {
      global.WebSocket = saved;
    }
  });
});
