/**
 * The host's avatar hook on `<live-chat-workspace>`: `avatarUrl` (set here by the proxy of
 * docs/examples/security/avatar-proxy.ts) reaches the customer card in the About pane, which
 * loads what it returns when that is an absolute `https:` URL, or `http:` with
 * `allow-http-avatars`, without a referrer.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { proxyAvatars } from '../../../../docs/examples/security/avatar-proxy.js';
import type { LiveChatWorkspace } from '../workspace/workspace.js';
import '../workspace/workspace.js';
import { internalCustomer, newSession } from '../test/customer-writes.js';
import { deepQuery } from '../test/deep-query.js';
import { seededClient, waitUntil } from '../test/seeded-client.js';

/** The page's own server stands for the host's image proxy (plain http: development). */
const PROXY = `${location.origin}/docs/images/workspace.png`;

describe('<live-chat-workspace> avatarUrl', () => {
  it('loads every avatar through the host’s proxy; a relative URL gets initials', async () => {
    const { backend, client } = await seededClient();
    const rita = internalCustomer('usr-tom', 'Rita Remote', {
      avatarUrl: 'https://cdn.example/rita.png',
    });
    const remote = newSession(backend, undefined, rita);
    const el = await fixture<LiveChatWorkspace>(
      html`<live-chat-workspace
        no-alerts
        allow-http-avatars
        .client=${client}
        session-id=${remote.id}
      ></live-chat-workspace>`,
    );
    proxyAvatars(el, PROXY);
    await waitUntil(() => deepQuery(el, 'img[part~="avatar"]'), 'the avatar');
    const img = deepQuery<HTMLImageElement>(el, 'img[part~="avatar"]')!;
    const expected = new URL(PROXY);
    expected.searchParams.set('url', 'https://cdn.example/rita.png');
    expected.searchParams.set('for', remote.customerId);
    expect(img.src).to.equal(expected.href);
    expect(img.referrerPolicy).to.equal('no-referrer');

    // Plain http loads only with allow-http-avatars (development).
    el.allowHttpAvatars = false;
    await waitUntil(() => !deepQuery(el, 'img[part~="avatar"]'), 'initials for http');

    el.allowHttpAvatars = true;
    const local = internalCustomer('usr-lucas', 'Lou Local', { avatarUrl: '/me.png' });
    el.sessionId = newSession(backend, undefined, local).id;
    await waitUntil(
      () => deepQuery(el, '[part~="customer-name"]')?.textContent === 'Lou Local',
      'the other session',
    );
    expect(deepQuery(el, 'img[part~="avatar"]')).to.equal(null);
    expect(deepQuery(el, '[part~="avatar"]')!.textContent).to.equal('LL');
  });
});
