import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Binder } from '@live-chat/core';
import { newSession } from '../../test/customer-writes.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';
import {
  expectEndedByAnotherSession,
  expectShownWhileRegistered,
  itBehavesLikeAPart,
  partHarness,
} from '../about-session-testing.js';
import './binder-panel.js';
import type { LiveChatBinderPanel } from './binder-panel.js';

const part = partHarness<LiveChatBinderPanel>('live-chat-binder-panel');
const { mount, $, $$, focused } = part;

const deals: Binder = {
  id: 'deals',
  label: 'Deals',
  target: 'customer',
  search: async (query) =>
    [
      { id: 'd-1', label: 'Deal #1' },
      { id: 'd-2', label: 'Deal #2' },
    ].filter((r) => r.label.includes(query)),
  create: async () => ({ id: 'd-new', label: 'New deal' }),
};

describe('live-chat-binder-panel', () => {
  it('shows the binders only while one is registered', async () => {
    const { backend, client } = await seededClient();
    const el = await mount(client, newSession(backend).id);
    await expectShownWhileRegistered(el, '[part="binders"]', () => client.registerBinder(deals));
  });

  it('binds a found record on its own; Escape closes the panel back to +Bind', async () => {
    const { backend, client } = await seededClient();
    client.registerBinder(deals);
    const el = await mount(client, newSession(backend).id);
    $<HTMLButtonElement>(el, '[part="bind-button"]')!.click();
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '[part="record-search"]'));
    await waitUntil(() => $$(el, '[part="record-option"]').length === 2, 'records found');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part="bind-panel"]')).to.equal(null);
    expect(focused(el)).to.equal($(el, '[part="bind-button"]'));

    $<HTMLButtonElement>(el, '[part="bind-button"]')!.click();
    await waitUntil(() => $$(el, '[part="record-option"]').length === 2, 'records found');
    $$<HTMLButtonElement>(el, '[part="record-option"]')[0]!.click();
    await waitUntil(() => $$(el, '[part="binding"]').length === 1, 'bound');
    expect($(el, '[part="feedback"]')!.textContent!.trim()).to.equal('Bound Deal #1.');
    expect(focused(el)).to.equal($(el, '[part="bind-button"]'));
  });

  it('shows a search error in the binder', async () => {
    const { backend, client } = await seededClient();
    client.registerBinder({
      ...deals,
      search: async () => {
        throw new Error('The deal service is down.');
      },
    });
    const el = await mount(client, newSession(backend).id);
    $<HTMLButtonElement>(el, '[part="bind-button"]')!.click();
    await waitUntil(() => $(el, '[part="feedback"][role="alert"]'), 'error shown');
    expect($(el, '[part="feedback"]')!.textContent).to.contain('The deal service is down.');
    expect($(el, '[role="status"]')!.textContent!.trim()).to.equal('No records found.');
  });

  it('closes an open panel when it is given another session', async () => {
    const { backend, client } = await seededClient();
    client.registerBinder(deals);
    await expectEndedByAnotherSession(backend, (id) => mount(client, id), {
      open: (el) => $<HTMLButtonElement>(el, '[part="bind-button"]')!.click(),
      isOpen: (el) => $(el, '[part="bind-panel"]') !== null,
    });
  });

  it('binds one message when asked from the message, then goes back to the session', async () => {
    const { backend, client } = await seededClient();
    const seen: (string | undefined)[] = [];
    client.registerBinder({
      ...deals,
      search: async (query, context) => {
        seen.push(context.message?.id);
        return deals.search!(query, context);
      },
    });
    const session = newSession(backend);
    const messageId = backend.messagesOf(session.id)[0]!.id;
    // The message is the conversation's, as when the operator asks from it.
    const opened = client.conversation$(session.id).subscribe();
    await waitUntil(() => client.getSession(session.id) !== undefined, 'the session');
    const el = await mount(client, session.id);
    el.bindMessage(messageId, 'Where is my parcel?');
    await waitUntil(() => $$(el, '[part="record-option"]').length === 2, 'records found');
    expect($(el, '[part="message-target"]')!.textContent).to.contain('Where is my parcel?');
    expect(focused(el)).to.equal($(el, '[part="record-search"]'));
    expect(seen.at(-1)).to.equal(messageId, 'the binder is told which message');
    await expect(el).to.be.accessible();
    $$<HTMLButtonElement>(el, '[part="record-option"]')[1]!.click();
    await waitUntil(() => $$(el, '[part="binding"]').length === 1, 'bound');
    const binding = backend.getSession(session.id)!.bindings[0]!;
    expect([binding.recordId, binding.messageId]).to.deep.equal(['d-2', messageId]);
    expect($(el, '[part="binding"]')!.textContent).to.contain('Deal #2 (message)');
    expect($(el, '[part="message-target"]'), 'the next binding is for the session again').to.equal(
      null,
    );
    opened.unsubscribe();
  });

  it('lets the operator bind the session instead of the message', async () => {
    const { backend, client } = await seededClient();
    client.registerBinder(deals);
    const session = newSession(backend);
    const el = await mount(client, session.id);
    el.bindMessage(backend.messagesOf(session.id)[0]!.id, 'Hello');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="message-target"] button')!.click();
    await el.updateComplete;
    expect($(el, '[part="message-target"]')).to.equal(null);
    await waitUntil(() => $$(el, '[part="record-option"]').length === 2, 'records found');
    $$<HTMLButtonElement>(el, '[part="record-option"]')[0]!.click();
    await waitUntil(() => $$(el, '[part="binding"]').length === 1, 'bound');
    expect(backend.getSession(session.id)!.bindings[0]!.messageId).to.equal(undefined);
  });

  itBehavesLikeAPart({
    harness: part,
    control: { selector: '[part="bind-button"]', name: '+Bind' },
    world: async () => {
      const world = await seededClient();
      world.client.registerBinder(deals);
      return world;
    },
  });
});
