/**
 * The contract every `TransportAdapter` and its backend must keep, as named checks. Each check
 * drives a fresh harness through its adapters, the way the workspace and its users would.
 */
import { MAX_MESSAGE_LENGTH, MAX_SEARCH_LENGTH } from '@live-chat/core';
import type { Observable } from 'rxjs';
import type {
  ActivityAddedEvent,
  AlertEvent,
  MessageAddedEvent,
  ServerEvent,
  Session,
  SessionUpsertedEvent,
} from '@live-chat/core';
import {
  check,
  checkEqual,
  checkError,
  checkJson,
  checkOk,
  checkRejects,
  canonical,
  ConformanceError,
} from './assert.js';
import { newCommandId, waitUntil, withoutSeq, type Probe, type Recorder } from './probe.js';

/** One check: what it proves, and how. */
export interface CheckDefinition {
  name: string;
  run(probe: Probe): Promise<void>;
}

const isUpsertOf =
  (sessionId: string) =>
  (event: ServerEvent): event is SessionUpsertedEvent =>
    event.type === 'session.upserted' && event.session.id === sessionId;

const isActivity =
  (kind: string, sessionId: string) =>
  (event: ServerEvent): event is ActivityAddedEvent =>
    event.type === 'activity.added' &&
    event.entry.kind === kind &&
    event.entry.sessionId === sessionId;

const mentions =
  (sessionId: string) =>
  (event: ServerEvent): boolean =>
    (event.type === 'session.upserted' && event.session.id === sessionId) ||
    (event.type === 'session.removed' && event.sessionId === sessionId) ||
    (event.type === 'session.read' && event.sessionId === sessionId) ||
    (event.type === 'message.added' && event.message.sessionId === sessionId) ||
    (event.type === 'alert' && event.alert.sessionId === sessionId);

/** The first event or error of a stream, within `timeoutMs`. */
async function firstOf(
  events$: Observable<ServerEvent>,
  timeoutMs: number,
): Promise<{ event?: ServerEvent; error?: unknown }> {
  const outcome: { event?: ServerEvent; error?: unknown; done?: boolean } = {};
  const subscription = events$.subscribe({
    next: (event) => {
      outcome.event ??= event;
      outcome.done = true;
    },
    error: (error: unknown) => {
      outcome.error = error;
      outcome.done = true;
    },
  });
  try {
    await waitUntil(() => outcome.done === true, 'the first event or error', timeoutMs);
  } finally {
    subscription.unsubscribe();
  }
  return outcome;
}

/** Collects a stream's events up to and including `seq`. */
async function collectUntil(
  events$: Observable<ServerEvent>,
  seq: number,
  timeoutMs: number,
): Promise<ServerEvent[]> {
  const events: ServerEvent[] = [];
  let failure: unknown;
  const subscription = events$.subscribe({
    next: (event) => events.push(event),
    error: (error: unknown) => (failure = error),
  });
  try {
    await waitUntil(
      () => failure !== undefined || (events.at(-1)?.seq ?? -1) >= seq,
      `replay up to seq ${seq}`,
      timeoutMs,
    );
  } finally {
    subscription.unsubscribe();
  }
  if (failure !== undefined)
    throw new ConformanceError(
      `The replay failed: ${String((failure as Error).message ?? failure)}`,
    );
  return events;
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/**
 * A day in a contact centre, through every kind of change: two customers write, operators take,
 * answer, reassign, return to queue, rename, read, (queue for a group), close, and a customer comes
 * back. Used by the stream checks.
 */
async function scriptedDay(p: Probe): Promise<void> {
  const { operatorA: a, operatorB: b, supervisor } = p.users;
  const first = await p.newSession(0, 'Hi, I was charged twice for my order.');
  const second = await p.newSession(1, "Hello, I can't log in.");
  await p.ok(a, { type: 'session.take', sessionId: first.id }, 'A takes the first session');
  await p.ok(
    a,
    {
      type: 'message.send',
      sessionId: first.id,
      clientMessageId: newCommandId(),
      text: 'Let me check that.',
    },
    'A answers',
  );
  await p.customerWrites(0, 'Thank you!');
  await p.ok(
    b,
    {
      type: 'message.send',
      sessionId: second.id,
      clientMessageId: newCommandId(),
      text: 'Please try again now.',
    },
    'B takes the second session by replying',
  );
  await p.ok(
    a,
    { type: 'session.reassign', sessionId: first.id, target: { kind: 'operator', operatorId: b } },
    'A reassigns to B',
  );
  await p.ok(
    b,
    { type: 'session.return-to-queue', sessionId: first.id },
    'B returns it to the queue',
  );
  await p.ok(a, { type: 'session.take', sessionId: first.id }, 'A takes it back');
  await p.ok(
    a,
    { type: 'session.rename', sessionId: first.id, name: 'Double charge' },
    'A renames it',
  );
  await p.ok(
    supervisor,
    { type: 'session.mark-read', sessionId: second.id },
    'the supervisor reads the second session',
  );
  const group = p.harness.group;
  if (group) {
    await p.ok(
      b,
      {
        type: 'session.reassign',
        sessionId: second.id,
        target: { kind: 'group', groupId: group.groupId },
      },
      'B queues the second session for the group',
    );
  }
  await p.ok(a, { type: 'session.close', sessionId: first.id }, 'A closes the first session');
  await p.customerWrites(0, 'Hi again, the refund has not arrived.');
  await p.customerWrites(2, 'Is anyone there?');
}

export const CHECKS: readonly CheckDefinition[] = [
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
    name: 'a customer message opens a queued session and alerts only the operators',
    async run(p) {
      const { operatorA, operatorB, supervisor, outsider } = p.users;
      const recorders = await Promise.all(
        [operatorA, operatorB, supervisor, outsider].map((id) => p.record(id)),
      );
      const [a, b, sup, out] = recorders as [Recorder, Recorder, Recorder, Recorder];
      await p.customerWrites(0, 'Hi, my parcel has not arrived.');
      const session = await p.sessionOf(0);
      check(
        session.status === 'queued' && session.assignee === null,
        'a new session is queued and unassigned',
      );
      for (const r of [a, b]) {
        const upsert = await r.waitFor(isUpsertOf(session.id), 'the new session');
        check(
          upsert.unread >= 1,
          `${r.userId}: the new session must count the customer message as unread`,
        );
        await r.waitFor(
          (e): e is MessageAddedEvent =>
            e.type === 'message.added' &&
            e.message.sessionId === session.id &&
            e.message.author.kind === 'customer',
          'the customer message',
        );
        const alert = await r.waitFor(
          (e): e is AlertEvent => e.type === 'alert' && e.alert.sessionId === session.id,
          'an alert',
        );
        check(alert.alert.liveChatId === p.harness.liveChatId, 'the alert names the live chat');
      }
      await sup.waitFor(isUpsertOf(session.id), 'the new session (supervisor)');
      for (const r of recorders) await p.checkConverged(r);
      check(
        !sup.events.some((e) => e.type === 'alert'),
        'supervisors who are not operators get no alert',
      );
      check(
        !out.events.some(mentions(session.id)),
        'an outsider must hear nothing about the session',
      );
    },
  },
  {
    name: 'take is atomic: of two operators taking at once exactly one wins',
    async run(p) {
      const { operatorA, operatorB, supervisor } = p.users;
      const session = await p.newSession(0);
      const recorders = await Promise.all(
        [operatorA, operatorB, supervisor].map((id) => p.record(id)),
      );
      const results = await Promise.all(
        [operatorA, operatorB].map((id) =>
          p
            .adapter(id)
            .execute({ type: 'session.take', sessionId: session.id, commandId: newCommandId() }),
        ),
      );
      const winners = results.filter((r) => r.ok);
      check(winners.length === 1, `exactly one take must succeed, ${winners.length} did`);
      const loserResult = results.find((r) => !r.ok) as (typeof results)[number];
      checkError(loserResult, 'ALREADY_TAKEN', 'the second take');
      const winner = results[0]?.ok ? operatorA : operatorB;
      const loser = winner === operatorA ? operatorB : operatorA;
      const taken = checkOk(winners[0] as (typeof results)[number], 'the winning take') as {
        session: Session;
      };
      check(taken.session.status === 'active', 'the taken session is active');
      checkEqual(
        taken.session.assignee,
        { kind: 'operator', operatorId: winner },
        'the taken session is assigned to the winner',
      );
      for (const r of recorders) await p.checkConverged(r);
      const loserView = (await p.adapter(loser).snapshot()).sessions.find(
        (s) => s.id === session.id,
      );
      check(loserView === undefined, "the loser no longer sees another operator's session");
      const winnerView = (await p.adapter(winner).snapshot()).sessions.find(
        (s) => s.id === session.id,
      );
      check(winnerView?.status === 'active', 'the winner sees the session active');
    },
  },
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
  {
    name: "each user's stream numbers its events 1 apart, as plain JSON",
    async run(p) {
      const { operatorA, operatorB, supervisor, outsider } = p.users;
      const recorders = await Promise.all(
        [operatorA, operatorB, supervisor, outsider].map((id) => p.record(id)),
      );
      await scriptedDay(p);
      for (const r of recorders) {
        const fresh = await r.adapter.snapshot();
        await r.reach(fresh.seq);
        r.events.forEach((event, i) => {
          check(
            event.seq === r.snapshot.seq + i + 1,
            `${r.userId}: event ${i} has seq ${event.seq}, expected ${r.snapshot.seq + i + 1}`,
          );
          checkJson(event, `${r.userId}'s event ${event.seq}`);
        });
      }
      check((recorders[0] as Recorder).events.length > 0, 'the operator received events');
    },
  },
  {
    name: 'snapshot + events(seq) reproduces the live state',
    async run(p) {
      const { operatorA, operatorB, supervisor, outsider } = p.users;
      const recorders = await Promise.all(
        [operatorA, operatorB, supervisor, outsider].map((id) => p.record(id)),
      );
      await scriptedDay(p);
      for (const r of recorders) await p.checkConverged(r);
    },
  },
  {
    name: 'events(sinceSeq) replays exactly what followed sinceSeq',
    async run(p) {
      const { operatorA } = p.users;
      const live = await p.record(operatorA);
      await scriptedDay(p);
      const fresh = await live.adapter.snapshot();
      await live.reach(fresh.seq);
      const expected = live.events.filter((e) => e.seq <= fresh.seq);
      check(expected.length > 2, 'the day produced events');
      const tab = p.extraAdapter(operatorA);
      const replay = await collectUntil(tab.events(live.snapshot.seq), fresh.seq, p.timeoutMs);
      checkEqual(
        replay.filter((e) => e.seq <= fresh.seq).map(canonical),
        expected.map(canonical),
        'a replay equals the live events',
      );
      const middle = expected[Math.floor(expected.length / 2)] as ServerEvent;
      const tail = await collectUntil(tab.events(middle.seq), fresh.seq, p.timeoutMs);
      check(
        tail[0]?.seq === middle.seq + 1,
        `events(${middle.seq}) must start at seq ${middle.seq + 1}`,
      );
    },
  },
  {
    name: 'an unknown position answers RESYNC_REQUIRED; events(0) replays from 1 or asks to resync',
    async run(p) {
      const { operatorA } = p.users;
      await p.newSession(0);
      const adapter = p.adapter(operatorA);
      const snapshot = await adapter.snapshot();
      check(snapshot.seq > 0, 'the customer message produced events for the operator');
      const ahead = await firstOf(adapter.events(snapshot.seq + 1000), p.timeoutMs);
      check(ahead.event === undefined, 'a seq ahead of the stream must not deliver events');
      check(
        codeOf(ahead.error) === 'RESYNC_REQUIRED',
        `a seq ahead of the stream must fail with RESYNC_REQUIRED, got ${String(codeOf(ahead.error))}`,
      );
      const fromStart = await firstOf(adapter.events(0), p.timeoutMs);
      if (fromStart.error !== undefined) {
        check(
          codeOf(fromStart.error) === 'RESYNC_REQUIRED',
          `events(0) may only fail with RESYNC_REQUIRED, got ${String(codeOf(fromStart.error))}`,
        );
      } else {
        check(
          fromStart.event?.seq === 1,
          `events(0) must start at seq 1, got ${String(fromStart.event?.seq)}`,
        );
      }
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
    name: 'a closed session reopens in the queue when its customer writes, with its whole history',
    async run(p) {
      const { operatorA, operatorB } = p.users;
      const session = await p.newSession(0, 'My order arrived damaged.');
      await p.ok(
        operatorA,
        {
          type: 'message.send',
          sessionId: session.id,
          clientMessageId: newCommandId(),
          text: 'Sorry! A replacement is on its way.',
        },
        'answer',
      );
      await p.customerWrites(0, 'Thanks!');
      await p.ok(operatorA, { type: 'session.close', sessionId: session.id }, 'close');
      const b = await p.record(operatorB);
      await p.customerWrites(0, 'Hi again, the replacement is damaged too.');
      const reopened = await p.sessionOf(0);
      check(reopened.id === session.id, 'the customer writes into the same session');
      check(
        reopened.status === 'queued' && reopened.assignee === null,
        `the reopened session is queued and unassigned, got ${reopened.status}`,
      );
      const upsert = await b.waitFor(
        (e): e is SessionUpsertedEvent =>
          isUpsertOf(session.id)(e) && e.session.status === 'queued',
        'the reopened session',
      );
      check(upsert.unread >= 1, 'the new message is unread');
      const page = await p.adapter(operatorB).history({ sessionId: session.id, limit: 100 });
      checkEqual(
        page.messages.map((m) => m.text),
        [
          'My order arrived damaged.',
          'Sorry! A replacement is on its way.',
          'Thanks!',
          'Hi again, the replacement is damaged too.',
        ],
        'the history is intact, oldest first',
      );
      page.messages.forEach(
        (m, i) =>
          i > 0 &&
          check(m.order > (page.messages[i - 1]?.order ?? 0), 'message orders strictly increase'),
      );
      await p.checkConverged(b);
    },
  },
  {
    name: 'reassigning to an operator moves the session and tells them and the supervisors',
    async run(p) {
      const { operatorA, operatorB, supervisor } = p.users;
      const session = await p.newSession(0);
      await p.ok(operatorA, { type: 'session.take', sessionId: session.id }, 'take');
      const recorders = await Promise.all(
        [operatorA, operatorB, supervisor].map((id) => p.record(id)),
      );
      const [a, b, sup] = recorders as [Recorder, Recorder, Recorder];
      const value = (await p.ok(
        operatorA,
        {
          type: 'session.reassign',
          sessionId: session.id,
          target: { kind: 'operator', operatorId: operatorB },
        },
        'reassign',
      )) as { session: Session };
      checkEqual(
        value.session.assignee,
        { kind: 'operator', operatorId: operatorB },
        'the session is assigned to B',
      );
      check(value.session.status === 'active', 'a session reassigned to an operator is active');
      await b.waitFor(
        (e): e is SessionUpsertedEvent =>
          isUpsertOf(session.id)(e) && e.session.status === 'active',
        'the session, now theirs',
      );
      await b.waitFor(isActivity('session-reassigned', session.id), "B's activity entry");
      await sup.waitFor(
        isActivity('session-reassigned', session.id),
        "the supervisor's activity entry",
      );
      await a.waitFor(
        (e) => e.type === 'session.removed' && e.sessionId === session.id,
        'the session leaving A',
      );
      for (const r of recorders) await p.checkConverged(r);
    },
  },
  {
    name: "closing tells the supervisors and the live chat's operators",
    async run(p) {
      const { operatorA, operatorB, supervisor, outsider } = p.users;
      const session = await p.newSession(0);
      await p.ok(operatorA, { type: 'session.take', sessionId: session.id }, 'take');
      const recorders = await Promise.all(
        [operatorA, operatorB, supervisor, outsider].map((id) => p.record(id)),
      );
      await p.ok(operatorA, { type: 'session.close', sessionId: session.id }, 'close');
      for (const r of recorders.slice(0, 3)) {
        const entry = await r.waitFor(
          isActivity('session-closed', session.id),
          'the session-closed activity',
        );
        check(entry.entry.actorId === operatorA, 'the entry names who closed it');
      }
      for (const r of recorders) await p.checkConverged(r);
      check(
        !(recorders[3] as Recorder).events.some((e) => e.type === 'activity.added'),
        'an outsider gets no activity',
      );
    },
  },
  {
    name: "a session queued for a group waits only in its members' queue",
    async run(p) {
      const group = p.harness.group;
      if (!group) return; // optional part of the contract
      const { operatorA, operatorB, supervisor } = p.users;
      const session = await p.newSession(0);
      await p.ok(operatorA, { type: 'session.take', sessionId: session.id }, 'take');
      const recorders = await Promise.all(
        [operatorA, operatorB, supervisor].map((id) => p.record(id)),
      );
      const value = (await p.ok(
        operatorA,
        {
          type: 'session.reassign',
          sessionId: session.id,
          target: { kind: 'group', groupId: group.groupId },
        },
        'reassign to the group',
      )) as { session: Session };
      check(value.session.status === 'queued', 'a session reassigned to a group is queued');
      await (recorders[1] as Recorder).waitFor(
        isActivity('session-reassigned', session.id),
        "the member's activity entry",
      );
      for (const r of recorders) await p.checkConverged(r);
      const memberSees = (await p.adapter(operatorB).snapshot()).sessions.some(
        (s) => s.id === session.id && s.status === 'queued',
      );
      check(memberSees, 'a group member sees the session in the queue');
      const otherSees = (await p.adapter(operatorA).snapshot()).sessions.some(
        (s) => s.id === session.id,
      );
      check(!otherSees, 'an operator outside the group does not see it');
      checkError(
        await p.run(operatorA, { type: 'session.take', sessionId: session.id }),
        ['FORBIDDEN', 'NOT_FOUND'],
        'a non-member taking it',
      );
      await p.ok(operatorB, { type: 'session.take', sessionId: session.id }, 'a member takes it');
    },
  },
  {
    name: 'history pages go back in order',
    async run(p) {
      const { operatorA } = p.users;
      const session = await p.newSession(0, 'one');
      for (const text of ['two', 'three', 'four', 'five']) await p.customerWrites(0, text);
      const adapter = p.adapter(operatorA);
      const newest = await adapter.history({ sessionId: session.id, limit: 2 });
      checkEqual(
        newest.messages.map((m) => m.text),
        ['four', 'five'],
        'the newest page',
      );
      check(newest.hasMore, 'older messages exist');
      const older = await adapter.history({
        sessionId: session.id,
        limit: 2,
        beforeOrder: newest.messages[0]?.order as number,
      });
      checkEqual(
        older.messages.map((m) => m.text),
        ['two', 'three'],
        'the page before',
      );
      const oldest = await adapter.history({
        sessionId: session.id,
        limit: 2,
        beforeOrder: older.messages[0]?.order as number,
      });
      checkEqual(
        oldest.messages.map((m) => m.text),
        ['one'],
        'the first page',
      );
      check(!oldest.hasMore, 'nothing before the first message');
    },
  },
  {
    name: 'search is scoped: names only, or one open session with its messages',
    async run(p) {
      const { operatorA } = p.users;
      const session = await p.newSession(0, 'My blender makes a strange noise.');
      await p.ok(operatorA, { type: 'session.take', sessionId: session.id }, 'take');
      await p.ok(
        operatorA,
        { type: 'session.rename', sessionId: session.id, name: 'Blender warranty' },
        'rename',
      );
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
      await p.ok(
        operatorA,
        {
          type: 'message.send',
          sessionId: session.id,
          clientMessageId: newCommandId(),
          text: 'Hello!',
        },
        'answer',
      );
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
