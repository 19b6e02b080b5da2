/**
 * End-to-end: availability (chosen and automatic), the supervisors' live monitor and the action
 * shortcuts, each as people use them in the full workspace on the in-memory backend. Customers
 * act through the backend; staff through the UI.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Alert, LiveChatClient } from '@live-chat/core';
import {
  createSeedData,
  SEED_LIVE_CHATS,
  SEED_USERS,
  type MemoryBackend,
} from '@live-chat/adapters';
import type { LiveChatWorkspace } from './workspace.js';
import { newSession } from '../test/customer-writes.js';
import { deepFocused, deepQuery } from '../test/deep-query.js';
import { pressKeys } from '../test/keyboard.js';
import { memoryBackend, waitUntil } from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import { signedInWorkspace } from '../test/signed-in-workspace.js';
import './workspace.js';

const { operatorA: ANNA, operatorB: BEN, supervisor: MARIA } = SEED_USERS;
const SUPPORT = SEED_LIVE_CHATS.support;

/** The seed's people and live chats, no history: every figure is the test's own. */
function emptyWorld(): MemoryBackend {
  const { users, liveChats, groups, customers } = createSeedData({ now: Date.now() });
  return memoryBackend({ users, liveChats, groups, customers });
}

interface Person {
  el: LiveChatWorkspace;
  client: LiveChatClient;
  alerts: Alert[];
}

async function signIn(backend: MemoryBackend, userId: string, idleAwayMs = 0): Promise<Person> {
  const { el, client } = await signedInWorkspace(backend, userId, { idleAwayMs });
  const alerts: Alert[] = [];
  client.alerts$.subscribe((alert) => alerts.push(alert));
  return { el, client, alerts };
}

/** `selector` in the shadow root of the first `tag` inside the workspace. */
const inside = <T extends Element = HTMLElement>(el: Element, tag: string, selector: string) =>
  deepQuery(el, tag)?.shadowRoot?.querySelector<T & Element>(selector) ?? null;

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The supervisor opens the Live monitor from the menu; resolves with the monitor. */
async function openMonitor(supervisor: Person): Promise<HTMLElement> {
  deepQuery<HTMLButtonElement>(supervisor.el, '[part~="monitor"]')!.click();
  const monitor = () => deepQuery(supervisor.el, 'live-chat-monitor');
  await waitUntil(() => monitor()?.shadowRoot?.querySelector('table'), 'the monitor shows');
  return monitor()!;
}

const operatorStatus = (monitor: HTMLElement, userId: string) =>
  text(
    deepQuery(
      monitor,
      `table[data-live-chat-id="${SUPPORT}"] [data-operator-id="${userId}"] [part="status"]`,
    ),
  );
const figure = (monitor: HTMLElement, name: string) =>
  text(deepQuery(monitor, `tr[data-live-chat-id="${SUPPORT}"] [data-figure="${name}"]`));
const load = (monitor: HTMLElement, userId: string) =>
  text(
    deepQuery(
      monitor,
      `table[data-live-chat-id="${SUPPORT}"] [data-operator-id="${userId}"] [data-figure="load"]`,
    ),
  );

describe('<live-chat-workspace> availability, live monitor and shortcuts, end to end', () => {
  it('an operator sets Away: the supervisor sees it, new requests alert only who is available; idle time sets Away and activity brings them back', async () => {
    const backend = emptyWorld();
    const anna = await signIn(backend, ANNA);
    const maria = await signIn(backend, MARIA);
    const monitor = await openMonitor(maria);
    expect(operatorStatus(monitor, ANNA)).to.equal('Online');

    // Anna chooses Away in her status picker.
    const select = inside<HTMLSelectElement>(anna.el, 'live-chat-availability', 'select')!;
    select.value = 'away';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => operatorStatus(monitor, ANNA) === 'Away', 'Maria sees Anna away');
    expect(select.value).to.equal('away');

    // A new request alerts the available operators, not Anna. Ben signs in just before it: his
    // workspace sets him away after 1.5 s without activity, and he is to be online until then.
    const ben = await signIn(backend, BEN, 1500);
    const sessionId = newSession(backend, ['Anyone there?']).id;
    await waitUntil(() => ben.alerts.some((alert) => alert.sessionId === sessionId), 'Ben alerted');
    expect(anna.alerts.filter((alert) => alert.sessionId === sessionId)).to.have.length(0);

    // Ben stays idle: the workspace sets him away by itself, and his next key press brings him back.
    await waitUntil(() => operatorStatus(monitor, BEN) === 'Away (idle)', 'Ben away when idle');
    const benPicker = inside<HTMLSelectElement>(ben.el, 'live-chat-availability', 'select')!;
    expect(text(benPicker.selectedOptions[0])).to.equal('Away (idle)');
    await sendKeys({ press: 'Shift' });
    await waitUntil(() => operatorStatus(monitor, BEN) === 'Online', 'Ben back online');
    // Anna's own choice is not undone by activity.
    expect(operatorStatus(monitor, ANNA)).to.equal('Away');
  });

  it('the supervisor opens the monitor and watches waiting, longest wait, active and load change as customers write', async () => {
    const backend = emptyWorld();
    const maria = await signIn(backend, MARIA);
    const monitor = await openMonitor(maria);
    expect(figure(monitor, 'waiting')).to.equal('0');
    expect(figure(monitor, 'longest-wait')).to.equal('Nobody waits');
    expect(load(monitor, ANNA)).to.equal('0');

    const first = newSession(backend, ['Hello']).id;
    newSession(backend, ['Me too']);
    await waitUntil(() => figure(monitor, 'waiting') === '2', 'two waiting');
    expect(figure(monitor, 'longest-wait')).to.match(/\d+\s*s/);

    backend.execute(ANNA, { type: 'session.take', commandId: 'monitor-take', sessionId: first });
    await waitUntil(() => figure(monitor, 'active') === '1', 'one active');
    expect(figure(monitor, 'waiting')).to.equal('1');
    expect(load(monitor, ANNA)).to.equal('1');
    await expect(monitor).to.be.accessible();
  });

  it('? opens the help, Alt+Shift+O takes the next session to its reply; with shortcuts off nothing fires', async () => {
    const backend = emptyWorld();
    const anna = await signIn(backend, ANNA);
    const waiting = newSession(backend, ['First in line']).id;
    await waitUntil(() => anna.client.oldestQueued()?.session.id === waiting, 'queued');

    await pressKeys('?');
    await waitUntil(
      () => inside<HTMLDialogElement>(anna.el, 'live-chat-shortcuts-help', 'dialog')?.open,
      'help open',
    );
    const help = deepQuery(anna.el, 'live-chat-shortcuts-help')!;
    expect(text(deepQuery(help, '[data-action="take-next"]'))).to.contain('Alt+Shift+O');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !deepQuery<HTMLDialogElement>(help, 'dialog')!.open, 'help closed');

    await pressKeys('Alt+Shift+O');
    await waitUntil(() => anna.el.sessionId === waiting, 'the next session opens');
    await waitUntil(() => deepFocused()?.tagName === 'TEXTAREA', 'focus in the reply');

    // Shortcuts off: neither the help nor the next session.
    anna.el.sessionId = undefined;
    anna.el.shortcuts = false;
    (document.activeElement as HTMLElement | null)?.blur();
    await settle(anna.el);
    await pressKeys('Alt+Shift+O');
    await pressKeys('?');
    await settle(anna.el);
    expect(anna.el.sessionId).to.equal(undefined);
    expect(deepQuery<HTMLDialogElement>(help, 'dialog')!.open).to.equal(false);
    expect(deepQuery(anna.el, '[part="skip-link"] kbd'), 'no shortcut shown').to.equal(null);
  });
});
