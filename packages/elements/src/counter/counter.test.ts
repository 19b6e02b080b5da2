import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BehaviorSubject } from 'rxjs';
import {
  createLiveChatClient,
  emptyCounters,
  type Counters,
  type LiveChatClient,
} from '@live-chat/core';
import { createMemoryBackend } from '@live-chat/adapters';
import './counter.js';
import type { LiveChatCounter } from './counter.js';
import { countingClient } from '../test/counting-client.js';

type Seed = NonNullable<NonNullable<Parameters<typeof createMemoryBackend>[0]>['seed']>;

const seed = (): Seed => ({
  users: [
    { id: 'u-anna', name: 'Anna Smirnova', role: 'operator' },
    { id: 'u-oleg', name: 'Oleg Kim', role: 'operator' },
  ],
  liveChats: [
    {
      id: 'lc-support',
      name: 'Support',
      channels: ['web', 'telegram'],
      operatorIds: ['u-anna'],
      supervisorIds: [],
      groupIds: [],
      reassignmentTargets: [{ kind: 'operator', operatorId: 'u-anna' }],
    },
    {
      id: 'lc-sales',
      name: 'Sales',
      channels: ['web'],
      operatorIds: ['u-oleg'],
      supervisorIds: [],
      groupIds: [],
      reassignmentTargets: [],
    },
  ],
  groups: [],
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
    { id: 'c-li', kind: 'external', name: 'Li Wei', account: '@li', messenger: 'telegram' },
  ],
});

/** A stand-in client with scripted counters, for plural and formatting checks. */
function stubClient(counters: Partial<Counters>): LiveChatClient {
  const subject = new BehaviorSubject<Counters>({ ...emptyCounters(), ...counters });
  return {
    counters$: subject.asObservable(),
    oldestQueued: () => undefined,
  } as unknown as LiveChatClient;
}

const label = (el: LiveChatCounter) =>
  el.shadowRoot!.querySelector('[part~="label"]')!.textContent!.trim();
const badge = (el: LiveChatCounter) => el.shadowRoot!.querySelector('[part~="count"]');

describe('<live-chat-counter>', () => {
  let backend: ReturnType<typeof createMemoryBackend>;
  let client: LiveChatClient;

  beforeEach(async () => {
    backend = createMemoryBackend({ seed: seed() });
    client = createLiveChatClient({ adapter: backend.connect('u-anna') });
    await waitUntil(() => client.status.state === 'ready', 'client ready', { timeout: 5000 });
  });

  afterEach(async () => {
    client.dispose();
    await backend.dispose();
  });

  it('red counter: hidden badge and "No unread messages" at zero, accessible', async () => {
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter .client=${client}></live-chat-counter>`,
    );
    expect(badge(el)).to.equal(null);
    expect(label(el)).to.equal('No unread messages');
    expect(el.hasAttribute('empty')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('red counter rises with unread customer messages in my sessions', async () => {
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter .client=${client}></live-chat-counter>`,
    );
    const first = backend.customerWrites({
      customerId: 'c-ivan',
      liveChatId: 'lc-support',
      channel: 'telegram',
      text: 'Hello',
    });
    if (!first.ok) throw new Error(first.error.message);
    await waitUntil(() => client.getSession(first.value.session.id), 'session arrives');
    const taken = await client.take(first.value.session.id);
    expect(taken.ok).to.equal(true);
    await client.markRead(first.value.session.id);
    backend.customerWrites({
      customerId: 'c-ivan',
      liveChatId: 'lc-support',
      channel: 'telegram',
      text: 'Are you there?',
    });
    backend.customerWrites({
      customerId: 'c-ivan',
      liveChatId: 'lc-support',
      channel: 'telegram',
      text: 'Hello?',
    });
    await waitUntil(() => el.count === 2, 'two unread');
    await el.updateComplete;
    expect(badge(el)!.textContent!.trim()).to.equal('2');
    expect(label(el)).to.equal('2 unread messages');
    expect(el.hasAttribute('empty')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('blue counter rises when a customer writes, and only for operators of that live chat', async () => {
    const olegClient = createLiveChatClient({ adapter: backend.connect('u-oleg') });
    await waitUntil(() => olegClient.status.state === 'ready', 'ready', { timeout: 5000 });
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter kind="unassigned" .client=${client}></live-chat-counter>`,
    );
    const oleg = await fixture<LiveChatCounter>(
      html`<live-chat-counter kind="unassigned" .client=${olegClient}></live-chat-counter>`,
    );
    expect(label(el)).to.equal('No new sessions');

    backend.customerWrites({
      customerId: 'c-ivan',
      liveChatId: 'lc-support',
      channel: 'telegram',
      text: 'Hi',
    });
    await waitUntil(() => el.count === 1, 'one new session');
    await el.updateComplete;
    expect(label(el)).to.equal('1 new session');
    backend.customerWrites({
      customerId: 'c-maria',
      liveChatId: 'lc-support',
      channel: 'web',
      text: 'Hi too',
    });
    await waitUntil(() => el.count === 2, 'two new sessions');
    await el.updateComplete;
    expect(label(el)).to.equal('2 new sessions');
    expect(badge(el)!.textContent!.trim()).to.equal('2');
    expect(oleg.count).to.equal(0);
    await expect(el).to.be.accessible();
    olegClient.dispose();
  });

  it('clicking the blue counter opens the oldest unassigned session', async () => {
    const first = backend.customerWrites({
      customerId: 'c-ivan',
      liveChatId: 'lc-support',
      channel: 'telegram',
      text: 'First',
    });
    backend.customerWrites({
      customerId: 'c-maria',
      liveChatId: 'lc-support',
      channel: 'telegram',
      text: 'Second',
    });
    if (!first.ok) throw new Error(first.error.message);
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter kind="unassigned" .client=${client}></live-chat-counter>`,
    );
    await waitUntil(() => el.count === 2);
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'live-chat-session-open');
    expect(event.detail.sessionId).to.equal(first.value.session.id);
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('the blue counter opens with Enter and Space', async () => {
    const first = backend.customerWrites({
      customerId: 'c-li',
      liveChatId: 'lc-support',
      channel: 'web',
      text: 'Hi',
    });
    if (!first.ok) throw new Error(first.error.message);
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter kind="unassigned" .client=${client}></live-chat-counter>`,
    );
    await waitUntil(() => el.count === 1);
    await el.updateComplete;
    const opened: string[] = [];
    el.addEventListener('live-chat-session-open', (e) => opened.push(e.detail.sessionId));
    el.shadowRoot!.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    await waitUntil(() => opened.length === 2, 'two opens');
    expect(opened).to.deep.equal([first.value.session.id, first.value.session.id]);
  });

  it('at zero the blue counter is muted, explains itself and does nothing', async () => {
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter kind="unassigned" .client=${client}></live-chat-counter>`,
    );
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.title).to.equal('No session is waiting in your queues');
    expect(badge(el)!.textContent!.trim()).to.equal('0');
    expect(badge(el)!.classList.contains('zero')).to.equal(true);
    let opened = false;
    el.addEventListener('live-chat-session-open', () => (opened = true));
    button.click();
    await el.updateComplete;
    expect(opened).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows "99+" above max but keeps the exact figure in its name', async () => {
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter
        .client=${stubClient({ unreadInMySessions: 120 })}
      ></live-chat-counter>`,
    );
    expect(badge(el)!.textContent!.trim()).to.equal('99+');
    expect(label(el)).to.equal('120 unread messages');
  });

  it('uses Russian plural forms', async () => {
    const cases: Array<[number, string]> = [
      [1, '1 новая сессия'],
      [3, '3 новые сессии'],
      [5, '5 новых сессий'],
      [21, '21 новая сессия'],
    ];
    for (const [count, text] of cases) {
      const el = await fixture<LiveChatCounter>(
        html`<live-chat-counter
          kind="unassigned"
          locale="ru"
          .client=${stubClient({ newUnassigned: count })}
        ></live-chat-counter>`,
      );
      expect(label(el)).to.equal(text);
    }
    const red = await fixture<LiveChatCounter>(
      html`<live-chat-counter
        locale="ru"
        .client=${stubClient({ unreadInMySessions: 2 })}
      ></live-chat-counter>`,
    );
    expect(label(red)).to.equal('2 непрочитанных сообщения');
  });

  it('show-label makes the label visible', async () => {
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter
        kind="unassigned"
        show-label
        .client=${stubClient({ newUnassigned: 4 })}
      ></live-chat-counter>`,
    );
    const text = el.shadowRoot!.querySelector('[part~="label"]')!;
    expect(text.classList.contains('visually-hidden')).to.equal(false);
    expect(text.getBoundingClientRect().width).to.be.greaterThan(1);
  });

  it('leaves no subscription behind after 50 mount/unmount cycles', async () => {
    const counting = countingClient(client);
    const host = document.createElement('div');
    document.body.append(host);
    for (let i = 0; i < 50; i++) {
      const el = document.createElement('live-chat-counter');
      el.kind = i % 2 ? 'unread' : 'unassigned';
      el.client = counting.client;
      host.append(el);
      await el.updateComplete;
      expect(counting.active()).to.equal(1);
      el.remove();
    }
    expect(counting.active()).to.equal(0);
    host.remove();
  });
});
