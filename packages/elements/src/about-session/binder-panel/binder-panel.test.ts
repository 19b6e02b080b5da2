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
