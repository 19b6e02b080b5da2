// Every refusal of the live chat rules, asked over a real WebSocket, on both backends the server
// serves (the memory backend and SQLite). The server enforces no rule itself: these answers are
// the engine's, carried over the wire with their codes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import type { Command, ErrorCode, Id, Session } from '@live-chat/core';
import {
  createMemoryBackend,
  createSeedData,
  createWebSocketAdapter,
  SEED_GROUPS,
  SEED_LIVE_CHATS,
  SEED_USERS,
  type WebSocketAdapter,
} from '@live-chat/adapters';
import { mintToken } from './auth.js';
import { createLiveChatServer, type LiveChatServer } from './server.js';
import { createSqliteBackend } from './storage/backend.js';
import { createTempDir } from './storage/testing/temp-dir.js';

const SECRET = 'a-permissions-test-secret-long-enough-0123456789';
const { operatorA: anna, operatorB: ben, operatorE: elena, supervisor: maria } = SEED_USERS;

/** What a test needs of one backend behind a real server. */
interface World {
  server: LiveChatServer;
  /** A customer (number `customer` of the Telegram ones) writes to Customer Support. */
  customerWrites(text: string, customer: number): Session;
  adapter(userId: Id): WebSocketAdapter;
  dispose(): Promise<void>;
}

async function startWorld(kind: 'memory' | 'sqlite'): Promise<World> {
  const seed = createSeedData({ history: false });
  const dir = kind === 'sqlite' ? createTempDir('live-chat-permissions-') : undefined;
  const backend = dir
    ? createSqliteBackend({ dataDir: dir.path, seed, pruneIntervalMs: 0 })
    : createMemoryBackend({ seed });
  const server = await createLiveChatServer({
    backend,
    auth: { secret: SECRET },
    host: '127.0.0.1',
    port: 0,
    logger: false,
  });
  const customers = seed.customers.filter(
    (c) => c.kind === 'external' && c.messenger === 'telegram',
  );
  const adapters: WebSocketAdapter[] = [];
  return {
    server,
    customerWrites(text, customer) {
      const result = backend.customerWrites({
        customerId: customers[customer]!.id,
        liveChatId: SEED_LIVE_CHATS.support,
        channel: 'telegram',
        text,
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.session;
    },
    adapter(userId) {
      const adapter = createWebSocketAdapter({
        url: server.wsUrl,
        WebSocket,
        getToken: () => mintToken({ secret: SECRET, userId, ttlSec: 600 }),
      });
      adapters.push(adapter);
      return adapter;
    },
    async dispose() {
      for (const adapter of adapters) adapter.dispose();
      await server.close();
      await backend.dispose();
      dir?.remove();
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

/** The error code of a command's answer (`ok` when it succeeded). */
async function commandCode(adapter: WebSocketAdapter, command: Command): Promise<string> {
  const result = await adapter.execute(command);
  return result.ok ? 'ok' : result.error.code;
}

let commandCounter = 0;
const commandId = () => `permissions-${++commandCounter}`;

for (const kind of ['memory', 'sqlite'] as const) {
  describe(`refusals over a real socket (${kind} backend)`, () => {
    let world: World;
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
      assert.equal(
        await commandCode(outsider, {
          type: 'session.take',
          sessionId: session.id,
          commandId: commandId(),
        }),
        refused,
      );
      assert.equal(
        await commandCode(outsider, {
          type: 'session.take-next',
          liveChatId: SEED_LIVE_CHATS.support,
          commandId: commandId(),
        }),
        refused,
      );
      assert.equal(
        await commandCode(outsider, {
          type: 'message.send',
          sessionId: session.id,
          text: 'Not my live chat',
          clientMessageId: commandId(),
          commandId: commandId(),
        }),
        refused,
      );
      assert.equal(await codeOf(outsider.history({ sessionId: session.id })), 'FORBIDDEN');
      // An id that does not exist is NOT_FOUND, for members and outsiders alike.
      assert.equal(
        await commandCode(outsider, {
          type: 'session.take',
          sessionId: 'no-such-session',
          commandId: commandId(),
        }),
        'NOT_FOUND',
      );
      assert.equal(await codeOf(as[anna]!.history({ sessionId: 'no-such-session' })), 'NOT_FOUND');
      // The outsider's snapshot has nothing of Customer Support.
      const snapshot = await outsider.snapshot();
      assert.ok(!snapshot.sessions.some((s) => s.liveChatId === SEED_LIVE_CHATS.support));
      assert.ok(!snapshot.liveChats.some((chat) => chat.id === SEED_LIVE_CHATS.support));
    });

    it("keeps others' active sessions to supervisors", async () => {
      const session = world.customerWrites('Ben will take this one', 1);
      assert.equal(
        await commandCode(as[ben]!, {
          type: 'session.take',
          sessionId: session.id,
          commandId: commandId(),
        }),
        'ok',
      );
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
      assert.equal(
        await commandCode(as[anna]!, {
          type: 'session.take',
          sessionId: session.id,
          commandId: commandId(),
        }),
        'ok',
      );
      for (const target of [
        { kind: 'operator', operatorId: elena },
        { kind: 'group', groupId: SEED_GROUPS.secondLine },
      ] as const) {
        assert.equal(
          await commandCode(as[anna]!, {
            type: 'session.reassign',
            sessionId: session.id,
            target,
            commandId: commandId(),
          }),
          'VALIDATION',
          JSON.stringify(target),
        );
      }
      // A listed target is accepted.
      assert.equal(
        await commandCode(as[anna]!, {
          type: 'session.reassign',
          sessionId: session.id,
          target: { kind: 'operator', operatorId: ben },
          commandId: commandId(),
        }),
        'ok',
      );
    });

    it('refuses taking a session already taken', async () => {
      const session = world.customerWrites('Who is first?', 3);
      assert.equal(
        await commandCode(as[ben]!, {
          type: 'session.take',
          sessionId: session.id,
          commandId: commandId(),
        }),
        'ok',
      );
      assert.equal(
        await commandCode(as[anna]!, {
          type: 'session.take',
          sessionId: session.id,
          commandId: commandId(),
        }),
        'ALREADY_TAKEN',
      );
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
