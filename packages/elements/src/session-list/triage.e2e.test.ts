/**
 * End-to-end: triage as an operator does it in the full workspace on the in-memory backend:
 * tagging a session and filtering the queue by the tag, marking a session urgent, and watching
 * a customer's wait turn amber, then red. Customers write through the backend.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WaitingThresholds } from '@live-chat/core';
import {
  createSeedData,
  SEED_LIVE_CHATS,
  SEED_USERS,
  type MemoryBackend,
} from '@live-chat/adapters';
import type { LiveChatWorkspace } from '../workspace/workspace.js';
import { newSession } from '../test/customer-writes.js';
import { deepQuery, deepQueryAll } from '../test/deep-query.js';
import { connectClient, memoryBackend, waitUntil } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import '../workspace/workspace.js';

const SUPPORT = SEED_LIVE_CHATS.support;

/** The seed's people and live chats (Support's waiting thresholds set), with no history. */
function emptyWorld(thresholds?: WaitingThresholds): MemoryBackend {
  const { users, liveChats, groups, customers } = createSeedData({ now: Date.UTC(2026, 10, 20) });
  const support = liveChats.find((chat) => chat.id === SUPPORT)!;
  if (thresholds) support.waitingThresholds = thresholds;
  return memoryBackend({ users, liveChats, groups, customers });
}

/** Anna's workspace, in the wide layout, once her client is ready. */
async function annaSignsIn(backend: MemoryBackend): Promise<LiveChatWorkspace> {
  const { client } = await connectClient(backend, { userId: SEED_USERS.operatorA });
  const el = await fixture<LiveChatWorkspace>(
    html`<live-chat-workspace
      style="display:block;width:1280px;height:760px"
      no-alerts
      .client=${client}
    ></live-chat-workspace>`,
  );
  await settle(el);
  return el;
}

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const list = (el: LiveChatWorkspace) => deepQuery(el, '.list-pane live-chat-session-list')!;
const rowIds = (el: LiveChatWorkspace) =>
  deepQueryAll(list(el).shadowRoot!, '[role="option"]').map((row) => row.dataset['sessionId']);
const row = (el: LiveChatWorkspace, id: string) =>
  list(el).shadowRoot!.querySelector<HTMLElement>(`[data-session-id="${id}"]`);
/** A control of the About pane, once the pane (loaded on demand) has rendered it. */
function inAbout<T extends HTMLElement>(el: LiveChatWorkspace, selector: string): T | null {
  const about = deepQuery(el, 'live-chat-about-session');
  return about?.shadowRoot ? deepQuery<T>(about, selector) : null;
}

async function openFromQueue(el: LiveChatWorkspace, sessionId: string): Promise<void> {
  await waitUntil(() => row(el, sessionId), `${sessionId} in the queue`);
  row(el, sessionId)!.click();
  await waitUntil(() => el.sessionId === sessionId, 'opened');
  await settle(el);
}

describe('workspace end to end: triage', function () {
  this.timeout(30_000);

  it('tags: Anna tags a waiting session in About and filters the queue by the tag', async () => {
    const backend = emptyWorld();
    const billing = newSession(backend, ['I was charged twice'], { name: 'Bill Payer' }).id;
    const other = newSession(backend, ['Where is my parcel?'], { name: 'Paula Parcel' }).id;
    const el = await annaSignsIn(backend);
    await openFromQueue(el, billing);

    await waitUntil(() => inAbout(el, '[part~="edit-tags-button"]'), 'Edit tags');
    const edit = inAbout<HTMLButtonElement>(el, '[part~="edit-tags-button"]')!;
    edit.focus();
    await sendKeys({ press: 'Enter' }); // opens the editor, focus on Billing
    await settle(el);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => backend.getSession(billing)?.tags?.includes('tag-billing'), 'tagged');
    await waitUntil(
      () => text(row(el, billing)?.querySelector('[part~="tags"] [part~="tag"]')) === 'Billing',
      'the chip in the queue row',
    );

    const filter = deepQuery<HTMLSelectElement>(list(el), '[part="tag-filter"]')!;
    filter.value = 'tag-billing';
    filter.dispatchEvent(new Event('change'));
    await settle(el);
    expect(rowIds(el)).to.deep.equal([billing]);
    expect(row(el, other)).to.equal(null);
    expect(text(deepQuery(list(el), '[part="filter-count"]'))).to.equal('1 of 2');
  });

  it('urgent: Anna marks the newer session urgent; it goes first and the blue counter opens it', async () => {
    const backend = emptyWorld();
    const older = newSession(backend, ['First in line'], { name: 'Oldest Owen' }).id;
    const newer = newSession(backend, ['My site is down!'], { name: 'Urgent Uma' }).id;
    const el = await annaSignsIn(backend);
    await waitUntil(() => rowIds(el).length === 2, 'both queued');
    expect(rowIds(el)).to.deep.equal([older, newer]);
    await openFromQueue(el, newer);

    await waitUntil(() => inAbout(el, '[part~="urgent-button"]'), 'Mark urgent');
    const button = inAbout<HTMLButtonElement>(el, '[part~="urgent-button"]')!;
    expect(text(button)).to.equal('Mark urgent');
    button.click();
    await waitUntil(() => rowIds(el)[0] === newer, 'the urgent session first');
    expect(text(row(el, newer)!.querySelector('[part~="urgent"]'))).to.equal('Urgent,');
    expect(text(button)).to.equal('Not urgent');

    // Away from it, the blue counter opens the urgent session before the older one.
    await openFromQueue(el, older);
    const blueCounter = deepQuery(el, '[part="counters"] live-chat-counter')!;
    blueCounter.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => el.sessionId === newer, 'the blue counter opened the urgent session');
  });

  it('waiting: a customer’s wait in the queue turns amber, then red, and says so', async () => {
    const backend = emptyWorld({ warnAfterMs: 1_000, alarmAfterMs: 2_500 });
    const el = await annaSignsIn(backend);
    const waiting = newSession(backend, ['Hello?'], { name: 'Patient Pat' }).id;
    await waitUntil(() => row(el, waiting), 'queued');
    const wait = () => row(el, waiting)!.querySelector('[part~="waiting"]')!;
    expect(wait().getAttribute('data-level')).to.equal('fresh');
    await waitUntil(() => wait().getAttribute('data-level') === 'warn', 'amber', {
      timeout: 5_000,
    });
    expect(text(wait().querySelector('.visually-hidden'))).to.match(/, a long wait$/);
    await waitUntil(() => wait().getAttribute('data-level') === 'alarm', 'red', {
      timeout: 5_000,
    });
    expect(text(wait().querySelector('.visually-hidden'))).to.match(/, far too long$/);
  });
});
