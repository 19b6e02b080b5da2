import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import { createMemoryBackend } from '@live-chat/adapters';
import './activity.js';
import type { LiveChatActivity } from './activity.js';
import { countingClient } from '../test/counting-client.js';

type Seed = NonNullable<NonNullable<Parameters<typeof createMemoryBackend>[0]>['seed']>;

const seed = (): Seed => ({
  users: [
    { id: 'u-anna', name: 'Anna Smirnova', role: 'operator' },
    { id: 'u-boris', name: 'Boris Ivanov', role: 'operator' },
    { id: 'u-olga', name: 'Olga Morozova', role: 'supervisor' },
  ],
  liveChats: [
    {
      id: 'lc-support',
      name: 'Support',
      channels: ['web', 'telegram'],
      operatorIds: ['u-anna', 'u-boris'],
      supervisorIds: ['u-olga'],
      groupIds: ['g-accounting'],
      reassignmentTargets: [
        { kind: 'operator', operatorId: 'u-anna' },
        { kind: 'operator', operatorId: 'u-boris' },
        { kind: 'group', groupId: 'g-accounting' },
      ],
    },
  ],
  groups: [
    {
      id: 'g-accounting',
      liveChatId: 'lc-support',
      name: 'Accounting Department',
      memberIds: ['u-anna'],
    },
  ],
  customers: [
    {
      id: 'c-ivan',
      kind: 'external',
      name: 'Ivan Petrov',
      account: '@ivan',
      messenger: 'telegram',
    },
    {
      id: 'c-maria',
      kind: 'external',
      name: 'Maria Lopez',
      account: '@maria',
      messenger: 'telegram',
    },
  ],
});

const entries = (el: LiveChatActivity) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="entry"]'),
];
const texts = (el: LiveChatActivity) =>
  entries(el).map((e) => e.querySelector('[part~="text"]')!.textContent!.trim());

describe('<live-chat-activity>', () => {
  let backend: ReturnType<typeof createMemoryBackend>;
  let anna: LiveChatClient;
  let boris: LiveChatClient;

  /** A customer writes, Boris takes the session: returns its id. */
  async function borisSession(customerId = 'c-ivan'): Promise<string> {
    const write = backend.customerWrites({
      customerId,
      liveChatId: 'lc-support',
      channel: 'telegram',
      text: 'Hello',
    });
    if (!write.ok) throw new Error(write.error.message);
    const id = write.value.session.id;
    await waitUntil(() => boris.getSession(id), 'Boris sees the session');
    const taken = await boris.take(id);
    if (!taken.ok) throw new Error(taken.error.message);
    return id;
  }

  beforeEach(async () => {
    backend = createMemoryBackend({ seed: seed() });
    anna = createLiveChatClient({ adapter: backend.connect('u-anna') });
    boris = createLiveChatClient({ adapter: backend.connect('u-boris') });
    await waitUntil(
      () => anna.status.state === 'ready' && boris.status.state === 'ready',
      'clients ready',
      { timeout: 5000 },
    );
  });

  afterEach(async () => {
    anna.dispose();
    boris.dispose();
    await backend.dispose();
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
    const slow = createLiveChatClient({ adapter: backend.connect('u-anna', { latencyMs: 50 }) });
    const el = await fixture<LiveChatActivity>(
      html`<live-chat-activity .client=${slow}></live-chat-activity>`,
    );
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent!.trim()).to.equal(
      'Loading activity…',
    );
    await waitUntil(() => slow.status.state === 'ready', 'ready', { timeout: 5000 });
    slow.dispose();
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
    const first = await borisSession('c-ivan');
    const second = await borisSession('c-maria');
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
    const first = await borisSession('c-ivan');
    await boris.close(first);
    await waitUntil(() => entries(el).length === 1);
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.getAttribute('part')).to.equal('entry-button');

    const second = await borisSession('c-maria');
    await boris.close(second);
    await waitUntil(() => entries(el).length === 2);
    expect(el.shadowRoot!.activeElement).to.equal(focused);

    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'live-chat-session-open');
    expect(event.detail.sessionId).to.equal(first);
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

  it('leaves no subscription behind after 50 mount/unmount cycles', async () => {
    const counting = countingClient(anna);
    for (let i = 0; i < 50; i++) {
      const el = document.createElement('live-chat-activity');
      el.client = counting.client;
      document.body.append(el);
      await el.updateComplete;
      expect(counting.active()).to.equal(3);
      el.remove();
      expect(counting.active()).to.equal(0);
    }
  });
});
