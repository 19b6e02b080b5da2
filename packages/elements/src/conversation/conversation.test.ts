import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createLiveChatClient, type LiveChatClient, type Session } from '@live-chat/core';
import { createMemoryBackend, SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import './conversation.js';
import type { LiveChatConversation } from './conversation.js';
import { countingClient } from '../test/counting-client.js';
import {
  afterThisTest,
  seed,
  seededClient,
  waitUntil,
  type Adapter,
  type Backend,
} from '../test/seeded-client.js';

interface Setup {
  backend: Backend;
  adapter: Adapter;
  client: LiveChatClient;
}

/** The memory backend with the seed directory and history, and a ready client for `userId`. */
const setup = (
  options: { userId?: string; pageSize?: number; latencyMs?: number; deadlineMs?: number } = {},
): Promise<Setup> =>
  seededClient({
    userId: options.userId,
    latencyMs: options.latencyMs,
    client: {
      historyPageSize: options.pageSize ?? 50,
      ...(options.deadlineMs === undefined ? {} : { commandDeadlineMs: options.deadlineMs }),
    },
  });

let customerCount = 0;

/** A new external customer writes `texts` to Customer Support: a fresh queued session. */
function newSession(
  backend: Backend,
  texts: string[],
  name = `Test Customer ${++customerCount}`,
): Session {
  const added = backend.addCustomer({
    kind: 'external',
    name,
    account: `@test${customerCount}`,
    messenger: 'telegram',
  });
  if (!added.ok) throw new Error(added.error.message);
  let session: Session | undefined;
  for (const text of texts) {
    const written = backend.customerWrites({
      customerId: added.value.id,
      liveChatId: SEED_LIVE_CHATS.support,
      channel: 'telegram',
      text,
    });
    if (!written.ok) throw new Error(written.error.message);
    session = written.value.session;
  }
  if (!session) throw new Error('no message');
  return session;
}

function writeAgain(backend: Backend, session: Session, text: string): void {
  const written = backend.customerWrites({
    customerId: session.customerId,
    liveChatId: session.liveChatId,
    channel: session.channel,
    text,
  });
  if (!written.ok) throw new Error(written.error.message);
}

async function mount(
  client: LiveChatClient,
  sessionId?: string,
  style = '',
): Promise<LiveChatConversation> {
  const el = await fixture<LiveChatConversation>(
    html`<live-chat-conversation
      style=${style}
      .client=${client}
      .sessionId=${sessionId}
    ></live-chat-conversation>`,
  );
  return el;
}

const $ = <T extends Element = HTMLElement>(el: LiveChatConversation, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: LiveChatConversation, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const messages = (el: LiveChatConversation) => $$(el, 'article[part~="message"]');
const log = (el: LiveChatConversation) => $(el, '[role="log"]')!;
const composer = (el: LiveChatConversation) => $<HTMLTextAreaElement>(el, 'textarea')!;
const buttonByText = (el: LiveChatConversation, text: string) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim() === text);

async function loaded(el: LiveChatConversation, count?: number): Promise<void> {
  await waitUntil(
    () => messages(el).length > 0 && (count === undefined || messages(el).length >= count),
    'messages rendered',
  );
  await el.updateComplete;
}

describe('live-chat-conversation', () => {
  it('shows a hint when no session is selected', async () => {
    const { client } = await setup();
    const el = await mount(client);
    expect($(el, '[part="placeholder"]')!.textContent).to.contain('No session selected');
    expect(!!$(el, '[role="log"]'), 'absent').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows a loading state until the client has its snapshot', async () => {
    const backend = createMemoryBackend({ seed: seed() });
    const adapter = backend.connect(SEED_USERS.operatorA, { latencyMs: 200 });
    const client = createLiveChatClient({ adapter });
    afterThisTest(() => {
      client.dispose();
      void backend.dispose();
    });
    const el = await mount(client, 'whatever');
    expect($(el, '[role="status"]')!.textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it('shows the error when the client cannot load its state', async () => {
    const backend = createMemoryBackend({ seed: seed() });
    const adapter = backend.connect(SEED_USERS.operatorA);
    adapter.simulateConnection('offline');
    const client = createLiveChatClient({ adapter });
    afterThisTest(() => {
      client.dispose();
      void backend.dispose();
    });
    const el = await mount(client, 'any-session');
    await waitUntil(() => client.status.state === 'error', 'client error');
    await waitUntil(() => $(el, '[part="placeholder"] [role="alert"]'), 'error shown');
    expect($(el, '[part="placeholder"]')!.textContent).to.contain('could not be loaded');
    expect($(el, '[part="placeholder"] [role="alert"]')!.textContent).to.equal('You are offline.');
    await expect(el).to.be.accessible();
  });

  it('shows a history load error with Retry', async () => {
    const { backend, adapter, client } = await setup();
    const session = newSession(backend, ['Can you hear me?']);
    await waitUntil(() => client.getSession(session.id), 'session known');
    adapter.simulateConnection('offline');
    const el = await mount(client, session.id);
    await waitUntil(() => buttonByText(el, 'Retry'), 'retry offered');
    expect($(el, '[part="placeholder"]')!.textContent).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
    adapter.simulateConnection('online');
    buttonByText(el, 'Retry')!.click();
    await loaded(el, 1);
    expect(messages(el)[0]!.querySelector('[part="text"]')!.textContent).to.equal(
      'Can you hear me?',
    );
  });

  it('says when a session is unknown or not visible to the user', async () => {
    const { client } = await setup();
    const el = await mount(client, 'no-such-session');
    await waitUntil(() => $(el, '[part="placeholder"]')?.textContent?.includes('not available'));
    expect($(el, '[part="placeholder"]')!.textContent).to.contain('do not have access');
    await expect(el).to.be.accessible();
  });

  it('renders the history as a log with author, time and messenger icon', async () => {
    const { backend, client } = await setup();
    const session = newSession(backend, ['Hello, I need help', 'With my order']);
    const el = await mount(client, session.id);
    await loaded(el, 2);

    const history = log(el);
    expect(history.getAttribute('aria-live')).to.equal('polite');
    expect(history.getAttribute('aria-relevant')).to.equal('additions');
    expect(history.getAttribute('aria-label')).to.equal('Messages');

    const [first] = messages(el);
    const customerName = backend.getCustomer(session.customerId)!.name;
    expect(first!.querySelector('[part="author"]')!.textContent).to.equal(customerName);
    expect(first!.querySelector('[part="text"]')!.textContent).to.equal('Hello, I need help');
    const time = first!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(time.textContent!.trim()).to.match(/\d/);
    const icon = first!.querySelector('[part="channel-icon"]')!;
    expect(icon.getAttribute('role')).to.equal('img');
    expect(icon.getAttribute('aria-label')).to.equal('Telegram');

    // Header: name, customer, status.
    expect($(el, '[part="session-name"]')!.textContent).to.equal(session.name);
    expect($(el, '[part="customer"]')!.textContent).to.contain(customerName);
    expect($(el, '[part="status"]')!.textContent).to.contain('In queue');
    expect(composer(el).labels![0]!.textContent).to.equal('Message');
    await expect(el).to.be.accessible();
  });

  it('shows markup from a customer literally and runs nothing', async () => {
    const { backend, client } = await setup();
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const session = newSession(backend, [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script><b>bold</b>',
      'click javascript:window.__xss=3 or https://example.com/help and mailto:help@example.com',
    ]);
    const el = await mount(client, session.id);
    await loaded(el, 3);
    await aTimeout(50);

    const texts = messages(el).map((m) => m.querySelector('[part="text"]')!);
    expect(texts[0]!.textContent).to.equal('<img src=x onerror="window.__xss=1">');
    expect(texts[1]!.textContent).to.equal('<script>window.__xss=2</script><b>bold</b>');
    for (const text of texts) {
      expect(!!text.querySelector('img, script, b'), 'no markup').to.equal(false);
    }
    const links = [...texts[2]!.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.com/help',
      'mailto:help@example.com',
    ]);
    for (const link of links) expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(texts[2]!.textContent).to.contain('javascript:window.__xss=3');
    expect(w.__xss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('sends with Enter, adds a line with Shift+Enter, shows pending then sent, and replying takes the session', async () => {
    const { backend, client } = await setup({ latencyMs: 60 });
    const session = newSession(backend, ['Are you there?']);
    const el = await mount(client, session.id);
    await loaded(el, 1);

    composer(el).focus();
    await sendKeys({ type: 'Line one' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Line two' });
    expect(composer(el).value).to.equal('Line one\nLine two');
    expect(messages(el)).to.have.length(1);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(composer(el).value).to.equal('');
    const pending = messages(el)[1]!;
    expect(pending.querySelector('[part="text"]')!.textContent).to.equal('Line one\nLine two');
    expect(pending.querySelector('[part="delivery"]')!.textContent).to.contain('Sending…');
    expect(pending.getAttribute('part')).to.contain('pending');

    await waitUntil(() => !messages(el)[1]?.querySelector('[part="delivery"]'), 'message sent');
    expect(messages(el)).to.have.length(2);
    expect(messages(el)[1]!.querySelector('[part="author"]')!.textContent).to.equal(
      'Anna Kowalski (you)',
    );
    // Replying to a queued session took it.
    await waitUntil(() => backend.getSession(session.id)!.status === 'active');
    await waitUntil(() => $(el, '[part="status"]')!.textContent!.includes('Active'));
    expect(backend.messagesOf(session.id)).to.have.length(2);
    // Focus stayed in the composer.
    expect(el.shadowRoot!.activeElement === composer(el), 'focus').to.equal(true);
  });

  it('shows validation errors inline and keeps the text', async () => {
    const { backend, client } = await setup();
    const session = newSession(backend, ['Hi']);
    const el = await mount(client, session.id);
    await loaded(el, 1);

    composer(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="composer-error"]'), 'empty error');
    expect($(el, '[part="composer-error"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part="composer-error"]')!.textContent).to.contain('cannot be empty');

    const long = 'x'.repeat(4005);
    composer(el).value = long;
    composer(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(!!$(el, '[part="composer-error"]'), 'absent').to.equal(false);
    const count = $(el, '[part~="count"]')!;
    expect(count.textContent).to.contain('4,005 / 4,000');
    expect(count.textContent).to.contain('5 characters over the limit');
    expect(composer(el).getAttribute('aria-invalid')).to.equal('true');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="composer-error"]'), 'too long error');
    expect($(el, '[part="composer-error"]')!.textContent).to.contain('at most 4,000 characters');
    expect(composer(el).value).to.equal(long);
    expect(messages(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows a message sent offline as not confirmed yet, and delivers it once back online', async () => {
    const { backend, adapter, client } = await setup();
    const session = newSession(backend, ['Hello?']);
    expect((await client.take(session.id)).ok).to.equal(true);
    const el = await mount(client, session.id);
    await loaded(el, 1);

    adapter.simulateConnection('offline');
    composer(el).focus();
    await sendKeys({ type: 'Back in a moment' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () =>
        $(el, '[part~="unconfirmed"] [part="delivery"]')?.textContent?.includes('Not confirmed'),
      'not confirmed yet',
    );
    expect($(el, '[part~="failed"]')).to.equal(null);
    await expect(el).to.be.accessible();

    adapter.simulateConnection('online');
    await waitUntil(
      () => !$(el, '[part~="unconfirmed"]') && !$(el, '[part~="pending"]'),
      'sent once back online',
    );
    expect(backend.messagesOf(session.id).map((m) => m.text)).to.deep.equal([
      'Hello?',
      'Back in a moment',
    ]);
  });

  it('marks a message failed when offline past its deadline, and Retry sends it once back online', async () => {
    const { backend, adapter, client } = await setup({ deadlineMs: 300 });
    const session = newSession(backend, ['Hello?']);
    const taken = await client.take(session.id);
    expect(taken.ok).to.equal(true);
    const el = await mount(client, session.id);
    await loaded(el, 1);

    adapter.simulateConnection('offline');
    await waitUntil(
      () => $(el, '[part="composer-hint"]')?.textContent?.includes('offline'),
      'offline note',
    );
    composer(el).focus();
    await sendKeys({ type: 'Are you still there?' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~="failed"]'), 'failed message');
    const failed = $(el, '[part~="failed"]')!;
    expect(failed.querySelector('[part="delivery"]')!.textContent).to.contain('Not sent');
    expect(!!failed.querySelector('[part="retry-button"]'), 'present').to.equal(true);
    expect(!!failed.querySelector('[part="discard-button"]'), 'present').to.equal(true);
    // The text lives in the failed message, not lost and not duplicated in the composer.
    expect(composer(el).value).to.equal('');
    await expect(el).to.be.accessible();

    adapter.simulateConnection('online');
    failed.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitUntil(
      () => !$(el, '[part~="failed"]') && !$(el, '[part~="pending"]'),
      'sent after retry',
    );
    expect(backend.messagesOf(session.id).map((m) => m.text)).to.deep.equal([
      'Hello?',
      'Are you still there?',
    ]);
  });

  it('discards a failed message', async () => {
    const { backend, adapter, client } = await setup({ deadlineMs: 300 });
    const session = newSession(backend, ['Hello?']);
    await client.take(session.id);
    const el = await mount(client, session.id);
    await loaded(el, 1);
    adapter.simulateConnection('offline');
    composer(el).focus();
    await sendKeys({ type: 'Lost words' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~="failed"]'), 'failed message');
    $<HTMLButtonElement>(el, '[part="discard-button"]')!.click();
    await waitUntil(() => messages(el).length === 1, 'discarded');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement === composer(el), 'focus').to.equal(true);
  });

  it('takes a queued session', async () => {
    const { backend, client } = await setup();
    const session = newSession(backend, ['Hi']);
    const el = await mount(client, session.id);
    await loaded(el, 1);
    expect($(el, '[part="composer-hint"]')!.textContent).to.contain('Replying takes this session');
    const take = $<HTMLButtonElement>(el, '[part="take-button"]')!;
    expect(take.textContent!.trim()).to.equal('Take');
    take.click();
    await waitUntil(() => $(el, '[part="status"]')!.textContent!.includes('Active'), 'active');
    expect(backend.getSession(session.id)!.assignee).to.deep.equal({
      kind: 'operator',
      operatorId: SEED_USERS.operatorA,
    });
    expect(!!$(el, '[part="take-button"]'), 'absent').to.equal(false);
    expect(!!$(el, '[part="return-button"]'), 'present').to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement === composer(el), 'focus').to.equal(true);
  });

  it('shows a typed error when another operator took the session first', async () => {
    const { backend, client } = await setup();
    const session = newSession(backend, ['Hi']);
    const el = await mount(client, session.id);
    await loaded(el, 1);
    // Ben takes it on the backend before Anna's click reaches it.
    const result = backend.execute(SEED_USERS.operatorB, {
      type: 'session.take',
      commandId: 'ben-take',
      sessionId: session.id,
    });
    expect(result.ok).to.equal(true);
    const take = $<HTMLButtonElement>(el, '[part="take-button"]');
    if (take) {
      take.click();
      await waitUntil(
        () => $(el, '[part="action-error"]') || $(el, '[part="placeholder"]'),
        'refused',
      );
    }
    // Either the error is shown, or the session already vanished from Anna's view.
    await waitUntil(
      () => $(el, '[part="placeholder"]')?.textContent?.includes('not available'),
      'gone',
    );
    await expect(el).to.be.accessible();
  });

  it('returns an active session to the queue', async () => {
    const { backend, client } = await setup();
    const session = newSession(backend, ['Hi']);
    await client.take(session.id);
    const el = await mount(client, session.id);
    await loaded(el, 1);
    $<HTMLButtonElement>(el, '[part="return-button"]')!.click();
    await waitUntil(() => backend.getSession(session.id)!.status === 'queued', 'queued');
    await waitUntil(() => $(el, '[part="take-button"]'), 'take offered again');
  });

  it('asks before closing; Escape cancels, confirming closes and fires live-chat-session-closed', async () => {
    const { backend, client } = await setup();
    const session = newSession(backend, ['Thanks, bye']);
    await client.take(session.id);
    const el = await mount(client, session.id);
    await loaded(el, 1);

    const closeButton = $<HTMLButtonElement>(el, '[part="close-button"]')!;
    closeButton.focus();
    closeButton.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('close-dialog-title');
    expect(
      el.shadowRoot!.activeElement === dialog.querySelector('[data-dialog-cancel]'),
      'focus',
    ).to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'dialog closed by Escape');
    await waitUntil(
      () => el.shadowRoot!.activeElement === $(el, '[part="close-button"]'),
      'focus back on Close session',
    );
    expect(backend.getSession(session.id)!.status).to.equal('active');

    $<HTMLButtonElement>(el, '[part="close-button"]')!.click();
    expect(dialog.open).to.equal(true);
    const closed = oneEvent(el, 'live-chat-session-closed');
    dialog.querySelector<HTMLButtonElement>('[data-dialog-confirm]')!.click();
    const event = await closed;
    expect(event.detail).to.deep.equal({ sessionId: session.id });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(backend.getSession(session.id)!.status).to.equal('closed');

    await waitUntil(() => $(el, '[part="closed-note"]'), 'closed note');
    expect(dialog.open).to.equal(false);
    expect(!!$(el, 'textarea'), 'absent').to.equal(false);
    expect($(el, '[part="status"]')!.textContent).to.contain('Closed');
    expect(messages(el)).to.have.length(1); // history kept
    await waitUntil(
      () => el.shadowRoot!.activeElement === $(el, '[part="closed-note"]'),
      'focus on the closed note',
    );
    // The session moved to Closed.
    const closedList = await new Promise<string[]>((resolve) => {
      const sub = client.sessions$(SEED_LIVE_CHATS.support, 'closed').subscribe((list) => {
        resolve(list.map((v) => v.session.id));
      });
      sub.unsubscribe();
    });
    expect(closedList).to.include(session.id);
    await expect(el).to.be.accessible();
  });

  it('loads older pages on scrolling to the top without moving the view', async () => {
    const { backend, client } = await setup({ pageSize: 10 });
    const session = newSession(
      backend,
      Array.from({ length: 25 }, (_, i) => `Message number ${i + 1}`),
    );
    const el = await mount(client, session.id, 'height:320px');
    await loaded(el, 10);
    const history = log(el);
    await waitUntil(() => history.scrollTop > 0, 'pinned to the bottom');
    expect(Math.abs(history.scrollHeight - history.scrollTop - history.clientHeight)).to.be.below(
      2,
    );
    expect(messages(el)).to.have.length(10);
    expect(!!buttonByText(el, 'Load older messages'), 'present').to.equal(true);

    const anchor = messages(el)[0]!;
    history.scrollTop = 10;
    const topBefore = anchor.getBoundingClientRect().top;
    history.dispatchEvent(new Event('scroll'));
    await waitUntil(() => messages(el).length === 20, 'older page loaded');
    await el.updateComplete;
    await aTimeout(0);
    expect(messages(el)[10] === anchor, 'same element').to.equal(true);
    expect(Math.abs(anchor.getBoundingClientRect().top - topBefore)).to.be.below(2);

    // The keyboard alternative.
    buttonByText(el, 'Load older messages')!.click();
    await waitUntil(() => messages(el).length === 25, 'all loaded');
    await waitUntil(() =>
      $(el, '.log-top')!.textContent!.includes('beginning of the conversation'),
    );
    await expect(el).to.be.accessible();
  });

  it('stays pinned to the bottom as messages arrive, and offers "New messages" after the user scrolled up', async () => {
    const { backend, client } = await setup();
    const session = newSession(
      backend,
      Array.from({ length: 20 }, (_, i) => `Line ${i + 1}`),
    );
    await client.take(session.id);
    const el = await mount(client, session.id, 'height:320px');
    await loaded(el, 20);
    const history = log(el);
    const atBottom = () => history.scrollHeight - history.scrollTop - history.clientHeight < 2;
    await waitUntil(atBottom, 'starts at the bottom');

    writeAgain(backend, session, 'Arrived while pinned');
    await waitUntil(() => messages(el).length === 21, 'new message');
    await el.updateComplete;
    expect(atBottom()).to.equal(true);
    expect(!!$(el, '[part="new-messages"]'), 'absent').to.equal(false);

    composer(el).focus();
    history.scrollTop = 0;
    history.dispatchEvent(new Event('scroll'));
    await aTimeout(20);
    writeAgain(backend, session, 'Arrived while scrolled up');
    await waitUntil(() => messages(el).length === 22, 'second new message');
    await el.updateComplete;
    expect(history.scrollTop).to.equal(0);
    const indicator = $<HTMLButtonElement>(el, '[part~="new-messages"]')!;
    expect(indicator.textContent).to.contain('New messages');
    // Incoming messages never take focus.
    expect(el.shadowRoot!.activeElement === composer(el), 'focus').to.equal(true);
    await expect(el).to.be.accessible();

    indicator.click();
    await el.updateComplete;
    expect(atBottom()).to.equal(true);
    expect(!!$(el, '[part~="new-messages"]'), 'absent').to.equal(false);
  });

  it('marks new customer messages read while visible, but not while the document is hidden', async () => {
    const { backend, client } = await setup();
    const session = newSession(backend, ['One', 'Two']);
    await client.take(session.id);
    writeAgain(backend, session, 'Three');
    await waitUntil(() => client.getSession(session.id)?.unread === 3, 'unread');
    const el = await mount(client, session.id);
    await loaded(el, 3);
    await waitUntil(() => client.getSession(session.id)?.unread === 0, 'read');

    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    afterThisTest(() => {
      delete (document as unknown as Record<string, unknown>)['visibilityState'];
      void visibility;
    });
    document.dispatchEvent(new Event('visibilitychange'));
    writeAgain(backend, session, 'Four');
    await waitUntil(() => messages(el).length === 4, 'fourth');
    await aTimeout(700);
    expect(client.getSession(session.id)?.unread).to.equal(1);

    delete (document as unknown as Record<string, unknown>)['visibilityState'];
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => client.getSession(session.id)?.unread === 0, 'read once visible');
  });

  it('jumps to a highlighted message, loading older pages, and focuses it', async () => {
    const { backend, client } = await setup({ pageSize: 5 });
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
    await waitUntil(() => $(el, `[data-message-id="${target.id}"]`), 'target loaded');
    await waitUntil(() => $(el, '.message.highlighted'), 'highlighted');
    const element = $(el, `[data-message-id="${target.id}"]`)!;
    expect(element.classList.contains('highlighted')).to.equal(true);
    await waitUntil(() => el.shadowRoot!.activeElement === element, 'focused');
    const logBox = log(el).getBoundingClientRect();
    const box = element.getBoundingClientRect();
    expect(box.bottom > logBox.top && box.top < logBox.bottom).to.equal(true);
  });

  it('highlights without taking focus when focusHighlight is false', async () => {
    const { backend, client } = await setup();
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
    await waitUntil(() => $(el, '.message.highlighted'), 'highlighted');
    expect(el.shadowRoot!.activeElement === null, 'nothing focused').to.equal(true);
  });

  it('shows a closed session with its history and a note instead of the composer', async () => {
    const { backend, client } = await setup();
    const session = newSession(backend, ['Old question']);
    await client.take(session.id);
    await client.close(session.id);
    const el = await mount(client, session.id);
    await loaded(el, 1);
    expect($(el, '[part="closed-note"]')!.textContent).to.contain('This session is closed');
    expect(!!$(el, 'textarea'), 'absent').to.equal(false);
    expect(!!$(el, '[part="close-button"]'), 'absent').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('translates its texts when the locale changes', async () => {
    const { backend, client } = await setup();
    const session = newSession(backend, ['Привет']);
    const el = await mount(client, session.id);
    await loaded(el, 1);
    el.locale = 'ru';
    await el.updateComplete;
    expect($(el, '[part="take-button"]')!.textContent!.trim()).to.equal('Взять');
    expect(composer(el).labels![0]!.textContent).to.equal('Сообщение');
  });

  it('leaves no subscription behind after mount/unmount loops', async () => {
    const { backend, client: real } = await setup();
    const session = newSession(backend, ['Hi']);
    const { client, active } = countingClient(real);
    for (let i = 0; i < 20; i++) {
      const el = await mount(client, i % 2 ? session.id : undefined);
      if (i % 2) await loaded(el, 1);
      expect(active()).to.be.above(0);
      el.remove();
      expect(active()).to.equal(0);
    }
    const el = await mount(client, session.id);
    await loaded(el, 1);
    el.sessionId = undefined;
    await el.updateComplete;
    el.sessionId = session.id;
    await el.updateComplete;
    el.remove();
    expect(active()).to.equal(0);
  });
});
