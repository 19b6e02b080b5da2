/**
 * Least privilege in data: a snapshot carries only what its user may see, customers are acted
 * on only by the staff of their live chats, and a customer's message key never meets an
 * operator's. A snapshot may leave customers out when the adapter reads them on demand
 * (`customers`, see checks-customers.ts); without that read it must carry them.
 */
import { viewerFor, visibleUserIds, type Message, type Snapshot } from '@live-chat/core';
import { check, checkError } from './assert.js';
import { reply } from './command-inputs.js';
import type { CheckDefinition, Probe } from './probe.js';

/**
 * Everything in the snapshot is the user's to see: only their live chats, those live chats'
 * groups, and users they have to do with (see `visibleUserIds` of `@live-chat/core`).
 */
function checkOwnSnapshot(snapshot: Snapshot): void {
  const who = snapshot.me.id;
  const viewer = viewerFor(who, snapshot.liveChats, snapshot.groups);
  for (const chat of snapshot.liveChats) {
    check(
      viewer.operatorOf.has(chat.id) || viewer.supervisorOf.has(chat.id),
      `${who}'s snapshot must not carry live chat ${chat.id}, which they do not belong to`,
    );
  }
  const chatIds = new Set(snapshot.liveChats.map((chat) => chat.id));
  for (const group of snapshot.groups) {
    check(
      chatIds.has(group.liveChatId),
      `${who}'s snapshot must not carry group ${group.id} of another live chat`,
    );
  }
  const allowed = visibleUserIds(
    viewer,
    snapshot.liveChats,
    snapshot.groups,
    snapshot.sessions,
    snapshot.activity,
  );
  for (const user of snapshot.users) {
    check(
      allowed.has(user.id),
      `${who}'s snapshot must not carry user ${user.id}, who has nothing to do with their live chats`,
    );
  }
}

/** Whether the snapshot carries the customer. */
const carries = (snapshot: Snapshot, customerId: string): boolean =>
  snapshot.customers.some((customer) => customer.id === customerId);

/** Customer 0 writes; the outsider's snapshot and stream must not hear of them. */
async function customerOfTheLiveChat(p: Probe): Promise<string> {
  const outsider = await p.record(p.users.outsider);
  await p.newSession(0);
  const customerId = p.customer(0);
  const fresh = await outsider.adapter.snapshot();
  await outsider.reach(fresh.seq);
  check(
    !carries(fresh, customerId),
    "an outsider's snapshot must not carry a customer of another live chat",
  );
  check(
    !outsider.events.some(
      (event) => event.type === 'customer.upserted' && event.customer.id === customerId,
    ),
    'an outsider must not hear of a customer of another live chat',
  );
  return customerId;
}

export const SCOPE_CHECKS: readonly CheckDefinition[] = [
  {
    name: 'a snapshot carries only what its user may see',
    async run(p) {
      const { operatorA, operatorB, supervisor, outsider } = p.users;
      const customerId = await customerOfTheLiveChat(p);
      for (const userId of [operatorA, operatorB, supervisor, outsider]) {
        const adapter = p.adapter(userId);
        const snapshot = await adapter.snapshot();
        checkOwnSnapshot(snapshot);
        if (userId === outsider) continue;
        if (adapter.customers) {
          // The snapshot may carry the customer or not; the read on demand must answer them.
          const found = await adapter.customers({ ids: [customerId] });
          check(
            found.some((customer) => customer.id === customerId),
            `${userId} must read the customer of their live chat's session with customers({ ids })`,
          );
        } else {
          check(
            carries(snapshot, customerId),
            `${userId}'s snapshot must carry the customer of their live chat's session, since their adapter reads no customers on demand`,
          );
        }
      }
    },
  },
  {
    name: "only the staff of a customer's live chats may mark them added to the customer database",
    async run(p) {
      const { operatorA, outsider } = p.users;
      const customerId = await customerOfTheLiveChat(p);
      const unchanged = await p.unchangedFor([operatorA, outsider]);
      await p.refuses([
        [
          'an outsider marking a customer of another live chat added',
          outsider,
          { type: 'customer.mark-added', customerId },
          ['FORBIDDEN', 'NOT_FOUND'],
        ],
      ]);
      await unchanged();
      const own = await p.run(operatorA, { type: 'customer.mark-added', customerId });
      // An internal customer is refused as such (VALIDATION), never as out of reach.
      if (!own.ok) checkError(own, 'VALIDATION', "an operator marking their live chat's customer");
    },
  },
  {
    name: "message keys are namespaced by sender: an operator's key never swallows a customer's message",
    async run(p) {
      const { operatorA } = p.users;
      const session = await p.newSession(0);
      const key = `shared-${session.id}`;
      const send = () => p.ok(operatorA, reply(session.id, 'Operator text', key), 'the reply');
      const first = (await send()) as { message: Message };
      await p.customerWrites(0, 'Customer text', key);
      await p.customerWrites(0, 'Customer text', key);
      const again = (await send()) as { message: Message };
      check(
        again.message.id === first.message.id && again.message.author.kind === 'operator',
        "the operator's retry returns the operator's own message",
      );
      const page = await p.adapter(operatorA).history({ sessionId: session.id, limit: 100 });
      const texts = page.messages.map((message) => message.text);
      check(
        texts.filter((text) => text === 'Customer text').length === 1,
        `the customer's message is stored once, beside the operator's: ${JSON.stringify(texts)}`,
      );
      check(
        texts.filter((text) => text === 'Operator text').length === 1,
        "the operator's message is stored once",
      );
    },
  },
];
