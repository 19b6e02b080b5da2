/** Reads: the snapshot, history pages, scoped search and reports. */
import { check, checkEqual, checkJson } from './assert.js';
import type { CheckDefinition } from './probe.js';
import { rename, reply, take } from './command-inputs.js';

export const READ_CHECKS: readonly CheckDefinition[] = [
  {
    name: 'the snapshot describes the signed-in user and is plain JSON',
    async run(p) {
      const { operatorA, outsider } = p.users;
      const snapshot = await p.adapter(operatorA).snapshot();
      checkJson(snapshot, 'snapshot');
      check(
        snapshot.me.id === operatorA,
        `snapshot.me must be the signed-in user (${operatorA}), got ${snapshot.me.id}`,
      );
      check(
        Number.isInteger(snapshot.seq) && snapshot.seq >= 0,
        'snapshot.seq must be a whole number, 0 or more',
      );
      check(
        snapshot.liveChats.some((chat) => chat.id === p.harness.liveChatId),
        "the operator's snapshot must include their live chat",
      );
      const other = await p.adapter(outsider).snapshot();
      check(
        !other.liveChats.some((chat) => chat.id === p.harness.liveChatId),
        "an outsider's snapshot must not include the live chat",
      );
    },
  },
  {
    name: 'history pages go back in order',
    async run(p) {
      const { operatorA } = p.users;
      const session = await p.newSession(0, 'one');
      for (const text of ['two', 'three', 'four', 'five']) await p.customerWrites(0, text);
      const adapter = p.adapter(operatorA);
      /** The two messages before `beforeOrder` (the newest two without it) must be `texts`. */
      const page = async (beforeOrder: number | undefined, texts: string[], what: string) => {
        const query = { sessionId: session.id, limit: 2 };
        const found = await adapter.history(
          beforeOrder === undefined ? query : { ...query, beforeOrder },
        );
        checkEqual(
          found.messages.map((m) => m.text),
          texts,
          what,
        );
        return found;
      };
      const newest = await page(undefined, ['four', 'five'], 'the newest page');
      check(newest.hasMore, 'older messages exist');
      const older = await page(newest.messages[0]?.order, ['two', 'three'], 'the page before');
      const oldest = await page(older.messages[0]?.order, ['one'], 'the first page');
      check(!oldest.hasMore, 'nothing before the first message');
    },
  },
  {
    name: 'search is scoped: names only, or one open session with its messages',
    async run(p) {
      const { operatorA } = p.users;
      const session = await p.newSession(0, 'My blender makes a strange noise.');
      await p.ok(operatorA, take(session.id), 'take');
      await p.ok(operatorA, rename(session.id, 'Blender warranty'), 'rename');
      const adapter = p.adapter(operatorA);
      const names = await adapter.search({ text: 'blender' });
      check(
        names.some((h) => h.kind === 'session' && h.sessionId === session.id),
        'a name search finds the session',
      );
      check(
        !names.some((h) => h.kind === 'message'),
        'with no session open, messages are not searched',
      );
      const inside = await adapter.search({ text: 'strange noise', sessionId: session.id });
      const hit = inside.find((h) => h.kind === 'message');
      check(
        hit !== undefined && hit.sessionId === session.id,
        'a search in the open session finds its message',
      );
      check(hit.ranges.length > 0, 'a hit carries ranges to highlight');
    },
  },
  {
    name: 'reports are computed for members only',
    async run(p) {
      const { operatorA, supervisor } = p.users;
      const session = await p.newSession(0);
      await p.ok(operatorA, reply(session.id, 'Hello!'), 'answer');
      // A range wide enough for any backend clock.
      const range = { from: 0, to: 8.64e15 };
      const operators = await p
        .adapter(supervisor)
        .report({ kind: 'operators-performance', liveChatId: p.harness.liveChatId, range });
      checkJson(operators, 'a report');
      check(operators.kind === 'operators-performance', 'the operators report has its kind');
      const row = operators.rows.find((r) => r.operatorId === operatorA);
      check(
        row !== undefined && row.messagesSent >= 1 && row.sessionsTaken >= 1,
        "the operator's row counts the answer",
      );
      const chat = await p
        .adapter(operatorA)
        .report({ kind: 'live-chat-performance', liveChatId: p.harness.liveChatId, range });
      check(
        chat.kind === 'live-chat-performance' && chat.requests >= 1 && chat.messagesIn >= 1,
        'the live chat report counts the request',
      );
    },
  },
];
