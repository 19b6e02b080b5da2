// Every refusal of the live chat rules, asked over a real WebSocket, on both backends the server
// serves (the memory backend and SQLite). The server enforces no rule itself: these answers are
// the engine's, carried over the wire with their codes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Command, ErrorCode, Id } from '@live-chat/core';
import {
  createMemoryBackend,
  createSeedData,
  SEED_GROUPS,
  SEED_LIVE_CHATS,
  SEED_USERS,
  type WebSocketAdapter,
} from '@live-chat/adapters';
import { createTempDir } from './storage/testing/temp-dir.js';
import { openTestBackend } from './storage/testing/test-backend.js';
import {
  serveBackend,
  startTestServer,
  type ServableBackend,
  type TestBackend,
  type TestServer,
} from './testing/harness.js';
import { openRawSocket } from './testing/raw-socket.js';

const { operatorA: anna, operatorB: ben, operatorE: elena, supervisor: maria } = SEED_USERS;

/** A server in front of a fresh backend of `kind` on the seed directory. */
async function startWorld(kind: 'memory' | 'sqlite'): Promise<TestServer<TestBackend>> {
  if (kind === 'memory') return startTestServer();
  const dir = createTempDir('live-chat-permissions-');
  const test = await startTestServer({
    backend: (seed) => openTestBackend(dir.path, { seed }),
  });
  return {
    ...test,
    async dispose() {
      await test.dispose();
      dir.remove();
    },
  };
}

/** The error code a rejected read carries (`undefined` when it resolved). */
async function codeOf(read: Promise<unknown>): Promise<string | undefined> {
  try {
    await read;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

let idCounter = 0;
const uniqueId = () => `permissions-${++idCounter}`;
const uniqueNumber = () => ++idCounter;

/** A command as a test writes it: the `commandId` is added when it runs. */
type CommandInput = Command extends infer C
  ? C extends Command
    ? Omit<C, 'commandId'>
    : never
  : never;

/** The error code of a command's answer (`ok` when it succeeded). */
async function commandCode(adapter: WebSocketAdapter, command: CommandInput): Promise<string> {
  const result = await adapter.execute({ ...command, commandId: uniqueId() } as Command);
  return result.ok ? 'ok' : result.error.code;
}

/** An internal user of the seed: not staff, they write in as a customer. */
function internalUser(world: TestServer<TestBackend>): Id {
  const user = world.seed.users.find((candidate) => candidate.role === 'internal');
  assert.ok(user, 'the seed has an internal user');
  return user.id;
}

/** The error code of taking a session. */
const take = (adapter: WebSocketAdapter, sessionId: Id) =>
  commandCode(adapter, { type: 'session.take', sessionId });

for (const kind of ['memory', 'sqlite'] as const) {
  describe(`refusals over a real socket (${kind} backend)`, () => {
    let world: TestServer<TestBackend>;
    let as: Record<string, WebSocketAdapter>;
    before(async () => {
      world = await startWorld(kind);
      as = Object.fromEntries(
        [anna, ben, elena, maria].map((userId) => [userId, world.adapter(userId)]),
      );
    });
    after(() => world.dispose());

    it('refuses acting in a live chat one is not a member of', async () => {
      const session = world.customerWrites('Help me, please', 0);
      const outsider = as[elena]!;
      const refused: ErrorCode = 'FORBIDDEN';
      for (const command of [
        { type: 'session.take', sessionId: session.id },
        { type: 'session.take-next', liveChatId: SEED_LIVE_CHATS.support },
        {
          type: 'message.send',
          sessionId: session.id,
          text: 'Not my live chat',
          clientMessageId: uniqueId(),
        },
      ] as const) {
        assert.equal(await commandCode(outsider, command), refused, command.type);
      }
      assert.equal(await codeOf(outsider.history({ sessionId: session.id })), 'FORBIDDEN');
      // An id that does not exist is NOT_FOUND, for members and outsiders alike.
      assert.equal(await take(outsider, 'no-such-session'), 'NOT_FOUND');
      assert.equal(await codeOf(as[anna]!.history({ sessionId: 'no-such-session' })), 'NOT_FOUND');
      // The outsider's snapshot has nothing of Customer Support.
      const snapshot = await outsider.snapshot();
      assert.ok(!snapshot.sessions.some((s) => s.liveChatId === SEED_LIVE_CHATS.support));
      assert.ok(!snapshot.liveChats.some((chat) => chat.id === SEED_LIVE_CHATS.support));
    });

    it("keeps others' active sessions to supervisors", async () => {
      const session = world.customerWrites('Ben will take this one', 1);
      assert.equal(await take(as[ben]!, session.id), 'ok');
      // Anna (an operator of the same live chat) does not see Ben's active session at all.
      const annas = await as[anna]!.snapshot();
      assert.ok(!annas.sessions.some((s) => s.id === session.id));
      assert.ok(
        !annas.sessions.some(
          (s) =>
            s.status === 'active' &&
            !(s.assignee?.kind === 'operator' && s.assignee.operatorId === anna) &&
            s.assignee?.kind === 'operator',
        ),
        "Anna's snapshot has another operator's active session",
      );
      // The supervisor does, and may read it.
      const marias = await as[maria]!.snapshot();
      assert.ok(marias.sessions.some((s) => s.id === session.id));
      assert.ok((await as[maria]!.history({ sessionId: session.id })).messages.length > 0);
      // Anna may neither read nor search it.
      assert.equal(await codeOf(as[anna]!.history({ sessionId: session.id })), 'FORBIDDEN');
      assert.equal(
        await codeOf(as[anna]!.search({ text: 'Ben will take', sessionId: session.id })),
        'FORBIDDEN',
      );
      // A search over everything she may see finds nothing of it.
      const hits = await as[anna]!.search({ text: 'Ben will take' });
      assert.ok(!hits.some((hit) => hit.sessionId === session.id));
    });

    it("refuses reassigning to a target outside the live chat's targets", async () => {
      const session = world.customerWrites('Please pass me on', 2);
      assert.equal(await take(as[anna]!, session.id), 'ok');
      // Targets outside the list are refused; a listed one (the last) is accepted.
      for (const [target, expected] of [
        [{ kind: 'operator', operatorId: elena }, 'VALIDATION'],
        [{ kind: 'group', groupId: SEED_GROUPS.secondLine }, 'VALIDATION'],
        [{ kind: 'operator', operatorId: ben }, 'ok'],
      ] as const) {
        assert.equal(
          await commandCode(as[anna]!, { type: 'session.reassign', sessionId: session.id, target }),
          expected,
          JSON.stringify(target),
        );
      }
    });

    it('reads customers only within reach: by id, by text, and not at all for who is not staff', async () => {
      const session = world.customerWrites('Who am I to you?', 4);
      const customerId = session.customerId;
      const ids = (found: { id: Id }[]) => found.map((customer) => customer.id);
      for (const userId of [anna, maria]) {
        assert.deepEqual(
          ids(await as[userId]!.customers!({ ids: [customerId, 'no-such-customer'] })),
          [customerId],
          userId,
        );
      }
      // Elena works only at the Help Desk: a Customer Support customer is out of her reach.
      assert.deepEqual(await as[elena]!.customers!({ ids: [customerId] }), []);
      const [customer] = await as[anna]!.customers!({ ids: [customerId] });
      assert.ok(customer);
      const byName = await as[anna]!.customers!({ text: customer.name.toUpperCase(), limit: 5 });
      assert.ok(ids(byName).includes(customerId));
      const elenas = await as[elena]!.customers!({ text: customer.name });
      assert.ok(!ids(elenas).includes(customerId));
      // An internal user writes in as a customer and reads none.
      const tom = world.adapter(internalUser(world));
      assert.deepEqual(await tom.customers!({ ids: [customerId] }), []);
      assert.equal(await codeOf(tom.customers!({ text: '' })), 'FORBIDDEN');
      assert.equal(await codeOf(as[anna]!.customers!({ text: 'a', limit: 0 })), 'VALIDATION');
      assert.equal(
        await codeOf(as[anna]!.customers!({ ids: 'all' } as unknown as { ids: Id[] })),
        'VALIDATION',
      );
    });

    it('refuses taking a session already taken', async () => {
      const session = world.customerWrites('Who is first?', 3);
      assert.equal(await take(as[ben]!, session.id), 'ok');
      assert.equal(await take(as[anna]!, session.id), 'ALREADY_TAKEN');
    });
    it('refuses a report of a live chat one is not a member of', async () => {
      const range = { from: Date.now() - 86_400_000, to: Date.now() + 60_000 };
      for (const query of [
        { kind: 'operators-performance', liveChatId: SEED_LIVE_CHATS.support, range },
        { kind: 'live-chat-performance', liveChatId: SEED_LIVE_CHATS.support, range },
      ] as const) {
        assert.equal(await codeOf(as[elena]!.report(query)), 'FORBIDDEN', query.kind);
        // A member gets it.
        assert.equal(await codeOf(as[maria]!.report(query)), undefined, query.kind);
      }
      assert.equal(
        await codeOf(
          as[anna]!.report({
            kind: 'live-chat-performance',
            liveChatId: SEED_LIVE_CHATS.helpDesk,
            range,
          }),
        ),
        'FORBIDDEN',
      );
      assert.equal(
        await codeOf(
          as[anna]!.report({ kind: 'live-chat-performance', liveChatId: 'no-such-chat', range }),
        ),
        'NOT_FOUND',
      );
    });
  });
}

describe('customer reads over the wire', () => {
  it('a customers request needs a query object', async () => {
    const world = await startTestServer();
    try {
      const socket = openRawSocket(world.server.wsUrl);
      assert.ok('ok' in (await socket.auth(await world.token(anna))));
      for (const query of [undefined, 'cust-olivia-bennett', ['cust-olivia-bennett']]) {
        const answer = await socket.request({ id: uniqueNumber(), op: 'customers', query });
        assert.equal(answer.ok ? 'ok' : answer.error.code, 'VALIDATION', JSON.stringify(query));
      }
      socket.ws.close();
      await socket.closed;
    } finally {
      await world.dispose();
    }
  });

  it('a backend without readCustomers answers NOT_FOUND: its snapshots carry the customers', async () => {
    const memory = createMemoryBackend({ seed: createSeedData({ history: false }) });
    // Every call of the memory backend but the customer read.
    const backend: ServableBackend = {
      snapshot: (userId) => memory.snapshot(userId),
      events: (userId, sinceSeq) => memory.events(userId, sinceSeq),
      listen: (userId, listener) => memory.listen(userId, listener),
      execute: (userId, command) => memory.execute(userId, command),
      history: (userId, query) => memory.history(userId, query),
      search: (userId, query) => memory.search(userId, query),
      report: (userId, query) => memory.report(userId, query),
      dispose: () => memory.dispose(),
    };
    const served = await serveBackend(backend);
    try {
      const adapter = served.adapter(anna);
      assert.equal(await codeOf(adapter.customers!({ ids: [] })), 'NOT_FOUND');
      assert.equal(await codeOf(adapter.snapshot()), undefined, 'the rest is served');
    } finally {
      await served.dispose();
    }
  });
});
