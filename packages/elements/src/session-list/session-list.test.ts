import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BehaviorSubject, of } from 'rxjs';
import type { LiveChatClient } from '@live-chat/core';
import { focusedOption, message, mountList, options } from './session-list-testing.js';
import { generatedSessions, supportTeamSeedWith } from '../test/generated-sessions.js';
import { writeToSupport } from '../test/customer-writes.js';
import { CustomerReads } from '../test/customer-reads.js';
import { connectClient, memoryBackend, startClient, waitUntil } from '../test/seeded-client.js';
import type { Backend } from '../test/seeded-client.js';
import { ANNA, supportTeamSeed } from '../test/small-seed.js';
import { testForLeaks } from '../test/test-for-leaks.js';

/** The assignee of sessions assigned to Anna. */
const ASSIGNED_TO_ANNA = { kind: 'operator', operatorId: ANNA.id } as const;

describe('<live-chat-session-list>', () => {
  let backend: Backend;

  const connect = async (userId: string) => (await connectClient(backend, { userId })).client;

  describe('rendering and states', () => {
    beforeEach(() => {
      backend = memoryBackend(supportTeamSeed());
    });

    it('shows loading until the client is ready', async () => {
      const { client } = startClient(backend, { userId: ANNA.id, latencyMs: 50 });
      const el = await mountList(client, { group: 'queue' });
      expect(message(el)).to.equal('Loading sessions…');
      expect(el.shadowRoot!.querySelector('[part~="message"]')!.getAttribute('role')).to.equal(
        'status',
      );
      await waitUntil(() => message(el) === 'No sessions in the queue', 'empty queue');
      await expect(el).to.be.accessible();
    });

    it('has an empty text per group', async () => {
      const client = await connect('u-olga');
      const expected = {
        queue: 'No sessions in the queue',
        mine: 'You have no sessions',
        closed: 'No closed sessions',
        active: 'No active sessions',
      } as const;
      for (const [group, text] of Object.entries(expected)) {
        const el = await mountList(client, { group });
        expect(message(el)).to.equal(text);
      }
    });

    it('tells an operator that only supervisors see active sessions', async () => {
      const client = await connect('u-anna');
      const el = await mountList(client, { group: 'active' });
      expect(message(el)).to.equal('Only supervisors see active sessions');
      expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the client load error', async () => {
      const status = new BehaviorSubject({
        state: 'error' as const,
        error: { code: 'OFFLINE' as const, message: 'The connection is offline.' },
      });
      const stub = {
        status$: status,
        liveChats$: of([]),
        sessions$: () => of([]),
        viewer: null,
        getLiveChat: () => undefined,
      } as unknown as LiveChatClient;
      const el = await mountList(stub);
      const text = el.shadowRoot!.querySelector('[part~="message"]')!;
      expect(text.getAttribute('role')).to.equal('alert');
      expect(text.textContent!.trim()).to.equal('Sessions could not be loaded. You are offline.');
      await expect(el).to.be.accessible();
    });

    it('a customer writes: the session shows in the queue with name, channel, preview, waiting time and New', async () => {
      const client = await connect('u-anna');
      const el = await mountList(client, { group: 'queue' });
      writeToSupport(backend, 'c-ivan', 'Where is my <b>order</b>?');
      await waitUntil(() => options(el).length === 1, 'one row');
      const [row] = options(el);
      expect(el.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal(
        'Queue, Support',
      );
      expect(row!.querySelector('[part~="name"]')!.textContent!.trim()).to.equal('Ivan Petrov');
      expect(row!.querySelector('[part~="channel-icon"]')!.getAttribute('aria-label')).to.equal(
        'Telegram',
      );
      const preview = row!.querySelector('[part~="preview"]')!;
      expect(preview.textContent!.trim()).to.equal('Where is my <b>order</b>?');
      expect(preview.querySelector('b')).to.equal(null);
      expect(row!.querySelector('[part~="new"]')!.textContent!.trim()).to.equal('New');
      // In the queue, the time is how long the customer has waited.
      expect(row!.querySelector('[part~="waiting"] .visually-hidden')!.textContent).to.match(
        /^Waiting \d+ ?s$/,
      );
      expect(row!.getAttribute('aria-setsize')).to.equal('1');
      expect(row!.getAttribute('aria-posinset')).to.equal('1');
      expect(row!.getAttribute('tabindex')).to.equal('0');
      await expect(el).to.be.accessible();

      const renamed = await client.rename(row!.dataset['sessionId']!, 'Lost parcel');
      expect(renamed.ok).to.equal(true);
      await waitUntil(
        () => options(el)[0]!.querySelector('[part~="name"]')!.textContent!.includes('Lost parcel'),
        'renamed',
      );
      expect(options(el)[0]!.querySelector('[part~="name"]')!.textContent!.trim()).to.equal(
        'Ivan Petrov · Lost parcel',
      );
    });

    it('shows the unread badge with an accessible text in My sessions', async () => {
      const client = await connect('u-anna');
      const { session } = writeToSupport(backend, 'c-ivan', 'Hello');
      await waitUntil(() => client.getSession(session.id));
      await client.take(session.id);
      writeToSupport(backend, 'c-ivan', 'Still there?');
      const el = await mountList(client, { group: 'mine' });
      await waitUntil(
        () =>
          el
            .shadowRoot!.querySelector('[part~="unread"]')
            ?.textContent?.includes('2 unread messages'),
        'badge',
      );
      const badge = el.shadowRoot!.querySelector('[part~="unread"]')!;
      expect(badge.querySelector('[aria-hidden="true"]')!.textContent).to.equal('2');
      expect(el.shadowRoot!.querySelector('[part~="new"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a supervisor sees active sessions', async () => {
      backend = memoryBackend(
        supportTeamSeedWith(generatedSessions(3, ASSIGNED_TO_ANNA, 'active')),
      );
      const client = await connect('u-olga');
      const el = await mountList(client, { group: 'active' });
      await waitUntil(() => options(el).length === 3, 'three active sessions');
    });

    it('speaks Russian', async () => {
      const client = await connect('u-anna');
      const el = await mountList(client, { group: 'mine', locale: 'ru' });
      expect(message(el)).to.equal('У вас нет сессий');
    });
  });

  describe('events and keyboard', () => {
    beforeEach(() => {
      backend = memoryBackend(supportTeamSeedWith(generatedSessions(30)));
    });

    it('click, Enter and Space open a session and select it', async () => {
      const client = await connect('u-anna');
      const el = await mountList(client, { style: 'height: 320px' });
      await waitUntil(() => options(el).length > 0);
      setTimeout(() => options(el)[2]!.click());
      const clicked = await oneEvent(el, 'live-chat-session-open');
      expect(clicked.detail.sessionId).to.equal('s-gen-2');
      await el.updateComplete;
      expect(el.selectedSessionId).to.equal('s-gen-2');
      const selected = el.shadowRoot!.querySelector('[aria-selected="true"]') as HTMLElement;
      expect(selected.dataset['sessionId']).to.equal('s-gen-2');
      expect(selected.getAttribute('part')).to.contain('option-selected');

      const opened: string[] = [];
      el.addEventListener('live-chat-session-open', (e) => opened.push(e.detail.sessionId));
      options(el)[2]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Space' });
      expect(opened).to.deep.equal(['s-gen-3', 's-gen-4']);
    });

    it('a cancelled open event leaves the selection alone', async () => {
      const client = await connect('u-anna');
      const el = await mountList(client, { selectedSessionId: 's-gen-0' });
      await waitUntil(() => options(el).length > 0);
      el.addEventListener('live-chat-session-open', (e) => e.preventDefault());
      options(el)[1]!.click();
      await el.updateComplete;
      expect(el.selectedSessionId).to.equal('s-gen-0');
    });

    it('roving focus: one tab stop, arrows, Home, End, PageUp, PageDown', async () => {
      const client = await connect('u-anna');
      const before = document.createElement('button');
      before.textContent = 'before';
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <button>before</button>
          <live-chat-session-list
            style="height: 320px"
            live-chat-id="lc-support"
            .client=${client}
          ></live-chat-session-list>
        </div>`,
      );
      const el = wrapper.querySelector('live-chat-session-list')!;
      await waitUntil(() => options(el).length > 0);
      expect(options(el).filter((o) => o.tabIndex === 0)).to.have.length(1);

      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-0');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-2');
      await sendKeys({ press: 'ArrowUp' });
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-1');
      expect(
        options(el)
          .filter((o) => o.tabIndex === 0)
          .map((o) => o.dataset['sessionId']),
      ).to.deep.equal(['s-gen-1']);
      await sendKeys({ press: 'End' });
      expect(focusedOption(el)?.getAttribute('aria-posinset')).to.equal('30');
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedOption(el)?.getAttribute('aria-posinset')).to.equal('30');
      await sendKeys({ press: 'Home' });
      expect(focusedOption(el)?.getAttribute('aria-posinset')).to.equal('1');
      await sendKeys({ press: 'ArrowUp' });
      expect(focusedOption(el)?.getAttribute('aria-posinset')).to.equal('1');
      await sendKeys({ press: 'PageDown' });
      const page = Number(focusedOption(el)?.getAttribute('aria-posinset'));
      expect(page).to.be.greaterThan(2);
      await sendKeys({ press: 'PageUp' });
      expect(focusedOption(el)?.getAttribute('aria-posinset')).to.equal('1');
      await sendKeys({ type: 'customer 2' });
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-1');
      await sendKeys({ type: '7' });
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-26');
      await expect(el).to.be.accessible();
    });

    it('incoming updates never move focus', async () => {
      backend = memoryBackend(
        supportTeamSeedWith(generatedSessions(5, ASSIGNED_TO_ANNA, 'active')),
      );
      const client = await connect('u-anna');
      const el = await mountList(client, { group: 'mine', style: 'height: 320px' });
      await waitUntil(() => options(el).length === 5);
      // My sessions: newest activity first, so s-gen-4 is on top.
      const target = el.shadowRoot!.querySelector<HTMLElement>('[data-session-id="s-gen-2"]')!;
      target.focus();
      writeToSupport(backend, 'c-gen-0', 'Bump me to the top');
      await waitUntil(
        () =>
          el
            .shadowRoot!.querySelector('[data-session-id="s-gen-0"]')
            ?.getAttribute('aria-posinset') === '1',
        's-gen-0 moved to the top',
      );
      await el.updateComplete;
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-2');
      expect(focusedOption(el)?.getAttribute('aria-posinset')).to.equal('4');
      // A brand-new session elsewhere does not take focus either.
      writeToSupport(backend, 'c-ivan', 'Hi');
      await aTimeout(20);
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-2');
    });

    it('when the focused session leaves the list, focus goes to its neighbour', async () => {
      const anna = await connect('u-anna');
      const boris = await connect('u-boris');
      const el = await mountList(anna, { style: 'height: 320px' });
      await waitUntil(() => options(el).length > 0);
      el.shadowRoot!.querySelector<HTMLElement>('[data-session-id="s-gen-3"]')!.focus();
      const taken = await boris.take('s-gen-3');
      expect(taken.ok).to.equal(true);
      await waitUntil(
        () => !el.shadowRoot!.querySelector('[data-session-id="s-gen-3"]'),
        'taken session leaves the queue',
      );
      await el.updateComplete;
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-4');
      expect(options(el).filter((o) => o.tabIndex === 0)).to.have.length(1);
    });
  });

  describe('virtualisation', () => {
    it('renders a burst of list changes at most once a frame, and shows the last', async () => {
      const { sessions, customers } = generatedSessions(2_000);
      const views = sessions.map((session, i) => ({
        session,
        customer: customers[i],
        unread: 1,
        isNew: true,
      }));
      const lists = new BehaviorSubject(views.slice(0, 1));
      const stub = {
        status$: of({ state: 'ready' }),
        liveChats$: of([{ id: 'lc-support', name: 'Support' }]),
        sessions$: () => lists,
        canSeeGroup: () => true,
        getLiveChat: () => ({ id: 'lc-support', name: 'Support' }),
      } as unknown as LiveChatClient;
      const el = await mountList(stub, { style: 'height: 320px' });
      await waitUntil(() => options(el).length > 0);
      let renders = 0;
      const render = el.render.bind(el);
      el.render = () => {
        renders++;
        return render();
      };
      let frames = 0;
      let counting = true;
      const countFrames = () => {
        frames++;
        if (counting) requestAnimationFrame(countFrames);
      };
      requestAnimationFrame(countFrames);
      // 2,000 emissions, each in its own task, as a socket delivers them.
      const channel = new MessageChannel();
      await new Promise<void>((resolve) => {
        let next = 2;
        channel.port1.onmessage = () => {
          lists.next(views.slice(0, next));
          if (next++ < views.length) channel.port2.postMessage(null);
          else resolve();
        };
        channel.port2.postMessage(null);
      });
      await el.updateComplete;
      counting = false;
      expect(options(el)[0]!.getAttribute('aria-setsize')).to.equal('2000');
      expect(renders, `${renders} renders in ${frames} frames`).to.be.at.most(frames + 1);
      expect(renders).to.be.below(views.length / 10);
      channel.port1.close();
    });

    it('renders only a few dozen rows of 10,000, and End reaches the last one', async function () {
      this.timeout(30_000);
      backend = memoryBackend(supportTeamSeedWith(generatedSessions(10_000)));
      const client = await connect('u-anna');
      const el = await mountList(client, { style: 'height: 480px' });
      await waitUntil(() => options(el).length > 0, 'rows', { timeout: 10_000 });
      expect(options(el).length).to.be.lessThan(40);
      const spacer = el.shadowRoot!.querySelector<HTMLElement>('.spacer')!;
      expect(spacer.getBoundingClientRect().height).to.equal(10_000 * 64);
      expect(options(el)[0]!.getAttribute('aria-setsize')).to.equal('10000');

      options(el)[0]!.focus();
      await sendKeys({ press: 'End' });
      expect(focusedOption(el)?.getAttribute('aria-posinset')).to.equal('10000');
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-9999');
      expect(options(el).length).to.be.lessThan(40);
      const scroller = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
      expect(scroller.scrollTop + scroller.clientHeight).to.be.closeTo(scroller.scrollHeight, 2);
      const row = focusedOption(el)!.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      expect(row.bottom).to.be.at.most(box.bottom + 1);
      expect(row.top).to.be.at.least(box.top - 1);

      for (let i = 0; i < 5; i++) await sendKeys({ press: 'PageUp' });
      expect(focusedOption(el)?.getAttribute('aria-posinset')).to.equal(String(10_000 - 5 * 6));
      expect(options(el).length).to.be.lessThan(40);

      // Scrolling through the list: the work per scroll is bounded by the window, never by the
      // 10,000 (a deterministic stand-in for "smooth": wall-clock timings are noise on a busy CI).
      // A 10-row scroll adds about 10 rows to the DOM and keeps the rest.
      let added = 0;
      let totalAdded = 0;
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes)
            if ((node as Element).getAttribute?.('role') === 'option') added++;
        }
      });
      observer.observe(el.shadowRoot!.querySelector('.window')!, { childList: true });
      const base = 300 * 64;
      scroller.scrollTop = base;
      await new Promise((resolve) => scroller.addEventListener('scroll', resolve, { once: true }));
      await el.updateComplete;
      for (let i = 1; i <= 30; i++) {
        added = 0;
        const scrolled = new Promise((resolve) =>
          scroller.addEventListener('scroll', resolve, { once: true }),
        );
        scroller.scrollTop = base + i * 640;
        await scrolled;
        await el.updateComplete;
        await Promise.resolve();
        const first = Math.floor(scroller.scrollTop / 64);
        expect(
          options(el).some((o) => o.getAttribute('aria-posinset') === String(first + 1)),
        ).to.equal(true);
        expect(options(el).length).to.be.lessThan(40);
        expect(added).to.be.at.most(12);
        totalAdded += added;
      }
      observer.disconnect();
      expect(totalAdded).to.be.greaterThan(200);
      await expect(el).to.be.accessible();
    });

    it('keeps the focused row when it is scrolled out of view, and scrolls back to it on a key', async () => {
      backend = memoryBackend(supportTeamSeedWith(generatedSessions(500)));
      const client = await connect('u-anna');
      const el = await mountList(client, { style: 'height: 320px' });
      await waitUntil(() => options(el).length > 0);
      options(el)[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      const scroller = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
      scroller.scrollTop = 200 * 64;
      await waitUntil(
        () => options(el).some((o) => o.dataset['sessionId'] === 's-gen-200'),
        'scrolled rows rendered',
      );
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-1');
      expect(options(el).length).to.be.lessThan(40);
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-2');
      expect(scroller.scrollTop).to.be.at.most(2 * 64);
    });

    it('reads the row height from --live-chat-session-list-row-height', async () => {
      backend = memoryBackend(supportTeamSeedWith(generatedSessions(100)));
      const client = await connect('u-anna');
      const el = await mountList(client, {
        style: 'height: 400px; --live-chat-session-list-row-height: 3rem',
      });
      await waitUntil(() => options(el).length > 0);
      await waitUntil(
        () =>
          el.shadowRoot!.querySelector<HTMLElement>('.spacer')!.getBoundingClientRect().height ===
          100 * 48,
        'rem row height',
      );
      expect(options(el)[1]!.getBoundingClientRect().height).to.equal(48);
      const spacer = el.shadowRoot!.querySelector('.spacer')!.getBoundingClientRect();
      expect(options(el)[1]!.getBoundingClientRect().top - spacer.top).to.equal(48);
    });
  });

  describe('customers on demand', () => {
    /** `count` sessions named "Request N", whose customers are "Customer N". */
    const requests = (count: number) => {
      const generated = generatedSessions(count);
      generated.sessions.forEach((session, i) => (session.name = `Request ${i + 1}`));
      return generated;
    };
    const nameOf = (row: HTMLElement) => row.querySelector('[part~="name"]')!.textContent!.trim();
    const rowOf = (el: HTMLElement & { shadowRoot: ShadowRoot | null }, sessionId: string) =>
      el.shadowRoot!.querySelector<HTMLElement>(`[data-session-id="${sessionId}"]`);
    const indexOf = (customerId: string) => Number(customerId.replace('c-gen-', ''));

    it('names the rows in view after their customers, and never asks for rows far off screen', async () => {
      backend = memoryBackend(supportTeamSeedWith(requests(1000)));
      const reads = new CustomerReads();
      const { client } = await connectClient(backend, { userId: ANNA.id, wrapAdapter: reads.wrap });
      // The snapshot carries no customer: the rows start with the sessions' own names.
      expect(client.getCustomer('c-gen-0')).to.equal(undefined);
      const el = await mountList(client, { style: 'height: 320px' });
      await waitUntil(
        () =>
          options(el).length > 0 && options(el).every((row) => nameOf(row).startsWith('Customer')),
        'every rendered row named after its customer',
      );
      expect(nameOf(options(el)[0]!)).to.equal('Customer 1 · Request 1');
      const first = reads.ids;
      expect(first.length, first.join()).to.be.within(options(el).length, 20);
      expect(Math.max(...first.map(indexOf))).to.be.below(20);
      expect(reads.queries.length, 'reads of the first screen').to.be.at.most(2);

      // Renders while nothing new shows (the queue's clock ticks every second) ask nothing more.
      await aTimeout(1100);
      expect(reads.ids).to.deep.equal(first);

      const scroller = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
      scroller.scrollTop = 600 * 64;
      await waitUntil(
        () => nameOf(rowOf(el, 's-gen-600') ?? options(el)[0]!) === 'Customer 601 · Request 601',
        'the row scrolled to named after its customer',
      );
      const asked = new Set(reads.ids.map(indexOf));
      expect(asked.has(600)).to.equal(true);
      // The rows scrolled past and those below are never asked for.
      expect([...asked].filter((i) => (i >= 20 && i < 590) || i > 620)).to.deep.equal([]);
      expect(client.getCustomer('c-gen-999')).to.equal(undefined);
      expect(client.getCustomer('c-gen-300')).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('type-ahead matches the names shown: the customer’s, else the session’s own', async () => {
      backend = memoryBackend(supportTeamSeedWith(requests(300)));
      const client = await connect(ANNA.id);
      const el = await mountList(client, { style: 'height: 320px' });
      await waitUntil(
        () =>
          options(el).length > 0 && options(el).every((row) => nameOf(row).startsWith('Customer')),
        'rows named after their customers',
      );
      options(el)[0]!.focus();
      await sendKeys({ type: 'customer 3' });
      expect(focusedOption(el)?.dataset['sessionId']).to.equal('s-gen-2');
      await aTimeout(600);
      // "R": the first row whose customer is not loaded, far below, under its own name.
      const unloaded = client
        .getCustomers()
        .filter((customer) => customer.id.startsWith('c-gen-'))
        .reduce((next, customer) => Math.max(next, indexOf(customer.id) + 1), 0);
      await sendKeys({ press: 'r' });
      expect(focusedOption(el)?.dataset['sessionId']).to.equal(`s-gen-${unloaded}`);
      // Now in view, its customer is loaded and names it.
      await waitUntil(
        () => nameOf(focusedOption(el)!) === `Customer ${unloaded + 1} · Request ${unloaded + 1}`,
        'the row reached named after its customer',
      );
    });
  });

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    backend = memoryBackend(supportTeamSeedWith(generatedSessions(50)));
    await testForLeaks(
      ({ client, round }) =>
        html`<live-chat-session-list
          live-chat-id="lc-support"
          group=${round % 2 ? 'queue' : 'mine'}
          .client=${client}
        ></live-chat-session-list>`,
      { client: await connect(ANNA.id), hostStyle: 'height:300px' },
    );
  });
});
