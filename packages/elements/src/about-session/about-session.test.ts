import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {
  Binder,
  Customer,
  HostAction,
  HostRecord,
  LiveChatClient,
  SessionContext,
} from '@live-chat/core';
import { SEED_GROUPS, SEED_USERS } from '@live-chat/adapters';
import './about-session.js';
import type { LiveChatAboutSession } from './about-session.js';
import { closedByAnother, reassignThroughForm } from './about-session-testing.js';
import { internalCustomer, newSession } from '../test/customer-writes.js';
import { deepFocused, deepHTML, deepQuery, deepQueryAll } from '../test/deep-query.js';
import { afterThisTest, seededClient, waitUntil, type ClientSetup } from '../test/seeded-client.js';
import {
  expectLoadError,
  expectLoadingState,
  expectNoSessionHint,
} from '../test/session-pane-states.js';
import { sessionStory } from '../test/session-story.js';
import { testForLeaks } from '../test/test-for-leaks.js';

async function mount(client: LiveChatClient, sessionId?: string): Promise<LiveChatAboutSession> {
  return fixture<LiveChatAboutSession>(
    html`<live-chat-about-session
      .client=${client}
      .sessionId=${sessionId}
    ></live-chat-about-session>`,
  );
}

// The pane is made of parts, each with its own shadow root: these helpers look through them,
// in page order, as a user sees the pane.
const $ = <T extends Element = HTMLElement>(el: LiveChatAboutSession, selector: string) =>
  deepQuery<T>(el, selector);
const $$ = <T extends Element = HTMLElement>(el: LiveChatAboutSession, selector: string) =>
  deepQueryAll<T>(el.shadowRoot!, selector);
const focused = (el: LiveChatAboutSession) => deepFocused(el);
const ready = (el: LiveChatAboutSession) =>
  waitUntil(() => $(el, '[part="title"]'), 'details shown');

/** A ready client (set up as `setup` says), a fresh session, and the pane showing its details. */
async function showNewSession(setup: ClientSetup = {}) {
  const { backend, client } = await seededClient(setup);
  const session = newSession(backend);
  const el = await mount(client, session.id);
  await ready(el);
  return { backend, client, session, el };
}

/** Registers a binder and an action, so that +Bind and +Actions show. */
function registerBinderAndAction(client: LiveChatClient): void {
  client.registerBinder({
    id: 'b',
    label: 'Deals',
    target: 'customer',
    create: async () => ({ id: 'd', label: 'Deal' }),
  });
  client.registerAction({ id: 'a', label: 'Start business process', run: async () => undefined });
}

/** A spy: records its calls and returns what `impl` returns. */
function spy<A extends unknown[], R>(
  impl: (...args: A) => R,
): ((...args: A) => R) & { calls: A[] } {
  const calls: A[] = [];
  const fn = (...args: A) => {
    calls.push(args);
    return impl(...args);
  };
  return Object.assign(fn, { calls });
}

describe('live-chat-about-session', () => {
  it('shows a hint when no session is selected', async () => {
    await expectNoSessionHint(mount);
  });

  it('shows a loading state, then an unavailable state for an unknown session', async () => {
    const el = await expectLoadingState(mount, 'no-such-session');
    await waitUntil(
      () => $(el, '[part="placeholder"]')?.textContent?.includes('not available'),
      'unavailable',
      { timeout: 5000 },
    );
    await expect(el).to.be.accessible();
  });

  it('shows the error when the client cannot load its state', async () => {
    await expectLoadError(mount);
  });

  it('shows the live chat, session name, first message date, assignee and an external customer', async () => {
    const { backend, client } = await seededClient({
      client: { customerDirectory: { addCustomer: async () => undefined } },
    });
    const session = newSession(backend, undefined, { name: 'Olga Testova', account: '@olga' });
    const el = await mount(client, session.id);
    await ready(el);

    expect($(el, '[part="live-chat"]')!.textContent).to.equal('Customer Support');
    expect($(el, '[part="session-name"]')!.textContent).to.equal(session.name);
    const time = $(el, '[part="first-message"] time')!;
    expect(time.getAttribute('datetime')).to.equal(new Date(session.firstMessageAt).toISOString());
    expect($(el, '[part="assignee"]')!.textContent).to.equal('Unassigned');
    expect($(el, '[part="status"]')!.textContent).to.equal('In queue');

    expect($(el, '#customer-title')!.textContent).to.equal('External customer');
    expect($(el, '[part="customer-name"]')!.textContent).to.equal('Olga Testova');
    expect($(el, '[part="account"]')!.textContent).to.equal('@olga');
    expect($(el, '[part="messenger"]')!.textContent).to.contain('Telegram');
    // No avatar URL: initials.
    expect($(el, 'span[part="avatar"]')!.textContent).to.equal('OT');
    expect(!!$(el, '[part="add-customer-button"]'), 'present').to.equal(true);
    // Nothing registered: no binders, no +Actions.
    expect(!!$(el, '[part="binders"]'), 'absent').to.equal(false);
    expect(!!$(el, '[part="actions-button"]'), 'absent').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('renames inline: Enter saves, Escape cancels and restores focus to the pencil', async () => {
    const { backend, session, el } = await showNewSession();

    const pencil = $<HTMLButtonElement>(el, '[part="rename-button"]')!;
    expect(pencil.title).to.equal('Rename session');
    pencil.click();
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '[part="name-input"]')!;
    expect(focused(el) === input, 'focus').to.equal(true);
    expect(input.value).to.equal(session.name);
    expect(input.labels![0]!.textContent).to.equal('Session name');
    await expect(el).to.be.accessible();

    // Escape: nothing changes, focus returns to the pencil.
    await sendKeys({ type: 'Discarded' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(!!$(el, '[part="name-input"]'), 'absent').to.equal(false);
    expect($(el, '[part="session-name"]')!.textContent).to.equal(session.name);
    expect(focused(el) === $(el, '[part="rename-button"]'), 'focus').to.equal(true);

    // Blank name: a validation error, still editing.
    $<HTMLButtonElement>(el, '[part="rename-button"]')!.click();
    await el.updateComplete;
    await sendKeys({ press: 'Backspace' });
    expect($<HTMLInputElement>(el, '[part="name-input"]')!.value).to.equal('');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#rename-error'), 'validation error');
    expect($(el, '#rename-error')!.textContent).to.contain('cannot be empty');
    expect($(el, '#rename-error')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part="name-input"]')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    // Enter saves.
    await sendKeys({ type: 'Refund for order 42' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => $(el, '[part="session-name"]')?.textContent === 'Refund for order 42',
      'renamed',
    );
    expect(backend.getSession(session.id)!.name).to.equal('Refund for order 42');
    expect(focused(el) === $(el, '[part="rename-button"]'), 'focus').to.equal(true);
  });

  it('reassigns to the Accounting Department group', async () => {
    const { backend, session, el } = await showNewSession({ userId: SEED_USERS.supervisor });

    const select = $<HTMLSelectElement>(el, '[part="reassign-select"]')!;
    expect(select.labels![0]!.textContent).to.equal('Reassign to');
    const labels = [...select.options].map((o) => o.textContent!.trim());
    expect(labels).to.include.members([
      'Anna Kowalski',
      'Ben Okafor',
      'First Line',
      'Accounting Department',
    ]);
    const groups = select.querySelectorAll('optgroup');
    expect([...groups].map((g) => g.label)).to.deep.equal(['Operators', 'Groups']);

    const event = await reassignThroughForm(el, `group:${SEED_GROUPS.accounting}`);
    expect(event.detail).to.deep.equal({
      sessionId: session.id,
      target: { kind: 'group', groupId: SEED_GROUPS.accounting },
    });
    expect(backend.getSession(session.id)!.assignee).to.deep.equal({
      kind: 'group',
      groupId: SEED_GROUPS.accounting,
    });
    await waitUntil(
      () => $(el, '[part="assignee"]')?.textContent === 'Accounting Department (group)',
      'assignee shown',
    );
    expect($(el, '[part="feedback"]')!.textContent!.trim()).to.equal(
      'Reassigned to Accounting Department.',
    );
    // The current assignee is no longer offered.
    expect(
      [...$<HTMLSelectElement>(el, '[part="reassign-select"]')!.options].map((o) => o.value),
    ).not.to.include(`group:${SEED_GROUPS.accounting}`);
    await expect(el).to.be.accessible();
  });

  it('tells an operator who reassigned a session away from themselves where it went', async () => {
    const { el } = await showNewSession();
    await reassignThroughForm(el, `group:${SEED_GROUPS.accounting}`);
    // Anna is not in Accounting: the session leaves her view.
    await waitUntil(() => $(el, '[part="placeholder"]'), 'gone from view');
    expect($(el, '[part="placeholder"]')!.textContent).to.contain(
      'Reassigned to Accounting Department.',
    );
    await expect(el).to.be.accessible();
  });

  it('tells the host about a reassignment that took the session out of view', async () => {
    const { session, el } = await showNewSession();
    const events: Array<HTMLElementEventMap['live-chat-session-reassigned']> = [];
    el.addEventListener('live-chat-session-reassigned', (event) => events.push(event));
    await reassignThroughForm(el, `group:${SEED_GROUPS.accounting}`);
    await waitUntil(() => events.length > 0, 'reassigned event');
    await waitUntil(() => $(el, '[part="placeholder"]'), 'gone from view');
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.deep.equal({
      sessionId: session.id,
      target: { kind: 'group', groupId: SEED_GROUPS.accounting },
    });
  });

  it('asks to choose a target before reassigning', async () => {
    const { backend, session, el } = await showNewSession();
    $<HTMLButtonElement>(el, '[part="reassign-button"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="feedback"][role="alert"]')!.textContent).to.contain(
      'Choose an operator or group',
    );
    expect(backend.getSession(session.id)!.assignee).to.equal(null);
  });

  it('shows a registered binder: search and bind, create, unbind — called with the session', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const records: HostRecord[] = [
      { id: 'r-1', label: 'Reclamation #1 <b>urgent</b>' },
      { id: 'r-2', label: 'Reclamation #2' },
    ];
    const search = spy(async (query: string, _context: SessionContext) =>
      records.filter((r) => r.label.includes(query)),
    );
    const create = spy(async (context: SessionContext) => ({
      id: 'r-new',
      label: `New for ${context.session.name}`,
    }));
    const binder: Binder = {
      id: 'reclamations',
      label: 'Reclamations',
      target: 'customer',
      search,
      create,
    };

    const el = await mount(client, session.id);
    await ready(el);
    expect(!!$(el, '[part="binders"]'), 'absent').to.equal(false);
    const unregister = client.registerBinder(binder);
    await waitUntil(() => $(el, '[part="binders"]'), 'binder shown');
    expect($(el, '[part="binder"] h4')!.textContent).to.equal('Reclamations');
    expect($(el, '[part="binder"]')!.textContent).to.contain('Nothing bound yet.');

    const bind = $<HTMLButtonElement>(el, '[part="bind-button"]')!;
    expect(bind.textContent!.trim()).to.equal('+Bind');
    expect(bind.getAttribute('aria-expanded')).to.equal('false');
    bind.click();
    await el.updateComplete;
    expect(bind.getAttribute('aria-expanded')).to.equal('true');
    const input = $<HTMLInputElement>(el, '[part="record-search"]')!;
    expect(focused(el) === input, 'focus').to.equal(true);
    await waitUntil(() => $$(el, '[part="record-option"]').length === 2, 'initial results');
    expect(search.calls[0]![1].session.id).to.equal(session.id);
    await expect(el).to.be.accessible();

    await sendKeys({ type: '#2' });
    await waitUntil(() => $$(el, '[part="record-option"]').length === 1, 'filtered');
    expect(search.calls.at(-1)![0]).to.equal('#2');
    $<HTMLButtonElement>(el, '[part="record-option"]')!.click();
    await waitUntil(() => $$(el, '[part="binding"]').length === 1, 'bound');
    expect($(el, '[part="binding"]')!.textContent).to.contain('Reclamation #2');
    expect(backend.getSession(session.id)!.bindings).to.deep.equal([
      { binderId: 'reclamations', recordId: 'r-2', label: 'Reclamation #2' },
    ]);
    expect(!!$(el, '[part="bind-panel"]'), 'absent').to.equal(false);
    expect(focused(el) === $(el, '[part="bind-button"]'), 'focus').to.equal(true);

    // Create.
    $<HTMLButtonElement>(el, '[part="bind-button"]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="create-button"]')!.click();
    await waitUntil(() => $$(el, '[part="binding"]').length === 2, 'created and bound');
    expect(create.calls).to.have.length(1);
    expect(create.calls[0]![0].session.id).to.equal(session.id);
    expect($$(el, '[part="binding"]')[1]!.textContent).to.contain(`New for ${session.name}`);

    // Escape closes the panel and returns focus to +Bind.
    $<HTMLButtonElement>(el, '[part="bind-button"]')!.click();
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(!!$(el, '[part="bind-panel"]'), 'absent').to.equal(false);
    expect(focused(el) === $(el, '[part="bind-button"]'), 'focus').to.equal(true);

    // Unbind.
    const unbind = $<HTMLButtonElement>(el, '[part="unbind-button"]')!;
    expect(unbind.getAttribute('aria-label')).to.equal('Unbind Reclamation #2');
    unbind.click();
    await waitUntil(() => $$(el, '[part="binding"]').length === 1, 'unbound');
    expect(backend.getSession(session.id)!.bindings.map((b) => b.recordId)).to.deep.equal([
      'r-new',
    ]);

    // A host label is text, never markup.
    $<HTMLButtonElement>(el, '[part="bind-button"]')!.click();
    await waitUntil(() => $$(el, '[part="record-option"]').length === 2, 'results again');
    expect(!!$(el, '[part="record-option"] b'), 'absent').to.equal(false);
    expect($(el, '[part="record-option"]')!.textContent).to.contain('<b>urgent</b>');

    unregister();
    await waitUntil(() => !$(el, '[part="binders"]'), 'binder gone');
  });

  it('offers the +Actions menu by keyboard and runs an action with the session', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    const run = spy(async (_context: SessionContext) => ({ message: 'Process "Order" started.' }));
    const other = spy(async (_context: SessionContext) => undefined);
    const actions: HostAction[] = [
      { id: 'start-process', label: 'Start business process', run },
      { id: 'other', label: 'Send survey', run: other },
    ];

    const el = await mount(client, session.id);
    await ready(el);
    expect(!!$(el, '[part="actions-button"]'), 'absent').to.equal(false);
    const unregister = actions.map((a) => client.registerAction(a));
    await waitUntil(() => $(el, '[part="actions-button"]'), 'actions shown');

    const button = $<HTMLButtonElement>(el, '[part="actions-button"]')!;
    expect(button.textContent!.trim()).to.equal('+Actions');
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const items = $$(el, '[role="menuitem"]');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el) === items[0], 'focus').to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el) === items[1], 'focus').to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el) === items[0], 'focus').to.equal(true);
    await sendKeys({ press: 'End' });
    expect(focused(el) === items[1], 'focus').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el) === button, 'focus').to.equal(true);

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => run.calls.length === 1, 'action ran');
    expect(run.calls[0]![0].session.id).to.equal(session.id);
    expect(other.calls).to.have.length(0);
    await waitUntil(
      () => $(el, '[part="feedback"]')?.textContent?.trim() === 'Process "Order" started.',
      'message shown',
    );
    expect(focused(el) === button, 'focus').to.equal(true);

    unregister.forEach((u) => u());
    await waitUntil(() => !$(el, '[part="actions-button"]'), 'actions gone');
  });

  it('shows an action error', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    client.registerAction({
      id: 'broken',
      label: 'Start business process',
      run: async () => {
        throw new Error('The process service is down.');
      },
    });
    const el = await mount(client, session.id);
    await ready(el);
    $<HTMLButtonElement>(el, '[part="actions-button"]')!.click();
    await el.updateComplete;
    $(el, '[role="menuitem"]')!.click();
    await waitUntil(() => $(el, '[part="feedback"][role="alert"]'), 'error shown');
    expect($(el, '[part="feedback"]')!.textContent).to.contain('The process service is down.');
  });

  it('adds an external customer to the host database', async () => {
    const addCustomer = spy(async (_customer: Customer) => undefined);
    const { backend, session, el } = await showNewSession({
      client: { customerDirectory: { addCustomer } },
    });
    const button = $<HTMLButtonElement>(el, '[part="add-customer-button"]')!;
    expect(button.textContent!.trim()).to.equal('Add to customers');
    button.click();
    await waitUntil(() => !$(el, '[part="add-customer-button"]'), 'button gone once added');
    expect(addCustomer.calls).to.have.length(1);
    expect(addCustomer.calls[0]![0].id).to.equal(session.customerId);
    expect(backend.getCustomer(session.customerId)).to.include({ inHostDatabase: true });
    expect(!!$(el, '[part="in-customers"]'), 'present').to.equal(true);
    expect($(el, '[part="feedback"]')!.textContent).to.contain('was added to customers');
    // The button went away: focus moved to the confirmation, not lost.
    await waitUntil(() => focused(el) === $(el, '[part="feedback"]'), 'focus on the confirmation');
    await expect(el).to.be.accessible();
  });

  it('hides "Add to customers" without a customer directory', async () => {
    const { el } = await showNewSession();
    expect(!!$(el, '[part="add-customer-button"]'), 'absent').to.equal(false);
  });

  it('shows an internal user with an avatar and a profile link, and never links unsafe URLs', async () => {
    const { backend, client } = await seededClient();
    const tom = internalCustomer('usr-tom', 'Tom Internal', {
      avatarUrl: 'https://images.invalid/tom.png',
      profileUrl: 'https://intranet.example.com/users/tom',
    });
    const safe = newSession(backend, undefined, tom);
    const el = await mount(client, safe.id);
    await ready(el);
    expect($(el, '#customer-title')!.textContent).to.equal('Internal user');
    const img = $<HTMLImageElement>(el, 'img[part="avatar"]')!;
    expect(img.alt).to.equal('Avatar of Tom Internal');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    const link = $<HTMLAnchorElement>(el, '[part="profile-link"]')!;
    expect(link.getAttribute('href')).to.equal('https://intranet.example.com/users/tom');
    expect(link.rel).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();

    const eve = internalCustomer('usr-priya', 'Eve Internal', {
      avatarUrl: 'javascript:alert(1)',
      profileUrl: 'javascript:alert(1)',
    });
    const unsafe = newSession(backend, undefined, eve);
    el.sessionId = unsafe.id;
    await waitUntil(
      () => $(el, '[part="customer-name"]')?.textContent === 'Eve Internal',
      'switched',
    );
    expect(!!$(el, '[part="profile-link"]'), 'absent').to.equal(false);
    expect(!!$(el, 'img'), 'absent').to.equal(false);
    expect($(el, '[part="avatar"]')!.textContent).to.equal('EI');
    expect(deepHTML(el.shadowRoot!)).not.to.contain('javascript:');
  });

  it('is read-only, with the reason, where the user cannot act on the session', async () => {
    const { backend, client } = await seededClient();
    // Ben took and closed it: Anna can see the closed session but not act on it.
    const session = closedByAnother(backend);
    registerBinderAndAction(client);
    const el = await mount(client, session.id);
    await waitUntil(() => $(el, '[part="read-only-note"]'), 'read-only note');
    expect(client.canActOn(session.id)).to.equal(false);
    expect($(el, '[part="read-only-note"]')!.textContent).to.contain('not change it');
    for (const part of ['rename-button', 'bind-button', 'actions-button']) {
      const control = $<HTMLButtonElement>(el, `[part="${part}"]`)!;
      expect(control.disabled, part).to.equal(true);
      expect(control.getAttribute('aria-describedby'), part).to.equal('read-only-note');
    }
    // Closed sessions cannot be reassigned.
    expect(!!$(el, '[part="reassign"]'), 'absent').to.equal(false);
    expect($(el, '[part="assignee"]')!.textContent).to.equal('Ben Okafor');
    await expect(el).to.be.accessible();
  });

  it('keeps the CSS part names of its inner elements (::part from the page)', async () => {
    const { backend, client } = await seededClient({
      client: { customerDirectory: { addCustomer: async () => undefined } },
    });
    registerBinderAndAction(client);
    const session = newSession(backend);
    const el = await mount(client, session.id);
    await ready(el);
    const style = document.createElement('style');
    style.textContent =
      'live-chat-about-session::part(feedback), live-chat-about-session::part(details), live-chat-about-session::part(reassign-select), live-chat-about-session::part(bind-button), live-chat-about-session::part(action), live-chat-about-session::part(avatar), live-chat-about-session::part(channel-icon), live-chat-about-session::part(add-customer-button) { scroll-margin-top: 13px; }';
    document.head.append(style);
    afterThisTest(() => style.remove());
    const inner = $$(el, '.part').flatMap((part) => [
      ...part.shadowRoot!.querySelectorAll<HTMLElement>('[part]'),
    ]);
    const styled = inner
      .filter((node) => getComputedStyle(node).scrollMarginTop === '13px')
      .map((node) => node.getAttribute('part'));
    expect(styled).to.include.members([
      'details',
      'reassign-select',
      'bind-button',
      'action',
      'avatar',
      'channel-icon',
      'add-customer-button',
    ]);
    // Every part of every inner element is exported under its own name.
    for (const part of $$(el, '.part')) {
      const exported = (part.getAttribute('exportparts') ?? '').split(/\s*,\s*/);
      for (const node of part.shadowRoot!.querySelectorAll('[part]')) {
        for (const name of node.getAttribute('part')!.split(/\s+/)) {
          expect(exported, `${part.localName} exports ${name}`).to.include(name);
        }
      }
    }
  });

  it('translates its texts when the locale changes', async () => {
    const { el } = await showNewSession();
    el.locale = 'ru';
    await el.updateComplete;
    expect($(el, '[part="title"]')!.textContent).to.equal('О сессии');
    expect($(el, '[part="assignee"]')!.textContent).to.equal('Не назначена');
  });

  it('leaves no subscription behind after being mounted and removed 50 times', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    await testForLeaks(sessionStory('live-chat-about-session', session.id), {
      client,
      ready: (el: LiveChatAboutSession) => ready(el),
      // Once while renaming.
      whileMounted: async (el: LiveChatAboutSession, round) => {
        if (round > 0) return;
        $<HTMLButtonElement>(el, '[part="rename-button"]')!.click();
        await el.updateComplete;
      },
    });
  });
});
