/**
 * The demo served by `npm start`: the whole operator workspace, in one of two modes.
 *
 * - **Server** (`npm start`): the live chat server of `@live-chat/server` on SQLite
 *   (demo/server.ts). Each workspace signs in through the development token endpoint and talks
 *   to the server over its own WebSocket (`createWebSocketAdapter`), so two windows, or the
 *   side-by-side mode, share the queue live. Customers are simulated server-side; the customer
 *   page (customer.html) lets a person write in too.
 * - **In-page** (`npm start -- --in-page`): the in-memory backend runs in the page, with the
 *   customer simulator writing in and the state persisted in IndexedDB.
 *
 * What a host app does is all here: create a backend adapter, create a client for the signed-in
 * user (with the host's binders, actions and customer directory), give it to
 * `<live-chat-workspace>`, and dispose it when the user changes.
 */
import { html, nothing, render } from 'lit';
import {
  createLiveChatClient,
  type Binder,
  type Customer,
  type CustomerDirectory,
  type HostAction,
  type HostRecord,
  type LiveChatClient,
} from '@live-chat/core';
import {
  createCustomerSimulator,
  createIndexedDbOutbox,
  createIndexedDbPersistence,
  createSeedData,
  createWebSocketAdapter,
  openMemoryBackend,
  SEED_USERS,
  type CustomerSimulator,
  type MemoryBackend,
} from '@live-chat/adapters';
import type { LiveChatWorkspace } from '@live-chat/elements';
import '@live-chat/elements';
import '@live-chat/elements/locales/ru'; // the demo switches between English and Russian

// ── the signed-in users the viewer can switch between ─────────────────────────────────────────

type DemoUser = 'operatorA' | 'operatorB' | 'supervisor';
const USERS: Record<DemoUser, { id: string; name: string }> = {
  operatorA: { id: SEED_USERS.operatorA, name: 'Anna Kowalski' },
  operatorB: { id: SEED_USERS.operatorB, name: 'Ben Okafor' },
  supervisor: { id: SEED_USERS.supervisor, name: 'Maria Lopez' },
};

// ── demo texts (the workspace has its own catalogue) ──────────────────────────────────────────

type Locale = 'en' | 'ru';
const TEXT: Record<Locale, Record<string, string>> = {
  en: {
    title: 'Live Chat Workspace demo',
    settings: 'Demo settings',
    user: 'Signed in as',
    operatorA: 'Operator A',
    operatorB: 'Operator B',
    supervisor: 'Supervisor',
    sideBySide: 'Side by side (A | B)',
    simulator: 'Customers',
    pause: 'Pause',
    resume: 'Resume',
    rate: 'Messages per minute',
    writeNow: 'A customer writes now',
    theme: 'Dark theme',
    language: 'Language',
    reset: 'Reset demo data',
    resetConfirm: 'Delete every conversation of the demo and start again from the seed data?',
    loading: 'Opening the demo backend…',
    alert: 'New message from {customer}',
    alertWithheld: 'New message in {liveChat}',
    paused: 'paused',
    running: 'writing in',
    customerPage: 'Write in as a customer',
    serverMode: 'Live chat server: {url}',
    inPageMode: 'In-page backend',
    connectionFailed: 'Live chat is unavailable: {message}',
  },
  ru: {
    title: 'Демо рабочего места лайв-чатов',
    settings: 'Настройки демо',
    user: 'Вы вошли как',
    operatorA: 'Оператор A',
    operatorB: 'Оператор B',
    supervisor: 'Супервизор',
    sideBySide: 'Рядом (A | B)',
    simulator: 'Клиенты',
    pause: 'Пауза',
    resume: 'Продолжить',
    rate: 'Сообщений в минуту',
    writeNow: 'Клиент пишет сейчас',
    theme: 'Тёмная тема',
    language: 'Язык',
    reset: 'Сбросить данные демо',
    resetConfirm: 'Удалить все переписки демо и начать заново с исходных данных?',
    loading: 'Открываем демо-сервер…',
    alert: 'Новое сообщение от {customer}',
    alertWithheld: 'Новое сообщение в «{liveChat}»',
    paused: 'на паузе',
    running: 'пишут',
    customerPage: 'Написать как клиент',
    serverMode: 'Сервер лайв-чатов: {url}',
    inPageMode: 'Бэкенд в странице',
    connectionFailed: 'Лайв-чат недоступен: {message}',
  },
};

// ── host integrations: a binder, an action and a customer directory, all in memory ────────────

const reclamations: HostRecord[] = [
  { id: 'REC-1001', label: 'REC-1001 · Damaged parcel' },
  { id: 'REC-1002', label: 'REC-1002 · Wrong size delivered' },
  { id: 'REC-1003', label: 'REC-1003 · Refund not received' },
  { id: 'REC-1004', label: 'REC-1004 · Missing item in order' },
];
let nextReclamation = 1005;

const reclamationsBinder: Binder = {
  id: 'reclamations',
  label: 'Reclamations',
  target: 'message',
  async search(query) {
    const q = query.trim().toLowerCase();
    return reclamations.filter((record) => record.label.toLowerCase().includes(q)).slice(0, 20);
  },
  async create(context) {
    const record = { id: `REC-${nextReclamation++}`, label: '' };
    record.label = `${record.id} · ${context.session.name}`;
    reclamations.unshift(record);
    return record;
  },
};

const crmAccounts: HostRecord[] = [];
const customerAccountsBinder: Binder = {
  id: 'customer-accounts',
  label: 'Customer accounts',
  target: 'customer',
  async search(query, context) {
    const q = (query.trim() || context.customer?.name || '').toLowerCase();
    return crmAccounts.filter((record) => record.label.toLowerCase().includes(q)).slice(0, 20);
  },
  async create(context) {
    const name = context.customer?.name ?? context.session.name;
    const record = { id: `ACC-${crmAccounts.length + 1}`, label: `${name} (account)` };
    crmAccounts.push(record);
    return record;
  },
};

const startBusinessProcess: HostAction = {
  id: 'start-business-process',
  label: 'Start business process',
  async run(context) {
    const who = context.customer?.name ?? context.session.name;
    return {
      message: `Business process “Order handling” started for ${who} (demo: nothing was sent anywhere).`,
    };
  },
};

const customerDirectory: CustomerDirectory = {
  async addCustomer(customer: Customer) {
    const record = { id: `ACC-${crmAccounts.length + 1}`, label: `${customer.name} (account)` };
    crmAccounts.push(record);
    return record;
  },
};

// ── state ─────────────────────────────────────────────────────────────────────────────────────

const persistence = createIndexedDbPersistence({ dbName: 'live-chat-demo' });
const stored = (key: string) => localStorage.getItem(`live-chat-demo.${key}`);
const store = (key: string, value: string) => localStorage.setItem(`live-chat-demo.${key}`, value);

const state = {
  user: (stored('user') as DemoUser | null) ?? 'operatorA',
  sideBySide: stored('sideBySide') === 'true',
  theme:
    (stored('theme') as 'light' | 'dark' | null) ??
    (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
  locale:
    (stored('locale') as Locale | null) ?? (navigator.language.startsWith('ru') ? 'ru' : 'en'),
  simulatorRunning: stored('simulator') !== 'paused',
  rate: Number(stored('rate') ?? 4) || 4,
  lastAlert: '',
  /** Whether the demo's settings are shown on a phone (where they fold away behind a button). */
  settingsOpen: false,
};

/** What `GET /demo-api/config` answers (scripts/start.mjs, demo/server.ts). */
type DemoConfig =
  | { mode: 'in-page' }
  | {
      mode: 'server';
      wsUrl: string;
      tokenUrl: string;
      simulator: { running: boolean; ratePerMinute: number };
    };

let config: DemoConfig = { mode: 'in-page' };
let backend: MemoryBackend | undefined;
let simulator: CustomerSimulator | undefined;

/** A workspace's client and how to let it go (the client, then its adapter). */
interface Signed {
  client: LiveChatClient;
  dispose(): void;
}
/** One client per workspace on the page: never shared, disposed when replaced. */
const clients = new Map<LiveChatWorkspace, Signed>();
let alertSubscription: { unsubscribe(): void } | undefined;

const t = (key: string, params: Record<string, string> = {}) =>
  (TEXT[state.locale][key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');

/** A token for `userId` from the server's development endpoint (a portal's job in production). */
async function devToken(tokenUrl: string, userId: string): Promise<string> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, ttlSec: 3600 }),
  });
  if (!response.ok) throw new Error(`The token endpoint answered ${response.status}.`);
  const { token } = (await response.json()) as { token: string };
  return token;
}

function createClient(userId: string): Signed {
  const host = {
    binders: [customerAccountsBinder, reclamationsBinder],
    actions: [startBusinessProcess],
    customerDirectory,
  };
  if (config.mode === 'server') {
    const { wsUrl, tokenUrl } = config;
    // One socket per workspace; getToken runs before every connection.
    const adapter = createWebSocketAdapter({
      url: wsUrl,
      getToken: () => devToken(tokenUrl, userId),
    });
    const failure = adapter.failure$.subscribe((failed) => {
      if (!failed) return;
      state.lastAlert = t('connectionFailed', { message: failed.message });
      renderControls();
    });
    const client = createLiveChatClient({
      adapter,
      ...host,
      outbox: createIndexedDbOutbox({ dbName: 'live-chat-demo-server-outbox' }),
    });
    return {
      client,
      dispose() {
        failure.unsubscribe();
        client.dispose();
        adapter.dispose();
      },
    };
  }
  if (!backend) throw new Error('The backend is not open yet.');
  const client = createLiveChatClient({
    adapter: backend.connect(userId),
    ...host,
    // Unsent messages survive a reload and are re-sent with their original clientMessageId.
    outbox: createIndexedDbOutbox({ dbName: 'live-chat-demo-outbox' }),
  });
  return { client, dispose: () => client.dispose() };
}

/** Gives `workspace` a new client for `userId` (disposing its old one). */
function signIn(workspace: LiveChatWorkspace, userId: string): void {
  clients.get(workspace)?.dispose();
  const signed = createClient(userId);
  const client = signed.client;
  clients.set(workspace, signed);
  // A fresh start for the new user: their own menu selection, no session of someone else open.
  workspace.sessionId = undefined;
  workspace.view = undefined;
  workspace.liveChatId = undefined;
  workspace.group = undefined;
  workspace.client = client;
}

/** Server mode: the simulator runs in the server; the page only steers it. */
async function steerSimulator(
  change: { running?: boolean; ratePerMinute?: number } | 'step',
): Promise<void> {
  const response = await fetch(
    change === 'step' ? '/demo-api/simulator/step' : '/demo-api/simulator',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(change === 'step' ? {} : change),
    },
  );
  if (!response.ok) console.warn(`The simulator answered ${response.status}.`);
}

function startSimulator(): void {
  if (config.mode === 'server') {
    void steerSimulator({ running: state.simulatorRunning, ratePerMinute: state.rate });
    return;
  }
  simulator?.stop();
  simulator = undefined;
  if (!backend) return;
  simulator = createCustomerSimulator(backend, {
    ratePerMinute: state.rate,
    seed: Math.floor(Math.random() * 1_000_000),
    replyDelayMs: [4_000, 15_000],
  });
  if (state.simulatorRunning) simulator.start();
}

// ── the page ──────────────────────────────────────────────────────────────────────────────────

const controls = document.querySelector<HTMLElement>('#controls')!;
const app = document.querySelector<HTMLElement>('#app')!;

// Escape folds the demo's settings away again (on a phone), back to their button.
controls.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !state.settingsOpen) return;
  state.settingsOpen = false;
  renderControls();
  controls.querySelector<HTMLElement>('.settings-toggle')?.focus();
});

/** The workspaces on the page: one, or operator A | operator B side by side. */
function workspaces(): LiveChatWorkspace[] {
  return [...app.querySelectorAll('live-chat-workspace')];
}

function layoutWorkspaces(): void {
  const wanted: Array<{ user: string; alerts: boolean }> = state.sideBySide
    ? [
        { user: USERS.operatorA.id, alerts: true },
        { user: USERS.operatorB.id, alerts: false },
      ]
    : [{ user: USERS[state.user].id, alerts: true }];
  const existing = workspaces();
  for (const workspace of existing.slice(wanted.length)) {
    clients.get(workspace)?.dispose();
    clients.delete(workspace);
    workspace.remove();
  }
  wanted.forEach(({ user, alerts }, index) => {
    let workspace = existing[index];
    if (!workspace) {
      workspace = document.createElement('live-chat-workspace');
      workspace.setAttribute('aria-label', `Workspace ${index + 1}`);
      app.append(workspace);
    }
    workspace.noAlerts = !alerts;
    // Two workspaces on one page: name their landmarks apart.
    workspace.label = state.sideBySide
      ? user === USERS.operatorA.id
        ? USERS.operatorA.name
        : USERS.operatorB.name
      : undefined;
    workspace.locale = state.locale;
    workspace.theme = state.theme;
    const current = clients.get(workspace);
    if (!current || workspace.dataset['user'] !== user) {
      workspace.dataset['user'] = user;
      signIn(workspace, user);
    }
  });
  app.classList.toggle('side-by-side', state.sideBySide);
  watchAlerts();
}

/** Shows the first workspace's alerts in the demo bar too, so they are visible without sound. */
function watchAlerts(): void {
  alertSubscription?.unsubscribe();
  const first = workspaces()[0];
  const client = first ? clients.get(first)?.client : undefined;
  alertSubscription = client?.alerts$.subscribe((alert) => {
    // Without a name when the user may not open the session: then only its live chat.
    state.lastAlert =
      alert.customerName === undefined
        ? t('alertWithheld', {
            liveChat: client.getLiveChat(alert.liveChatId)?.name ?? alert.liveChatId,
          })
        : t('alert', { customer: alert.customerName });
    renderControls();
  });
}

function applyPageTheme(): void {
  document.documentElement.dataset['theme'] = state.theme;
  document.documentElement.lang = state.locale;
}

async function resetDemo(): Promise<void> {
  if (!confirm(t('resetConfirm'))) return;
  simulator?.stop();
  for (const signed of clients.values()) signed.dispose();
  clients.clear();
  await backend?.dispose();
  await persistence.clear();
  location.reload();
}

function renderControls(): void {
  const userSelect = (event: Event) => {
    state.user = (event.target as HTMLSelectElement).value as DemoUser;
    store('user', state.user);
    layoutWorkspaces();
    renderControls();
  };
  render(
    html`<div class="bar">
        <h1>${t('title')}</h1>
        <button
          type="button"
          class="settings-toggle"
          aria-expanded=${state.settingsOpen ? 'true' : 'false'}
          aria-controls="demo-settings"
          @click=${() => {
            state.settingsOpen = !state.settingsOpen;
            renderControls();
          }}
        >
          ${t('settings')}
        </button>
      </div>
      <div id="demo-settings" class="settings" ?data-open=${state.settingsOpen}>
        <label class="field">
          <span>${t('user')}</span>
          <select @change=${userSelect} ?disabled=${state.sideBySide}>
            ${(Object.keys(USERS) as DemoUser[]).map(
              (key) =>
                html`<option value=${key} ?selected=${key === state.user}>
                  ${t(key)} — ${USERS[key].name}
                </option>`,
            )}
          </select>
        </label>
        <label class="field check">
          <input
            type="checkbox"
            .checked=${state.sideBySide}
            @change=${(event: Event) => {
              state.sideBySide = (event.target as HTMLInputElement).checked;
              store('sideBySide', String(state.sideBySide));
              layoutWorkspaces();
              renderControls();
            }}
          />
          <span>${t('sideBySide')}</span>
        </label>
        <fieldset class="field simulator">
          <legend>${t('simulator')}: ${state.simulatorRunning ? t('running') : t('paused')}</legend>
          <button
            type="button"
            aria-pressed=${state.simulatorRunning ? 'false' : 'true'}
            @click=${() => {
              state.simulatorRunning = !state.simulatorRunning;
              store('simulator', state.simulatorRunning ? 'running' : 'paused');
              if (config.mode === 'server')
                void steerSimulator({ running: state.simulatorRunning });
              else if (state.simulatorRunning) simulator?.start();
              else simulator?.stop();
              renderControls();
            }}
          >
            ${state.simulatorRunning ? t('pause') : t('resume')}
          </button>
          <label class="rate">
            <span>${t('rate')}</span>
            <input
              type="range"
              min="1"
              max="30"
              .value=${String(state.rate)}
              @change=${(event: Event) => {
                state.rate = Number((event.target as HTMLInputElement).value);
                store('rate', String(state.rate));
                startSimulator();
                renderControls();
              }}
            />
            <output>${state.rate}</output>
          </label>
          <button
            type="button"
            @click=${() => (config.mode === 'server' ? void steerSimulator('step') : simulator?.step())}
          >
            ${t('writeNow')}
          </button>
        </fieldset>
        <label class="field check">
          <input
            type="checkbox"
            .checked=${state.theme === 'dark'}
            @change=${(event: Event) => {
              state.theme = (event.target as HTMLInputElement).checked ? 'dark' : 'light';
              store('theme', state.theme);
              applyPageTheme();
              layoutWorkspaces();
              renderControls();
            }}
          />
          <span>${t('theme')}</span>
        </label>
        <label class="field">
          <span>${t('language')}</span>
          <select
            @change=${(event: Event) => {
              state.locale = (event.target as HTMLSelectElement).value as Locale;
              store('locale', state.locale);
              applyPageTheme();
              layoutWorkspaces();
              renderControls();
            }}
          >
            <option value="en" ?selected=${state.locale === 'en'}>English</option>
            <option value="ru" ?selected=${state.locale === 'ru'}>Русский</option>
          </select>
        </label>
        ${
          config.mode === 'server'
            ? html`<a class="customer-page" href="customer.html" target="_blank"
                  >${t('customerPage')}</a
                >
                <p class="mode" title="npm start -- --reset">
                  ${t('serverMode', { url: config.wsUrl })}
                </p>`
            : html`<button type="button" class="reset" @click=${resetDemo}>${t('reset')}</button>
                <p class="mode">${t('inPageMode')}</p>`
        }
      </div>
      <p class="last-alert" role="status">${state.lastAlert || nothing}</p>`,
    controls,
  );
}

/** Which backend `npm start` runs: the server, or (`--in-page`, or no demo API) the page. */
async function loadConfig(): Promise<DemoConfig> {
  try {
    const response = await fetch('/demo-api/config', { cache: 'no-store' });
    if (response.ok) return (await response.json()) as DemoConfig;
  } catch {
    // No demo API: the page was served by something else; run in the page.
  }
  return { mode: 'in-page' };
}

async function main(): Promise<void> {
  applyPageTheme();
  renderControls();
  app.textContent = t('loading');
  config = await loadConfig();
  document.documentElement.dataset['mode'] = config.mode;
  if (config.mode === 'server') {
    // The simulator's state lives in the server: show it as it is.
    state.simulatorRunning = config.simulator.running;
    state.rate = config.simulator.ratePerMinute;
    app.textContent = '';
    renderControls();
    layoutWorkspaces();
    return;
  }
  backend = await openMemoryBackend({
    persistence,
    seed: () => createSeedData({ now: Date.now() }),
  });
  app.textContent = '';
  layoutWorkspaces();
  startSimulator();
  // Show traffic at once rather than after the first random gap.
  if (state.simulatorRunning) setTimeout(() => simulator?.step(), 1500);
  // Save the very latest state when the page goes away.
  addEventListener('pagehide', () => void persistence.flush());
}

void main();
