import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import { SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { LiveChatNavigation } from './navigation.js';
import './index.js'; // the entry, as a host imports it (it says where New Session's code is)
import { FORCED_COLORS, whileMatching } from '../test/cdp.js';
import { connectClient, frozenBackend, waitUntil } from '../test/seeded-client.js';
import { testForLeaks } from '../test/test-for-leaks.js';

/** A ready client of `userId` on the shared seed, frozen in time. */
const client = async (userId: string): Promise<LiveChatClient> =>
  (await connectClient(frozenBackend(), { userId })).client;

async function mount(client: LiveChatClient | undefined): Promise<LiveChatNavigation> {
  const el = await fixture<LiveChatNavigation>(
    html`<live-chat-navigation .client=${client}></live-chat-navigation>`,
  );
  await waitUntil(
    () => !client || el.shadowRoot!.querySelector('section'),
    'live chats never rendered',
  );
  return el;
}

function groupButtons(el: LiveChatNavigation, liveChatId: string): HTMLButtonElement[] {
  return [
    ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(
      `button[data-live-chat-id="${liveChatId}"]`,
    ),
  ];
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<live-chat-navigation>', () => {
  it('explains that a client is needed when none is set', async () => {
    const el = await mount(undefined);
    expect(text(el.shadowRoot!.querySelector('.note'))).to.contain('set the client property');
    await expect(el).to.be.accessible();
  });

  it('shows Reports and an operator’s live chats with Closed, Queue and My sessions but no Active', async () => {
    const el = await mount(await client(SEED_USERS.operatorA));
    const nav = el.shadowRoot!.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).to.equal('Live chats menu');
    expect(text(el.shadowRoot!.querySelector('[part~="reports"]'))).to.equal('Reports');
    const chats = [...el.shadowRoot!.querySelectorAll('[part="live-chat-name"]')].map(text);
    expect(chats).to.deep.equal(['Customer Support']);
    const groups = groupButtons(el, SEED_LIVE_CHATS.support).map((b) => b.dataset['group']);
    expect(groups).to.deep.equal(['closed', 'queue', 'mine']);
    await expect(el).to.be.accessible();
  });

  it('shows Active to a supervisor, for every live chat they supervise', async () => {
    const el = await mount(await client(SEED_USERS.supervisor));
    const chats = [...el.shadowRoot!.querySelectorAll('[part="live-chat-name"]')].map(text);
    expect(chats).to.deep.equal(['Customer Support', 'Website Help Desk']);
    expect(groupButtons(el, SEED_LIVE_CHATS.support).map((b) => b.dataset['group'])).to.deep.equal([
      'active',
      'closed',
      'queue',
      'mine',
    ]);
    expect(groupButtons(el, SEED_LIVE_CHATS.helpDesk)[0]?.dataset['group']).to.equal('active');
    await expect(el).to.be.accessible();
  });

  it('shows each group’s size from the counters, with an accessible name', async () => {
    const c = await client(SEED_USERS.supervisor);
    const el = await mount(c);
    const sizes = c.counters.groups[SEED_LIVE_CHATS.support]!;
    for (const button of groupButtons(el, SEED_LIVE_CHATS.support)) {
      const group = button.dataset['group'] as keyof typeof sizes;
      expect(text(button.querySelector('[part="group-size"]'))).to.equal(String(sizes[group]));
      // Named once, without a stray comma: "Closed, 4 sessions".
      expect(button.getAttribute('aria-label')).to.equal(
        `${text(button.querySelector('.name'))}, ${sizes[group]} session${sizes[group] === 1 ? '' : 's'}`,
      );
    }
  });

  it('marks the selected entry with a bar that forced colours keep', async () => {
    const el = await mount(await client(SEED_USERS.operatorA));
    el.selection = { view: 'group', liveChatId: SEED_LIVE_CHATS.support, group: 'queue' };
    await el.updateComplete;
    const bars = await whileMatching(FORCED_COLORS, async () =>
      groupButtons(el, SEED_LIVE_CHATS.support).map((button) => {
        const style = getComputedStyle(button);
        return `${button.dataset['group']} ${style.borderInlineStartStyle} ${style.borderInlineStartWidth}`;
      }),
    );
    expect(bars).to.deep.equal(['closed none 0px', 'queue solid 3px', 'mine none 0px']);
  });

  it('offers + New Session only where the live chat has a messenger or email channel', async () => {
    const el = await mount(await client(SEED_USERS.supervisor));
    const buttons = [...el.shadowRoot!.querySelectorAll('[part="new-session"]')];
    expect(buttons).to.have.length(1);
    expect(buttons[0]!.getAttribute('aria-label')).to.equal('New session in Customer Support');
    const helpDesk = el
      .shadowRoot!.querySelector(`#groups-${SEED_LIVE_CHATS.helpDesk}`)!
      .closest('section')!;
    expect(helpDesk.querySelector('[part="new-session"]')).to.equal(null);
  });

  it('opens the New Session dialog for its live chat', async () => {
    const el = await mount(await client(SEED_USERS.operatorA));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="new-session"]')!.click();
    const dialog = el.shadowRoot!.querySelector('live-chat-new-session')!;
    await waitUntil(() => dialog.open, 'dialog never opened');
    expect(dialog.liveChatId).to.equal(SEED_LIVE_CHATS.support);
    dialog.close();
  });

  it('selects a group: fires live-chat-navigate, marks it aria-current and shows its session list', async () => {
    const el = await mount(await client(SEED_USERS.operatorA));
    const queue = groupButtons(el, SEED_LIVE_CHATS.support).find(
      (b) => b.dataset['group'] === 'queue',
    )!;
    setTimeout(() => queue.click());
    const event = await oneEvent(el, 'live-chat-navigate');
    expect(event.detail).to.deep.equal({
      view: 'group',
      liveChatId: SEED_LIVE_CHATS.support,
      group: 'queue',
    });
    await el.updateComplete;
    expect(queue.getAttribute('aria-current')).to.equal('page');
    const list = el.shadowRoot!.querySelector('live-chat-session-list')!;
    expect(list.getAttribute('live-chat-id')).to.equal(SEED_LIVE_CHATS.support);
    expect(list.getAttribute('group')).to.equal('queue');
    await expect(el).to.be.accessible();
  });

  it('fires { view: "reports" } for Reports and keeps the list away with list-placement="none"', async () => {
    const el = await mount(await client(SEED_USERS.operatorA));
    el.listPlacement = 'none';
    el.selection = { view: 'group', liveChatId: SEED_LIVE_CHATS.support, group: 'mine' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('live-chat-session-list')).to.equal(null);
    const reports = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="reports"]')!;
    setTimeout(() => reports.click());
    const event = await oneEvent(el, 'live-chat-navigate');
    expect(event.detail).to.deep.equal({ view: 'reports' });
    await el.updateComplete;
    expect(reports.getAttribute('aria-current')).to.equal('page');
    expect(el.shadowRoot!.querySelectorAll('[aria-current]')).to.have.length(1);
  });

  it('moves between entries with the arrow keys, Home and End', async () => {
    const el = await mount(await client(SEED_USERS.operatorA));
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-nav-item]')];
    items[0]!.focus();
    const press = (key: string) =>
      el.shadowRoot!.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, composed: true }),
      );
    press('ArrowDown');
    expect(el.shadowRoot!.activeElement).to.equal(items[1]);
    press('End');
    expect(el.shadowRoot!.activeElement).to.equal(items[items.length - 1]);
    press('ArrowDown');
    expect(el.shadowRoot!.activeElement).to.equal(items[items.length - 1]);
    press('Home');
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
    press('ArrowUp');
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
  });

  it('folds a live chat’s groups with its heading button', async () => {
    const el = await mount(await client(SEED_USERS.operatorA));
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="live-chat-name"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(
      el.shadowRoot!.querySelector<HTMLElement>(`#groups-${SEED_LIVE_CHATS.support}`)!.hidden,
    ).to.equal(true);
  });

  it('switches language at run time', async () => {
    const el = await mount(await client(SEED_USERS.operatorA));
    el.locale = 'ru';
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part~="reports"]'))).to.equal('Отчёты');
    expect(
      groupButtons(el, SEED_LIVE_CHATS.support).map((b) => text(b.querySelector('.name'))),
    ).to.deep.equal(['Закрытые', 'Очередь', 'Мои сессии']);
  });

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    const selection = { view: 'group', liveChatId: SEED_LIVE_CHATS.support, group: 'queue' };
    await testForLeaks(
      ({ client }) =>
        html`<live-chat-navigation
          .client=${client}
          .selection=${selection}
        ></live-chat-navigation>`,
      { client: await client(SEED_USERS.supervisor) },
    );
  });
});
