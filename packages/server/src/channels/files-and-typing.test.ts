// Files and typing through the channels, over real sockets on 127.0.0.1, on a SQLite backend in
// a data directory.
// - Files: customers' files arrive in the inbound webhook (a bad one refuses the whole message
//   and stores nothing), and an operator's files leave in the outbound payload as signed links
//   that work without a token until they expire, and not when forged or for another channel.
// - Typing, both ways: a customer's typing notice through the inbound webhook reaches the
//   operator's WebSocket, and an operator's typing reaches the channel's outbound endpoint as a
//   signed notice. Both are throttled, stored nowhere (no seq moves, nothing is queued), and
//   refused for a session the operator may not see.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { createWebSocketAdapter, SEED_USERS, type WebSocketAdapter } from '@live-chat/adapters';
import type { Attachment, Message, TypingSignal } from '@live-chat/core';
import { mintToken } from '../auth.js';
import { createTempDir, type TempDir } from '../storage/testing/temp-dir.js';
import { startChannelServer, type ChannelServer } from '../testing/channel-server.js';
import { getFile, SAMPLE_FILES } from '../testing/files.js';
import { waitFor } from '../testing/harness.js';
import { openRawSocket } from '../testing/raw-socket.js';
import { attachmentLink } from './attachment-links.js';
import type { OutboundMessage } from './outbound-message.js';
import { verifySignature } from './signature.js';
import {
  CHANNEL_SECRET,
  channelConfig,
  OPERATOR,
  TELEGRAM_ENDPOINT,
} from './testing/channel-config.js';
import { until } from './testing/conversation.js';
import { postInbound } from './testing/inbound-post.js';
import { startReceiver, type Receiver } from './testing/webhook-receiver.js';
import type { TypingNotice } from './typing-notices.js';

const TOKEN_SECRET = 'a-token-secret-of-at-least-32-bytes!!';
const token = (userId: string) => mintToken({ secret: TOKEN_SECRET, userId, ttlSec: 600 });
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('channels: files and typing', () => {
  let dir: TempDir;
  let running: ChannelServer;
  let receiver: Receiver;

  beforeEach(async () => {
    dir = createTempDir('live-chat-channel-files-');
    receiver = await startReceiver([200]);
    running = await startChannelServer(dir.path, channelConfig(receiver.url, { typing: true }));
  });
  afterEach(async () => {
    await running.stop();
    await receiver.close();
    dir.remove();
  });

  describe('files', () => {
    const storedFiles = () => {
      const root = path.join(dir.path, 'attachments');
      return fs.existsSync(root)
        ? fs
            .readdirSync(root, { recursive: true })
            .filter((name) => /\.(bin|json)$/.test(String(name)))
        : [];
    };

    const withFiles = (
      providerMessageId: string,
      files: { name: string; contentBase64: string }[],
    ) => ({
      providerMessageId,
      customer: { externalId: 'tg-1001', name: 'Tomasz Nowak', account: '@tomasz' },
      text: '',
      attachments: files,
    });

    it('stores a customer’s files with the message; an operator of the live chat downloads them', async () => {
      const posted = await postInbound(
        running.server.url,
        withFiles('p-1', [
          { name: 'receipt.png', contentBase64: base64(SAMPLE_FILES.png) },
          { name: 'order.txt', contentBase64: base64(SAMPLE_FILES.text) },
        ]),
      );
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      const message = running.backend
        .messagesOf(posted.body.sessionId as string)
        .find((m) => m.id === posted.body.messageId) as Message;
      assert.equal(message.text, '');
      assert.deepEqual(
        message.attachments?.map(({ name, type, size, image }) => ({ name, type, size, image })),
        [
          { name: 'receipt.png', type: 'image/png', size: SAMPLE_FILES.png.length, image: true },
          {
            name: 'order.txt',
            type: 'text/plain',
            size: SAMPLE_FILES.text.length,
            image: undefined,
          },
        ],
      );
      const download = await getFile(
        running.server.url,
        await token(OPERATOR),
        message.attachments![0]!.id,
      );
      assert.deepEqual(download.bytes, SAMPLE_FILES.png);

      // The same message again: acknowledged, and no second copy of its files.
      const files = storedFiles().length;
      const again = await postInbound(
        running.server.url,
        withFiles('p-1', [{ name: 'receipt.png', contentBase64: base64(SAMPLE_FILES.png) }]),
      );
      assert.equal(again.status, 200);
      assert.equal(storedFiles().length, files);
    });

    it('refuses the whole message for one bad file, with a typed error, storing nothing', async () => {
      const sessions = running.backend.sessions().length;
      const bad = await postInbound(
        running.server.url,
        withFiles('p-2', [
          { name: 'fine.png', contentBase64: base64(SAMPLE_FILES.png) },
          { name: 'cat.png', contentBase64: base64(SAMPLE_FILES.html) },
        ]),
      );
      assert.equal(bad.status, 422);
      const error = bad.body.error as { code: string; details: Record<string, unknown> };
      assert.equal(error.code, 'VALIDATION');
      assert.deepEqual(
        { field: error.details.field, reason: error.details.reason, type: error.details.type },
        { field: 'attachments[1]', reason: 'FILE_TYPE_NOT_ALLOWED', type: 'text/html' },
      );
      const tooMany = await postInbound(
        running.server.url,
        withFiles(
          'p-3',
          Array.from({ length: 6 }, (_, i) => ({
            name: `${i}.txt`,
            contentBase64: base64(SAMPLE_FILES.text),
          })),
        ),
      );
      assert.equal(tooMany.status, 400);
      assert.match(String((tooMany.body.error as { message: string }).message), /at most 5 files/);
      const notBase64 = await postInbound(
        running.server.url,
        withFiles('p-4', [{ name: 'a', contentBase64: '<b>' }]),
      );
      assert.equal(notBase64.status, 400);
      const empty = await postInbound(
        running.server.url,
        withFiles('p-5', [{ name: 'a.txt', contentBase64: '' }]),
      );
      assert.equal(
        (empty.body.error as { details: { reason: string } }).details.reason,
        'FILE_EMPTY',
      );
      assert.equal(running.backend.sessions().length, sessions, 'no session');
      assert.deepEqual(storedFiles(), [], 'no file');
    });

    it('sends an operator’s files as signed links that work until they expire, and never forged', async () => {
      const first = await postInbound(running.server.url, { ...withFiles('p-6', []), text: 'Hi' });
      const sessionId = first.body.sessionId as string;
      const uploaded = await running.backend.upload(OPERATOR, {
        name: 'label.pdf',
        bytes: new TextEncoder().encode('%PDF-1.7 label'),
      });
      assert.ok(uploaded.ok);
      const sent = running.backend.execute(OPERATOR, {
        type: 'message.send',
        commandId: 'c-1',
        clientMessageId: 'm-1',
        sessionId,
        text: 'Your return label',
        attachmentIds: [uploaded.value.id],
      });
      assert.ok(sent.ok);
      await until(() => receiver.requests.length > 0, 'the delivery');
      const body = JSON.parse(receiver.requests[0]!.body) as OutboundMessage;
      const [file] = body.attachments ?? [];
      assert.deepEqual({ ...file, url: undefined }, { ...uploaded.value, url: undefined });
      assert.match(
        file!.url!,
        new RegExp(
          `^${running.server.url}/channels/${TELEGRAM_ENDPOINT}/attachments/${file!.id}\\?expires=\\d+&signature=[0-9a-f]{64}$`,
        ),
      );

      const fetched = await fetch(file!.url!);
      assert.equal(fetched.status, 200);
      assert.equal(new TextDecoder().decode(await fetched.arrayBuffer()), '%PDF-1.7 label');
      assert.equal(fetched.headers.get('content-type'), 'application/octet-stream');
      assert.equal(fetched.headers.get('x-content-type-options'), 'nosniff');
      assert.match(
        fetched.headers.get('content-disposition') ?? '',
        /^attachment; filename="label\.pdf"/,
      );

      const refusal = async (url: string) => {
        const response = await fetch(url);
        return {
          status: response.status,
          ...((await response.json()) as { error: { details?: { reason?: string } } }),
        };
      };
      const forged = file!.url!.replace(
        /signature=([0-9a-f])/,
        (_, c: string) => `signature=${c === '0' ? '1' : '0'}`,
      );
      assert.deepEqual(await refusal(forged).then((r) => [r.status, r.error.details?.reason]), [
        403,
        'LINK_FORGED',
      ]);
      const otherChannel = file!.url!.replace(TELEGRAM_ENDPOINT, 'lc-support-whatsapp');
      assert.equal((await refusal(otherChannel)).status, 403);
      const later = file!.url!.replace(/expires=\d+/, `expires=${Date.now() + 10 * 86_400_000}`);
      assert.equal((await refusal(later)).status, 403, 'the expiry is signed');
      const expired = attachmentLink(
        running.server.url,
        CHANNEL_SECRET,
        TELEGRAM_ENDPOINT,
        file!.id,
        Date.now() - 1,
      );
      assert.deepEqual(await refusal(expired).then((r) => [r.status, r.error.details?.reason]), [
        403,
        'LINK_EXPIRED',
      ]);
      // A valid link of a file that no session of this channel carries.
      const stray = await running.backend.upload(OPERATOR, {
        name: 'x.txt',
        bytes: SAMPLE_FILES.text,
      });
      assert.ok(stray.ok);
      const strayLink = attachmentLink(
        running.server.url,
        CHANNEL_SECRET,
        TELEGRAM_ENDPOINT,
        (stray.value as Attachment).id,
        Date.now() + 60_000,
      );
      assert.equal((await refusal(strayLink)).status, 404);
    });
  });

  describe('typing', () => {
    let adapter: WebSocketAdapter;
    let sessionId: string;

    beforeEach(async () => {
      adapter = createWebSocketAdapter({
        url: running.server.wsUrl,
        getToken: () => token(OPERATOR),
        WebSocket,
      });
      const written = await postInbound(running.server.url, {
        providerMessageId: 'p-1',
        customer: { externalId: 'tg-1001', name: 'Tomasz Nowak', account: '@tomasz' },
        text: 'Is anyone there?',
      });
      sessionId = written.body.sessionId as string;
      await adapter.snapshot();
    });
    afterEach(() => adapter.dispose());

    const typingNotice = (typing: boolean, externalId = 'tg-1001') =>
      postInbound(running.server.url, { type: 'typing', customer: { externalId }, typing });

    it('a customer’s typing reaches the operator’s socket, throttled, and is stored nowhere', async () => {
      const signals: TypingSignal[] = [];
      const subscription = adapter.typing$.subscribe((signal) => signals.push(signal));
      const seq = running.backend.seqOf(OPERATOR);
      const unread = running.backend.unreadOf(OPERATOR, sessionId);

      assert.deepEqual(await typingNotice(true), { status: 202, body: { typing: true } });
      // Within the throttle's interval: dropped. A stop always passes.
      assert.equal((await typingNotice(true)).status, 202);
      assert.equal((await typingNotice(false)).status, 202);
      // A customer the channel does not know: accepted, and nobody hears of it.
      assert.equal((await typingNotice(true, 'tg-unknown')).status, 202);
      await waitFor(() => signals.length >= 2, 'the typing signals');
      subscription.unsubscribe();
      assert.deepEqual(signals, [
        { sessionId, typing: true },
        { sessionId, typing: false },
      ]);
      assert.equal(running.backend.seqOf(OPERATOR), seq, 'no event');
      assert.equal(running.backend.unreadOf(OPERATOR, sessionId), unread, 'nothing more unread');

      const bad = await postInbound(running.server.url, {
        type: 'typing',
        customer: { externalId: 'tg-1001' },
      });
      assert.equal(bad.status, 400);
      assert.match(
        String((bad.body.error as { message: string }).message),
        /typing: must be true or false/,
      );
    });

    it('an operator’s typing is posted to the outbound endpoint once per interval, never queued', async () => {
      const seq = running.backend.seqOf(OPERATOR);
      adapter.sendTyping(sessionId, true);
      adapter.sendTyping(sessionId, true);
      adapter.sendTyping(sessionId, false);
      await waitFor(() => receiver.requests.length >= 2, 'two typing notices');
      const notices = receiver.requests.map((request) => {
        assert.equal(request.headers['x-live-chat-notice'], 'typing');
        assert.ok(
          verifySignature(
            CHANNEL_SECRET,
            Buffer.from(request.body),
            request.headers['x-live-chat-signature'],
          ),
        );
        return JSON.parse(request.body) as TypingNotice;
      });
      assert.deepEqual(
        notices
          .map(({ at: _at, ...notice }) => notice)
          .sort((a, b) => Number(b.typing) - Number(a.typing)),
        [true, false].map((typing) => ({
          type: 'typing',
          channelId: TELEGRAM_ENDPOINT,
          sessionId,
          liveChatId: 'lc-support',
          customer: { id: notices[0]!.customer.id, externalId: 'tg-1001' },
          operator: { id: OPERATOR },
          typing,
        })),
      );
      assert.deepEqual(running.channels.outbound.counts(), { pending: 0, delivered: 0, failed: 0 });
      assert.equal(running.backend.seqOf(OPERATOR), seq, 'no event');
    });

    it('refuses typing in a session the user may not see, and posts nothing then', async () => {
      const socket = openRawSocket(running.server.wsUrl);
      await socket.auth(await token(SEED_USERS.operatorE));
      const answer = await socket.request({ id: 1, op: 'typing', sessionId, typing: true });
      assert.ok(
        !answer.ok && ['FORBIDDEN', 'NOT_FOUND'].includes(answer.error.code),
        JSON.stringify(answer),
      );
      const malformed = await socket.request({ id: 2, op: 'typing', sessionId, typing: 'yes' });
      assert.ok(!malformed.ok && malformed.error.code === 'VALIDATION');
      const allowed = openRawSocket(running.server.wsUrl);
      await allowed.auth(await token(OPERATOR));
      assert.deepEqual(await allowed.request({ id: 1, op: 'typing', sessionId, typing: false }), {
        id: 1,
        ok: true,
        value: null,
      });
      await waitFor(() => receiver.requests.length === 1, 'the allowed notice');
      socket.ws.close();
      allowed.ws.close();
    });
  });
});
