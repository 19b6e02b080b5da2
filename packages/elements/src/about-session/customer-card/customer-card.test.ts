import { expect, fixture, html } from '@open-wc/testing';
import type { Customer, LiveChatClient } from '@live-chat/core';
import { countingClient } from '../../test/counting-client.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';
import { closedByAnother, descriptionOf, newSession } from '../about-session-testing.js';
import './customer-card.js';
import type { LiveChatCustomerCard } from './customer-card.js';

async function mount(client: LiveChatClient, sessionId: string) {
  return fixture<LiveChatCustomerCard>(
    html`<live-chat-customer-card
      .client=${client}
      session-id=${sessionId}
    ></live-chat-customer-card>`,
  );
}

const $ = <T extends Element = HTMLElement>(el: LiveChatCustomerCard, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

const directory = (addCustomer: (customer: Customer) => Promise<void>) => ({
  client: { customerDirectory: { addCustomer } },
});

describe('live-chat-customer-card', () => {
  it('shows an external customer on its own', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend, { name: 'Ivan Petrov' });
    const el = await mount(client, session.id);
    expect($(el, '#customer-title')!.textContent).to.equal('External customer');
    expect($(el, '[part="customer-name"]')!.textContent).to.equal('Ivan Petrov');
    expect($(el, 'span[part="avatar"]')!.textContent).to.equal('IP');
    expect($(el, '[part="messenger"]')!.textContent).to.contain('Telegram');
    expect($(el, '[part="messenger"] [part="channel-icon"]')).to.not.equal(null);
    // No customer database: nothing to add to.
    expect($(el, '[part="add-customer-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('falls back to initials when the avatar does not load', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend, {
      kind: 'internal',
      userId: 'usr-lucas',
      name: 'Kim Broken',
      avatarUrl: 'https://images.invalid/kim.png',
    } as Partial<Customer>);
    const el = await mount(client, session.id);
    const img = $<HTMLImageElement>(el, 'img[part="avatar"]')!;
    img.dispatchEvent(new Event('error'));
    await el.updateComplete;
    expect($(el, 'img')).to.equal(null);
    expect($(el, '[part="avatar"]')!.textContent).to.equal('KB');
    // No safe profile URL: no link.
    expect($(el, '[part="profile-link"]')).to.equal(null);
  });

  it('shows why "Add to customers" failed', async () => {
    const { backend, client } = await seededClient(
      directory(async () => {
        throw new Error('The CRM is read-only today.');
      }),
    );
    const session = newSession(backend);
    const el = await mount(client, session.id);
    $<HTMLButtonElement>(el, '[part="add-customer-button"]')!.click();
    await waitUntil(() => $(el, '[part="feedback"][role="alert"]'), 'error shown');
    expect($(el, '[part="feedback"]')!.textContent).to.contain('The CRM is read-only today.');
    expect($(el, '[part="add-customer-button"]')).to.not.equal(null);
  });

  it('disables "Add to customers", with the reason, where the user cannot act', async () => {
    const { backend, client } = await seededClient(directory(async () => undefined));
    const session = closedByAnother(backend);
    const el = await mount(client, session.id);
    const add = $<HTMLButtonElement>(el, '[part="add-customer-button"]')!;
    expect(add.disabled).to.equal(true);
    expect(descriptionOf(add)).to.contain('not change it');
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
