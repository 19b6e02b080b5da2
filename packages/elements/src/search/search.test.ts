import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { filter, firstValueFrom } from 'rxjs';
import {
  createLiveChatClient,
  type LiveChatClient,
  type Message,
  type TransportAdapter,
} from '@live-chat/core';
import { createMemoryBackend, type MemoryBackend } from '@live-chat/adapters';
import type { LiveChatSearch } from './search.js';
import './search.js';
import { countingClient } from '../test/counting-client.js';

// ── a small scripted world on the real memory backend ─────────────────────────────────────────

const SEED = {
  users: [
    { id: 'op-anna', name: 'Anna Petrova', role: 'operator' as const },
    { id: 'op-boris', name: 'Boris Ivanov', role: 'operator' as const },
  ],
  liveChats: [
    {
      id: 'lc-support',
      name: 'Support',
      channels: ['web' as const, 'telegram' as const],
      operatorIds: ['op-anna', 'op-boris'],
      supervisorIds: [],
      groupIds: [],
      reassignmentTargets: [],
    },
  ],
  groups: [],
  customers: [
    {
      id: 'cust-ivan',
      kind: 'external' as const,
      name: 'Ivan',
      account: '@ivan',
      messenger: 'telegram' as const,
    },
    {
      id: 'cust-mia',
      kind: 'external' as const,
      name: 'Mia',
      account: 'mia@example.com',
      messenger: 'web' as const,
    },
  ],
};

interface World {
  backend: MemoryBackend;
  client: LiveChatClient;
  /** Ivan's session: "Hello, my parcel is lost" / "The tracking number is ZX-42" / operator reply. */
  ivan: string;
  trackingMessage: Message;
  /** Mia's session, renamed "Refund question"; one message carries markup. */
  mia: string;
  markupMessage: Message;
}

const MARKUP =
  '<img src=x onerror="window.__searchPwned=1"> refund <script>window.__searchPwned=2</script><b>bold</b>';

const worlds: World[] = [];

/** Holds requests until opened. */
class Gate {
  private opened = false;
  private waiting: Array<() => void> = [];
  pass(): Promise<void> {
    return this.opened ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
  open(): void {
    this.opened = true;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

/** @param options.held searches for these texts wait until their gate is opened */
async function createWorld(options: { held?: Record<string, Gate> } = {}): Promise<World> {
  const backend = createMemoryBackend({ seed: structuredClone(SEED) });
  const write = (customerId: string, channel: 'web' | 'telegram', text: string) => {
    const result = backend.customerWrites({ customerId, liveChatId: 'lc-support', channel, text });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const ivan = write('cust-ivan', 'telegram', 'Hello, my parcel is lost').session.id;
  const trackingMessage = write('cust-ivan', 'telegram', 'The tracking number is ZX-42').message;
  const mia = write('cust-mia', 'web', 'Refund please').session.id;
  const markupMessage = write('cust-mia', 'web', MARKUP).message;

  const adapter = backend.connect('op-anna');
  // The real adapter, with searches for the `held` texts waiting at their gates.
  const transport: TransportAdapter = {
    connection$: adapter.connection$,
    snapshot: () => adapter.snapshot(),
    events: (sinceSeq) => adapter.events(sinceSeq),
    execute: (command) => adapter.execute(command),
    history: (query) => adapter.history(query),
    search: async (query) => (await options.held?.[query.text]?.pass(), adapter.search(query)),
    report: (query) => adapter.report(query),
    dispose: () => adapter.dispose(),
  };
  const client = createLiveChatClient({ adapter: transport, searchDebounceMs: 30 });
  await firstValueFrom(client.status$.pipe(filter((s) => s.state === 'ready')));
  const sent = await client.send(ivan, 'We will find your parcel');
  expect(sent.ok).to.equal(true);
  // Anna may act on Mia's session while it waits in her queue: renaming it gives a name to find.
  const renamed = await client.rename(mia, 'Refund question');
  expect(renamed.ok, JSON.stringify(renamed)).to.equal(true);
  const world = { backend, client, ivan, trackingMessage, mia, markupMessage };
  worlds.push(world);
  return world;
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

const inputOf = (el: LiveChatSearch) => el.shadowRoot!.querySelector('input')!;
const optionsOf = (el: LiveChatSearch) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]'),
];
const statusOf = (el: LiveChatSearch) =>
  el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
const liveRegionOf = (el: LiveChatSearch) =>
  el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const popupOf = (el: LiveChatSearch) =>
  el.shadowRoot!.querySelector<HTMLElement>('[part="popup"]')!;

async function type(el: LiveChatSearch, text: string): Promise<void> {
  inputOf(el).focus();
  await sendKeys({ type: text });
}

async function waitForStatus(el: LiveChatSearch, text: string): Promise<void> {
  await waitUntil(
    () => statusOf(el) === text,
    `status "${text}" never shown (last: "${statusOf(el)}")`,
    { timeout: 3000 },
  );
}

async function mount(client: LiveChatClient, sessionId?: string): Promise<LiveChatSearch> {
  return fixture<LiveChatSearch>(
    html`<live-chat-search .client=${client} session-id=${sessionId ?? ''}></live-chat-search>`,
  );
}

afterEach(async () => {
  for (const world of worlds.splice(0)) {
    world.client.dispose();
    await world.backend.dispose();
  }
});

// ── tests ────────────────────────────────────────────────────────────────────────────────────

describe('<live-chat-search>', () => {
  it('is an accessible, labelled combobox whose placeholder tells the scope', async () => {
    const { client, ivan } = await createWorld();
    const el = await mount(client);
    const input = inputOf(el);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).to.contain(
      'Search live chats',
    );
    expect(input.placeholder).to.equal('Search session names');
    await expect(el).to.be.accessible();

    el.sessionId = ivan;
    await el.updateComplete;
    expect(input.placeholder).to.equal('Search in this session');
    await expect(el).to.be.accessible();
  });

  it('finds a word from the open session’s history and highlights it', async () => {
    const { client, ivan, trackingMessage } = await createWorld();
    const el = await mount(client, ivan);
    await type(el, 'tracking');
    await waitForStatus(el, '1 result');
    const [hit] = optionsOf(el);
    expect(hit!.textContent).to.contain('The tracking number is ZX-42');
    expect(hit!.dataset.messageId).to.equal(trackingMessage.id);
    const marks = [...hit!.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).to.deep.equal(['tracking']);
    expect(hit!.textContent).to.contain(`in Ivan (Telegram)`);
    expect(inputOf(el).getAttribute('aria-expanded')).to.equal('true');
    expect(liveRegionOf(el)).to.equal('1 result');
    await expect(el).to.be.accessible();

    // The session's name is searched too, before its messages.
    inputOf(el).select();
    await sendKeys({ type: 'ivan' });
    await waitForStatus(el, '1 result');
    expect(optionsOf(el)[0]!.querySelector('mark')!.textContent).to.equal('Ivan');
    expect(optionsOf(el)[0]!.dataset.messageId).to.equal(undefined);
  });

  it('searches only session names when no session is open', async () => {
    const { client } = await createWorld();
    const el = await mount(client);
    // "tracking" is only in a message: nothing.
    await type(el, 'tracking');
    await waitForStatus(el, 'Nothing found for “tracking”');
    expect(optionsOf(el)).to.have.length(0);
    expect(liveRegionOf(el)).to.equal('Nothing found for “tracking”');
    await expect(el).to.be.accessible();

    inputOf(el).select();
    await sendKeys({ type: 'refund' });
    await waitForStatus(el, '1 result');
    const [hit] = optionsOf(el);
    expect(hit!.textContent).to.contain('Refund question');
    expect(hit!.querySelector('mark')!.textContent).to.equal('Refund');
    expect(hit!.dataset.messageId).to.equal(undefined);
  });

  it('emits live-chat-session-open with the messageId when a message hit is chosen by keyboard', async () => {
    const { client, ivan, trackingMessage } = await createWorld();
    const el = await mount(client, ivan);
    await type(el, 'parcel');
    await waitForStatus(el, '2 results');
    const input = inputOf(el);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const [first, second] = optionsOf(el);
    expect(input.getAttribute('aria-activedescendant')).to.equal(first!.id);
    expect(first!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(second!.id);
    await sendKeys({ press: 'ArrowDown' }); // wraps around
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(first!.id);
    await expect(el).to.be.accessible();

    // Newest first: the operator's reply, then Ivan's first message. Pick the reply with ArrowUp ×2.
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(first!.id);
    const expectedMessageId = first!.dataset.messageId;
    expect(expectedMessageId).to.be.a('string').and.not.equal(trackingMessage.id);
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'live-chat-session-open');
    expect(event.detail).to.deep.equal({ sessionId: ivan, messageId: expectedMessageId });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('emits live-chat-session-open when a hit is clicked (no messageId for a name hit)', async () => {
    const { client, mia, markupMessage } = await createWorld();
    const el = await mount(client, mia);
    await type(el, 'refund');
    await waitForStatus(el, '3 results');
    const [nameHit] = optionsOf(el);
    expect(nameHit!.dataset.messageId).to.equal(undefined);
    setTimeout(() => nameHit!.click());
    const byName = await oneEvent(el, 'live-chat-session-open');
    expect(byName.detail).to.deep.equal({ sessionId: mia });

    await sendKeys({ press: 'ArrowDown' }); // re-opens the results
    await el.updateComplete;
    const hit = optionsOf(el).find((o) => o.dataset.messageId === markupMessage.id)!;
    expect(hit).to.not.equal(undefined);
    setTimeout(() => hit.click());
    const byMessage = await oneEvent(el, 'live-chat-session-open');
    expect(byMessage.detail).to.deep.equal({ sessionId: mia, messageId: markupMessage.id });
  });

  it('renders customer markup in a hit as literal text', async () => {
    const { client, mia } = await createWorld();
    const el = await mount(client, mia);
    await type(el, 'bold');
    await waitForStatus(el, '1 result');
    const [hit] = optionsOf(el);
    expect(hit!.textContent).to.contain('</script><b>bold</b>');
    expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    expect(hit!.querySelector('mark')!.textContent).to.equal('bold');
    expect((window as unknown as { __searchPwned?: number }).__searchPwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('focuses the field on "/" unless the user is typing elsewhere', async () => {
    const { client } = await createWorld();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <textarea aria-label="Notes"></textarea>
        <button>Elsewhere</button>
        <live-chat-search .client=${client}></live-chat-search>
      </div>`,
    );
    const el = wrapper.querySelector('live-chat-search')!;
    await el.updateComplete;
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: '/' });
    expect(el.shadowRoot!.activeElement).to.equal(inputOf(el));
    expect(inputOf(el).value).to.equal('');

    const textarea = wrapper.querySelector('textarea')!;
    textarea.focus();
    await sendKeys({ type: 'a/b' });
    expect(document.activeElement).to.equal(textarea);
    expect(textarea.value).to.equal('a/b');
  });

  it('Escape clears the field and closes the results; a second Escape leaves the field', async () => {
    const { client, ivan } = await createWorld();
    const el = await mount(client, ivan);
    await type(el, 'tracking');
    await waitForStatus(el, '1 result');
    expect(popupOf(el).hidden).to.equal(false);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(inputOf(el).value).to.equal('');
    expect(popupOf(el).hidden).to.equal(true);
    expect(inputOf(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(inputOf(el));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(el.shadowRoot!.activeElement).to.equal(null);
  });

  it('never shows the results of an older query after a newer one (typing fast)', async () => {
    // The answer to "parcel" is held until after "number" has been answered.
    const parcel = new Gate();
    const { client, ivan } = await createWorld({ held: { parcel } });
    const el = await mount(client, ivan);
    await type(el, 'parcel');
    await waitUntil(
      () => popupOf(el).getAttribute('aria-busy') === 'true',
      'the first query never started',
    );
    expect(statusOf(el)).to.equal('Searching…');
    expect(liveRegionOf(el)).to.equal('');
    await expect(el).to.be.accessible();

    // Whenever the results change, every highlighted match belongs to the text in the field.
    const seen = new Set<string>();
    const stale: string[] = [];
    const observer = new MutationObserver(() => {
      const current = inputOf(el).value.trim().toLowerCase();
      for (const mark of el.shadowRoot!.querySelectorAll('mark')) {
        const matched = mark.textContent!.toLowerCase();
        seen.add(matched);
        if (matched !== current) stale.push(`${matched} while the field held ${current}`);
      }
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    inputOf(el).select();
    await sendKeys({ type: 'number' });
    await waitForStatus(el, '1 result');
    parcel.open(); // the stale answer arrives last
    await aTimeout(100);
    observer.disconnect();
    expect(stale).to.deep.equal([]);
    expect(seen.has('parcel')).to.equal(false);
    expect(seen.has('number')).to.equal(true);
    expect(statusOf(el)).to.equal('1 result');
    expect(optionsOf(el)).to.have.length(1);
  });

  it('shows a typed error and an offline state', async () => {
    const { client, backend } = await createWorld();
    const el = await mount(client, 'no-such-session');
    await type(el, 'hello');
    await waitForStatus(el, 'Search failed. Not found: it may have been removed.');
    expect(popupOf(el).getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();

    // A second client of the same backend, whose connection goes down.
    const adapter = backend.connect('op-boris');
    const offlineClient = createLiveChatClient({ adapter, searchDebounceMs: 30 });
    await firstValueFrom(offlineClient.status$.pipe(filter((s) => s.state === 'ready')));
    const offline = await mount(offlineClient);
    adapter.simulateConnection('offline');
    await type(offline, 'refund');
    await waitForStatus(
      offline,
      'You are offline. Search will be available again when the connection is back.',
    );
    expect(optionsOf(offline)).to.have.length(0);
    await expect(offline).to.be.accessible();
    adapter.simulateConnection('online');
    offlineClient.dispose();
  });

  it('leaves no subscription or listener behind after mount/unmount loops', async () => {
    const { client } = await createWorld();
    const counting = countingClient(client);
    const added: EventListenerOrEventListenerObject[] = [];
    const removed: EventListenerOrEventListenerObject[] = [];
    const add = document.addEventListener;
    const remove = document.removeEventListener;
    document.addEventListener = function (
      this: Document,
      type: string,
      listener: EventListenerOrEventListenerObject,
      ...rest: unknown[]
    ) {
      if (type === 'keydown') added.push(listener);
      return add.call(this, type, listener, ...(rest as [AddEventListenerOptions?]));
    } as typeof document.addEventListener;
    document.removeEventListener = function (
      this: Document,
      type: string,
      listener: EventListenerOrEventListenerObject,
      ...rest: unknown[]
    ) {
      if (type === 'keydown') removed.push(listener);
      return remove.call(this, type, listener, ...(rest as [EventListenerOptions?]));
    } as typeof document.removeEventListener;
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      for (let i = 0; i < 30; i++) {
        const el = document.createElement('live-chat-search');
        el.client = counting.client;
        if (i % 2 === 0) el.sessionId = 'whatever';
        host.append(el);
        await el.updateComplete;
        expect(counting.active()).to.be.greaterThan(0);
        el.remove();
      }
      expect(counting.active()).to.equal(0);
      expect(added.length).to.equal(30);
      expect(removed.filter((l) => added.includes(l)).length).to.equal(30);
    } finally {
      document.addEventListener = add;
      document.removeEventListener = remove;
    }
  });

  it('speaks Russian', async () => {
    const { client, ivan } = await createWorld();
    const el = await fixture<LiveChatSearch>(
      html`<live-chat-search .client=${client} session-id=${ivan} locale="ru"></live-chat-search>`,
    );
    expect(inputOf(el).placeholder).to.equal('Искать в этой сессии');
    await type(el, 'parcel');
    await waitForStatus(el, 'Найдено 2 результата');
  });
});
