// The page of `npm run bench:ui` (scripts/bench-ui.mjs bundles it for production and opens it in
// headless Chromium): each scenario builds its data on the in-page memory backend, mounts the
// components, and exposes its steps on `window.benchUi` for the runner, which traces the steps
// whose CPU time it measures. The page only measures what it can see itself (times, DOM, scroll
// offsets); long tasks come from the runner's trace.
import '@live-chat/elements';
// Mounted on its own below; the workspace loads it with import() when a session first opens.
import '@live-chat/elements/conversation';
import { Observable } from 'rxjs';
import {
  createLiveChatClient,
  type LiveChatClient,
  type Message,
  type ServerEvent,
  type Session,
  type TransportAdapter,
} from '@live-chat/core';
import { createMemoryBackend, type MemoryBackend, type SeedData } from '@live-chat/adapters';
import { ALERT_SETTINGS_STORAGE_KEY } from '../../packages/elements/src/controllers/alerts/alert-settings-store.js';
import {
  generatedSessions,
  supportTeamSeedWith,
} from '../../packages/elements/src/test/generated-sessions.js';
import { ANNA } from '../../packages/elements/src/test/small-seed.js';

const SUPPORT = 'lc-support';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => T | undefined | false | null, what: string, ms = 20_000) {
  const end = performance.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await frame();
  }
}

/**
 * Anna's end of a socket, for the burst: while `holding`, the events the backend sends her are
 * kept; `release` then hands them to the client a batch per task, one task every few
 * milliseconds, each batch parsed from JSON as a frame off a socket is. The backend's own work
 * (a server's, in production) is so done before the measured window, not in the page's tasks.
 */
class HeldWire {
  readonly held: ServerEvent[] = [];
  holding = false;
  private deliver: ((event: ServerEvent) => void) | undefined;
  readonly adapter: TransportAdapter;

  constructor(inner: TransportAdapter) {
    this.adapter = {
      connection$: inner.connection$,
      snapshot: () => inner.snapshot(),
      events: (seq) =>
        new Observable<ServerEvent>((subscriber) => {
          this.deliver = (event) => subscriber.next(event);
          const subscription = inner.events(seq).subscribe({
            next: (event) => (this.holding ? this.held.push(event) : subscriber.next(event)),
            error: (error: unknown) => subscriber.error(error),
            complete: () => subscriber.complete(),
          });
          return () => {
            subscription.unsubscribe();
            this.deliver = undefined;
          };
        }),
      execute: (command) => inner.execute(command),
      history: (query) => inner.history(query),
      search: (query) => inner.search(query),
      report: (query) => inner.report(query),
    };
  }

  /**
   * Hands over every held event within `overMs`, in `tasks` tasks due at even times from now, as
   * frames arrive whether or not the page is done with the last one (a task the page could not
   * run on time runs as soon as it can); resolves after the last.
   */
  release(tasks: number, overMs: number): Promise<void> {
    const perTask = Math.ceil(this.held.length / tasks);
    const start = performance.now();
    let sent = 0;
    // A task that is due runs at once, as a message event does: a timer would wait 4 ms at least.
    const channel = new MessageChannel();
    return new Promise((resolve) => {
      const task = () => {
        const frame = JSON.stringify(this.held.splice(0, perTask));
        for (const event of JSON.parse(frame) as ServerEvent[]) this.deliver?.(event);
        sent++;
        const wait = start + (sent * overMs) / tasks - performance.now();
        if (this.held.length === 0) {
          channel.port1.close();
          this.holding = false;
          resolve();
        } else if (wait > 0) setTimeout(task, wait);
        else channel.port2.postMessage(null);
      };
      channel.port1.onmessage = task;
      task();
    });
  }
}

/** A ready client of Anna on a memory backend seeded with `seed` (through `wire`, if given). */
async function startClient(
  seed: SeedData,
  wire?: (adapter: TransportAdapter) => TransportAdapter,
): Promise<void> {
  state.backend = createMemoryBackend({ seed });
  const adapter = state.backend.connect(ANNA.id);
  const client = createLiveChatClient({ adapter: wire ? wire(adapter) : adapter });
  await until(() => client.status.state === 'ready', 'the client');
  state.client = client;
}

/** The size each component is shown at, as in a workspace on a laptop screen. */
const BOXES = {
  'live-chat-session-list': { width: 360, height: 640 },
  'live-chat-conversation': { width: 720, height: 640 },
  'live-chat-workspace': { width: 1280, height: 800 },
};

/**
 * Creates `tag` with these attributes and the client, appends it to a box of its size and
 * resolves once `ready` finds what it shows: the element and how long that took.
 */
async function mount(
  tag: keyof typeof BOXES,
  attributes: Record<string, string>,
  ready: (element: HTMLElement) => unknown,
): Promise<{ element: HTMLElement; ms: number }> {
  const size = BOXES[tag];
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, { client: state.client });
  element.style.flex = '1 1 auto';
  element.style.minHeight = '0';
  const box = document.createElement('div');
  box.style.cssText = `width:${size.width}px;height:${size.height}px;display:flex;flex-direction:column`;
  document.body.append(box);
  const start = performance.now();
  box.append(element);
  await until(() => ready(element), `${tag} to render`);
  await frame();
  return { element, ms: performance.now() - start };
}

/** The workspace on Support's queue, once `ready` finds what it shows. */
const mountWorkspace = (ready: (element: HTMLElement) => unknown) =>
  mount('live-chat-workspace', { view: 'group', 'live-chat-id': SUPPORT, group: 'queue' }, ready);

/** Whether a list shows a row; whether a conversation shows a message. */
const showsRow = (el: HTMLElement) => el.shadowRoot?.querySelector('[role="option"]');
const showsMessage = (el: HTMLElement) => el.shadowRoot?.querySelector('[role="log"] article');

/** The first element matching `selector` in `root`'s shadow trees, however deep. */
const shadow = (
  root: Element | ShadowRoot | null | undefined,
  selector: string,
): Element | null => {
  if (!root) return null;
  const scope = root instanceof Element ? root.shadowRoot : root;
  if (!scope) return null;
  const found = scope.querySelector(selector);
  if (found) return found;
  for (const element of scope.querySelectorAll('*')) {
    const inner = shadow(element, selector);
    if (inner) return inner;
  }
  return null;
};

/** How many rows a listbox holds, against how many fit in its viewport. */
function rowRatio(listbox: Element): { rows: number; inView: number; ratio: number } {
  const rows = listbox.querySelectorAll('[role="option"]');
  const height = rows[0]?.getBoundingClientRect().height ?? 64;
  const inView = listbox.clientHeight / height;
  return { rows: rows.length, inView, ratio: rows.length / inView };
}

const state: {
  client?: LiveChatClient;
  backend?: MemoryBackend;
  list?: HTMLElement;
  conversation?: HTMLElement;
  /** How many messages of the conversation the client holds. */
  loadedMessages: number;
  /** The burst's events, made before it and held until it. */
  wire?: HeldWire;
  /** Desktop notifications created, and those not closed since. */
  notifications: number;
  notificationsOpen: number;
} = { loadedMessages: 0, notifications: 0, notificationsOpen: 0 };

const listbox = () => shadow(state.list, '[role="listbox"]') as HTMLElement;
const log = () => shadow(state.conversation, '[role="log"]') as HTMLElement;
const messageCount = () => log().querySelectorAll('article').length;

/** Scrolls `element` by `step(frameIndex)` px each frame for `frames` frames. */
async function scrollFrames(element: HTMLElement, frames: number, step: (i: number) => number) {
  for (let i = 0; i < frames; i++) {
    element.scrollTop += step(i);
    await frame();
  }
}

const benchUi = {
  /** 10,000 queued sessions and a ready client. */
  async setupList(count = 10_000) {
    await startClient(supportTeamSeedWith(generatedSessions(count)));
  },

  /** Mounts the session list of Support's queue; its first render time and its rows. */
  async mountList() {
    const mounted = await mount('live-chat-session-list', { 'live-chat-id': SUPPORT }, showsRow);
    state.list = mounted.element;
    return { firstRenderMs: mounted.ms, ...rowRatio(listbox()) };
  },

  /** Through the 10,000 rows, top to bottom, three viewports a frame; then the ratio. */
  async sweep() {
    const box = listbox();
    await scrollFrames(
      box,
      Math.ceil(box.scrollHeight / (3 * box.clientHeight)),
      () => 3 * box.clientHeight,
    );
    return rowRatio(box);
  },

  /** A 5 s fling: fast, slowing down, then back up. */
  async fling() {
    const box = listbox();
    box.scrollTop = box.scrollHeight / 2;
    const frames = 300;
    await scrollFrames(
      box,
      frames,
      (i) => (i < frames / 2 ? 1 : -1) * 400 * (1 - (i % (frames / 2)) / (frames / 2)),
    );
    return rowRatio(box);
  },

  /** The whole workspace on Support's queue, scrolled: its list's rows against those in view. */
  async workspaceRows() {
    const { element: workspace } = await mountWorkspace((el) => shadow(el, '[role="option"]'));
    const box = shadow(
      shadow(workspace, 'live-chat-session-list'),
      '[role="listbox"]',
    ) as HTMLElement;
    await scrollFrames(box, 20, () => box.clientHeight / 2);
    await frame();
    return rowRatio(box);
  },

  /** One session of 100,000 messages, assigned to Anna, and a ready client. */
  async setupConversation(count = 100_000) {
    const { sessions, customers } = generatedSessions(1);
    const session: Session = {
      ...sessions[0]!,
      status: 'active',
      assignee: { kind: 'operator', operatorId: ANNA.id },
      queuedAt: null,
      lastOperatorId: ANNA.id,
    };
    const messages: Message[] = [];
    for (let i = 0; i < count; i++) {
      const customer = i % 3 !== 2;
      messages.push({
        id: `m-${i}`,
        sessionId: session.id,
        author: customer
          ? { kind: 'customer', customerId: session.customerId }
          : { kind: 'operator', userId: ANNA.id },
        text: customer
          ? `Message ${i}: my order has not arrived yet, can you check where it is?`
          : `Reply ${i}: let me check.`,
        channel: 'telegram',
        sentAt: session.firstMessageAt + i * 60_000,
        order: i + 1,
      });
    }
    session.lastMessageAt = messages.at(-1)!.sentAt;
    session.lastMessageOrder = count;
    await startClient({ ...supportTeamSeedWith({ sessions: [session], customers }), messages });
    state.client!.conversation$(session.id).subscribe((conversation) => {
      state.loadedMessages = conversation.messages.length;
    });
    return session.id;
  },

  /** Opens the conversation: the time to its first page on screen. */
  async openConversation(sessionId: string) {
    const mounted = await mount(
      'live-chat-conversation',
      { 'session-id': sessionId },
      showsMessage,
    );
    state.conversation = mounted.element;
    return { openMs: mounted.ms };
  },

  /** 40 customer messages at 20 a second: the largest distance from the bottom seen. */
  async pinning(sessionId: string) {
    const backend = state.backend!;
    const session = backend.getSession(sessionId)!;
    let worst = 0;
    for (let i = 0; i < 40; i++) {
      backend.customerWrites({
        customerId: session.customerId,
        liveChatId: session.liveChatId,
        channel: session.channel,
        text: `Live ${i}`,
      });
      await pause(50);
      const box = log();
      worst = Math.max(worst, box.scrollHeight - box.scrollTop - box.clientHeight);
    }
    return { worstDistanceFromBottom: worst };
  },

  /**
   * Scrolls up as a reader does, a third of the view a frame, until an older page is asked for,
   * `pages` times: the largest move of the message in view while each page arrives, and the DOM
   * of the log after.
   */
  async pageBack(pages: number) {
    let drift = 0;
    const loaded = () => state.loadedMessages;
    for (let page = 0; page < pages; page++) {
      const box = log();
      const before = loaded();
      while (box.getAttribute('aria-busy') !== 'true' && loaded() === before) {
        box.scrollTop = Math.max(0, box.scrollTop - box.clientHeight / 3);
        await frame();
      }
      const top = box.getBoundingClientRect().top;
      const inView = [...box.querySelectorAll('article')].find(
        (a) => a.getBoundingClientRect().bottom > top,
      );
      const offset = inView ? inView.getBoundingClientRect().top : 0;
      await until(
        () => loaded() > before && box.getAttribute('aria-busy') === 'false',
        'an older page',
      );
      await frame();
      await frame();
      if (inView?.isConnected)
        drift = Math.max(drift, Math.abs(inView.getBoundingClientRect().top - offset));
    }
    const box = log();
    return {
      drift,
      messagesInDom: messageCount(),
      nodesInLog: box.querySelectorAll('*').length + 1,
    };
  },

  /**
   * Workspace with alerts on (desktop notifications counted) and no session yet; then 10,000
   * customers write, and what the backend sends Anna about it is held for the burst.
   */
  async setupBurst() {
    localStorage.setItem(
      ALERT_SETTINGS_STORAGE_KEY,
      JSON.stringify({ sound: false, desktop: true, titleBadge: true }),
    );
    document.hasFocus = () => false;
    class CountingNotification {
      static permission: NotificationPermission = 'granted';
      static requestPermission = async () => 'granted' as NotificationPermission;
      onclick: ((event: Event) => unknown) | null = null;
      constructor() {
        state.notifications++;
        state.notificationsOpen++;
      }
      close() {
        state.notificationsOpen--;
      }
    }
    Object.defineProperty(window, 'Notification', {
      configurable: true,
      value: CountingNotification,
    });
    // 10,000 customers who have not written yet.
    const { customers } = generatedSessions(10_000);
    await startClient(supportTeamSeedWith({ sessions: [], customers }), (adapter) => {
      state.wire = new HeldWire(adapter);
      return state.wire.adapter;
    });
    await mountWorkspace((el) =>
      shadow(shadow(el, 'live-chat-session-list'), '[role="listbox"], [part~="message"]'),
    );
    const backend = state.backend!;
    const wire = state.wire!;
    wire.holding = true;
    for (const customer of customers)
      backend.customerWrites({
        customerId: customer.id,
        liveChatId: SUPPORT,
        channel: 'telegram',
        text: 'Hello, anyone there?',
      });
    await until(
      () => wire.held.at(-1)?.seq === backend.seqOf(ANNA.id),
      'the events for Anna to be held',
    );
  },

  /**
   * The 10,000 new sessions arrive within one second: the held events in 250 batches, each in
   * its own task (as frames come off a socket), one task every 4 ms; resolves when all are
   * counted, and the coalesced notifications have had their time.
   */
  async burst() {
    const wire = state.wire!;
    const events = wire.held.length;
    const start = performance.now();
    await wire.release(250, 1000);
    const written = performance.now() - start;
    await until(
      () => state.client!.counters.newUnassigned >= 10_000 || undefined,
      'every new session listed',
      30_000,
    );
    const listed = performance.now() - start;
    // Time for the last coalesced notification, before they are counted.
    await pause(2500);
    return {
      events,
      writtenMs: written,
      listedMs: listed,
      notifications: state.notifications,
      notificationsOpen: state.notificationsOpen,
    };
  },

  /**
   * Mounts a workspace until the parts it loads in idle time once ready (About the session, the
   * in-app alert; the conversation is in this page already) are defined and shown, then removes
   * it. What the first mounts with those parts cache once for the page (Lit's prepared templates)
   * is then cached before the runner reads the heap around {@link mountCycles}.
   */
  async warmUp() {
    if (!state.client) await startClient(supportTeamSeedWith(generatedSessions(200)));
    const { element } = await mountWorkspace((el) => shadow(el, '[role="option"]'));
    const tags = ['live-chat-about-session', 'live-chat-alert-toast'];
    await until(
      () => tags.every((tag) => customElements.get(tag)),
      'the parts loaded in idle time',
    );
    await frame();
    await frame();
    element.parentElement!.remove();
    await frame();
  },

  /** Mounts and removes a workspace `cycles` times (the runner reads the heap around it). */
  async mountCycles(cycles: number) {
    if (!state.client) await startClient(supportTeamSeedWith(generatedSessions(200)));
    for (let i = 0; i < cycles; i++) {
      const { element } = await mountWorkspace((el) => shadow(el, '[role="option"]'));
      element.parentElement!.remove();
      await frame();
    }
  },
};

Object.assign(window, { benchUi });
