import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Customer, LiveChatClient } from '@live-chat/core';
import { SEED_LIVE_CHATS, SEED_USERS, type MemoryBackend } from '@live-chat/adapters';
import { CustomerReads } from '../test/customer-reads.js';
import { Gate } from '../test/gate.js';
import { pressKeys } from '../test/keyboard.js';
import { connectClient, frozenBackend, waitUntil } from '../test/seeded-client.js';
import type { LiveChatNewSession } from './new-session.js';
import './new-session.js';

/**
 * The shared seed, frozen in time, and a ready client for `userId` whose customer reads are
 * recorded (`reads`).
 */
async function setup(userId: string = SEED_USERS.operatorA) {
  const backend = frozenBackend();
  const reads = new CustomerReads();
  // A short command deadline, so an offline start gives up quickly.
  const setup = { userId, client: { commandDeadlineMs: 300 }, wrapAdapter: reads.wrap };
  return { backend, reads, userId, ...(await connectClient(backend, setup)) };
}

/** The customers `userId` may start a session with, as the backend lists them first. */
function contactable(backend: MemoryBackend, userId: string): Customer[] {
  const answer = backend.answerRead(userId, { op: 'customers', query: { text: '' } });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as Customer[];
}

async function openDialog(
  client: LiveChatClient | undefined,
  liveChatId: string | undefined = SEED_LIVE_CHATS.support,
) {
  const el = await fixture<LiveChatNewSession>(
    html`<live-chat-new-session
      .client=${client}
      live-chat-id=${liveChatId ?? ''}
    ></live-chat-new-session>`,
  );
  await el.show();
  return el;
}

const $ = <T extends Element = HTMLElement>(el: LiveChatNewSession, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T;

/** External messenger customers with or without an open session in Customer Support. */
function customers(backend: MemoryBackend, client: LiveChatClient, userId: string) {
  const open = new Set(
    backend
      .sessions(SEED_LIVE_CHATS.support)
      .filter((s) => s.status !== 'closed')
      .map((s) => s.customerId),
  );
  const reachable = contactable(backend, userId).filter(
    (c) =>
      c.kind === 'external' &&
      client.outboundChannels(SEED_LIVE_CHATS.support).includes(c.messenger),
  );
  return {
    free: reachable.filter((c) => !open.has(c.id)),
    busy: reachable.filter((c) => open.has(c.id)),
  };
}

/** A customer with an open session in Customer Support, and that session. */
function busyCustomer({
  backend,
  client,
  userId,
}: {
  backend: MemoryBackend;
  client: LiveChatClient;
  userId: string;
}) {
  const customer = customers(backend, client, userId).busy[0]!;
  const existing = backend
    .sessions(SEED_LIVE_CHATS.support)
    .find((s) => s.customerId === customer.id && s.status !== 'closed')!;
  return { customer, existing };
}

/**
 * Checks that the `notice` part says the customer already has an open session, and that the
 * `button` part opens that session (`live-chat-session-open`) and closes the dialog.
 */
async function expectOpensExisting(
  el: LiveChatNewSession,
  notice: string,
  button: string,
  sessionId: string,
) {
  expect($(el, `[part="${notice}"]`).textContent).to.contain('already has an open session');
  await expect(el).to.be.accessible();
  setTimeout(() => $<HTMLButtonElement>(el, `[part="${button}"]`).click());
  const event = await oneEvent(el, 'live-chat-session-open');
  expect(event.detail.sessionId).to.equal(sessionId);
  expect(el.open).to.equal(false);
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The names of the customers listed, in order. */
const listedNames = (el: LiveChatNewSession) =>
  [...el.shadowRoot!.querySelectorAll('[part="customer"] .customer-name')].map(
    (n) => n.textContent,
  );

/** Searches for `text` and waits until the search is done (the list is no longer busy). */
async function search(el: LiveChatNewSession, text: string): Promise<void> {
  type($<HTMLInputElement>(el, 'input[type="search"]'), text);
  await el.updateComplete;
  await waitUntil(
    () => $(el, '[part="customers"]').getAttribute('aria-busy') === 'false',
    `the search for "${text}"`,
  );
}

/** The radio button of `customerId`, once it is listed. */
async function radioOf(el: LiveChatNewSession, customerId: string): Promise<HTMLInputElement> {
  await waitUntil(() => $(el, `input[type="radio"][value="${customerId}"]`), 'customer listed');
  return $<HTMLInputElement>(el, `input[type="radio"][value="${customerId}"]`);
}

describe('<live-chat-new-session>', () => {
  it('opens as a modal dialog with focus in the customer search, and is accessible', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[type="search"]'));
    expect($(el, 'h2').textContent).to.contain('New session');
    expect($(el, 'h2').textContent).to.contain('Customer Support');
    await expect(el).to.be.accessible();
    el.close();
  });

  it('lists the customers the backend finds, and searches it as the user types', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    const all = contactable(current.backend, current.userId).map((c) => c.name);
    await waitUntil(() => listedNames(el).length === all.length, 'the first customers listed');
    expect(listedNames(el)).to.deep.equal(all);
    // Typing searches the backend once the user pauses: one read for the last text.
    const input = $<HTMLInputElement>(el, 'input[type="search"]');
    type(input, 'o');
    type(input, 'ol');
    await search(el, 'olivia');
    expect(listedNames(el)).to.deep.equal(['Olivia Bennett']);
    expect($(el, '.hint').textContent).to.equal('1 customer');
    expect(current.reads.texts).to.deep.equal(['', 'olivia']);
    await search(el, 'zzzz');
    expect($(el, '.empty').textContent).to.contain('No customer matches “zzzz”');
    expect($(el, '.hint').textContent).to.equal('0 customers');
    await expect(el).to.be.accessible();
    el.close();
  });

  it('finds a contact the client has not loaded', async () => {
    const current = await setup();
    const loaded = new Set(current.client.getCustomers().map((c) => c.id));
    const stranger = contactable(current.backend, current.userId).find((c) => !loaded.has(c.id))!;
    expect(current.client.getCustomer(stranger.id)).to.equal(undefined);
    const el = await openDialog(current.client);
    await search(el, stranger.name.slice(0, 5).toUpperCase());
    expect(listedNames(el)).to.include(stranger.name);
    el.close();
  });

  it('shows the latest search only, and says it is searching meanwhile', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    await waitUntil(() => listedNames(el).length > 0, 'the first customers listed');
    const gate = new Gate();
    current.reads.gate = gate;
    type($<HTMLInputElement>(el, 'input[type="search"]'), 'olivia');
    await waitUntil(() => current.reads.texts.includes('olivia'), 'the first search sent');
    // The last list stays, busy, while the search runs.
    await waitUntil(() => $(el, '[part="search-state"]'), 'searching');
    expect($(el, '[part="search-state"]').textContent).to.contain('Searching customers…');
    expect($(el, '[part="customers"]').getAttribute('aria-busy')).to.equal('true');
    expect(listedNames(el).length).to.be.greaterThan(1);
    expect($(el, '.hint').textContent).to.equal('');
    type($<HTMLInputElement>(el, 'input[type="search"]'), 'amelia');
    await waitUntil(() => current.reads.texts.includes('amelia'), 'the second search sent');
    gate.open();
    await waitUntil(
      () => $(el, '[part="customers"]').getAttribute('aria-busy') === 'false',
      'done',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listedNames(el)).to.deep.equal(['Amelia Hughes']);
    el.close();
  });

  it('keeps the chosen customer listed when a later search does not find them', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    await search(el, 'olivia');
    $<HTMLInputElement>(el, 'input[type="radio"]').click();
    await search(el, 'amelia');
    expect(listedNames(el)).to.deep.equal(['Olivia Bennett', 'Amelia Hughes']);
    expect($<HTMLInputElement>(el, 'input[type="radio"]').checked).to.equal(true);
    await search(el, 'zzzz');
    expect(listedNames(el)).to.deep.equal(['Olivia Bennett']);
    expect($(el, '.empty').textContent).to.contain('No customer matches');
    el.close();
  });

  it('says why the search failed, and Try again searches again', async () => {
    const current = await setup();
    current.reads.failWith = { code: 'INTERNAL', message: 'The customer index is down.' };
    const el = await openDialog(current.client);
    await waitUntil(() => $(el, '[part="search-retry"]'), 'Try again');
    const failure = $(el, '[part="search-state"] [role="alert"]');
    expect(failure.textContent).to.contain('Customers could not be searched.');
    expect(listedNames(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    current.reads.failWith = undefined;
    $<HTMLButtonElement>(el, '[part="search-retry"]').click();
    await waitUntil(() => listedNames(el).length > 0, 'customers listed after Try again');
    expect($(el, '[part="search-state"]')).to.equal(null);
    expect(current.reads.texts).to.deep.equal(['', '']);
    el.close();
  });

  it('says when it is offline, and searches again once the connection is back', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    await waitUntil(() => listedNames(el).length > 0, 'the first customers listed');
    current.adapter.simulateConnection('offline');
    await waitUntil(() => current.client.connection === 'offline', 'offline');
    type($<HTMLInputElement>(el, 'input[type="search"]'), 'olivia');
    await waitUntil(
      () => $(el, '[part="search-state"]')?.textContent?.includes('You are offline.'),
      'offline',
    );
    expect($(el, '[part="search-retry"]')).to.equal(null);
    await expect(el).to.be.accessible();
    current.adapter.simulateConnection('online');
    await waitUntil(
      () => listedNames(el).join() === 'Olivia Bennett',
      'searched again once online',
    );
    expect($(el, '[part="search-state"]')).to.equal(null);
    el.close();
  });

  it('offers only the live chat’s outbound channels and picks the customer’s messenger', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    const options = [...el.shadowRoot!.querySelectorAll('select option')].map(
      (o) => (o as HTMLOptionElement).value,
    );
    expect(options).to.deep.equal(current.client.outboundChannels(SEED_LIVE_CHATS.support));
    expect(options).to.not.include('web');
    await search(el, 'Amelia');
    $<HTMLInputElement>(el, 'input[type="radio"]').click();
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, 'select').value).to.equal('whatsapp');
    el.close();
  });

  it('asks for a customer before starting', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    $<HTMLButtonElement>(el, '[part="start"]').click();
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain('Choose a customer');
    expect(el.open).to.equal(true);
    el.close();
  });

  it('starts the session, closes and emits live-chat-session-open for it', async () => {
    const current = await setup();
    const customer = customers(current.backend, current.client, current.userId).free[0]!;
    const el = await openDialog(current.client);
    await search(el, customer.name);
    (await radioOf(el, customer.id)).click();
    type($<HTMLInputElement>(el, '#name'), 'Delivery follow-up');
    type($<HTMLTextAreaElement>(el, '#message'), 'Hello, your parcel is on its way.');
    await el.updateComplete;
    setTimeout(() => $<HTMLButtonElement>(el, '[part="start"]').click());
    const event = await oneEvent(el, 'live-chat-session-open');
    const session = current.backend.getSession(event.detail.sessionId)!;
    expect(session.customerId).to.equal(customer.id);
    expect(session.name).to.equal('Delivery follow-up');
    expect(session.status).to.equal('active');
    expect(session.assignee).to.deep.equal({ kind: 'operator', operatorId: SEED_USERS.operatorA });
    expect(session.channel).to.equal(customer.kind === 'external' ? customer.messenger : undefined);
    expect(session.lastMessagePreview).to.contain('parcel');
    expect(el.open).to.equal(false);
  });

  it('offers to open the customer’s existing session when one is already open', async () => {
    const current = await setup(SEED_USERS.supervisor);
    const { customer, existing } = busyCustomer(current);
    const el = await openDialog(current.client);
    await search(el, customer.name);
    (await radioOf(el, customer.id)).click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="start"]').click();
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part="open-existing"]'),
      'no offer to open the session',
    );
    await expectOpensExisting(el, 'error', 'open-existing', existing.id);
  });

  it('shows before Start who already has an open session here, and opens it instead', async () => {
    const current = await setup(SEED_USERS.supervisor);
    const { customer, existing } = busyCustomer(current);
    const free = customers(current.backend, current.client, current.userId).free;
    const el = await openDialog(current.client);
    const row = (id: string) =>
      $<HTMLInputElement>(el, `input[type="radio"][value="${id}"]`)?.closest('label');
    await waitUntil(() => row(customer.id)?.querySelector('[part="has-open"]'), 'no mark');
    expect(row(customer.id)!.textContent).to.contain('Has an open session');
    expect(row(free[0]!.id)!.querySelector('[part="has-open"]'), 'a free customer').to.equal(null);
    expect($(el, '[part="chosen-open"]'), 'nothing chosen yet').to.equal(null);

    row(customer.id)!.querySelector('input')!.click();
    await el.updateComplete;
    await expectOpensExisting(el, 'chosen-open', 'open-chosen', existing.id);
  });

  it('shows a typed error and stays open when the start is refused', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    await waitUntil(() => $(el, 'input[type="radio"]'), 'customers listed');
    $<HTMLInputElement>(el, 'input[type="radio"]').click();
    await el.updateComplete;
    current.adapter.simulateConnection('offline');
    await waitUntil(() => current.client.connection === 'offline');
    $<HTMLButtonElement>(el, '[part="start"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error shown');
    expect($(el, '[part="error"]').textContent).to.contain('offline');
    expect(el.open).to.equal(true);
    el.close();
  });

  it('explains why a session cannot be started in a live chat without messenger or email', async () => {
    const current = await setup(SEED_USERS.supervisor);
    const el = await openDialog(current.client, SEED_LIVE_CHATS.helpDesk);
    expect($(el, '[role="alert"]').textContent).to.contain('no messenger or email channel');
    expect($<HTMLButtonElement>(el, '[part="start"]').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('closes on Escape and on Cancel', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    const closed = oneEvent(el, 'live-chat-new-session-closed');
    const deprecated = oneEvent(el, 'live-chat-new-session-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail).to.deep.equal({});
    expect((await deprecated).detail).to.deep.equal({});
    expect(el.open).to.equal(false);
    await el.show();
    expect(el.open).to.equal(true);
    $<HTMLButtonElement>(el, '[part="cancel"]').click();
    expect(el.open).to.equal(false);
  });

  it('keeps Tab inside: past Start comes the × button, and before it Start again', async () => {
    const current = await setup();
    const el = await openDialog(current.client);
    const start = $<HTMLButtonElement>(el, '[part="start"]');
    const close = $<HTMLButtonElement>(el, '[part="close"]');
    start.focus();
    await pressKeys('Tab');
    expect(el.shadowRoot!.activeElement).to.equal(close);
    await pressKeys('Shift+Tab');
    expect(el.shadowRoot!.activeElement).to.equal(start);
    el.close();
  });

  it('explains that a client is needed when none is set', async () => {
    const el = await openDialog(undefined);
    expect($(el, '[part="error"]').textContent).to.contain('set the client property');
    el.close();
  });
});
