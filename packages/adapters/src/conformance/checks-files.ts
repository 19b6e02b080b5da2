/**
 * Attachments and typing: files go both ways and reach only those who see the session, their
 * type comes from their bytes, and typing signals reach the session's viewers without being
 * stored. Checks of an optional part of the contract pass at once for an adapter (or a harness)
 * without it.
 */
import type {
  Attachment,
  MessageAddedEvent,
  ServerEvent,
  Session,
  TransportAdapter,
  TypingSignal,
} from '@live-chat/core';
import { check, checkEqual, checkRejects } from './assert.js';
import { take } from './command-inputs.js';
import { newCommandId, type CheckDefinition } from './probe.js';

/** A valid 1 × 1 PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);
const text = (value: string) => new TextEncoder().encode(value);

/** The adapter's upload, or `undefined` when it takes no files. */
function uploader(adapter: TransportAdapter): TransportAdapter['upload'] {
  return adapter.upload?.bind(adapter);
}

const reply = (sessionId: string, body: string, attachmentIds?: string[], internal?: true) => ({
  type: 'message.send' as const,
  sessionId,
  text: body,
  clientMessageId: `file-${newCommandId()}`,
  ...(attachmentIds && { attachmentIds }),
  ...(internal && { internal }),
});

const withFile =
  (id: string) =>
  (e: ServerEvent): e is MessageAddedEvent =>
    e.type === 'message.added' && e.message.attachments?.some((file) => file.id === id) === true;

/** Collects an adapter's typing signals. */
function typingOf(adapter: TransportAdapter): { signals: TypingSignal[]; stop(): void } {
  const signals: TypingSignal[] = [];
  const subscription = adapter.typing$?.subscribe((signal) => signals.push(signal));
  return { signals, stop: () => subscription?.unsubscribe() };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds, for at most `ms`. */
async function within(ms: number, condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    check(Date.now() < deadline, `Timed out waiting for ${what}.`);
    await pause(5);
  }
}

export const FILE_CHECKS: readonly CheckDefinition[] = [
  {
    name: "attachments: an operator's file reaches everyone who sees the session, and only they may fetch it",
    async run(p) {
      const { operatorA, operatorB, supervisor, outsider } = p.users;
      const upload = uploader(p.adapter(operatorA));
      if (!upload) return;
      const session = await p.newSession(0);
      await p.ok(operatorA, take(session.id), 'take');
      const [a, sup] = [await p.record(operatorA), await p.record(supervisor)];
      const file = await upload({ name: '../../etc/screen shot.png', bytes: PNG });
      checkEqual(
        [file.name, file.type, file.size, file.image],
        ['screen shot.png', 'image/png', PNG.byteLength, true],
        'the upload is named without its path, typed from its bytes and may be previewed',
      );
      const sent = (await p.ok(
        operatorA,
        reply(session.id, '', [file.id]),
        'a file without text',
      )) as {
        message: { attachments?: Attachment[]; text: string };
        session: Session;
      };
      checkEqual(sent.message.attachments, [file], 'the message carries the file');
      check(
        sent.session.lastMessagePreview.includes('screen shot.png'),
        "the session's preview names the file",
      );
      for (const r of [a, sup]) await r.waitFor(withFile(file.id), `${r.userId} gets the message`);
      const page = await p.adapter(supervisor).history({ sessionId: session.id });
      check(
        page.messages.some((m) => m.attachments?.[0]?.id === file.id),
        'history keeps the file',
      );
      const fetched = await p.adapter(supervisor).download?.(file.id);
      checkEqual([...(fetched ?? [])], [...PNG], 'the supervisor fetches the same bytes');
      await checkRejects(
        p.adapter(outsider).download?.(file.id) ?? Promise.reject(new Error()),
        ['FORBIDDEN', 'NOT_FOUND'],
        'an operator of another live chat fetches it',
      );
      await checkRejects(
        p.adapter(operatorB).download?.('f-00000000-0000-4000-8000-000000000000') ??
          Promise.reject(new Error()),
        'NOT_FOUND',
        'an unknown file',
      );
      const mine = await upload({ name: 'notes.txt', bytes: text('Order 1234, card ending 42') });
      checkEqual(mine.type, 'text/plain', 'text is typed text/plain');
      await checkRejects(
        p.adapter(operatorB).download?.(mine.id) ?? Promise.reject(new Error()),
        ['FORBIDDEN', 'NOT_FOUND'],
        'a colleague fetches a file not sent yet',
      );
      const unchanged = await p.unchangedFor([operatorA, operatorB, supervisor]);
      await p.refuses([
        [
          "a colleague's upload",
          supervisor,
          reply(session.id, 'Here', [mine.id]),
          ['VALIDATION', 'FORBIDDEN'],
        ],
        ['a file in a note', operatorA, reply(session.id, 'See', [mine.id], true), 'VALIDATION'],
        ['a file never uploaded', operatorA, reply(session.id, 'x', ['f-none']), 'VALIDATION'],
        ['no text and no file', operatorA, reply(session.id, '  '), 'VALIDATION'],
      ]);
      await unchanged();
      for (const r of [a, sup]) await p.checkConverged(r);
    },
  },
  {
    name: 'uploads: the type comes from the bytes; SVG, HTML, empty and oversized files are refused with their reason',
    async run(p) {
      const adapter = p.adapter(p.users.operatorA);
      const upload = uploader(adapter);
      if (!upload) return;
      const refused = async (name: string, bytes: Uint8Array, reason: string) => {
        try {
          await upload({ name, bytes });
        } catch (error) {
          const details = (error as { code?: string; details?: { reason?: unknown } }) ?? {};
          checkEqual([details.code, details.details?.reason], ['VALIDATION', reason], name);
          return;
        }
        check(false, `${name} was accepted`);
      };
      await refused(
        'logo.svg',
        text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        'FILE_TYPE_NOT_ALLOWED',
      );
      await refused(
        'cat.png',
        text('<!doctype html><script>alert(1)</script>'),
        'FILE_TYPE_NOT_ALLOWED',
      );
      await refused('empty.txt', new Uint8Array(0), 'FILE_EMPTY');
      const maxBytes = adapter.attachmentPolicy?.maxBytes;
      if (maxBytes !== undefined && maxBytes <= 4 * 1024 * 1024) {
        const big = new Uint8Array(maxBytes + 1).fill(0x61);
        await refused('big.txt', big, 'FILE_TOO_LARGE');
      }
      const renamed = await upload({ name: 'report.pdf', bytes: PNG });
      checkEqual(renamed.type, 'image/png', 'a PNG named .pdf is a PNG');
    },
  },
  {
    name: "attachments: a customer's file arrives with their message",
    async run(p) {
      const { customerUpload } = p.harness;
      const adapter = p.adapter(p.users.operatorA);
      if (!customerUpload || !adapter.download) return;
      const a = await p.record(p.users.operatorA);
      const customerId = p.customer(1);
      const id = await customerUpload(customerId, { name: 'receipt.png', bytes: PNG });
      await p.harness.customerWrites({
        customerId,
        liveChatId: p.harness.liveChatId,
        channel: p.harness.channel,
        text: '',
        attachmentIds: [id],
      });
      const added = await a.waitFor(withFile(id), 'the customer message with its file');
      checkEqual(added.message.author.kind, 'customer', 'from the customer');
      checkEqual([...(await adapter.download(id))], [...PNG], 'the operator fetches it');
    },
  },
  {
    name: 'typing: a customer typing reaches who sees the session, throttled and never stored; an operator typing reaches the channel',
    async run(p) {
      const { operatorA, outsider } = p.users;
      const { customerTyping, onOperatorTyping } = p.harness;
      const adapter = p.adapter(operatorA);
      if (!customerTyping || !adapter.typing$) return;
      const session = await p.newSession(2);
      const [a, out] = [typingOf(adapter), typingOf(p.adapter(outsider))];
      const seq = (await adapter.snapshot()).seq;
      const customerId = p.customer(2);
      await customerTyping(customerId, p.harness.liveChatId, true);
      await customerTyping(customerId, p.harness.liveChatId, true);
      await within(2000, () => a.signals.length > 0, 'the typing signal');
      await pause(100);
      checkEqual(
        a.signals,
        [{ sessionId: session.id, typing: true }],
        'one signal (the second is throttled)',
      );
      await customerTyping(customerId, p.harness.liveChatId, false);
      await within(2000, () => a.signals.length === 2, 'the stop signal');
      checkEqual(a.signals[1], { sessionId: session.id, typing: false }, 'then stopped');
      checkEqual(out.signals, [], 'an operator of another live chat is not told');
      checkEqual((await adapter.snapshot()).seq, seq, 'typing adds nothing to the event stream');
      a.stop();
      out.stop();
      if (!onOperatorTyping || !adapter.sendTyping) return;
      const heard: [string, string, boolean][] = [];
      const stop = onOperatorTyping((sessionId, userId, typing) =>
        heard.push([sessionId, userId, typing]),
      );
      try {
        p.adapter(outsider).sendTyping?.(session.id, true);
        adapter.sendTyping(session.id, true);
        await within(2000, () => heard.length > 0, "the operator's typing at the channel");
        await pause(100);
        checkEqual(
          heard,
          [[session.id, operatorA, true]],
          'only who may see the session is passed on',
        );
      } finally {
        stop();
      }
    },
  },
];
