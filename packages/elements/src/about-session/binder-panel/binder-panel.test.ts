import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Binder, LiveChatClient } from '@live-chat/core';
import { countingClient } from '../../test/counting-client.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';
import { closedByAnother, descriptionOf, newSession } from '../about-session-testing.js';
import './binder-panel.js';
import type { LiveChatBinderPanel } from './binder-panel.js';

async function mount(client: LiveChatClient, sessionId: string) {
  return fixture<LiveChatBinderPanel>(
    html`<live-chat-binder-panel
      .client=${client}
      session-id=${sessionId}
    ></live-chat-binder-panel>`,
  );
}

const $ = <T extends Element = HTMLElement>(el: LiveChatBinderPanel, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: LiveChatBinderPanel, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const focused = (el: LiveChatBinderPanel) => el.shadowRoot!.activeElement;

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
  it('shows nothing until a binder is registered', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    expect($(el, '[part="binders"]')).to.equal(null);
    const unregister = client.registerBinder(deals);
    await waitUntil(() => $(el, '[part="binders"]'), 'binder shown');
    unregister();
    await waitUntil(() => !$(el, '[part="binders"]'), 'binder gone');
  });

  it('binds a found record on its own; Escape closes the panel back to +Bind', async () => {
    const { backend, client } = await seededClient();
    client.registerBinder(deals);
    const session = newSession(backend);
    const el = await mount(client, session.id);
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
    const session = newSession(backend);
    const el = await mount(client, session.id);
    $<HTMLButtonElement>(el, '[part="bind-button"]')!.click();
    await waitUntil(() => $(el, '[part="feedback"][role="alert"]'), 'error shown');
    expect($(el, '[part="feedback"]')!.textContent).to.contain('The deal service is down.');
    expect($(el, '[role="status"]')!.textContent!.trim()).to.equal('No records found.');
  });

  it('closes an open panel when it is given another session', async () => {
    const { backend, client } = await seededClient();
    client.registerBinder(deals);
    const first = newSession(backend);
    const second = newSession(backend);
    const el = await mount(client, first.id);
    $<HTMLButtonElement>(el, '[part="bind-button"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="bind-panel"]')).to.not.equal(null);
    el.sessionId = second.id;
    await el.updateComplete;
    expect($(el, '[part="bind-panel"]')).to.equal(null);
  });

  it('disables +Bind, with the reason, where the user cannot act', async () => {
    const { backend, client } = await seededClient();
    client.registerBinder(deals);
    const session = closedByAnother(backend);
    const el = await mount(client, session.id);
    const bind = $<HTMLButtonElement>(el, '[part="bind-button"]')!;
    expect(bind.disabled).to.equal(true);
    expect(descriptionOf(bind)).to.contain('not change it');
    await expect(el).to.be.accessible();
  });

  it('leaves no subscription behind after mount/unmount loops', async () => {
    const { backend, client: real } = await seededClient();
    real.registerBinder(deals);
    const session = newSession(backend);
    const { client, active } = countingClient(real);
    for (let i = 0; i < 10; i++) {
      const el = await mount(client, session.id);
      expect(active()).to.be.above(0);
      el.remove();
      expect(active()).to.equal(0);
    }
  });
});
