// The workspace's client over the WebSocket adapter: two operators and a supervisor, each with
// their own client and socket, see each other's actions live.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import { SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import { startTestServer, waitFor, type TestServer } from './testing/harness.js';

const clients: LiveChatClient[] = [];
let test: TestServer | undefined;
after(async () => {
  for (const client of clients) client.dispose();
  await test?.dispose();
});

function clientFor(server: TestServer, userId: string): LiveChatClient {
  const client = createLiveChatClient({ adapter: server.adapter(userId) });
  clients.push(client);
  return client;
}

describe('clients over WebSocket', () => {
  it("an operator sees another operator's take live, and the supervisor sees who has it", async () => {
    test = await startTestServer();
    const anna = clientFor(test, SEED_USERS.operatorA);
    const ben = clientFor(test, SEED_USERS.operatorB);
    const maria = clientFor(test, SEED_USERS.supervisor);
    await waitFor(
      () => [anna, ben, maria].every((client) => client.status.state === 'ready'),
      'three clients to load',
    );
    const annasQueue: string[][] = [];
    const watching = anna
      .sessions$(SEED_LIVE_CHATS.support, 'queue')
      .subscribe((views) => annasQueue.push(views.map((view) => view.session.id)));

    const session = test.customerWrites('Is anyone there?');
    await waitFor(
      () => annasQueue.at(-1)?.includes(session.id) ?? false,
      "the session in Anna's queue",
    );
    assert.equal(anna.getSession(session.id)?.isNew, true);
    await waitFor(() => ben.getSession(session.id) !== undefined, 'Ben to see it');

    const taken = await ben.take(session.id);
    assert.ok(taken.ok, JSON.stringify(taken));
    await waitFor(
      () => !(annasQueue.at(-1)?.includes(session.id) ?? true),
      "the session to leave Anna's queue",
    );
    await waitFor(
      () => maria.getSession(session.id)?.session.status === 'active',
      'the supervisor to see it active',
    );
    assert.deepEqual(maria.getSession(session.id)?.session.assignee, {
      kind: 'operator',
      operatorId: SEED_USERS.operatorB,
    });
    const late = await anna.take(session.id);
    assert.equal(
      late.ok ? 'ok' : late.error.code,
      'ALREADY_TAKEN',
      'Anna, too late, gets a typed refusal',
    );
    watching.unsubscribe();
  });
});
