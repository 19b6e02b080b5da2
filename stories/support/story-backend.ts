/**
 * Deterministic story data: the real in-memory backend with its seed data at a fixed "now"
 * ({@link STORY_NOW}), no customer simulator, plus generators for the states designers must
 * see — thousands of sessions, long histories, long unbroken text, markup from customers,
 * failures, loading, offline and reconnecting. Every call with the same options gives the same
 * data, so stories look the same on every run.
 *
 * ```ts
 * loaders: [async () => ({ story: await storyClient({ user: 'supervisor', sessions: 5000 }) })],
 * render: (args, { loaded }) => html`<live-chat-session-list .client=${loaded.story.client} …>`,
 * ```
 */
import { filter, firstValueFrom, timeout } from 'rxjs';
import {
  createLiveChatClient,
  FIELD_LIMITS,
  groupsOf,
  LiveChatError,
  previewOf,
  viewerFor,
  type Channel,
  type Command,
  type CommandInput,
  type CommandResult,
  type ConnectionState,
  type Customer,
  type CustomerQuery,
  type HistoryQuery,
  type Id,
  type LiveChatClient,
  type Message,
  type MessagePage,
  type Report,
  type ReportQuery,
  type SearchHit,
  type SearchQuery,
  type ServerEvent,
  type Session,
  type SessionEpisode,
  type Snapshot,
  type TransportAdapter,
  type Attachment,
  type AttachmentPolicy,
  type AttachmentUpload,
  type TypingSignal,
} from '@live-chat/core';
import { defaultSessionName } from '@live-chat/core/engine';
import {
  createMemoryBackend,
  createRandom,
  createSeedData,
  SEED_LIVE_CHATS,
  SEED_USERS,
  type MemoryAdapter,
  type MemoryBackend,
  type SeedData,
} from '@live-chat/adapters';
import type { Observable } from 'rxjs';
import { storyActions, storyBinders, storyCustomerDirectory } from './host-extensions.js';
import {
  LONG_MESSAGE,
  LONG_NAME,
  LONG_SESSION_NAME,
  LONG_URL,
  LONG_WORD,
  MARKUP_MESSAGES,
  MARKUP_NAME,
} from './texts.js';
import { STORY_NOW, TIME } from './story-clock.js';

export { SEED_LIVE_CHATS };

/** Who is signed in. */
export type StoryUser = 'operator' | 'operatorB' | 'supervisor' | 'helpDeskOperator';

/** The seed user behind each {@link StoryUser}. */
export const STORY_USERS: Record<StoryUser, Id> = {
  /** Anna Kowalski, operator of Customer Support (First Line). */
  operator: SEED_USERS.operatorA,
  /** Ben Okafor, operator of Customer Support, member of the Accounting Department. */
  operatorB: SEED_USERS.operatorB,
  /** Maria Lopez, supervisor of both live chats (sees Active). */
  supervisor: SEED_USERS.supervisor,
  /** Elena Rossi, operator of the Website Help Desk only (no +New Session there). */
  helpDeskOperator: SEED_USERS.operatorE,
};

/** Requests that fail on purpose. `true` fails all of them. */
export interface StoryFailures {
  /** The first snapshot: the client ends in `status: error`. */
  snapshot?: boolean;
  /** Every command (send, take, close, rename…): results are `INTERNAL` errors. */
  commands?: boolean;
  /** History pages: the conversation shows its load error. */
  history?: boolean;
  search?: boolean;
  reports?: boolean;
  /**
   * Customer reads (snapshots carry no customers): rows show the sessions' own names, the
   * customer card its failed state, New Session its failed search.
   */
  customers?: boolean;
}

export interface StoryClientOptions {
  /** Who is signed in (default `operator`). */
  user?: StoryUser;
  /** Extra generated sessions in Customer Support (thousands are fine): about 60 % queued, 25 % the user's, 15 % closed. */
  sessions?: number;
  /** Adds a session of the user with this many messages (a long history that pages as you scroll up). */
  longHistory?: number;
  /** Adds a session with a very long customer name, session name, unbroken words and URLs. */
  longText?: boolean;
  /** Adds a session whose customer (named in markup) sends markup, scripts and unsafe links. */
  markup?: boolean;
  /** Artificial latency of every request, response and event batch, in ms. */
  latencyMs?: number;
  /** Connection state once the workspace has loaded (default `online`). */
  connection?: ConnectionState;
  /** Register the host binders, actions and customer directory (+Bind, +Actions, add to customers). */
  binders?: boolean;
  /** Only the directory: no sessions, messages or activity at all. */
  empty?: boolean;
  /** Make requests fail (see {@link StoryFailures}); `true` fails everything after the snapshot loads. */
  failing?: boolean | StoryFailures;
  /** The first snapshot never arrives: the workspace stays in its loading state. */
  loading?: boolean;
  /**
   * Requests that never get an answer (see {@link StoryFailures} for the kinds): pending sends,
   * history or reports that stay loading. `loading` is `hanging: { snapshot: true }`.
   */
  hanging?: StoryFailures;
  /** Seed of the generated data (default 1). */
  seed?: number;
}

/** Sessions a story can show, picked from the data for the signed-in user. */
export interface StorySessions {
  /** The oldest session waiting in the user's queue. */
  queued?: Id;
  /** An active session assigned to the user (with unread messages when there is one). */
  mine?: Id;
  /** An active session assigned to another operator (visible to supervisors). */
  othersActive?: Id;
  /** A closed session. */
  closed?: Id;
  /** A session (visible to the user) whose customer is an internal user of the host. */
  internalCustomer?: Id;
  /** A session queued for one of the user's operator groups. */
  groupQueued?: Id;
  /** The `longHistory` session. */
  longHistory?: Id;
  /** The `longText` session. */
  longText?: Id;
  /** The `markup` session. */
  markup?: Id;
}

/** Everything a story needs. */
export interface StoryFixture {
  client: LiveChatClient;
  backend: MemoryBackend;
  /** The memory adapter (`simulateConnection('offline' | 'reconnecting' | 'online')`). */
  adapter: MemoryAdapter;
  userId: Id;
  sessions: StorySessions;
  /** Releases the client and the backend (done automatically when the story changes). */
  dispose(): void;
}

const live = new Set<StoryFixture>();

/** Disposes the fixtures among a story's loaded values (the preview calls it when a story is left). */
export function disposeLoadedFixtures(loaded: Record<string, unknown> | undefined): void {
  for (const value of Object.values(loaded ?? {})) {
    if (live.has(value as StoryFixture)) (value as StoryFixture).dispose();
  }
}

// ── deterministic generation helpers ────────────────────────────────────────────────────────

const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Amelia',
  'Noah',
  'Isla',
  'Oliver',
  'Ava',
  'Elijah',
  'Mia',
  'James',
  'Sophia',
  'Lucas',
  'Grace',
  'Mateo',
  'Zoe',
  'Arjun',
  'Hana',
  'Kofi',
  'Ingrid',
  'Diego',
  'Дарья',
  'Иван',
  'Ольга',
  'Пётр',
];
const LAST_NAMES = [
  'Bennett',
  'Walker',
  'Nguyen',
  'Hughes',
  'Patel',
  'Kowalczyk',
  'Silva',
  'Murphy',
  'Tanaka',
  'Schneider',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Haddad',
  'Kim',
  'Novak',
  'Reyes',
  'Смирнова',
  'Кузнецов',
];
const OPENERS = [
  'Hello, my order has not arrived yet.',
  'Hi! I cannot log in to my account.',
  'Could you help me change my delivery address?',
  'I was charged twice for the same order.',
  'Здравствуйте! Не могу оплатить заказ картой.',
  'Where can I download my invoice?',
  'The app crashes when I open the settings page.',
  'Do you ship to Norway?',
];
const ANSWERS = [
  'Let me check that for you.',
  'Thanks for waiting, I can see your order now.',
  'I have sent you a password reset link.',
  'The refund has been issued; it takes 3–5 business days.',
  'Конечно, сейчас проверю.',
];
const CHANNELS: readonly Channel[] = ['web', 'telegram', 'whatsapp', 'email'];

/** Seed data at STORY_NOW, computed once per seed (it is pure) and copied per backend. */
const seedCache = new Map<number, SeedData>();
function seedData(seed: number): SeedData {
  let data = seedCache.get(seed);
  if (!data) {
    data = createSeedData({ seed, now: STORY_NOW });
    seedCache.set(seed, data);
  }
  return structuredClone(data);
}

/** A backend whose clock is driven by the generators, then follows the page's (shifted) clock. */
function storyBackend(seed: SeedData) {
  let scripted: number | undefined = STORY_NOW - TIME.MINUTE;
  const backend = createMemoryBackend({ seed, now: () => scripted ?? Date.now() });
  let commands = 0;
  return {
    backend,
    at(time: number) {
      scripted = time;
    },
    release() {
      scripted = undefined;
    },
    run<C extends CommandInput>(userId: Id, input: C): CommandResult {
      const result = backend.execute(userId, {
        ...input,
        commandId: `story-${++commands}`,
      } as Command);
      if (!result.ok) throw new Error(`Story data: ${input.type} failed: ${result.error.message}`);
      return result;
    },
  };
}

type Generator = ReturnType<typeof storyBackend>;

function addExternalCustomer(
  gen: Generator,
  id: string,
  name: string,
  messenger: Channel,
  account: string,
): Id {
  const result = gen.backend.addCustomer({ id, kind: 'external', name, messenger, account });
  if (!result.ok) throw new Error(`Story data: ${result.error.message}`);
  return result.value.id;
}

function customerWrites(
  gen: Generator,
  customerId: Id,
  channel: Channel,
  text: string,
  liveChatId: Id = SEED_LIVE_CHATS.support,
): Session {
  const result = gen.backend.customerWrites({ customerId, liveChatId, channel, text });
  if (!result.ok) throw new Error(`Story data: customer write failed: ${result.error.message}`);
  return result.value.session;
}

/** The operator who works a generated session: the user when they operate Customer Support. */
function workerFor(userId: Id, index: number): Id {
  const support = [
    SEED_USERS.operatorA,
    SEED_USERS.operatorB,
    SEED_USERS.operatorC,
    SEED_USERS.operatorD,
  ];
  return support.includes(userId as (typeof support)[number])
    ? userId
    : (support[index % support.length] as Id);
}

/**
 * `count` sessions in Customer Support, spread over the week before STORY_NOW: 60 % queued,
 * 25 % active with the user (or, for a supervisor, the support operators in turn), 15 % closed.
 * Written straight into the seed data (sessions, messages, report episodes, read markers), in
 * the shapes the backend itself produces, because pushing thousands of writes through the
 * backend's fan-out would take seconds per story.
 */
function bulkSessions(data: SeedData, userId: Id, count: number, seed: number): SeedData {
  const rnd = createRandom(seed * 7919 + count);
  const span = 7 * TIME.DAY;
  const chat = data.liveChats.find((c) => c.id === SEED_LIVE_CHATS.support);
  const members = chat ? [...chat.operatorIds, ...chat.supervisorIds] : [];
  const customers = [...data.customers];
  const sessions = [...(data.sessions ?? [])];
  const messages = [...(data.messages ?? [])];
  const episodes = [...(data.episodes ?? [])];
  const readMarkers = [...(data.readMarkers ?? [])];
  const activity = [...(data.activity ?? [])];
  for (let i = 0; i < count; i++) {
    const start = STORY_NOW - span + Math.floor((i * span) / count);
    const channel = rnd.pick(CHANNELS);
    const name = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
    const account =
      channel === 'email'
        ? `customer${i}@example.com`
        : channel === 'web'
          ? `visitor-${10000 + i}`
          : `@customer_${i}`;
    const customerId = `story-cust-${i}`;
    const profile: Customer = {
      id: customerId,
      kind: 'external',
      name,
      messenger: channel,
      account,
    };
    customers.push(profile);
    const sessionName = defaultSessionName(profile, channel);
    const sessionId = `story-s-${i}`;
    const kind = i % 20 < 12 ? 'queued' : i % 20 < 17 ? 'mine' : 'closed';
    const worker = workerFor(userId, i);
    const thread: Message[] = [];
    const say = (author: Message['author'], text: string, at: number) =>
      thread.push({
        id: `story-m-${i}-${thread.length + 1}`,
        sessionId,
        author,
        text,
        channel,
        sentAt: at,
        order: thread.length + 1,
      });
    const customer = { kind: 'customer', customerId } as const;
    const operator = { kind: 'operator', userId: worker } as const;
    say(customer, rnd.pick(OPENERS), start);
    if (kind === 'queued' && rnd.next() < 0.4) say(customer, rnd.pick(OPENERS), start + 90_000);
    const episode: SessionEpisode = {
      sessionId,
      liveChatId: SEED_LIVE_CHATS.support,
      origin: 'customer',
      startedAt: start,
    };
    if (kind !== 'queued') {
      say(operator, rnd.pick(ANSWERS), start + 120_000);
      Object.assign(episode, {
        takenAt: start + 120_000,
        takenBy: worker,
        firstResponseAt: start + 120_000,
        firstResponderId: worker,
      });
      readMarkers.push({ userId: worker, sessionId, order: thread.length });
      if (kind === 'mine' && rnd.next() < 0.5)
        say(customer, 'Thank you! One more question…', start + 200_000);
    }
    if (kind === 'closed') {
      Object.assign(episode, { closedAt: start + 240_000, closedBy: worker });
      for (const member of members)
        if (member !== worker)
          readMarkers.push({ userId: member, sessionId, order: thread.length });
      const entry = {
        id: `story-a-${i}`,
        kind: 'session-closed',
        sessionId,
        sessionName,
        liveChatId: SEED_LIVE_CHATS.support,
        actorId: worker,
        at: start + 240_000,
      } as const;
      for (const member of members) activity.push({ userId: member, entry });
    }
    const last = thread[thread.length - 1] as Message;
    sessions.push({
      id: sessionId,
      liveChatId: SEED_LIVE_CHATS.support,
      customerId,
      name: sessionName,
      channel,
      status: kind === 'queued' ? 'queued' : kind === 'mine' ? 'active' : 'closed',
      assignee: kind === 'mine' ? { kind: 'operator', operatorId: worker } : null,
      firstMessageAt: start,
      lastMessageAt: last.sentAt,
      lastMessagePreview: previewOf(last.text),
      lastMessageOrder: last.order,
      queuedAt: kind === 'queued' ? start : null,
      lastOperatorId: kind === 'queued' ? null : worker,
      bindings: [],
    });
    messages.push(...thread);
    episodes.push(episode);
  }
  // Activity is kept oldest first.
  activity.sort((a, b) => a.entry.at - b.entry.at);
  return { ...data, customers, sessions, messages, episodes, readMarkers, activity };
}

/** A session of `operatorId` with `count` alternating messages over the last two days. */
function generateLongHistory(gen: Generator, operatorId: Id, count: number): Id {
  const customerId = addExternalCustomer(
    gen,
    'story-cust-history',
    'Hana Tanaka',
    'telegram',
    '@hana_tanaka',
  );
  const start = STORY_NOW - 2 * TIME.DAY;
  const step = Math.max(1_000, Math.floor((2 * TIME.DAY - TIME.HOUR) / Math.max(1, count)));
  gen.at(start);
  const session = customerWrites(
    gen,
    customerId,
    'telegram',
    `Message 1 of ${count}: ${OPENERS[0]}`,
  );
  for (let i = 2; i <= count; i++) {
    gen.at(start + i * step);
    const text = `Message ${i} of ${count}: ${(i % 2 === 0 ? ANSWERS : OPENERS)[i % 5]}`;
    if (i % 2 === 0) {
      gen.run(operatorId, {
        type: 'message.send',
        sessionId: session.id,
        clientMessageId: `story-history-${i}`,
        text,
      });
    } else {
      customerWrites(gen, customerId, 'telegram', text);
    }
  }
  return session.id;
}

/** A session of `operatorId` full of long and unbroken text. */
function generateLongText(gen: Generator, operatorId: Id): Id {
  const customerId = addExternalCustomer(
    gen,
    'story-cust-long',
    LONG_NAME,
    'email',
    `${LONG_WORD.slice(0, 60)}@example.com`,
  );
  gen.at(STORY_NOW - 50 * TIME.MINUTE);
  const session = customerWrites(gen, customerId, 'email', LONG_MESSAGE);
  gen.at(STORY_NOW - 45 * TIME.MINUTE);
  gen.run(operatorId, {
    type: 'message.send',
    sessionId: session.id,
    clientMessageId: 'story-long-1',
    text: `Please see ${LONG_URL}`,
  });
  gen.run(operatorId, { type: 'session.rename', sessionId: session.id, name: LONG_SESSION_NAME });
  gen.at(STORY_NOW - 40 * TIME.MINUTE);
  customerWrites(gen, customerId, 'email', LONG_WORD);
  // A closed one too, so the long name also reaches the Closed list and the activity stream;
  // its name as long as a customer's may be.
  const otherId = addExternalCustomer(
    gen,
    'story-cust-long-closed',
    `${LONG_WORD} ${LONG_NAME}`.slice(0, FIELD_LIMITS.customerName),
    'telegram',
    `@${LONG_WORD}`,
  );
  gen.at(STORY_NOW - 35 * TIME.MINUTE);
  const closed = customerWrites(gen, otherId, 'telegram', `${LONG_WORD} ${LONG_URL}`);
  gen.run(operatorId, {
    type: 'message.send',
    sessionId: closed.id,
    clientMessageId: 'story-long-2',
    text: LONG_MESSAGE,
  });
  gen.run(operatorId, {
    type: 'session.rename',
    sessionId: closed.id,
    name: `${LONG_WORD}${LONG_WORD}`.slice(0, 200),
  });
  gen.at(STORY_NOW - 30 * TIME.MINUTE);
  gen.run(operatorId, { type: 'session.close', sessionId: closed.id });
  return session.id;
}

/** A queued session whose customer is named in markup and sends markup and unsafe links. */
function generateMarkup(gen: Generator): Id {
  const customerId = addExternalCustomer(
    gen,
    'story-cust-markup',
    MARKUP_NAME,
    'web',
    '<b>visitor</b>',
  );
  let session: Session | undefined;
  MARKUP_MESSAGES.forEach((text, i) => {
    gen.at(STORY_NOW - (30 - i) * TIME.MINUTE);
    session = customerWrites(gen, customerId, 'web', text);
  });
  return (session as Session).id;
}

/** Picks the sessions stories show, for the signed-in user. */
function pickSessions(backend: MemoryBackend, userId: Id, extra: StorySessions): StorySessions {
  const viewer = viewerFor(userId, backend.liveChats(), backend.groups());
  const picked: StorySessions = { ...extra };
  const seeded = backend
    .sessions()
    .filter((s) => !s.customerId.startsWith('story-cust-') && !Object.values(extra).includes(s.id));
  const byAge = [...seeded].sort(
    (a, b) => (a.queuedAt ?? a.lastMessageAt) - (b.queuedAt ?? b.lastMessageAt),
  );
  const queued = byAge.filter((s) => groupsOf(viewer, s).includes('queue'));
  picked.queued = queued.find((s) => s.assignee === null)?.id ?? queued[0]?.id;
  picked.groupQueued = queued.find((s) => s.assignee?.kind === 'group')?.id;
  const mine = seeded.filter((s) => groupsOf(viewer, s).includes('mine'));
  picked.mine = (mine.find((s) => backend.unreadOf(userId, s.id) > 0) ?? mine[0])?.id;
  picked.othersActive = seeded.find(
    (s) =>
      s.status === 'active' && s.assignee?.kind === 'operator' && s.assignee.operatorId !== userId,
  )?.id;
  picked.closed = [...seeded].reverse().find((s) => groupsOf(viewer, s).includes('closed'))?.id;
  const visible = seeded.filter((s) => groupsOf(viewer, s).length > 0);
  const internal = visible.filter((s) => backend.getCustomer(s.customerId)?.kind === 'internal');
  picked.internalCustomer = (internal.find((s) => s.status !== 'closed') ?? internal[0])?.id;
  return picked;
}

// ── adapters that misbehave on purpose ──────────────────────────────────────────────────────

const simulated = (what: string) => `${what} (simulated failure in this story).`;

const never = <T>() => new Promise<T>(() => {});

/** Delegates to the memory adapter, failing or stalling the requests a story asks for. */
class StoryAdapter implements TransportAdapter {
  readonly connection$: Observable<ConnectionState>;
  /** Files and typing go straight through. */
  readonly typing$: Observable<TypingSignal>;

  constructor(
    private readonly inner: MemoryAdapter,
    private readonly failures: StoryFailures,
    private readonly hanging: StoryFailures,
  ) {
    this.connection$ = inner.connection$;
    this.typing$ = inner.typing$;
  }

  get attachmentPolicy(): AttachmentPolicy | undefined {
    return this.inner.attachmentPolicy;
  }

  upload(file: AttachmentUpload): Promise<Attachment> {
    return this.inner.upload(file);
  }

  download(attachmentId: Id): Promise<Uint8Array> {
    return this.inner.download(attachmentId);
  }

  sendTyping(sessionId: Id, typing: boolean): void {
    this.inner.sendTyping(sessionId, typing);
  }

  snapshot(): Promise<Snapshot> {
    if (this.hanging.snapshot) return never();
    if (this.failures.snapshot) {
      return Promise.reject(
        new LiveChatError('INTERNAL', simulated('The server could not load your workspace')),
      );
    }
    return this.inner.snapshot();
  }

  events(sinceSeq: number): Observable<ServerEvent> {
    return this.inner.events(sinceSeq);
  }

  async execute<C extends Command>(command: C): Promise<CommandResult<C>> {
    if (this.hanging.commands) return never();
    if (this.failures.commands) {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: simulated('The server did not accept the request') },
      };
    }
    return this.inner.execute(command);
  }

  history(query: HistoryQuery): Promise<MessagePage> {
    if (this.hanging.history) return never();
    if (this.failures.history) {
      return Promise.reject(
        new LiveChatError('INTERNAL', simulated('The message history could not be loaded')),
      );
    }
    return this.inner.history(query);
  }

  search(query: SearchQuery): Promise<SearchHit[]> {
    if (this.hanging.search) return never();
    if (this.failures.search)
      return Promise.reject(new LiveChatError('INTERNAL', simulated('Search is unavailable')));
    return this.inner.search(query);
  }

  customers(query: CustomerQuery): Promise<Customer[]> {
    if (this.hanging.customers) return never();
    if (this.failures.customers) {
      return Promise.reject(
        new LiveChatError('INTERNAL', simulated('Customers could not be read')),
      );
    }
    return this.inner.customers(query);
  }

  report<Q extends ReportQuery>(query: Q): Promise<Report<Q>> {
    if (this.hanging.reports) return never();
    if (this.failures.reports) {
      return Promise.reject(
        new LiveChatError('INTERNAL', simulated('The report could not be computed')),
      );
    }
    return this.inner.report(query);
  }

  dispose(): void {
    this.inner.dispose();
  }
}

// ── the fixture ─────────────────────────────────────────────────────────────────────────────

/**
 * A client on a fresh deterministic memory backend, signed in as `user`. Resolves once the
 * client has loaded (unless `loading`, `failing.snapshot` or a latency is set: those stories
 * show the way there), with the connection state set as asked.
 */
export async function storyClient(options: StoryClientOptions = {}): Promise<StoryFixture> {
  const seed = options.seed ?? 1;
  const userId = STORY_USERS[options.user ?? 'operator'];
  let data = seedData(seed);
  if (options.empty)
    data = {
      users: data.users,
      liveChats: data.liveChats,
      groups: data.groups,
      customers: data.customers,
    };
  if (options.sessions) data = bulkSessions(data, userId, options.sessions, seed);
  const gen = storyBackend(data);
  const extra: StorySessions = {};
  const worker = workerFor(userId, 0);
  if (options.longHistory)
    extra.longHistory = generateLongHistory(gen, worker, options.longHistory);
  if (options.longText) extra.longText = generateLongText(gen, worker);
  if (options.markup) extra.markup = generateMarkup(gen);
  if (options.binders && !options.empty) {
    const target = pickSessions(gen.backend, userId, extra).mine;
    if (target) {
      gen.run(userId, {
        type: 'session.bind',
        sessionId: target,
        binding: {
          binderId: 'reclamations',
          recordId: 'R-1042',
          label: 'Reclamation #1042 — damaged parcel',
        },
      });
    }
  }
  gen.release();
  const { backend } = gen;

  const failures: StoryFailures =
    options.failing === true
      ? { commands: true, history: true, search: true, reports: true, customers: true }
      : options.failing || {};
  const memoryAdapter = backend.connect(userId, { latencyMs: options.latencyMs ?? 0 });
  const hanging: StoryFailures = {
    ...options.hanging,
    ...(options.loading ? { snapshot: true } : {}),
  };
  const adapter = new StoryAdapter(memoryAdapter, failures, hanging);
  let ids = 0;
  const client = createLiveChatClient({
    adapter,
    generateId: () => `story-id-${++ids}`,
    ...(options.binders
      ? {
          binders: storyBinders(),
          actions: storyActions(),
          customerDirectory: storyCustomerDirectory(),
        }
      : {}),
  });

  const fixture: StoryFixture = {
    client,
    backend,
    adapter: memoryAdapter,
    userId,
    sessions: options.empty ? {} : pickSessions(backend, userId, extra),
    dispose() {
      if (!live.delete(fixture)) return;
      client.dispose();
      void backend.dispose();
    },
  };
  live.add(fixture);

  const waits = !hanging.snapshot && !failures.snapshot && !options.latencyMs;
  if (waits) {
    await firstValueFrom(
      client.status$.pipe(
        filter((s) => s.state !== 'loading'),
        timeout(10_000),
      ),
    );
  }
  const connection = options.connection ?? 'online';
  if (connection !== 'online') memoryAdapter.simulateConnection(connection);
  return fixture;
}

/**
 * A second client on the same backend, signed in as another user (two workspaces side by side:
 * one operator taking a session removes it from the other's queue). Disposed with `fixture`.
 */
export async function connectAnother(
  fixture: StoryFixture,
  user: StoryUser,
): Promise<LiveChatClient> {
  const adapter = fixture.backend.connect(STORY_USERS[user]);
  let ids = 0;
  const client = createLiveChatClient({ adapter, generateId: () => `story-${user}-id-${++ids}` });
  const dispose = fixture.dispose;
  fixture.dispose = () => {
    client.dispose();
    dispose();
  };
  await firstValueFrom(
    client.status$.pipe(
      filter((s) => s.state !== 'loading'),
      timeout(10_000),
    ),
  );
  return client;
}

/**
 * Lets a customer of a session write in now (for interactive stories): the message arrives
 * through the backend like any other, with its alert for the live chat's operators.
 */
export function customerWritesIn(fixture: StoryFixture, sessionId: Id, text: string): void {
  const session = fixture.backend.getSession(sessionId);
  if (!session) return;
  fixture.backend.customerWrites({
    customerId: session.customerId,
    liveChatId: session.liveChatId,
    channel: session.channel,
    text,
  });
}
