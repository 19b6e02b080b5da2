/** Commands: refused transitions, typed errors, idempotency by commandId and clientMessageId. */
import { MAX_MESSAGE_LENGTH, MAX_SEARCH_LENGTH } from '@live-chat/core';
import { check, checkEqual, checkJson, checkOk, checkRejects } from './assert.js';
import { close, reassign, rename, reply, returnToQueue, take } from './command-inputs.js';
import { newCommandId, type CheckDefinition, type Refusal } from './probe.js';

/** Texts every backend refuses as a message or a name: nothing visible, broken, or too long. */
const HOSTILE_TEXTS: readonly (readonly [string, string])[] = [
  ['invisible characters only (zero-width, bidi, BOM, Hangul filler)', '\u200b\u202e\ufeff\u3164'],
  ['half an emoji (a lone surrogate)', 'Hello \ud83d'],
  ['a megabyte', 'x'.repeat(1_000_000)],
];

export const COMMAND_CHECKS: readonly CheckDefinition[] = [
  {
    name: 'refused transitions are typed errors and change nothing',
    async run(p) {
      const { operatorA, operatorB, supervisor } = p.users;
      const closed = await p.newSession(0);
      const queued = await p.newSession(1);
      await p.ok(operatorA, take(closed.id), 'take');
      await p.ok(operatorA, close(closed.id), 'close');
      const unchanged = await p.unchangedFor([operatorA, operatorB, supervisor]);
      const toB = { kind: 'operator', operatorId: operatorB } as const;
      await p.refuses([
        ['closing twice', operatorA, close(closed.id), 'INVALID_TRANSITION'],
        ['returning a closed session', operatorA, returnToQueue(closed.id), 'INVALID_TRANSITION'],
        ['taking a closed session', operatorB, take(closed.id), 'INVALID_TRANSITION'],
        ['reassigning a closed session', operatorA, reassign(closed.id, toB), 'INVALID_TRANSITION'],
        [
          'answering a closed session',
          operatorA,
          reply(closed.id, 'Hello?'),
          ['INVALID_TRANSITION', 'FORBIDDEN'],
        ],
        ['returning a queued session', operatorA, returnToQueue(queued.id), 'INVALID_TRANSITION'],
      ]);
      await unchanged();
    },
  },
  {
    name: 'unknown ids, bad input and forbidden actions are typed errors that change nothing',
    async run(p) {
      const { operatorA, supervisor, outsider } = p.users;
      const session = await p.newSession(0);
      const unchanged = await p.unchangedFor([operatorA, supervisor]);
      const outsiderCodes = ['FORBIDDEN', 'NOT_FOUND'] as const;
      await p.refuses([
        ['taking an unknown session', operatorA, take('no-such-session'), 'NOT_FOUND'],
        [
          'writing to an unknown session',
          operatorA,
          reply('no-such-session', 'Hello'),
          'NOT_FOUND',
        ],
        ['closing an unknown session', operatorA, close('no-such-session'), 'NOT_FOUND'],
        ['an empty message', operatorA, reply(session.id, '   '), 'VALIDATION'],
        [
          'an over-long message',
          operatorA,
          reply(session.id, 'x'.repeat(MAX_MESSAGE_LENGTH + 1)),
          'VALIDATION',
        ],
        ['an empty session name', operatorA, rename(session.id, '  '), 'VALIDATION'],
        ...HOSTILE_TEXTS.map(([what, text]): Refusal => [
          `a message of ${what}`,
          operatorA,
          reply(session.id, text),
          'VALIDATION',
        ]),
        ...HOSTILE_TEXTS.map(([what, text]): Refusal => [
          `a session name of ${what}`,
          operatorA,
          rename(session.id, text),
          'VALIDATION',
        ]),
        [
          'reassigning to an operator who is not a target',
          operatorA,
          reassign(session.id, { kind: 'operator', operatorId: 'no-such-operator' }),
          'VALIDATION',
        ],
        [
          'reassigning to a group that is not a target',
          operatorA,
          reassign(session.id, { kind: 'group', groupId: 'no-such-group' }),
          'VALIDATION',
        ],
        ["an outsider taking the live chat's session", outsider, take(session.id), outsiderCodes],
        [
          "an outsider writing in the live chat's session",
          outsider,
          reply(session.id, 'Hello'),
          outsiderCodes,
        ],
        ["an outsider closing the live chat's session", outsider, close(session.id), outsiderCodes],
      ]);
      await checkRejects(
        p.adapter(operatorA).history({ sessionId: 'no-such-session' }),
        'NOT_FOUND',
        'history of an unknown session',
      );
      await checkRejects(
        p.adapter(outsider).history({ sessionId: session.id }),
        ['FORBIDDEN', 'NOT_FOUND'],
        "an outsider reading the session's history",
      );
      await checkRejects(
        p.adapter(operatorA).search({ text: 'x'.repeat(MAX_SEARCH_LENGTH + 1) }),
        'VALIDATION',
        'an over-long search',
      );
      await checkRejects(
        p.adapter(outsider).report({
          kind: 'operators-performance',
          liveChatId: p.harness.liveChatId,
          range: { from: 0, to: Date.now() },
        }),
        ['FORBIDDEN', 'NOT_FOUND'],
        "an outsider reading the live chat's report",
      );
      await unchanged();
    },
  },
  {
    name: 'repeating a commandId returns the first result and has one effect',
    async run(p) {
      const { operatorA } = p.users;
      const adapter = p.adapter(operatorA);
      const session = await p.newSession(0);
      const taking = {
        type: 'session.take' as const,
        sessionId: session.id,
        commandId: newCommandId(),
      };
      const first = await adapter.execute(taking);
      checkOk(first, 'the take');
      checkEqual(
        await adapter.execute(taking),
        first,
        'a repeated take returns the first result (not ALREADY_TAKEN)',
      );
      const text = `We are on it (${newCommandId()}).`;
      const send = {
        type: 'message.send' as const,
        sessionId: session.id,
        clientMessageId: newCommandId(),
        text,
        commandId: newCommandId(),
      };
      const [one, two] = await Promise.all([adapter.execute(send), adapter.execute(send)]);
      checkJson(one, 'a command result');
      checkOk(one, 'the send');
      checkEqual(two, one, 'a concurrent repeat returns the same result');
      checkEqual(await adapter.execute(send), one, 'a later repeat returns the same result');
      const page = await adapter.history({ sessionId: session.id, limit: 100 });
      check(
        page.messages.filter((m) => m.text === text).length === 1,
        'the message exists exactly once',
      );
    },
  },
  {
    name: 'a retried send with the same clientMessageId never duplicates',
    async run(p) {
      const { operatorA } = p.users;
      const session = await p.newSession(0);
      const clientMessageId = newCommandId();
      const text = 'Your refund has been issued.';
      const first = checkOk(
        await p.run(operatorA, reply(session.id, text, clientMessageId)),
        'the send',
      ) as {
        message: { id: string; clientMessageId?: string };
      };
      check(
        first.message.clientMessageId === clientMessageId,
        'the message keeps its clientMessageId',
      );
      const retry = checkOk(
        await p.run(operatorA, reply(session.id, text, clientMessageId)),
        'the retry',
      ) as {
        message: { id: string };
      };
      check(retry.message.id === first.message.id, 'the retry returns the message already stored');
      const page = await p.adapter(operatorA).history({ sessionId: session.id, limit: 100 });
      check(
        page.messages.filter((m) => m.clientMessageId === clientMessageId).length === 1,
        'the message is stored once',
      );
    },
  },
];
