import { expect, fixture, html } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import { SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { LiveChatMonitor } from './monitor.js';
import { newSession } from '../test/customer-writes.js';
import { memoryBackend, seededClient, startClient, waitUntil } from '../test/seeded-client.js';
import { testForLeaks } from '../test/test-for-leaks.js';
import './monitor.js';

const SUPPORT = SEED_LIVE_CHATS.support;
const { operatorA: ANNA, operatorB: BEN, supervisor: MARIA } = SEED_USERS;

async function mount(client: LiveChatClient): Promise<LiveChatMonitor> {
  return fixture<LiveChatMonitor>(html`<live-chat-monitor .client=${client}></live-chat-monitor>`);
}

const $ = (el: LiveChatMonitor, selector: string) => el.shadowRoot!.querySelector(selector);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const summary = (el: LiveChatMonitor, name: string) =>
  text($(el, `tr[data-live-chat-id="${SUPPORT}"] [data-figure="${name}"]`));
const operatorRow = (el: LiveChatMonitor, userId: string) =>
  $(el, `table[data-live-chat-id="${SUPPORT}"] tr[data-operator-id="${userId}"]`);

describe('live-chat-monitor', () => {
  it('shows the supervisor every live chat they supervise in captioned tables, accessibly', async () => {
    const { client } = await seededClient({ userId: MARIA });
    const el = await mount(client);
    await waitUntil(() => $(el, 'table'), 'tables');
    expect(text($(el, 'caption'))).to.equal('Your live chats now');
    const rows = el.shadowRoot!.querySelectorAll('[part~="summary-table"] tbody tr');
    expect(rows.length).to.equal(client.viewer!.supervisorOf.size);
    const queued = client.counters.groups[SUPPORT]?.queue ?? 0;
    expect(summary(el, 'waiting')).to.equal(String(queued));
    expect(summary(el, 'active')).to.equal(String(client.counters.groups[SUPPORT]?.active ?? 0));
    expect(text(operatorRow(el, ANNA)?.querySelector('[part="status"]') ?? null)).to.equal(
      'Online',
    );
    await expect(el).to.be.accessible();
  });

  it('updates live: a new request, a take, an operator going away', async () => {
    const backend = memoryBackend();
    const { client } = startClient(backend, { userId: MARIA });
    const el = await mount(client);
    await waitUntil(() => $(el, 'table'), 'tables');
    const waiting = Number(summary(el, 'waiting'));
    const benLoad = Number(text(operatorRow(el, BEN)!.querySelector('[data-figure="load"]')));
    const session = newSession(backend, ['Hi']);
    await waitUntil(() => summary(el, 'waiting') === String(waiting + 1), 'one more waiting');
    backend.execute(BEN, { type: 'session.take', commandId: 'm-1', sessionId: session.id });
    await waitUntil(
      () =>
        text(operatorRow(el, BEN)!.querySelector('[data-figure="load"]')) === String(benLoad + 1),
      'Ben carries one more',
    );
    backend.execute(ANNA, { type: 'presence.set', commandId: 'm-2', status: 'away' });
    await waitUntil(
      () => text(operatorRow(el, ANNA)!.querySelector('[part="status"]')) === 'Away',
      'Anna away',
    );
  });

  it('reads the figures aloud only when asked', async () => {
    const { client } = await seededClient({ userId: MARIA });
    const el = await mount(client);
    await waitUntil(() => $(el, 'table'), 'tables');
    const region = $(el, '[role="status"]')!;
    expect(text(region)).to.equal('');
    ($(el, '[part="read-button"]') as HTMLButtonElement).click();
    await waitUntil(() => text(region).includes('waiting'), 'figures said');
  });

  it('tells an operator that only supervisors see the monitor', async () => {
    const { client } = await seededClient({ userId: ANNA });
    const el = await mount(client);
    await waitUntil(() => $(el, '[part="message"]')?.textContent?.includes('Only supervisors'));
    expect($(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows loading, then the error when the client cannot load', async () => {
    const loading = await mount(
      startClient(memoryBackend(), { userId: MARIA, latencyMs: 200 }).client,
    );
    expect(text($(loading, '[role="status"]'))).to.contain('Loading');
    const failing = await mount(
      startClient(memoryBackend(), { userId: MARIA, offline: true }).client,
    );
    await waitUntil(() => $(failing, '[role="alert"]'), 'error shown');
    expect(text($(failing, '[role="alert"]'))).to.contain('could not be loaded');
    await expect(failing).to.be.accessible();
  });

  it('leaves no subscription or timer behind', async () => {
    const { client } = await seededClient({ userId: MARIA });
    await testForLeaks(
      ({ client: counted }) => html`<live-chat-monitor .client=${counted}></live-chat-monitor>`,
      { client, rounds: 10, ready: (el) => waitUntil(() => el.shadowRoot?.querySelector('table')) },
    );
  });
});
