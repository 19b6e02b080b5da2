/**
 * The security suite: the corpus of payloads.ts in every customer- and host-controlled field,
 * put there through the public API only (seed data, customers writing, operators' commands, the
 * host's binders and actions), rendered by the whole workspace in every pane and by the parts of
 * the About pane on their own. Nothing may run, no element or attribute may be made from text,
 * links keep to http, https and mailto, texts with bidi controls stay isolated, and desktop
 * notifications and the page title get plain text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import { mountWorkspacePage } from '../../../../docs/examples/accessibility/workspace-page.js';
import type { LiveChatWorkspace } from '../workspace/workspace.js';
import '../workspace/workspace.js';
import '../about-session/about-session.js';
import { AlertsController } from '../controllers/alerts/alerts-controller.js';
import { ALERT_SETTINGS_STORAGE_KEY } from '../controllers/alerts/alert-settings-store.js';
import { fakeEnvironment } from '../controllers/alerts/alerts-testing.js';
import { deepQuery, deepQueryAll } from '../test/deep-query.js';
import { afterThisTest, waitUntil } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import {
  annaOn,
  armTripwire,
  expectInert,
  expectShownAsText,
  hostileWorld,
  tripped,
  type HostileWorld,
} from './testing/hostile-world.js';
import { PAYLOADS } from './testing/payloads.js';

const ALL = PAYLOADS.map((payload) => payload.text);

/** The workspace on a page of its own, `height` px tall (tall enough, every row renders). */
async function workspaceOn(client: LiveChatClient, height = 800): Promise<LiveChatWorkspace> {
  const title = document.title;
  afterThisTest(() => (document.title = title));
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = mountWorkspacePage(container, client, { title: 'Support desk', lang: 'en' });
  el.noAlerts = true;
  el.style.cssText = `display:block;width:1280px;height:${height}px`;
  await waitUntil(() => el.getAttribute('layout') === 'wide', 'layout never measured');
  await settle(el);
  return el;
}

/** Clicks what `selector` matches in the workspace once it shows, and lets everything render. */
async function click(el: LiveChatWorkspace, selector: string): Promise<void> {
  await waitUntil(() => deepQuery(el, selector), `nothing matches ${selector}`);
  deepQuery(el, selector)!.click();
  await settle(el);
}

/** Waits until the workspace shows what `selector` matches. */
async function shown(el: LiveChatWorkspace, selector: string): Promise<void> {
  await waitUntil(() => deepQuery(el, selector), `${selector} not shown`);
  await settle(el);
}

/** Clicks `target`, waits until `result` shows, and checks that all the workspace shows is inert. */
async function visit(el: LiveChatWorkspace, target: string, result: string, where: string) {
  await click(el, target);
  await shown(el, result);
  expectInert(el, where);
}

/** Types `text` into the search field and waits until `result` shows. */
async function search(el: LiveChatWorkspace, text: string, result: string): Promise<void> {
  const input = deepQuery<HTMLInputElement>(el, '[role="combobox"]')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await shown(el, result);
}

/** The text of every message shown in the workspace's conversation. */
const messageTexts = (el: LiveChatWorkspace) =>
  deepQueryAll(el.shadowRoot!, 'live-chat-conversation').flatMap((conversation) =>
    deepQueryAll(conversation.shadowRoot!, '[part~="text"]'),
  );

describe('hostile data in every field, rendered in every pane', function () {
  this.timeout(60_000);
  let world: HostileWorld;
  let client: LiveChatClient;

  before(armTripwire);

  beforeEach(async () => {
    world = hostileWorld();
    client = await annaOn(world);
  });

  it('the menu, both live chats and every row of the queue', async () => {
    const el = await workspaceOn(client);
    await shown(el, '[role="option"]');
    const listbox = deepQuery(el, '[role="listbox"][part~="listbox"]')!;
    const seen = new Set<string>();
    // The list renders the rows in view: scroll it through, checking every window.
    for (let top = 0; top < listbox.scrollHeight; top += listbox.clientHeight) {
      listbox.scrollTop = top;
      for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
      await settle(el);
      expectInert(el, `the queue at ${top}px`);
      for (const row of deepQueryAll(el.shadowRoot!, '[role="option"]')) {
        seen.add(row.getAttribute('data-session-id')!);
      }
    }
    // Every queued session was a row: all but Anna's own, the closed one and the one sent to
    // her (the one sent to her group is queued for it).
    expect(seen.size).to.equal(world.sessions.length - world.conversations.length - 2);
    await click(el, '[data-live-chat-id="lc-support"][data-group="mine"]');
    expectInert(el, 'my sessions');
    await click(el, '[data-live-chat-id="lc-sales"][data-group="queue"]');
    expectInert(el, 'the other live chat');
  });

  it('each conversation, with its About pane, binders, actions and dialogs', async () => {
    const el = await workspaceOn(client);
    for (const sessionId of world.conversations) {
      el.sessionId = sessionId;
      await shown(el, '[part~="composer-input"]');
      await shown(el, '[part~="reassign-select"]');
      const messages = world.backend.messagesOf(sessionId).map((message) => message.text);
      await waitUntil(() => messageTexts(el).length >= messages.length, 'every message shown');
      expectInert(el, `session ${sessionId}`);
      expectShownAsText(el, messages, `session ${sessionId}`);
    }
    // The host's parts: records found by a binder, an action's answer, the Close dialog.
    await click(el, '[part~="bind-button"]');
    await shown(el, '[part~="record-option"]');
    await click(el, '[part~="record-option"]');
    await click(el, '[part~="actions-button"]');
    await click(el, '[part~="action"]');
    await waitUntil(
      () => deepQuery(el, '[part~="feedback"][role="status"]'),
      'the action answered',
    );
    await visit(el, '[part~="close-button"]', 'dialog[open]', 'binders, actions, Close dialog');
  });

  it('the activity stream, search and both reports', async () => {
    const el = await workspaceOn(client);
    await visit(el, '#tab-activity', '[part~="entry"]', 'the activity stream');
    for (const query of ['script', 'img', 'java']) {
      await search(el, query, '[part~="hit"]');
      expectInert(el, `search for ${query}`);
    }
    el.sessionId = world.conversations[0];
    await shown(el, '[part~="composer-input"]');
    await search(el, 'onerror', '[part~="hit"][data-message-id]');
    expectInert(el, 'search in a session');
    await visit(el, '[part~="reports"]', '[part~="operators-table"]', 'operators’ performance');
    await visit(el, '#tab-live-chat-performance', '[part~="chart"]', 'live chat performance');
  });

  it('the New Session dialog lists every customer as text', async () => {
    const el = await workspaceOn(client);
    await visit(el, '[part~="new-session"]', 'dialog[open] [part~="customer"]', 'New Session');
    expectShownAsText(el, ALL.slice(0, 20), 'the customer picker');
  });

  it('the parts of the About pane on their own, for every session at once', async () => {
    const el = await fixture<HTMLDivElement>(
      html`<div>
        ${world.sessions.map(
          (sessionId) =>
            html`<live-chat-customer-card
                .client=${client}
                session-id=${sessionId}
              ></live-chat-customer-card>
              <live-chat-session-header
                .client=${client}
                session-id=${sessionId}
              ></live-chat-session-header>`,
        )}
      </div>`,
    );
    await waitUntil(
      () => deepQueryAll(el, '[part~="customer-name"]').length === world.sessions.length,
      'every customer card shown',
    );
    await settle(el);
    expectInert(el, 'customer cards and session headers');
    expectShownAsText(el, ALL, 'customer cards');
  });

  it('desktop notifications and the page title get plain text', async () => {
    const fake = fakeEnvironment();
    fake.storage.setItem(
      ALERT_SETTINGS_STORAGE_KEY,
      JSON.stringify({ sound: false, desktop: true, titleBadge: true }),
    );
    fake.document.title = 'Support desk';
    fake.document.setAttended(false, fake.window);
    const controller = new AlertsController(null as never, { environment: fake.environment });
    controller.setClient(client);
    controller.connect();
    afterThisTest(() => controller.disconnect());
    const customer = world.backend.getSession(world.sessions.at(-1)!)!.customerId;
    const payload = ALL.find((text) => text.startsWith('<img'))!;
    const written = world.backend.customerWrites({
      customerId: customer,
      liveChatId: 'lc-support',
      channel: 'telegram',
      text: payload,
    });
    expect(written.ok).to.equal(true);
    await waitUntil(() => fake.notifications.shown.length > 0, 'a notification');
    const [notification] = fake.notifications.shown;
    expect(typeof notification!.title).to.equal('string');
    expect(notification!.options!.body).to.equal(payload);
    expect(fake.document.title).to.equal('(1) Support desk');
    expect(tripped).to.deep.equal([]);
  });
});
