// kill -9 of one of three server instances in mid-traffic. The instances run as child processes
// on one PostgreSQL database behind a round-robin TCP proxy (the clients' one address);
// operators send one message after another while customers write into their sessions through
// the same address. One instance is killed with SIGKILL: its clients reconnect through the
// proxy to the others and resume from their seq (no new snapshot), sends in flight are retried
// with the same ids on another instance, and in the end every acknowledged send is stored
// exactly once, nothing is doubled, and every client equals the backend (counters, sessions,
// open conversations).
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { SEED_USERS } from '@live-chat/adapters';
import type { Id } from '@live-chat/core';
import { mintToken } from '../auth.js';
import { assertClientsAgree } from '../testing/client-agreement.js';
import { customerWritesOver, startChildServer, type ChildServer } from '../testing/child-server.js';
import { TEST_SECRET, waitFor } from '../testing/harness.js';
import { startProxy } from '../testing/proxy.js';
import { SendLedger, type SendPhase } from '../testing/send-ledger.js';
import { watchedClient, type WatchedClient } from '../testing/watched-client.js';
import { createPostgresBackend } from './backend.js';
import { describeWithPostgres } from './testing/pg-server.js';

const cleanups: Array<() => void | Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const operators = [SEED_USERS.operatorA, SEED_USERS.operatorB, SEED_USERS.operatorD];
/** Sends of operators, and writes of customers, acknowledged before the kill, and again after. */
const PER_PHASE = { operator: 15, customer: 6 };
/** Pauses between one operator's sends, and between one customer's writes. */
const PAUSE_MS = { operator: 20, customer: 150 };
const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A customer write through `url`, tried again (same `clientMessageId`) until it is answered. */
async function customerWritesUntilAnswered(
  url: string,
  body: { customer: number; text: string; clientMessageId: string },
): Promise<Id | undefined> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      return (await customerWritesOver(url, body)).messageId;
    } catch {
      await sleep(50);
    }
  }
  return undefined;
}

describeWithPostgres('PostgreSQL: kill -9 of an instance in mid-traffic', (server) => {
  it('its clients reconnect to another instance and resume; 0 lost, 0 doubled', async () => {
    const url = await server().createDatabase();
    const instances: ChildServer[] = await Promise.all(
      [0, 1, 2].map(() => startChildServer({ secret: TEST_SECRET, databaseUrl: url })),
    );
    cleanups.push(async () => {
      await Promise.all(instances.map((instance) => instance.crash()));
    });
    const proxy = await startProxy(instances.map((instance) => instance.port));
    cleanups.push(() => proxy.close());
    const address = {
      http: `http://127.0.0.1:${proxy.port}`,
      ws: `ws://127.0.0.1:${proxy.port}/ws`,
    };
    // The backend as a fourth instance, for the truth at the end.
    const truth = await createPostgresBackend({ url, pruneIntervalMs: 0, poolSize: 2 });
    cleanups.push(() => truth.dispose());

    const connect = (userId: Id): WatchedClient => {
      const person = watchedClient({
        url: address.ws,
        userId,
        token: () => mintToken({ secret: TEST_SECRET, userId, ttlSec: 600 }),
        adapter: { reconnectBaseMs: 100, reconnectMaxMs: 400 },
        client: { commandDeadlineMs: 30_000 },
      });
      cleanups.push(() => person.dispose());
      return person;
    };
    const staff = operators.map(connect);
    const supervisor = connect(SEED_USERS.supervisor);
    const people = [...staff, supervisor];
    await waitFor(() => people.every((p) => p.client.status.state === 'ready'), 'clients', 15_000);
    // Round robin spread the four sockets over the three instances.
    const socketsOn = instances.map((instance) => proxy.connectionsTo(instance.port));
    assert.deepEqual(
      [...socketsOn].sort((a, b) => a - b),
      [1, 1, 2],
    );
    // The instance with the most sockets is the one that dies.
    const victim = instances[socketsOn.indexOf(2)]!;

    // Customer i writes in, operator i takes the session.
    const ledger = new SendLedger();
    const sessions: Id[] = [];
    for (const [index, person] of staff.entries()) {
      const text = `customer ${index} needs help`;
      let sessionId: Id | undefined;
      await ledger.send(text, async () => {
        const written = await customerWritesOver(address.http, { customer: index, text });
        sessionId = written.sessionId;
        return written.messageId;
      });
      sessions.push(sessionId!);
      await waitFor(() => person.client.getSession(sessionId!) !== undefined, `${person.userId}`);
      const taken = await person.client.take(sessionId!);
      assert.ok(taken.ok, JSON.stringify(taken));
      person.watch(sessionId!);
      supervisor.watch(sessionId!);
    }

    // Operators send one message after the other; customers write now and then, through the
    // proxy, each into their session.
    let working = true;
    const loops = [
      ...staff.map(async (person, index) => {
        for (let n = 0; working && n < 2_000; n++) {
          await ledger.send(`${person.userId} #${n}`, async () => {
            const sent = await person.client.send(sessions[index]!, `${person.userId} #${n}`);
            return sent.ok ? sent.value.message.id : undefined;
          });
          await sleep(PAUSE_MS.operator);
        }
      }),
      ...staff.map(async (_, index) => {
        for (let n = 0; working && n < 2_000; n++) {
          const text = `customer ${index} #${n}`;
          await ledger.send(text, () =>
            customerWritesUntilAnswered(address.http, {
              customer: index,
              text,
              clientMessageId: text,
            }),
          );
          await sleep(PAUSE_MS.customer);
        }
      }),
    ];
    // Enough traffic in a phase: every operator and customer got sends through, and in all
    // at least `PER_PHASE` of each kind.
    const enough = (phase: SendPhase) => {
      const operatorSends = staff.map((p) => ledger.acknowledged(phase, `${p.userId} #`));
      const customerWrites = staff.map((_, i) => ledger.acknowledged(phase, `customer ${i} #`));
      return (
        [...operatorSends, ...customerWrites].every((count) => count > 0) &&
        sum(operatorSends) >= PER_PHASE.operator &&
        sum(customerWrites) >= PER_PHASE.customer
      );
    };
    try {
      await waitFor(() => enough('before'), 'sends before the kill', 30_000);
      // No shutdown of any kind.
      ledger.phase = 'after';
      await victim.crash();
      await waitFor(() => enough('after'), 'sends after the kill', 30_000);
    } finally {
      working = false;
      await Promise.all(loops);
    }
    // Once settled, every client equals the database: counters, sessions, open conversations.
    await assertClientsAgree(people, truth);

    // The victim's clients (and only they) reconnected, through the proxy, to the others; all
    // resumed their event streams from their seq: still one snapshot each.
    assert.equal(proxy.connectionsTo(victim.port), 0);
    const reconnected = people.filter((p) => p.states.includes('reconnecting')).length;
    assert.equal(reconnected, 2);
    assert.deepEqual(
      people.map((p) => p.snapshots()),
      people.map(() => 1),
    );

    // Every acknowledged send is stored exactly once; nothing doubled, nothing unsent.
    for (const [index, person] of staff.entries()) {
      const stored = await truth.messagesOf(sessions[index]!);
      ledger.assertStoredOnce(stored, `${person.userId} #`, (m) => m.author.kind === 'operator');
      ledger.assertStoredOnce(stored, `customer ${index} `, (m) => m.author.kind === 'customer');
      console.log(
        `${person.userId}: ${ledger.summary(`${person.userId} #`)}; customer ${index}: ${ledger.summary(`customer ${index} #`)}; ${stored.length} stored`,
      );
    }
  });
});
