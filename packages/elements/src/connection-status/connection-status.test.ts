import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import {
  createLiveChatClient,
  type ClientStatus,
  type ConnectionState,
  type LiveChatClient,
} from '@live-chat/core';
import { createMemoryBackend } from '@live-chat/adapters';
import './connection-status.js';
import type { LiveChatConnectionStatus } from './connection-status.js';
import { countingClient } from '../test/counting-client.js';

type Seed = NonNullable<NonNullable<Parameters<typeof createMemoryBackend>[0]>['seed']>;

const seed = (): Seed => ({
  users: [{ id: 'u-anna', name: 'Anna Smirnova', role: 'operator' }],
  liveChats: [
    {
      id: 'lc-support',
      name: 'Support',
      channels: ['web'],
      operatorIds: ['u-anna'],
      supervisorIds: [],
      groupIds: [],
      reassignmentTargets: [],
    },
  ],
  groups: [],
  customers: [],
});

function stubClient(connection: ConnectionState, status: ClientStatus) {
  const connection$ = new BehaviorSubject(connection);
  const status$ = new BehaviorSubject(status);
  return { client: { connection$, status$ } as unknown as LiveChatClient, connection$, status$ };
}

const region = (el: LiveChatConnectionStatus) => el.shadowRoot!.querySelector('[role="status"]')!;
const bannerText = (el: LiveChatConnectionStatus) =>
  region(el).querySelector('[part~="text"]')?.textContent?.trim();

describe('<live-chat-connection-status>', () => {
  let backend: ReturnType<typeof createMemoryBackend>;

  beforeEach(() => {
    backend = createMemoryBackend({ seed: seed() });
  });

  afterEach(async () => {
    await backend.dispose();
  });

  it('shows nothing while online but keeps the polite live region', async () => {
    const adapter = backend.connect('u-anna');
    const client = createLiveChatClient({ adapter });
    const el = await fixture<LiveChatConnectionStatus>(
      html`<live-chat-connection-status .client=${client}></live-chat-connection-status>`,
    );
    await waitUntil(() => el.getAttribute('state') === 'online', 'online');
    await el.updateComplete;
    expect(region(el)).to.not.equal(null);
    expect(region(el).getAttribute('aria-live')).to.equal('polite');
    expect(region(el).querySelector('[part~="banner"]')).to.equal(null);
    expect(region(el).textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
    client.dispose();
  });

  it('announces reconnecting, offline and failed from the real adapter', async () => {
    const adapter = backend.connect('u-anna');
    const client = createLiveChatClient({ adapter });
    const el = await fixture<LiveChatConnectionStatus>(
      html`<live-chat-connection-status .client=${client}></live-chat-connection-status>`,
    );
    await waitUntil(() => el.state === 'online');
    const expected: Array<[ConnectionState, string]> = [
      ['reconnecting', 'Connection lost. Reconnecting…'],
      ['offline', 'You are offline. The workspace will update when the connection is back.'],
      ['failed', 'Could not connect to the live chat server.'],
    ];
    for (const [state, text] of expected) {
      adapter.simulateConnection(state);
      await waitUntil(() => el.state === state, state);
      await el.updateComplete;
      expect(bannerText(el)).to.equal(text);
      expect(el.getAttribute('state')).to.equal(state);
      expect(region(el).querySelector('[part~="banner"]')!.getAttribute('part')).to.equal(
        `banner banner-${state}`,
      );
      await expect(el).to.be.accessible();
    }
    adapter.simulateConnection('online');
    await waitUntil(() => el.state === 'online');
    await el.updateComplete;
    expect(region(el).querySelector('[part~="banner"]')).to.equal(null);
    client.dispose();
  });

  it('shows "Connecting…" at first', async () => {
    const stub = stubClient('connecting', { state: 'loading' });
    const el = await fixture<LiveChatConnectionStatus>(
      html`<live-chat-connection-status .client=${stub.client}></live-chat-connection-status>`,
    );
    expect(bannerText(el)).to.equal('Connecting…');
    await expect(el).to.be.accessible();
  });

  it('shows the load error in an alert, with the retry hint', async () => {
    const stub = stubClient('online', { state: 'loading' });
    const el = await fixture<LiveChatConnectionStatus>(
      html`<live-chat-connection-status .client=${stub.client}></live-chat-connection-status>`,
    );
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent!.trim()).to.equal('');
    stub.status$.next({
      state: 'error',
      error: { code: 'INTERNAL', message: 'The server had a problem.' },
    });
    await el.updateComplete;
    expect(alert.querySelector('[part~="text"]')!.textContent!.trim()).to.equal(
      'The workspace could not be loaded. Something went wrong: The server had a problem.',
    );
    expect(alert.querySelector('[part~="error-hint"]')!.textContent!.trim()).to.equal(
      'It tries again by itself, and at once when the connection is back.',
    );
    expect(el.hasAttribute('error')).to.equal(true);
    await expect(el).to.be.accessible();
    stub.status$.next({ state: 'ready' });
    await el.updateComplete;
    expect(el.hasAttribute('error')).to.equal(false);
    expect(alert.textContent!.trim()).to.equal('');
  });

  it('Retry loads the workspace again at once after a failed load', async () => {
    const backend = createMemoryBackend({ seed: seed() });
    const adapter = backend.connect('u-anna');
    let failures = 1;
    const realSnapshot = adapter.snapshot.bind(adapter);
    adapter.snapshot = () =>
      failures-- > 0
        ? Promise.reject({ code: 'INTERNAL', message: 'The server had a problem.' })
        : realSnapshot();
    const client = createLiveChatClient({ adapter });
    const el = await fixture<LiveChatConnectionStatus>(
      html`<live-chat-connection-status .client=${client}></live-chat-connection-status>`,
    );
    await waitUntil(() => client.status.state === 'error', 'the first load fails');
    await el.updateComplete;
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(retry.textContent!.trim()).to.equal('Retry now');
    await expect(el).to.be.accessible();
    retry.click();
    await waitUntil(() => client.status.state === 'ready', 'the retry loads the state');
    await el.updateComplete;
    expect(el.hasAttribute('error')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
    client.dispose();
    backend.dispose();
  });

  it('speaks Russian', async () => {
    const stub = stubClient('reconnecting', { state: 'ready' });
    const el = await fixture<LiveChatConnectionStatus>(
      html`<live-chat-connection-status
        locale="ru"
        .client=${stub.client}
      ></live-chat-connection-status>`,
    );
    expect(bannerText(el)).to.equal('Соединение потеряно. Переподключение…');
  });

  it('says when commands are not confirmed yet, and stops saying it when they settle', async () => {
    const adapter = backend.connect('u-anna');
    const client = createLiveChatClient({ adapter, commandDeadlineMs: 400 });
    await waitUntil(() => client.status.state === 'ready', 'ready');
    const el = await fixture<LiveChatConnectionStatus>(
      html`<live-chat-connection-status .client=${client}></live-chat-connection-status>`,
    );
    adapter.simulateConnection('offline');
    const taking = client.take('no-such-session');
    await waitUntil(() => region(el).querySelector('[part~="unconfirmed"]'), 'not confirmed yet');
    expect(region(el).querySelector('[part~="unconfirmed"]')!.textContent).to.contain(
      'Not confirmed yet: 1',
    );
    await expect(el).to.be.accessible();
    await taking;
    await el.updateComplete;
    expect(region(el).querySelector('[part~="unconfirmed"]')).to.equal(null);
    client.dispose();
  });

  it('leaves no subscription behind after 50 mount/unmount cycles', async () => {
    const client = createLiveChatClient({ adapter: backend.connect('u-anna') });
    const counting = countingClient(client);
    for (let i = 0; i < 50; i++) {
      const el = document.createElement('live-chat-connection-status');
      el.client = counting.client;
      document.body.append(el);
      await el.updateComplete;
      expect(counting.active()).to.equal(3);
      el.remove();
      expect(counting.active()).to.equal(0);
    }
    client.dispose();
  });
});
