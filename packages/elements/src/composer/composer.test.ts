import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveChatClient, MessageView, OutboxStore } from '@live-chat/core';
import './index.js'; // the entry, as a host imports it (it says where the file tray's code is)
import type { ComposerSendDetail, LiveChatComposer } from './composer.js';
import { messageOfSend } from './message-of-send.js';
import { newSession } from '../test/customer-writes.js';
import { memoryBackend, seededClient, startClient, waitUntil } from '../test/seeded-client.js';
import { sessionStory } from '../test/session-story.js';
import { testForLeaks } from '../test/test-for-leaks.js';
import { typeLines } from '../test/typing.js';
import { withOverrides } from '../test/with-overrides.js';

async function mount(client: LiveChatClient, sessionId?: string): Promise<LiveChatComposer> {
  const el = await fixture<LiveChatComposer>(
    html`<live-chat-composer .client=${client} .sessionId=${sessionId}></live-chat-composer>`,
  );
  await waitUntil(() => isReady(el), 'ready');
  await el.updateComplete;
  return el;
}

/** Without a session, or with the form, a hint or the closed note shown. */
const isReady = (el: LiveChatComposer) =>
  !el.sessionId || el.acceptsInput || part(el, 'composer-hint') || part(el, 'closed-note');

const part = <T extends Element = HTMLElement>(el: LiveChatComposer, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const input = (el: LiveChatComposer) => part<HTMLTextAreaElement>(el, 'composer-input')!;

async function type(el: LiveChatComposer, text: string): Promise<void> {
  input(el).value = text;
  input(el).dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('live-chat-composer', () => {
  it('is a labelled textarea with Send, disabled without a session', async () => {
    const { client } = await seededClient();
    const el = await mount(client);
    expect(input(el).labels![0]!.textContent).to.equal('Message');
    expect(input(el).disabled).to.equal(true);
    expect(part<HTMLButtonElement>(el, 'send-button')!.disabled).to.equal(true);
    expect(el.acceptsInput).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('sends with Enter and fires live-chat-send; Shift+Enter adds a line', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    expect(part(el, 'composer-hint')!.textContent).to.contain('Replying takes this session');
    await expect(el).to.be.accessible();

    input(el).focus();
    await typeLines('First line', 'second line  ');
    const sent = oneEvent(el, 'live-chat-send');
    await sendKeys({ press: 'Enter' });
    const event = (await sent) as CustomEvent<ComposerSendDetail>;
    expect(event.detail).to.deep.equal({
      sessionId: session.id,
      text: 'First line\nsecond line',
    });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    await waitUntil(() => backend.messagesOf(session.id).length === 2, 'stored');
    expect(backend.messagesOf(session.id)[1]!.text).to.equal('First line\nsecond line');
    expect(el.shadowRoot!.activeElement === input(el), 'focus stays').to.equal(true);
  });

  it('keeps the text when a listener cancels live-chat-send', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    el.addEventListener('live-chat-send', (event) => event.preventDefault());
    await type(el, 'Not through the client');
    part<HTMLButtonElement>(el, 'send-button')!.click();
    await el.updateComplete;
    expect(input(el).value).to.equal('Not through the client');
    expect(backend.messagesOf(session.id)).to.have.length(1);
  });

  it('shows validation errors, the count near the limit, and sends nothing invalid', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    let fired = 0;
    el.addEventListener('live-chat-send', () => fired++);

    await el.send();
    await el.updateComplete;
    expect(part(el, 'composer-error')!.textContent).to.contain('cannot be empty');
    expect(part(el, 'composer-error')!.getAttribute('role')).to.equal('alert');
    expect(input(el).getAttribute('aria-describedby')).to.contain('composer-error');

    await type(el, 'y'.repeat(4002));
    expect(part(el, 'composer-error'), 'cleared by typing').to.equal(null);
    expect(part(el, 'count')!.textContent).to.contain('4,002 / 4,000');
    expect(part(el, 'count')!.textContent).to.contain('2 characters over the limit');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    await el.send();
    await el.updateComplete;
    expect(part(el, 'composer-error')!.textContent).to.contain('at most 4,000 characters');
    expect(input(el).value).to.have.length(4002);
    expect(fired).to.equal(0);
    expect(backend.messagesOf(session.id)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('keeps a draft per session, in the drafts map it is given', async () => {
    const { backend, client } = await seededClient();
    const first = newSession(backend);
    const second = newSession(backend);
    const drafts = new Map<string, string>();
    const el = await mount(client, first.id);
    el.drafts = drafts;
    await type(el, 'Draft for the first');
    el.sessionId = second.id;
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    el.sessionId = first.id;
    await el.updateComplete;
    expect(input(el).value).to.equal('Draft for the first');
    expect(drafts.get(first.id)).to.equal('Draft for the first');
  });

  it('is read only where the user may not reply', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const readOnly = withOverrides(client, { canActOn: () => false });
    const el = await mount(readOnly, session.id);
    expect(part(el, 'composer-hint')!.textContent).to.contain('read this session but not reply');
    expect(input(el).disabled).to.equal(true);
    expect(el.acceptsInput).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('warns when offline', async () => {
    const { backend, adapter, client } = await seededClient();
    const session = newSession(backend);
    const el = await mount(client, session.id);
    adapter.simulateConnection('offline');
    await waitUntil(() => part(el, 'composer-hint')?.textContent?.includes('You are offline'));
    await expect(el).to.be.accessible();
  });

  it('shows a note instead of the form in a closed session, and focus() goes to it', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    await client.take(session.id);
    await client.close(session.id);
    const el = await mount(client, session.id);
    await waitUntil(() => part(el, 'closed-note'), 'closed note');
    expect(part(el, 'closed-note')!.textContent).to.contain('This session is closed');
    expect(part(el, 'composer-input')).to.equal(null);
    el.focus();
    expect(el.shadowRoot!.activeElement === part(el, 'closed-note'), 'focus').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows a notice when unsent messages cannot be saved', async () => {
    const refuse = () => Promise.reject(new Error('Storage is full.'));
    const outbox: OutboxStore = { load: refuse, put: refuse, remove: refuse };
    const backend = memoryBackend();
    const { client } = startClient(backend, { client: { outbox } });
    const session = newSession(backend);
    const el = await mount(client, session.id);
    await waitUntil(() => part(el, 'outbox-notice'), 'notice');
    expect(part(el, 'outbox-notice')!.textContent).to.contain('lost if you reload');
    expect(part(el, 'outbox-notice')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('leaves a failed send to the conversation (Retry and Discard), and stays empty', async () => {
    const { backend, adapter, client } = await seededClient({
      client: { commandDeadlineMs: 200 },
    });
    const session = newSession(backend);
    await client.take(session.id);
    const el = await mount(client, session.id);
    adapter.simulateConnection('offline');
    await type(el, 'Are you still there?');
    await el.send();
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(part(el, 'composer-error')).to.equal(null);
  });

  it('gives the text back when a send is refused before any message shows, even if an older failed message has the same text', async () => {
    const { backend, adapter, client } = await seededClient({
      client: { commandDeadlineMs: 200 },
    });
    const session = newSession(backend);
    await client.take(session.id);
    // An earlier send of the same words failed, and is kept as failed.
    adapter.simulateConnection('offline');
    const earlier = await client.send(session.id, 'Same words');
    expect(earlier.ok).to.equal(false);
    // This client refuses the next send outright: no message is shown for it.
    const refusing = withOverrides(client, {
      send: () =>
        Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'Not allowed.' } }),
    });
    const el = await mount(refusing, session.id);
    await type(el, 'Same words');
    await el.send();
    await el.updateComplete;
    expect(input(el).value).to.equal('Same words');
    expect(part(el, 'composer-error')!.textContent).to.contain(
      'You do not have permission for this.',
    );
    await expect(el).to.be.accessible();
  });

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    await testForLeaks(
      sessionStory('live-chat-composer', (round) => (round % 2 ? session.id : undefined)),
      { client, ready: (el: LiveChatComposer) => waitUntil(() => isReady(el), 'ready') },
    );
  });
});

describe('messageOfSend', () => {
  const message = (clientMessageId: string, text: string, order: number): MessageView => ({
    id: `m-${clientMessageId}`,
    sessionId: 's-1',
    clientMessageId,
    author: { kind: 'operator', userId: 'op-anna' },
    text,
    channel: 'web',
    sentAt: order,
    order,
    delivery: 'failed',
  });
  const older = message('c-1', 'Same words', 1);
  const mine = message('c-2', 'Same words', 2);
  const other = message('c-3', 'Other words', 3);

  it('finds the message the result names', () => {
    const found = messageOfSend([older, mine, other], {
      text: 'Other words',
      before: new Set(),
      clientMessageId: 'c-2',
    });
    expect(found).to.equal(mine);
  });

  it('without an id, takes the newest message with the text that was not there before', () => {
    expect(messageOfSend([older, mine], { text: 'Same words', before: new Set(['c-1']) })).to.equal(
      mine,
    );
    expect(messageOfSend([older], { text: 'Same words', before: new Set(['c-1']) })).to.equal(
      undefined,
    );
    expect(messageOfSend([older, mine, other], { text: 'Same words', before: new Set() })).to.equal(
      mine,
    );
  });
});
