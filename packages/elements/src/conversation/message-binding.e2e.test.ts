/**
 * End to end, in the full workspace on the memory backend: "to register a message", the
 * operator binds one message of the conversation to a record of the host, from the message
 * itself, by keyboard and by pointer, without a Tab stop per message.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createSeedData, SEED_USERS, type MemoryBackend } from '@live-chat/adapters';
import type { Binder } from '@live-chat/core';
import { newSession } from '../test/customer-writes.js';
import { deepQuery, deepQueryAll } from '../test/deep-query.js';
import { memoryBackend, waitUntil } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import { signedInWorkspace } from '../test/signed-in-workspace.js';

const { operatorA: ANNA } = SEED_USERS;

function emptyWorld(): MemoryBackend {
  const { users, liveChats, groups, customers } = createSeedData({ now: Date.UTC(2026, 10, 20) });
  return memoryBackend({ users, liveChats, groups, customers });
}

const complaints: Binder = {
  id: 'complaints',
  label: 'Complaints',
  target: 'message',
  search: async () => [{ id: 'c-7', label: 'Complaint #7' }],
  create: async (context) => ({
    id: `c-${context.message?.id ?? 'session'}`,
    label: 'New complaint',
  }),
};

async function workspaceOn(backend: MemoryBackend, messages: string[], binders: Binder[]) {
  const session = newSession(backend, messages, { name: 'Ivo Petrov' });
  backend.execute(ANNA, { type: 'session.take', commandId: 'take-1', sessionId: session.id });
  const { el, client } = await signedInWorkspace(backend, ANNA);
  for (const binder of binders) client.registerBinder(binder);
  el.sessionId = session.id;
  await settle(el);
  const find = <T extends Element = HTMLElement>(selector: string) => deepQuery<T>(el, selector);
  await waitUntil(
    () => deepQueryAll(el.shadowRoot!, 'article[data-message-id]').length === messages.length,
    'history',
  );
  return { el, session, find };
}

describe('end to end: binding one message', () => {
  it('Anna moves to a message with the arrow keys and binds it with Enter', async () => {
    const backend = emptyWorld();
    const { session, find } = await workspaceOn(
      backend,
      ['Hello', 'The parcel arrived broken', 'Can you help?'],
      [complaints],
    );
    const log = find('[part~="log"]')!;
    expect(log.getAttribute('aria-describedby')).to.equal('bind-hint');
    const buttons = deepQueryAll<HTMLButtonElement>(log, '[part~="bind-message-button"]');
    expect(buttons.length).to.equal(3);
    expect(
      buttons.every((b) => b.tabIndex === -1),
      'no Tab stop per message',
    ).to.equal(true);
    log.focus();
    await sendKeys({ press: 'ArrowUp' }); // the newest message
    await sendKeys({ press: 'ArrowUp' });
    const focused = log.querySelector('article:focus');
    expect(focused?.textContent).to.contain('The parcel arrived broken');
    expect(getComputedStyle(focused!.querySelector('.bind-message')!).visibility).to.equal(
      'visible',
    );
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => find('[part~="message-target"]'), 'the binders, for the message');
    expect(find('[part~="message-target"]')!.textContent).to.contain('The parcel arrived broken');
    await waitUntil(() => find('[part~="record-option"]'), 'records');
    find<HTMLButtonElement>('[part~="record-option"]')!.click();
    await waitUntil(() => backend.getSession(session.id)!.bindings.length === 1, 'bound');
    const [binding] = backend.getSession(session.id)!.bindings;
    const parcel = backend.messagesOf(session.id).find((m) => m.text.includes('parcel'))!;
    expect([binding!.recordId, binding!.messageId]).to.deep.equal(['c-7', parcel.id]);
  });

  it("a click on a message's Bind creates a record from that message", async () => {
    const backend = emptyWorld();
    const { session, find } = await workspaceOn(backend, ['First', 'Second'], [complaints]);
    const first = backend.messagesOf(session.id)[0]!;
    find('[part~="log"]')!
      .querySelector<HTMLButtonElement>(
        `article[data-message-id="${first.id}"] [part~="bind-message-button"]`,
      )!
      .click();
    await waitUntil(() => find('[part~="create-button"]'), 'panel');
    find<HTMLButtonElement>('[part~="create-button"]')!.click();
    await waitUntil(() => backend.getSession(session.id)!.bindings.length === 1, 'bound');
    expect(backend.getSession(session.id)!.bindings[0]).to.include({
      recordId: `c-${first.id}`,
      messageId: first.id,
    });
  });

  it('offers nothing, and leaves the arrow keys to scrolling, without a binder', async () => {
    const backend = emptyWorld();
    const { find } = await workspaceOn(backend, ['Hello', 'Anyone?'], []);
    const log = find('[part~="log"]')!;
    expect(deepQueryAll(log, '[part~="bind-message-button"]').length).to.equal(0);
    expect(log.hasAttribute('aria-describedby')).to.equal(false);
    log.focus();
    await sendKeys({ press: 'ArrowUp' });
    expect(log.querySelector('article:focus')).to.equal(null);
  });
});
