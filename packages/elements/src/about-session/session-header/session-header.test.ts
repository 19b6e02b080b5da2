import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveChatClient } from '@live-chat/core';
import { countingClient } from '../../test/counting-client.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';
import { closedByAnother, descriptionOf, newSession } from '../about-session-testing.js';
import './session-header.js';
import type { LiveChatSessionHeader } from './session-header.js';

async function mount(client: LiveChatClient, sessionId?: string) {
  return fixture<LiveChatSessionHeader>(
    html`<live-chat-session-header
      .client=${client}
      session-id=${sessionId ?? ''}
    ></live-chat-session-header>`,
  );
}

const $ = <T extends Element = HTMLElement>(el: LiveChatSessionHeader, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const focused = (el: LiveChatSessionHeader) => el.shadowRoot!.activeElement;

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
    const first = newSession(backend);
    const second = newSession(backend);
    const el = await mount(client, first.id);
    $<HTMLButtonElement>(el, '[part="rename-button"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="name-input"]')).to.not.equal(null);
    el.sessionId = second.id;
    await el.updateComplete;
    expect($(el, '[part="name-input"]')).to.equal(null);
    expect($(el, '[part="session-name"]')!.textContent).to.equal(second.name);
  });

  it('disables the pencil, with the reason, where the user cannot act', async () => {
    const { backend, client } = await seededClient();
    const session = closedByAnother(backend);
    const el = await mount(client, session.id);
    await waitUntil(() => $(el, '[part="rename-button"]'), 'details shown');
    const pencil = $<HTMLButtonElement>(el, '[part="rename-button"]')!;
    expect(pencil.disabled).to.equal(true);
    expect(descriptionOf(pencil)).to.contain('not change it');
    await expect(el).to.be.accessible();
  });

  it('leaves no subscription behind after mount/unmount loops', async () => {
    const { backend, client: real } = await seededClient();
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
