import '../locales/ru.js'; // the Russian texts, which one of these tests shows
import { expect } from '@open-wc/testing';
import { REDUCED_MOTION, whileMatching } from '../test/cdp.js';
import { newSession, writeAgain } from '../test/customer-writes.js';
import { SEED_USERS } from '@live-chat/adapters';
import {
  afterThisTest,
  connectClient,
  memoryBackend,
  seed,
  waitUntil,
} from '../test/seeded-client.js';
import { $, loaded, mount } from './conversation-testing.js';
import type { LiveChatConversation } from './conversation.js';
import type { LiveChatTypingIndicator } from './typing-indicator.js';

const indicator = (el: LiveChatConversation) =>
  $(el, 'live-chat-typing-indicator')!.shadowRoot!.querySelector<HTMLElement>('[part~="typing"]')!;
const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * A conversation of a new customer's session, on a backend whose clock can be moved on (its
 * typing throttle lets a customer's signal through once per two seconds of that clock).
 */
async function typingWorld(locale = 'en') {
  let offset = 0;
  const backend = memoryBackend(seed(), { now: () => Date.now() + offset });
  const { client } = await connectClient(backend);
  const session = newSession(backend, ['Hello'], { name: 'Vera Quinn' });
  const el = await mount(client, session.id);
  el.locale = locale;
  await loaded(el, 1);
  const types = async (typing = true) => {
    offset += 3000;
    await backend.customerTyping(session.customerId, session.liveChatId, typing);
  };
  return { backend, session, el, types };
}

describe('live-chat-conversation: customer typing', () => {
  it('says "<name> is typing…" under the history while the customer types, until they write', async () => {
    const { backend, session, el, types } = await typingWorld();
    const line = indicator(el);
    // The polite region is there before anything is said.
    expect(line.getAttribute('role')).to.equal('status');
    expect(text(line)).to.equal('');
    await types();
    await waitUntil(() => text(indicator(el)) === 'Vera Quinn is typing…', 'typing shown');
    const log = $(el, '[role="log"]')!.getBoundingClientRect();
    expect(line.getBoundingClientRect().top, 'under the history').to.be.at.least(log.bottom);
    await expect(el).to.be.accessible();

    writeAgain(backend, session.id, 'Where is my parcel?');
    await waitUntil(() => text(indicator(el)) === '', 'gone with the message');
  });

  it('announces once: further signals change nothing in the live region', async () => {
    const { backend, el, types } = await typingWorld();
    let delivered = 0;
    const stop = backend.listenTyping(SEED_USERS.operatorA, () => delivered++);
    afterThisTest(stop);
    await types();
    await waitUntil(() => text(indicator(el)) !== '', 'typing shown');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(indicator(el), { childList: true, subtree: true, characterData: true });
    afterThisTest(() => observer.disconnect());
    await types();
    await types();
    await waitUntil(() => delivered === 3, 'both signals delivered');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await $<LiveChatTypingIndicator>(el, 'live-chat-typing-indicator')!.updateComplete;
    expect(changes, 'nothing changed, nothing said again').to.have.length(0);
    await types(false);
    await waitUntil(() => text(indicator(el)) === '', 'stopped');
    expect(changes.length, 'the observer sees changes').to.be.greaterThan(0);
  });

  it('moves its dots only when the user has not asked for reduced motion', async () => {
    const { el, types } = await typingWorld();
    await types();
    await waitUntil(() => text(indicator(el)) !== '', 'typing shown');
    const dot = indicator(el).querySelector('.dots span')!;
    expect(getComputedStyle(dot).animationName).to.equal('typing-dot');
    await whileMatching(REDUCED_MOTION, async () => {
      expect(getComputedStyle(dot).animationName).to.equal('none');
    });
  });

  it('speaks Russian', async () => {
    const { el, types } = await typingWorld('ru');
    await types();
    await waitUntil(() => text(indicator(el)) === 'Vera Quinn печатает…', 'typing in Russian');
  });
});
