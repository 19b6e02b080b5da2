// Server instances on one PostgreSQL database, as behind a load balancer, reached over real
// sockets on 127.0.0.1 (each a `createLiveChatServer` in this process with a backend of its own):
// the adapter conformance suite passes with the users' adapters spread over three instances;
// clients on different instances see each other's changes live; and an instance's `/readyz`
// fails while its database is unreachable and recovers after, while `/healthz` stays ok.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedConformanceHarness, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import { runAdapterConformance, type ConformanceHarness } from '@live-chat/adapters/conformance';
import type { Id } from '@live-chat/core';
import { assertClientsAgree } from '../testing/client-agreement.js';
import { waitFor, type ServedBackend } from '../testing/harness.js';
import { startProxy } from '../testing/proxy.js';
import { telegramCustomers } from '../testing/seed-customers.js';
import { watchedClient, type WatchedClient } from '../testing/watched-client.js';
import type { PostgresBackend } from './backend.js';
import { describeWithPostgres } from './testing/pg-server.js';
import { startPostgresInstances, type PostgresInstances } from './testing/server-instances.js';

const support = SEED_LIVE_CHATS.support;
/** Live delivery must come from notifications: the safety-net poll is too slow to matter. */
const SLOW_POLL = { pollIntervalMs: 60_000 };

type Instance = ServedBackend<PostgresBackend>;

/** A client signed in as `userId` on `instance`'s own address. */
function clientOn(instance: Instance, userId: Id): WatchedClient {
  return watchedClient({
    url: instance.server.wsUrl,
    userId,
    token: () => instance.token(userId),
    adapter: { reconnectBaseMs: 100, reconnectMaxMs: 400 },
  });
}

/** Customer number `customer` writes `text` to Customer Support through `instance`. */
async function customerWritesOn(
  world: PostgresInstances,
  instance: Instance,
  text: string,
  customer = 0,
) {
  const written = await instance.backend.customerWrites({
    customerId: telegramCustomers(world.seed)[customer]!.id,
    liveChatId: support,
    channel: 'telegram',
    text,
  });
  assert.ok(written.ok, JSON.stringify(!written.ok && written.error));
  return written.value;
}

const texts = (person: WatchedClient, sessionId: Id) =>
  (person.watching.get(sessionId) ?? []).map((message) => message.text);

describeWithPostgres('PostgreSQL: instances behind one address', (server) => {
  // Each check on a new database with three instances; successive adapters (so the users of a
  // check) go to successive instances, and so do the customers' writes.
  runAdapterConformance(
    'WebSocket adapters spread over three instances',
    async (): Promise<ConformanceHarness> => {
      const world = await startPostgresInstances(server(), { backend: SLOW_POLL });
      let adapters = 0;
      let writes = 0;
      const next = (turn: number) => world.instances[turn % world.instances.length]!;
      return seedConformanceHarness(world.seed, {
        adapterFor: (userId) => next(adapters++).adapter(userId),
        customerWrites: (message) => next(writes++).backend.customerWrites(message),
        customerSide: {
          // Files go in through one instance and are written through another (one directory).
          customerUpload: (customerId, file) =>
            next(writes + 1).backend.customerUpload(customerId, file),
          customerTyping: (customerId, liveChatId, typing) =>
            next(writes++).backend.customerTyping(customerId, liveChatId, typing),
          // An operator types on whichever instance their socket is on.
          onOperatorTyping(listener) {
            const stops = world.instances.map((instance) =>
              instance.backend.onOperatorTyping(listener),
            );
            return () => stops.forEach((stop) => stop());
          },
        },
        dispose: () => world.dispose(),
      });
    },
    { describe, it, timeoutMs: 5000 },
  );

  it('clients on different instances see each other’s changes live', async () => {
    const world = await startPostgresInstances(server(), { backend: SLOW_POLL });
    const [one, two, three] = world.instances as [Instance, Instance, Instance];
    const anna = clientOn(one, SEED_USERS.operatorA);
    const ben = clientOn(two, SEED_USERS.operatorB);
    const maria = clientOn(three, SEED_USERS.supervisor);
    const people = [anna, ben, maria];
    try {
      await waitFor(
        () => people.every((p) => p.client.status.state === 'ready'),
        'clients',
        10_000,
      );

      // A customer writes through instance 3: the new session and its message reach both
      // operators, on instances 1 and 2, in their queues.
      const { session } = await customerWritesOn(world, three, 'My parcel never came.');
      for (const person of people) person.watch(session.id);
      await waitFor(
        () =>
          [anna, ben].every(
            (p) =>
              p.client.getSession(session.id)?.session.status === 'queued' &&
              texts(p, session.id).includes('My parcel never came.'),
          ),
        'the queued session on instances 1 and 2',
      );
      assert.equal(ben.client.counters.groups[support]?.queue, 1);

      // Anna takes it on instance 1: it leaves Ben's queue on instance 2, and the supervisor on
      // instance 3 sees it active with Anna.
      const taken = await anna.client.take(session.id);
      assert.ok(taken.ok, JSON.stringify(taken));
      await waitFor(() => ben.client.getSession(session.id) === undefined, 'it leaves Ben');
      assert.equal(ben.client.counters.groups[support]?.queue, 0);
      await waitFor(() => {
        const assignee = maria.client.getSession(session.id)?.session.assignee;
        return assignee?.kind === 'operator' && assignee.operatorId === SEED_USERS.operatorA;
      }, 'the supervisor to see it taken');

      // Anna answers on instance 1, the customer writes again through instance 3: both
      // conversations, on instances 1 and 3, show the whole exchange.
      assert.ok((await anna.client.send(session.id, 'Let me check.')).ok);
      await customerWritesOn(world, three, 'Thank you!');
      const exchange = ['My parcel never came.', 'Let me check.', 'Thank you!'];
      await waitFor(
        () => [anna, maria].every((p) => texts(p, session.id).join('|') === exchange.join('|')),
        'the exchange on instances 1 and 3',
      );
      await assertClientsAgree(people, one.backend);
    } finally {
      for (const person of people) person.dispose();
      await world.dispose();
    }
  });

  it('/readyz fails while the database is unreachable and recovers; /healthz stays ok', async () => {
    // Instance 0 reaches the database through a proxy that the test cuts; instance 1 directly.
    const path = await startProxy(server().port);
    const world = await startPostgresInstances(server(), {
      count: 2,
      backend: SLOW_POLL,
      connectVia: (url, index) => {
        if (index > 0) return url;
        const proxied = new URL(url);
        proxied.port = String(path.port);
        return proxied.toString();
      },
    });
    const [cutOff, other] = world.instances as [Instance, Instance];
    const probe = async (instance: Instance, route: '/healthz' | '/readyz') => {
      const response = await fetch(`${instance.server.url}${route}`);
      return `${response.status} ${((await response.json()) as { status: string }).status}`;
    };
    const anna = clientOn(cutOff, SEED_USERS.operatorA);
    try {
      await waitFor(() => anna.client.status.state === 'ready', 'the client', 10_000);
      assert.equal(await probe(cutOff, '/readyz'), '200 ready');

      await path.cut();
      assert.equal(await probe(cutOff, '/readyz'), '503 not-ready');
      assert.equal(await probe(cutOff, '/healthz'), '200 ok');
      assert.equal(await probe(other, '/readyz'), '200 ready');
      // Work goes on through the other instance meanwhile.
      const during = await customerWritesOn(world, other, 'Written during the outage', 1);
      assert.equal(await probe(cutOff, '/readyz'), '503 not-ready');

      await path.reopen();
      await waitFor(
        async () => (await probe(cutOff, '/readyz')) === '200 ready',
        'ready again',
        10_000,
      );
      assert.equal(await probe(cutOff, '/healthz'), '200 ok');
      // Live delivery came back with the database: what was written during the outage and
      // after reaches the client on the instance that was cut off.
      const after = await customerWritesOn(world, other, 'Written after the outage', 2);
      await waitFor(
        () =>
          [during, after].every(
            (written) => anna.client.getSession(written.session.id)?.session.status === 'queued',
          ),
        'both sessions on the instance that was cut off',
        10_000,
      );
      await assertClientsAgree([anna], other.backend);
    } finally {
      anna.dispose();
      await world.dispose();
      await path.close();
    }
  });
});
