import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_MESSAGE_LENGTH, MAX_SESSION_NAME_LENGTH } from '@live-chat/core';
import type { Channel, Command, CommandInput, Id, ServerEvent, Session } from '@live-chat/core';
import type { CustomerMessageInput } from '@live-chat/core/engine';
import {
  bind,
  close,
  reassign,
  rename,
  reply,
  returnToQueue,
  startOutbound,
  take,
} from '../conformance/command-inputs.js';
import { comparable, foldEvents, stateFromSnapshot } from '../conformance/fold.js';
import { createMemoryBackend, type MemoryBackendOptions } from './backend.js';
import {
  anna,
  ben,
  chloe,
  david,
  diego,
  elena,
  hana,
  helpDesk,
  kofi,
  liam,
  maria,
  noah,
  olivia,
  support,
  tom,
} from './testing/cast.js';
import { createSeedData, SEED_GROUPS } from './seed.js';

const STAFF = [anna, ben, chloe, david, elena, maria];
const MINUTE = 60_000;

/** A backend on the seed directory (no history), a settable clock and command helpers. */
function setup(options: Omit<MemoryBackendOptions, 'seed' | 'now'> = {}) {
  let now = Date.UTC(2025, 2, 10, 9, 0);
  const backend = createMemoryBackend({
    ...options,
    seed: createSeedData({ history: false }),
    now: () => now,
  });
  let commands = 0;
  const run = <C extends CommandInput>(userId: Id, input: C) =>
    backend.execute(userId, { ...input, commandId: `cmd-${++commands}` } as unknown as Extract<
      Command,
      { type: C['type'] }
    >);
  const ok = <T = { session: Session }>(userId: Id, input: CommandInput): T => {
    const result = run(userId, input);
    assert.ok(
      result.ok,
      `${input.type} by ${userId} failed: ${result.ok ? '' : result.error.code + ' ' + result.error.message}`,
    );
    return result.value as T;
  };
  const write = (
    customerId: Id,
    text: string,
    liveChatId: Id = support,
    channel: 'telegram' | 'web' = 'telegram',
  ) => {
    const result = backend.customerWrites({ customerId, liveChatId, channel, text });
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    return result.value;
  };
  /** Every event each staff member receives from now on. */
  const listen = () => {
    const events = new Map<Id, ServerEvent[]>(STAFF.map((id) => [id, []]));
    for (const id of STAFF) backend.listen(id, (event) => events.get(id)?.push(event));
    return (userId: Id) => events.get(userId) ?? [];
  };
  const snapshot = (userId: Id) => {
    const result = backend.snapshot(userId);
    assert.ok(result.ok);
    return result.value;
  };
  const visible = (userId: Id, sessionId: Id) =>
    snapshot(userId).sessions.find((s) => s.id === sessionId);
  return {
    backend,
    run,
    ok,
    write,
    listen,
    snapshot,
    visible,
    advance: (ms: number) => (now += ms),
    now: () => now,
  };
}

describe('memory backend: taking sessions', () => {
  it('gives a queued session to exactly one of two operators taking it at once; both streams converge', async () => {
    const { backend, write } = setup();
    const { session } = write(olivia, 'Hi, where is my parcel?');
    const annaAdapter = backend.connect(anna);
    const benAdapter = backend.connect(ben);
    const [annaStart, benStart] = await Promise.all([
      annaAdapter.snapshot(),
      benAdapter.snapshot(),
    ]);
    const annaEvents: ServerEvent[] = [];
    const benEvents: ServerEvent[] = [];
    annaAdapter.events(annaStart.seq).subscribe((e) => annaEvents.push(e));
    benAdapter.events(benStart.seq).subscribe((e) => benEvents.push(e));

    const results = await Promise.all([
      annaAdapter.execute({ type: 'session.take', sessionId: session.id, commandId: 'take-a' }),
      benAdapter.execute({ type: 'session.take', sessionId: session.id, commandId: 'take-b' }),
    ]);

    assert.equal(results.filter((r) => r.ok).length, 1);
    const [won, lost] = results;
    assert.ok(won?.ok, 'the first take to arrive wins');
    assert.equal(lost?.ok ? 'ok' : lost?.error.code, 'ALREADY_TAKEN');
    assert.deepEqual(backend.getSession(session.id)?.assignee, {
      kind: 'operator',
      operatorId: anna,
    });

    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const [adapter, start, events] of [
      [annaAdapter, annaStart, annaEvents],
      [benAdapter, benStart, benEvents],
    ] as const) {
      const fresh = await adapter.snapshot();
      const folded = foldEvents(start, events);
      assert.deepEqual(folded.gaps, []);
      assert.deepEqual(comparable(folded, 100), comparable(stateFromSnapshot(fresh), 100));
    }
    assert.ok(
      benEvents.some((e) => e.type === 'session.removed' && e.sessionId === session.id),
      'Ben is told the session left his queue',
    );
    annaAdapter.dispose();
    benAdapter.dispose();
  });

  it('take-next opens the oldest session of my queues, including my groups', () => {
    const { ok, write, advance } = setup();
    const first = write(olivia, 'First').session;
    advance(MINUTE);
    const second = write(liam, 'Second').session;
    advance(MINUTE);
    ok(anna, { type: 'session.take', sessionId: first.id });
    ok(anna, {
      type: 'session.reassign',
      sessionId: first.id,
      target: { kind: 'group', groupId: SEED_GROUPS.accounting },
    });
    advance(MINUTE);
    write(hana, 'Third');
    // Anna is not in Accounting: her oldest is the second session.
    assert.equal(ok(anna, { type: 'session.take-next' }).session.id, second.id);
    // Ben is: the session queued for Accounting (queuedAt = reassignment time) is older than the third.
    assert.equal(ok(ben, { type: 'session.take-next', liveChatId: support }).session.id, first.id);
  });

  it('take-next on an empty queue is NOT_FOUND', () => {
    const { run } = setup();
    const result = run(anna, { type: 'session.take-next' });
    assert.equal(result.ok ? 'ok' : result.error.code, 'NOT_FOUND');
  });

  it('replying to a queued session takes it and marks it read for the sender', () => {
    const { ok, write, backend } = setup();
    const { session } = write(olivia, 'Hello?');
    write(olivia, 'Anyone there?');
    assert.equal(backend.unreadOf(anna, session.id), 2);
    const { session: after, message } = ok<{ session: Session; message: { order: number } }>(
      anna,
      reply(session.id, 'Hi! How can I help?  ', 'm1'),
    );
    assert.equal(after.status, 'active');
    assert.deepEqual(after.assignee, { kind: 'operator', operatorId: anna });
    assert.equal(message.order, 3);
    assert.equal(after.lastMessagePreview, 'Hi! How can I help?');
    assert.equal(backend.unreadOf(anna, session.id), 0);
    assert.equal(backend.unreadOf(ben, session.id), 2, 'other users keep their own read markers');
  });

  it('counts unread customer messages per user and reports reads on their stream only', () => {
    const { ok, write, backend, listen } = setup();
    const { session } = write(olivia, 'one');
    write(olivia, 'two');
    write(olivia, 'three');
    const events = listen();
    const read = ok<{ unread: number }>(maria, {
      type: 'session.mark-read',
      sessionId: session.id,
      upToOrder: 2,
    });
    assert.equal(read.unread, 1);
    assert.deepEqual(
      events(maria).map((e) => e.type),
      ['session.read'],
    );
    assert.equal(events(anna).length, 0);
    assert.equal(backend.unreadOf(anna, session.id), 3);
  });

  it('returns a session to the queue, unassigned, at the back', () => {
    const { ok, write, advance } = setup();
    const { session } = write(olivia, 'Hello');
    ok(anna, { type: 'session.take', sessionId: session.id });
    advance(5 * MINUTE);
    const { session: returned } = ok(anna, {
      type: 'session.return-to-queue',
      sessionId: session.id,
    });
    assert.equal(returned.status, 'queued');
    assert.equal(returned.assignee, null);
    assert.equal(returned.queuedAt, Date.UTC(2025, 2, 10, 9, 5));
  });
});

describe('memory backend: customers writing in', () => {
  it('reopens a closed session in the queue when its customer writes, with the whole history', () => {
    const { ok, write, backend, visible } = setup();
    const { session } = write(olivia, 'My order is late.');
    ok(anna, reply(session.id, 'It ships tomorrow.', 'a1'));
    ok(anna, { type: 'session.close', sessionId: session.id });
    assert.equal(
      visible(ben, session.id)?.status,
      'closed',
      'operators see closed sessions of their live chat',
    );

    const again = write(olivia, 'It still has not arrived.');
    assert.equal(again.cause, 'reopened');
    assert.equal(again.session.id, session.id);
    assert.equal(again.session.status, 'queued');
    assert.equal(again.session.assignee, null);
    assert.equal(again.session.lastOperatorId, anna);
    assert.deepEqual(
      backend.messagesOf(session.id).map((m) => [m.order, m.text]),
      [
        [1, 'My order is late.'],
        [2, 'It ships tomorrow.'],
        [3, 'It still has not arrived.'],
      ],
    );
    assert.equal(visible(ben, session.id)?.status, 'queued', 'back in every operator queue');
  });

  it('reopens straight to the last operator where the live chat says so (Website Help Desk)', () => {
    const { ok, write, visible } = setup();
    const { session } = write(noah, 'Hi', helpDesk, 'web');
    ok(elena, reply(session.id, 'Hello!', 'e1'));
    ok(elena, { type: 'session.close', sessionId: session.id });
    const again = write(noah, 'Me again', helpDesk, 'web');
    assert.equal(again.session.status, 'active');
    assert.deepEqual(again.session.assignee, { kind: 'operator', operatorId: elena });
    assert.equal(
      visible(chloe, session.id),
      undefined,
      "the other operator does not see Elena's session",
    );
  });

  it('alerts every operator of the live chat, and nobody else', () => {
    const { write, listen } = setup();
    const events = listen();
    const { session, message } = write(olivia, 'Hello, anybody?');
    const alerted = STAFF.filter((id) => events(id).some((e) => e.type === 'alert'));
    assert.deepEqual(alerted.sort(), [anna, ben, chloe, david].sort());
    const alert = events(anna).find((e) => e.type === 'alert');
    assert.ok(alert?.type === 'alert');
    assert.equal(alert.alert.sessionId, session.id);
    assert.equal(alert.alert.messageId, message.id);
    assert.equal(alert.alert.customerName, 'Olivia Bennett');
    assert.equal(alert.alert.channel, 'telegram');
    // Maria supervises: Olivia becomes a customer of her live chat, and she sees the session
    // (one event: its message, carrying the session), but is not alerted.
    assert.deepEqual(
      events(maria).map((e) => e.type),
      ['customer.upserted', 'message.added'],
    );
    assert.deepEqual(events(elena), []);
  });

  it('alerts only the assignee and the supervisors of a follow-up in a held session', () => {
    const { write, ok, listen } = setup();
    const { session } = write(olivia, 'My card number is 4111 1111 1111 1111');
    ok(anna, { type: 'session.take', sessionId: session.id });
    const events = listen();
    write(olivia, 'Did you get it?');
    const alerted = STAFF.filter((id) => events(id).some((e) => e.type === 'alert'));
    assert.deepEqual(alerted.sort(), [anna, maria].sort(), 'not Ben, Chloe or David');
    for (const id of alerted) {
      const alert = events(id).find((e) => e.type === 'alert');
      assert.ok(alert?.type === 'alert');
      assert.equal(alert.alert.preview, 'Did you get it?', `${id} may open it: the text is shown`);
    }
  });

  it('withholds the customer and the text from an operator who may not open the session', () => {
    const { write, ok, listen, visible } = setup();
    const { session } = write(olivia, 'About my invoice');
    ok(anna, {
      type: 'session.reassign',
      sessionId: session.id,
      target: { kind: 'group', groupId: SEED_GROUPS.accounting },
    });
    const events = listen();
    write(olivia, 'My card number is 4111 1111 1111 1111');
    const alerts = new Map(
      STAFF.flatMap((id) => {
        const alert = events(id).find((e) => e.type === 'alert');
        return alert?.type === 'alert' ? [[id, alert.alert] as const] : [];
      }),
    );
    assert.deepEqual([...alerts.keys()].sort(), [anna, ben, chloe, david].sort());
    for (const [id, alert] of alerts) {
      assert.equal(alert.sessionId, session.id);
      if (visible(id, session.id)) {
        assert.equal(alert.customerName, 'Olivia Bennett', `${id} is in the group`);
        assert.match(alert.preview ?? '', /card number/);
      } else {
        assert.equal(alert.customerName, undefined, `${id} may not open it: no name`);
        assert.equal(alert.preview, undefined, `${id} may not open it: no text`);
        assert.ok(!JSON.stringify(alert).includes('4111'), `${id} gets no customer text`);
      }
    }
    assert.ok(visible(ben, session.id) && !visible(anna, session.id), 'both cases were seen');
  });

  it('stores a repeated customer message (same clientMessageId) once', () => {
    const { backend } = setup();
    const input = {
      customerId: olivia,
      liveChatId: support,
      channel: 'telegram' as const,
      text: 'Hi',
      clientMessageId: 'tg-1',
    };
    const first = backend.customerWrites(input);
    const second = backend.customerWrites(input);
    assert.ok(first.ok && second.ok);
    assert.equal(second.value.message.id, first.value.message.id);
    assert.equal(backend.messagesOf(first.value.session.id).length, 1);
  });

  it('refuses unknown customers, unknown live chats, unconnected channels and empty text', () => {
    const { backend } = setup();
    const before = JSON.stringify(backend.exportState());
    const message: CustomerMessageInput = {
      customerId: olivia,
      liveChatId: support,
      channel: 'telegram',
      text: 'Hi',
    };
    type Refusal = [string, Partial<Record<keyof CustomerMessageInput, string>>, string];
    const cases: Refusal[] = [
      ['an unknown customer', { customerId: 'nobody' }, 'NOT_FOUND'],
      ['an unknown live chat', { liveChatId: 'nowhere' }, 'NOT_FOUND'],
      ['a channel the live chat is not connected to', { liveChatId: helpDesk }, 'VALIDATION'],
      ['blank text', { text: ' \n ' }, 'VALIDATION'],
      ...['constructor', '__proto__', 'toString'].flatMap((key): Refusal[] => [
        [`a customer named by the key ${key}`, { customerId: key }, 'NOT_FOUND'],
        [`a live chat named by the key ${key}`, { liveChatId: key }, 'NOT_FOUND'],
        [`a channel named by the key ${key}`, { channel: key }, 'VALIDATION'],
      ]),
    ];
    for (const [what, change, expected] of cases) {
      const result = backend.customerWrites({ ...message, ...change } as CustomerMessageInput);
      assert.equal(result.ok ? 'ok' : result.error.code, expected, what);
    }
    assert.equal(JSON.stringify(backend.exportState()), before);
  });

  it('adds new customers, who concern the staff of a live chat from their first session there', () => {
    const { backend, listen, write } = setup();
    const events = listen();
    const added = backend.addCustomer({
      kind: 'external',
      name: '  Ada   Byron ',
      account: '@ada',
      messenger: 'telegram',
    });
    assert.ok(added.ok);
    assert.equal(backend.getCustomer(added.value.id)?.name, 'Ada Byron');
    for (const id of STAFF) assert.deepEqual(events(id), [], `${id} hears of nobody's customer`);
    write(added.value.id, 'Hello');
    const supportStaff = [anna, ben, chloe, david, maria];
    for (const id of supportStaff)
      assert.deepEqual(events(id)[0]?.type, 'customer.upserted', `${id} first hears of Ada`);
    assert.deepEqual(events(elena), [], 'the help desk never hears of her');
    const renamed = backend.addCustomer({ ...added.value, name: 'Ada Lovelace' });
    assert.ok(renamed.ok);
    for (const id of supportStaff) {
      const last = events(id).at(-1);
      assert.ok(last?.type === 'customer.upserted' && last.customer.name === 'Ada Lovelace');
    }
    assert.deepEqual(events(elena), []);
  });

  it('refuses customers with unbounded, invisible or mistyped fields, and changes nothing', () => {
    const { backend } = setup();
    const before = JSON.stringify(backend.exportState());
    const ada = { kind: 'external', name: 'Ada', account: '@ada', messenger: 'telegram' };
    const cases: [string, Record<string, unknown>][] = [
      ['a 1 MB name', { ...ada, name: 'A'.repeat(1_000_000) }],
      ['a blank name', { ...ada, name: ' ' }],
      ['a name of zero-width spaces', { ...ada, name: '\u200b\u200b' }],
      ['a name with half an emoji', { ...ada, name: 'Ada \ud83d' }],
      ['a template-shaped name', { ...ada, name: { _$litType$: 1, strings: ['x'], values: [] } }],
      ['an over-long account', { ...ada, account: '@'.repeat(321) }],
      ['an unknown messenger', { ...ada, messenger: 'constructor' }],
      ['an unknown kind', { ...ada, kind: 'alien' }],
      ['an avatar that is not text', { ...ada, avatarUrl: { toString: () => 'x' } }],
      [
        'an over-long profile link',
        { ...ada, profileUrl: `https://x.example/${'p'.repeat(2048)}` },
      ],
      ['an over-long id', { ...ada, id: 'c'.repeat(201) }],
      ['an internal customer without a user', { kind: 'internal', name: 'Tom' }],
    ];
    for (const [what, input] of cases) {
      const result = backend.addCustomer(input as never);
      assert.equal(result.ok ? 'ok' : result.error.code, 'VALIDATION', what);
    }
    assert.equal(JSON.stringify(backend.exportState()), before);
  });

  it('keeps ids such as __proto__ and constructor as data', () => {
    const { backend, write, snapshot } = setup();
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const added = backend.addCustomer({
        id,
        kind: 'external',
        name: `Customer ${id}`,
        account: `@${id}`,
        messenger: 'telegram',
      });
      assert.ok(added.ok, id);
      const { session } = write(id, 'Hello');
      const seen = snapshot(anna);
      const read = backend.readCustomers(anna, { ids: [id] });
      assert.ok(read.ok, id);
      assert.deepEqual(
        read.value.map((c) => [c.id, c.name]),
        [[id, `Customer ${id}`]],
      );
      assert.equal(seen.sessions.find((s) => s.id === session.id)?.customerId, id);
      assert.equal(Object.getPrototypeOf(seen.unread), Object.prototype);
    }
  });

  it('keeps a default session name within its limit, cut between characters', () => {
    const { backend, write } = setup();
    const long = backend.addCustomer({
      kind: 'external',
      name: `${'Ü'.repeat(185)}👩‍👩‍👧‍👦`,
      account: '@family',
      messenger: 'telegram',
    });
    assert.ok(long.ok);
    const { session } = write(long.value.id, 'Hi');
    // 192 code points and the suffix's 11 are over 200: the family emoji (7) goes whole.
    assert.equal(session.name, `${'Ü'.repeat(185)}… (Telegram)`);
    assert.ok([...session.name].length <= MAX_SESSION_NAME_LENGTH);
  });

  it("never takes a customer's message for an operator's: keys are namespaced by sender", () => {
    const { backend, ok, write } = setup();
    const { session } = write(olivia, 'Hello');
    const key = 'tg-42';
    ok(anna, reply(session.id, 'An operator reply', key));
    const customer = backend.customerWrites({
      customerId: olivia,
      liveChatId: support,
      channel: 'telegram',
      text: 'A customer message',
      clientMessageId: key,
    });
    assert.ok(customer.ok);
    assert.equal(customer.value.message.author.kind, 'customer');
    assert.equal(customer.value.message.clientMessageId, `customer:${key}`);
    const answer = ok<{ message: { text: string } }>(anna, reply(session.id, 'Again', key));
    assert.equal(answer.message.text, 'An operator reply', "the operator's retry finds their own");
    assert.deepEqual(
      backend.messagesOf(session.id).map((m) => m.text),
      ['Hello', 'An operator reply', 'A customer message'],
    );
  });
});

/** A command that must be refused: what it is, who sends it, the command, the error code. */
type Case = [string, Id, CommandInput, string];

describe('memory backend: refused commands', () => {
  /** Sessions in every state: queued, active (Anna), queued for Accounting, closed. */
  function world() {
    const t = setup();
    const queued = t.write(olivia, 'Queued').session;
    const active = t.write(liam, 'Active').session;
    t.ok(anna, { type: 'session.take', sessionId: active.id });
    const grouped = t.write(hana, 'Grouped').session;
    t.ok(anna, { type: 'session.take', sessionId: grouped.id });
    t.ok(anna, {
      type: 'session.reassign',
      sessionId: grouped.id,
      target: { kind: 'group', groupId: SEED_GROUPS.accounting },
    });
    const closed = t.write(diego, 'Closed').session;
    t.ok(anna, { type: 'session.close', sessionId: closed.id });
    // Tom (an internal user) asks Customer Support; Kofi is a customer of the help desk only.
    t.write(tom, 'Internal question', support, 'web');
    t.write(kofi, 'Help desk question', helpDesk, 'web');
    return { ...t, queued, active, grouped, closed };
  }

  /** +New Session with a customer through a channel, in Customer Support unless told. */
  const outbound = (customerId: Id, channel: Channel, liveChatId: Id = support) =>
    startOutbound(liveChatId, customerId, channel);

  it('answers each bad command with its typed error and changes nothing', () => {
    const { backend, run, queued, active, grouped, closed, snapshot } = world();
    const cases: Case[] = [
      ['take of an unknown session', anna, take('nope'), 'NOT_FOUND'],
      ['send to an unknown session', anna, reply('nope', 'Hi'), 'NOT_FOUND'],
      ['an empty message', anna, reply(queued.id, ''), 'VALIDATION'],
      ['a blank message', anna, reply(queued.id, ' \n\t '), 'VALIDATION'],
      [
        'an over-long message',
        anna,
        reply(queued.id, 'x'.repeat(MAX_MESSAGE_LENGTH + 1)),
        'VALIDATION',
      ],
      ['a message that is not text', anna, reply(queued.id, 42 as unknown as string), 'VALIDATION'],
      [
        'a send without clientMessageId',
        anna,
        { type: 'message.send', sessionId: queued.id, text: 'Hi' } as CommandInput,
        'VALIDATION',
      ],
      ['an empty session name', anna, rename(active.id, '  '), 'VALIDATION'],
      [
        'an over-long session name',
        anna,
        rename(active.id, 'n'.repeat(MAX_SESSION_NAME_LENGTH + 1)),
        'VALIDATION',
      ],
      [
        'reassign to an operator who is not a target',
        anna,
        reassign(active.id, { kind: 'operator', operatorId: elena }),
        'VALIDATION',
      ],
      [
        "reassign to another live chat's group",
        anna,
        reassign(active.id, { kind: 'group', groupId: SEED_GROUPS.secondLine }),
        'VALIDATION',
      ],
      [
        'reassign to a malformed target',
        anna,
        {
          type: 'session.reassign',
          sessionId: active.id,
          target: { kind: 'team' },
        } as unknown as CommandInput,
        'VALIDATION',
      ],
      [
        'reassign to the current assignee',
        anna,
        reassign(active.id, { kind: 'operator', operatorId: anna }),
        'VALIDATION',
      ],
      ['a non-member taking a session', elena, take(queued.id), 'FORBIDDEN'],
      ['a non-member writing', elena, reply(queued.id, 'Hi'), 'FORBIDDEN'],
      ['a non-member closing', elena, close(queued.id), 'FORBIDDEN'],
      [
        'a non-member of the group taking a group-queued session',
        anna,
        take(grouped.id),
        'FORBIDDEN',
      ],
      ['a non-member of the group answering it', chloe, reply(grouped.id, 'Hi'), 'FORBIDDEN'],
      ["closing another operator's session", ben, close(active.id), 'FORBIDDEN'],
      ["renaming another operator's session", ben, rename(active.id, 'Mine'), 'FORBIDDEN'],
      ["taking another operator's session", ben, take(active.id), 'ALREADY_TAKEN'],
      ["answering another operator's session", ben, reply(active.id, 'Hi'), 'ALREADY_TAKEN'],
      ['closing twice', anna, close(closed.id), 'INVALID_TRANSITION'],
      ['taking a closed session', anna, take(closed.id), 'INVALID_TRANSITION'],
      ['answering a closed session', maria, reply(closed.id, 'Hi'), 'INVALID_TRANSITION'],
      ['returning a queued session', anna, returnToQueue(queued.id), 'INVALID_TRANSITION'],
      ['+New Session in a web-only live chat', chloe, outbound(noah, 'web', helpDesk), 'FORBIDDEN'],
      [
        '+New Session through an unconnected channel',
        anna,
        outbound(olivia, 'viber'),
        'VALIDATION',
      ],
      [
        '+New Session through a channel the customer does not use',
        anna,
        outbound(diego, 'email'),
        'VALIDATION',
      ],
      ['+New Session with an unknown customer', anna, outbound('nobody', 'telegram'), 'NOT_FOUND'],
      [
        '+New Session with a customer of another live chat',
        anna,
        outbound(kofi, 'telegram'),
        'NOT_FOUND',
      ],
      ['+New Session with an internal user', anna, outbound(tom, 'telegram'), 'VALIDATION'],
      [
        '+New Session with a customer who has an open session',
        anna,
        outbound(olivia, 'telegram'),
        'CONFLICT',
      ],
      ['+New Session by a non-member', elena, outbound(diego, 'telegram'), 'FORBIDDEN'],
      [
        'a negative read marker',
        anna,
        { type: 'session.mark-read', sessionId: queued.id, upToOrder: -1 },
        'VALIDATION',
      ],
      [
        'binding a message of another session',
        anna,
        {
          type: 'session.bind',
          sessionId: active.id,
          binding: { binderId: 'crm', recordId: 'r1', label: 'R1', messageId: 'm-1' },
        },
        'NOT_FOUND',
      ],
      [
        'a binding without a record',
        anna,
        {
          type: 'session.bind',
          sessionId: active.id,
          binding: { binderId: 'crm', label: 'R1' },
        } as unknown as CommandInput,
        'VALIDATION',
      ],
      [
        'unbinding what is not bound',
        anna,
        { type: 'session.unbind', sessionId: active.id, binderId: 'crm', recordId: 'r1' },
        'NOT_FOUND',
      ],
      [
        'marking an internal user as added to the customer database',
        anna,
        { type: 'customer.mark-added', customerId: tom },
        'VALIDATION',
      ],
      [
        'marking a customer of another live chat as added',
        anna,
        { type: 'customer.mark-added', customerId: kofi },
        'NOT_FOUND',
      ],
      [
        'a clientMessageId in the customers’ namespace',
        anna,
        reply(queued.id, 'Hi', 'customer:tg-1'),
        'VALIDATION',
      ],
      ...['constructor', '__proto__', 'toString'].map((type): Case => [
        `a command of type ${type}`,
        anna,
        { type, sessionId: queued.id } as unknown as CommandInput,
        'VALIDATION',
      ]),
      [
        'an over-long record label',
        anna,
        bind(active.id, { binderId: 'crm', recordId: 'r1', label: 'x'.repeat(201) }),
        'VALIDATION',
      ],
      [
        'a record label that is not text',
        anna,
        bind(active.id, { binderId: 'crm', recordId: 'r1', label: { _$litType$: 1 } }),
        'VALIDATION',
      ],
      [
        'reassigning to an over-long operator id',
        anna,
        reassign(active.id, { kind: 'operator', operatorId: 'o'.repeat(201) }),
        'VALIDATION',
      ],
      [
        'an unknown command',
        anna,
        { type: 'session.explode', sessionId: queued.id } as unknown as CommandInput,
        'VALIDATION',
      ],
    ];
    /** The state apart from command records (a refusal is recorded: a repeat answers the same). */
    const domainState = () => {
      const { commandResults: _records, ...state } = backend.exportState();
      return JSON.stringify(state);
    };
    const stateBefore = domainState();
    const recordsBefore = backend.exportState().commandResults?.length ?? 0;
    const snapshotsBefore = STAFF.map(snapshot);
    for (const [what, userId, input, code] of cases) {
      const result = run(userId, input);
      assert.equal(result.ok ? 'ok' : result.error.code, code, what);
      assert.ok(result.ok || result.error.message.length > 0, `${what}: a readable message`);
    }
    assert.equal(domainState(), stateBefore, 'the backend state is unchanged');
    assert.equal(
      backend.exportState().commandResults?.length,
      recordsBefore + cases.length,
      'each refusal is kept as the answer to its commandId',
    );
    assert.deepEqual(STAFF.map(snapshot), snapshotsBefore, 'every snapshot (and seq) is unchanged');
  });

  it('refuses commands without a commandId and commands of unknown users', () => {
    const { backend } = setup();
    const missing = backend.execute(anna, { type: 'session.take-next' } as never);
    assert.equal(missing.ok ? 'ok' : missing.error.code, 'VALIDATION');
    const stranger = backend.execute('nobody', { type: 'session.take-next', commandId: 'x' });
    assert.equal(stranger.ok ? 'ok' : stranger.error.code, 'NOT_FOUND');
  });
});

describe('memory backend: reassigning and closing', () => {
  it('queues a session reassigned to the Accounting Department for its members, with their activity', () => {
    const { ok, write, listen, visible, snapshot } = setup();
    const { session } = write(olivia, 'I was charged twice.');
    ok(anna, { type: 'session.take', sessionId: session.id });
    const events = listen();
    const { session: after } = ok(anna, {
      type: 'session.reassign',
      sessionId: session.id,
      target: { kind: 'group', groupId: SEED_GROUPS.accounting },
    });
    assert.equal(after.status, 'queued');
    assert.deepEqual(after.assignee, { kind: 'group', groupId: SEED_GROUPS.accounting });
    for (const member of [ben, david]) {
      assert.equal(visible(member, session.id)?.status, 'queued', `${member} sees it in the queue`);
      const activity = events(member).find((e) => e.type === 'activity.added');
      assert.ok(activity?.type === 'activity.added', `${member} gets an activity entry`);
      assert.equal(activity.entry.kind, 'session-reassigned');
      assert.equal(activity.entry.actorId, anna);
      assert.deepEqual(activity.entry.target, { kind: 'group', groupId: SEED_GROUPS.accounting });
      assert.deepEqual(
        snapshot(member).activity.map((a) => a.sessionId),
        [session.id],
      );
    }
    assert.ok(
      events(maria).some((e) => e.type === 'activity.added'),
      'supervisors are told',
    );
    assert.equal(visible(anna, session.id), undefined, 'it left Anna');
    assert.equal(
      visible(chloe, session.id),
      undefined,
      'operators outside the group do not see it',
    );
    assert.ok(!events(chloe).some((e) => e.type === 'activity.added'));
    assert.ok(events(anna).some((e) => e.type === 'session.removed'));
  });

  it('makes a session reassigned to an operator theirs, and tells them', () => {
    const { ok, write, listen, visible } = setup();
    const { session } = write(olivia, 'Hello');
    const events = listen();
    const { session: after } = ok(anna, {
      type: 'session.reassign',
      sessionId: session.id,
      target: { kind: 'operator', operatorId: ben },
    });
    assert.equal(after.status, 'active');
    assert.equal(after.lastOperatorId, ben);
    assert.equal(visible(ben, session.id)?.status, 'active');
    assert.equal(visible(anna, session.id), undefined);
    const recipients = STAFF.filter((id) => events(id).some((e) => e.type === 'activity.added'));
    assert.deepEqual(recipients.sort(), [ben, maria].sort());
  });

  it('tells the supervisors and every operator of the live chat when a session is closed', () => {
    const { ok, write, listen } = setup();
    const { session } = write(olivia, 'Hello');
    ok(anna, { type: 'session.take', sessionId: session.id });
    const events = listen();
    ok(anna, { type: 'session.close', sessionId: session.id });
    const recipients = STAFF.filter((id) =>
      events(id).some((e) => e.type === 'activity.added' && e.entry.kind === 'session-closed'),
    );
    assert.deepEqual(recipients.sort(), [anna, ben, chloe, david, maria].sort());
  });

  it('starts an outbound session, assigned to the operator, where the live chat has a messenger', () => {
    const { ok, backend, listen } = setup();
    const events = listen();
    const value = ok<{ session: Session; message: { text: string } }>(anna, {
      type: 'session.start-outbound',
      liveChatId: support,
      customerId: diego,
      channel: 'telegram',
      text: 'Hello Diego, your replacement has shipped.',
      clientMessageId: 'out-1',
    });
    assert.equal(value.session.status, 'active');
    assert.deepEqual(value.session.assignee, { kind: 'operator', operatorId: anna });
    assert.equal(value.session.name, 'Diego Reyes (Telegram)');
    assert.equal(value.message.text, 'Hello Diego, your replacement has shipped.');
    assert.equal(backend.messagesOf(value.session.id).length, 1);
    const shows = (e: ServerEvent): boolean =>
      (e.type === 'session.upserted' || e.type === 'message.added') &&
      e.session?.id === value.session.id;
    assert.ok(!events(ben).some(shows), "other operators do not see Anna's session");
    assert.ok(events(maria).some(shows));
  });

  it('binds and unbinds host records', () => {
    const { ok, write } = setup();
    const { session, message } = write(olivia, 'Please register a complaint.');
    ok(anna, { type: 'session.take', sessionId: session.id });
    const binding = {
      binderId: 'reclamations',
      recordId: 'R-7',
      label: 'Reclamation R-7',
      messageId: message.id,
    };
    assert.deepEqual(
      ok(anna, { type: 'session.bind', sessionId: session.id, binding }).session.bindings,
      [binding],
    );
    assert.deepEqual(
      ok(anna, {
        type: 'session.unbind',
        sessionId: session.id,
        binderId: 'reclamations',
        recordId: 'R-7',
      }).session.bindings,
      [],
    );
  });
});

describe('memory backend: idempotency', () => {
  it('returns the first result for a repeated commandId and applies it once', () => {
    const { backend, write } = setup();
    const { session } = write(olivia, 'Hello');
    const command = { ...reply(session.id, 'Hi!', 'x1'), commandId: 'same' };
    const first = backend.execute(anna, command);
    const seq = backend.seqOf(anna);
    const second = backend.execute(anna, command);
    assert.equal(second, first);
    assert.equal(backend.seqOf(anna), seq, 'no second event');
    assert.equal(backend.messagesOf(session.id).length, 2);
    // The same key from another user is another user's command.
    const other = backend.execute(ben, { type: 'session.take-next', commandId: 'same' });
    assert.equal(other.ok ? 'ok' : other.error.code, 'NOT_FOUND');
  });

  it('never duplicates a message retried with the same clientMessageId under a new commandId', () => {
    const { backend, write, run } = setup();
    const { session } = write(olivia, 'Hello');
    const send = reply(session.id, 'On it.', 'retry-me');
    const first = run(anna, send);
    const retry = run(anna, send);
    assert.ok(first.ok && retry.ok);
    assert.equal(retry.value.message.id, first.value.message.id);
    assert.equal(backend.messagesOf(session.id).length, 2);
    const stolen = run(maria, send);
    assert.equal(
      stolen.ok ? 'ok' : stolen.error.code,
      'CONFLICT',
      "another user's clientMessageId is not theirs",
    );
  });
});

describe('memory backend: event streams', () => {
  function busyDay(t: ReturnType<typeof setup>) {
    const first = t.write(olivia, 'one').session;
    const second = t.write(liam, 'two').session;
    t.ok(anna, { type: 'session.take', sessionId: first.id });
    t.ok(anna, reply(first.id, 'hi', 'a'));
    t.ok(ben, reply(second.id, 'hello', 'b'));
    t.ok(anna, {
      type: 'session.reassign',
      sessionId: first.id,
      target: { kind: 'group', groupId: SEED_GROUPS.accounting },
    });
    t.ok(ben, { type: 'session.take', sessionId: first.id });
    t.ok(ben, { type: 'session.close', sessionId: first.id });
    t.write(olivia, 'three');
  }

  it("numbers each user's events 1, 2, 3, … with no gaps", () => {
    const t = setup();
    const events = t.listen();
    busyDay(t);
    for (const id of STAFF) {
      assert.deepEqual(
        events(id).map((e) => e.seq),
        events(id).map((_, i) => i + 1),
        id,
      );
      assert.equal(t.backend.seqOf(id), events(id).length);
    }
    assert.ok(events(anna).length > 5);
  });

  it('keeps seq order for listeners when a listener writes again', () => {
    const t = setup();
    const seqs: number[] = [];
    let wrote = false;
    t.backend.listen(anna, (event) => {
      seqs.push(event.seq);
      if (!wrote && event.type === 'message.added') {
        wrote = true;
        t.write(liam, 'Written from a listener');
      }
    });
    t.write(olivia, 'First');
    assert.ok(wrote);
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => i + 1),
    );
    assert.equal(seqs.length, t.backend.seqOf(anna));
  });

  it('replays the events after any retained seq', () => {
    const t = setup();
    const events = t.listen();
    busyDay(t);
    const all = events(anna);
    for (const since of [0, 3, all.length - 1, all.length]) {
      const replay = t.backend.events(anna, since);
      assert.ok(replay.ok);
      assert.deepEqual(replay.value, all.slice(since));
    }
  });

  it('answers RESYNC_REQUIRED for a seq older than the log, or ahead of the stream', async () => {
    const t = setup({ eventLogLimit: 4 });
    busyDay(t);
    const seq = t.backend.seqOf(anna);
    assert.ok(seq > 8);
    const old = t.backend.events(anna, 0);
    assert.equal(old.ok ? 'ok' : old.error.code, 'RESYNC_REQUIRED');
    assert.ok(t.backend.events(anna, seq - 4).ok, 'the last events are kept');
    const ahead = t.backend.events(anna, seq + 1);
    assert.equal(ahead.ok ? 'ok' : ahead.error.code, 'RESYNC_REQUIRED');
    const adapter = t.backend.connect(anna);
    const error = await new Promise<unknown>((resolve) =>
      adapter.events(0).subscribe({ error: resolve }),
    );
    assert.equal((error as { code?: string }).code, 'RESYNC_REQUIRED');
    adapter.dispose();
  });

  it('snapshot + events(seq) reproduces the live state for every user; its customers are read on demand', () => {
    const t = setup();
    const starts = new Map(STAFF.map((id) => [id, t.snapshot(id)]));
    const events = t.listen();
    busyDay(t);
    for (const id of STAFF) {
      const fresh = t.snapshot(id);
      assert.deepEqual(fresh.customers, [], `${id}: a snapshot carries no customers`);
      const { customers, ...folded } = comparable(foldEvents(starts.get(id)!, events(id)), 100);
      const { customers: _none, ...now } = comparable(stateFromSnapshot(fresh), 100);
      assert.deepEqual(folded, now, id);
      // The customers the stream told of are the user's own, as a read by id answers them now.
      assert.deepEqual(
        customers.map((c) => c.id),
        id === elena ? [] : [liam, olivia].sort(),
        id,
      );
      const read = t.backend.readCustomers(id, { ids: customers.map((c) => c.id) });
      assert.ok(read.ok, id);
      assert.deepEqual(read.value, customers, id);
    }
  });
});

describe('memory backend: scale', () => {
  it('handles 10,000 sessions with indexed writes and reads', () => {
    const t = setup();
    const started = performance.now();
    const ids: Id[] = [];
    for (let i = 0; i < 10_000; i++) {
      const customer = t.backend.addCustomer({
        kind: 'external',
        name: `Customer ${i}`,
        account: `@c${i}`,
        messenger: 'telegram',
      });
      assert.ok(customer.ok);
      t.advance(1000);
      ids.push(t.write(customer.value.id, `Message ${i}`).session.id);
    }
    const taken = t.ok(anna, { type: 'session.take-next' });
    assert.equal(taken.session.id, ids[0], 'the oldest of 10,000 queued sessions');
    for (let i = 1; i <= 100; i++) t.ok(ben, { type: 'session.take', sessionId: ids[i] as Id });
    const snapshot = t.snapshot(maria);
    assert.equal(snapshot.sessions.length, 10_000);
    assert.equal(t.snapshot(ben).sessions.length, 10_000 - 1, 'the queue plus his own, not Anna');
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 60_000, `took ${Math.round(elapsed)} ms`);
  });
});
