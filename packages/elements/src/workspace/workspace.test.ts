import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveChatClient } from '@live-chat/core';
import { SEED_LIVE_CHATS } from '@live-chat/adapters';
import { sessionOpenEvent } from '../events/session-open.js';
import { countingClient, type CountingClient } from '../test/counting-client.js';
import {
  connectClient,
  frozenBackend,
  waitUntil,
  type Adapter,
  type ClientSetup,
} from '../test/seeded-client.js';
import { deepFocused } from '../test/deep-query.js';
import { settle } from '../test/settle.js';
import { testForLeaks } from '../test/test-for-leaks.js';
import { mySessionId } from '../test/workspace-page.js';
import type { LiveChatWorkspace } from './workspace.js';
import './workspace.js';

/** The shared seed, frozen in time, and a ready client of operator A. */
async function setup(client: ClientSetup = {}) {
  const backend = frozenBackend();
  return { backend, ...(await connectClient(backend, client)) };
}

async function mount(
  client: LiveChatClient | undefined,
  width = 1280,
  height = 800,
): Promise<LiveChatWorkspace> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width:${width}px;height:${height}px">
      <live-chat-workspace .client=${client}></live-chat-workspace>
    </div>`,
  );
  const el = wrapper.querySelector('live-chat-workspace')!;
  await waitUntil(
    () => el.getAttribute('layout') === (width < 640 ? 'narrow' : width < 1024 ? 'medium' : 'wide'),
    'layout never measured',
  );
  await settle(el);
  return el;
}

const $ = <T extends Element = HTMLElement>(el: LiveChatWorkspace, selector: string): T =>
  el.shadowRoot!.querySelector(selector) as T;
const isShown = (node: Element | null) =>
  Boolean(
    node &&
    (node as HTMLElement).offsetParent !== null &&
    getComputedStyle(node).display !== 'none',
  );

describe('<live-chat-workspace>', () => {
  it('explains how to provide a client when none is set', async () => {
    const el = await mount(undefined);
    const notice = $(el, '[role="alert"]');
    expect(notice.textContent).to.contain('No client connected');
    expect(notice.textContent).to.contain('createLiveChatClient');
    await expect(el).to.be.accessible();
  });

  it('lays out the regions with landmarks: search, navigation, main, complementary', async () => {
    const current = await setup();
    const el = await mount(current.client);
    expect($(el, '[role="search"] live-chat-search')).to.not.equal(null);
    expect($(el, 'live-chat-navigation')!.shadowRoot!.querySelector('nav')).to.not.equal(null);
    expect($(el, 'main#main')).to.not.equal(null);
    expect($(el, 'aside')!.getAttribute('aria-label')).to.equal('Session details and activity');
    expect($(el, '.title live-chat-counter[kind="unread"]')).to.not.equal(null);
    expect($(el, '[part="counters"] live-chat-counter[kind="unassigned"]')).to.not.equal(null);
    expect($(el, 'live-chat-connection-status')).to.not.equal(null);
    expect($(el, '#settings live-chat-alert-settings')).to.not.equal(null);
    // All three panes side by side.
    expect(isShown($(el, '.sidebar'))).to.equal(true);
    expect(isShown($(el, 'main'))).to.equal(true);
    expect(isShown($(el, 'aside'))).to.equal(true);
    expect(isShown($(el, '.about-toggle'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says visibly whose workspace it is when the host labels it (several on one page)', async () => {
    const current = await setup();
    const el = await mount(current.client);
    expect($(el, '.title-label'), 'no label: nothing shown').to.equal(null);
    el.label = 'Anna \u202EKowalski';
    await el.updateComplete;
    const shown = $(el, '.title-label')!;
    expect(shown.textContent!.trim()).to.equal('Anna \u202EKowalski');
    expect(shown.querySelector('bdi'), 'isolated from the title').to.not.equal(null);
  });

  it('selects the first live chat’s Queue and shows its session list', async () => {
    const current = await setup();
    const el = await mount(current.client);
    expect(el.view).to.equal('group');
    expect(el.liveChatId).to.equal(SEED_LIVE_CHATS.support);
    expect(el.group).to.equal('queue');
    const list = $(el, '.list-pane live-chat-session-list')!;
    expect(list.getAttribute('group')).to.equal('queue');
    expect($(el, '#list-title').textContent).to.contain('Queue — Customer Support');
    const queue = $(el, 'live-chat-navigation')!.shadowRoot!.querySelector(
      '[aria-current="page"]',
    )!;
    expect(queue.getAttribute('data-group')).to.equal('queue');
  });

  it('opens a session on live-chat-session-open: conversation, about pane, search scope and menu follow', async () => {
    const current = await setup();
    const el = await mount(current.client);
    const sessionId = mySessionId(current.backend);
    const changed = oneEvent(el, 'live-chat-session-changed');
    const deprecated = oneEvent(el, 'live-chat-session-change');
    $(el, 'live-chat-session-list')!.dispatchEvent(
      sessionOpenEvent({ sessionId, messageId: 'm-1' }),
    );
    expect((await changed).detail).to.deep.equal({ sessionId });
    // The former name still fires, with the same detail, for one release.
    expect((await deprecated).detail).to.deep.equal({ sessionId });
    await settle(el);
    expect(el.sessionId).to.equal(sessionId);
    expect($(el, 'live-chat-conversation')!.getAttribute('session-id')).to.equal(sessionId);
    expect($(el, 'live-chat-conversation')!.getAttribute('highlight-message-id')).to.equal('m-1');
    expect($(el, 'live-chat-about-session')!.getAttribute('session-id')).to.equal(sessionId);
    expect($(el, 'live-chat-search')!.getAttribute('session-id')).to.equal(sessionId);
    // The session is mine: the menu moves to My sessions.
    expect(el.group).to.equal('mine');
    expect($(el, 'live-chat-session-list')!.getAttribute('selected-session-id')).to.equal(
      sessionId,
    );
    expect($(el, '#tab-about')!.getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('opens the session a user clicks in the list', async () => {
    const current = await setup();
    const el = await mount(current.client);
    const list = $(el, 'live-chat-session-list')!;
    await waitUntil(() => list.shadowRoot!.querySelector('[role="option"]'), 'queue is empty');
    const option = list.shadowRoot!.querySelector<HTMLElement>('[role="option"]')!;
    const changed = oneEvent(el, 'live-chat-session-changed');
    option.click();
    const { detail } = await changed;
    expect(detail.sessionId).to.be.a('string');
    await settle(el);
    expect($(el, 'live-chat-conversation')!.getAttribute('session-id')).to.equal(detail.sessionId);
  });

  it('takes a session id from the host without firing live-chat-session-changed', async () => {
    const current = await setup();
    const el = await mount(current.client);
    let fired = 0;
    el.addEventListener('live-chat-session-changed', () => fired++);
    el.addEventListener('live-chat-session-change', () => fired++);
    el.sessionId = mySessionId(current.backend);
    await settle(el);
    expect($(el, 'live-chat-conversation')!.getAttribute('session-id')).to.equal(el.sessionId);
    expect(fired).to.equal(0);
  });

  it('shows the reports in the centre when Reports is chosen', async () => {
    const current = await setup();
    const el = await mount(current.client);
    $(el, 'live-chat-navigation')!
      .shadowRoot!.querySelector<HTMLButtonElement>('[part~="reports"]')!
      .click();
    await settle(el);
    expect(el.view).to.equal('reports');
    expect($(el, 'main live-chat-reports')).to.not.equal(null);
    expect($(el, 'main')!.getAttribute('aria-label')).to.equal('Reports');
    expect(isShown($(el, '.list-pane'))).to.equal(false);
  });

  it('switches language at run time for itself and every component inside', async () => {
    const current = await setup();
    const el = await mount(current.client);
    el.locale = 'ru';
    await settle(el);
    expect($(el, '.title-text').textContent).to.equal('Лайв-чаты');
    const nav = $(el, 'live-chat-navigation')!;
    expect(nav.getAttribute('locale')).to.equal('ru');
    expect(nav.shadowRoot!.querySelector('[part~="reports"]')!.textContent!.trim()).to.equal(
      'Отчёты',
    );
    expect($(el, '#tab-activity')!.textContent!.trim()).to.equal('Лента событий');
  });

  it('passes the theme to every built-in component', async () => {
    const current = await setup();
    const el = await mount(current.client);
    el.theme = 'dark';
    await settle(el);
    for (const tag of [
      'live-chat-navigation',
      'live-chat-search',
      'live-chat-session-list',
      'live-chat-activity',
      'live-chat-counter',
    ]) {
      expect($(el, tag)!.getAttribute('theme'), tag).to.equal('dark');
    }
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(21, 24, 30)');
    await expect(el).to.be.accessible();
  });

  it('lets the host replace a region through its slot', async () => {
    const current = await setup();
    const el = await mount(current.client);
    expect($(el, 'live-chat-activity')).to.not.equal(null);
    const mine = document.createElement('div');
    mine.slot = 'activity';
    mine.textContent = 'Host activity';
    el.append(mine);
    await waitUntil(() => !$(el, 'live-chat-activity'), 'built-in activity still there');
    expect($<HTMLSlotElement>(el, 'slot[name="activity"]').assignedElements()).to.deep.equal([
      mine,
    ]);
    mine.remove();
    await waitUntil(() => $(el, 'live-chat-activity'), 'built-in activity not restored');
  });

  it('never creates the built-in component of a slot the host filled from the start', async () => {
    const { backend, client } = await setup();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width:1280px;height:800px"></div>`,
    );
    const el = document.createElement('live-chat-workspace');
    el.client = client;
    el.sessionId = mySessionId(backend);
    const hostPart = (slot: string, text: string) =>
      Object.assign(document.createElement('div'), { slot, textContent: text });
    el.append(hostPart('about', 'Host about pane'), hostPart('counters', 'Host counters'));
    wrapper.append(el);
    // The shadow tree exists once connected and is rendered later: watch it from the start.
    const added: Node[] = [];
    const watcher = new MutationObserver((records) =>
      records.forEach((record) => added.push(...record.addedNodes)),
    );
    watcher.observe(el.shadowRoot!, { childList: true, subtree: true });
    await settle(el);
    watcher.disconnect();
    const builtIn = added.filter(
      (node) =>
        node instanceof Element &&
        (node.matches('live-chat-about-session') || node.querySelector('live-chat-about-session')),
    );
    expect(builtIn, 'built-in about panes added').to.have.length(0);
    expect($(el, 'live-chat-about-session')).to.equal(null);
    expect($(el, '[part="counters"] live-chat-counter')).to.equal(null);
    expect(
      $<HTMLSlotElement>(el, 'slot[name="about"]').assignedElements()[0]!.textContent,
    ).to.equal('Host about pane');
  });

  it('has skip links to the counter, the list and the main pane, each with its shortcut', async () => {
    const current = await setup();
    const el = await mount(current.client);
    const skips = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.skip-link')];
    expect(skips.map((skip) => [skip.dataset['skip'], skip.ariaKeyShortcuts])).to.deep.equal([
      ['counter', 'Alt+Shift+N'],
      ['list', 'Alt+Shift+L'],
      ['conversation', 'Alt+Shift+C'],
    ]);
    const main = $<HTMLButtonElement>(el, '[data-skip="conversation"]');
    expect(main.textContent!.trim()).to.equal('Skip to the conversationAlt+Shift+C');
    main.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'main'));
  });

  it('opens the alert settings from the bell button', async () => {
    const current = await setup();
    const el = await mount(current.client);
    const gear = $<HTMLButtonElement>(el, '[part="settings-button"]');
    // Named by its tooltip alone, so that its description does not repeat the name.
    expect(gear.title).to.equal('Alert settings');
    expect(gear.hasAttribute('aria-label')).to.equal(false);
    gear.click();
    expect($(el, '#settings')!.matches(':popover-open')).to.equal(true);
    await expect(el).to.be.accessible();
    $<HTMLElement>(el, '#settings').hidePopover();
  });

  it('subscribes its alerts controller to the client unless no-alerts is set', async () => {
    const counting = countingClient((await setup()).client);
    const el = await mount(counting.client);
    expect(counting.active('alerts$')).to.equal(1);
    el.noAlerts = true;
    await el.updateComplete;
    expect(counting.active('alerts$')).to.equal(0);
  });

  describe('medium width', () => {
    it('turns the about pane into a drawer opened with a toggle and closed with Escape', async () => {
      const current = await setup();
      const el = await mount(current.client, 800);
      el.sessionId = mySessionId(current.backend);
      await settle(el);
      expect(isShown($(el, 'aside'))).to.equal(false);
      const toggle = $<HTMLButtonElement>(el, '.about-toggle');
      expect(isShown(toggle)).to.equal(true);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await settle(el);
      expect(isShown($(el, 'aside'))).to.equal(true);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#tab-about'));
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(isShown($(el, 'aside'))).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(toggle);
    });
  });

  describe('360 px wide: a stack of panes', () => {
    it('shows one pane at a time, moves focus to it, and goes back with the back buttons', async () => {
      const current = await setup();
      const el = await mount(current.client, 360, 640);
      expect(el.currentLayout).to.equal('narrow');
      expect(el.getBoundingClientRect().width).to.equal(360);
      // Starts on the selected group's list.
      expect(isShown($(el, '.list-pane'))).to.equal(true);
      expect(isShown($(el, '.menu-pane'))).to.equal(false);
      expect(isShown($(el, 'main'))).to.equal(false);
      expect(isShown($(el, 'aside'))).to.equal(false);
      await expect(el).to.be.accessible();

      // list → menu
      $<HTMLButtonElement>(el, '.list-pane .back').click();
      await settle(el);
      expect(isShown($(el, '.menu-pane'))).to.equal(true);
      expect(isShown($(el, '.list-pane'))).to.equal(false);
      expect(deepFocused()?.getAttribute('data-group')).to.equal('queue');

      // menu → list (My sessions)
      const nav = $(el, 'live-chat-navigation')!;
      nav.shadowRoot!.querySelector<HTMLButtonElement>('[data-group="mine"]')!.click();
      await settle(el);
      expect(isShown($(el, '.list-pane'))).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#list-title'));
      expect($(el, '#list-title').textContent).to.contain('My sessions');

      // list → conversation
      const list = $(el, 'live-chat-session-list')!;
      await waitUntil(
        () => list.shadowRoot!.querySelector('[role="option"]'),
        'no session of mine',
      );
      list.shadowRoot!.querySelector<HTMLElement>('[role="option"]')!.click();
      await settle(el);
      expect(isShown($(el, 'main'))).to.equal(true);
      expect(isShown($(el, '.sidebar'))).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'main'));
      expect($(el, 'main').getBoundingClientRect().width).to.be.at.most(360);
      await expect(el).to.be.accessible();

      // conversation → about
      $<HTMLButtonElement>(el, '.about-toggle').click();
      await settle(el);
      expect(isShown($(el, 'aside'))).to.equal(true);
      expect(isShown($(el, 'main'))).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#tab-about'));

      // about → conversation → list
      $<HTMLButtonElement>(el, 'aside .back').click();
      await settle(el);
      expect(isShown($(el, 'main'))).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.about-toggle'));
      $<HTMLButtonElement>(el, 'main .back').click();
      await settle(el);
      expect(isShown($(el, '.list-pane'))).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#list-title'));
    });

    it('keeps every pane within 360 px', async () => {
      const current = await setup();
      const el = await mount(current.client, 360, 640);
      for (const pane of ['menu', 'list', 'conversation', 'about'] as const) {
        el.showPane(pane);
        await settle(el);
        expect(el.shadowRoot!.querySelector('.workspace')!.scrollWidth, pane).to.be.at.most(360);
      }
    });
  });

  it('leaves no subscription or global listener behind after being mounted and removed 50 times', async function () {
    this.timeout(180_000);
    let adapter!: CountingClient<Adapter>;
    const { backend, client } = await setup({
      wrapAdapter: (real) => (adapter = countingClient(real)).client,
    });
    const sessionId = mySessionId(backend);
    expect(adapter.active()).to.be.greaterThan(0);
    const report = await testForLeaks(
      // Every other round with a session open, so the conversation and about panes mount too.
      ({ client, round }) =>
        html`<live-chat-workspace
          .client=${client}
          .sessionId=${round % 2 === 0 ? sessionId : undefined}
        ></live-chat-workspace>`,
      {
        client,
        hostStyle: 'width:1280px;height:800px',
        counters: { 'adapter subscriptions': () => adapter.active() },
      },
    );
    // The loop measured something: mounted workspaces did subscribe and listen.
    expect(report.peakSubscriptions).to.be.greaterThan(5);
    expect(report.peakListeners).to.be.greaterThan(0);
    client.dispose();
    expect(adapter.active()).to.equal(0);
  });
});
