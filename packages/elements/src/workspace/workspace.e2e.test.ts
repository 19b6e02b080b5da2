/**
 * End-to-end: the operator guide (shared/reference) played as an operator would, in the full
 * workspace on the in-memory backend. Customers act through the backend; operators through the
 * UI, as far as the UI is what the scenario is about.
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {
  Alert,
  Binder,
  HostAction,
  LiveChatClient,
  LiveChatPerformanceReport,
  OperatorsPerformanceReport,
  SessionContext,
} from '@live-chat/core';
import {
  createSeedData,
  SEED_GROUPS,
  SEED_LIVE_CHATS,
  SEED_USERS,
  type MemoryBackend,
} from '@live-chat/adapters';
import type { LiveChatWorkspace } from './workspace.js';
import type { LiveChatCounter } from '../counter/counter.js';
import { newSession, writeAgain } from '../test/customer-writes.js';
import { memoryBackend, startClient } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import './workspace.js';

const { operatorA: ANNA, operatorB: BEN, operatorE: ELENA, supervisor: MARIA } = SEED_USERS;
const SUPPORT = SEED_LIVE_CHATS.support;
const HELP_DESK = SEED_LIVE_CHATS.helpDesk;

/** A backend with the seed's people and live chats but no history, so every figure is ours. */
function emptyWorld(now?: () => number): MemoryBackend {
  const { users, liveChats, groups, customers } = createSeedData({ now: Date.UTC(2026, 10, 20) });
  return memoryBackend({ users, liveChats, groups, customers }, now ? { now } : {});
}

let commandCount = 0;
const commandId = () => `e2e-${++commandCount}`;

/** A new external customer of Customer Support writes in; returns the session id. */
const newCustomerWrites = (backend: MemoryBackend, name: string, text: string): string =>
  newSession(backend, [text], { name }).id;

/** A new customer writes in and Anna takes the session (through the backend); returns its id. */
function annaTakesNewSession(backend: MemoryBackend, name: string, text: string): string {
  const sessionId = newCustomerWrites(backend, name, text);
  backend.execute(ANNA, { type: 'session.take', commandId: commandId(), sessionId });
  return sessionId;
}

/** `querySelector` through a chain of shadow roots: deep(ws, 'live-chat-navigation', 'button'). */
/** The first match of `selector` in a shadow root, or in the shadow roots nested inside it. */
function findInShadows(root: ShadowRoot, selector: string): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const element of root.querySelectorAll('*')) {
    const found = element.shadowRoot ? findInShadows(element.shadowRoot, selector) : null;
    if (found) return found;
  }
  return null;
}

/** Every match of `selector` in a shadow root and the shadow roots nested inside it. */
function findAllInShadows(root: ShadowRoot, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...findAllInShadows(element.shadowRoot, selector));
  }
  return found;
}

/**
 * Walks down shadow roots: each selector is looked up in the shadow root of the previous
 * match, including the parts a component renders in sub-elements of its own.
 */
function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T | null {
  let node: Element | null = root;
  for (const selector of selectors) {
    node = node?.shadowRoot ? findInShadows(node.shadowRoot, selector) : null;
  }
  return node as T | null;
}

function deepAll<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T[] {
  const last = selectors.pop()!;
  const host = selectors.length ? deep(root, ...selectors) : root;
  return host?.shadowRoot ? (findAllInShadows(host.shadowRoot, last) as T[]) : [];
}

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

interface Operator {
  el: LiveChatWorkspace;
  client: LiveChatClient;
  alerts: Alert[];
}

async function signIn(
  backend: MemoryBackend,
  userId: string,
  extensions: { binders?: Binder[]; actions?: HostAction[] } = {},
): Promise<Operator> {
  const { client } = startClient(backend, { userId, client: extensions });
  const alerts: Alert[] = [];
  client.alerts$.subscribe((alert) => alerts.push(alert));
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width:1280px;height:760px">
      <live-chat-workspace no-alerts .client=${client}></live-chat-workspace>
    </div>`,
  );
  const el = wrapper.querySelector('live-chat-workspace')!;
  await waitUntil(() => client.status.state === 'ready', 'client never became ready');
  await settle(el);
  return { el, client, alerts };
}

const blueCounter = (op: Operator) =>
  deep<LiveChatCounter>(op.el, '[part="counters"] live-chat-counter')!;
const redCounter = (op: Operator) => deep<LiveChatCounter>(op.el, '.title live-chat-counter')!;

async function selectGroup(op: Operator, liveChatId: string, group: string): Promise<void> {
  deep<HTMLButtonElement>(
    op.el,
    'live-chat-navigation',
    `[data-live-chat-id="${liveChatId}"][data-group="${group}"]`,
  )!.click();
  await settle(op.el);
}

/** Rows of the session list shown in the workspace. */
function listRow(op: Operator, sessionId: string): HTMLElement | null {
  return deep(op.el, '.list-pane live-chat-session-list', `[data-session-id="${sessionId}"]`);
}

async function openFromList(op: Operator, sessionId: string): Promise<void> {
  await waitUntil(() => listRow(op, sessionId), `session ${sessionId} not in the list`);
  listRow(op, sessionId)!.click();
  await waitUntil(() => op.el.sessionId === sessionId, 'session did not open');
  await settle(op.el);
}

const conversation = (op: Operator) => deep(op.el, 'live-chat-conversation')!;
const about = (op: Operator) => deep(op.el, 'live-chat-about-session')!;

async function reply(op: Operator, message: string): Promise<void> {
  const input = deep<HTMLTextAreaElement>(
    op.el,
    'live-chat-conversation',
    '[part~="composer-input"]',
  )!;
  input.focus();
  input.value = message;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await sendKeys({ press: 'Enter' });
}

function messageTexts(op: Operator): string[] {
  return deepAll(op.el, 'live-chat-conversation', '[part~="text"]').map(text);
}

describe('workspace end to end: the operator guide', function () {
  this.timeout(30_000);

  it('1. a customer writes: the blue counter rises, New in Queue, the live chat’s operators alerted and no one else', async () => {
    const backend = emptyWorld();
    const anna = await signIn(backend, ANNA);
    const ben = await signIn(backend, BEN);
    const elena = await signIn(backend, ELENA);
    expect(blueCounter(anna).count).to.equal(0);

    const sessionId = newCustomerWrites(backend, 'Vera Quinn', 'Hello, my order has not arrived.');
    await waitUntil(() => blueCounter(anna).count === 1, 'blue counter did not rise');
    await settle(anna.el);
    expect(text(deep(blueCounter(anna), '[part="label"]'))).to.equal('1 new session in my queues');
    // Queue is selected by default: the session is there with the New mark.
    await waitUntil(() => listRow(anna, sessionId), 'not in the queue');
    expect(text(listRow(anna, sessionId)!.querySelector('[part="new"]'))).to.equal('New');
    expect(
      text(deep(anna.el, 'live-chat-navigation', '[data-group="queue"] [part="group-size"]')),
    ).to.equal('1');

    await waitUntil(
      () => anna.alerts.length === 1 && ben.alerts.length === 1,
      'operators not alerted',
    );
    expect(anna.alerts[0]!.sessionId).to.equal(sessionId);
    expect(ben.alerts[0]!.customerName).to.equal('Vera Quinn');
    await aTimeout(50);
    expect(elena.alerts, 'an operator of another live chat').to.have.length(0);
    expect(blueCounter(elena).count).to.equal(0);
  });

  it('2. the blue counter opens the oldest unassigned session; replying takes it from Queue to My sessions', async () => {
    const backend = emptyWorld();
    const first = newCustomerWrites(backend, 'Oldest Owen', 'First in line');
    await aTimeout(5);
    const second = newCustomerWrites(backend, 'Newer Nina', 'Second in line');
    const anna = await signIn(backend, ANNA);
    expect(blueCounter(anna).count).to.equal(2);

    deep<HTMLButtonElement>(blueCounter(anna), 'button')!.click();
    await waitUntil(() => anna.el.sessionId === first, 'the oldest session did not open');
    await settle(anna.el);
    expect(conversation(anna).getAttribute('session-id')).to.equal(first);
    await waitUntil(() => messageTexts(anna).includes('First in line'), 'history not shown');

    await reply(anna, 'Hello Owen, I am on it.');
    await waitUntil(
      () => backend.getSession(first)?.status === 'active',
      'reply did not take the session',
    );
    expect(backend.getSession(first)!.assignee).to.deep.equal({
      kind: 'operator',
      operatorId: ANNA,
    });
    await waitUntil(() => blueCounter(anna).count === 1, 'blue counter did not fall');
    await selectGroup(anna, SUPPORT, 'queue');
    await waitUntil(() => !listRow(anna, first) && listRow(anna, second), 'still in Queue');
    await selectGroup(anna, SUPPORT, 'mine');
    await waitUntil(() => listRow(anna, first), 'not in My sessions');
  });

  it('3. new messages in my session raise its badge and the red counter; reading clears both', async () => {
    const backend = emptyWorld();
    const sessionId = annaTakesNewSession(backend, 'Badge Bella', 'Hi');
    backend.execute(ANNA, { type: 'session.mark-read', commandId: commandId(), sessionId });
    const anna = await signIn(backend, ANNA);
    await selectGroup(anna, SUPPORT, 'mine');
    expect(redCounter(anna).count).to.equal(0);

    writeAgain(backend, sessionId, 'Are you there?');
    writeAgain(backend, sessionId, 'Hello?');
    await waitUntil(() => redCounter(anna).count === 2, 'red counter did not rise');
    await settle(anna.el);
    expect(text(deep(redCounter(anna), '[part="label"]'))).to.equal(
      '2 unread messages in my sessions',
    );
    await waitUntil(
      () => text(listRow(anna, sessionId)?.querySelector('[part="unread"] [aria-hidden]')) === '2',
      'no badge of 2',
    );

    await openFromList(anna, sessionId);
    await waitUntil(() => redCounter(anna).count === 0, 'reading did not clear the red counter');
    await waitUntil(
      () => !listRow(anna, sessionId)?.querySelector('[part="unread"]'),
      'badge still shown',
    );
  });

  it('4. reassigned to the Accounting Department: in its members’ queue and activity stream', async () => {
    const backend = emptyWorld();
    const sessionId = annaTakesNewSession(backend, 'Invoice Ivan', 'My invoice is wrong');
    const anna = await signIn(backend, ANNA);
    const ben = await signIn(backend, BEN);
    anna.el.sessionId = sessionId;
    await settle(anna.el);

    const select = deep<HTMLSelectElement>(about(anna), '[part~="reassign-select"]')!;
    await waitUntil(
      () => [...select.options].some((o) => o.value === `group:${SEED_GROUPS.accounting}`),
      'no Accounting target',
    );
    select.value = `group:${SEED_GROUPS.accounting}`;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(anna.el);
    deep<HTMLButtonElement>(about(anna), '[part~="reassign-button"]')!.click();
    await waitUntil(
      () => backend.getSession(sessionId)?.assignee?.kind === 'group',
      'not reassigned',
    );
    expect(backend.getSession(sessionId)!.status).to.equal('queued');

    // Ben is in the Accounting Department: it waits in his queue, and his activity says so.
    await selectGroup(ben, SUPPORT, 'queue');
    await waitUntil(() => listRow(ben, sessionId), 'not in Ben’s queue');
    deep<HTMLButtonElement>(ben.el, '#tab-activity')!.click();
    await settle(ben.el);
    await waitUntil(
      () =>
        deepAll(ben.el, 'live-chat-activity', '[part~="text"]').some((n) =>
          text(n).includes('Invoice Ivan'),
        ),
      'no activity entry for Ben',
    );
    // Anna is not in that group: it left her lists.
    await selectGroup(anna, SUPPORT, 'queue');
    await waitUntil(() => !listRow(anna, sessionId), 'still in Anna’s queue');
  });

  it('5. close: it moves to Closed, supervisors and operators see it in activity, and a new message brings it back with its history', async () => {
    const backend = emptyWorld();
    const sessionId = annaTakesNewSession(backend, 'Closing Clara', 'Thanks for the help earlier');
    const anna = await signIn(backend, ANNA);
    const maria = await signIn(backend, MARIA);
    const ben = await signIn(backend, BEN);
    anna.el.sessionId = sessionId;
    await settle(anna.el);

    deep<HTMLButtonElement>(conversation(anna), '[part~="close-button"]')!.click();
    await settle(anna.el);
    const dialog = deep<HTMLDialogElement>(conversation(anna), 'dialog')!;
    expect(dialog.open).to.equal(true);
    const closed = oneEvent(anna.el, 'live-chat-session-closed');
    dialog.querySelector<HTMLButtonElement>('[data-dialog-confirm]')!.click();
    await closed;
    expect(backend.getSession(sessionId)!.status).to.equal('closed');

    await selectGroup(anna, SUPPORT, 'closed');
    await waitUntil(() => listRow(anna, sessionId), 'not in Closed');
    for (const who of [maria, ben]) {
      await waitUntil(
        () =>
          deepAll(who.el, 'live-chat-activity', '[part~="text"]').some((n) =>
            text(n).includes('Closing Clara'),
          ),
        'closing not in the activity stream',
      );
    }

    writeAgain(backend, sessionId, 'One more question, please');
    await waitUntil(
      () => backend.getSession(sessionId)?.status === 'queued',
      'not back in the queue',
    );
    await selectGroup(anna, SUPPORT, 'queue');
    await waitUntil(() => listRow(anna, sessionId), 'not back in Anna’s queue');
    await openFromList(anna, sessionId);
    await waitUntil(
      () =>
        messageTexts(anna).includes('Thanks for the help earlier') &&
        messageTexts(anna).includes('One more question, please'),
      'history not kept',
    );
  });

  it('6. search in an open session finds its history and jumps to it; with none open only names match', async () => {
    const backend = emptyWorld();
    const sessionId = newCustomerWrites(
      backend,
      'Search Sam',
      'My parcel tracking number is XK-4471',
    );
    writeAgain(backend, sessionId, 'Please check it');
    const anna = await signIn(backend, ANNA);
    const search = deep(anna.el, 'live-chat-search')!;
    const input = deep<HTMLInputElement>(search, '#input')!;
    const typeQuery = async (query: string) => {
      input.focus();
      input.value = query;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    const hits = () => deepAll(search, '[role="option"]');

    // No session open: a word of the history finds nothing, a name finds the session.
    await typeQuery('tracking');
    await aTimeout(500);
    expect(hits()).to.have.length(0);
    await typeQuery('Search Sam');
    await waitUntil(() => hits().length === 1, 'name not found');

    // Session open: its history is searched, and the hit jumps to the message.
    anna.el.sessionId = sessionId;
    await settle(anna.el);
    expect(search.getAttribute('session-id')).to.equal(sessionId);
    await typeQuery('tracking');
    await waitUntil(
      () => hits().some((hit) => text(hit).includes('XK-4471')),
      'history not searched',
    );
    const hit = hits().find((h) => text(h).includes('XK-4471'))!;
    expect(
      hit.querySelector('mark, [part~="match"]') ?? hit.shadowRoot?.querySelector('mark'),
    ).to.not.equal(null);
    const opened = oneEvent(anna.el, 'live-chat-session-open');
    hit.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
    hit.click();
    const { detail } = await opened;
    expect(detail.sessionId).to.equal(sessionId);
    expect(detail.messageId).to.be.a('string');
    await settle(anna.el);
    expect(conversation(anna).getAttribute('highlight-message-id')).to.equal(detail.messageId);
  });

  it('7. a supervisor sees Active sessions; an operator does not', async () => {
    const backend = emptyWorld();
    const sessionId = annaTakesNewSession(backend, 'Active Alma', 'Hi');
    const maria = await signIn(backend, MARIA);
    const anna = await signIn(backend, ANNA);
    expect(deep(anna.el, 'live-chat-navigation', '[data-group="active"]')).to.equal(null);
    await selectGroup(maria, SUPPORT, 'active');
    await waitUntil(() => listRow(maria, sessionId), 'not in the supervisor’s Active');
    expect(
      text(
        deep(
          maria.el,
          'live-chat-navigation',
          `[data-live-chat-id="${SUPPORT}"][data-group="active"] [part="group-size"]`,
        ),
      ),
    ).to.equal('1');
  });

  it('8. rename; +New Session only with a messenger or email channel; the host’s binder and action are called with the session', async () => {
    const backend = emptyWorld();
    const sessionId = newCustomerWrites(backend, 'Rename Rita', 'I want to return a jacket');
    backend.execute(MARIA, { type: 'session.take', commandId: commandId(), sessionId });
    const calls: Array<{ kind: string; context: SessionContext }> = [];
    const binder: Binder = {
      id: 'reclamations',
      label: 'Reclamations',
      target: 'message',
      async search(_query, context) {
        calls.push({ kind: 'search', context });
        return [{ id: 'REC-1', label: 'REC-1 · Jacket' }];
      },
      async create(context) {
        calls.push({ kind: 'create', context });
        return { id: 'REC-2', label: 'REC-2 · New' };
      },
    };
    const action: HostAction = {
      id: 'start-business-process',
      label: 'Start business process',
      async run(context) {
        calls.push({ kind: 'action', context });
        return { message: 'Process started' };
      },
    };
    const maria = await signIn(backend, MARIA, { binders: [binder], actions: [action] });

    // +New Session: Customer Support (messengers, email) has it, Website Help Desk (web only) not.
    const sections = deepAll(maria.el, 'live-chat-navigation', 'section');
    const newSessionIn = (id: string) =>
      sections.find((s) => s.querySelector(`#groups-${id}`))!.querySelector('[part="new-session"]');
    expect(newSessionIn(SUPPORT)).to.not.equal(null);
    expect(newSessionIn(HELP_DESK)).to.equal(null);

    maria.el.sessionId = sessionId;
    await settle(maria.el);
    // Rename inline.
    deep<HTMLButtonElement>(about(maria), '[part~="rename-button"]')!.click();
    await settle(maria.el);
    const nameInput = deep<HTMLInputElement>(about(maria), '[part~="name-input"]')!;
    nameInput.value = 'Jacket return';
    nameInput.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    nameInput.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => backend.getSession(sessionId)?.name === 'Jacket return', 'not renamed');

    // The binder and the action appear and are called with the session.
    await waitUntil(
      () => text(deep(about(maria), '[part~="binders"]')).includes('Reclamations'),
      'binder not shown',
    );
    deep<HTMLButtonElement>(about(maria), '[part~="bind-button"]')!.click();
    await settle(maria.el);
    await waitUntil(() => deep(about(maria), '[part~="create-button"]'), 'no create button');
    deep<HTMLButtonElement>(about(maria), '[part~="create-button"]')!.click();
    await waitUntil(
      () => backend.getSession(sessionId)?.bindings.some((b) => b.recordId === 'REC-2'),
      'record not bound',
    );
    deep<HTMLButtonElement>(about(maria), '[part~="actions-button"]')!.click();
    await settle(maria.el);
    deep<HTMLElement>(about(maria), '[part~="action"]')!.click();
    await waitUntil(() => calls.some((c) => c.kind === 'action'), 'action not run');
    for (const call of calls) expect(call.context.session.id, call.kind).to.equal(sessionId);
    expect(calls.map((c) => c.kind)).to.include.members(['create', 'action']);
  });

  it('9. reports show the numbers the backend recorded for a scripted day', async () => {
    let clock = new Date(2026, 10, 24, 9, 0).getTime();
    const backend = emptyWorld(() => clock);
    const at = (hours: number, minutes: number) =>
      (clock = new Date(2026, 10, 24, hours, minutes).getTime());
    // 09:00 a customer writes twice; 09:05 Anna answers (takes it); 09:20 she closes it.
    at(9, 0);
    const s1 = newCustomerWrites(backend, 'Report Rosa', 'Hello');
    at(9, 2);
    writeAgain(backend, s1, 'Anyone?');
    at(9, 5);
    backend.execute(ANNA, {
      type: 'message.send',
      commandId: commandId(),
      sessionId: s1,
      clientMessageId: commandId(),
      text: 'Hi Rosa!',
    });
    at(9, 20);
    backend.execute(ANNA, { type: 'session.close', commandId: commandId(), sessionId: s1 });
    // 10:00 another customer; 10:10 Ben takes it; 10:15 he answers.
    at(10, 0);
    const s2 = newCustomerWrites(backend, 'Report Raj', 'Question about billing');
    at(10, 10);
    backend.execute(BEN, { type: 'session.take', commandId: commandId(), sessionId: s2 });
    at(10, 15);
    backend.execute(BEN, {
      type: 'message.send',
      commandId: commandId(),
      sessionId: s2,
      clientMessageId: commandId(),
      text: 'Let me check',
    });
    // 11:00 a third customer nobody answers.
    at(11, 0);
    newCustomerWrites(backend, 'Report Ruth', 'Hello?');
    at(18, 0);

    const maria = await signIn(backend, MARIA);
    deep<HTMLButtonElement>(maria.el, 'live-chat-navigation', '[part~="reports"]')!.click();
    await settle(maria.el);
    const reports = deep(maria.el, 'live-chat-reports')!;
    reports.setAttribute('live-chat-id', SUPPORT);
    reports.setAttribute('from', '2026-11-24');
    reports.setAttribute('to', '2026-11-24');
    reports.setAttribute('report', 'live-chat-performance');
    const range = { from: new Date(2026, 10, 24).getTime(), to: new Date(2026, 10, 25).getTime() };
    const figure = (key: string) => text(deep(reports, `[data-figure="${key}"] .value`));
    await waitUntil(() => figure('requests') !== '', 'live chat report not shown', {
      timeout: 5000,
    });

    const recorded = backend.report(MARIA, {
      kind: 'live-chat-performance',
      liveChatId: SUPPORT,
      range,
      utcOffsetMinutes: -new Date(range.from).getTimezoneOffset(),
    });
    if (!recorded.ok) throw new Error(recorded.error.message);
    const live = recorded.value as LiveChatPerformanceReport;
    expect([
      live.requests,
      live.closed,
      live.messagesIn,
      live.messagesOut,
      live.neverAnswered,
    ]).to.deep.equal([3, 1, 4, 2, 1]);
    expect(figure('requests')).to.equal(String(live.requests));
    expect(figure('closed')).to.equal(String(live.closed));
    expect(figure('messagesIn')).to.equal(String(live.messagesIn));
    expect(figure('messagesOut')).to.equal(String(live.messagesOut));
    expect(figure('neverAnswered')).to.equal(String(live.neverAnswered));
    expect(figure('averageFirstResponse')).to.not.equal('—');

    reports.setAttribute('report', 'operators-performance');
    await waitUntil(
      () => deep(reports, `[data-operator-id="${ANNA}"]`),
      'operators report not shown',
      { timeout: 5000 },
    );
    const operators = backend.report(MARIA, {
      kind: 'operators-performance',
      liveChatId: SUPPORT,
      range,
    });
    if (!operators.ok) throw new Error(operators.error.message);
    for (const row of (operators.value as OperatorsPerformanceReport).rows) {
      const cells = [
        ...deep(reports, `[data-operator-id="${row.operatorId}"]`)!.querySelectorAll('td'),
      ].map(text);
      expect([cells[0], cells[1], cells[2], cells[5]], row.operatorId).to.deep.equal(
        [row.sessionsTaken, row.sessionsClosed, row.messagesSent, row.openNow].map(String),
      );
    }
    const anna = (operators.value as OperatorsPerformanceReport).rows.find(
      (r) => r.operatorId === ANNA,
    )!;
    expect([anna.sessionsTaken, anna.sessionsClosed, anna.messagesSent]).to.deep.equal([1, 1, 1]);
  });

  it('10. a message containing markup is shown literally and runs nothing', async () => {
    const backend = emptyWorld();
    const evil =
      '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b> javascript:alert(1)';
    const sessionId = newCustomerWrites(backend, 'Mallory <i>Markup</i>', evil);
    const anna = await signIn(backend, ANNA);
    await openFromList(anna, sessionId);
    await waitUntil(
      () => messageTexts(anna).some((t) => t.includes('<script>')),
      'message not shown',
    );
    const textNode = deepAll(anna.el, 'live-chat-conversation', '[part~="text"]').find((n) =>
      text(n).includes('<script>'),
    )!;
    expect(textNode.textContent).to.contain(evil);
    expect(textNode.querySelector('img, script, b, a')).to.equal(null);
    expect(text(listRow(anna, sessionId)!.querySelector('[part="name"]'))).to.contain(
      'Mallory <i>Markup</i>',
    );
    await aTimeout(50);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
