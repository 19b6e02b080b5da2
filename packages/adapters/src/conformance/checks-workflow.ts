/** The life of a session: customers writing in, taking, reopening, reassigning, closing, group queues. */
import type { MessageAddedEvent, Session, SessionUpsertedEvent } from '@live-chat/core';
import { check, checkEqual, checkError, checkOk } from './assert.js';
import { alertOf, isActivity, isUpsertOf, mentions } from './events.js';
import { newCommandId, type CheckDefinition, type Recorder } from './probe.js';
import { close, reassign, reply, take } from './command-inputs.js';

export const WORKFLOW_CHECKS: readonly CheckDefinition[] = [
  {
    name: 'a customer message opens a queued session and alerts only the operators',
    async run(p) {
      const recorders = await p.recordEveryone();
      const [a, b, sup, out] = recorders;
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
        const added = await r.waitFor(
          (e): e is MessageAddedEvent =>
            e.type === 'message.added' &&
            e.message.sessionId === session.id &&
            e.message.author.kind === 'customer',
          'the customer message',
        );
        check(
          added.session?.id === session.id && added.session.status === 'queued',
          `${r.userId}: a message carries the session it changed (one fact, one event)`,
        );
        check(
          !r.events.some((e) => e.type === 'session.upserted' && e.session.id === session.id),
          `${r.userId}: the customer message is one event, not an upsert and a message`,
        );
        const alert = await r.waitFor(alertOf(session.id), 'an alert');
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
    name: 'a follow-up alerts who holds the session and the supervisors; an alert withholds the customer from who may not open it',
    async run(p) {
      const { operatorA, operatorB } = p.users;
      const session = await p.newSession(0);
      await p.ok(operatorA, take(session.id), 'take');
      const recorders = await p.recordEveryone();
      const [a, b, sup] = recorders;
      await p.customerWrites(0, 'A follow-up');
      for (const r of [a, sup]) {
        const alert = await r.waitFor(alertOf(session.id), 'the follow-up alert');
        check(alert.alert.preview === 'A follow-up', `${r.userId}: may open it, sees the text`);
      }
      for (const r of recorders) await p.checkConverged(r);
      check(
        !b.events.some(alertOf(session.id)),
        "another operator's held session alerts nobody else",
      );
      const group = p.harness.group;
      if (!group) return;
      await p.ok(operatorA, reassign(session.id, { kind: 'group', ...group }), 'reassign');
      const [a2, b2] = await Promise.all([operatorA, operatorB].map((id) => p.record(id)));
      await p.customerWrites(0, 'Private details');
      const withheld = (await a2!.waitFor(alertOf(session.id), "A's alert")).alert;
      check(
        withheld.customerName === undefined &&
          withheld.preview === undefined &&
          !JSON.stringify(withheld).includes('Private details'),
        'A may not open a session queued for a group A is not in: no name, no text',
      );
      const shown = (await b2!.waitFor(alertOf(session.id), "B's alert")).alert;
      check(shown.preview === 'Private details', 'B is in the group: the text is shown');
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
    name: 'a closed session reopens in the queue when its customer writes, with its whole history',
    async run(p) {
      const { operatorA, operatorB } = p.users;
      const session = await p.newSession(0, 'My order arrived damaged.');
      await p.ok(operatorA, reply(session.id, 'Sorry! A replacement is on its way.'), 'answer');
      await p.customerWrites(0, 'Thanks!');
      await p.ok(operatorA, close(session.id), 'close');
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
      await p.ok(operatorA, take(session.id), 'take');
      const recorders = await Promise.all(
        [operatorA, operatorB, supervisor].map((id) => p.record(id)),
      );
      const [a, b, sup] = recorders as [Recorder, Recorder, Recorder];
      const value = (await p.ok(
        operatorA,
        reassign(session.id, { kind: 'operator', operatorId: operatorB }),
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
      const { operatorA } = p.users;
      const session = await p.newSession(0);
      await p.ok(operatorA, take(session.id), 'take');
      const recorders = await p.recordEveryone();
      await p.ok(operatorA, close(session.id), 'close');
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
      await p.ok(operatorA, take(session.id), 'take');
      const recorders = await Promise.all(
        [operatorA, operatorB, supervisor].map((id) => p.record(id)),
      );
      const value = (await p.ok(
        operatorA,
        reassign(session.id, { kind: 'group', groupId: group.groupId }),
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
        await p.run(operatorA, take(session.id)),
        ['FORBIDDEN', 'NOT_FOUND'],
        'a non-member taking it',
      );
      await p.ok(operatorB, take(session.id), 'a member takes it');
    },
  },
];
