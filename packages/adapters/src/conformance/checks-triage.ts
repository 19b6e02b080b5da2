/** Triage and handover: tags, urgency, private notes with mentions, and reassignment notes. */
import type { AlertEvent, MessageAddedEvent, ServerEvent, Session } from '@live-chat/core';
import { check, checkEqual, checkRejects } from './assert.js';
import { alertOf, isActivity } from './events.js';
import type { CheckDefinition, Probe } from './probe.js';
import { close, take } from './command-inputs.js';

/** The harness live chat's tag ids, as the supervisor's snapshot lists them. */
async function tagsOf(p: Probe): Promise<{ id: string; label: string }[]> {
  const snapshot = await p.adapter(p.users.supervisor).snapshot();
  const chat = snapshot.liveChats.find((c) => c.id === p.harness.liveChatId);
  return chat?.tags ?? [];
}

const note = (sessionId: string, text: string, mentions?: string[]) => ({
  type: 'message.send' as const,
  sessionId,
  text,
  clientMessageId: `note-${text.length}-${Math.random().toString(36).slice(2)}`,
  internal: true,
  ...(mentions && { mentions }),
});

export const TRIAGE_CHECKS: readonly CheckDefinition[] = [
  {
    name: "tags: only the live chat's tags are set, everyone who sees the session learns them",
    async run(p) {
      const { operatorA, supervisor } = p.users;
      const tags = await tagsOf(p);
      const tagIds = tags.map((tag) => tag.id);
      if (tagIds.length < 2) return; // the live chat offers no tags: nothing to check
      const session = await p.newSession(0);
      const sup = await p.record(supervisor);
      const set = tagIds.slice(0, 2);
      const tagged = (await p.ok(
        operatorA,
        { type: 'session.tag', sessionId: session.id, tagIds: [...set, set[0]!] },
        'tag',
      )) as { session: Session };
      checkEqual(tagged.session.tags, set, 'the session carries each tag once, in order');
      await sup.waitFor(
        (e) => e.type === 'session.upserted' && e.session.id === session.id && e.cause === 'tagged',
        'the tagged session (supervisor)',
      );
      const label = tags[1]!.label;
      const hits = await p.adapter(supervisor).search({ text: label.toUpperCase() });
      const hit = hits.find((h) => h.kind === 'session' && h.sessionId === session.id);
      check(
        hit?.kind === 'session' && hit.tags?.includes(label) === true,
        'search finds it by tag',
      );
      const unchanged = await p.unchangedFor([operatorA, supervisor]);
      await p.refuses([
        [
          'a tag the live chat does not offer',
          operatorA,
          { type: 'session.tag', sessionId: session.id, tagIds: ['no-such-tag'] },
          'VALIDATION',
        ],
        [
          'tags that are not a list',
          operatorA,
          { type: 'session.tag', sessionId: session.id, tagIds: 'billing' as never },
          'VALIDATION',
        ],
      ]);
      await unchanged();
      const cleared = (await p.ok(
        operatorA,
        { type: 'session.tag', sessionId: session.id, tagIds: [] },
        'untag',
      )) as { session: Session };
      check(!cleared.session.tags?.length, 'an empty list removes every tag');
      await p.checkConverged(sup);
    },
  },
  {
    name: 'an urgent session goes first: take-next gives it before older ones',
    async run(p) {
      const { operatorA } = p.users;
      const older = await p.newSession(0);
      const newer = await p.newSession(1);
      const marked = (await p.ok(
        operatorA,
        { type: 'session.set-urgent', sessionId: newer.id, urgent: true },
        'mark urgent',
      )) as { session: Session };
      check(marked.session.urgent === true, 'the session is marked urgent');
      check(marked.session.status === 'queued', 'marking takes nothing');
      /** The session take-next gives operator A. */
      const takeNext = async (what: string): Promise<Session> => {
        const input = { type: 'session.take-next', liveChatId: p.harness.liveChatId } as const;
        return ((await p.ok(operatorA, input, what)) as { session: Session }).session;
      };
      checkEqual((await takeNext('take next')).id, newer.id, 'the urgent session is taken first');
      checkEqual((await takeNext('take next again')).id, older.id, 'then the oldest');
      await p.refuses([
        [
          'urgent that is not true or false',
          operatorA,
          { type: 'session.set-urgent', sessionId: older.id, urgent: 'yes' as never },
          'VALIDATION',
        ],
      ]);
    },
  },
  {
    name: 'a private note stays with the staff: it takes nothing, keeps the last message, alerts who it mentions',
    async run(p) {
      const { operatorA, operatorB, supervisor } = p.users;
      const session = await p.newSession(0);
      const [a, b, sup, out] = await p.recordEveryone();
      const report = () =>
        p.adapter(supervisor).report({
          kind: 'live-chat-performance',
          liveChatId: p.harness.liveChatId,
          range: { from: 0, to: Date.now() + 60_000 },
        });
      const before = await report();
      const value = (await p.ok(
        operatorA,
        note(session.id, 'Looks like a refund case', [operatorB]),
        'a note',
      )) as { message: { id: string; internal?: boolean; order: number }; session: Session };
      check(value.message.internal === true, 'the message is a note');
      check(value.session.status === 'queued', 'a note does not take the session');
      checkEqual(
        value.session.lastMessagePreview,
        session.lastMessagePreview,
        "the session's last message stays the customer's",
      );
      for (const r of [a, b, sup]) {
        const added = await r.waitFor(
          (e: ServerEvent): e is MessageAddedEvent =>
            e.type === 'message.added' && e.message.internal === true,
          'the note',
        );
        checkEqual(added.message.text, 'Looks like a refund case', `${r.userId} sees the note`);
      }
      const mention = await b.waitFor(
        (e: ServerEvent): e is AlertEvent => e.type === 'alert' && e.alert.kind === 'mention',
        'the mention alert',
      );
      checkEqual(mention.alert.mentionedBy, operatorA, 'the mention names who wrote the note');
      const found = await p.adapter(supervisor).search({ text: 'REFUND', sessionId: session.id });
      check(
        found.some((hit) => hit.kind === 'message' && hit.messageId === value.message.id),
        'search in the session finds the note for those who see it',
      );
      await checkRejects(
        p.adapter(p.users.outsider).search({ text: 'refund', sessionId: session.id }),
        ['FORBIDDEN', 'NOT_FOUND'],
        'an operator of another live chat searches the session',
      );
      const after = await report();
      checkEqual(after.messagesOut, before.messagesOut, 'reports do not count a note as a message');
      checkEqual(after.neverAnswered, before.neverAnswered, 'a note answers nobody');
      for (const r of [a, b, sup, out]) await p.checkConverged(r);
      check(
        !sup.events.some((e) => e.type === 'alert'),
        'nobody else is alerted by a note (the supervisor was not mentioned)',
      );
      const unchanged = await p.unchangedFor([operatorA, operatorB, supervisor]);
      await p.refuses([
        [
          'a mention of someone outside the live chat',
          operatorA,
          note(session.id, 'Outsider?', [p.users.outsider]),
          'VALIDATION',
        ],
        [
          'mentions in a reply to the customer',
          operatorA,
          { ...note(session.id, 'Hi'), internal: false, mentions: [operatorB] },
          'VALIDATION',
        ],
        ['a note by an outsider', p.users.outsider, note(session.id, 'Hello?'), 'FORBIDDEN'],
      ]);
      await unchanged();
    },
  },
  {
    name: 'a reassignment carries its note to the new assignee: in the activity entry and on the session',
    async run(p) {
      const { operatorA, operatorB } = p.users;
      const session = await p.newSession(0);
      await p.ok(operatorA, take(session.id), 'take');
      const b = await p.record(operatorB);
      const moved = (await p.ok(
        operatorA,
        {
          type: 'session.reassign',
          sessionId: session.id,
          target: { kind: 'operator', operatorId: operatorB },
          note: '  Wants a call back after 5 pm ',
        },
        'reassign with a note',
      )) as { session: Session };
      checkEqual(
        moved.session.handover?.note,
        'Wants a call back after 5 pm',
        'the session carries the note',
      );
      checkEqual(moved.session.handover?.fromId, operatorA, 'and who left it');
      const entry = await b.waitFor(isActivity('session-reassigned', session.id), 'the entry');
      checkEqual(entry.entry.note, 'Wants a call back after 5 pm', 'the activity entry has it');
      await p.refuses([
        [
          'a note over its limit',
          operatorB,
          {
            type: 'session.reassign',
            sessionId: session.id,
            target: { kind: 'operator', operatorId: operatorA },
            note: 'x'.repeat(501),
          },
          'VALIDATION',
        ],
      ]);
      const closed = (await p.ok(operatorB, close(session.id), 'close')) as { session: Session };
      check(closed.session.handover === undefined, 'closing clears the note');
      await p.checkConverged(b);
    },
  },
  {
    name: 'availability: new requests alert only available operators, or the supervisors when none is',
    async run(p) {
      const { operatorA, operatorB, supervisor } = p.users;
      const sup = await p.record(supervisor);
      const away = (await p.ok(
        operatorA,
        { type: 'presence.set', status: 'away' },
        'A goes away',
      )) as { presence: { status: string; userId: string } };
      checkEqual(away.presence.status, 'away', 'the answer is the new availability');
      const seen = await sup.waitFor(
        (e: ServerEvent) => e.type === 'presence.changed' && e.presence.userId === operatorA,
        "the supervisor learns of A's availability",
      );
      check(seen.type === 'presence.changed' && seen.presence.status === 'away', 'as away');
      const snapshot = await p.adapter(supervisor).snapshot();
      check(
        snapshot.presence?.some((x) => x.userId === operatorA && x.status === 'away') === true,
        "the supervisor's snapshot has A's availability",
      );
      const bSnapshot = await p.adapter(operatorB).snapshot();
      check(
        !bSnapshot.presence?.some((x) => x.userId === operatorA),
        "another operator is not told A's availability",
      );
      // The workspace cannot undo what the user chose.
      const kept = (await p.ok(
        operatorA,
        { type: 'presence.set', status: 'online', auto: true },
        'an automatic online',
      )) as { presence: { status: string } };
      checkEqual(kept.presence.status, 'away', 'an automatic change never overrides a choice');

      const [a, b] = await Promise.all([operatorA, operatorB].map((id) => p.record(id)));
      const sessionOf = async (index: number) => {
        await p.customerWrites(index, `Request ${index}`);
        return (await p.sessionOf(index)).id;
      };
      const first = await sessionOf(0);
      await b!.waitFor(alertOf(first), 'B, available, is alerted');
      await p.checkConverged(a!);
      check(!a!.events.some(alertOf(first)), 'A, away, is not alerted of a new request');
      check(!sup.events.some(alertOf(first)), 'the supervisor is not, while B is available');

      const chat = (await p.adapter(supervisor).snapshot()).liveChats.find(
        (c) => c.id === p.harness.liveChatId,
      );
      for (const operatorId of chat?.operatorIds ?? [operatorB]) {
        if (operatorId === operatorA) continue;
        await p.ok(operatorId, { type: 'presence.set', status: 'offline' }, 'everyone else leaves');
      }
      const second = await sessionOf(1);
      await sup.waitFor(alertOf(second), 'nobody available: the supervisor is alerted');
      await p.ok(operatorA, { type: 'presence.set', status: 'online' }, 'A is back');
      await p.refuses([
        [
          'an unknown availability',
          operatorA,
          { type: 'presence.set', status: 'busy' as never },
          'VALIDATION',
        ],
      ]);
    },
  },
  {
    name: "canned replies: a live chat's are kept by its supervisors and used by its staff; personal ones stay personal",
    async run(p) {
      const { operatorA, operatorB, supervisor, outsider } = p.users;
      const liveChat = { kind: 'live-chat' as const, liveChatId: p.harness.liveChatId };
      const [a, b] = await Promise.all([operatorA, operatorB].map((id) => p.record(id)));
      const shared = (await p.ok(
        supervisor,
        {
          type: 'canned.save',
          scope: liveChat,
          shortcut: 'conf-hello',
          text: 'Hello {{customer.name}}!',
        },
        'the supervisor saves a reply of the live chat',
      )) as { reply: { id: string; shortcut: string } };
      for (const r of [a!, b!]) {
        await r.waitFor(
          (e: ServerEvent) => e.type === 'canned.upserted' && e.reply.id === shared.reply.id,
          `${r.userId} may use it`,
        );
      }
      const own = (await p.ok(
        operatorA,
        {
          type: 'canned.save',
          scope: { kind: 'personal' },
          shortcut: 'conf-mine',
          text: 'Mine',
        } as never,
        'an operator saves a personal reply',
      )) as { reply: { id: string; scope: { kind: string; userId?: string } } };
      checkEqual(own.reply.scope.userId, operatorA, "a personal reply is its author's");
      const inSnapshot = async (userId: string, id: string) =>
        (await p.adapter(userId).snapshot()).cannedReplies?.some((reply) => reply.id === id) ===
        true;
      check(await inSnapshot(operatorA, own.reply.id), "A's snapshot has A's reply");
      check(!(await inSnapshot(operatorB, own.reply.id)), "B's snapshot does not have A's reply");
      check(await inSnapshot(operatorB, shared.reply.id), "B's snapshot has the live chat's reply");
      check(!(await inSnapshot(outsider, shared.reply.id)), 'an outsider does not see it');
      const unchanged = await p.unchangedFor([operatorA, operatorB, supervisor]);
      await p.refuses([
        [
          "an operator saving the live chat's reply",
          operatorA,
          { type: 'canned.save', scope: liveChat, shortcut: 'conf-x', text: 'x' },
          'FORBIDDEN',
        ],
        [
          'a shortcut already used in the scope',
          supervisor,
          { type: 'canned.save', scope: liveChat, shortcut: 'CONF-HELLO', text: 'again' },
          'CONFLICT',
        ],
        [
          'a shortcut with spaces',
          supervisor,
          { type: 'canned.save', scope: liveChat, shortcut: 'two words', text: 'x' },
          'VALIDATION',
        ],
        [
          "another user's personal reply",
          operatorB,
          { type: 'canned.delete', replyId: own.reply.id },
          'NOT_FOUND',
        ],
      ]);
      await unchanged();
      await p.ok(supervisor, { type: 'canned.delete', replyId: shared.reply.id }, 'delete');
      await b!.waitFor(
        (e: ServerEvent) => e.type === 'canned.removed' && e.replyId === shared.reply.id,
        'B learns it is gone',
      );
      await p.checkConverged(b!);
    },
  },
];
