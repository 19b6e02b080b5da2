// The client's side of triage, notes and availability, over the in-memory backend: what the
// workspace shows comes from these streams.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import { fillCannedReply, matchCannedReplies, type Alert } from '@live-chat/core';
import { createMemoryBackend, type MemoryBackend } from './backend.js';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from './seed.js';
import {
  clientOf,
  releaseAll,
  releaseLater,
  request as newRequest,
  until,
} from './testing/clients.js';

const NOW = Date.UTC(2026, 10, 27, 10);
const { operatorA: anna, operatorB: ben, supervisor: maria } = SEED_USERS;
const support = SEED_LIVE_CHATS.support;

afterEach(releaseAll);

/** A new customer's first message to Customer Support: its queued session. */
const request = (backend: MemoryBackend, name: string) => newRequest(backend, name).sessionId;

describe('client: triage, notes and availability', () => {
  const backend = () => createMemoryBackend({ seed: createSeedData({ now: NOW }), now: () => NOW });

  it('puts an urgent session first in the queue and in what the blue counter opens', async () => {
    const server = backend();
    const client = await clientOf(server, anna);
    const older = request(server, 'Early Bird');
    const newer = request(server, 'Late Comer');
    await until(() => client.getSession(newer) !== undefined, 'the new sessions');
    assert.notEqual(client.oldestQueued(support)?.session.id, newer, 'the oldest goes first');
    const marked = await client.setUrgent(newer, true);
    assert.ok(marked.ok);
    await until(() => client.getSession(newer)?.session.urgent === true, 'the urgent mark');
    assert.equal(client.oldestQueued(support)?.session.id, newer, 'urgent first');
    const queue = (await firstValueFrom(client.sessions$(support, 'queue'))).map(
      (view) => view.session.id,
    );
    assert.ok(queue.indexOf(newer) < queue.indexOf(older), 'first in the queue list');
  });

  it('shows tags and the handover note of a reassignment to the new assignee', async () => {
    const server = backend();
    const [annaClient, benClient] = [await clientOf(server, anna), await clientOf(server, ben)];
    const sessionId = request(server, 'Tag Me');
    await until(() => annaClient.getSession(sessionId) !== undefined, 'the session');
    assert.ok((await annaClient.take(sessionId)).ok);
    assert.ok((await annaClient.setTags(sessionId, ['tag-billing', 'tag-vip'])).ok);
    const moved = await annaClient.reassign(
      sessionId,
      { kind: 'operator', operatorId: ben },
      'Call back after 5 pm',
    );
    assert.ok(moved.ok);
    await until(() => benClient.getSession(sessionId) !== undefined, "the session in Ben's view");
    const seen = benClient.getSession(sessionId)!.session;
    assert.deepEqual(seen.tags, ['tag-billing', 'tag-vip']);
    assert.equal(seen.handover?.note, 'Call back after 5 pm');
    assert.equal(seen.handover?.fromId, anna);
    const refused = await annaClient.reassign(
      sessionId,
      { kind: 'operator', operatorId: anna },
      'x'.repeat(501),
    );
    assert.equal(
      !refused.ok && refused.error.code,
      'VALIDATION',
      'a note over its limit is refused',
    );
  });

  it('a note shows at once as a note, reaches colleagues, and alerts who it mentions', async () => {
    const server = backend();
    const [annaClient, benClient] = [await clientOf(server, anna), await clientOf(server, ben)];
    const sessionId = request(server, 'Note Worthy');
    await until(() => annaClient.getSession(sessionId) !== undefined, 'the session');
    const mentions: Alert[] = [];
    const subscription = benClient.alerts$.subscribe((alert) => {
      if (alert.kind === 'mention') mentions.push(alert);
    });
    releaseLater(() => subscription.unsubscribe());
    const conversation: { messages: { text: string; internal?: true }[] }[] = [];
    const watching = annaClient
      .conversation$(sessionId)
      .subscribe((state) => conversation.push(state));
    releaseLater(() => watching.unsubscribe());
    const sent = annaClient.send(sessionId, 'Refund approved by finance', {
      note: true,
      mentions: [ben],
    });
    await until(
      () =>
        conversation.some((s) => s.messages.some((m) => m.internal && m.text.startsWith('Refund'))),
      'the note shown while it is sent',
    );
    const result = await sent;
    assert.ok(result.ok);
    assert.equal(result.value.message.internal, true);
    assert.equal(result.value.session.status, 'queued', 'a note takes nothing');
    await until(() => mentions.length === 1, 'the mention alert');
    assert.equal(mentions[0]!.mentionedBy, anna);
    assert.equal(mentions[0]!.preview, 'Refund approved by finance');
  });

  it("tells a supervisor each operator's availability; everyone else is online", async () => {
    const server = backend();
    const [annaClient, mariaClient] = [await clientOf(server, anna), await clientOf(server, maria)];
    assert.equal(mariaClient.getPresence(anna).status, 'online', 'online until told otherwise');
    const set = await annaClient.setAvailability('away');
    assert.ok(set.ok);
    await until(() => mariaClient.getPresence(anna).status === 'away', 'Anna away, for Maria');
    const presence = await firstValueFrom(mariaClient.presence$);
    assert.equal(presence.get(anna)?.status, 'away');
    const auto = await annaClient.setAvailability('online', { auto: true });
    assert.equal(
      auto.ok && auto.value.presence.status,
      'away',
      'the workspace cannot undo a choice',
    );
  });

  it('lists the canned replies a user may use, kept up to date, and fills their variables', async () => {
    const server = backend();
    const [annaClient, mariaClient] = [await clientOf(server, anna), await clientOf(server, maria)];
    const shortcuts = () => annaClient.getCannedReplies().map((reply) => reply.shortcut);
    assert.ok(shortcuts().includes('hello'), "the live chat's replies");
    assert.ok(shortcuts().includes('thanks'), 'her own');
    assert.ok(!shortcuts().includes('reset-password'), 'not those of a live chat she is not in');
    const saved = await mariaClient.saveCannedReply({
      scope: { kind: 'live-chat', liveChatId: support },
      shortcut: 'holiday',
      text: 'We are closed on public holidays, {{customer.name}}.',
    });
    assert.ok(saved.ok);
    await until(() => shortcuts().includes('holiday'), 'the new reply, for Anna');
    const [found] = matchCannedReplies(annaClient.getCannedReplies(), 'hol');
    assert.equal(
      fillCannedReply(found!.text, { 'customer.name': 'Olivia' }),
      'We are closed on public holidays, Olivia.',
    );
    const refused = await annaClient.saveCannedReply({
      scope: { kind: 'live-chat', liveChatId: support },
      shortcut: 'mine',
      text: 'x',
    });
    assert.equal(
      !refused.ok && refused.error.code,
      'FORBIDDEN',
      "only supervisors keep the live chat's",
    );
    assert.ok((await mariaClient.deleteCannedReply(saved.value.reply.id)).ok);
    await until(() => !shortcuts().includes('holiday'), 'the reply gone, for Anna');
  });
});
