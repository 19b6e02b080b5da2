// The fault-injection checks over a real socket: operators and a supervisor on clients over
// `createWebSocketAdapter` to a real server (memory backend), while the server drops their
// connections at seeded random moments (the TCP socket destroyed server-side, no close frame).
// After the drops stop and everything settles, each client agrees with the backend: its open
// conversations equal the stored history, its counters equal a recount from the backend's own
// snapshot, its sessions are the backend's, and no send is lost or doubled.
import assert from 'node:assert/strict';
import type net from 'node:net';
import { describe, it } from 'node:test';
import {
  computeCounters,
  countersEqual,
  createLiveChatClient,
  viewerFor,
  type Id,
  type LiveChatClient,
  type MessageView,
} from '@live-chat/core';
import { createRandom, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import { startTestServer, waitFor, type TestServer } from './testing/harness.js';

const SEEDS = [1, 2, 3];
/** How long operators work while connections drop, per seed (real ms). */
const ACTIVE_MS = 4_000;

interface Person {
  userId: Id;
  client: LiveChatClient;
  /** Open conversations and their latest messages. */
  watching: Map<Id, MessageView[]>;
  unsubscribe: Array<() => void>;
}

interface Send {
  userId: Id;
  sessionId: Id;
  text: string;
  ok?: boolean;
  messageId?: Id;
}

async function runSeed(seed: number): Promise<{ drops: number; sends: number; checked: number }> {
  const random = createRandom(seed).next;
  const world: TestServer = await startTestServer();
  const sockets = new Set<net.Socket>();
  world.server.httpServer.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const people: Person[] = [];
  try {
    for (const userId of [
      SEED_USERS.operatorA,
      SEED_USERS.operatorB,
      SEED_USERS.operatorD,
      SEED_USERS.supervisor,
    ]) {
      const adapter = world.adapter(userId, {
        reconnectBaseMs: 50,
        reconnectMaxMs: 200,
        requestTimeoutMs: 1_000,
        heartbeatMs: 1_000,
        random,
      });
      const client = createLiveChatClient({
        adapter,
        commandDeadlineMs: 20_000,
        requestTimeoutMs: 1_000,
      });
      people.push({ userId, client, watching: new Map(), unsubscribe: [() => client.dispose()] });
    }
    await waitFor(() => people.every((p) => p.client.status.state === 'ready'), 'clients', 10_000);

    const watch = (person: Person, sessionId: Id) => {
      if (person.watching.has(sessionId)) return;
      person.watching.set(sessionId, []);
      const subscription = person.client
        .conversation$(sessionId)
        .subscribe((state) => person.watching.set(sessionId, state.messages));
      person.unsubscribe.push(() => subscription.unsubscribe());
    };

    // Work: customers write, operators take, answer, read, close, return; connections drop.
    const sends: Send[] = [];
    const pending: Array<Promise<unknown>> = [];
    let drops = 0;
    let n = 0;
    const until = Date.now() + ACTIVE_MS;
    for (let step = 0; Date.now() < until && step < 2_000; step++) {
      const roll = random();
      if (roll < 0.15) {
        world.customerWrites(`customer ${seed}/${step}`, Math.floor(random() * 4));
      } else if (roll < 0.25 && sockets.size > 0) {
        const list = [...sockets];
        list[Math.floor(random() * list.length)]!.destroy();
        drops++;
      } else {
        const person = people[Math.floor(random() * (people.length - 1))]!;
        const client = person.client;
        const action = random();
        const taken = [...person.watching.keys()].filter((id) => {
          const view = client.getSession(id);
          return (
            view?.session.status === 'active' &&
            view.session.assignee?.kind === 'operator' &&
            view.session.assignee.operatorId === person.userId
          );
        });
        if (action < 0.3 || taken.length === 0) {
          pending.push(
            client.takeNext(SEED_LIVE_CHATS.support).then((result) => {
              if (result.ok) watch(person, result.value.session.id);
            }),
          );
        } else {
          const sessionId = taken[Math.floor(random() * taken.length)]!;
          if (action < 0.8) {
            const send: Send = { userId: person.userId, sessionId, text: `op ${seed}/${n++}` };
            sends.push(send);
            pending.push(
              client.send(sessionId, send.text).then((result) => {
                send.ok = result.ok;
                if (result.ok) send.messageId = result.value.message.id;
              }),
            );
          } else if (action < 0.88) pending.push(client.markRead(sessionId));
          else if (action < 0.95) pending.push(client.close(sessionId));
          else pending.push(client.returnToQueue(sessionId));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.floor(random() * 40)));
    }

    // The drops stop; everything settles.
    await Promise.all(pending);
    await waitFor(
      () =>
        people.every((p) => p.client.connection === 'online' && p.client.status.state === 'ready'),
      'every client online and ready',
      10_000,
    );
    // The supervisor watches every session it sees.
    const supervisor = people.at(-1)!;
    for (const session of world.backend.sessions()) watch(supervisor, session.id);

    let checked = 0;
    const agrees = (person: Person): string | undefined => {
      const truth = world.backend.snapshot(person.userId);
      if (!truth.ok) return truth.error.message;
      const { sessions, liveChats, groups, unread } = truth.value;
      const viewer = viewerFor(person.userId, liveChats, groups);
      const recount = computeCounters(
        viewer,
        sessions,
        (id) => unread[id] ?? 0,
        liveChats.map((chat) => chat.id),
      );
      if (!countersEqual(person.client.counters, recount))
        return `${person.userId}: counters differ from a recount of the backend`;
      for (const session of sessions) {
        const view = person.client.getSession(session.id);
        if (JSON.stringify(view?.session) !== JSON.stringify(session))
          return `${person.userId}: session ${session.id} differs`;
        if ((view?.unread ?? 0) !== (unread[session.id] ?? 0))
          return `${person.userId}: unread of ${session.id} differs`;
      }
      for (const [sessionId, messages] of person.watching) {
        if (!sessions.some((s) => s.id === sessionId)) continue; // no longer visible
        const shown = messages.filter((m) => m.delivery === 'sent').map((m) => m.id);
        const stored = world.backend.messagesOf(sessionId).map((m) => m.id);
        if (new Set(shown).size !== shown.length) return `${sessionId}: a message shown twice`;
        if (
          shown.length === 0 ||
          JSON.stringify(shown) !== JSON.stringify(stored.slice(-shown.length))
        )
          return `${person.userId}: ${sessionId} shows ${shown.length}, stored ${stored.length}`;
      }
      return undefined;
    };
    let problem: string | undefined;
    await waitFor(
      () => {
        problem = people.map(agrees).find((p) => p !== undefined);
        return problem === undefined;
      },
      'every client to agree with the backend',
      10_000,
    ).catch(() => assert.fail(`seed ${seed}: ${problem}`));
    for (const person of people) checked += person.watching.size;

    // No send lost or doubled.
    const byText = new Map<string, number>();
    for (const session of world.backend.sessions())
      for (const message of world.backend.messagesOf(session.id))
        byText.set(message.text, (byText.get(message.text) ?? 0) + 1);
    for (const send of sends) {
      const count = byText.get(send.text) ?? 0;
      if (send.ok) assert.equal(count, 1, `seed ${seed}: "${send.text}" stored ${count} times`);
      else assert.ok(count <= 1, `seed ${seed}: "${send.text}" stored ${count} times`);
    }
    for (const [text, count] of byText) assert.equal(count, 1, `seed ${seed}: "${text}" doubled`);
    assert.ok(drops > 0, 'connections were dropped');
    return { drops, sends: sends.filter((s) => s.ok).length, checked };
  } finally {
    for (const person of people) for (const stop of person.unsubscribe) stop();
    await world.dispose();
  }
}

describe('fault injection over a real socket (server-side drops)', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: after the drops stop, every client agrees with the backend`, async () => {
      const result = await runSeed(seed);
      console.log(
        `seed ${seed}: ${result.drops} drops, ${result.sends} acknowledged sends, ${result.checked} conversations checked`,
      );
      assert.ok(result.sends > 0);
    });
  }
});
