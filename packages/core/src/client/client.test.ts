import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Subject } from 'rxjs';
import type { Binder, HostAction } from '../domain/extensions.js';
import type { ActivityEntry, Alert } from '../domain/types.js';
import type { Command } from '../protocol/commands.js';
import { createLiveChatClient } from './client.js';
import { createFakeAdapter, type FakeAdapter } from './testing/fake-adapter.js';
import { makeMessage, makeSession, makeSnapshot } from './testing/fixtures.js';
import { record, until, whenReady, batch } from './testing/helpers.js';
import type { LiveChatClientOptions } from './options.js';
import type { LiveChatClient } from './types.js';

const mine = { kind: 'operator' as const, operatorId: 'u-me' };

async function setup(
  options: Partial<LiveChatClientOptions> = {},
): Promise<{ fake: FakeAdapter; client: LiveChatClient }> {
  const fake = createFakeAdapter({
    initial: makeSnapshot({
      seq: 3,
      sessions: [
        makeSession('q1', { queuedAt: 300 }),
        makeSession('q2', { queuedAt: 100, customerId: 'c-2' }),
        makeSession('a1', {
          status: 'active',
          assignee: mine,
          queuedAt: null,
          lastMessageAt: 2000,
        }),
        makeSession('other', {
          status: 'active',
          assignee: { kind: 'operator', operatorId: 'u-other' },
        }),
        makeSession('internal', { customerId: 'c-3' }),
      ],
      unread: { a1: 2 },
    }),
  });
  const client = createLiveChatClient({ adapter: fake.adapter, ...options });
  await whenReady(client);
  return { fake, client };
}

const alert = (id: string): Alert => ({
  id,
  sessionId: 'q1',
  liveChatId: 'lc-1',
  messageId: 'm',
  customerName: 'Anna',
  preview: 'hi',
  channel: 'web',
  at: 1,
});

describe('client: state and getters', () => {
  it('exposes live chats, counters and sync getters', async () => {
    const { client } = await setup();
    const chats = record(client.liveChats$);
    assert.deepEqual(
      chats.values.at(-1)?.map((c) => c.id),
      ['lc-1', 'lc-2'],
    );
    assert.equal(client.getLiveChat('lc-3')?.name, 'Internal');
    assert.equal(client.getGroup('g-1')?.name, 'Accounting');
    assert.equal(client.getUser('u-other')?.name, 'Oleg Operator');
    assert.equal(client.getCustomer('c-2')?.name, 'Boris');
    assert.equal(client.getCustomers().length, 3);
    assert.equal(client.viewer?.userId, 'u-me');
    assert.deepEqual(client.counters, {
      unreadInMySessions: 2,
      newUnassigned: 3,
      groups: {
        'lc-1': { queue: 3, mine: 1, closed: 0, active: 0 },
        'lc-2': { queue: 0, mine: 0, closed: 0, active: 0 },
      },
    });
    client.counters.groups['lc-1'].queue = 99;
    assert.equal(client.counters.groups['lc-1'].queue, 3, 'the getter hands out a copy');
    client.dispose();
  });

  it('answers the access rules: canActOn, outbound, oldest queued', async () => {
    const { client } = await setup();
    assert.equal(client.canActOn('q1'), true);
    assert.equal(client.canActOn('a1'), true);
    assert.equal(client.canActOn('other'), false);
    assert.equal(client.canActOn('missing'), false);
    assert.deepEqual(client.outboundChannels('lc-1'), ['telegram', 'email']);
    assert.equal(client.canStartOutbound('lc-1'), true);
    assert.equal(client.canStartOutbound('lc-2'), false, 'web only');
    assert.equal(client.canStartOutbound('lc-3'), false, 'not a member');
    assert.equal(client.oldestQueued()?.session.id, 'q2');
    assert.equal(client.oldestQueued('lc-1')?.session.id, 'q2');
    assert.equal(client.oldestQueued('lc-2'), undefined);
    client.dispose();
  });

  it('sessions$ sorts per group and keeps row objects of unchanged sessions', async () => {
    const { fake, client } = await setup();
    const queue = record(client.sessions$('lc-1', 'queue'));
    assert.equal(
      client.sessions$('lc-1', 'queue'),
      client.sessions$('lc-1', 'queue'),
      'one shared stream per group',
    );
    assert.deepEqual(
      queue.values.at(-1)?.map((v) => v.session.id),
      ['q2', 'q1', 'internal'],
    );
    const before = queue.values.at(-1) ?? [];
    assert.equal(before[0].customer?.name, 'Boris');
    assert.equal(before[0].isNew, true);
    fake.emit({ type: 'message.added', message: makeMessage('q1', 1), unread: 1 });
    await batch();
    const after = queue.values.at(-1) ?? [];
    assert.equal(after[0], before[0], 'unchanged row keeps its identity');
    assert.notEqual(after[1], before[1]);
    assert.equal(after[1].unread, 1);
    // Events in other groups do not re-emit this one.
    const count = queue.values.length;
    fake.emit({ type: 'session.read', sessionId: 'a1', unread: 0 });
    await batch();
    assert.equal(queue.values.length, count);
    client.dispose();
  });

  it('session$ follows one session and emits undefined after session.removed', async () => {
    const { fake, client } = await setup();
    const one = record(client.session$('q1'));
    assert.equal(one.values.at(-1)?.session.id, 'q1');
    fake.emit({
      type: 'session.upserted',
      session: makeSession('q1', { name: 'Renamed' }),
      unread: 0,
      cause: 'renamed',
    });
    await batch();
    assert.equal(one.values.at(-1)?.session.name, 'Renamed');
    fake.emit({ type: 'session.removed', sessionId: 'q1' });
    await batch();
    assert.equal(one.values.at(-1), undefined);
    assert.equal(client.getSession('q1'), undefined);
    client.dispose();
  });

  it('alerts$ is hot (not replayed); activity$ is newest first and capped', async () => {
    const { fake, client } = await setup({ activityLimit: 2 });
    const early = record(client.alerts$);
    fake.emit({ type: 'alert', alert: alert('a1') });
    await batch();
    const late = record(client.alerts$);
    fake.emit({ type: 'alert', alert: alert('a2') });
    await batch();
    assert.deepEqual(
      early.values.map((a) => a.id),
      ['a1', 'a2'],
    );
    assert.deepEqual(
      late.values.map((a) => a.id),
      ['a2'],
    );

    const activity = record(client.activity$);
    const entry = (id: string, at: number): ActivityEntry => ({
      id,
      kind: 'session-reassigned',
      sessionId: 'q1',
      sessionName: 'x',
      liveChatId: 'lc-1',
      actorId: 'u-other',
      at,
      target: mine,
    });
    for (const [id, at] of [
      ['e1', 1],
      ['e2', 2],
      ['e3', 3],
    ] as const)
      fake.emit({ type: 'activity.added', entry: entry(id, at) });
    await batch();
    assert.deepEqual(
      activity.values.at(-1)?.map((e) => e.id),
      ['e3', 'e2'],
    );
    client.dispose();
  });
});

describe('client: commands', () => {
  it('adds a fresh commandId to every command and returns the adapter result', async () => {
    let n = 0;
    const { fake, client } = await setup({ generateId: () => `cmd-${++n}` });
    fake.executeHandler = async (command: Command) =>
      command.type === 'session.mark-read'
        ? { ok: true, value: { sessionId: command.sessionId, unread: 0 } }
        : { ok: false, error: { code: 'ALREADY_TAKEN', message: 'Taken by Oleg.' } };
    assert.deepEqual(await client.take('q1'), {
      ok: false,
      error: { code: 'ALREADY_TAKEN', message: 'Taken by Oleg.' },
    });
    await client.takeNext();
    await client.takeNext('lc-1');
    await client.close('a1');
    await client.reassign('a1', { kind: 'group', groupId: 'g-2' });
    await client.returnToQueue('a1');
    await client.rename('a1', '  New   name ');
    await client.markRead('a1');
    await client.startOutbound({
      liveChatId: 'lc-1',
      customerId: 'c-1',
      channel: 'telegram',
      text: 'Hello ',
    });
    await client.unbindRecord('a1', 'crm', 'r1');
    assert.deepEqual(fake.commands, [
      { type: 'session.take', sessionId: 'q1', commandId: 'cmd-1' },
      { type: 'session.take-next', commandId: 'cmd-2' },
      { type: 'session.take-next', liveChatId: 'lc-1', commandId: 'cmd-3' },
      { type: 'session.close', sessionId: 'a1', commandId: 'cmd-4' },
      {
        type: 'session.reassign',
        sessionId: 'a1',
        target: { kind: 'group', groupId: 'g-2' },
        commandId: 'cmd-5',
      },
      { type: 'session.return-to-queue', sessionId: 'a1', commandId: 'cmd-6' },
      { type: 'session.rename', sessionId: 'a1', name: 'New name', commandId: 'cmd-7' },
      { type: 'session.mark-read', sessionId: 'a1', commandId: 'cmd-8' },
      {
        type: 'session.start-outbound',
        liveChatId: 'lc-1',
        customerId: 'c-1',
        channel: 'telegram',
        text: 'Hello',
        clientMessageId: 'cmd-9',
        commandId: 'cmd-10',
      },
      {
        type: 'session.unbind',
        sessionId: 'a1',
        binderId: 'crm',
        recordId: 'r1',
        commandId: 'cmd-11',
      },
    ]);
    client.dispose();
  });

  it('validates names and texts before calling the adapter', async () => {
    const { fake, client } = await setup();
    const rename = await client.rename('a1', '   ');
    assert.equal(rename.ok ? null : rename.error.code, 'VALIDATION');
    const outbound = await client.startOutbound({
      liveChatId: 'lc-1',
      customerId: 'c-1',
      channel: 'email',
      text: 'x'.repeat(5000),
    });
    assert.equal(outbound.ok ? null : outbound.error.code, 'VALIDATION');
    assert.equal(fake.commands.length, 0);
    client.dispose();
  });

  it('never rejects: a throwing adapter is retried with the same commandId, then TIMEOUT online and OFFLINE otherwise', async () => {
    const { fake, client } = await setup({
      commandDeadlineMs: 80,
      requestTimeoutMs: 20,
      random: () => 0,
    });
    const socketError = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const commandIds: string[] = [];
    fake.executeHandler = async (command) => {
      commandIds.push(command.commandId);
      throw socketError;
    };
    const online = await client.take('q1');
    assert.equal(online.ok, false);
    assert.equal(!online.ok && online.error.code, 'TIMEOUT');
    assert.equal(!online.ok && online.error.cause, socketError, 'the original is kept in cause');
    assert.ok(commandIds.length >= 2, 'retried');
    assert.equal(new Set(commandIds).size, 1, 'one commandId');
    fake.setConnection('reconnecting');
    const offline = await client.take('q1');
    assert.equal(!offline.ok && offline.error.code, 'OFFLINE');
    commandIds.length = 0;
    fake.executeHandler = (command) => {
      commandIds.push(command.commandId);
      throw Object.assign(new Error('gone'), { code: 'NOT_FOUND' });
    };
    assert.deepEqual(await client.close('q1'), {
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone' },
    });
    assert.equal(commandIds.length, 1, 'a refusal is final: no retry');
    client.dispose();
  });

  it('session state changes come from events, not from command results', async () => {
    const { fake, client } = await setup();
    const taken = makeSession('q1', { status: 'active', assignee: mine, queuedAt: null });
    fake.executeHandler = async () => ({ ok: true, value: { session: taken } });
    const result = await client.take('q1');
    assert.equal(result.ok, true);
    assert.equal(client.getSession('q1')?.session.status, 'queued');
    fake.emit({ type: 'session.upserted', session: taken, unread: 0, cause: 'taken' });
    assert.equal(client.getSession('q1')?.session.status, 'active');
    assert.equal(client.counters.groups['lc-1'].mine, 2);
    client.dispose();
  });

  it('report returns the adapter report or a typed error', async () => {
    const { fake, client } = await setup();
    const query = {
      kind: 'operators-performance' as const,
      liveChatId: 'lc-1',
      range: { from: 0, to: 10 },
    };
    const failed = await client.report(query);
    assert.deepEqual(failed, {
      ok: false,
      error: { code: 'NOT_FOUND', message: 'The fake adapter computes no reports.' },
    });
    fake.reportHandler = async () => ({
      kind: 'operators-performance',
      liveChatId: 'lc-1',
      range: query.range,
      rows: [],
    });
    const report = await client.report(query);
    assert.equal(report.ok && report.value.kind, 'operators-performance');
    client.dispose();
  });
});

describe('client: host extensions', () => {
  const crm = (overrides: Partial<Binder> = {}): Binder => ({
    id: 'crm',
    label: 'CRM',
    target: 'customer',
    search: async (query, context) => [
      { id: `r-${query}`, label: `${context.customer?.name} / ${context.liveChat?.name}` },
    ],
    create: async (context) => ({ id: 'new', label: `Record for ${context.session.name}` }),
    ...overrides,
  });

  it('registers and unregisters binders and actions', async () => {
    const action: HostAction = {
      id: 'bp',
      label: 'Start business process',
      run: async () => ({ message: 'Started' }),
    };
    const { client } = await setup({ actions: [action] });
    const binders = record(client.binders$);
    const actions = record(client.actions$);
    assert.deepEqual(binders.values.at(-1), []);
    assert.deepEqual(
      actions.values.at(-1)?.map((a) => a.id),
      ['bp'],
    );
    const first = crm();
    const unregister = client.registerBinder(first);
    assert.deepEqual(binders.values.at(-1), [first]);
    const replacement = crm({ label: 'CRM 2' });
    const unregisterReplacement = client.registerBinder(replacement);
    assert.deepEqual(binders.values.at(-1), [replacement], 'same id replaces');
    unregister();
    assert.deepEqual(
      binders.values.at(-1),
      [replacement],
      'a stale unregister leaves the replacement',
    );
    unregisterReplacement();
    assert.deepEqual(binders.values.at(-1), []);
    client.dispose();
  });

  it('calls binders with the session context and binds records through commands', async () => {
    const { fake, client } = await setup({ binders: [crm()] });
    fake.executeHandler = async () => ({ ok: true, value: { session: fake.state.sessions[0] } });
    const found = await client.searchRecords('crm', 'q2', 'x');
    assert.deepEqual(found, { ok: true, value: [{ id: 'r-x', label: 'Boris / Support' }] });
    const created = await client.createRecord('crm', 'q1');
    assert.equal(created.ok, true);
    const bound = await client.bindRecord('crm', 'q1', { id: 'r-1', label: 'Ticket 1' }, 'm-1');
    assert.equal(bound.ok, true);
    assert.deepEqual(
      fake.commands.map((c) => (c.type === 'session.bind' ? c.binding : null)),
      [
        { binderId: 'crm', recordId: 'new', label: 'Record for Session q1' },
        { binderId: 'crm', recordId: 'r-1', label: 'Ticket 1', messageId: 'm-1' },
      ],
    );
    client.dispose();
  });

  it('passes the message to binders when one is given', async () => {
    let seen: unknown;
    const { fake, client } = await setup({
      binders: [
        crm({ target: 'message', search: async (_q, context) => ((seen = context.message), []) }),
      ],
    });
    fake.emit({ type: 'message.added', message: makeMessage('q1', 1), unread: 0 });
    const conversation = record(client.conversation$('q1'));
    await until(() => conversation.values.at(-1)?.loading === false);
    assert.deepEqual(await client.searchRecords('crm', 'q1', '', 'q1-m1'), { ok: true, value: [] });
    assert.deepEqual(seen, makeMessage('q1', 1));
    const missing = await client.searchRecords('crm', 'q1', '', 'nope');
    assert.equal(missing.ok ? null : missing.error.code, 'NOT_FOUND');
    client.dispose();
  });

  it('refuses unknown binders and actions, invalid records, and reports host failures as INTERNAL', async () => {
    const failing: HostAction = {
      id: 'fails',
      label: 'Fails',
      run: async () => {
        throw new Error('host exploded');
      },
    };
    const { fake, client } = await setup({
      binders: [
        crm({ search: async () => Promise.reject(new Error('CRM down')), create: undefined }),
      ],
      actions: [failing],
    });
    const code = (r: { ok: boolean; error?: { code: string } }): string | null =>
      r.ok ? null : (r.error?.code ?? null);
    assert.equal(code(await client.searchRecords('nope', 'q1', 'x')), 'NOT_FOUND');
    assert.equal(code(await client.runAction('nope', 'q1')), 'NOT_FOUND');
    assert.equal(code(await client.searchRecords('crm', 'missing-session', 'x')), 'NOT_FOUND');
    const withoutCause = (r: { ok: boolean; error?: { cause?: unknown } }): unknown => {
      assert.ok(r.error?.cause instanceof Error, 'the host error is kept in cause');
      const { cause: _cause, ...error } = r.error;
      return { ok: r.ok, error };
    };
    assert.deepEqual(withoutCause(await client.searchRecords('crm', 'q1', 'x')), {
      ok: false,
      error: { code: 'INTERNAL', message: 'CRM down' },
    });
    assert.deepEqual(withoutCause(await client.runAction('fails', 'q1')), {
      ok: false,
      error: { code: 'INTERNAL', message: 'host exploded' },
    });
    assert.equal(code(await client.createRecord('crm', 'q1')), 'NOT_FOUND');
    assert.equal(code(await client.bindRecord('crm', 'q1', { id: '', label: 'x' })), 'VALIDATION');
    assert.equal(code(await client.bindRecord('crm', 'q1', { id: 'r', label: ' ' })), 'VALIDATION');
    for (const label of ['x'.repeat(201), '\u200b\u202e', { _$litType$: 1 }]) {
      const record = { id: 'r', label: label as string };
      assert.equal(code(await client.bindRecord('crm', 'q1', record)), 'VALIDATION');
    }
    assert.equal(fake.commands.length, 0);
    client.dispose();
  });

  it('refuses binders and actions whose id or label is out of bounds', async () => {
    const { client } = await setup();
    const run = async () => undefined;
    const refusals: [string, () => unknown][] = [
      ['an over-long binder label', () => client.registerBinder(crm({ label: 'B'.repeat(101) }))],
      ['an invisible binder label', () => client.registerBinder(crm({ label: '\u3164' }))],
      ['an empty action id', () => client.registerAction({ id: '', label: 'Go', run })],
      [
        'a template-shaped action label',
        () =>
          client.registerAction({ id: 'a', label: { _$litType$: 1 } as unknown as string, run }),
      ],
    ];
    for (const [what, register] of refusals) {
      assert.throws(register, { name: 'LiveChatError', code: 'VALIDATION' }, what);
    }
    client.dispose();
  });

  it('runs actions and adds external customers to the host database', async () => {
    const added: string[] = [];
    const { fake, client } = await setup({
      actions: [
        {
          id: 'bp',
          label: 'BP',
          run: async (context) => ({ message: `Started for ${context.session.id}` }),
        },
      ],
      customerDirectory: { addCustomer: async (customer) => void added.push(customer.id) },
    });
    assert.equal(client.hasCustomerDirectory, true);
    assert.deepEqual(await client.runAction('bp', 'q1'), {
      ok: true,
      value: { message: 'Started for q1' },
    });
    fake.executeHandler = async (command) =>
      command.type === 'customer.mark-added'
        ? { ok: true, value: { customerId: command.customerId } }
        : { ok: false, error: { code: 'INTERNAL', message: 'unexpected' } };
    assert.deepEqual(await client.addCustomerToDatabase('c-1'), {
      ok: true,
      value: { customerId: 'c-1' },
    });
    assert.deepEqual(added, ['c-1']);
    const internal = await client.addCustomerToDatabase('c-3');
    assert.equal(internal.ok ? null : internal.error.code, 'VALIDATION');
    client.dispose();

    const { client: without } = await setup();
    assert.equal(without.hasCustomerDirectory, false);
    const refused = await without.addCustomerToDatabase('c-1');
    assert.equal(refused.ok ? null : refused.error.code, 'NOT_FOUND');
    without.dispose();
  });
});

describe('client: lifecycle', () => {
  it('dispose releases every adapter subscription and completes every stream', async () => {
    const { fake, client } = await setup();
    assert.ok(fake.subscriptionCount() >= 2, 'connection$ and events');
    const typing = new Subject<{ text: string }>();
    const streams = [
      record(client.connection$),
      record(client.status$),
      record(client.me$),
      record(client.liveChats$),
      record(client.counters$),
      record(client.activity$),
      record(client.alerts$),
      record(client.binders$),
      record(client.actions$),
      record(client.sessions$('lc-1', 'queue')),
      record(client.session$('q1')),
      record(client.conversation$('q1')),
      record(client.search$(typing)),
    ];
    // A history request in flight while disposing must not touch state afterwards.
    fake.historyHandler = () => new Promise(() => undefined);
    record(client.conversation$('a1'));
    client.dispose();
    assert.equal(client.disposed, true);
    assert.equal(fake.subscriptionCount(), 0);
    assert.equal(typing.observed, false);
    streams.forEach((stream, i) => assert.equal(stream.completed(), true, `stream ${i} completed`));
    const after = await client.take('q1');
    assert.equal(after.ok ? null : after.error.code, 'INTERNAL');
    const send = await client.send('q1', 'hello');
    assert.equal(send.ok ? null : send.error.code, 'INTERNAL');
    client.dispose(); // idempotent
  });

  it('two clients on one page share nothing', async () => {
    const one = await setup();
    const two = await setup();
    one.fake.emit({
      type: 'session.upserted',
      session: makeSession('only-one'),
      unread: 1,
      cause: 'created',
    });
    assert.notEqual(one.client.getSession('only-one'), undefined);
    assert.equal(two.client.getSession('only-one'), undefined);
    assert.equal(one.client.counters.newUnassigned, 4);
    assert.equal(two.client.counters.newUnassigned, 3);
    const alertsTwo = record(two.client.alerts$);
    one.fake.emit({ type: 'alert', alert: alert('x') });
    assert.deepEqual(alertsTwo.values, []);
    one.client.dispose();
    assert.equal(two.client.disposed, false);
    two.fake.emit({ type: 'session.removed', sessionId: 'q1' });
    assert.equal(two.client.getSession('q1'), undefined);
    assert.equal(two.client.counters.newUnassigned, 2);
    two.client.dispose();
  });
});
