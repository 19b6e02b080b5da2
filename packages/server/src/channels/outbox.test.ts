// The outbound queue on SQLite and on PostgreSQL: an operator message is stored only together
// with its queue row (one transaction), so a delivery cannot be lost between the commit and a
// listener that would queue it afterwards.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { pino } from 'pino';
import { describeWithPostgres } from '../postgres/testing/pg-server.js';
import { createChannels } from './index.js';
import { channelConfig } from './testing/channel-config.js';
import {
  postgresDatabase,
  sqliteDatabase,
  type ChannelDatabase,
} from './testing/channel-databases.js';
import {
  newTelegramSession,
  operatorMessages,
  operatorReplies,
  until,
} from './testing/conversation.js';
import { startReceiver, type Receiver } from './testing/webhook-receiver.js';

function queueing(database: () => Promise<ChannelDatabase>): void {
  let db: ChannelDatabase;
  let receiver: Receiver;

  beforeEach(async () => {
    db = await database();
    receiver = await startReceiver([200]);
  });
  afterEach(async () => {
    await db.close();
    await receiver.close();
  });

  it('stores no message whose queue row cannot be written', async () => {
    const backend = await db.open(channelConfig(receiver.url));
    const sessionId = await newTelegramSession(backend);
    await db.refuseQueueing();
    const result = await operatorReplies(backend, sessionId, 'Will this get lost?');
    assert.equal(!result.ok && result.error.code, 'INTERNAL');
    assert.deepEqual(await operatorMessages(backend, sessionId), []);
    // The reply would have taken the session: that was rolled back too.
    assert.equal((await backend.getSession(sessionId))?.status, 'queued');
    assert.deepEqual(await backend.store.channels.counts(), {
      pending: 0,
      delivered: 0,
      failed: 0,
    });
  });

  it('queues a reply in its own commit: a worker started later delivers it once', async () => {
    const backend = await db.open(channelConfig(receiver.url));
    const sessionId = await newTelegramSession(backend);
    // No worker runs (as if the process stopped right after the commit).
    assert.ok((await operatorReplies(backend, sessionId, 'Queued with the message')).ok);
    assert.deepEqual(await backend.store.channels.counts(), {
      pending: 1,
      delivered: 0,
      failed: 0,
    });
    const channels = createChannels({ backend, env: {}, logger: pino({ level: 'silent' }) });
    try {
      const state = async () =>
        (await operatorMessages(backend, sessionId))[0]?.channelDelivery?.state;
      await until(async () => (await state()) === 'delivered', 'the delivery');
      assert.equal(receiver.requests.length, 1);
      assert.equal(JSON.parse(receiver.requests[0]!.body).text, 'Queued with the message');
    } finally {
      await channels.close();
    }
  });
}

describe('the outbound queue on SQLite', () => queueing(async () => sqliteDatabase()));
describeWithPostgres('the outbound queue on PostgreSQL', (server) =>
  queueing(() => postgresDatabase(server())),
);
