// The parts of the workspace loaded on demand, with their code really fetched by the page: one
// that could not be loaded while offline is said in an alert with "Try again", which fetches it
// once online (as does the browser coming back online); an alert that comes before the in-app
// alert's code is shown once that code arrives. The page is told it is offline (`onLine`) and
// the part's file is blocked too: Chromium remembers a module that failed to load for the life
// of the page, so a part asked for while offline could never load afterwards.
import { expect, fixture, html } from '@open-wc/testing';
import { createSeedData, SEED_USERS } from '@live-chat/adapters';
import { ALERT_SETTINGS_STORAGE_KEY } from '../controllers/alerts/alert-settings-store.js';
import { sayOffline, sayOnline } from '../test/browser-online.js';
import { cdp } from '../test/cdp.js';
import { newSession } from '../test/customer-writes.js';
import {
  afterThisTest,
  connectClient,
  frozenBackend,
  memoryBackend,
  waitUntil,
} from '../test/seeded-client.js';
import { signedInWorkspace } from '../test/signed-in-workspace.js';
import { LazyElements, SHOWN_RETRY_MS } from './lazy-elements.js';
import type { LiveChatWorkspace } from './workspace.js';
import './workspace.js';

const $ = <T extends Element = HTMLElement>(el: LiveChatWorkspace, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** Makes the page's requests for URLs matching `patterns` fail (none: all go through again). */
async function blockUrls(patterns: string[]): Promise<void> {
  await cdp('Network.enable');
  await cdp('Network.setBlockedURLs', { urls: patterns });
}

describe('live-chat-workspace: parts loaded on demand', () => {
  afterEach(() => {
    sayOnline();
    return blockUrls([]);
  });

  // First: every workspace mounted loads the in-app alert's code, and a page keeps it.
  it('an alert that comes before the in-app alert could load is shown once it has loaded', async () => {
    // Sound and desktop notifications off: alerts are for the in-app alert.
    const settings = { sound: false, desktop: false, titleBadge: false };
    localStorage.setItem(ALERT_SETTINGS_STORAGE_KEY, JSON.stringify(settings));
    afterThisTest(() => localStorage.removeItem(ALERT_SETTINGS_STORAGE_KEY));
    sayOffline();
    await blockUrls(['*/alert-toast/alert-toast.*']);
    const { users, liveChats, groups, customers } = createSeedData({ now: Date.now() });
    const backend = memoryBackend({ users, liveChats, groups, customers });
    const { el, client } = await signedInWorkspace(backend, SEED_USERS.operatorA, {
      alerts: true,
    });
    // Loaded in idle time once ready, which cannot be done offline.
    await waitUntil(() => $(el, '[part~="load-error"]'), 'the load error');
    expect(customElements.get('live-chat-alert-toast')).to.equal(undefined);

    const { id } = newSession(backend, ['My parcel is late'], { name: 'Vera Quinn' });
    await waitUntil(() => client.getSession(id), 'the request arrived');
    const toast = $(el, 'live-chat-alert-toast')!;
    expect(toast.shadowRoot, 'nothing to show it with yet').to.equal(null);

    // Back online, the workspace loads it by itself.
    sayOnline();
    await blockUrls([]);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => toast.shadowRoot?.querySelector('[part="toast"]'), 'the alert shown');
    await waitUntil(() => !$(el, '[part~="load-error"]'), 'the load error gone');
    expect(toast.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim()).to.equal(
      'New message from Vera Quinn',
    );
  });

  it('says a part could not be loaded, and Try again loads it once online', async () => {
    const { client } = await connectClient(frozenBackend());
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width:1280px;height:800px">
        <live-chat-workspace .client=${client}></live-chat-workspace>
      </div>`,
    );
    const el = wrapper.querySelector('live-chat-workspace')!;
    await waitUntil(() => client.status.state === 'ready', 'the client is ready');
    expect(customElements.get('live-chat-reports')).to.equal(undefined);
    expect($(el, '[part~="load-error"]')).to.equal(null);

    sayOffline();
    await blockUrls(['*/reports/reports.*']);
    $(el, 'live-chat-navigation')!
      .shadowRoot!.querySelector<HTMLButtonElement>('[part~="reports"]')!
      .click();
    await waitUntil(() => $(el, '[part~="load-error"]'), 'the load error');
    const alert = $(el, '[part~="load-error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Part of the workspace could not be loaded');
    expect(customElements.get('live-chat-reports')).to.equal(undefined);
    // Still offline: nothing to fetch, the alert stays.
    alert.querySelector('button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect($(el, '[part~="load-error"]')).to.equal(alert);
    expect(customElements.get('live-chat-reports')).to.equal(undefined);

    sayOnline();
    await blockUrls([]);
    alert.querySelector('button')!.click();
    await waitUntil(() => customElements.get('live-chat-reports'), 'the reports defined');
    await waitUntil(() => !$(el, '[part~="load-error"]'), 'the alert gone');
    // The element already in the pane upgraded: the reports show.
    const reports = $(el, 'main live-chat-reports')!;
    await waitUntil(() => reports.shadowRoot, 'the reports rendered');
  });

  it('loads what opening a session shows, and the in-app alert, once the client is ready', async () => {
    const { client } = await connectClient(frozenBackend());
    await fixture(html`<live-chat-workspace .client=${client}></live-chat-workspace>`);
    await waitUntil(
      () =>
        customElements.get('live-chat-conversation') &&
        customElements.get('live-chat-about-session') &&
        customElements.get('live-chat-alert-toast'),
      'the conversation, the About pane and the in-app alert defined',
    );
  });
});

describe('LazyElements', () => {
  it('loads each part once, lists a failed load until it loads, and tells each change', async () => {
    let calls = 0;
    let fail = true;
    const parts = new LazyElements({
      'x-part': () => {
        calls++;
        return fail ? Promise.reject(new Error('offline')) : Promise.resolve('code');
      },
    });
    let changes = 0;
    const stop = parts.onChange(() => changes++);

    const first = parts.load('x-part');
    expect(parts.load('x-part')).to.equal(first);
    await first.catch(() => undefined);
    await Promise.resolve();
    expect(calls).to.equal(1);
    expect(parts.failed).to.deep.equal(['x-part']);
    expect(changes).to.equal(1);

    fail = false;
    await parts.retry();
    await Promise.resolve();
    expect(calls).to.equal(2);
    expect(parts.failed).to.deep.equal([]);
    expect(changes).to.equal(2);

    await parts.load('x-part');
    expect(calls).to.equal(2);
    stop();
  });

  it('does not fetch a failed part again for each render that shows it, only after a while', async () => {
    let calls = 0;
    let now = 1_000;
    const parts = new LazyElements(
      { 'x-part': () => (calls++, Promise.reject(new Error('offline'))) },
      { now: () => now },
    );
    // Each failure is told, and the workspace renders again: that render shows the part again.
    const stop = parts.onChange(() => parts.show('x-part'));
    parts.show('x-part');
    await waitUntil(() => parts.failed.length === 1, 'the failure');
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(calls, 'one fetch, not one per render').to.equal(1);

    now += SHOWN_RETRY_MS - 1;
    parts.show('x-part');
    await Promise.resolve();
    expect(calls).to.equal(1);

    // Later, the next render tries once more; a user's action or coming back online at any time.
    now += 1;
    parts.show('x-part');
    await waitUntil(() => calls === 2, 'a fetch after the pause');
    await parts.load('x-part').catch(() => undefined);
    expect(calls).to.equal(3);
    await parts.retry();
    expect(calls).to.equal(4);
    expect(parts.failed).to.deep.equal(['x-part']);
    stop();
  });

  it('does not ask for a part while the browser is offline, and loads it once online', async () => {
    let calls = 0;
    let offline = true;
    const parts = new LazyElements(
      { 'x-part': () => (calls++, Promise.resolve('code')) },
      { offline: () => offline },
    );
    let error: unknown;
    await parts.load('x-part').catch((reason: unknown) => (error = reason));
    expect(String(error)).to.contain('offline');
    expect(calls, 'nothing fetched').to.equal(0);
    expect(parts.failed).to.deep.equal(['x-part']);

    offline = false;
    await parts.retry();
    expect(calls).to.equal(1);
    expect(parts.failed).to.deep.equal([]);
  });
});
