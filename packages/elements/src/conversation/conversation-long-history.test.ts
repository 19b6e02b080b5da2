import { expect } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import type { LiveChatConversation } from './conversation.js';
import { DEFAULT_MAX_RENDERED } from './log-window.js';
import { writeAgain } from '../test/customer-writes.js';
import { afterThisTest, waitUntil } from '../test/seeded-client.js';
import { focused, log, messages, showSession } from './conversation-testing.js';

const frame = () => new Promise(requestAnimationFrame);

/** How many messages of the session the client holds, kept current. */
function loadedCount(client: LiveChatClient, sessionId: string): () => number {
  let count = 0;
  const subscription = client.conversation$(sessionId).subscribe((conversation) => {
    count = conversation.messages.length;
  });
  afterThisTest(() => subscription.unsubscribe());
  return () => count;
}

/** The first message at least partly in view, and its offset from the log's top. */
function inView(el: LiveChatConversation): { message: HTMLElement; top: number } {
  const box = log(el).getBoundingClientRect();
  const message = messages(el).find((m) => {
    const rect = m.getBoundingClientRect();
    return rect.bottom > box.top && rect.top < box.bottom;
  })!;
  return { message, top: message.getBoundingClientRect().top - box.top };
}

const atBottom = (history: HTMLElement) =>
  history.scrollHeight - history.scrollTop - history.clientHeight < 1;

describe('live-chat-conversation: a long history', () => {
  it('pages back as the reader scrolls up, the message in view still, the DOM bounded', async function () {
    this.timeout(60_000);
    const texts = Array.from({ length: 600 }, (_, i) => `Message number ${i + 1}`);
    const { backend, client, session, el } = await showSession(texts, {
      pageSize: 50,
      style: 'height:320px',
    });
    const history = log(el);
    expect(history.getAttribute('role')).to.equal('log');
    expect(history.getAttribute('aria-live')).to.equal('polite');
    const loaded = loadedCount(client, session.id);
    await waitUntil(() => loaded() === 50 && atBottom(history), 'the newest page, at the bottom');

    for (let page = 1; page <= 9; page++) {
      const before = loaded();
      // Up a third of the view a frame, until the log asks for the next older page.
      while (loaded() === before && history.getAttribute('aria-busy') !== 'true') {
        history.scrollTop = Math.max(0, history.scrollTop - history.clientHeight / 3);
        await frame();
      }
      const seen = inView(el);
      await waitUntil(
        () => loaded() > before && history.getAttribute('aria-busy') === 'false',
        `older page ${page}`,
      );
      await el.updateComplete;
      await frame();
      expect(seen.message.isConnected, `page ${page}: the message in view stays`).to.equal(true);
      const top = seen.message.getBoundingClientRect().top - history.getBoundingClientRect().top;
      expect(Math.abs(top - seen.top), `page ${page}: drift`).to.be.below(0.5);
      expect(messages(el).length).to.be.at.most(DEFAULT_MAX_RENDERED);
    }
    expect(loaded()).to.equal(500);

    // Back down to the newest: rendered again, and the log follows new messages once more.
    for (let step = 0; step < 400 && !atBottom(history); step++) {
      history.scrollTop += history.clientHeight;
      await frame();
    }
    await waitUntil(() => messages(el).some((m) => m.textContent!.includes('Message number 600')));
    expect(messages(el).length).to.be.at.most(DEFAULT_MAX_RENDERED);
    writeAgain(backend, session.id, 'Welcome back');
    await waitUntil(() => messages(el).some((m) => m.textContent!.includes('Welcome back')));
    await el.updateComplete;
    expect(atBottom(history)).to.equal(true);
  });

  it('stays at the bottom while 20 messages a second arrive', async function () {
    this.timeout(30_000);
    const texts = Array.from({ length: 300 }, (_, i) => `Earlier ${i + 1}`);
    const { backend, session, el } = await showSession(texts, { style: 'height:320px' });
    const history = log(el);
    await waitUntil(() => atBottom(history), 'at the bottom');
    for (let i = 1; i <= 40; i++) {
      writeAgain(backend, session.id, `Live ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      expect(atBottom(history), `after live message ${i}`).to.equal(true);
    }
    await waitUntil(() => messages(el).at(-1)!.textContent!.includes('Live 40'));
    expect(messages(el).length).to.be.at.most(DEFAULT_MAX_RENDERED);
  });

  it('jumps to an old message, and gives focus to the log when a focused message scrolls away', async function () {
    this.timeout(30_000);
    const texts = Array.from({ length: 400 }, (_, i) => `Entry ${i + 1}`);
    const { backend, client, session, el } = await showSession(texts, {
      pageSize: 100,
      style: 'height:320px',
    });
    const loaded = loadedCount(client, session.id);
    const target = backend.messagesOf(session.id)[20]!;
    el.highlightMessageId = target.id;
    await waitUntil(() => loaded() === 400, 'every page loaded', { timeout: 10_000 });
    await waitUntil(() => focused(el)?.getAttribute('data-message-id') === target.id, 'focused');
    const element = focused(el)!;
    const box = log(el).getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    expect(rect.bottom > box.top && rect.top < box.bottom, 'in view').to.equal(true);
    expect(messages(el).length).to.be.at.most(DEFAULT_MAX_RENDERED);

    // Far down, past the window: the focused message leaves the DOM, focus goes to the log.
    const history = log(el);
    for (let step = 0; step < 400 && !atBottom(history); step++) {
      history.scrollTop += history.clientHeight;
      await frame();
    }
    await waitUntil(() => !element.isConnected, 'the message left the window');
    await el.updateComplete;
    expect(focused(el) === history, 'focus on the log').to.equal(true);
  });
});
