import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import {
  createLiveChatClient,
  type ClientStatus,
  type ConnectionState,
  type LiveChatClient,
} from '@live-chat/core';
import './connection-status.js';
import type { LiveChatConnectionStatus } from './connection-status.js';
import {
  afterThisTest,
  connectClient,
  memoryBackend,
  startClient,
  type Backend,
} from '../test/seeded-client.js';
import { ANNA, smallSeed, supportChat } from '../test/small-seed.js';
import { testForLeaks } from '../test/test-for-leaks.js';

const seed = () =>
  smallSeed({
    users: [ANNA],
    liveChats: [supportChat({ channels: ['web'], operatorIds: [ANNA.id] })],
  });

function stubClient(connection: ConnectionState, status: ClientStatus) {
  const connection$ = new BehaviorSubject(connection);
  const status$ = new BehaviorSubject(status);
  return { client: { connection$, status$ } as unknown as LiveChatClient, connection$, status$ };
}

const mount = (client: LiveChatClient) =>
  fixture<LiveChatConnectionStatus>(
    html`<live-chat-connection-status .client=${client}></live-chat-connection-status>`,
  );
const region = (el: LiveChatConnectionStatus) => el.shadowRoot!.querySelector('[role="status"]')!;
const bannerText = (el: LiveChatConnectionStatus) =>
  region(el).querySelector('[part~="text"]')?.textContent?.trim();

describe('<live-chat-connection-status>', () => {
  let backend: Backend;

  beforeEach(() => {
    backend = memoryBackend(seed());
  });

  it('shows nothing while online but keeps the polite live region', async () => {
    const { client } = startClient(backend, { userId: ANNA.id });
    const el = await mount(client);
    await waitUntil(() => el.getAttribute('state') === 'online', 'online');
    await el.updateComplete;
    expect(region(el)).to.not.equal(null);
    expect(region(el).getAttribute('aria-live')).to.equal('polite');
    expect(region(el).querySelector('[part~="banner"]')).to.equal(null);
    expect(region(el).textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('announces reconnecting, offline and failed from the real adapter', async () => {
    const { adapter, client } = startClient(backend, { userId: ANNA.id });
    const el = await mount(client);
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
  });

  it('shows "Connecting…" at first', async () => {
    const stub = stubClient('connecting', { state: 'loading' });
    const el = await mount(stub.client);
    expect(bannerText(el)).to.equal('Connecting…');
    await expect(el).to.be.accessible();
  });

  it('shows the load error in an alert, with the retry hint', async () => {
    const stub = stubClient('online', { state: 'loading' });
    const el = await mount(stub.client);
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
    const adapter = backend.connect(ANNA.id);
    let failures = 1;
    const realSnapshot = adapter.snapshot.bind(adapter);
    adapter.snapshot = () =>
      failures-- > 0
        ? Promise.reject({ code: 'INTERNAL', message: 'The server had a problem.' })
        : realSnapshot();
    const client = createLiveChatClient({ adapter });
    afterThisTest(() => client.dispose());
    const el = await mount(client);
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
    const { adapter, client } = await connectClient(backend, {
      userId: ANNA.id,
      client: { commandDeadlineMs: 400 },
    });
    const el = await mount(client);
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
  });

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    const { client } = startClient(backend, { userId: ANNA.id });
    await testForLeaks(
      ({ client }) =>
        html`<live-chat-connection-status .client=${client}></live-chat-connection-status>`,
      { client, subscriptions: 3 },
    );
  });
});
