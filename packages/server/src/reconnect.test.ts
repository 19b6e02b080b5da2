// Liveness over real sockets: a connection that goes silent (its network path dies, nothing
// closes) is noticed by the heartbeat, replaced, and the event stream goes on from where it was,
// with no lost and no doubled event, for the adapter's own streams and for a client on top.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createLiveChatClient, type ConnectionState, type ServerEvent } from '@live-chat/core';
import { SEED_USERS } from '@live-chat/adapters';
import { startTestServer, waitFor, type TestServer } from './testing/harness.js';
import { startProxy, type TestProxy } from './testing/proxy.js';

const anna = SEED_USERS.operatorA;

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function setup(): Promise<{ test: TestServer; proxy: TestProxy; url: string }> {
  const test = await startTestServer();
  const proxy = await startProxy(test.server.port);
  cleanups.push(
    () => test.dispose(),
    () => proxy.close(),
  );
  return { test, proxy, url: `ws://127.0.0.1:${proxy.port}/ws` };
}

const texts = (events: ServerEvent[]) =>
  events.flatMap((event) => (event.type === 'message.added' ? [event.message.text] : []));

describe('heartbeat', () => {
  it('a silent connection goes reconnecting, then online, and the stream resumes with no lost or doubled event', async () => {
    const { test, proxy, url } = await setup();
    const adapter = test.adapter(anna, { url, heartbeatMs: 100, reconnectBaseMs: 50 });
    const states: ConnectionState[] = [];
    adapter.connection$.subscribe((state) => states.push(state));
    const snapshot = await adapter.snapshot();
    const events: ServerEvent[] = [];
    adapter.events(snapshot.seq).subscribe((event) => events.push(event));

    test.customerWrites('one');
    await waitFor(() => texts(events).length === 1, 'the first message');
    proxy.blackholeOpenConnections();
    const lostAt = Date.now();
    test.customerWrites('two'); // sent on the dead path: never arrives there
    test.customerWrites('three');
    await waitFor(() => states.at(-1) === 'reconnecting', 'reconnecting', 3000);
    const noticedAfter = Date.now() - lostAt;
    assert.ok(noticedAfter < 2000, `noticed after ${noticedAfter} ms (heartbeat 100 ms)`);
    await waitFor(() => states.at(-1) === 'online', 'online again', 3000);
    test.customerWrites('four');
    const last = test.backend.seqOf(anna);
    await waitFor(() => events.at(-1)?.seq === last, `seq ${last}`);

    assert.deepEqual(states, ['connecting', 'online', 'reconnecting', 'online']);
    assert.deepEqual(
      events.map((event) => event.seq),
      Array.from({ length: last - snapshot.seq }, (_, i) => snapshot.seq + 1 + i),
      'each event exactly once, in order',
    );
    assert.deepEqual(texts(events), ['one', 'two', 'three', 'four']);
  });

  it('a client on the adapter shows every message once after the connection went silent', async () => {
    const { test, proxy, url } = await setup();
    const client = createLiveChatClient({
      adapter: test.adapter(anna, { url, heartbeatMs: 100, reconnectBaseMs: 50 }),
    });
    cleanups.push(() => client.dispose());
    await waitFor(() => client.status.state === 'ready', 'the client to load');
    const session = test.customerWrites('one');
    const conversation: string[][] = [];
    const watching = client
      .conversation$(session.id)
      .subscribe((state) => conversation.push(state.messages.map((m) => m.text)));
    cleanups.push(() => watching.unsubscribe());
    await waitFor(() => conversation.at(-1)?.includes('one') ?? false, 'the first message');

    proxy.blackholeOpenConnections();
    test.customerWrites('two');
    await waitFor(() => client.connection === 'reconnecting', 'reconnecting', 2000);
    test.customerWrites('three');
    await waitFor(() => client.connection === 'online', 'online again', 3000);
    test.customerWrites('four');
    await waitFor(() => conversation.at(-1)?.length === 4, 'four messages');
    await waitFor(() => client.status.state === 'ready', 'ready');
    assert.deepEqual(conversation.at(-1), ['one', 'two', 'three', 'four']);
    assert.equal(client.getSession(session.id)?.unread, 4);
  });
});
