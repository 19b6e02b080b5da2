/**
 * End-to-end, in the full workspace on the memory backend, as operators use it: a private note
 * that mentions a colleague, a reassignment that carries a note, and two operators racing to
 * take the same session.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Alert, LiveChatClient } from '@live-chat/core';
import { createSeedData, SEED_USERS, type MemoryBackend } from '@live-chat/adapters';
import type { LiveChatWorkspace } from '../workspace/workspace.js';
import '../workspace/workspace.js';
import { newSession } from '../test/customer-writes.js';
import { deepFocused, deepQuery, deepQueryAll } from '../test/deep-query.js';
import { afterThisTest, memoryBackend, startClient, waitUntil } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import { withOverrides } from '../test/with-overrides.js';

const { operatorA: ANNA, operatorB: BEN } = SEED_USERS;

/** The seed's people and live chats, without history. */
function emptyWorld(): MemoryBackend {
  const { users, liveChats, groups, customers } = createSeedData({ now: Date.UTC(2026, 10, 20) });
  return memoryBackend({ users, liveChats, groups, customers });
}

/** An operator's workspace on the page, and the client behind it. */
type Operator = { el: LiveChatWorkspace; client: LiveChatClient };

async function signIn(
  backend: MemoryBackend,
  userId: string,
  wrap: (client: LiveChatClient) => LiveChatClient = (c) => c,
): Promise<Operator> {
  const { client } = startClient(backend, { userId });
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width:1280px;height:760px">
      <live-chat-workspace no-alerts .client=${wrap(client)}></live-chat-workspace>
    </div>`,
  );
  const el = wrapper.querySelector('live-chat-workspace')!;
  await waitUntil(() => client.status.state === 'ready', 'client ready');
  await settle(el);
  return { el, client };
}

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const find = <T extends Element = HTMLElement>(op: Operator, selector: string) =>
  deepQuery<T>(op.el, selector);

async function open(op: Operator, sessionId: string): Promise<void> {
  op.el.sessionId = sessionId;
  await settle(op.el);
  await waitUntil(() => find(op, '[part~="composer-input"]'), 'conversation shown');
}

/** A new session `name` (the customer wrote `customerText`) that Anna took; both signed in. */
async function annaTook(customerText: string, name: string) {
  const backend = emptyWorld();
  const sessionId = newSession(backend, [customerText], { name }).id;
  backend.execute(ANNA, { type: 'session.take', commandId: `take-${sessionId}`, sessionId });
  const anna = await signIn(backend, ANNA);
  const ben = await signIn(backend, BEN);
  return { backend, sessionId, anna, ben };
}

describe('end to end: notes, handover, take race', () => {
  it('a note mentioning Ben alerts him, shows as a note, and never reaches the customer', async () => {
    const { backend, sessionId, anna, ben } = await annaTook('My parcel is late', 'Late Lena');
    const benAlerts: Alert[] = [];
    const watching = ben.client.alerts$.subscribe((alert) => benAlerts.push(alert));
    afterThisTest(() => watching.unsubscribe());
    await open(anna, sessionId);

    find<HTMLInputElement>(anna, 'input[value="reply"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    find(anna, '[part~="composer-input"]')!.focus();
    await sendKeys({ type: 'Courier issue, @Be' });
    await waitUntil(() => find(anna, '[part~="mention-option"]'), 'suggestions');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'can you call them?' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => backend.messagesOf(sessionId).length === 2, 'note stored');
    const note = backend.messagesOf(sessionId)[1]!;
    expect(note.internal).to.equal(true);
    expect(note.mentions).to.deep.equal([BEN]);
    expect('channelDelivery' in note, 'nothing sent to the customer’s channel').to.equal(false);
    expect(backend.getSession(sessionId)!.lastMessagePreview).to.equal('My parcel is late');

    await waitUntil(() => benAlerts.some((a) => a.kind === 'mention'), 'Ben alerted');
    const alert = benAlerts.find((a) => a.kind === 'mention')!;
    expect(alert.mentionedBy).to.equal(ANNA);
    // Ben may not open Anna's session: his alert names who mentioned him, without the text.
    expect('preview' in alert).to.equal(false);

    await waitUntil(() => find(anna, 'article[part~="note"]'), 'note in Anna’s log');
    const shown = find(anna, 'article[part~="note"]')!;
    expect(text(shown.querySelector('[part~="note-label"]'))).to.contain('Note');
    expect(text(shown.querySelector('[part~="mention"]'))).to.equal('@Ben Okafor');
  });

  it('Anna reassigns to Ben with a note: he sees it on top and in Activity; she gets a confirmation', async () => {
    const { backend, sessionId, anna, ben } = await annaTook('Refund please', 'Refund Rita');
    await open(anna, sessionId);

    const select = find<HTMLSelectElement>(anna, '[part~="reassign-select"]')!;
    await waitUntil(() => [...select.options].some((o) => o.value === `operator:${BEN}`), 'Ben');
    select.value = `operator:${BEN}`;
    select.dispatchEvent(new Event('change'));
    const note = find<HTMLTextAreaElement>(anna, '[part~="handover-input"]')!;
    note.focus();
    await sendKeys({ type: 'Call back after 5 pm' });
    find<HTMLButtonElement>(anna, '[part~="reassign-button"]')!.click();
    await waitUntil(() => backend.getSession(sessionId)!.handover, 'handed over');

    // Anna: a confirmation in both panes, focus on it, and no "not available".
    await waitUntil(() => find(anna, '#reassigned-title'), 'confirmation');
    expect(text(find(anna, '#reassigned-title'))).to.equal('Reassigned to Ben Okafor.');
    await waitUntil(() => find(anna, '[part~="gone-title"]'), 'conversation confirms too');
    expect(text(find(anna, '[part~="gone-title"]'))).to.equal('Reassigned to Ben Okafor.');
    expect(text(anna.el)).not.to.contain('not available');
    expect(deepFocused(anna.el)?.id, 'focus on the confirmation').to.equal('reassigned-title');
    const navigate = oneEvent(anna.el, 'live-chat-navigate');
    find<HTMLButtonElement>(anna, '[part~="queue-button"]')!.click();
    expect((await navigate).detail).to.deep.equal({
      view: 'group',
      liveChatId: backend.getSession(sessionId)!.liveChatId,
      group: 'queue',
    });

    // Ben: the note on top of the conversation, and in his activity.
    await open(ben, sessionId);
    await waitUntil(() => find(ben, '[part~="handover"]'), 'handover shown');
    expect(text(find(ben, '[part~="handover"]'))).to.match(
      /^From Anna Kowalski: .+ Call back after 5 pm$/,
    );
    find<HTMLButtonElement>(ben, '#tab-activity')!.click();
    await settle(ben.el);
    await waitUntil(
      () =>
        deepQueryAll(ben.el.shadowRoot!, 'live-chat-activity').some(
          (activity) =>
            text(deepQuery(activity, '[part~="note"]')) === 'Note: “Call back after 5 pm”',
        ),
      'note in Ben’s activity',
    );
  });

  it('two operators race to take: the loser sees the winner’s name and keeps the draft', async () => {
    const backend = emptyWorld();
    const sessionId = newSession(backend, ['Anyone?'], { name: 'Racing Rob' }).id;
    const ben = await signIn(backend, BEN);
    // Anna's click reaches the backend just after Ben's: he clicks Take while hers is on its way.
    const anna = await signIn(backend, ANNA, (client) =>
      withOverrides(client, {
        take: async (id: string) => {
          find<HTMLButtonElement>(ben, '[part~="take-button"]')!.click();
          await waitUntil(() => backend.getSession(id)!.status === 'active', 'Ben took it');
          return client.take(id);
        },
      }),
    );
    await open(ben, sessionId);
    await open(anna, sessionId);
    find(anna, '[part~="composer-input"]')!.focus();
    await sendKeys({ type: 'Hi Rob, I am on it' });
    find<HTMLButtonElement>(anna, '[part~="take-button"]')!.click();

    await waitUntil(() => find(anna, '[part~="gone-title"]'), 'Anna told');
    expect(text(find(anna, '[part~="gone-title"]'))).to.equal('Ben Okafor took this session');
    expect(text(find(anna, '[part~="kept-draft"]'))).to.equal('Hi Rob, I am on it');
    expect(find(anna, '[part~="copy-draft-button"]')).not.to.equal(null);
    const assignee = backend.getSession(sessionId)!.assignee;
    expect(assignee).to.deep.equal({ kind: 'operator', operatorId: BEN });
  });
});
