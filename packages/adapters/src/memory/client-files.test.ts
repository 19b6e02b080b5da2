// The client's side of attachments and typing, over the in-memory backend: what the composer and
// the conversation rely on.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { VirtualTimeScheduler } from 'rxjs';
import { createLiveChatClient, createMemoryOutbox, TYPING_TTL_MS } from '@live-chat/core';
import { createMemoryBackend } from './backend.js';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from './seed.js';
import { clientOf, releaseAll, releaseLater, request, until } from './testing/clients.js';

const { operatorA: anna, operatorE: elena } = SEED_USERS;
const support = SEED_LIVE_CHATS.support;
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

afterEach(releaseAll);

const seeded = () => createMemoryBackend({ seed: createSeedData({ history: false }) });

describe('attachments through the client', () => {
  it('refuses a file the policy does not allow before uploading it, with its reason', async () => {
    const backend = seeded();
    const client = await clientOf(backend, anna);
    const cases = [
      [
        { name: 'a.svg', bytes: new TextEncoder().encode('<svg onload="x()"/>') },
        'FILE_TYPE_NOT_ALLOWED',
      ],
      [{ name: 'empty.png', bytes: new Uint8Array(0) }, 'FILE_EMPTY'],
      [{ name: 'big.txt', bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(97) }, 'FILE_TOO_LARGE'],
    ] as const;
    for (const [file, reason] of cases) {
      const result = await client.upload(file);
      assert.equal(result.ok, false, file.name);
      if (!result.ok)
        assert.deepEqual([result.error.code, result.error.details?.reason], ['VALIDATION', reason]);
    }
  });

  it('offers no files when the backend takes none', async () => {
    const backend = createMemoryBackend({
      seed: createSeedData({ history: false }),
      attachments: false,
    });
    const client = await clientOf(backend, anna);
    assert.equal(client.attachmentPolicy, undefined);
    const result = await client.upload({ name: 'a.png', bytes: PNG });
    assert.equal(result.ok, false);
  });

  it('sends a file without text: shown at once, stored once, fetched by who sees the session', async () => {
    const backend = seeded();
    const client = await clientOf(backend, anna);
    const { sessionId } = request(backend, 'Ola Nordmann');
    await until(() => client.getSession(sessionId) !== undefined, 'the session');
    const uploaded = await client.upload({ name: 'label.png', bytes: PNG });
    assert.ok(uploaded.ok);
    const conversation: { messages: { attachments?: unknown[]; delivery?: string }[] }[] = [];
    const subscription = client
      .conversation$(sessionId)
      .subscribe((state) => conversation.push(state));
    releaseLater(() => subscription.unsubscribe());
    const sending = client.send(sessionId, '', { attachments: [uploaded.value] });
    const pending = conversation.at(-1)?.messages.at(-1);
    assert.deepEqual(pending?.attachments, [uploaded.value], 'the pending message shows the file');
    const sent = await sending;
    assert.ok(sent.ok);
    assert.deepEqual(sent.value.message.attachments, [uploaded.value]);
    const stored = backend.messagesOf(sessionId).filter((m) => m.attachments?.length);
    assert.equal(stored.length, 1, 'stored once');
    const bytes = await client.download(uploaded.value.id);
    assert.ok(bytes.ok);
    assert.deepEqual([...bytes.value], [...PNG]);
    const outsider = await clientOf(backend, elena);
    const refused = await outsider.download(uploaded.value.id);
    assert.equal(refused.ok ? 'ok' : refused.error.code, 'FORBIDDEN');
  });

  it('keeps the files of an unsent reply in the outbox, and sends them after a reload', async () => {
    const backend = seeded();
    const outbox = createMemoryOutbox();
    const adapter = backend.connect(anna);
    const first = createLiveChatClient({ adapter, outbox });
    const { sessionId } = request(backend, 'Kari Nordmann');
    await until(() => first.getSession(sessionId) !== undefined, 'the session');
    const uploaded = await first.upload({ name: 'label.png', bytes: PNG });
    assert.ok(uploaded.ok);
    adapter.simulateConnection('offline');
    void first.send(sessionId, 'Your label', { attachments: [uploaded.value] });
    await until(() => true, 'a turn');
    const saved = await outbox.load(anna);
    assert.deepEqual(saved[0]?.attachments, [uploaded.value], 'the outbox keeps the file');
    first.dispose();
    adapter.dispose();
    await clientOf(backend, anna, { outbox });
    await until(
      () => backend.messagesOf(sessionId).some((m) => m.attachments?.[0]?.id === uploaded.value.id),
      'the reply with its file, sent after the reload',
    );
  });
});

describe('typing through the client', () => {
  it("shows a customer's typing until their message, or until it lapses", async () => {
    const backend = seeded();
    const client = await clientOf(backend, anna);
    const { customerId, sessionId } = request(backend, 'Jan Kowalski');
    const seen: boolean[] = [];
    const subscription = client.customerTyping$(sessionId).subscribe((typing) => seen.push(typing));
    releaseLater(() => subscription.unsubscribe());
    await backend.customerTyping(customerId, support, true);
    await until(() => seen.at(-1) === true, 'typing');
    backend.customerWrites({ customerId, liveChatId: support, channel: 'telegram', text: 'Done' });
    await until(() => seen.at(-1) === false, 'the message ends it');
    assert.deepEqual(seen, [false, true, false]);
  });

  it('lets a typing signal lapse after TYPING_TTL_MS without another', async () => {
    const backend = seeded();
    const scheduler = new VirtualTimeScheduler();
    const client = await clientOf(backend, anna, { scheduler });
    const { customerId, sessionId } = request(backend, 'Eva Novak');
    const seen: boolean[] = [];
    client.customerTyping$(sessionId).subscribe((typing) => seen.push(typing));
    await backend.customerTyping(customerId, support, true);
    await until(() => seen.at(-1) === true, 'typing');
    scheduler.flush(); // runs the lapse timer (and any other virtual timer due)
    assert.equal(seen.at(-1), false);
    assert.ok(scheduler.now() >= TYPING_TTL_MS, 'after the time to live');
  });

  it("sends the operator's typing throttled, and a stop only after a start", async () => {
    const backend = seeded();
    const client = await clientOf(backend, anna);
    const { sessionId } = request(backend, 'Pablo Ruiz');
    const heard: boolean[] = [];
    releaseLater(
      backend.onOperatorTyping((session, userId, typing) => {
        if (session.id === sessionId && userId === anna) heard.push(typing);
      }),
    );
    client.setTyping(sessionId, false);
    client.setTyping(sessionId, true);
    client.setTyping(sessionId, true);
    client.setTyping(sessionId, true);
    client.setTyping(sessionId, false);
    await until(() => heard.length >= 2, 'the signals');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(heard, [true, false]);
  });

  it('never stores typing or counts it as unread', async () => {
    const backend = seeded();
    const { customerId, sessionId } = request(backend, 'Mia Wong');
    const seq = backend.seqOf(anna);
    const unread = backend.unreadOf(anna, sessionId);
    await backend.customerTyping(customerId, support, true);
    assert.equal(backend.seqOf(anna), seq);
    assert.equal(backend.unreadOf(anna, sessionId), unread);
  });
});
