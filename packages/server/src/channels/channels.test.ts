// The channel webhooks over real sockets on 127.0.0.1: the inbound route (signature, size,
// idempotency, sessions created and reopened through the engine) and outbound delivery (signed
// POSTs, retries with back-off, delivery states as `message.updated`, a restart resuming).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Command, Message, ServerEvent } from '@live-chat/core';
import type { LiveChatConfig } from '../config/schema.js';
import type { LiveChatServer } from '../server.js';
import type { SqliteBackend } from '../storage/backend.js';
import { createTempDir, type TempDir } from '../storage/testing/temp-dir.js';
import { firstTelegramCustomer } from '../storage/testing/test-backend.js';
import { startChannelServer, type ChannelServer } from '../testing/channel-server.js';
import { waitFor } from '../testing/harness.js';
import type { Channels } from './index.js';
import { verifySignature } from './signature.js';
import {
  CHANNEL_SECRET as SECRET,
  channelConfig as configWith,
  OPERATOR,
  TELEGRAM_ENDPOINT as CHANNEL,
} from './testing/channel-config.js';
import { postInbound, type InboundPostOptions } from './testing/inbound-post.js';
import { startReceiver, type Receiver } from './testing/webhook-receiver.js';

describe('channels', () => {
  let dir: TempDir;
  let backend: SqliteBackend;
  let channels: Channels<'sync'>;
  let server: LiveChatServer;
  let receiver: Receiver | undefined;
  let commands = 0;

  let running: ChannelServer | undefined;

  async function start(config: LiveChatConfig): Promise<void> {
    running = await startChannelServer(dir.path, config, {
      channels: { maxBodyBytes: 4096, logger: undefined },
      server: { limits: { maxBodyBytes: 4096 } },
    });
    ({ backend, server } = running);
    channels = running.channels as Channels<'sync'>;
  }

  async function stop(): Promise<void> {
    await running?.stop();
    running = undefined;
  }

  beforeEach(() => {
    dir = createTempDir('live-chat-channels-');
    receiver = undefined;
  });
  afterEach(async () => {
    await stop();
    await receiver?.close();
    dir.remove();
  });

  const post = (body: unknown, options?: InboundPostOptions) =>
    postInbound(server.url, body, options);

  const inbound = (
    providerMessageId: string,
    text = 'Hello from Telegram',
    externalId = 'tg-1001',
  ) => ({
    providerMessageId,
    customer: { externalId, name: 'Tomasz Nowak', account: '@tomasz' },
    text,
    sentAt: '2026-01-05T10:00:00Z',
  });

  /** The operator's message of a session (each test sends one at most). */
  const operatorReply = (sessionId: string) =>
    backend.messagesOf(sessionId).find((m) => m.author.kind === 'operator') as Message;

  const run = (command: Record<string, unknown>) => {
    const result = backend.execute(OPERATOR, {
      commandId: `c-${++commands}`,
      ...command,
    } as Command);
    assert.ok(result.ok, JSON.stringify(result));
    return result;
  };

  /** A new customer writes in, and the operator answers `text`; resolves the session's id. */
  async function replyToNewCustomer(text: string): Promise<string> {
    const sessionId = (await post(inbound('p-1'))).body.sessionId as string;
    run({ type: 'message.send', sessionId, clientMessageId: 'm-1', text });
    return sessionId;
  }

  it('rejects a missing or wrong signature with 401 and stores nothing', async () => {
    await start(configWith());
    const before = backend.sessions().length;
    assert.equal((await post(inbound('p-1'), { signature: null })).status, 401);
    assert.equal((await post(inbound('p-1'), { secret: 'another-secret-0123456789' })).status, 401);
    assert.equal((await post(inbound('p-1'), { signature: 'sha256=zz' })).status, 401);
    assert.equal(backend.sessions().length, before);
  });

  it('answers clear 4xx errors: unknown channel, bad method, bad JSON, bad fields, 413', async () => {
    await start(configWith());
    assert.equal((await post(inbound('p-1'), { channel: 'nope' })).status, 404);
    const get = await fetch(`${server.url}/channels/${CHANNEL}/messages`);
    assert.equal(get.status, 405);
    assert.equal((await post('{not json')).status, 400);
    const missing = await post({ providerMessageId: 'p-2', customer: { name: 'X' }, text: 'hi' });
    assert.equal(missing.status, 400);
    assert.match(
      String((missing.body.error as { message: string }).message),
      /customer\.externalId/,
    );
    const big = await post(inbound('p-3', 'x'.repeat(5000)));
    assert.equal(big.status, 413);
    const empty = await post(inbound('p-4', '   '));
    assert.equal(empty.status, 422);
  });

  it('creates a queued session for a new customer, visible to the operators', async () => {
    await start(configWith());
    const answer = await post(inbound('p-1'));
    assert.equal(answer.status, 201);
    assert.equal(answer.body.cause, 'created');
    assert.equal(answer.body.duplicate, false);
    const session = backend.getSession(answer.body.sessionId as string);
    assert.equal(session?.status, 'queued');
    assert.equal(session?.channel, 'telegram');
    const customer = backend.getCustomer(answer.body.customerId as string);
    assert.deepEqual(
      customer && {
        kind: customer.kind,
        name: customer.name,
        account: customer.kind === 'external' && customer.account,
      },
      { kind: 'external', name: 'Tomasz Nowak', account: '@tomasz' },
    );
    const snapshot = backend.snapshot(OPERATOR);
    assert.ok(snapshot.ok);
    assert.ok(snapshot.value.sessions.some((s) => s.id === session?.id && s.status === 'queued'));
    // The same customer writing again continues the session.
    const again = await post(inbound('p-2', 'Anyone?'));
    assert.equal(again.status, 201);
    assert.equal(again.body.sessionId, answer.body.sessionId);
    assert.equal(again.body.cause, 'message');
  });

  it('acknowledges a repeated provider message id and stores it once', async () => {
    await start(configWith());
    const first = await post(inbound('p-dup'));
    const second = await post(inbound('p-dup'));
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(second.body.duplicate, true);
    assert.equal(second.body.messageId, first.body.messageId);
    const messages = backend.messagesOf(first.body.sessionId as string);
    assert.equal(messages.length, 1);
  });

  it('answers a retry whose inbound record was lost with the message stored before', async () => {
    await start(configWith());
    const first = await post(inbound('p-lost'));
    // The process stopped between storing the message and recording the provider's id.
    backend.store.db.prepare('DELETE FROM channel_inbound').run();
    const retry = await post(inbound('p-lost'));
    assert.equal(retry.status, 201);
    assert.equal(retry.body.messageId, first.body.messageId);
    assert.equal(retry.body.cause, undefined);
    assert.equal(backend.messagesOf(first.body.sessionId as string).length, 1);
    assert.equal((await post(inbound('p-lost'))).status, 200);
  });

  it('reopens a closed session when its customer writes again', async () => {
    await start(configWith());
    const first = await post(inbound('p-1'));
    const sessionId = first.body.sessionId as string;
    run({ type: 'session.take', sessionId });
    run({ type: 'session.close', sessionId });
    assert.equal(backend.getSession(sessionId)?.status, 'closed');
    const again = await post(inbound('p-2', 'It broke again'));
    assert.equal(again.status, 201);
    assert.equal(again.body.sessionId, sessionId);
    assert.equal(again.body.cause, 'reopened');
    assert.notEqual(backend.getSession(sessionId)?.status, 'closed');
  });

  it('delivers operator replies to the outbound webhook: sent, then delivered', async () => {
    receiver = await startReceiver([200]);
    await start(configWith(receiver.url));
    const events: ServerEvent[] = [];
    backend.listen(OPERATOR, (event) => events.push(event));
    const sessionId = await replyToNewCustomer('Hi Tomasz, on it!');
    const reply = () => operatorReply(sessionId);
    await waitFor(() => reply()?.channelDelivery?.state === 'delivered', 'delivery');
    assert.equal(reply().channelDelivery?.attempts, 1);
    assert.equal(receiver.requests.length, 1);
    const [request] = receiver.requests;
    assert.ok(
      verifySignature(SECRET, Buffer.from(request.body), request.headers['x-live-chat-signature']),
    );
    assert.equal(request.headers['x-live-chat-delivery'], reply().id);
    const body = JSON.parse(request.body) as Record<string, unknown>;
    assert.equal(body.text, 'Hi Tomasz, on it!');
    assert.deepEqual((body.customer as { externalId: string }).externalId, 'tg-1001');
    const states = events
      .filter((event) => event.type === 'message.updated')
      .map((event) => (event as { message: Message }).message.channelDelivery?.state);
    assert.deepEqual(states, ['sent', 'delivered']);
    // Customer messages are never sent out.
    assert.ok(
      backend
        .messagesOf(sessionId)
        .every((m) => m.author.kind === 'operator' || !m.channelDelivery),
    );
  });

  it('delivers the first message of a +New Session', async () => {
    receiver = await startReceiver([204]);
    await start(configWith(receiver.url));
    const customer = firstTelegramCustomer(backend);
    const started = run({
      type: 'session.start-outbound',
      liveChatId: 'lc-support',
      customerId: customer.id,
      channel: 'telegram',
      text: 'Your parcel is ready.',
      clientMessageId: 'm-out',
    });
    assert.ok(started.ok);
    await waitFor(() => receiver!.requests.length === 1, 'the outbound request');
    const body = JSON.parse(receiver.requests[0].body) as {
      text: string;
      customer: { externalId: string };
    };
    assert.equal(body.text, 'Your parcel is ready.');
    assert.equal(body.customer.externalId, customer.kind === 'external' ? customer.account : '');
  });

  /** Replies to a new customer through a webhook answering `status`; resolves once it failed. */
  async function replyFailingWith(status: number): Promise<Message> {
    receiver = await startReceiver([status]);
    await start(configWith(receiver.url));
    const sessionId = await replyToNewCustomer('Hello?');
    await waitFor(() => operatorReply(sessionId)?.channelDelivery?.state === 'failed', 'failure');
    return operatorReply(sessionId);
  }

  it('retries a failing webhook with back-off, then marks the message failed with the reason', async () => {
    const reply = await replyFailingWith(500);
    assert.equal(receiver!.requests.length, 3);
    assert.equal(reply.channelDelivery?.attempts, 3);
    assert.match(reply.channelDelivery?.reason ?? '', /HTTP 500/);
    assert.deepEqual(channels.outbound.counts(), { pending: 0, delivered: 0, failed: 1 });
    assert.deepEqual(
      receiver!.requests.map((request) => request.headers['x-live-chat-attempt']),
      ['1', '2', '3'],
    );
  });

  it('fails at once on a client error that asking again cannot fix', async () => {
    await replyFailingWith(400);
    assert.equal(receiver!.requests.length, 1);
  });

  it('resumes pending deliveries after a restart', async () => {
    receiver = await startReceiver([503]);
    const config = configWith(receiver.url, { maxAttempts: 10, baseDelayMs: 200 });
    await start(config);
    const sessionId = await replyToNewCustomer('Are you there?');
    await waitFor(() => receiver!.requests.length >= 1, 'the first attempt');
    await waitFor(() => channels.outbound.counts().pending === 1, 'the retry to be scheduled');
    await stop();
    receiver.statuses.splice(0, receiver.statuses.length, 200);
    await start(config);
    const reply = () => operatorReply(sessionId);
    await waitFor(
      () => reply()?.channelDelivery?.state === 'delivered',
      'delivery after the restart',
    );
    assert.ok((reply().channelDelivery?.attempts ?? 0) >= 2);
    assert.equal(new Set(receiver.deliveryIds()).size, 1);
  });
});
