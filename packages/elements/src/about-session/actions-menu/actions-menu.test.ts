import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HostAction, LiveChatClient } from '@live-chat/core';
import { countingClient } from '../../test/counting-client.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';
import { closedByAnother, descriptionOf, newSession } from '../about-session-testing.js';
import './actions-menu.js';
import type { LiveChatActionsMenu } from './actions-menu.js';

async function mount(client: LiveChatClient, sessionId: string) {
  return fixture<LiveChatActionsMenu>(
    html`<div>
      <live-chat-actions-menu .client=${client} session-id=${sessionId}></live-chat-actions-menu>
      <button id="after">After</button>
    </div>`,
  ).then((wrapper) => wrapper.querySelector('live-chat-actions-menu')!);
}

const $ = <T extends Element = HTMLElement>(el: LiveChatActionsMenu, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: LiveChatActionsMenu, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const focused = (el: LiveChatActionsMenu) => el.shadowRoot!.activeElement;

const ran: string[] = [];
const actions: HostAction[] = [
  { id: 'process', label: 'Start business process', run: async () => void ran.push('process') },
  { id: 'survey', label: 'Send survey', run: async () => void ran.push('survey') },
  { id: 'export', label: 'Export', run: async () => ({ message: 'Exported.' }) },
];

describe('live-chat-actions-menu', () => {
  it('shows nothing until an action is registered', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    expect($(el, '[part="actions-button"]')).to.equal(null);
  });

  it('opens on the last action with ArrowUp, moves with Home, closes with Tab', async () => {
    const { backend, client } = await seededClient();
    actions.forEach((action) => client.registerAction(action));
    const session = newSession(backend);
    const el = await mount(client, session.id);
    const button = $<HTMLButtonElement>(el, '[part="actions-button"]')!;
    button.focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    const items = $$(el, '[role="menuitem"]');
    expect(focused(el)).to.equal(items[2]);
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(items[0]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part="actions-menu"]')!.hidden).to.equal(true);
  });

  it('runs a clicked action and shows its message', async () => {
    const { backend, client } = await seededClient();
    actions.forEach((action) => client.registerAction(action));
    const session = newSession(backend);
    const el = await mount(client, session.id);
    $<HTMLButtonElement>(el, '[part="actions-button"]')!.click();
    await el.updateComplete;
    $$(el, '[part="action"]')[2]!.click();
    await waitUntil(
      () => $(el, '[part="feedback"]')?.textContent?.trim() === 'Exported.',
      'message shown',
    );
    expect(focused(el)).to.equal($(el, '[part="actions-button"]'));
  });

  it('closes the menu when it is given another session', async () => {
    const { backend, client } = await seededClient();
    actions.forEach((action) => client.registerAction(action));
    const first = newSession(backend);
    const second = newSession(backend);
    const el = await mount(client, first.id);
    $<HTMLButtonElement>(el, '[part="actions-button"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="actions-menu"]')!.hidden).to.equal(false);
    el.sessionId = second.id;
    await el.updateComplete;
    expect($(el, '[part="actions-menu"]')!.hidden).to.equal(true);
  });

  it('disables +Actions, with the reason, where the user cannot act', async () => {
    const { backend, client } = await seededClient();
    actions.forEach((action) => client.registerAction(action));
    const session = closedByAnother(backend);
    const el = await mount(client, session.id);
    const button = $<HTMLButtonElement>(el, '[part="actions-button"]')!;
    expect(button.disabled).to.equal(true);
    expect(descriptionOf(button)).to.contain('not change it');
    await expect(el).to.be.accessible();
  });

  it('leaves no subscription behind after mount/unmount loops', async () => {
    const { backend, client: real } = await seededClient();
    actions.forEach((action) => real.registerAction(action));
    const session = newSession(backend);
    const { client, active } = countingClient(real);
    for (let i = 0; i < 10; i++) {
      const el = await mount(client, session.id);
      expect(active()).to.be.above(0);
      el.parentElement!.remove();
      expect(active()).to.equal(0);
    }
  });
});
