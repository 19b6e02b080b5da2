// Channels with two server instances on one PostgreSQL database: an inbound message sent to
// both at once is stored once, every queued delivery is claimed by exactly one instance, and a
// delivery whose instance died after claiming it is delivered once by the other when the claim
// runs out.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'node:test';
import { pino } from 'pino';
import type { Id } from '@live-chat/core';
import { describeWithPostgres } from '../postgres/testing/pg-server.js';
import type { ChannelEndpoint } from '../config/schema.js';
import { createChannels, parseInbound, type Channels, type ChannelsOptions } from './index.js';
import { channelConfig, OPERATOR, TELEGRAM_ENDPOINT } from './testing/channel-config.js';
import type { PostgresBackend } from '../postgres/backend.js';
import { postgresDatabase, type ChannelDatabase } from './testing/channel-databases.js';
import {
  newTelegramSession,
  operatorMessages,
  operatorReplies,
  until,
} from './testing/conversation.js';
import { startReceiver, type Receiver } from './testing/webhook-receiver.js';

describeWithPostgres('channels on two PostgreSQL instances', (server) => {
  let db: ChannelDatabase<PostgresBackend>;
  let receiver: Receiver;
  let a: PostgresBackend;
  let b: PostgresBackend;
  const started: Channels[] = [];

  /** The channels of `backend`: silent, with a short poll for what others leave behind. */
  const channelsOf = (backend: PostgresBackend, options: Partial<ChannelsOptions> = {}) => {
    const channels = createChannels({
      backend,
      env: {},
      logger: pino({ level: 'silent' }),
      pollIntervalMs: 50,
      ...options,
    });
    started.push(channels);
    return channels;
  };

  beforeEach(async () => {
    db = await postgresDatabase(server());
    receiver = await startReceiver([200]);
    const config = channelConfig(receiver.url);
    a = await db.open(config);
    b = await db.open(config);
  });
  afterEach(async () => {
    for (const channels of started.splice(0)) await channels.close();
    await db.close();
    await receiver.close();
  });

  it('stores an inbound message once when both instances receive it at once', async () => {
    const [inA, inB] = [channelsOf(a).inbound, channelsOf(b).inbound];
    const endpoint = (await a.store.channels.endpoint(TELEGRAM_ENDPOINT)) as ChannelEndpoint;
    const message = (providerMessageId: string, externalId: string) =>
      parseInbound(
        { providerMessageId, customer: { externalId, name: 'Tomasz Nowak' }, text: 'Hello' },
        endpoint,
      );

    const first = await inA.receive(endpoint, message('p-new', 'tg-new'));
    assert.equal(first.cause, 'created');
    const seen = await b.snapshot(OPERATOR);
    assert.ok(seen.ok && seen.value.sessions.some((session) => session.id === first.sessionId));

    for (let i = 0; i < 6; i++) {
      const input = message(`p-race-${i}`, `tg-race-${i}`);
      const answers = await Promise.all([
        inA.receive(endpoint, input),
        inB.receive(endpoint, input),
      ]);
      assert.deepEqual(answers.map((answer) => answer.duplicate).sort(), [false, true]);
      assert.equal(answers[0].messageId, answers[1].messageId);
      assert.equal(answers[0].customerId, answers[1].customerId);
      assert.equal((await a.messagesOf(answers[0].sessionId)).length, 1);
    }
    const { rows } = await a.store.pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM customers WHERE data->>'account' LIKE 'tg-race-%'`,
    );
    assert.equal(rows[0]!.n, 6);
  });

  it('has every queued delivery claimed by exactly one of two racing instances', async () => {
    const sessions: Id[] = [];
    for (let i = 0; i < 12; i++) {
      const sessionId = await newTelegramSession(a);
      assert.ok((await operatorReplies(i % 2 ? a : b, sessionId, `Reply ${i}`)).ok);
      sessions.push(sessionId);
    }
    // Both workers start at once and find the same twelve deliveries due.
    channelsOf(a);
    channelsOf(b);
    await until(
      async () => (await a.store.channels.counts()).delivered === sessions.length,
      'every delivery',
    );
    const ids = receiver.deliveryIds();
    assert.equal(ids.length, sessions.length);
    assert.equal(new Set(ids).size, sessions.length);
    for (const sessionId of sessions) {
      const [reply] = await operatorMessages(b, sessionId);
      assert.equal(reply?.channelDelivery?.state, 'delivered');
      assert.equal(reply?.channelDelivery?.attempts, 1);
    }
  });

  it('delivers once, from the other instance, what a dead instance had claimed', async () => {
    const sessionId = await newTelegramSession(a);
    assert.ok((await operatorReplies(a, sessionId, 'Claimed, then the instance died')).ok);
    // Instance A claims the delivery and dies before attempting it.
    const leaseMs = 400;
    const [claim] = await a.store.channels.claimDue(Date.now(), leaseMs, 10);
    assert.ok(claim);
    channelsOf(b);
    await until(
      async () => (await operatorMessages(b, sessionId))[0]?.channelDelivery?.state === 'delivered',
      'the delivery by B',
    );
    assert.equal(receiver.requests.length, 1);
    assert.ok(receiver.requests[0]!.at >= claim.leaseUntil, 'not before the claim ran out');
    // A, come back late, cannot settle what B delivered.
    const late = await a.store.channels.settle(
      claim,
      { state: 'failed', attempts: 1, error: 'late' },
      Date.now(),
    );
    assert.equal(late, false);
    assert.deepEqual(await a.store.channels.counts(), { pending: 0, delivered: 1, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(receiver.requests.length, 1);
  });
});
