import '../locales/ru.js'; // the Russian texts, which one of these tests shows
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Session, SessionTag, WaitingThresholds } from '@live-chat/core';
import { message, mountList, options } from './session-list-testing.js';
import { generatedSessions, supportTeamSeedWith } from '../test/generated-sessions.js';
import { connectClient, memoryBackend, waitUntil } from '../test/seeded-client.js';
import { ANNA } from '../test/small-seed.js';

const TAGS: SessionTag[] = [
  { id: 'tag-billing', label: 'Billing' },
  { id: 'tag-bug', label: 'Bug report' },
  { id: 'tag-vip', label: 'VIP' },
  { id: 'tag-long', label: 'A tag label far too long to fit in a row' },
];

/**
 * Anna's Support with the tags above and `thresholds`, and `count` generated queued sessions,
 * changed by `edit` (tags, urgency, queue times).
 */
async function world(
  count: number,
  edit: (sessions: Session[]) => void = () => {},
  thresholds?: WaitingThresholds,
) {
  const generated = generatedSessions(count);
  edit(generated.sessions);
  const seed = supportTeamSeedWith(generated);
  seed.liveChats[0]!.tags = TAGS;
  if (thresholds) seed.liveChats[0]!.waitingThresholds = thresholds;
  const backend = memoryBackend(seed);
  return (await connectClient(backend, { userId: ANNA.id })).client;
}

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const row = (el: HTMLElement, id: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-session-id="${id}"]`)!;
const select = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;

describe('<live-chat-session-list> triage: tags, urgent, waiting', () => {
  it('shows a row’s tags as chips, cut to two and a count, whole in the tooltip and for screen readers', async () => {
    const client = await world(3, ([first, second]) => {
      first!.tags = ['tag-vip'];
      second!.tags = ['tag-billing', 'tag-long', 'tag-bug'];
    });
    const el = await mountList(client);
    const one = row(el, 's-gen-0').querySelector('[part~="tags"]')!;
    expect([...one.querySelectorAll('[part~="tag"]')].map(text)).to.deep.equal(['VIP']);
    const three = row(el, 's-gen-1').querySelector('[part~="tags"]')!;
    // The live chat's order, two chips, then how many more.
    expect([...three.querySelectorAll('[part~="tag"]')].map(text)).to.deep.equal([
      'Billing',
      'Bug report',
      '+1',
    ]);
    expect(three.getAttribute('title')).to.contain('A tag label far too long to fit in a row');
    expect(text(three.querySelector('.visually-hidden'))).to.match(
      /^Tags: .*Billing.*, .*Bug report.*, .*A tag label far too long/,
    );
    expect(row(el, 's-gen-2').querySelector('[part~="tags"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('marks urgent rows with an icon and the word for screen readers, first in the queue', async () => {
    const client = await world(3, (sessions) => {
      sessions[2]!.urgent = true;
    });
    const el = await mountList(client);
    const rows = options(el);
    expect(rows[0]!.dataset['sessionId'], 'the urgent session first').to.equal('s-gen-2');
    const mark = rows[0]!.querySelector('[part~="urgent"]')!;
    expect(mark.querySelector('svg')).to.not.equal(null);
    expect(text(mark)).to.equal('Urgent,');
    expect(rows[1]!.querySelector('[part~="urgent"]')).to.equal(null);
    // Taking the mark away puts the session back in turn.
    await client.setUrgent('s-gen-2', false);
    await waitUntil(() => options(el)[0]!.dataset['sessionId'] === 's-gen-0', 'back in turn');
    expect(el.shadowRoot!.querySelector('[part~="urgent"]')).to.equal(null);
  });

  it('filters by tag from the keyboard, counts what is left, and keeps the rows live', async () => {
    const client = await world(4, (sessions) => {
      sessions[1]!.tags = ['tag-billing'];
      sessions[3]!.tags = ['tag-billing', 'tag-vip'];
    });
    const el = await mountList(client);
    expect(options(el)).to.have.length(4);
    const filter = select(el);
    expect(el.shadowRoot!.querySelector(`label[for="${filter.id}"]`)!.textContent!.trim()).to.equal(
      'Filter by tag',
    );
    expect([...filter.options].map((option) => option.text)).to.deep.equal([
      'All tags',
      ...TAGS.map((tag) => tag.label),
    ]);
    filter.focus();
    await sendKeys({ press: 'ArrowDown' }); // Billing
    await el.updateComplete;
    expect(el.tagFilter).to.equal('tag-billing');
    expect(options(el).map((option) => option.dataset['sessionId'])).to.deep.equal([
      's-gen-1',
      's-gen-3',
    ]);
    expect(text(el.shadowRoot!.querySelector('[part="filter-count"]'))).to.equal('2 of 4');
    // A session tagged later joins the filtered list.
    await client.setTags('s-gen-0', ['tag-billing']);
    await waitUntil(() => options(el).length === 3, 'the newly tagged session joins');
    await expect(el).to.be.accessible();
  });

  it('says when no session carries the tag, and clears the filter from there', async () => {
    const client = await world(2, ([first]) => {
      first!.tags = ['tag-billing'];
    });
    const el = await mountList(client);
    el.tagFilter = 'tag-vip';
    await el.updateComplete;
    expect(options(el)).to.have.length(0);
    expect(message(el)).to.equal('No session here is tagged VIP.');
    await expect(el).to.be.accessible();
    const clear = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="clear-filter"]')!;
    expect(text(clear)).to.equal('Clear the filter');
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.tagFilter).to.equal(undefined);
    expect(options(el)).to.have.length(2);
    expect(el.shadowRoot!.activeElement, 'focus goes to the filter').to.equal(select(el));
  });

  it('shows no filter where the live chat offers no tags', async () => {
    const backend = memoryBackend(supportTeamSeedWith(generatedSessions(2)));
    const { client } = await connectClient(backend, { userId: ANNA.id });
    const el = await mountList(client);
    expect(options(el)).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[part="filter"]')).to.equal(null);
  });

  it('shows in the queue how long each customer has waited, amber then red past the thresholds, in words too', async () => {
    const now = Date.now();
    const client = await world(
      3,
      (sessions) => {
        const waited = [30_000, 3 * 60_000, 10 * 60_000];
        sessions.forEach((session, i) => (session.queuedAt = now - waited[i]!));
      },
      { warnAfterMs: 2 * 60_000, alarmAfterMs: 5 * 60_000 },
    );
    const el = await mountList(client);
    // Oldest first: 10 min, 3 min, 30 s.
    const waits = options(el).map((option) => option.querySelector('[part~="waiting"]')!);
    expect(waits.map((wait) => wait.getAttribute('data-level'))).to.deep.equal([
      'alarm',
      'warn',
      'fresh',
    ]);
    expect(text(waits[0]!.querySelector('.visually-hidden'))).to.match(
      /^Waiting 10 ?m(in)?, far too long$/,
    );
    expect(text(waits[1]!.querySelector('.visually-hidden'))).to.match(
      /^Waiting 3 ?m(in)?( \d+ ?s)?, a long wait$/,
    );
    expect(text(waits[2]!.querySelector('.visually-hidden'))).to.match(/^Waiting 3\d ?s$/);
    // Past a threshold there is an icon besides the colour; none before.
    expect(waits[0]!.querySelector('svg')).to.not.equal(null);
    expect(waits[1]!.querySelector('svg')).to.not.equal(null);
    expect(waits[2]!.querySelector('svg')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('updates the waiting time while the customer waits, turning amber then red', async () => {
    const client = await world(1, ([session]) => (session!.queuedAt = Date.now()), {
      warnAfterMs: 1_000,
      alarmAfterMs: 2_000,
    });
    const el = await mountList(client);
    const level = () =>
      el.shadowRoot!.querySelector('[part~="waiting"]')?.getAttribute('data-level');
    expect(level()).to.equal('fresh');
    await waitUntil(() => level() === 'warn', 'amber after a second');
    await waitUntil(() => level() === 'alarm', 'red after two seconds');
  });

  it('shows waiting times only in the queue', async () => {
    const generated = generatedSessions(1, { kind: 'operator', operatorId: ANNA.id }, 'active');
    const backend = memoryBackend(supportTeamSeedWith(generated));
    const { client } = await connectClient(backend, { userId: ANNA.id });
    const el = await mountList(client, { group: 'mine' });
    expect(options(el)).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part~="waiting"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('time[part="time"]')).to.not.equal(null);
  });

  it('speaks Russian', async () => {
    const client = await world(1, ([session]) => {
      session!.tags = ['tag-vip'];
      session!.urgent = true;
      session!.queuedAt = Date.now() - 10 * 60_000;
    });
    const el = await mountList(client, { locale: 'ru' });
    expect(text(el.shadowRoot!.querySelector('label[for="tag-filter"]'))).to.equal(
      'Фильтр по метке',
    );
    expect(text(el.shadowRoot!.querySelector('[part~="urgent"]'))).to.equal('Срочно,');
    expect(text(el.shadowRoot!.querySelector('[part~="waiting"] .visually-hidden'))).to.match(
      /^Ждёт 10 ?мин, слишком долго$/,
    );
  });
});
