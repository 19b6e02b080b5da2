import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { filter, firstValueFrom } from 'rxjs';
import type { LiveChatClient } from '@live-chat/core';
import type { MemoryAdapter, MemoryBackend } from '@live-chat/adapters';
import { formatDuration } from '../shared/format.js';
import { formatDay } from './report-dates.js';
import type { LiveChatReports } from './reports.js';
import './reports.js';
import { countingClient } from '../test/counting-client.js';
import { writeToSupport } from '../test/customer-writes.js';
import { Gate } from '../test/gate.js';
import { pressKeys } from '../test/keyboard.js';
import { connectClient, memoryBackend, startClient } from '../test/seeded-client.js';
import {
  externalCustomer,
  operator,
  salesChat,
  smallSeed,
  supervisor,
  supportChat,
} from '../test/small-seed.js';
import { testForLeaks } from '../test/test-for-leaks.js';
import { withOverrides } from '../test/with-overrides.js';

// ── a fresh backend and a scripted day ───────────────────────────────────────────────────────

const seed = () =>
  smallSeed({
    users: [
      operator('op-anna', 'Anna Petrova'),
      operator('op-boris', 'Boris Ivanov'),
      supervisor('sup-sofia', 'Sofia Smirnova'),
      operator('op-carl', 'Carl Berg'),
    ],
    liveChats: [
      supportChat({
        operatorIds: ['op-anna', 'op-boris'],
        supervisorIds: ['sup-sofia'],
        tags: [
          { id: 'tag-billing', label: 'Billing' },
          { id: 'tag-vip', label: 'VIP' },
        ],
      }),
      salesChat({ operatorIds: ['op-carl'] }),
    ],
    customers: [
      externalCustomer('cust-petr', 'Petr', '@petr'),
      externalCustomer('cust-ivan', 'Ivan', '@ivan'),
      externalCustomer('cust-mia', 'Mia', 'mia@example.com', 'web'),
      externalCustomer('cust-olga', 'Olga', 'olga@example.com', 'web'),
    ],
  });

/** Local time on a day of November 2026. */
const at = (day: number, hours: number, minutes: number) =>
  new Date(2026, 10, day, hours, minutes).getTime();
const MINUTE = 60_000;

interface World {
  backend: MemoryBackend;
  /** Sofia, the supervisor, who looks at the reports. */
  client: LiveChatClient;
  adapter: MemoryAdapter;
  setNow(time: number): void;
  /** With `gated`: snapshot and report requests wait until their gate is opened. */
  gates: { snapshot: Gate; report: Gate };
}

/** Resolves once the client has loaded. */
const ready = (client: LiveChatClient) =>
  firstValueFrom(client.status$.pipe(filter((s) => s.state === 'ready')));

async function createWorld(options: { gated?: boolean } = {}): Promise<World> {
  let now = at(22, 8, 0);
  const backend = memoryBackend(seed(), { now: () => now });
  const gates = { snapshot: new Gate(), report: new Gate() };
  if (!options.gated) {
    gates.snapshot.open();
    gates.report.open();
  }
  const { adapter, client } = startClient(backend, {
    userId: 'sup-sofia',
    // The real adapter, with the two reads held at their gates.
    wrapAdapter: (adapter) =>
      withOverrides(adapter, {
        snapshot: async () => (await gates.snapshot.pass(), adapter.snapshot()),
        report: async (query) => (await gates.report.pass(), adapter.report(query)),
      }),
  });
  if (!options.gated) await ready(client);
  return { backend, client, adapter, gates, setNow: (time) => (now = time) };
}

/**
 * Customers write, operators take, reply and close through their own clients, at scripted times:
 *
 * | time (Nov)  | what                                   | episode                 |
 * | 23 15:00    | Petr writes                            | E0 starts               |
 * | 23 15:03    | Anna replies (takes it)                | E0 taken + answered     |
 * | 23 15:10    | Anna closes                            | E0 closed               |
 * | 24 09:00    | Ivan writes                            | E1 starts               |
 * | 24 09:02    | Anna takes                             | E1 taken                |
 * | 24 09:05    | Anna replies                           | E1 answered             |
 * | 24 09:10    | Mia writes                             | E2 starts               |
 * | 24 09:16    | Boris replies (takes it)               | E2 taken + answered     |
 * | 24 09:20    | Ivan writes again (session still open) | —                       |
 * | 24 09:30    | Anna closes Ivan's session             | E1 closed               |
 * | 24 10:00    | Olga writes                            | E3 starts, never taken  |
 * | 24 11:00    | Boris writes again to Mia              | —                       |
 */
async function scriptDay(world: World): Promise<void> {
  const { backend, setNow } = world;
  const { client: anna } = await connectClient(backend, { userId: 'op-anna' });
  const { client: boris } = await connectClient(backend, { userId: 'op-boris' });
  const write = async (customerId: string, channel: 'web' | 'telegram', text: string) => {
    const { session, message } = writeToSupport(backend, customerId, text, channel);
    // The supervisor sees every session of the live chat: wait until the message reached her.
    await waitUntil(
      () => world.client.getSession(session.id)?.session.lastMessageOrder === message.order,
      'the supervisor never saw the message',
    );
    return session.id;
  };
  /** Runs an operator command once the operator's client knows the session. */
  const ok = async (
    client: LiveChatClient,
    sessionId: string,
    command: () => Promise<{ ok: boolean }>,
  ) => {
    await waitUntil(
      () => client.getSession(sessionId) !== undefined,
      'the operator never saw the session',
    );
    const result = await command();
    expect(result.ok, JSON.stringify(result)).to.equal(true);
  };

  setNow(at(23, 15, 0));
  const petr = await write('cust-petr', 'telegram', 'I have a question');
  setNow(at(23, 15, 3));
  await ok(anna, petr, () => anna.send(petr, 'Happy to help'));
  setNow(at(23, 15, 10));
  await ok(anna, petr, () => anna.close(petr));

  setNow(at(24, 9, 0));
  const ivan = await write('cust-ivan', 'telegram', 'Hi, my order is late');
  setNow(at(24, 9, 2));
  await ok(anna, ivan, () => anna.take(ivan));
  setNow(at(24, 9, 5));
  await ok(anna, ivan, () => anna.send(ivan, 'Looking into it'));
  setNow(at(24, 9, 10));
  const mia = await write('cust-mia', 'web', 'Refund please');
  setNow(at(24, 9, 16));
  await ok(boris, mia, () => boris.send(mia, 'Refund on its way'));
  setNow(at(24, 9, 20));
  await write('cust-ivan', 'telegram', 'Thanks');
  setNow(at(24, 9, 30));
  await ok(anna, ivan, () => anna.close(ivan));
  setNow(at(24, 10, 0));
  await write('cust-olga', 'web', 'Anyone there?');
  setNow(at(24, 11, 0));
  await ok(boris, mia, () => boris.send(mia, 'Refund issued'));
  setNow(at(25, 8, 0));
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

const q = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const qa = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const panel = (el: LiveChatReports) => q(el, '[role="tabpanel"]:not([hidden])')!;

async function loaded(el: LiveChatReports): Promise<void> {
  await el.updateComplete;
  await waitUntil(
    () => panel(el).getAttribute('aria-busy') === 'false' && !text(panel(el)).startsWith('Loading'),
    'the report never loaded',
    {
      timeout: 3000,
    },
  );
}

/** Table body as text: each row's header then cells. */
function rows(table: HTMLTableElement): string[][] {
  return [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => text(cell)));
}

async function mount(
  client: LiveChatClient | undefined,
  props: Partial<Pick<LiveChatReports, 'liveChatId' | 'report' | 'from' | 'to'>> = {},
) {
  const el = await fixture<LiveChatReports>(
    html`<live-chat-reports
      .client=${client}
      .liveChatId=${props.liveChatId}
      .report=${props.report ?? 'operators-performance'}
      .from=${props.from ?? '2026-11-22'}
      .to=${props.to ?? '2026-11-24'}
    ></live-chat-reports>`,
  );
  return el;
}

// ── tests ────────────────────────────────────────────────────────────────────────────────────

describe('<live-chat-reports>', () => {
  it("shows Operators' performance for a scripted day, exactly as recomputed by hand", async () => {
    const world = await createWorld();
    await scriptDay(world);
    const el = await mount(world.client);
    await loaded(el);
    const table = q<HTMLTableElement>(el, 'table[part~="operators-table"]')!;
    expect(text(table.caption)).to.equal(
      "Operators' performance in Support, Nov 22, 2026 – Nov 24, 2026",
    );
    expect(
      [...table.tHead!.rows[0]!.cells].map((c) => [text(c), c.getAttribute('scope')]),
    ).to.deep.equal([
      ['Operator', 'col'],
      ['Sessions taken', 'col'],
      ['Sessions closed', 'col'],
      ['Messages sent', 'col'],
      ['Average first response', 'col'],
      ['Average resolution', 'col'],
      ['Open now', 'col'],
    ]);
    expect([...table.tBodies[0]!.rows].map((r) => r.cells[0]!.getAttribute('scope'))).to.deep.equal(
      ['row', 'row'],
    );
    // Anna: took E0 and E1, closed both, wrote 2 messages; first responses 3 and 5 min → 4 min;
    // resolutions 10 (E0: 15:00→15:10) and 30 min (E1: 09:00→09:30) → 20 min; nothing open now.
    // Boris: took E2, closed none, wrote 2 messages; first response 6 min; no resolution; E2 open now.
    expect(rows(table)).to.deep.equal([
      [
        'Anna Petrova',
        '2',
        '2',
        '2',
        formatDuration(4 * MINUTE, 'en'),
        formatDuration(20 * MINUTE, 'en'),
        '0',
      ],
      ['Boris Ivanov', '1', '0', '2', formatDuration(6 * MINUTE, 'en'), '—', '1'],
    ]);
    expect(formatDuration(4 * MINUTE, 'en')).to.not.equal('—');
    // The table scrolls sideways on its own in a region named by its caption, which takes
    // focus so that the keyboard can scroll it.
    const scroller = table.parentElement!;
    expect([scroller.getAttribute('role'), scroller.getAttribute('aria-label')]).to.deep.equal([
      'region',
      text(table.caption),
    ]);
    expect(scroller.tabIndex).to.equal(0);

    // One "How is this computed?" disclosure per figure.
    const formulas = qa<HTMLDetailsElement>(el, 'details[part="formula"]');
    expect(formulas).to.have.length(6);
    expect(formulas.every((d) => !d.open)).to.equal(true);
    formulas[0]!.querySelector('summary')!.click();
    expect(formulas[0]!.open).to.equal(true);
    expect(text(formulas[0])).to.contain('first to get a session');
    // Every disclosure is a target of at least 24 × 24 px (WCAG 2.5.8).
    for (const summary of qa(el, 'summary')) {
      const { width, height } = summary.getBoundingClientRect();
      expect(Math.min(width, height), text(summary)).to.be.at.least(24);
    }
    await expect(el).to.be.accessible();
  });

  it('shows Live chat performance: one bar per day, the text alternative and the figures', async () => {
    const world = await createWorld();
    await scriptDay(world);
    const el = await mount(world.client, { report: 'live-chat-performance' });
    await loaded(el);

    // Requests: E0 on the 23rd, E1–E3 on the 24th, none on the 22nd.
    const bars = qa<SVGRectElement>(el, 'rect.bar');
    expect(bars.map((b) => [b.dataset.day, b.dataset.count])).to.deep.equal([
      ['2026-11-22', '0'],
      ['2026-11-23', '1'],
      ['2026-11-24', '3'],
    ]);
    expect(bars.map((b) => text(b.querySelector('title')))).to.deep.equal([
      `${formatDay('2026-11-22', 'en', 'long')}: 0 requests`,
      `${formatDay('2026-11-23', 'en', 'long')}: 1 request`,
      `${formatDay('2026-11-24', 'en', 'long')}: 3 requests`,
    ]);
    const chart = q(el, 'svg[role="img"]')!;
    expect(chart.getAttribute('aria-label')).to.equal(
      `Requests per day, Nov 22, 2026 – Nov 24, 2026: 4 requests in total; the busiest day was ${formatDay('2026-11-24', 'en', 'long')} with 3.`,
    );
    expect(qa(el, 'text.axis-label.x').map((t) => text(t))).to.deep.equal([
      'Nov 22',
      'Nov 23',
      'Nov 24',
    ]);

    const dataTable = q<HTMLTableElement>(el, 'table[part~="chart-table"]')!;
    expect(rows(dataTable)).to.deep.equal([
      [formatDay('2026-11-22', 'en', 'long'), '0'],
      [formatDay('2026-11-23', 'en', 'long'), '1'],
      [formatDay('2026-11-24', 'en', 'long'), '3'],
    ]);
    expect(dataTable.classList.contains('visually-hidden')).to.equal(true);
    await expect(el).to.be.accessible();
    const toggle = q<HTMLButtonElement>(el, '[part="chart-table-toggle"]')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(dataTable.classList.contains('visually-hidden')).to.equal(false);
    await expect(el).to.be.accessible();

    // Wait in queue: E0 3 min, E1 2 min, E2 6 min → 11/3 min; first response: 3, 5, 6 → 14/3 min;
    // resolution: E0 10 min, E1 30 min → 20 min; in: Petr, Ivan ×2, Mia, Olga; out: Anna ×2, Boris ×2.
    const figures = Object.fromEntries(
      qa(el, '.figure').map((f) => [
        text(f.querySelector('dt')),
        text(f.querySelector('dd .value')),
      ]),
    );
    expect(figures).to.deep.equal({
      Requests: '4',
      Closed: '2',
      'Average wait in queue': formatDuration((11 / 3) * MINUTE, 'en'),
      'Average first response': formatDuration((14 / 3) * MINUTE, 'en'),
      'Average resolution': formatDuration(20 * MINUTE, 'en'),
      'Messages in': '5',
      'Messages out': '4',
      'Never answered': '1',
    });
    expect(formatDuration((11 / 3) * MINUTE, 'en')).to.equal(formatDuration(220_000, 'en'));
    expect(qa(el, '.figure details[part="formula"]')).to.have.length(8);
    // Every tag of the live chat, in its order; nobody tagged a session yet.
    const tagTable = q<HTMLTableElement>(el, 'table[part~="tag-table"]')!;
    expect(rows(tagTable)).to.deep.equal([
      ['Billing', '0'],
      ['VIP', '0'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('switches reports with the keyboard (tablist with roving focus)', async () => {
    const world = await createWorld();
    await scriptDay(world);
    const el = await mount(world.client);
    await loaded(el);
    const tabs = qa<HTMLButtonElement>(el, '[role="tab"]');
    expect(q(el, '[role="tablist"]')!.getAttribute('aria-label')).to.equal('Report');
    expect(tabs.map((t) => [t.getAttribute('aria-selected'), t.tabIndex])).to.deep.equal([
      ['true', 0],
      ['false', -1],
    ]);
    expect(panel(el).getAttribute('aria-labelledby')).to.equal(tabs[0]!.id);
    expect(tabs[0]!.getAttribute('aria-controls')).to.equal(panel(el).id);

    tabs[0]!.focus();
    const deprecated = oneEvent(el, 'live-chat-report-change');
    setTimeout(() => void sendKeys({ press: 'ArrowRight' }));
    const change = await oneEvent(el, 'live-chat-report-changed');
    expect((await deprecated).detail).to.deep.equal(change.detail);
    expect(change.detail).to.deep.equal({
      report: 'live-chat-performance',
      liveChatId: 'lc-support',
      from: '2026-11-22',
      to: '2026-11-24',
    });
    await el.updateComplete;
    expect(el.report).to.equal('live-chat-performance');
    expect(el.shadowRoot!.activeElement).to.equal(tabs[1]);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['false', 'true']);
    expect(panel(el).getAttribute('aria-labelledby')).to.equal(tabs[1]!.id);
    await loaded(el);
    expect(qa(el, 'rect.bar')).to.have.length(3);

    await sendKeys({ press: 'ArrowRight' }); // wraps around
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tabs[0]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tabs[1]);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.report).to.equal('operators-performance');
    await loaded(el);
    expect(q(el, 'table[part~="operators-table"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('validates the period and loads nothing while it is invalid', async () => {
    const world = await createWorld();
    const counting = countingClient(world.client);
    const el = await mount(counting.client);
    await loaded(el);
    const before = counting.calls('report');
    const from = q<HTMLInputElement>(el, '#from')!;
    const to = q<HTMLInputElement>(el, '#to')!;
    expect(el.shadowRoot!.querySelector(`label[for="from"]`)!.textContent).to.equal('From');
    from.value = '2026-11-25';
    from.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const error = q(el, '[part="range-error"]')!;
    expect(text(error)).to.equal('The start date must be on or before the end date.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(to.getAttribute('aria-describedby')).to.equal(error.id);
    expect(q(el, 'table')).to.equal(null);
    expect(counting.calls('report')).to.equal(before);
    await expect(el).to.be.accessible();

    to.value = '2026-11-26';
    to.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(q(el, '[part="range-error"]')).to.equal(null);
    expect(from.getAttribute('aria-invalid')).to.equal('false');
    expect(counting.calls('report')).to.equal(before + 1);
  });

  it('costs one Tab stop per date field, both ways', async () => {
    const world = await createWorld();
    const el = await mount(world.client);
    await loaded(el);
    const focusedId = () => el.shadowRoot!.activeElement?.id;
    q(el, '#live-chat')!.focus();
    for (const [keys, id] of [
      ['Tab', 'from'],
      ['Tab', 'to'],
      ['Tab', 'panel-operators-performance'],
      ['Shift+Tab', 'to'],
      ['Shift+Tab', 'from'],
      ['Shift+Tab', 'live-chat'],
    ] as const) {
      await pressKeys(keys);
      expect(focusedId(), `${keys} to ${id}`).to.equal(id);
    }
  });

  it('defaults to the last 7 days', async () => {
    const world = await createWorld();
    const el = await fixture<LiveChatReports>(
      html`<live-chat-reports .client=${world.client}></live-chat-reports>`,
    );
    const today = new Date();
    const weekAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
    const iso = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(q<HTMLInputElement>(el, '#to')!.value).to.equal(iso(today));
    expect(q<HTMLInputElement>(el, '#from')!.value).to.equal(iso(weekAgo));
  });

  it('shows "no data for this period" on an empty period, for both reports', async () => {
    const world = await createWorld();
    const el = await mount(world.client);
    await loaded(el);
    expect(text(panel(el))).to.equal('No data for this period.');
    await expect(el).to.be.accessible();
    el.report = 'live-chat-performance';
    await loaded(el);
    expect(text(panel(el))).to.equal('No data for this period.');
    await expect(el).to.be.accessible();
  });

  it('shows FORBIDDEN for a live chat the user does not belong to, without a retry', async () => {
    const world = await createWorld();
    const el = await mount(world.client, { liveChatId: 'lc-sales' });
    await loaded(el);
    const message = q(el, '[role="tabpanel"]:not([hidden]) [part="message"]')!;
    expect(text(message)).to.equal(
      'The report could not be loaded. You can only see reports of live chats you belong to.',
    );
    expect(message.getAttribute('role')).to.equal('alert');
    expect(q(el, '[part="retry-button"]')).to.equal(null);
    // The live chat select offers the user's own live chats.
    const select = q<HTMLSelectElement>(el, 'select')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Live chat lc-sales',
      'Support',
    ]);
    await expect(el).to.be.accessible();
    select.value = 'lc-support';
    select.dispatchEvent(new Event('change'));
    await loaded(el);
    expect(el.liveChatId).to.equal('lc-support');
    expect(text(panel(el))).to.equal('No data for this period.');
  });

  it('shows loading, then an error with retry while offline, and loads once back online', async () => {
    const world = await createWorld({ gated: true });
    const el = await mount(world.client);
    expect(text(panel(el))).to.equal('Loading your live chats…');
    await expect(el).to.be.accessible();
    world.gates.snapshot.open();
    await ready(world.client);
    await el.updateComplete;
    expect(panel(el).getAttribute('aria-busy')).to.equal('true');
    expect(text(panel(el))).to.equal('Loading the report…');
    await expect(el).to.be.accessible();
    world.gates.report.open();
    await loaded(el);
    expect(text(panel(el))).to.equal('No data for this period.');

    world.adapter.simulateConnection('offline');
    await el.updateComplete;
    expect(text(q(el, '.message.offline'))).to.equal(
      'You are offline: reports cannot be loaded until the connection is back.',
    );
    el.from = '2026-11-20';
    await waitUntil(
      () => q(el, '[part="retry-button"]') !== null,
      'no retry after an offline failure',
    );
    expect(text(q(el, '[role="tabpanel"]:not([hidden]) [role="alert"]'))).to.contain(
      'The report could not be loaded. You are offline.',
    );
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await loaded(el);
    expect(q(el, '[part="retry-button"]')).to.not.equal(null);

    world.adapter.simulateConnection('online');
    await waitUntil(
      () => text(panel(el)) === 'No data for this period.',
      'no reload after reconnecting',
      { timeout: 3000 },
    );
    expect(q(el, '.message.offline')).to.equal(null);
  });

  it('says so when there is no client', async () => {
    const el = await mount(undefined);
    expect(text(panel(el))).to.equal('Reports are not connected to a live chat client.');
    await expect(el).to.be.accessible();
  });

  it('speaks Russian with Intl numbers and dates', async () => {
    const world = await createWorld();
    await scriptDay(world);
    const el = await fixture<LiveChatReports>(
      html`<live-chat-reports
        .client=${world.client}
        locale="ru"
        report="live-chat-performance"
        from="2026-11-22"
        to="2026-11-24"
      ></live-chat-reports>`,
    );
    await loaded(el);
    expect(qa(el, '[role="tab"]').map((t) => text(t))).to.deep.equal([
      'Эффективность операторов',
      'Эффективность лайв-чата',
    ]);
    expect(text(qa(el, 'rect.bar title')[2])).to.equal(
      `${formatDay('2026-11-24', 'ru', 'long')}: 3 обращения`,
    );
    expect(text(qa(el, 'rect.bar title')[1])).to.equal(
      `${formatDay('2026-11-23', 'ru', 'long')}: 1 обращение`,
    );
    await expect(el).to.be.accessible();
  });

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    const world = await createWorld();
    await testForLeaks(
      ({ client, round }) =>
        html`<live-chat-reports
          .client=${client}
          .report=${round % 2 === 0 ? 'operators-performance' : 'live-chat-performance'}
        ></live-chat-reports>`,
      { client: world.client },
    );
  });
});
