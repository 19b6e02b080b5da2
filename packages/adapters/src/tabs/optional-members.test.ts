// Files and typing across tabs: "tabs" opened side by side in this process, over real
// BroadcastChannels and in-process Web Locks, with the memory backend behind the leader.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Observable, type Subscription } from 'rxjs';
import {
  createLiveChatClient,
  DEFAULT_ATTACHMENT_POLICY,
  DEFAULT_ATTACHMENT_TYPES,
  LiveChatError,
  type AttachmentPolicy,
  type TransportAdapter,
  type TypingSignal,
} from '@live-chat/core';
import { forwardingAdapter } from '../forwarding-adapter.js';
import { bareAdapter } from './testing/bare-adapter.js';
import { createMemoryBackend, type MemoryBackendOptions } from '../memory/backend.js';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from '../memory/seed.js';
import { releaseAll, releaseLater, request, until } from '../memory/testing/clients.js';
import { decode, encode } from './messages.js';
import { createTabSharedAdapter } from './tab-shared-adapter.js';
import { createTabGroup, online } from './testing/tab-group.js';

const anna = SEED_USERS.operatorA;
const support = SEED_LIVE_CHATS.support;
const OPTIONAL = ['upload', 'attachmentPolicy', 'download', 'typing$', 'sendTyping'] as const;
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

afterEach(releaseAll);

function backendWith(options: Omit<MemoryBackendOptions, 'seed'> = {}) {
  const backend = createMemoryBackend({ ...options, seed: createSeedData({ history: false }) });
  releaseLater(() => void backend.dispose());
  return backend;
}

/** A group of Anna's tabs whose leader connects with `connect`, counting its connections. */
function annasTabs(connect: () => TransportAdapter) {
  const connects = { count: 0 };
  const group = createTabGroup(() => {
    connects.count++;
    return connect();
  });
  releaseLater(() => group.dispose());
  return { group, connects };
}

/** The typed error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<LiveChatError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LiveChatError, `a typed error, not ${String(error)}`);
    return error;
  }
  throw new Error('Expected a rejection.');
}

function typingOf(adapter: TransportAdapter): { signals: TypingSignal[]; stop(): void } {
  const signals: TypingSignal[] = [];
  const subscription: Subscription | undefined = adapter.typing$?.subscribe((signal) =>
    signals.push(signal),
  );
  assert.ok(subscription, 'the adapter offers typing$');
  return { signals, stop: () => subscription.unsubscribe() };
}

describe('tab sharing: files', () => {
  it('a follower uploads and downloads through the leader, and its client sees the policy', async () => {
    const backend = backendWith();
    const { group, connects } = annasTabs(() => backend.connect(anna));
    const leader = group.open();
    const follower = group.open();
    // Created before the leader answered: no policy yet, so no files offered yet.
    const client = createLiveChatClient({ adapter: follower });
    releaseLater(() => client.dispose());
    assert.equal(client.attachmentPolicy, undefined);
    await online(follower);
    assert.deepEqual([leader.tabRole, follower.tabRole, connects.count], ['leader', 'follower', 1]);
    assert.deepEqual(follower.attachmentPolicy, backend.attachmentPolicy);
    assert.deepEqual(client.attachmentPolicy, backend.attachmentPolicy);

    const image = await follower.upload!({ name: '../scan.png', bytes: PNG });
    assert.deepEqual(
      [image.name, image.type, image.size, image.image],
      ['scan.png', 'image/png', PNG.length, true],
    );
    // Larger than one encoding chunk, so the base64 crosses in pieces.
    const notes = new TextEncoder().encode('Order 1234, shipped. '.repeat(5000));
    const text = await follower.upload!({ name: 'notes.txt', bytes: notes });
    assert.deepEqual([text.type, text.size], ['text/plain', notes.length]);

    assert.deepEqual(await follower.download!(text.id), notes);
    assert.deepEqual(await follower.download!(image.id), PNG);
    assert.deepEqual(await leader.download!(text.id), notes, 'the same file, from the leader tab');
    const missing = await rejection(follower.download!('f-00000000-0000-4000-8000-000000000000'));
    assert.equal(missing.code, 'NOT_FOUND');
    assert.equal(connects.count, 1);
  });

  it('an upload and a download made before the tab knows it leads run on its own connection', async () => {
    const backend = backendWith();
    const stored = await backend.connect(anna).upload({ name: 'scan.png', bytes: PNG });
    const { group, connects } = annasTabs(() => backend.connect(anna));
    const tab = group.open();
    const [downloaded, uploaded] = await Promise.all([
      tab.download!(stored.id),
      tab.upload!({ name: 'again.png', bytes: PNG }),
    ]);
    assert.deepEqual([tab.tabRole, connects.count], ['leader', 1]);
    assert.deepEqual(downloaded, PNG);
    assert.deepEqual([uploaded.type, uploaded.size], ['image/png', PNG.length]);
  });

  it('refuses an upload beyond the policy, in the follower and in the leader, with its reason', async () => {
    const policy: AttachmentPolicy = {
      maxBytes: 1024,
      perMessage: 5,
      types: DEFAULT_ATTACHMENT_TYPES,
    };
    const backend = backendWith({ attachments: policy });
    const { group } = annasTabs(() => backend.connect(anna));
    group.open();
    const follower = group.open();
    await online(follower);
    assert.deepEqual(follower.attachmentPolicy, policy);

    const big = { name: 'big.txt', bytes: new Uint8Array(1025).fill(0x61) };
    const refused = await rejection(follower.upload!(big));
    assert.equal(refused.code, 'VALIDATION');
    assert.deepEqual(
      [refused.details?.reason, refused.details?.size, refused.details?.maxBytes],
      ['FILE_TOO_LARGE', 1025, 1024],
    );

    // A tab that skips the follower's check: the leader refuses it all the same.
    const channel = new BroadcastChannel(`live-chat:${group.key}`);
    releaseLater(() => channel.close());
    const messages: unknown[] = [];
    channel.addEventListener('message', (event) => messages.push(decode(event.data)));
    channel.postMessage(encode({ kind: 'hello', from: 'tab-raw' }));
    await until(
      () => messages.some((m) => (m as { kind?: string }).kind === 'leader'),
      'the leader',
    );
    const leaderId = (
      messages.find((m) => (m as { kind: string }).kind === 'leader') as { from: string }
    ).from;
    const bytes = btoa('a'.repeat(2000));
    channel.postMessage(
      encode({
        kind: 'request',
        from: 'tab-raw',
        to: leaderId,
        id: 1,
        op: 'upload',
        payload: { name: 'big.txt', bytes },
      }),
    );
    await until(
      () => messages.some((m) => (m as { kind?: string }).kind === 'response'),
      'the answer',
    );
    const answer = messages.find((m) => (m as { kind: string }).kind === 'response') as {
      value?: unknown;
      error?: { code: string; details?: { reason?: string } };
    };
    assert.equal(answer.value, undefined);
    assert.deepEqual(
      [answer.error?.code, answer.error?.details?.reason],
      ['VALIDATION', 'FILE_TOO_LARGE'],
    );
  });
});

describe('tab sharing: typing', () => {
  it("a follower's typing$ gets a customer's typing, and a client created at once shows it", async () => {
    const backend = backendWith();
    const { customerId, sessionId } = request(backend, 'Ola Nordmann');
    const { group } = annasTabs(() => backend.connect(anna));
    group.open();
    const follower = group.open();
    const client = createLiveChatClient({ adapter: follower });
    releaseLater(() => client.dispose());
    const shown: boolean[] = [];
    client.customerTyping$(sessionId).subscribe((typing) => shown.push(typing));
    const typing = typingOf(follower);
    await online(follower);
    await until(() => client.getSession(sessionId) !== undefined, 'the session in the client');

    await backend.customerTyping(customerId, support, true);
    await until(() => typing.signals.length === 1 && shown.at(-1) === true, 'the typing');
    assert.deepEqual(typing.signals, [{ sessionId, typing: true }]);
    await backend.customerTyping(customerId, support, false);
    await until(() => shown.at(-1) === false, 'the stop');
    assert.deepEqual(typing.signals, [
      { sessionId, typing: true },
      { sessionId, typing: false },
    ]);
  });

  it('the leader subscribes the real typing$ once while any tab listens, and lets go when none does', async () => {
    const backend = backendWith();
    const { customerId, sessionId } = request(backend, 'Ola Nordmann');
    const active = { count: 0 };
    const { group } = annasTabs(() => {
      const real = backend.connect(anna);
      return forwardingAdapter(real, {
        typing$: new Observable<TypingSignal>((subscriber) => {
          active.count++;
          const inner = real.typing$.subscribe(subscriber);
          return () => {
            active.count--;
            inner.unsubscribe();
          };
        }),
      });
    });
    const tabs = [group.open(), group.open(), group.open()];
    for (const tab of tabs) await online(tab);
    const listeners = tabs.map(typingOf);
    // Typing is live only: stops (never throttled) until every tab's listening reached the leader.
    for (let tries = 0; !listeners.every((l) => l.signals.length > 0); tries++) {
      assert.ok(tries < 200, 'every tab hears the typing');
      await backend.customerTyping(customerId, support, false);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(active.count, 1);
    await backend.customerTyping(customerId, support, true);
    await until(() => listeners.every((l) => l.signals.at(-1)?.typing === true), 'the typing');
    for (const listener of listeners) {
      assert.deepEqual(
        listener.signals.filter((signal) => signal.typing),
        [{ sessionId, typing: true }],
      );
      listener.stop();
    }
    await until(() => active.count === 0, 'no subscription left');
  });

  it('a follower that takes over hears typing from its own connection', async () => {
    const backend = backendWith();
    const { group, connects } = annasTabs(() => backend.connect(anna));
    const leader = group.open();
    const follower = group.open();
    const typing = typingOf(follower);
    await online(follower);
    leader.dispose();
    await until(() => follower.tabRole === 'leader' && connects.count === 2, 'the takeover');
    await online(follower);
    const { customerId, sessionId } = request(backend, 'Kari Nordmann');
    await backend.customerTyping(customerId, support, true);
    await until(() => typing.signals.length === 1, 'the typing');
    assert.deepEqual(typing.signals, [{ sessionId, typing: true }]);
  });

  it("a follower's sendTyping reaches the backend through the leader, and is dropped without one", async () => {
    const backend = backendWith();
    const { sessionId } = request(backend, 'Ola Nordmann');
    const heard: [string, string, boolean][] = [];
    releaseLater(
      backend.onOperatorTyping((session, userId, typing) =>
        heard.push([session.id, userId, typing]),
      ),
    );
    const { group } = annasTabs(() => backend.connect(anna));
    group.open();
    const follower = group.open();
    follower.sendTyping!(sessionId, true); // no leader known yet: dropped, not queued
    await online(follower);
    follower.sendTyping!(sessionId, false);
    await until(() => heard.length > 0, "the operator's typing");
    assert.deepEqual(heard, [[sessionId, anna, false]]);
    follower.sendTyping!(sessionId, true);
    await until(() => heard.length > 1, "the operator's typing again");
    assert.deepEqual(heard.at(-1), [sessionId, anna, true]);
  });
});

describe('tab sharing: which members', () => {
  it('a real adapter without the optional members gives tabs without them', async () => {
    const backend = backendWith();
    const { group } = annasTabs(() => bareAdapter(backend.connect(anna)));
    const leader = group.open();
    const follower = group.open();
    // Until the leader tells, every member is there (a client subscribes to typing$ at once).
    assert.ok(OPTIONAL.every((member) => member in follower));
    assert.equal(typeof follower.customers, 'function');
    assert.equal(follower.attachmentPolicy, undefined);
    await online(leader);
    await online(follower);
    for (const tab of [leader, follower]) {
      assert.deepEqual(
        OPTIONAL.filter((member) => member in tab),
        [],
        tab.tabRole,
      );
      // Its snapshot carries the customers: no tab reads them on demand.
      assert.equal(tab.customers, undefined, tab.tabRole);
    }
    const client = createLiveChatClient({ adapter: follower });
    releaseLater(() => client.dispose());
    assert.equal(client.attachmentPolicy, undefined);

    const alone = createTabSharedAdapter({
      key: 'alone',
      locks: null,
      connect: () => bareAdapter(backend.connect(anna)),
    });
    releaseLater(() => alone.dispose());
    assert.deepEqual(
      OPTIONAL.filter((member) => member in alone),
      [],
    );
    assert.equal(alone.customers, undefined);
  });

  it('a real adapter with them gives every tab all of them, the policy in the leader tab too', async () => {
    const backend = backendWith();
    const customer = backend
      .customers()
      .find((c) => c.kind === 'external' && c.messenger === 'telegram')!;
    backend.customerWrites({
      customerId: customer.id,
      liveChatId: support,
      channel: 'telegram',
      text: 'Hello',
    });
    const { group } = annasTabs(() => backend.connect(anna));
    const tabs = [group.open(), group.open()];
    for (const tab of tabs) await online(tab);
    const alone = createTabSharedAdapter({
      key: 'alone',
      locks: null,
      connect: () => backend.connect(anna),
    });
    releaseLater(() => alone.dispose());
    for (const tab of [...tabs, alone]) {
      assert.deepEqual(
        OPTIONAL.filter((member) => member in tab),
        [...OPTIONAL],
        tab.tabRole,
      );
      assert.deepEqual(tab.attachmentPolicy, backend.attachmentPolicy, tab.tabRole);
      assert.deepEqual(
        await tab.customers!({ ids: [customer.id, 'cust-nobody'] }),
        [customer],
        tab.tabRole,
      );
    }
  });

  it('upload without a policy means the default; a policy that changes reaches the follower with the connection', async () => {
    const backend = backendWith();
    const small: AttachmentPolicy = { maxBytes: 2048, perMessage: 1, types: ['image/png'] };
    let policy: AttachmentPolicy | undefined = small;
    let real: ReturnType<typeof backend.connect> | undefined;
    const { group } = annasTabs(() => {
      real = backend.connect(anna);
      const adapter = real;
      const wrapped = bareAdapter(adapter, { upload: (file) => adapter.upload(file) });
      return Object.defineProperty(wrapped, 'attachmentPolicy', { get: () => policy });
    });
    group.open();
    const follower = group.open();
    const client = createLiveChatClient({ adapter: follower });
    releaseLater(() => client.dispose());
    const seen: (AttachmentPolicy | undefined)[] = [];
    follower.connection$.subscribe((state) => {
      if (state === 'online') seen.push(client.attachmentPolicy);
    });
    await until(() => seen.length === 1, 'online');
    assert.deepEqual(seen, [small]);
    assert.deepEqual(
      OPTIONAL.filter((member) => member in follower),
      ['upload', 'attachmentPolicy'],
    );

    policy = undefined; // the backend now says it takes none
    real!.simulateConnection('reconnecting');
    real!.simulateConnection('online');
    await until(() => seen.length === 2, 'online again');
    assert.deepEqual(seen, [small, undefined]);

    const { group: other } = annasTabs(() => {
      const adapter = backend.connect(anna);
      return bareAdapter(adapter, { upload: (file) => adapter.upload(file) });
    });
    other.open();
    const next = other.open();
    await online(next);
    assert.ok('attachmentPolicy' in next);
    assert.deepEqual(next.attachmentPolicy, DEFAULT_ATTACHMENT_POLICY);
  });
});
