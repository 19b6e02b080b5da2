import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HostAction } from '@live-chat/core';
import { newSession } from '../../test/customer-writes.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';
import {
  expectEndedByAnotherSession,
  expectShownWhileRegistered,
  itBehavesLikeAPart,
  partHarness,
} from '../about-session-testing.js';
import './actions-menu.js';
import type { LiveChatActionsMenu } from './actions-menu.js';

// A button follows the menu, for Tab to move on to.
const part = partHarness<LiveChatActionsMenu>('live-chat-actions-menu', { buttonAfter: true });
const { mount, $, $$, focused } = part;

const ran: string[] = [];
const actions: HostAction[] = [
  { id: 'process', label: 'Start business process', run: async () => void ran.push('process') },
  { id: 'survey', label: 'Send survey', run: async () => void ran.push('survey') },
  { id: 'export', label: 'Export', run: async () => ({ message: 'Exported.' }) },
];

/** A ready client with the actions registered. */
async function clientWithActions() {
  const world = await seededClient();
  actions.forEach((action) => world.client.registerAction(action));
  return world;
}

describe('live-chat-actions-menu', () => {
  it('shows +Actions only while an action is registered', async () => {
    const { backend, client } = await seededClient();
    const el = await mount(client, newSession(backend).id);
    await expectShownWhileRegistered(el, '[part="actions-button"]', () =>
      client.registerAction(actions[0]!),
    );
  });

  it('opens on the last action with ArrowUp, moves with Home, closes with Tab', async () => {
    const { backend, client } = await clientWithActions();
    const el = await mount(client, newSession(backend).id);
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
    const { backend, client } = await clientWithActions();
    const el = await mount(client, newSession(backend).id);
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
    const { backend, client } = await clientWithActions();
    await expectEndedByAnotherSession(backend, (id) => mount(client, id), {
      open: (el) => $<HTMLButtonElement>(el, '[part="actions-button"]')!.click(),
      isOpen: (el) => !$(el, '[part="actions-menu"]')!.hidden,
    });
  });

  itBehavesLikeAPart({
    harness: part,
    control: { selector: '[part="actions-button"]', name: '+Actions' },
    world: clientWithActions,
  });
});
