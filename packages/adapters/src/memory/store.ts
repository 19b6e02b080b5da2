/**
 * The memory backend's data and the indexes that keep every event O(members of one live chat)
 * rather than O(all sessions). It enforces no rules and emits nothing: command handlers
 * validate first, then write here, then report the change through the fan-out.
 */
import { viewerFor } from '@live-chat/core';
import type {
  ActivityEntry,
  Customer,
  Id,
  LiveChat,
  Message,
  OperatorGroup,
  Session,
  SessionEpisode,
  User,
  Viewer,
} from '@live-chat/core';
import type { BackendState, ReadMarker, SeedData, UserActivity } from './state.js';

/** Activity entries kept per user (oldest dropped first). */
const ACTIVITY_LIMIT = 500;

const EMPTY_SET: ReadonlySet<Id> = new Set();
const NO_MESSAGES: readonly Message[] = [];

/** Number of values in the sorted list `sorted` that are `<= value`. */
function countAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Key of the (customer, live chat) pair: one open conversation per pair at most. */
const pairKey = (customerId: Id, liveChatId: Id) => `${customerId}\u0000${liveChatId}`;

/** The highest trailing number of any id, so generated ids never collide with loaded ones. */
function highestIdNumber(ids: Iterable<string>): number {
  let highest = 0;
  for (const id of ids) {
    const match = /(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/** The backend's entities and indexes (see the module comment). */
export class MemoryStore {
  readonly users = new Map<Id, User>();
  readonly liveChats = new Map<Id, LiveChat>();
  readonly groups = new Map<Id, OperatorGroup>();
  readonly customers = new Map<Id, Customer>();

  private readonly sessions = new Map<Id, Session>();
  private readonly sessionsByLiveChat = new Map<Id, Set<Id>>();
  /**
   * Queued sessions per live chat in the order they entered the queue, which is `queuedAt`
   * order as long as the clock does not go backwards; a live chat where it did is marked
   * `unordered` and its queue is sorted on demand instead.
   */
  private readonly queues = new Map<
    Id,
    { ids: Set<Id>; lastQueuedAt: number; unordered: boolean }
  >();
  /** Newest session of each (customer, live chat) pair. */
  private readonly latestByPair = new Map<string, Id>();

  private readonly messagesBySession = new Map<Id, Message[]>();
  /** Orders of customer messages per session, ascending: unread counts are a binary search. */
  private readonly customerOrders = new Map<Id, number[]>();
  private readonly messagesById = new Map<Id, Message>();
  private readonly messagesByClientId = new Map<Id, Map<string, Message>>();

  private readonly readMarkers = new Map<Id, Map<Id, number>>();
  private readonly activity = new Map<Id, ActivityEntry[]>();
  private readonly episodes: SessionEpisode[] = [];
  private readonly currentEpisodes = new Map<Id, SessionEpisode>();

  /** Operators and supervisors per live chat: the only users a session change can concern. */
  private readonly members = new Map<Id, Set<Id>>();
  /** Users who belong to at least one live chat. */
  private readonly staffIds = new Set<Id>();
  private readonly viewers = new Map<Id, Viewer>();

  private nextIdNumber: number;

  constructor(
    seed: SeedData,
    private readonly idPrefix = '',
  ) {
    for (const user of seed.users) this.users.set(user.id, user);
    for (const chat of seed.liveChats) this.liveChats.set(chat.id, chat);
    for (const group of seed.groups) this.groups.set(group.id, group);
    for (const customer of seed.customers) this.customers.set(customer.id, customer);
    this.indexDirectory();
    for (const session of seed.sessions ?? []) this.putSession(session);
    this.sortQueues();
    const messages = [...(seed.messages ?? [])].sort((a, b) => a.order - b.order);
    for (const message of messages) this.appendMessage(message);
    for (const episode of seed.episodes ?? []) this.addEpisode({ ...episode });
    for (const marker of seed.readMarkers ?? [])
      this.setReadMarker(marker.userId, marker.sessionId, marker.order);
    for (const { userId, entry } of seed.activity ?? []) this.addActivity(userId, entry);
    this.nextIdNumber =
      seed.nextId ??
      1 +
        highestIdNumber([
          ...this.sessions.keys(),
          ...this.messagesById.keys(),
          ...this.customers.keys(),
          ...(seed.activity ?? []).map((a) => a.entry.id),
        ]);
  }

  private indexDirectory(): void {
    for (const chat of this.liveChats.values()) {
      const ids = new Set([...chat.operatorIds, ...chat.supervisorIds]);
      this.members.set(chat.id, ids);
      for (const id of ids) this.staffIds.add(id);
    }
  }

  /** A fresh id such as `s-42` (with the backend's prefix), never used before. */
  newId(kind: string): Id {
    return `${this.idPrefix}${kind}-${this.nextIdNumber++}`;
  }

  // ── directory ────────────────────────────────────────────────────────────────────────────

  /** The rule-facing view of a user, cached (the directory of live chats does not change). */
  viewer(userId: Id): Viewer {
    let viewer = this.viewers.get(userId);
    if (!viewer) {
      viewer = viewerFor(userId, this.liveChats.values(), this.groups.values());
      this.viewers.set(userId, viewer);
    }
    return viewer;
  }

  membersOf(liveChatId: Id): ReadonlySet<Id> {
    return this.members.get(liveChatId) ?? EMPTY_SET;
  }

  /** Every operator and supervisor of any live chat. */
  staff(): ReadonlySet<Id> {
    return this.staffIds;
  }

  putCustomer(customer: Customer): void {
    this.customers.set(customer.id, customer);
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────

  getSession(sessionId: Id): Session | undefined {
    return this.sessions.get(sessionId);
  }

  allSessions(): IterableIterator<Session> {
    return this.sessions.values();
  }

  sessionCount(): number {
    return this.sessions.size;
  }

  *sessionsOf(liveChatId: Id): Generator<Session> {
    for (const id of this.sessionsByLiveChat.get(liveChatId) ?? EMPTY_SET) {
      yield this.sessions.get(id) as Session;
    }
  }

  /** Puts every queue in `queuedAt` order (after loading sessions in any order). */
  private sortQueues(): void {
    for (const queue of this.queues.values()) {
      const sessions = [...queue.ids].map((id) => this.sessions.get(id) as Session);
      sessions.sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
      queue.ids = new Set(sessions.map((session) => session.id));
      queue.lastQueuedAt = sessions.at(-1)?.queuedAt ?? -Infinity;
      queue.unordered = false;
    }
  }

  /** Queued sessions of a live chat, oldest `queuedAt` first (ties: first queued first). */
  *queuedOf(liveChatId: Id): Generator<Session> {
    const queue = this.queues.get(liveChatId);
    if (!queue) return;
    if (!queue.unordered) {
      for (const id of queue.ids) yield this.sessions.get(id) as Session;
      return;
    }
    // Stable sort: equal times keep their queue order.
    const sessions = [...queue.ids].map((id) => this.sessions.get(id) as Session);
    yield* sessions.sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
  }

  /** The newest session between a customer and a live chat (open or closed). */
  latestSessionOf(customerId: Id, liveChatId: Id): Session | undefined {
    const id = this.latestByPair.get(pairKey(customerId, liveChatId));
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /** Inserts or replaces a session (sessions are immutable values: replace, never mutate). */
  putSession(session: Session): void {
    const previous = this.sessions.get(session.id);
    this.sessions.set(session.id, session);
    if (!previous) {
      let ids = this.sessionsByLiveChat.get(session.liveChatId);
      if (!ids) this.sessionsByLiveChat.set(session.liveChatId, (ids = new Set()));
      ids.add(session.id);
      this.latestByPair.set(pairKey(session.customerId, session.liveChatId), session.id);
    }
    let queue = this.queues.get(session.liveChatId);
    if (!queue)
      this.queues.set(
        session.liveChatId,
        (queue = { ids: new Set(), lastQueuedAt: -Infinity, unordered: false }),
      );
    const entered =
      session.status === 'queued' &&
      (previous?.status !== 'queued' || previous.queuedAt !== session.queuedAt);
    if (entered) {
      // Re-entering moves the session to the back of the queue.
      queue.ids.delete(session.id);
      queue.ids.add(session.id);
      const at = session.queuedAt ?? 0;
      if (at < queue.lastQueuedAt) queue.unordered = true;
      queue.lastQueuedAt = Math.max(queue.lastQueuedAt, at);
    } else if (session.status !== 'queued') {
      queue.ids.delete(session.id);
    }
  }

  // ── messages ─────────────────────────────────────────────────────────────────────────────

  /** A session's messages, ascending by order. Do not mutate. */
  messagesOf(sessionId: Id): readonly Message[] {
    return this.messagesBySession.get(sessionId) ?? NO_MESSAGES;
  }

  getMessage(messageId: Id): Message | undefined {
    return this.messagesById.get(messageId);
  }

  messageByClientId(sessionId: Id, clientMessageId: string): Message | undefined {
    return this.messagesByClientId.get(sessionId)?.get(clientMessageId);
  }

  /** Appends a message; its `order` must be greater than every order of its session. */
  appendMessage(message: Message): void {
    let list = this.messagesBySession.get(message.sessionId);
    if (!list) this.messagesBySession.set(message.sessionId, (list = []));
    const last = list[list.length - 1];
    if (last && last.order >= message.order) {
      throw new RangeError(
        `Message order ${message.order} does not follow ${last.order} in ${message.sessionId}.`,
      );
    }
    list.push(message);
    this.messagesById.set(message.id, message);
    if (message.author.kind === 'customer') {
      let orders = this.customerOrders.get(message.sessionId);
      if (!orders) this.customerOrders.set(message.sessionId, (orders = []));
      orders.push(message.order);
    }
    if (message.clientMessageId !== undefined) {
      let byClientId = this.messagesByClientId.get(message.sessionId);
      if (!byClientId) this.messagesByClientId.set(message.sessionId, (byClientId = new Map()));
      byClientId.set(message.clientMessageId, message);
    }
  }

  // ── read markers ─────────────────────────────────────────────────────────────────────────

  readMarkerOf(userId: Id, sessionId: Id): number {
    return this.readMarkers.get(userId)?.get(sessionId) ?? 0;
  }

  setReadMarker(userId: Id, sessionId: Id, order: number): void {
    let markers = this.readMarkers.get(userId);
    if (!markers) this.readMarkers.set(userId, (markers = new Map()));
    markers.set(sessionId, order);
  }

  /** Customer messages of the session the user has not read (order above their marker). */
  unreadOf(userId: Id, sessionId: Id): number {
    const orders = this.customerOrders.get(sessionId);
    if (!orders) return 0;
    return orders.length - countAtMost(orders, this.readMarkerOf(userId, sessionId));
  }

  // ── activity ─────────────────────────────────────────────────────────────────────────────

  /** The user's activity entries, oldest first. Do not mutate. */
  activityOf(userId: Id): readonly ActivityEntry[] {
    return this.activity.get(userId) ?? [];
  }

  addActivity(userId: Id, entry: ActivityEntry): void {
    let entries = this.activity.get(userId);
    if (!entries) this.activity.set(userId, (entries = []));
    entries.push(entry);
    if (entries.length > ACTIVITY_LIMIT * 1.5) entries.splice(0, entries.length - ACTIVITY_LIMIT);
  }

  // ── episodes ─────────────────────────────────────────────────────────────────────────────

  /** Every episode (mutable records, never handed out through the protocol). */
  allEpisodes(): readonly SessionEpisode[] {
    return this.episodes;
  }

  /** The latest episode of a session: the one that is open, or the last closed one. */
  currentEpisode(sessionId: Id): SessionEpisode | undefined {
    return this.currentEpisodes.get(sessionId);
  }

  addEpisode(episode: SessionEpisode): void {
    this.episodes.push(episode);
    this.currentEpisodes.set(episode.sessionId, episode);
  }

  // ── persistence ──────────────────────────────────────────────────────────────────────────

  /** The whole state as plain data (shares immutable values; safe to clone or store). */
  exportState(streamSeqs: Record<Id, number>): BackendState {
    const messages: Message[] = [];
    for (const list of this.messagesBySession.values()) messages.push(...list);
    const readMarkers: ReadMarker[] = [];
    for (const [userId, markers] of this.readMarkers) {
      for (const [sessionId, order] of markers) readMarkers.push({ userId, sessionId, order });
    }
    const activity: UserActivity[] = [];
    for (const [userId, entries] of this.activity) {
      for (const entry of entries) activity.push({ userId, entry });
    }
    return {
      version: 1,
      users: [...this.users.values()],
      liveChats: [...this.liveChats.values()],
      groups: [...this.groups.values()],
      customers: [...this.customers.values()],
      sessions: [...this.sessions.values()],
      messages,
      episodes: this.episodes.map((episode) => ({ ...episode })),
      readMarkers,
      activity,
      nextId: this.nextIdNumber,
      streamSeqs: { ...streamSeqs },
    };
  }
}
