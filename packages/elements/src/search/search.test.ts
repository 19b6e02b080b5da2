import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LiveChatClient, Message } from '@live-chat/core';
import type { MemoryBackend } from '@live-chat/adapters';
import type { LiveChatSearch } from './search.js';
import './search.js';
import { writeToSupport } from '../test/customer-writes.js';
import { FORCED_COLORS, whileMatching } from '../test/cdp.js';
import { Gate } from '../test/gate.js';
import { connectClient, memoryBackend } from '../test/seeded-client.js';
import { externalCustomer, operator, smallSeed, supportChat } from '../test/small-seed.js';
import { testForLeaks } from '../test/test-for-leaks.js';
import { withOverrides } from '../test/with-overrides.js';

// ── a small scripted world on the real memory backend ─────────────────────────────────────────

const seed = () =>
  smallSeed({
    users: [operator('op-anna', 'Anna Petrova'), operator('op-boris', 'Boris Ivanov')],
    liveChats: [supportChat({ operatorIds: ['op-anna', 'op-boris'] })],
    customers: [
      externalCustomer('cust-ivan', 'Ivan', '@ivan'),
      externalCustomer('cust-mia', 'Mia', 'mia@example.com', 'web'),
    ],
  });

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

/** @param options.held searches for these texts wait until their gate is opened */
async function createWorld(options: { held?: Record<string, Gate> } = {}): Promise<World> {
  const backend = memoryBackend(seed());
  const ivan = writeToSupport(backend, 'cust-ivan', 'Hello, my parcel is lost').session.id;
  const tracking = writeToSupport(backend, 'cust-ivan', 'The tracking number is ZX-42').message;
  const mia = writeToSupport(backend, 'cust-mia', 'Refund please', 'web').session.id;
  const markupMessage = writeToSupport(backend, 'cust-mia', MARKUP, 'web').message;

  const { client } = await connectClient(backend, {
    userId: 'op-anna',
    client: { searchDebounceMs: 30 },
    // The real adapter, with searches for the `held` texts waiting at their gates.
    wrapAdapter: (adapter) =>
      withOverrides(adapter, {
        search: async (query) => (await options.held?.[query.text]?.pass(), adapter.search(query)),
      }),
  });
  const sent = await client.send(ivan, 'We will find your parcel');
  expect(sent.ok).to.equal(true);
  // Anna may act on Mia's session while it waits in her queue: renaming it gives a name to find.
  const renamed = await client.rename(mia, 'Refund question');
  expect(renamed.ok, JSON.stringify(renamed)).to.equal(true);
  return { backend, client, ivan, trackingMessage: tracking, mia, markupMessage };
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

/** A world, the search in one of its sessions, `text` typed, and `status` shown. */
async function searched(session: 'ivan' | 'mia', text: string, status: string) {
  const world = await createWorld();
  const el = await mount(world.client, world[session]);
  await type(el, text);
  await waitForStatus(el, status);
  return { ...world, el };
}

async function mount(client: LiveChatClient, sessionId?: string): Promise<LiveChatSearch> {
  return fixture<LiveChatSearch>(
    html`<live-chat-search .client=${client} session-id=${sessionId ?? ''}></live-chat-search>`,
  );
}

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
    const { trackingMessage, el } = await searched('ivan', 'tracking', '1 result');
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
    const { ivan, trackingMessage, el } = await searched('ivan', 'parcel', '2 results');
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
    const { mia, markupMessage, el } = await searched('mia', 'refund', '3 results');
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
    const { el } = await searched('mia', 'bold', '1 result');
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
    const { el } = await searched('ivan', 'tracking', '1 result');
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
    const { adapter, client: offlineClient } = await connectClient(backend, {
      userId: 'op-boris',
      client: { searchDebounceMs: 30 },
    });
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
  });

  it('draws focus with an outline, which forced colours keep', async () => {
    const { client } = await createWorld();
    const el = await mount(client);
    const field = el.shadowRoot!.querySelector<HTMLElement>('[part="field"]')!;
    const outline = await whileMatching(FORCED_COLORS, async () => {
      inputOf(el).focus();
      const style = getComputedStyle(field);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).to.equal('solid 2px');
  });

  it('leaves no subscription or listener behind after being mounted and removed 50 times', async () => {
    const { client } = await createWorld();
    const report = await testForLeaks(
      ({ client, round }) =>
        html`<live-chat-search
          .client=${client}
          session-id=${round % 2 === 0 ? 'whatever' : ''}
        ></live-chat-search>`,
      { client },
    );
    // Mounted, it listens for its keyboard shortcut on the document.
    expect(report.peakListeners).to.be.greaterThan(0);
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
