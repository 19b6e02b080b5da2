// Many tabs, one connection: createTabSharedAdapter in real Chromium, with real Web Locks and
// BroadcastChannel. "Tabs" are adapters created side by side in this page (each has its own
// channel object and tab id, exactly as separate tabs would), and iframes where a tab must
// vanish the way a closed page does: without saying goodbye.
import { expect, waitUntil } from '@open-wc/testing';
import { Observable } from 'rxjs';
import {
  createLiveChatClient,
  LiveChatError,
  type Command,
  type ConversationState,
  type LiveChatClient,
  type ServerEvent,
  type TabRole,
  type TransportAdapter,
} from '@live-chat/core';
import {
  createMemoryBackend,
  createTabSharedAdapter,
  forwardingAdapter,
  type MemoryBackend,
  type TabLocks,
  type TabSharedAdapter,
} from '@live-chat/adapters';

type Seed = NonNullable<NonNullable<Parameters<typeof createMemoryBackend>[0]>['seed']>;

const USER = 'u-anna';
const LIVE_CHAT = 'lc-support';

const seed = (): Seed => ({
  users: [{ id: USER, name: 'Anna Smirnova', role: 'operator' }],
  liveChats: [
    {
      id: LIVE_CHAT,
      name: 'Support',
      channels: ['web', 'telegram'],
      operatorIds: [USER],
      supervisorIds: [],
      groupIds: [],
      reassignmentTargets: [],
    },
  ],
  groups: [],
  customers: [
    {
      id: 'c-ivan',
      kind: 'external',
      name: 'Ivan Petrov',
      account: '@ivan',
      messenger: 'telegram',
    },
  ],
});

/** A real adapter whose open `events()` subscriptions are counted. */
function counted(adapter: TransportAdapter, active: { count: number }): TransportAdapter {
  return forwardingAdapter(adapter, {
    events: (sinceSeq) =>
      new Observable<ServerEvent>((subscriber) => {
        active.count++;
        const inner = adapter.events(sinceSeq).subscribe(subscriber);
        return () => {
          active.count--;
          inner.unsubscribe();
        };
      }),
  });
}

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection.');
}

describe('createTabSharedAdapter: many tabs, one connection', function () {
  this.timeout(10_000);

  let backend: MemoryBackend;
  let key: string;
  let connects: number;
  let latencyMs: number;
  const active = { count: 0 };
  const tabs: TabSharedAdapter[] = [];
  const clients: LiveChatClient[] = [];
  const frames: HTMLIFrameElement[] = [];

  /** Opens one "tab" of the user. */
  function openTab(
    options: { locks?: TabLocks | null; channel?: (name: string) => BroadcastChannel } = {},
  ): TabSharedAdapter {
    const tab = createTabSharedAdapter({
      key,
      connect: () => {
        connects++;
        return counted(backend.connect(USER, { latencyMs }), active);
      },
      requestTimeoutMs: 1500,
      ...options,
    });
    tabs.push(tab);
    return tab;
  }

  /** Opens a tab whose locks and channel belong to an iframe: removing the iframe closes it. */
  function openFrameTab(): { tab: TabSharedAdapter; close: () => void } {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frames.push(frame);
    const view = frame.contentWindow as Window & typeof globalThis;
    const tab = openTab({
      locks: view.navigator.locks,
      channel: (name) => new view.BroadcastChannel(name),
    });
    return { tab, close: () => frame.remove() };
  }

  const roles = (): TabRole[] => tabs.filter((t) => !closed.has(t)).map((t) => t.tabRole);
  const closed = new Set<TabSharedAdapter>();
  const leaderOf = (list: TabSharedAdapter[]) => list.find((t) => t.tabRole === 'leader');

  async function oneLeader(list: TabSharedAdapter[], timeout = 2000): Promise<TabSharedAdapter> {
    await waitUntil(
      () =>
        list.filter((t) => t.tabRole === 'leader').length === 1 &&
        list.every((t) => t.tabRole !== 'alone'),
      `no single leader among ${list.length} tabs: ${roles().join(', ')}`,
      { timeout, interval: 5 },
    );
    return leaderOf(list)!;
  }

  function customerWrites(text: string) {
    const result = backend.customerWrites({
      customerId: 'c-ivan',
      liveChatId: LIVE_CHAT,
      channel: 'telegram',
      text,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  /** Collects a stream's events, and how it ended. */
  function collect(tab: TransportAdapter, sinceSeq: number) {
    const seen: { events: ServerEvent[]; error?: unknown; completed: boolean } = {
      events: [],
      completed: false,
    };
    const subscription = tab.events(sinceSeq).subscribe({
      next: (event) => seen.events.push(event),
      error: (error: unknown) => (seen.error = error),
      complete: () => (seen.completed = true),
    });
    return { seen, subscription };
  }

  beforeEach(() => {
    backend = createMemoryBackend({ seed: seed() });
    key = `${USER}@memory-${crypto.randomUUID()}`;
    connects = 0;
    latencyMs = 0;
    active.count = 0;
    closed.clear();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.dispose();
    for (const tab of tabs.splice(0)) tab.dispose();
    for (const frame of frames.splice(0)) frame.remove();
    await backend.dispose();
  });

  it('elects exactly one leader among three tabs; only the leader connects', async () => {
    const three = [openTab(), openTab(), openTab()];
    const leader = await oneLeader(three);
    expect(leader).to.equal(three[0]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(three.map((t) => t.tabRole).sort()).to.deep.equal(['follower', 'follower', 'leader']);
    expect(connects).to.equal(1);
    // Followers mirror the leader's connection.
    await waitUntil(() => three.every((t) => stateOf(t) === 'online'), 'followers not online');
    const held = await navigator.locks.query();
    expect(held.held!.filter((lock) => lock.name === `live-chat:${key}`)).to.have.length(1);
    expect(held.pending!.filter((lock) => lock.name === `live-chat:${key}`)).to.have.length(2);
  });

  it("a follower's commands and reads go through the leader and come back as the backend answers", async () => {
    const [leader, follower, other] = [openTab(), openTab(), openTab()];
    await oneLeader([leader!, follower!, other!]);
    const { session } = customerWrites('Where is my order?');

    const snapshot = await follower!.snapshot();
    expect(snapshot.me.id).to.equal(USER);
    expect(snapshot.seq).to.equal(backend.seqOf(USER));
    expect(snapshot.sessions.map((s) => s.id)).to.include(session.id);

    const take: Command = { type: 'session.take', commandId: 'cmd-take-1', sessionId: session.id };
    const taken = await follower!.execute(take);
    expect(taken.ok, JSON.stringify(taken)).to.equal(true);
    expect(backend.getSession(session.id)?.status).to.equal('active');
    // The same commandId through another tab: the first result, nothing changed.
    expect(await other!.execute(take)).to.deep.equal(taken);

    const refused = await follower!.execute({
      type: 'session.close',
      commandId: 'cmd-close-unknown',
      sessionId: 's-unknown',
    });
    expect(refused.ok).to.equal(false);
    expect(!refused.ok && refused.error.code).to.equal('NOT_FOUND');

    const page = await follower!.history({ sessionId: session.id });
    expect(page.messages.map((m) => m.text)).to.deep.equal(['Where is my order?']);
    const hits = await follower!.search({ text: 'order', sessionId: session.id });
    expect(hits.length).to.be.greaterThan(0);
    const report = await follower!.report({
      kind: 'operators-performance',
      liveChatId: LIVE_CHAT,
      range: { from: 0, to: Date.now() + 60_000 },
    });
    expect(report.rows.find((row) => row.operatorId === USER)?.sessionsTaken).to.equal(1);

    // A typed error crosses as it is: code, message and details.
    const missing = await rejection(follower!.history({ sessionId: 's-missing' }));
    expect(missing).to.be.instanceOf(LiveChatError);
    expect(codeOf(missing)).to.equal('NOT_FOUND');
    expect(connects).to.equal(1);
  });

  it('events reach every tab in seq order, replayed from each one’s sinceSeq', async () => {
    const three = [openTab(), openTab(), openTab()];
    await oneLeader(three);
    const start = backend.seqOf(USER);
    const streams = three.map((tab) => collect(tab, start));
    customerWrites('One');
    customerWrites('Two');
    customerWrites('Three');
    const expected = backend.seqOf(USER);
    expect(expected).to.be.greaterThan(start + 2);
    await waitUntil(
      () => streams.every(({ seen }) => seen.events.at(-1)?.seq === expected),
      'not every tab got every event',
    );
    for (const { seen } of streams) {
      expect(seen.events.map((e) => e.seq)).to.deep.equal(
        Array.from({ length: expected - start }, (_, i) => start + 1 + i),
      );
    }
    // A late subscriber gets the replay from its own position, then live events.
    const late = collect(three[2]!, start + 1);
    customerWrites('Four');
    const last = backend.seqOf(USER);
    await waitUntil(() => late.seen.events.at(-1)?.seq === last, 'late stream incomplete');
    expect(late.seen.events[0]!.seq).to.equal(start + 2);
    expect(streams[1]!.seen.events.at(-1)!.seq).to.equal(last);

    // A position the backend never had: RESYNC_REQUIRED, as from the real adapter.
    const unknown = collect(three[1]!, last + 1000);
    await waitUntil(() => unknown.seen.error !== undefined, 'no resync error');
    expect(codeOf(unknown.seen.error)).to.equal('RESYNC_REQUIRED');

    // Unsubscribing a follower's stream releases the leader's subscription for it.
    expect(active.count).to.equal(4);
    streams[1]!.subscription.unsubscribe();
    streams[2]!.subscription.unsubscribe();
    late.subscription.unsubscribe();
    await waitUntil(() => active.count === 1, `leader still serves ${active.count} streams`);
    streams[0]!.subscription.unsubscribe();
  });

  it('the leader is disposed: a follower takes over within 2 s, in-flight calls and streams error to be retried', async () => {
    latencyMs = 40;
    const [first, second, third] = [openTab(), openTab(), openTab()];
    await oneLeader([first!, second!, third!]);
    await waitUntil(() => stateOf(third!) === 'online', 'third tab not online');
    const { session } = customerWrites('Hello?');
    const start = backend.seqOf(USER);
    const streamOfSecond = collect(second!, start);
    const streamOfThird = collect(third!, start);
    await new Promise((resolve) => setTimeout(resolve, 100)); // both subscriptions are served
    const thirdStates: string[] = [];
    const watchStates = third!.connection$.subscribe((state) => thirdStates.push(state));

    const send: Command = {
      type: 'message.send',
      commandId: 'cmd-send-1',
      sessionId: session.id,
      text: 'On my way',
      clientMessageId: 'cm-1',
    };
    const inFlight = third!.execute(send);
    const read = second!.snapshot();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const disposedAt = performance.now();
    first!.dispose();
    closed.add(first!);

    expect(codeOf(await rejection(inFlight))).to.be.oneOf(['OFFLINE', 'TIMEOUT']);
    expect(codeOf(await rejection(read))).to.be.oneOf(['OFFLINE', 'TIMEOUT']);
    const next = await oneLeader([second!, third!]);
    expect(performance.now() - disposedAt).to.be.lessThan(2000);
    expect(next).to.equal(second);
    expect(connects).to.equal(2);

    // Streams error (never complete silently), so the client resumes from its last seq.
    for (const { seen } of [streamOfSecond, streamOfThird]) {
      expect(seen.completed).to.equal(false);
      expect(codeOf(seen.error)).to.equal('OFFLINE');
    }
    // The other follower follows the new leader: reconnecting, then online again.
    await waitUntil(() => stateOf(third!) === 'online', 'third tab not back online');
    expect(thirdStates).to.include('reconnecting');
    watchStates.unsubscribe();

    // The retry with the same commandId has exactly one effect, whatever the first attempt did.
    const retried = await third!.execute(send);
    expect(retried.ok, JSON.stringify(retried)).to.equal(true);
    expect(await second!.execute(send)).to.deep.equal(retried);
    const texts = backend.messagesOf(session.id).map((m) => m.text);
    expect(texts.filter((text) => text === 'On my way')).to.have.length(1);

    // Resuming from the last seq on the new leader misses nothing.
    const resumed = collect(third!, start);
    await waitUntil(
      () => resumed.seen.events.at(-1)?.seq === backend.seqOf(USER),
      'resumed stream incomplete',
    );
    resumed.subscription.unsubscribe();
  });

  it('a closed leader page (no goodbye) is replaced, and a closed follower page is forgotten', async () => {
    const closing = openFrameTab();
    await oneLeader([closing.tab]);
    const follower = openTab();
    await oneLeader([closing.tab, follower]);
    expect(closing.tab.tabRole).to.equal('leader');
    const start = backend.seqOf(USER);
    const stream = collect(follower, start);
    await waitUntil(() => active.count === 1, 'the follower stream is not served');

    const closedAt = performance.now();
    closing.close();
    closed.add(closing.tab);
    await oneLeader([follower]);
    expect(performance.now() - closedAt).to.be.lessThan(2000);
    expect(follower.tabRole).to.equal('leader');
    expect(codeOf(stream.seen.error)).to.equal('OFFLINE');

    // A follower in an iframe subscribes through the new leader, then its page closes.
    const leavingFollower = openFrameTab();
    await oneLeader([follower, leavingFollower.tab]);
    const before = active.count;
    const frameStream = collect(leavingFollower.tab, start);
    customerWrites('Anyone there?');
    await waitUntil(
      () => frameStream.seen.events.at(-1)?.seq === backend.seqOf(USER),
      'iframe follower got no events',
    );
    expect(active.count).to.equal(before + 1);
    leavingFollower.close();
    closed.add(leavingFollower.tab);
    await waitUntil(() => active.count === before, 'the closed tab is still served');
  });

  it('a client on a follower keeps working across a takeover: nothing lost, nothing doubled', async () => {
    latencyMs = 15;
    const [first, second, third] = [openTab(), openTab(), openTab()];
    await oneLeader([first!, second!, third!]);
    const { session } = customerWrites('I need help');
    const onSecond = createLiveChatClient({ adapter: second! });
    const onThird = createLiveChatClient({ adapter: third! });
    clients.push(onSecond, onThird);
    for (const client of [onSecond, onThird]) {
      await waitUntil(() => client.status.state === 'ready', 'client not ready', { timeout: 3000 });
    }
    const conversations = new Map<LiveChatClient, ConversationState>();
    const watching = [onSecond, onThird].map((client) =>
      client.conversation$(session.id).subscribe((state) => conversations.set(client, state)),
    );
    const taken = await onThird.take(session.id);
    expect(taken.ok, JSON.stringify(taken)).to.equal(true);
    expect((await onSecond.send(session.id, 'before 1')).ok).to.equal(true);

    // Sends in flight while the leader goes away.
    const during = [
      onSecond.send(session.id, 'during 1'),
      onThird.send(session.id, 'during 2'),
      onThird.send(session.id, 'during 3'),
    ];
    await new Promise((resolve) => setTimeout(resolve, 5));
    first!.dispose();
    closed.add(first!);
    await oneLeader([second!, third!]);
    customerWrites('Are you there?');
    const after = [onSecond.send(session.id, 'after 1'), onThird.send(session.id, 'after 2')];
    await Promise.all([...during, ...after]);

    // A send whose outcome was unknown is retried with the same clientMessageId.
    for (const client of [onSecond, onThird]) {
      await waitUntil(() => conversations.get(client) !== undefined, 'no conversation');
      for (const message of conversations.get(client)!.messages) {
        if (message.delivery !== 'failed') continue;
        expect(codeOf(message.error)).to.be.oneOf(['OFFLINE', 'TIMEOUT']);
        const retried = await client.retry(session.id, message.clientMessageId!);
        expect(retried.ok, JSON.stringify(retried)).to.equal(true);
      }
    }

    const sent = ['before 1', 'during 1', 'during 2', 'during 3', 'after 1', 'after 2'];
    const stored = () => backend.messagesOf(session.id).map((m) => `${m.order}:${m.text}`);
    for (const client of [onSecond, onThird]) {
      await waitUntil(
        () => {
          const messages = conversations.get(client)?.messages ?? [];
          return (
            messages.every((m) => m.delivery === 'sent') &&
            messages.map((m) => `${m.order}:${m.text}`).join('|') === stored().join('|')
          );
        },
        'the conversation differs from the backend',
        { timeout: 5000 },
      ).catch(() => {
        const shown = conversations.get(client)?.messages.map((m) => [m.order, m.text, m.delivery]);
        throw new Error(`conversation ${JSON.stringify(shown)} ≠ backend ${stored().join(', ')}`);
      });
    }
    const texts = backend.messagesOf(session.id).map((m) => m.text);
    for (const text of [...sent, 'I need help', 'Are you there?']) {
      expect(
        texts.filter((t) => t === text),
        text,
      ).to.have.length(1);
    }
    expect(texts).to.have.length(sent.length + 2);
    expect(connects).to.equal(2);
    for (const subscription of watching) subscription.unsubscribe();
  });

  it('a follower whose leader does not answer times out, then takes over when the lock frees', async () => {
    let releaseStuckLeader!: () => void;
    await new Promise<void>((granted) => {
      void navigator.locks.request(`live-chat:${key}`, () => {
        granted();
        return new Promise<void>((resolve) => (releaseStuckLeader = resolve));
      });
    });
    const tab = createTabSharedAdapter({
      key,
      connect: () => {
        connects++;
        return backend.connect(USER);
      },
      requestTimeoutMs: 150,
    });
    tabs.push(tab);
    const started = performance.now();
    expect(codeOf(await rejection(tab.snapshot()))).to.equal('TIMEOUT');
    expect(performance.now() - started).to.be.lessThan(1000);
    expect(tab.tabRole).to.equal('follower');
    expect(connects).to.equal(0);

    const waiting = tab.snapshot(); // waits for a leader: this tab, once the lock is free
    releaseStuckLeader();
    expect((await waiting).me.id).to.equal(USER);
    expect(tab.tabRole).to.equal('leader');
    expect(connects).to.equal(1);
  });

  it('without Web Locks (or BroadcastChannel) each tab uses its own connection, alone', async () => {
    const noLocks = openTab({ locks: null });
    const noChannel = createTabSharedAdapter({
      key,
      connect: () => {
        connects++;
        return backend.connect(USER);
      },
      channel: null,
    });
    tabs.push(noChannel);
    expect(noLocks.tabRole).to.equal('alone');
    expect(noChannel.tabRole).to.equal('alone');
    expect(connects).to.equal(2);
    const seenRoles: TabRole[] = [];
    noLocks.tabRole$.subscribe((role) => seenRoles.push(role)).unsubscribe();
    expect(seenRoles).to.deep.equal(['alone']);
    expect((await noLocks.snapshot()).me.id).to.equal(USER);
    expect((await noChannel.snapshot()).me.id).to.equal(USER);
    const states: string[] = [];
    noLocks.connection$.subscribe((state) => states.push(state));
    noLocks.dispose();
    expect(states.at(-1)).to.equal('offline'); // the real adapter was disposed with it
  });

  it('disposing every tab releases every lock and ends every stream', async () => {
    const three = [openTab(), openTab(), openTab()];
    await oneLeader(three);
    const streams = three.map((tab) => collect(tab, backend.seqOf(USER)));
    await waitUntil(() => active.count === 3, 'streams not served');
    for (const tab of three) tab.dispose();
    for (const { seen } of streams)
      expect(seen.completed || seen.error !== undefined).to.equal(true);
    expect(streams[2]!.seen.completed).to.equal(true);
    expect(active.count).to.equal(0);
    expect(three.map((t) => t.tabRole)).to.not.include('alone');
    await waitUntil(async () => {
      const { held = [], pending = [] } = await navigator.locks.query();
      return [...held, ...pending].every((lock) => !lock.name?.startsWith(`live-chat:${key}`));
    }, 'locks left behind');
    expect(codeOf(await rejection(three[1]!.snapshot()))).to.equal('OFFLINE');
  });
});

function stateOf(adapter: TransportAdapter): string | undefined {
  let state: string | undefined;
  adapter.connection$.subscribe((value) => (state = value)).unsubscribe();
  return state;
}
