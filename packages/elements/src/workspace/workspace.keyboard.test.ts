/**
 * The daily work from the keyboard alone: how many Tab stops lie between the operator and each
 * daily action, counted with real key presses. Each path has a budget; a change that makes a
 * path longer fails here (docs/accessibility.md lists the same numbers).
 */
import { mountWorkspacePage } from '../../../../docs/examples/accessibility/workspace-page.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepFocused, deepQuery } from '../test/deep-query.js';
import { pressKeys, tabsTo } from '../test/keyboard.js';
import { waitUntil } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import {
  inWorkspace,
  openMySession,
  openWorkspacePage,
  type WorkspacePage,
} from '../test/workspace-page.js';

/** A daily action: where the keyboard starts, where the action is, and the most Tabs allowed. */
interface DailyPath {
  action: string;
  /** Brings the page to where the path starts (after page load by default). */
  start?: (page: WorkspacePage) => Promise<unknown>;
  /** What has focus when the action is one key away. */
  target: string;
  backwards?: boolean;
  budget: number;
}

/** Opens operator A's session and puts focus in its reply field, where opening it leaves it. */
async function inReplyField(page: WorkspacePage): Promise<void> {
  await openMySession(page);
  inWorkspace(page, '[part~="composer-input"]').focus();
}

const DAILY_PATHS: readonly DailyPath[] = [
  {
    action: 'open the oldest waiting session, from page load',
    target: '[data-skip="counter"]',
    budget: 1,
  },
  {
    action: 'reply in the open session, from page load',
    start: openMySession,
    target: '[data-skip="reply"]',
    budget: 2,
  },
  {
    action: 'close the session, from its reply field',
    start: inReplyField,
    target: '[part~="close-button"]',
    backwards: true,
    budget: 2,
  },
  {
    action: 'reassign the session, from its reply field',
    start: inReplyField,
    target: '[part~="reassign-select"]',
    // Send, the Reply / Note switch, Attach files, then the About pane; Alt+Shift+E goes there
    // directly.
    budget: 6,
  },
];

const focusedPart = () => deepFocused()?.getAttribute('part') ?? '';

describe('<live-chat-workspace> from the keyboard', function () {
  this.timeout(30_000);

  for (const path of DAILY_PATHS) {
    it(`${path.action}: at most ${path.budget} Tab stop(s)`, async () => {
      const page = await openWorkspacePage(mountWorkspacePage);
      await path.start?.(page);
      const presses = await tabsTo(() => deepQuery(page.el, path.target), path);
      expect(presses).to.be.at.most(path.budget);
    });
  }

  it('the counter’s skip link leads to the counter, which opens the oldest session in its reply field and says which', async () => {
    const page = await openWorkspacePage(mountWorkspacePage);
    const oldest = page.client.oldestQueued()!;
    await tabsTo(() => inWorkspace(page, '[data-skip="counter"]'));
    await sendKeys({ press: 'Enter' });
    await settle(page.el);
    const counter = inWorkspace(page, 'live-chat-counter[kind="unassigned"]');
    expect(deepFocused()).to.equal(counter.shadowRoot!.querySelector('button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedPart() === 'composer-input', 'focus not in the reply field');
    expect(page.el.sessionId).to.equal(oldest.session.id);
    const announcement = page.el.shadowRoot!.querySelector('.workspace > [role="status"]')!;
    await waitUntil(
      () => announcement.textContent!.trim() === `Opened session ${oldest.session.name}`,
      'opened session not announced',
    );
  });

  it('the reply skip link leads to the reply field, where Enter sends', async () => {
    const page = await openWorkspacePage(mountWorkspacePage);
    const sessionId = await openMySession(page);
    await tabsTo(() => inWorkspace(page, '[data-skip="reply"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedPart() === 'composer-input', 'focus not in the reply field');
    await sendKeys({ type: 'On my way' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => page.client.getSession(sessionId)?.session.lastMessagePreview === 'On my way',
      'reply not sent',
    );
  });

  it('the Close session dialog keeps Tab inside, and Escape returns to Close session', async () => {
    const page = await openWorkspacePage(mountWorkspacePage);
    await inReplyField(page);
    await tabsTo(() => inWorkspace(page, '[part~="close-button"]'), { backwards: true });
    await sendKeys({ press: 'Enter' });
    await settle(page.el);
    const cancel = inWorkspace(page, '[data-dialog-cancel]');
    const confirm = inWorkspace(page, '[data-dialog-confirm]');
    expect(deepFocused(), 'the safe choice first').to.equal(cancel);
    for (const [key, expected] of [
      ['Tab', confirm],
      ['Tab', cancel],
      ['Shift+Tab', confirm],
      ['Shift+Tab', cancel],
    ] as const) {
      await pressKeys(key);
      expect(deepFocused(), key).to.equal(expected);
    }
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusedPart() === 'close-button', 'focus not back on Close session');
  });

  const SHORTCUTS = [
    { keys: 'Alt+Shift+N', part: 'base' },
    { keys: 'Alt+Shift+R', part: 'composer-input' },
    { keys: 'Alt+Shift+L', part: 'option option-selected' },
    { keys: 'Alt+Shift+C', part: 'main' },
  ] as const;

  it('goes to the counter, the reply, the list and the conversation with Alt+Shift+N, R, L and C from anywhere', async () => {
    const page = await openWorkspacePage(mountWorkspacePage);
    await inReplyField(page);
    for (const { keys, part } of SHORTCUTS) {
      await pressKeys(keys);
      await waitUntil(() => focusedPart() === part, `${keys} went to “${focusedPart()}”`);
    }
  });
});
