/** Commands: refused transitions, typed errors, idempotency by commandId and clientMessageId. */
import { MAX_MESSAGE_LENGTH, MAX_SEARCH_LENGTH } from '@live-chat/core';
import { check, checkEqual, checkError, checkJson, checkOk, checkRejects } from './assert.js';
import { newCommandId, withoutSeq, type CheckDefinition } from './probe.js';

export const COMMAND_CHECKS: readonly CheckDefinition[] = [
  {
    name: 'refused transitions are typed errors and change nothing',
    async run(p) {
      const { operatorA, operatorB, supervisor } = p.users;
      const closed = await p.newSession(0);
      const queued = await p.newSession(1);
      await p.ok(operatorA, { type: 'session.take', sessionId: closed.id }, 'take');
      await p.ok(operatorA, { type: 'session.close', sessionId: closed.id }, 'close');
      const before = await Promise.all(
        [operatorA, operatorB, supervisor].map((id) => p.adapter(id).snapshot()),
      );
      checkError(
        await p.run(operatorA, { type: 'session.close', sessionId: closed.id }),
        'INVALID_TRANSITION',
        'closing twice',
      );
      checkError(
        await p.run(operatorA, { type: 'session.return-to-queue', sessionId: closed.id }),
        'INVALID_TRANSITION',
        'returning a closed session',
      );
      checkError(
        await p.run(operatorB, { type: 'session.take', sessionId: closed.id }),
        'INVALID_TRANSITION',
        'taking a closed session',
      );
      checkError(
        await p.run(operatorA, {
          type: 'session.reassign',
          sessionId: closed.id,
          target: { kind: 'operator', operatorId: operatorB },
        }),
        'INVALID_TRANSITION',
        'reassigning a closed session',
      );
      checkError(
        await p.run(operatorA, {
          type: 'message.send',
          sessionId: closed.id,
          clientMessageId: newCommandId(),
          text: 'Hello?',
        }),
        ['INVALID_TRANSITION', 'FORBIDDEN'],
        'answering a closed session',
      );
      checkError(
        await p.run(operatorA, { type: 'session.return-to-queue', sessionId: queued.id }),
        'INVALID_TRANSITION',
        'returning a queued session',
      );
      const after = await Promise.all(
        [operatorA, operatorB, supervisor].map((id) => p.adapter(id).snapshot()),
      );
      before.forEach((snapshot, i) => {
        checkEqual(after[i]?.seq, snapshot.seq, 'a refused command emits no event');
        checkEqual(
          withoutSeq(after[i] as typeof snapshot),
          withoutSeq(snapshot),
          'a refused command changes nothing',
        );
      });
    },
  },
  {
    name: 'unknown ids, bad input and forbidden actions are typed errors that change nothing',
    async run(p) {
      const { operatorA, supervisor, outsider } = p.users;
      const session = await p.newSession(0);
      const users = [operatorA, supervisor];
      const before = await Promise.all(users.map((id) => p.adapter(id).snapshot()));
      const send = (text: string, sessionId = session.id) => ({
        type: 'message.send' as const,
        sessionId,
        clientMessageId: newCommandId(),
        text,
      });
      checkError(
        await p.run(operatorA, { type: 'session.take', sessionId: 'no-such-session' }),
        'NOT_FOUND',
        'taking an unknown session',
      );
      checkError(
        await p.run(operatorA, send('Hello', 'no-such-session')),
        'NOT_FOUND',
        'writing to an unknown session',
      );
      checkError(
        await p.run(operatorA, { type: 'session.close', sessionId: 'no-such-session' }),
        'NOT_FOUND',
        'closing an unknown session',
      );
      checkError(await p.run(operatorA, send('   ')), 'VALIDATION', 'an empty message');
      checkError(
        await p.run(operatorA, send('x'.repeat(MAX_MESSAGE_LENGTH + 1))),
        'VALIDATION',
        'an over-long message',
      );
      checkError(
        await p.run(operatorA, { type: 'session.rename', sessionId: session.id, name: '  ' }),
        'VALIDATION',
        'an empty session name',
      );
      checkError(
        await p.run(operatorA, {
          type: 'session.reassign',
          sessionId: session.id,
          target: { kind: 'operator', operatorId: 'no-such-operator' },
        }),
        'VALIDATION',
        'reassigning to an operator who is not a target',
      );
      checkError(
        await p.run(operatorA, {
          type: 'session.reassign',
          sessionId: session.id,
          target: { kind: 'group', groupId: 'no-such-group' },
        }),
        'VALIDATION',
        'reassigning to a group that is not a target',
      );
      checkError(
        await p.run(outsider, { type: 'session.take', sessionId: session.id }),
        ['FORBIDDEN', 'NOT_FOUND'],
        "an outsider taking the live chat's session",
      );
      checkError(
        await p.run(outsider, send('Hello')),
        ['FORBIDDEN', 'NOT_FOUND'],
        "an outsider writing in the live chat's session",
      );
      checkError(
        await p.run(outsider, { type: 'session.close', sessionId: session.id }),
        ['FORBIDDEN', 'NOT_FOUND'],
        "an outsider closing the live chat's session",
      );
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
      const after = await Promise.all(users.map((id) => p.adapter(id).snapshot()));
      before.forEach((snapshot, i) => {
        checkEqual(after[i]?.seq, snapshot.seq, `${users[i]}: refused commands emit no event`);
        checkEqual(
          withoutSeq(after[i] as typeof snapshot),
          withoutSeq(snapshot),
          `${users[i]}: refused commands change nothing`,
        );
      });
    },
  },
  {
    name: 'repeating a commandId returns the first result and has one effect',
    async run(p) {
      const { operatorA } = p.users;
      const adapter = p.adapter(operatorA);
      const session = await p.newSession(0);
      const take = {
        type: 'session.take' as const,
        sessionId: session.id,
        commandId: newCommandId(),
      };
      const first = await adapter.execute(take);
      checkOk(first, 'the take');
      checkEqual(
        await adapter.execute(take),
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
        await p.run(operatorA, {
          type: 'message.send',
          sessionId: session.id,
          clientMessageId,
          text,
        }),
        'the send',
      ) as {
        message: { id: string; clientMessageId?: string };
      };
      check(
        first.message.clientMessageId === clientMessageId,
        'the message keeps its clientMessageId',
      );
      const retry = checkOk(
        await p.run(operatorA, {
          type: 'message.send',
          sessionId: session.id,
          clientMessageId,
          text,
        }),
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
