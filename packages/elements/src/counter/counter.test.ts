import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BehaviorSubject } from 'rxjs';
import { emptyCounters, type Counters, type LiveChatClient } from '@live-chat/core';
import './counter.js';
import type { LiveChatCounter } from './counter.js';
import { writeToSupport } from '../test/customer-writes.js';
import { ANNA, OLEG, supportAndSalesSeed } from '../test/small-seed.js';
import { connectClient, memoryBackend, waitUntil, type Backend } from '../test/seeded-client.js';
import { testForLeaks } from '../test/test-for-leaks.js';

const seed = () =>
  supportAndSalesSeed({ reassignmentTargets: [{ kind: 'operator', operatorId: ANNA.id }] });

/** A stand-in client, ready, with scripted counters (pushed through `subject`). */
function scriptedClient(counters: Partial<Counters>) {
  const subject = new BehaviorSubject<Counters>({ ...emptyCounters(), ...counters });
  const client = {
    status: { state: 'ready' },
    counters$: subject.asObservable(),
    oldestQueued: () => undefined,
  } as unknown as LiveChatClient;
  return { client, subject };
}

/** A stand-in client with scripted counters, for plural and formatting checks. */
const stubClient = (counters: Partial<Counters>): LiveChatClient => scriptedClient(counters).client;

/** The texts the counter's live region holds, one each time it changes. */
function spokenTexts(el: LiveChatCounter): { texts: string[]; stop: () => void } {
  const region = el.shadowRoot!.querySelector('[role="status"]')!;
  const texts: string[] = [];
  const observer = new MutationObserver(() => texts.push(region.textContent!.trim()));
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { texts, stop: () => observer.disconnect() };
}

const label = (el: LiveChatCounter) =>
  el.shadowRoot!.querySelector('[part~="label"]')!.textContent!.trim();
const badge = (el: LiveChatCounter) => el.shadowRoot!.querySelector('[part~="count"]');

describe('<live-chat-counter>', () => {
  let backend: Backend;
  let client: LiveChatClient;

  beforeEach(async () => {
    backend = memoryBackend(seed());
    ({ client } = await connectClient(backend, { userId: ANNA.id }));
  });

  it('red counter: hidden badge and "No unread messages in my sessions" at zero, accessible', async () => {
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter .client=${client}></live-chat-counter>`,
    );
    expect(badge(el)).to.equal(null);
    expect(label(el)).to.equal('No unread messages in my sessions');
    expect(el.hasAttribute('empty')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('red counter rises with unread customer messages in my sessions', async () => {
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter .client=${client}></live-chat-counter>`,
    );
    const first = writeToSupport(backend, 'c-ivan', 'Hello').session;
    await waitUntil(() => client.getSession(first.id), 'session arrives');
    const taken = await client.take(first.id);
    expect(taken.ok).to.equal(true);
    await client.markRead(first.id);
    writeToSupport(backend, 'c-ivan', 'Are you there?');
    writeToSupport(backend, 'c-ivan', 'Hello?');
    await waitUntil(() => el.count === 2, 'two unread');
    await el.updateComplete;
    expect(badge(el)!.textContent!.trim()).to.equal('2');
    expect(label(el)).to.equal('2 unread messages in my sessions');
    expect(el.hasAttribute('empty')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('blue counter rises when a customer writes, and only for operators of that live chat', async () => {
    const { client: olegClient } = await connectClient(backend, { userId: OLEG.id });
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter kind="unassigned" .client=${client}></live-chat-counter>`,
    );
    const oleg = await fixture<LiveChatCounter>(
      html`<live-chat-counter kind="unassigned" .client=${olegClient}></live-chat-counter>`,
    );
    expect(label(el)).to.equal('No new sessions in my queues');

    writeToSupport(backend, 'c-ivan', 'Hi');
    await waitUntil(() => el.count === 1, 'one new session');
    await el.updateComplete;
    expect(label(el)).to.equal('1 new session in my queues');
    writeToSupport(backend, 'c-maria', 'Hi too', 'web');
    await waitUntil(() => el.count === 2, 'two new sessions');
    await el.updateComplete;
    expect(label(el)).to.equal('2 new sessions in my queues');
    expect(badge(el)!.textContent!.trim()).to.equal('2');
    expect(oleg.count).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('clicking the blue counter opens the oldest unassigned session', async () => {
    const first = writeToSupport(backend, 'c-ivan', 'First').session;
    writeToSupport(backend, 'c-maria', 'Second');
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter kind="unassigned" .client=${client}></live-chat-counter>`,
    );
    await waitUntil(() => el.count === 2);
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'live-chat-session-open');
    expect(event.detail.sessionId).to.equal(first.id);
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('the blue counter opens with Enter and Space', async () => {
    const first = writeToSupport(backend, 'c-li', 'Hi', 'web').session;
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
    expect(opened).to.deep.equal([first.id, first.id]);
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
    expect(label(el)).to.equal('120 unread messages in my sessions');
  });

  it('uses Russian plural forms', async () => {
    const cases: Array<[number, string]> = [
      [1, '1 новая сессия в моих очередях'],
      [3, '3 новые сессии в моих очередях'],
      [5, '5 новых сессий в моих очередях'],
      [21, '21 новая сессия в моих очередях'],
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
    expect(label(red)).to.equal('2 непрочитанных сообщения в моих сессиях');
  });

  it('announces a burst of changes once, politely, with the figure it ended on', async () => {
    const { client, subject } = scriptedClient({ unreadInMySessions: 2 });
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter .client=${client}></live-chat-counter>`,
    );
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.textContent!.trim(), 'the figure it loads with').to.equal('');
    const spoken = spokenTexts(el);
    for (const count of [3, 4, 5]) subject.next({ ...emptyCounters(), unreadInMySessions: count });
    await waitUntil(() => spoken.texts.length > 0, 'nothing announced');
    await new Promise((resolve) => setTimeout(resolve, 300));
    spoken.stop();
    expect(spoken.texts).to.deep.equal(['5 unread messages in my sessions']);
    expect(region.closest('[aria-live="assertive"]')).to.equal(null);
  });

  it('announces nothing with no-announce', async () => {
    const { client, subject } = scriptedClient({ newUnassigned: 1 });
    const el = await fixture<LiveChatCounter>(
      html`<live-chat-counter kind="unassigned" no-announce .client=${client}></live-chat-counter>`,
    );
    const spoken = spokenTexts(el);
    subject.next({ ...emptyCounters(), newUnassigned: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1800));
    spoken.stop();
    expect(label(el)).to.equal('2 new sessions in my queues');
    expect(spoken.texts).to.deep.equal([]);
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

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    await testForLeaks(
      ({ client, round }) =>
        html`<live-chat-counter
          kind=${round % 2 ? 'unread' : 'unassigned'}
          .client=${client}
        ></live-chat-counter>`,
      { client, subscriptions: 1 },
    );
  });
});
