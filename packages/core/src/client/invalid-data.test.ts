import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert, Snapshot } from '../index.js';
import { createLiveChatClient } from './client.js';
import { createFakeAdapter } from './testing/fake-adapter.js';
import { makeMessage, makeSession, makeSnapshot } from './testing/fixtures.js';
import { record, until, whenReady } from './testing/helpers.js';
import type { ClientStatus } from './views.js';

/** A value shaped like a compiled template: it must never reach a renderer as a name. */
const TEMPLATE = { _$litType$: 1, strings: ['<img src=x onerror=alert(1)>'], values: [] };

const errorOf = (status: ClientStatus) => (status.state === 'error' ? status.error : undefined);

describe('client: data the backend sends is checked before it is applied', () => {
  it('refuses a snapshot with a template-shaped customer name, and loads a sound one later', async () => {
    const fake = createFakeAdapter();
    const sound = fake.snapshotHandler;
    fake.snapshotHandler = async () => {
      const snapshot = await sound();
      (snapshot.customers[0] as { name: unknown }).name = TEMPLATE;
      return snapshot;
    };
    const client = createLiveChatClient({ adapter: fake.adapter });
    await until(() => client.status.state === 'error');
    assert.deepEqual(errorOf(client.status), {
      code: 'INVALID_DATA',
      message:
        'The backend sent an invalid snapshot (at "snapshot.customers[0].name"); it was not applied.',
      details: { path: 'snapshot.customers[0].name' },
    });
    assert.equal(client.me, null, 'nothing of it was applied');
    assert.deepEqual(client.getCustomers(), []);

    fake.snapshotHandler = sound;
    client.retryLoad();
    await whenReady(client);
    assert.equal(client.getCustomer('c-1')?.name, 'Anna');
    client.dispose();
  });

  it('refuses an event of the wrong shape without applying it, reports it and resyncs', async () => {
    const fake = createFakeAdapter({
      initial: makeSnapshot({ seq: 3, sessions: [makeSession('s1')] }),
    });
    const client = createLiveChatClient({ adapter: fake.adapter });
    await whenReady(client);
    const statuses = record(client.status$);
    const alerts = record(client.alerts$);
    const alert = {
      id: 'al-1',
      sessionId: 's1',
      liveChatId: 'lc-1',
      messageId: 'm-1',
      customerName: TEMPLATE,
      preview: 'Hello',
      channel: 'web',
      at: 1,
    } as unknown as Alert;
    fake.emit({ type: 'alert', alert });
    fake.emit({
      type: 'session.upserted',
      session: makeSession('s2'),
      unread: 1,
      cause: 'created',
    });
    await until(() => client.getSession('s2') !== undefined && client.status.state === 'ready');
    assert.deepEqual(alerts.values, [], 'the bad alert never reached anyone');
    const refused = statuses.values.map(errorOf).find((error) => error !== undefined);
    assert.equal(refused?.code, 'INVALID_DATA');
    assert.equal(refused?.details?.path, 'event.alert.customerName');
    assert.equal(fake.calls.snapshot, 2, 'recovered like a corrupt stream: with a snapshot');
    assert.equal(client.getSession('s1')?.session.name, 'Session s1', 'the workspace kept going');
    statuses.stop();
    alerts.stop();
    client.dispose();
  });

  it('refuses a history page or a send result carrying a message of the wrong shape', async () => {
    const fake = createFakeAdapter({
      initial: makeSnapshot({ sessions: [makeSession('s1', { status: 'queued' })] }),
    });
    const bad = makeMessage('s1', 1, { text: TEMPLATE as unknown as string });
    fake.historyHandler = async () => ({ messages: [bad], hasMore: false });
    const client = createLiveChatClient({ adapter: fake.adapter });
    await whenReady(client);
    const conversation = record(client.conversation$('s1'));
    await until(() => conversation.values.at(-1)?.error !== undefined);
    const shown = conversation.values.at(-1);
    assert.equal(shown?.error?.code, 'INVALID_DATA');
    assert.equal(shown?.error?.details?.path, 'history page.messages[0].text');
    assert.deepEqual(shown?.messages, []);

    fake.executeHandler = async () => ({
      ok: true,
      value: { message: bad, session: makeSession('s1') },
    });
    const sent = await client.send('s1', 'Hello');
    assert.equal(sent.ok ? 'ok' : sent.error.code, 'INVALID_DATA');
    conversation.stop();
    client.dispose();
  });

  it('reads unread counts and counters by own keys, whatever the ids', async () => {
    const ids = ['constructor', '__proto__', 'toString'];
    const initial: Snapshot = makeSnapshot({
      liveChats: makeSnapshot().liveChats.map((chat) =>
        chat.id === 'lc-1' ? { ...chat, id: '__proto__' } : chat,
      ),
      groups: [],
      sessions: ids.map((id) => makeSession(id, { liveChatId: '__proto__' })),
      unread: Object.fromEntries([['__proto__', 2]]),
    });
    const fake = createFakeAdapter({ initial });
    const client = createLiveChatClient({ adapter: fake.adapter });
    await whenReady(client);
    assert.deepEqual(
      ids.map((id) => client.getSession(id)?.unread),
      [0, 2, 0],
    );
    const groups = client.counters.groups;
    assert.ok(Object.hasOwn(groups, '__proto__'), 'a live chat id is a key like any other');
    assert.equal(Object.getPrototypeOf(groups), Object.prototype);
    assert.equal(Object.hasOwn(groups, 'constructor'), false);
    client.dispose();
  });
});
