// Files and typing on PostgreSQL, over real sockets on 127.0.0.1: a customer typing on one
// instance reaches an operator connected to another (a notification, never a stored event);
// a file uploaded on one instance, with the attachments directory shared, is sent, kept in the
// message (migration 7) and downloaded on another; and the channels take files and typing in
// and post operators' typing out, as on SQLite.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { TypingSignal } from '@live-chat/core';
import { createChannels } from '../channels/index.js';
import { channelConfig, OPERATOR } from '../channels/testing/channel-config.js';
import { postgresDatabase } from '../channels/testing/channel-databases.js';
import { newTelegramSession, until } from '../channels/testing/conversation.js';
import { postInbound } from '../channels/testing/inbound-post.js';
import { startReceiver } from '../channels/testing/webhook-receiver.js';
import type { TypingNotice } from '../channels/typing-notices.js';
import { createTempDir } from '../storage/testing/temp-dir.js';
import { getFile, SAMPLE_FILES, uploadFile } from '../testing/files.js';
import { serveBackend, waitFor, type ServedBackend } from '../testing/harness.js';
import { telegramCustomers } from '../testing/seed-customers.js';
import type { PostgresBackend } from './backend.js';
import { describeWithPostgres } from './testing/pg-server.js';
import { startPostgresInstances } from './testing/server-instances.js';

const { operatorA: anna, supervisor: maria } = SEED_USERS;
/** Live delivery must come from notifications: the safety-net poll is too slow to matter. */
const SLOW_POLL = { pollIntervalMs: 60_000 };

type Instance = ServedBackend<PostgresBackend>;

describeWithPostgres('PostgreSQL: files and typing across instances', (server) => {
  /** Two instances on one database, and a session a customer started through the first. */
  async function twoInstances() {
    const world = await startPostgresInstances(server(), { count: 2, backend: SLOW_POLL });
    const [one, two] = world.instances as [Instance, Instance];
    const customerId = telegramCustomers(world.seed)[0]!.id;
    const written = await one.backend.customerWrites({
      customerId,
      liveChatId: SEED_LIVE_CHATS.support,
      channel: 'telegram',
      text: 'Hello?',
    });
    assert.ok(written.ok);
    return { world, one, two, customerId, sessionId: written.value.session.id };
  }

  it('a customer typing on one instance reaches an operator on another, and is stored nowhere', async () => {
    const { world, one, two, customerId, sessionId } = await twoInstances();
    try {
      const adapter = two.adapter(anna);
      await adapter.snapshot();
      const signals: TypingSignal[] = [];
      const subscription = adapter.typing$.subscribe((signal) => signals.push(signal));
      const seq = await two.backend.seqOf(anna);

      assert.ok((await one.backend.customerTyping(customerId, SEED_LIVE_CHATS.support, true)).ok);
      assert.ok((await one.backend.customerTyping(customerId, SEED_LIVE_CHATS.support, false)).ok);
      await waitFor(() => signals.length >= 2, 'the signals on the other instance');
      subscription.unsubscribe();
      assert.deepEqual(signals, [
        { sessionId, typing: true },
        { sessionId, typing: false },
      ]);
      assert.equal(await two.backend.seqOf(anna), seq, 'no event');
    } finally {
      await world.dispose();
    }
  });

  it('a file uploaded on one instance is sent, kept and downloaded on another (one shared directory)', async () => {
    // The instances keep their files in one directory they share.
    const { world, one, two, sessionId } = await twoInstances();
    try {
      const attachment = await uploadFile(
        one.server.url,
        await one.token(anna),
        'receipt.png',
        SAMPLE_FILES.png,
      );
      const sent = await one.adapter(anna).execute({
        type: 'message.send',
        commandId: 'c-1',
        clientMessageId: 'm-1',
        sessionId,
        text: 'Here it is',
        attachmentIds: [attachment.id],
      });
      assert.ok(sent.ok, JSON.stringify(sent));

      const download = await getFile(two.server.url, await two.token(maria), attachment.id);
      assert.equal(download.status, 200);
      assert.deepEqual(download.bytes, SAMPLE_FILES.png);
      const page = await two.adapter(maria).history({ sessionId });
      assert.deepEqual(page.messages.at(-1)?.attachments, [attachment]);
    } finally {
      await world.dispose();
    }
  });

  it('channels on PostgreSQL take files and typing in, and post operators’ typing out', async () => {
    const files = createTempDir('live-chat-pg-files-');
    const receiver = await startReceiver([200]);
    const database = await postgresDatabase(server());
    const backend = await database.open(channelConfig(receiver.url, { typing: true }), {
      attachments: { dir: files.path },
    });
    const channels = createChannels({ backend, env: {} });
    const served = await serveBackend(backend, { handlers: [channels.handle] });
    try {
      const posted = await postInbound(served.server.url, {
        providerMessageId: 'p-1',
        customer: { externalId: 'tg-77', name: 'Tomasz Nowak' },
        text: '',
        attachments: [
          { name: 'receipt.png', contentBase64: Buffer.from(SAMPLE_FILES.png).toString('base64') },
        ],
      });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      const [message] = await backend.messagesOf(posted.body.sessionId as string);
      assert.equal(message?.attachments?.[0]?.type, 'image/png');

      const adapter = served.adapter(OPERATOR);
      await adapter.snapshot();
      const signals: TypingSignal[] = [];
      const subscription = adapter.typing$.subscribe((signal) => signals.push(signal));
      const typing = await postInbound(served.server.url, {
        type: 'typing',
        customer: { externalId: 'tg-77' },
        typing: true,
      });
      assert.equal(typing.status, 202);
      await waitFor(() => signals.length === 1, 'the customer’s typing');
      subscription.unsubscribe();

      const sessionId = await newTelegramSession(backend);
      assert.ok((await backend.operatorTyping(OPERATOR, sessionId, true)).ok);
      await until(() => receiver.requests.length === 1, 'the typing notice');
      const notice = JSON.parse(receiver.requests[0]!.body) as TypingNotice;
      assert.deepEqual(
        { sessionId: notice.sessionId, typing: notice.typing, operator: notice.operator.id },
        { sessionId, typing: true, operator: OPERATOR },
      );
      assert.match(notice.customer.externalId, /^@customer_\d+$/);
    } finally {
      await channels.close();
      await served.dispose();
      await database.close();
      await receiver.close();
      files.remove();
    }
  });
});
