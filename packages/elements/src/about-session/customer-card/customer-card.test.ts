import { expect } from '@open-wc/testing';
import type { Customer, LiveChatClient } from '@live-chat/core';
import { SEED_LIVE_CHATS } from '@live-chat/adapters';
import { internalCustomer, newSession } from '../../test/customer-writes.js';
import { CustomerReads } from '../../test/customer-reads.js';
import { Gate } from '../../test/gate.js';
import { seededClient, waitUntil, type Backend } from '../../test/seeded-client.js';
import { itBehavesLikeAPart, partHarness } from '../about-session-testing.js';
import './customer-card.js';
import type { LiveChatCustomerCard } from './customer-card.js';

const part = partHarness<LiveChatCustomerCard>('live-chat-customer-card');
const { mount, $ } = part;

/** A session of the shared seed the client shows, whose customer it has not loaded yet. */
function sessionOfUnloadedCustomer(backend: Backend, client: LiveChatClient) {
  const session = backend
    .sessions(SEED_LIVE_CHATS.support)
    .find((s) => client.getSession(s.id) && !client.getCustomer(s.customerId));
  if (!session) throw new Error('no session whose customer is not loaded');
  return { session, customer: backend.getCustomer(session.customerId)! };
}

const directory = (addCustomer: (customer: Customer) => Promise<void>) => ({
  client: { customerDirectory: { addCustomer } },
});

describe('live-chat-customer-card', () => {
  it('shows an external customer on its own', async () => {
    const { backend, client } = await seededClient();
    const el = await mount(client, newSession(backend, undefined, { name: 'Ivan Petrov' }).id);
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
    const kim = internalCustomer('usr-lucas', 'Kim Broken', {
      avatarUrl: 'https://images.invalid/kim.png',
    });
    const el = await mount(client, newSession(backend, undefined, kim).id);
    const img = $<HTMLImageElement>(el, 'img[part="avatar"]')!;
    img.dispatchEvent(new Event('error'));
    await el.updateComplete;
    expect($(el, 'img')).to.equal(null);
    expect($(el, '[part="avatar"]')!.textContent).to.equal('KB');
    // No safe profile URL: no link.
    expect($(el, '[part="profile-link"]')).to.equal(null);
  });

  it('loads avatars only from absolute https URLs, without a referrer: initials otherwise', async () => {
    const { backend, client } = await seededClient();
    const relative = internalCustomer('usr-tom', 'Rita Relative', { avatarUrl: '/me/avatar.png' });
    const el = await mount(client, newSession(backend, undefined, relative).id);
    // A relative URL would be a request to the page's own origin, with its cookies: never.
    expect($(el, 'img')).to.equal(null);
    expect($(el, '[part="avatar"]')!.textContent).to.equal('RR');
    const secure = internalCustomer('usr-lucas', 'Sam Secure', {
      avatarUrl: 'https://images.invalid/sam.png',
    });
    const other = await mount(client, newSession(backend, undefined, secure).id);
    const img = $<HTMLImageElement>(other, 'img[part="avatar"]')!;
    expect(img.getAttribute('src')).to.equal('https://images.invalid/sam.png');
    expect(img.referrerPolicy).to.equal('no-referrer');
  });

  it('loads avatars through the host’s rewrite, held to the same rules', async () => {
    const { backend, client } = await seededClient();
    const rita = internalCustomer('usr-tom', 'Rita Relative', { avatarUrl: '/me/avatar.png' });
    const el = await mount(client, newSession(backend, undefined, rita).id);
    const owners: string[] = [];
    // The page's own server stands for the host's image proxy: plain http, so allowed here.
    const proxy = `${location.origin}/docs/images/workspace.png`;
    el.avatars = {
      rewrite: (url, owner) => {
        owners.push(owner.name);
        return `${proxy}?u=${encodeURIComponent(url)}`;
      },
      allowHttp: true,
    };
    await waitUntil(() => $(el, 'img[part="avatar"]'), 'the proxied avatar');
    expect($<HTMLImageElement>(el, 'img')!.src).to.equal(`${proxy}?u=%2Fme%2Favatar.png`);
    expect(owners).to.include('Rita Relative');
    // Without allowHttp, the same rewrite gives initials: https only.
    el.avatars = { rewrite: () => proxy };
    await waitUntil(() => !$(el, 'img'), 'initials for http');
    // A rewrite to a relative URL gives initials too.
    el.avatars = { rewrite: () => '/docs/images/workspace.png', allowHttp: true };
    await el.updateComplete;
    expect($(el, 'img')).to.equal(null);
  });

  it('shows why "Add to customers" failed', async () => {
    const { backend, client } = await seededClient(
      directory(async () => {
        throw new Error('The CRM is read-only today.');
      }),
    );
    const el = await mount(client, newSession(backend).id);
    $<HTMLButtonElement>(el, '[part="add-customer-button"]')!.click();
    await waitUntil(() => $(el, '[part="feedback"][role="alert"]'), 'error shown');
    expect($(el, '[part="feedback"]')!.textContent).to.contain('The CRM is read-only today.');
    expect($(el, '[part="add-customer-button"]')).to.not.equal(null);
  });

  describe('customers on demand', () => {
    const stateText = (el: LiveChatCustomerCard) =>
      $(el, '[part="customer-state"]')?.textContent?.trim();

    it('says it is loading the customer, then shows them', async () => {
      const reads = new CustomerReads();
      reads.gate = new Gate();
      const { backend, client } = await seededClient({ wrapAdapter: reads.wrap });
      const { session, customer } = sessionOfUnloadedCustomer(backend, client);
      const el = await mount(client, session.id);
      await waitUntil(() => stateText(el) === 'Loading the customer…', 'loading');
      expect($(el, '[part="customer-state"]')!.getAttribute('role')).to.equal('status');
      expect($(el, '[part="customer"]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[part="customer-name"]')).to.equal(null);
      expect(reads.ids).to.deep.equal([session.customerId]);
      await expect(el).to.be.accessible();

      reads.gate.open();
      await waitUntil(
        () => $(el, '[part="customer-name"]')?.textContent === customer.name,
        'the customer shown',
      );
      expect(stateText(el)).to.equal('');
      expect($(el, '[part="customer"]')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('says when the customer is not available to the user', async () => {
      const reads = new CustomerReads();
      const { backend, client } = await seededClient({ wrapAdapter: reads.wrap });
      const { session } = sessionOfUnloadedCustomer(backend, client);
      reads.withheld.add(session.customerId);
      const el = await mount(client, session.id);
      await waitUntil(
        () => stateText(el) === 'The customer’s details are not available to you.',
        'unavailable',
      );
      expect($(el, '#customer-title')!.textContent).to.equal('Customer');
      expect($(el, '[part="customer-name"]')!.textContent!.trim()).to.equal('Unknown customer');
      expect($(el, '[part="customer-retry"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says why the customer could not be loaded, and Try again loads them', async () => {
      const reads = new CustomerReads();
      reads.failWith = { code: 'INTERNAL', message: 'The customer store is down.' };
      const { backend, client } = await seededClient({ wrapAdapter: reads.wrap });
      const { session, customer } = sessionOfUnloadedCustomer(backend, client);
      const el = await mount(client, session.id);
      await waitUntil(() => $(el, '[part="customer-retry"]'), 'Try again');
      expect(stateText(el)).to.contain('The customer could not be loaded.');
      expect($(el, '[part="customer-name"]')).to.equal(null);
      await expect(el).to.be.accessible();

      reads.failWith = undefined;
      $<HTMLButtonElement>(el, '[part="customer-retry"]')!.focus();
      $<HTMLButtonElement>(el, '[part="customer-retry"]')!.click();
      await waitUntil(
        () => $(el, '[part="customer-name"]')?.textContent === customer.name,
        'the customer shown after Try again',
      );
      expect(reads.ids).to.deep.equal([session.customerId, session.customerId]);
      expect($(el, '[part="customer-retry"]')).to.equal(null);
      // The button went away: focus stays on the card, not lost to the page.
      expect(part.focused(el)).to.equal($(el, '.customer-card'));
    });

    it('says it is offline, and loads the customer once the connection is back', async () => {
      const { backend, adapter, client } = await seededClient();
      const { session, customer } = sessionOfUnloadedCustomer(backend, client);
      adapter.simulateConnection('offline');
      await waitUntil(() => client.connection === 'offline', 'offline');
      const el = await mount(client, session.id);
      await waitUntil(() => stateText(el)?.startsWith('You are offline.'), 'offline');
      expect($(el, '[part="customer-retry"]')).to.equal(null);
      await expect(el).to.be.accessible();

      adapter.simulateConnection('online');
      await waitUntil(
        () => $(el, '[part="customer-name"]')?.textContent === customer.name,
        'the customer shown once online',
      );
    });
  });

  itBehavesLikeAPart({
    harness: part,
    control: { selector: '[part="add-customer-button"]', name: '"Add to customers"' },
    world: () => seededClient(directory(async () => undefined)),
  });
});
