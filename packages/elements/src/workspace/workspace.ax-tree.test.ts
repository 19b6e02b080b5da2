/**
 * What a screen reader is told, read from Chromium's accessibility tree through the DevTools
 * protocol: the counters with what they count, the list rows, the menu entries, the skip links
 * with their shortcuts, the dialogs.
 */
import { mountWorkspacePage } from '../../../../docs/examples/accessibility/workspace-page.js';
import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect } from '@open-wc/testing';
import { CHANNEL_LABELS } from '@live-chat/core';
import { SEED_LIVE_CHATS } from '@live-chat/adapters';
import { accessibilityTree, axEntry, axNames } from '../test/cdp.js';
import { deepQueryAll } from '../test/deep-query.js';
import {
  clickInWorkspace,
  openMySession,
  openWorkspacePage,
  type WorkspacePage,
} from '../test/workspace-page.js';
import { waitUntil } from '../test/seeded-client.js';

/** "1 thing" / "2 things": English plurals of the counters' and the menu's names. */
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The names the counters must have, per language, for a figure. */
const COUNTER_NAMES = {
  en: {
    unread: (n: number) =>
      n === 0
        ? 'No unread messages in my sessions'
        : `${plural(n, 'unread message', 'unread messages')} in my sessions`,
    unassigned: (n: number) =>
      n === 0
        ? 'No new sessions in my queues'
        : `${plural(n, 'new session', 'new sessions')} in my queues`,
  },
  ru: {
    unread: (n: number) => new RegExp(`^(Нет|${n}) непрочитанн\\S+ сообщени\\S* в моих сессиях$`),
    unassigned: (n: number) => new RegExp(`^(Нет|${n}) нов\\S+ сесси\\S* в моих очередях$`),
  },
} as const;

describe('<live-chat-workspace> in the accessibility tree', function () {
  this.timeout(30_000);

  for (const locale of ['en', 'ru'] as const) {
    it(`names both counters with what they count (${locale})`, async () => {
      const page = await openWorkspacePage(mountWorkspacePage, { locale });
      const { unreadInMySessions, newUnassigned } = page.client.counters;
      expect(newUnassigned, 'the seed has sessions waiting').to.be.greaterThan(0);
      const names = COUNTER_NAMES[locale];
      // The red counter is text in the title region; the blue one a button.
      const texts = (await accessibilityTree())
        .filter((entry) => entry.role === 'StaticText')
        .map((entry) => entry.name);
      expectOneMatching(texts, names.unread(unreadInMySessions));
      expectOneMatching(await axNames('button'), names.unassigned(newUnassigned));
    });
  }

  it('describes the blue counter by what it does, and names the skip links with their shortcuts', async () => {
    await openWorkspacePage(mountWorkspacePage);
    const counter = (await accessibilityTree()).find(
      (entry) => entry.role === 'button' && entry.name.endsWith('new sessions in my queues'),
    )!;
    expect(counter.description).to.equal('Opens the oldest session waiting in your queues');
    const skip = await axEntry('button', 'Skip to new sessions');
    expect(skip.properties['keyshortcuts']).to.equal('Alt+Shift+N');
    expect(await axNames('button', /^Skip to/)).to.deep.equal([
      'Skip to new sessions',
      'Skip to the session list',
      'Skip to the conversation',
    ]);
  });

  it('names each session row by its channel, customer and unread count', async () => {
    const page = await openWorkspacePage(mountWorkspacePage);
    const rows = rowsOf(page);
    expect(rows.length, 'rows shown').to.be.greaterThan(1);
    const options = await axNames('option');
    for (const { sessionId, channel, customer, unread } of rows) {
      const name = options.find((option) => option.startsWith(`${channel} ${customer} `));
      expect(name, `row of ${sessionId}`).to.be.a('string');
      if (unread > 0) expect(name).to.match(new RegExp(`${unread} unread messages?$`));
      expect(name).to.not.match(/ ,|\s{2}/);
    }
  });

  it('names each menu entry once, by its group and size', async () => {
    const page = await openWorkspacePage(mountWorkspacePage);
    const sizes = page.client.counters.groups[SEED_LIVE_CHATS.support]!;
    const expected = [
      `Closed, ${plural(sizes.closed, 'session', 'sessions')}`,
      `Queue, ${plural(sizes.queue, 'session', 'sessions')}`,
      `My sessions, ${plural(sizes.mine, 'session', 'sessions')}`,
    ];
    const entries = await axNames('button', /^(Active|Closed|Queue|My sessions),/);
    expect(entries).to.include.members(expected);
    for (const name of entries) expect(name).to.not.match(/ ,|\d+ \d+/);
    const settings = await axEntry('button', 'Alert settings');
    expect(settings.description, 'the bell’s description').to.not.equal(settings.name);
  });

  it('names the dialogs, and hides the page behind a modal one', async () => {
    const page = await openWorkspacePage(mountWorkspacePage);
    await clickInWorkspace(page, '[part~="settings-button"]');
    expect((await axEntry('dialog', 'Alert settings')).role).to.equal('dialog');
    closeSettings(page);

    await clickInWorkspace(page, '[part~="new-session"]');
    await waitUntil(
      () => deepQueryAll(page.el.shadowRoot!, 'dialog[open]').length,
      'New Session not open',
    );
    await axEntry('dialog', 'New session in Customer Support');
    await clickInWorkspace(page, '[part~="cancel"]');

    await openMySession(page);
    await clickInWorkspace(page, '[part~="close-button"]');
    const close = await axEntry('dialog', 'Close this session?');
    expect(close.description).to.match(/^The conversation ends/);
    expect(close.properties['modal']).to.equal(true);
    // Behind the modal dialog, nothing of the workspace is in the tree.
    expect(await axNames('main')).to.deep.equal([]);
  });
});

/** Exactly one of `names` is `expected` (a string), or matches it (a pattern). */
function expectOneMatching(names: string[], expected: string | RegExp): void {
  const matching = names.filter((name) =>
    typeof expected === 'string' ? name === expected : expected.test(name),
  );
  expect(matching, `${String(expected)} among ${JSON.stringify(names)}`).to.have.length(1);
}

/** Closes the alert settings popover. */
function closeSettings(page: WorkspacePage): void {
  deepQueryAll(page.el.shadowRoot!, '#settings')[0]!.hidePopover();
}

/** The rows the session list shows, with what their names must say. */
function rowsOf(page: WorkspacePage) {
  const rows = deepQueryAll(page.el.shadowRoot!, '[role="option"][data-session-id]');
  return rows.map((row) => {
    const sessionId = row.dataset['sessionId']!;
    const view = page.client.getSession(sessionId)!;
    return {
      sessionId,
      channel: CHANNEL_LABELS[view.session.channel],
      customer: view.customer?.name ?? view.session.name,
      unread: view.unread,
    };
  });
}
