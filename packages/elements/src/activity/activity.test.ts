import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveChatClient } from '@live-chat/core';
import './activity.js';
import type { LiveChatActivity } from './activity.js';
import { writeToSupport } from '../test/customer-writes.js';
import { connectClient, memoryBackend, startClient, waitUntil } from '../test/seeded-client.js';
import type { Backend } from '../test/seeded-client.js';
import { ANNA, BORIS, IVAN, MARIA, supportTeamSeed } from '../test/small-seed.js';
import { pressKeys } from '../test/keyboard.js';
import { testForLeaks } from '../test/test-for-leaks.js';

const seed = () =>
  supportTeamSeed([
    {
      id: 'g-accounting',
      liveChatId: 'lc-support',
      name: 'Accounting Department',
      memberIds: [ANNA.id],
    },
  ]);

const entries = (el: LiveChatActivity) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="entry"]'),
];
const texts = (el: LiveChatActivity) =>
  entries(el).map((e) => e.querySelector('[part~="text"]')!.textContent!.trim());

describe('<live-chat-activity>', () => {
  let backend: Backend;
  let anna: LiveChatClient;
  let boris: LiveChatClient;

  /** A customer writes, Boris takes the session: returns its id. */
  async function borisSession(customerId = IVAN.id): Promise<string> {
    const id = writeToSupport(backend, customerId, 'Hello').session.id;
    await waitUntil(() => boris.getSession(id), 'Boris sees the session');
    const taken = await boris.take(id);
    if (!taken.ok) throw new Error(taken.error.message);
    return id;
  }

  beforeEach(async () => {
    backend = memoryBackend(seed());
    [{ client: anna }, { client: boris }] = await Promise.all([
      connectClient(backend, { userId: ANNA.id }),
      connectClient(backend, { userId: BORIS.id }),
    ]);
  });

  it('shows the note that came with a reassignment, as text', async () => {
    const id = await borisSession();
    const el = await fixture<LiveChatActivity>(
      html`<live-chat-activity .client=${anna}></live-chat-activity>`,
    );
    const moved = await boris.reassign(
      id,
      { kind: 'operator', operatorId: ANNA.id },
      'Call back after 5 pm <b>today</b>',
    );
    expect(moved.ok).to.equal(true);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="note"]'), 'note shown');
    const note = el.shadowRoot!.querySelector('[part~="note"]')!;
    expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Note: “Call back after 5 pm <b>today</b>”',
    );
    expect(note.querySelector('b')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the empty state', async () => {
    const el = await fixture<LiveChatActivity>(
      html`<live-chat-activity .client=${anna}></live-chat-activity>`,
    );
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent!.trim()).to.equal(
      'No activity yet. Closed and reassigned sessions will appear here.',
    );
    expect(el.shadowRoot!.querySelector('[part~="heading"]')!.getAttribute('aria-level')).to.equal(
      '2',
    );
    await expect(el).to.be.accessible();
  });

  it('shows loading until the client is ready', async () => {
    const { client: slow } = startClient(backend, { userId: ANNA.id, latencyMs: 50 });
    const el = await fixture<LiveChatActivity>(
      html`<live-chat-activity .client=${slow}></live-chat-activity>`,
    );
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent!.trim()).to.equal(
      'Loading activity…',
    );
    await waitUntil(() => slow.status.state === 'ready', 'ready');
  });

  it('a session closed by another operator appears with his name, the live chat and the time', async () => {
    const el = await fixture<LiveChatActivity>(
      html`<live-chat-activity .client=${anna}></live-chat-activity>`,
    );
    const id = await borisSession();
    await boris.close(id);
    await waitUntil(() => entries(el).length === 1, 'one entry');
    const name = backend.getSession(id)!.name;
    expect(texts(el)).to.deep.equal([`Boris Ivanov closed session “${name}”`]);
    const meta = entries(el)[0]!.querySelector('[part~="meta"]')!.textContent!;
    expect(meta).to.contain('Support');
    expect(entries(el)[0]!.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
    expect(el.shadowRoot!.querySelector('[role="list"]')!.getAttribute('aria-label')).to.equal(
      'Activity stream',
    );
    await expect(el).to.be.accessible();

    setTimeout(() => entries(el)[0]!.querySelector('button')!.click());
    const event = await oneEvent(el, 'live-chat-session-open');
    expect(event.detail).to.deep.equal({ sessionId: id });
  });

  it('reassignments read "to you" and "to <group>", newest first', async () => {
    const el = await fixture<LiveChatActivity>(
      html`<live-chat-activity .client=${anna}></live-chat-activity>`,
    );
    const first = await borisSession(IVAN.id);
    const second = await borisSession(MARIA.id);
    expect((await boris.reassign(first, { kind: 'operator', operatorId: 'u-anna' })).ok).to.equal(
      true,
    );
    await waitUntil(() => entries(el).length === 1, 'first entry');
    expect((await boris.reassign(second, { kind: 'group', groupId: 'g-accounting' })).ok).to.equal(
      true,
    );
    await waitUntil(() => entries(el).length === 2, 'second entry');
    expect(texts(el)).to.deep.equal([
      `Boris Ivanov reassigned session “${backend.getSession(second)!.name}” to Accounting Department`,
      `Boris Ivanov reassigned session “${backend.getSession(first)!.name}” to you`,
    ]);
  });

  it('opens a session from the keyboard, and new entries do not move focus', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button>before</button><live-chat-activity .client=${anna}></live-chat-activity>
      </div>`,
    );
    const el = wrapper.querySelector('live-chat-activity')!;
    const first = await borisSession(IVAN.id);
    await boris.close(first);
    await waitUntil(() => entries(el).length === 1);
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.getAttribute('part')).to.equal('entry-button');

    const second = await borisSession(MARIA.id);
    await boris.close(second);
    await waitUntil(() => entries(el).length === 2);
    expect(el.shadowRoot!.activeElement).to.equal(focused);

    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'live-chat-session-open');
    expect(event.detail.sessionId).to.equal(first);
  });

  it('is one tab stop: arrow keys, Home and End move between entries', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">before</button><live-chat-activity .client=${anna}></live-chat-activity
        ><button id="after">after</button>
      </div>`,
    );
    const el = wrapper.querySelector('live-chat-activity')!;
    for (const customer of [IVAN.id, MARIA.id]) await boris.close(await borisSession(customer));
    const third = await borisSession(IVAN.id);
    await boris.reassign(third, { kind: 'operator', operatorId: ANNA.id });
    await waitUntil(() => entries(el).length === 3, 'three entries');
    const focusedIndex = () =>
      entries(el).findIndex((entry) => entry.contains(el.shadowRoot!.activeElement));
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedIndex(), 'Tab enters on the newest').to.equal(0);
    for (const [key, index] of [
      ['ArrowDown', 1],
      ['ArrowDown', 2],
      ['ArrowDown', 2],
      ['Home', 0],
      ['End', 2],
      ['ArrowUp', 1],
    ] as const) {
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(focusedIndex(), key).to.equal(index);
    }
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement, 'one Tab leaves the stream').to.equal(
      wrapper.querySelector('#after'),
    );
    await pressKeys('Shift+Tab');
    expect(focusedIndex(), 'Shift+Tab comes back to the entry left').to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('speaks Russian', async () => {
    const el = await fixture<LiveChatActivity>(
      html`<live-chat-activity locale="ru" .client=${anna}></live-chat-activity>`,
    );
    const id = await borisSession();
    await boris.reassign(id, { kind: 'operator', operatorId: 'u-anna' });
    await waitUntil(() => entries(el).length === 1);
    expect(texts(el)[0]).to.equal(
      `Boris Ivanov переназначил(а) на вас сессию «${backend.getSession(id)!.name}»`,
    );
    expect(el.shadowRoot!.querySelector('[part~="heading"]')!.textContent!.trim()).to.equal(
      'Активность',
    );
  });

  it('heading-level="0" hides the heading', async () => {
    const el = await fixture<LiveChatActivity>(
      html`<live-chat-activity heading-level="0" .client=${anna}></live-chat-activity>`,
    );
    expect(el.shadowRoot!.querySelector('[part~="heading"]')).to.equal(null);
  });

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    await testForLeaks(
      ({ client }) => html`<live-chat-activity .client=${client}></live-chat-activity>`,
      { client: anna, subscriptions: 3 },
    );
  });
});
