import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import {
  createLiveChatClient,
  type ChannelDelivery,
  type HistoryQuery,
  type MessagePage,
} from '@live-chat/core';
import type { LiveChatConversation } from './conversation.js';
import { newSession, writeAgain } from '../test/customer-writes.js';
import { afterThisTest, waitUntil } from '../test/seeded-client.js';
import { withOverrides } from '../test/with-overrides.js';
import * as kit from './conversation-testing.js';

describe('live-chat-conversation: the history', () => {
  it('loads older pages on scrolling to the top without moving the view', async () => {
    const { el } = await kit.showSession(
      Array.from({ length: 25 }, (_, i) => `Message number ${i + 1}`),
      { pageSize: 10, style: 'height:320px' },
    );
    const history = kit.log(el);
    await waitUntil(() => history.scrollTop > 0, 'pinned to the bottom');
    expect(Math.abs(history.scrollHeight - history.scrollTop - history.clientHeight)).to.be.below(
      2,
    );
    expect(kit.messages(el)).to.have.length(10);
    expect(!!kit.buttonByText(el, 'Load older messages'), 'present').to.equal(true);

    const anchor = kit.messages(el)[0]!;
    history.scrollTop = 10;
    const topBefore = anchor.getBoundingClientRect().top;
    history.dispatchEvent(new Event('scroll'));
    await waitUntil(() => kit.messages(el).length === 20, 'older page loaded');
    await el.updateComplete;
    await aTimeout(0);
    expect(kit.messages(el)[10] === anchor, 'same element').to.equal(true);
    expect(Math.abs(anchor.getBoundingClientRect().top - topBefore)).to.be.below(2);

    // The keyboard alternative.
    kit.buttonByText(el, 'Load older messages')!.click();
    await waitUntil(() => kit.messages(el).length === 25, 'all loaded');
    await waitUntil(() =>
      kit.$(el, '.log-top')!.textContent!.includes('beginning of the conversation'),
    );
    await expect(el).to.be.accessible();
  });

  it('stays pinned to the bottom as messages arrive, and offers "New messages" after the user scrolled up', async () => {
    const { backend, session, el } = await kit.showSession(
      Array.from({ length: 20 }, (_, i) => `Line ${i + 1}`),
      { taken: true, style: 'height:320px' },
    );
    const history = kit.log(el);
    const atBottom = () => history.scrollHeight - history.scrollTop - history.clientHeight < 2;
    await waitUntil(atBottom, 'starts at the bottom');

    writeAgain(backend, session.id, 'Arrived while pinned');
    await waitUntil(() => kit.messages(el).length === 21, 'new message');
    await el.updateComplete;
    expect(atBottom()).to.equal(true);
    expect(!!kit.$(el, '[part="new-messages"]'), 'absent').to.equal(false);

    kit.composer(el).focus();
    history.scrollTop = 0;
    history.dispatchEvent(new Event('scroll'));
    await aTimeout(20);
    writeAgain(backend, session.id, 'Arrived while scrolled up');
    await waitUntil(() => kit.messages(el).length === 22, 'second new message');
    await el.updateComplete;
    expect(history.scrollTop).to.equal(0);
    const indicator = kit.$<HTMLButtonElement>(el, '[part~="new-messages"]')!;
    expect(indicator.textContent).to.contain('New messages');
    // Incoming messages never take focus.
    expect(kit.focused(el) === kit.composer(el), 'focus').to.equal(true);
    await expect(el).to.be.accessible();

    indicator.click();
    await el.updateComplete;
    expect(atBottom()).to.equal(true);
    expect(!!kit.$(el, '[part~="new-messages"]'), 'absent').to.equal(false);
  });

  it('marks new customer messages read while visible, but not while the document is hidden', async () => {
    const { backend, client } = await kit.setup();
    const session = newSession(backend, ['One', 'Two']);
    await client.take(session.id);
    writeAgain(backend, session.id, 'Three');
    await waitUntil(() => client.getSession(session.id)?.unread === 3, 'unread');
    const el = await kit.mount(client, session.id);
    await kit.loaded(el, 3);
    await waitUntil(() => client.getSession(session.id)?.unread === 0, 'read');

    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    afterThisTest(() => {
      delete (document as unknown as Record<string, unknown>)['visibilityState'];
      void visibility;
    });
    document.dispatchEvent(new Event('visibilitychange'));
    writeAgain(backend, session.id, 'Four');
    await waitUntil(() => kit.messages(el).length === 4, 'fourth');
    await aTimeout(700);
    expect(client.getSession(session.id)?.unread).to.equal(1);

    delete (document as unknown as Record<string, unknown>)['visibilityState'];
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => client.getSession(session.id)?.unread === 0, 'read once visible');
  });

  it('marks messages read only once the user is back at the newest ones', async () => {
    const { backend, client, session, el } = await kit.showSession(
      Array.from({ length: 20 }, (_, i) => `Question ${i + 1}`),
      { taken: true, style: 'height:320px' },
    );
    await waitUntil(() => client.getSession(session.id)?.unread === 0, 'read at first');
    const history = kit.log(el);
    history.scrollTop = 0;
    history.dispatchEvent(new Event('scroll'));
    await aTimeout(20);

    writeAgain(backend, session.id, 'Arrived while scrolled up');
    await waitUntil(() => kit.messages(el).length === 21, 'new message');
    await aTimeout(700);
    expect(client.getSession(session.id)?.unread).to.equal(1);

    history.scrollTop = history.scrollHeight;
    history.dispatchEvent(new Event('scroll'));
    await waitUntil(() => client.getSession(session.id)?.unread === 0, 'read at the bottom');
  });

  it('jumps to a highlighted message, loading older pages, and focuses it', async () => {
    const { backend, client } = await kit.setup({ pageSize: 5 });
    const session = newSession(
      backend,
      Array.from({ length: 15 }, (_, i) => `Entry ${i + 1}`),
    );
    const target = backend.messagesOf(session.id)[1]!;
    const el = await fixture<LiveChatConversation>(
      html`<live-chat-conversation
        style="height:300px"
        .client=${client}
        .sessionId=${session.id}
        .highlightMessageId=${target.id}
      ></live-chat-conversation>`,
    );
    await waitUntil(() => kit.$(el, `[data-message-id="${target.id}"]`), 'target loaded');
    await waitUntil(() => kit.$(el, '.message.highlighted'), 'highlighted');
    const element = kit.$(el, `[data-message-id="${target.id}"]`)!;
    expect(element.classList.contains('highlighted')).to.equal(true);
    await waitUntil(() => kit.focused(el) === element, 'focused');
    const logBox = kit.log(el).getBoundingClientRect();
    const box = element.getBoundingClientRect();
    expect(box.bottom > logBox.top && box.top < logBox.bottom).to.equal(true);
  });

  it('highlights without taking focus when focusHighlight is false', async () => {
    const { backend, client } = await kit.setup();
    const session = newSession(backend, ['a', 'b', 'c']);
    const target = backend.messagesOf(session.id)[0]!;
    const el = await fixture<LiveChatConversation>(
      html`<live-chat-conversation
        .client=${client}
        .sessionId=${session.id}
        .focusHighlight=${false}
        .highlightMessageId=${target.id}
      ></live-chat-conversation>`,
    );
    await waitUntil(() => kit.$(el, '.message.highlighted'), 'highlighted');
    expect(kit.focused(el) === null, 'nothing focused').to.equal(true);
  });
});

describe('live-chat-conversation: channel delivery', () => {
  it('shows whether each operator reply reached the customer through its channel', async () => {
    const { backend, adapter, client } = await kit.setup();
    const session = newSession(backend, ['Hello?']);
    expect((await client.take(session.id)).ok).to.equal(true);
    for (const text of ['Delivered reply', 'Failed reply', 'Waiting reply'])
      expect((await client.send(session.id, text)).ok).to.equal(true);
    // The backend reports each reply's channel delivery with the history.
    const states: Record<string, ChannelDelivery> = {
      'Delivered reply': { state: 'delivered', at: 1, attempts: 1 },
      'Failed reply': { state: 'failed', at: 1, attempts: 3, reason: 'HTTP 500 <b>bad</b>' },
      'Waiting reply': { state: 'sent', at: 1, attempts: 1 },
    };
    const history = async (query: HistoryQuery): Promise<MessagePage> => {
      const page = await adapter.history(query);
      return {
        ...page,
        messages: page.messages.map((m) =>
          states[m.text] ? { ...m, channelDelivery: states[m.text] } : m,
        ),
      };
    };
    const reporting = withOverrides(adapter, { history });
    const viewer = createLiveChatClient({ adapter: reporting });
    afterThisTest(() => viewer.dispose());
    const el = await kit.mount(viewer, session.id);
    await kit.loaded(el, 4);
    const line = (text: string): string =>
      kit
        .messages(el)
        .find((m) => m.textContent!.includes(text))!
        .querySelector('[part="channel-delivery"]')!
        .textContent!.trim();
    expect(line('Delivered reply')).to.equal('Delivered to the customer.');
    expect(line('Failed reply')).to.equal('Not delivered to the customer: HTTP 500 <b>bad</b>');
    expect(line('Waiting reply')).to.equal('Sent to the channel, not delivered yet.');
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
