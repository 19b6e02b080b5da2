/**
 * End-to-end: fixes from a walkthrough of the operator guide, each as an operator meets it in the
 * full workspace on the in-memory backend: the menu following a session taken by a reply, the
 * Activity button and its unseen count on narrow screens, the in-app alert when sound and
 * desktop notifications are off, and the shortcut keys named on their buttons.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveChatClient } from '@live-chat/core';
import {
  createSeedData,
  SEED_LIVE_CHATS,
  SEED_USERS,
  type MemoryBackend,
} from '@live-chat/adapters';
import type { LiveChatWorkspace } from './workspace.js';
import { ALERT_SETTINGS_STORAGE_KEY } from '../controllers/alerts/alert-settings-store.js';
import { newSession } from '../test/customer-writes.js';
import { deepFocused, deepQuery } from '../test/deep-query.js';
import { pressKeys } from '../test/keyboard.js';
import { afterThisTest, memoryBackend, waitUntil } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import { signedInWorkspace } from '../test/signed-in-workspace.js';
import './workspace.js';

const { operatorA: ANNA, operatorB: BEN } = SEED_USERS;
const SUPPORT = SEED_LIVE_CHATS.support;

/** Signs `userId` in on a world of the seed's people and live chats, with no history. */
async function signIn(
  userId: string,
  { width = 1280, alerts = false, backend = emptyWorld() } = {},
): Promise<{ el: LiveChatWorkspace; client: LiveChatClient; backend: MemoryBackend }> {
  const { el, client } = await signedInWorkspace(backend, userId, { width, alerts });
  return { el, client, backend };
}

function emptyWorld(): MemoryBackend {
  const { users, liveChats, groups, customers } = createSeedData({ now: Date.now() });
  return memoryBackend({ users, liveChats, groups, customers });
}

/** Stores the alert settings for this test only. */
function alertSettings(sound: boolean): void {
  const settings = { sound, desktop: false, titleBadge: false };
  localStorage.setItem(ALERT_SETTINGS_STORAGE_KEY, JSON.stringify(settings));
  afterThisTest(() => localStorage.removeItem(ALERT_SETTINGS_STORAGE_KEY));
}

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: Element, name: string) => deepQuery(el, `[part~="${name}"]`);
const shown = (node: Element | null | undefined) =>
  Boolean(node && (node as HTMLElement).checkVisibility());
/** The row of `sessionId` in the workspace's session list, if shown. */
const listRow = (el: Element, sessionId: string) =>
  deepQuery(
    deepQuery(el, '.list-pane live-chat-session-list')!,
    `[data-session-id="${sessionId}"]`,
  );
/** `selector` inside the first `tag` of the workspace. */
const inside = (el: Element, tag: string, selector: string) =>
  deepQuery(deepQuery(el, tag)!, selector);

describe('<live-chat-workspace> walkthrough fixes, end to end', () => {
  it('replying to a waiting session takes it: the menu follows to My sessions and highlights it', async () => {
    const anna = await signIn(ANNA);
    const { backend } = anna;
    const sessionId = newSession(backend, ['Anyone there?']).id;
    await waitUntil(() => listRow(anna.el, sessionId), 'in the queue');
    (listRow(anna.el, sessionId) as HTMLElement).click();
    await waitUntil(() => anna.el.sessionId === sessionId, 'opened');
    expect(anna.el.group).to.equal('queue');

    await waitUntil(() => deepQuery(anna.el, '[part~="composer-input"]'), 'the reply field');
    const input = deepQuery<HTMLTextAreaElement>(anna.el, '[part~="composer-input"]')!;
    input.focus();
    input.value = 'Hello, I am here.';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => backend.getSession(sessionId)?.status === 'active', 'taken');
    await waitUntil(() => anna.el.group === 'mine', 'the menu follows to My sessions');
    expect(anna.el.liveChatId).to.equal(SUPPORT);
    await waitUntil(() => listRow(anna.el, sessionId), 'listed in My sessions');
    expect(listRow(anna.el, sessionId)!.getAttribute('aria-selected')).to.equal('true');
  });

  it('on a narrow screen, Activity opens without a session, counts unseen entries and says them politely', async () => {
    const anna = await signIn(ANNA, { width: 390 });
    const { backend } = anna;
    const button = part(anna.el, 'activity-button')!;
    expect(shown(button), 'the Activity button is on screen').to.equal(true);
    expect(text(button)).to.equal('Activity');

    // Ben hands a session over to Anna while she looks at her queue.
    const sessionId = newSession(backend, ['Hi']).id;
    backend.execute(BEN, { type: 'session.take', commandId: 'w-take', sessionId });
    backend.execute(BEN, {
      type: 'session.reassign',
      commandId: 'w-reassign',
      sessionId,
      target: { kind: 'operator', operatorId: ANNA },
    });
    await waitUntil(() => text(button) === 'Activity 1 new', 'one unseen entry');
    expect(button.getAttribute('aria-label')).to.equal('Activity, 1 new entry');
    await waitUntil(
      () =>
        text(anna.el.shadowRoot!.querySelector('.workspace > [role="status"]')) ===
        '1 new entry in Activity',
      'announced politely',
    );

    button.click();
    await waitUntil(() => anna.el.currentPane === 'about', 'the Activity pane shows');
    await settle(anna.el);
    const entry = inside(anna.el, 'live-chat-activity', '[part~="entry-button"]');
    expect(shown(entry)).to.equal(true);
    expect(text(entry)).to.contain('reassigned session');
    expect(anna.el.sessionId, 'no session opened').to.equal(undefined);
    await waitUntil(() => text(button) === 'Activity', 'seen: the count is gone');
  });

  it('with sound and desktop notifications off, a new request shows an in-app alert: polite, coalesced, dismissible, focus stays', async () => {
    alertSettings(false);
    const anna = await signIn(ANNA, { alerts: true });
    const { backend } = anna;
    const search = inside(anna.el, 'live-chat-search', 'input')!;
    search.focus();
    const focused = deepFocused();

    newSession(backend, ['My parcel is late'], { name: 'Vera Quinn' });
    const toast = () => deepQuery(anna.el, 'live-chat-alert-toast')!;
    // Its code loads in idle time once the workspace is ready; the alert waits for it.
    await waitUntil(() => toast().shadowRoot?.querySelector('[part="toast"]'), 'an in-app alert');
    const card = () => toast().shadowRoot!.querySelectorAll('[part="toast"]');
    expect(text(card()[0]!.querySelector('[part="title"]'))).to.equal(
      'New message from Vera Quinn',
    );
    expect(text(card()[0]!.querySelector('[part="body"]'))).to.equal('My parcel is late');
    expect(deepFocused(), 'focus stays where it was').to.equal(focused);
    await waitUntil(
      () =>
        text(toast().shadowRoot!.querySelector('[role="status"]')).startsWith(
          'New message from Vera Quinn',
        ),
      'announced politely',
    );

    // Two more requests: still one card for the live chat, counting all three.
    newSession(backend, ['Second']);
    newSession(backend, ['Third']);
    await waitUntil(
      () =>
        text(card()[0]!.querySelector('[part="title"]')) === '3 new requests in Customer Support',
      'coalesced',
    );
    expect(card()).to.have.length(1);
    await expect(toast()).to.be.accessible();

    (card()[0]!.querySelector('[part="dismiss"]') as HTMLButtonElement).click();
    await waitUntil(() => card().length === 0, 'dismissed');
  });

  it('no in-app alert while sound plays', async () => {
    alertSettings(true);
    const anna = await signIn(ANNA, { alerts: true });
    const { backend } = anna;
    await sendKeys({ press: 'Shift' }); // the first gesture lets sound play
    expect(anna.el.alerts.soundUnlocked).to.equal(true);
    const sessionId = newSession(backend, ['Hello']).id;
    await waitUntil(() => anna.client.getSession(sessionId), 'the request arrived');
    await settle(anna.el);
    await waitUntil(() => customElements.get('live-chat-alert-toast'), 'the in-app alert loaded');
    const toast = deepQuery(anna.el, 'live-chat-alert-toast')!;
    await waitUntil(() => toast.shadowRoot, 'the in-app alert rendered');
    await settle(anna.el);
    expect(toast.shadowRoot!.querySelector('[part="toast"]')).to.equal(null);
  });

  it('the blue counter, Close session and "Reassign to" name their keys; with shortcuts off, none, and / no longer searches', async () => {
    const anna = await signIn(ANNA);
    const { backend } = anna;
    const sessionId = newSession(backend, ['Hi']).id;
    backend.execute(ANNA, { type: 'session.take', commandId: 'k-take', sessionId });
    newSession(backend, ['Waiting']);
    anna.el.sessionId = sessionId;
    await waitUntil(() => deepQuery(anna.el, '[part~="reassign-select"]'), 'the about pane shows');
    await settle(anna.el);

    const counter = () => inside(anna.el, 'live-chat-counter[kind="unassigned"]', 'button')!;
    const close = () => deepQuery(anna.el, '[part~="close-button"]')!;
    const reassign = () => deepQuery(anna.el, '[part~="reassign-select"]')!;
    expect(counter().getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+O');
    expect(counter().title).to.contain('(Alt+Shift+O)');
    expect(close().getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+X');
    expect(close().title).to.equal('Close session (Alt+Shift+X)');
    expect(reassign().getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+E');
    expect(reassign().title).to.equal('Reassign to (Alt+Shift+E)');

    // Remapped: the buttons follow.
    anna.el.shortcuts = { close: 'Alt+Shift+K' };
    await settle(anna.el);
    expect(close().getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+K');

    // The user turns them off: nothing is named, and `/` types instead of jumping to the search.
    anna.el.keyboardShortcuts.setEnabled(false);
    afterThisTest(() => anna.el.keyboardShortcuts.setEnabled(true));
    await settle(anna.el);
    for (const control of [counter(), close(), reassign()]) {
      expect(control.hasAttribute('aria-keyshortcuts'), control.outerHTML).to.equal(false);
    }
    expect(close().hasAttribute('title')).to.equal(false);
    (document.activeElement as HTMLElement | null)?.blur();
    await pressKeys('/');
    expect(deepFocused()?.id, 'the search is not focused').not.to.equal('input');
    expect(inside(anna.el, 'live-chat-search', 'kbd'), 'no / hint').to.equal(null);

    anna.el.keyboardShortcuts.setEnabled(true);
    await settle(anna.el);
    (document.activeElement as HTMLElement | null)?.blur();
    await pressKeys('/');
    await waitUntil(() => deepFocused()?.id === 'input', 'the search is focused again');
  });
});
