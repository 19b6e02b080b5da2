import { expect, fixture, html } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import { SEED_USERS } from '@live-chat/adapters';
import type { LiveChatAvailability } from './availability.js';
import {
  connectClient,
  memoryBackend,
  seededClient,
  startClient,
  waitUntil,
} from '../test/seeded-client.js';
import '../locales/ru.js';
import './availability.js';

const { operatorA: ANNA, supervisor: MARIA } = SEED_USERS;

const mount = (client: LiveChatClient, locale = 'en') =>
  fixture<LiveChatAvailability>(
    html`<live-chat-availability .client=${client} locale=${locale}></live-chat-availability>`,
  );
const select = (el: LiveChatAvailability) => el.shadowRoot!.querySelector('select')!;
const shown = (el: LiveChatAvailability) =>
  (select(el).selectedOptions[0]?.textContent ?? '').trim();

function choose(el: LiveChatAvailability, status: string): void {
  select(el).value = status;
  select(el).dispatchEvent(new Event('change'));
}

describe('live-chat-availability', () => {
  it('says the status in words, in a labelled select, accessibly', async () => {
    const { client } = await seededClient();
    const el = await mount(client);
    expect(shown(el)).to.equal('Online');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Your status');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('data-status')).to.equal(
      'online',
    );
    await expect(el).to.be.accessible();
  });

  it('sets the chosen status, which the supervisor sees', async () => {
    const backend = memoryBackend();
    const { client } = await connectClient(backend, { userId: ANNA });
    const { client: maria } = await connectClient(backend, { userId: MARIA });
    const el = await mount(client);
    choose(el, 'offline');
    await waitUntil(() => client.getPresence(ANNA).status === 'offline', 'Anna offline');
    await waitUntil(() => maria.getPresence(ANNA).status === 'offline', 'Maria sees it');
    await waitUntil(() => shown(el) === 'Offline');
    expect(client.getPresence(ANNA).auto ?? false).to.equal(false);
  });

  it('shows an automatic away as "Away (idle)", and follows changes from elsewhere', async () => {
    const backend = memoryBackend();
    const { client } = await connectClient(backend, { userId: ANNA });
    const el = await mount(client);
    await client.setAvailability('away', { auto: true });
    await waitUntil(() => shown(el) === 'Away (idle)', 'auto away shown');
    expect(select(el).title).to.contain('idle');
    backend.execute(ANNA, { type: 'presence.set', commandId: 'a-1', status: 'online' });
    await waitUntil(() => shown(el) === 'Online', 'back online');
  });

  it('is disabled while the client loads, and speaks Russian', async () => {
    const loading = await mount(startClient(memoryBackend(), { latencyMs: 200 }).client);
    expect(select(loading).disabled).to.equal(true);
    const { client } = await seededClient();
    const el = await mount(client, 'ru');
    expect(shown(el)).to.equal('В сети');
  });
});
