import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { newSession } from '../../test/customer-writes.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';
import {
  expectEndedByAnotherSession,
  itBehavesLikeAPart,
  partHarness,
} from '../about-session-testing.js';
import './session-header.js';
import type { LiveChatSessionHeader } from './session-header.js';

const part = partHarness<LiveChatSessionHeader>('live-chat-session-header');
const { mount, $, focused } = part;

describe('live-chat-session-header', () => {
  it('shows nothing without a session', async () => {
    const { client } = await seededClient();
    const el = await mount(client);
    expect($(el, '[part="details"]')).to.equal(null);
  });

  it('shows the details of a session on its own', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    expect($(el, '[part="live-chat"]')!.textContent).to.equal('Customer Support');
    expect($(el, '[part="session-name"]')!.textContent).to.equal(session.name);
    expect($(el, '[part="status"]')!.textContent).to.equal('In queue');
    expect($(el, '[part="assignee"]')!.textContent).to.equal('Unassigned');
    await expect(el).to.be.accessible();
  });

  it('renames with Enter and follows the new name', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    $<HTMLButtonElement>(el, '[part="rename-button"]')!.click();
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '[part="name-input"]')!;
    expect(focused(el)).to.equal(input);
    // The whole name is selected: typing replaces it.
    expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, session.name.length]);
    await sendKeys({ type: 'Delivery question' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => $(el, '[part="session-name"]')?.textContent === 'Delivery question',
      'renamed',
    );
    expect(focused(el)).to.equal($(el, '[part="rename-button"]'));
  });

  it('stops editing when it is given another session', async () => {
    const { backend, client } = await seededClient();
    const { el, second } = await expectEndedByAnotherSession(backend, (id) => mount(client, id), {
      open: (el) => $<HTMLButtonElement>(el, '[part="rename-button"]')!.click(),
      isOpen: (el) => $(el, '[part="name-input"]') !== null,
    });
    expect($(el, '[part="session-name"]')!.textContent).to.equal(second.name);
  });

  itBehavesLikeAPart({
    harness: part,
    control: { selector: '[part="rename-button"]', name: 'the pencil' },
  });
});
