/**
 * The in-memory store behind the memory backend: the records the engine of
 * `@live-chat/core/engine` works on, and the indexes that keep every change O(members of one
 * live chat) rather than O(all sessions). It enforces no rule; the engine decides, this keeps.
 *
 * Transactions run synchronously, one at a time (JavaScript runs one to its end before the next
 * starts), which is what the engine needs for the atomic take and gap-free seqs. There is no
 * rollback: the engine validates everything before it writes, so a transaction only throws on a
 * bug, and what it wrote until then stays.
 */
import { cannedScopeKey } from '@live-chat/core';
import type * as core from '@live-chat/core';
import { DirectoryView, ID_PREFIXES } from '@live-chat/core/engine';
import type * as engine from '@live-chat/core/engine';
import {
  savedStreamSeqs,
  seedNextId,
  type BackendState,
  type ReadMarker,
  type SeedData,
  type UserActivity,
} from './state.js';

/**
 * One live chat's queued sessions: `ids` in the order they entered the queue (which is
 * `queuedAt` order unless the clock went backwards: then `unordered`), and which are `urgent`.
 */
interface Queue {
  ids: Set<core.Id>;
  urgent: Set<core.Id>;
  lastQueuedAt: number;
  unordered: boolean;
}

/** `sessions` sorted by `queuedAt` (a stable sort: equal times keep their order). */
function byQueuedAt(sessions: Iterable<core.Session>): core.Session[] {
  return [...sessions].sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
}

/** The ids of `ids` that are not in `left`, in order. */
function* withoutIds(ids: Iterable<core.Id>, left: ReadonlySet<core.Id>): Generator<core.Id> {
  for (const id of ids) if (!left.has(id)) yield id;
}

/** Activity entries kept per user (oldest dropped first). */
const ACTIVITY_LIMIT = 500;
/** Default number of events each user's log retains for replay. */
export const DEFAULT_EVENT_LOG_LIMIT = 10_000;
/** Default number of command records kept for idempotency (oldest dropped first). */
export const DEFAULT_COMMAND_RECORD_LIMIT = 10_000;

const EMPTY_SET: ReadonlySet<core.Id> = new Set();
const NO_MESSAGES: readonly core.Message[] = [];
const NO_EVENTS: readonly core.ServerEvent[] = [];

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

/** Index of the first message with `order >= order` in a list sorted by order. */
function firstAtOrAfter(messages: readonly core.Message[], order: number): number {
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((messages[mid] as core.Message).order < order) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Key of the (customer, live chat) pair: one open conversation per pair at most. */
const pairKey = (customerId: core.Id, liveChatId: core.Id) => `${customerId}\u0000${liveChatId}`;
/** Key of a command record. */
const commandKey = (userId: core.Id, commandId: string) => `${userId}\u0000${commandId}`;

/** One user's numbered event log. */
interface EventLog {
  /** Seq of the last event appended (0 before the first). */
  seq: number;
  /** The retained tail, oldest first; `events[0].seq === firstSeq`. */
  events: core.ServerEvent[];
  firstSeq: number;
}

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /** Prefix of generated ids (e.g. `'demo-'`). */
  idPrefix?: string;
  /** Events each user's log retains for replays (default 10,000). */
  eventLogLimit?: number;
  /** Command records kept for idempotency (default 10,000). */
  commandRecordLimit?: number;
}

/** The in-memory records and indexes (see the module comment). */
export class MemoryStore
  extends DirectoryView
  implements engine.StoragePort<'sync'>, engine.StoreTransaction<'sync'>
{
  readonly mode = 'sync';

  private readonly customersById = new Map<core.Id, core.Customer>();
  private readonly presenceByUser = new Map<core.Id, core.Presence>();
  /** Canned replies in the order they were created (a Map keeps insertion order). */
  private readonly cannedById = new Map<core.Id, core.CannedReply>();

  private readonly sessions = new Map<core.Id, core.Session>();
  private readonly sessionsByLiveChat = new Map<core.Id, Set<core.Id>>();
  /**
   * Queued sessions per live chat in the order they entered the queue, which is `queuedAt`
   * order as long as the clock does not go backwards; a live chat where it did is marked
   * `unordered` and its queue is sorted on demand instead.
   */
  private readonly queues = new Map<core.Id, Queue>();
  /** Newest session of each (customer, live chat) pair. */
  private readonly latestByPair = new Map<string, core.Id>();

  private readonly messagesBySession = new Map<core.Id, core.Message[]>();
  /** Orders of customer messages per session, ascending: unread counts are a binary search. */
  private readonly customerOrders = new Map<core.Id, number[]>();
  private readonly messagesById = new Map<core.Id, core.Message>();
  private readonly messagesByClientId = new Map<core.Id, Map<string, core.Message>>();

  private readonly readMarkers = new Map<core.Id, Map<core.Id, number>>();
  private readonly activity = new Map<core.Id, core.ActivityEntry[]>();
  /** Every episode, in the order they started; the current one of a session by index. */
  private readonly episodes: core.SessionEpisode[] = [];
  private readonly currentEpisodes = new Map<core.Id, number>();
  private readonly episodesByLiveChat = new Map<core.Id, number[]>();

  private readonly eventLogs = new Map<core.Id, EventLog>();
  private readonly commandRecords = new Map<string, engine.CommandRecord>();

  private readonly idPrefix: string;
  private readonly eventLogLimit: number;
  private readonly commandRecordLimit: number;
  private nextIdNumber: number;

  /** A store holding `seed`; its directory (users, live chats, groups) stays as the seed has it. */
  constructor(seed: SeedData, options: MemoryStoreOptions = {}) {
    super(seed.users, seed.liveChats, seed.groups);
    this.idPrefix = options.idPrefix ?? '';
    this.eventLogLimit = options.eventLogLimit ?? DEFAULT_EVENT_LOG_LIMIT;
    this.commandRecordLimit = options.commandRecordLimit ?? DEFAULT_COMMAND_RECORD_LIMIT;
    for (const customer of seed.customers) this.customersById.set(customer.id, customer);
    for (const session of seed.sessions ?? []) this.putSession(session);
    this.sortQueues();
    const messages = [...(seed.messages ?? [])].sort((a, b) => a.order - b.order);
    for (const message of messages) this.appendMessage(message);
    for (const episode of seed.episodes ?? []) this.addEpisode({ ...episode });
    for (const marker of seed.readMarkers ?? []) {
      this.setReadMarker(marker.userId, marker.sessionId, marker.order);
    }
    for (const { userId, entry } of seed.activity ?? []) this.appendActivity(userId, entry);
    for (const record of seed.commandResults ?? []) this.putCommandRecord(record);
    for (const reply of seed.cannedReplies ?? []) this.putCannedReply(reply);
    for (const [userId, seq] of savedStreamSeqs(seed)) {
      // Streams continue from the saved seq, with nothing left to replay.
      this.eventLogs.set(userId, { seq, events: [], firstSeq: seq + 1 });
    }
    this.nextIdNumber = seedNextId(seed);
  }

  /** Runs `work` now: this store is its own transaction (see the module comment). */
  transaction<T>(work: (tx: engine.StoreTransaction<'sync'>) => T): T {
    return work(this);
  }

  newId(kind: engine.IdKind): core.Id {
    return `${this.idPrefix}${ID_PREFIXES[kind]}-${this.nextIdNumber++}`;
  }

  // ── directory (the users, live chats and groups: see DirectoryView) ──────────────────────

  customer(customerId: core.Id): core.Customer | undefined {
    return this.customersById.get(customerId);
  }

  customers(): Iterable<core.Customer> {
    return this.customersById.values();
  }

  putCustomer(customer: core.Customer): void {
    this.customersById.set(customer.id, customer);
  }

  // ── canned replies ───────────────────────────────────────────────────────────────────────

  cannedReply(replyId: core.Id): core.CannedReply | undefined {
    return this.cannedById.get(replyId);
  }

  cannedRepliesOf(scopeKey: string): core.CannedReply[] {
    return [...this.cannedById.values()].filter(
      (reply) => cannedScopeKey(reply.scope) === scopeKey,
    );
  }

  putCannedReply(reply: core.CannedReply): void {
    this.cannedById.set(reply.id, reply);
  }

  deleteCannedReply(replyId: core.Id): void {
    this.cannedById.delete(replyId);
  }

  // ── presence (kept in memory only: after a reload everyone is online until they say) ──────

  presence(userId: core.Id): core.Presence | undefined {
    return this.presenceByUser.get(userId);
  }

  putPresence(presence: core.Presence): void {
    this.presenceByUser.set(presence.userId, presence);
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────

  session(sessionId: core.Id): core.Session | undefined {
    return this.sessions.get(sessionId);
  }

  /** Every session, in the order they were created. */
  allSessions(): IterableIterator<core.Session> {
    return this.sessions.values();
  }

  *sessionsOf(liveChatId: core.Id): Generator<core.Session> {
    for (const id of this.sessionsByLiveChat.get(liveChatId) ?? EMPTY_SET) {
      yield this.sessions.get(id) as core.Session;
    }
  }

  /** Puts every queue in `queuedAt` order (after loading sessions in any order). */
  private sortQueues(): void {
    for (const queue of this.queues.values()) {
      const sessions = [...queue.ids].map((id) => this.sessions.get(id) as core.Session);
      sessions.sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
      queue.ids = new Set(sessions.map((session) => session.id));
      queue.lastQueuedAt = sessions.at(-1)?.queuedAt ?? -Infinity;
      queue.unordered = false;
    }
  }

  *queuedOf(liveChatId: core.Id): Generator<core.Session> {
    const queue = this.queues.get(liveChatId);
    if (!queue) return;
    // Urgent sessions first (few: sorted when asked), then the rest in queue order.
    if (queue.urgent.size > 0) yield* byQueuedAt(this.sessionsByIds(queue.urgent));
    const rest = queue.urgent.size > 0 ? withoutIds(queue.ids, queue.urgent) : queue.ids;
    if (!queue.unordered) yield* this.sessionsByIds(rest);
    else yield* byQueuedAt(this.sessionsByIds(rest));
  }

  /** The sessions of `ids`, in their order. */
  private *sessionsByIds(ids: Iterable<core.Id>): Generator<core.Session> {
    for (const id of ids) yield this.sessions.get(id) as core.Session;
  }

  latestSessionOf(customerId: core.Id, liveChatId: core.Id): core.Session | undefined {
    const id = this.latestByPair.get(pairKey(customerId, liveChatId));
    return id === undefined ? undefined : this.sessions.get(id);
  }

  putSession(session: core.Session): void {
    const previous = this.sessions.get(session.id);
    this.sessions.set(session.id, session);
    if (!previous) {
      let ids = this.sessionsByLiveChat.get(session.liveChatId);
      if (!ids) this.sessionsByLiveChat.set(session.liveChatId, (ids = new Set()));
      ids.add(session.id);
      this.latestByPair.set(pairKey(session.customerId, session.liveChatId), session.id);
    }
    let queue = this.queues.get(session.liveChatId);
    if (!queue) {
      queue = { ids: new Set(), urgent: new Set(), lastQueuedAt: -Infinity, unordered: false };
      this.queues.set(session.liveChatId, queue);
    }
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
    if (session.status === 'queued' && session.urgent) queue.urgent.add(session.id);
    else queue.urgent.delete(session.id);
  }

  // ── messages ─────────────────────────────────────────────────────────────────────────────

  /** A session's messages, ascending by order. Do not mutate. */
  messagesOf(sessionId: core.Id): readonly core.Message[] {
    return this.messagesBySession.get(sessionId) ?? NO_MESSAGES;
  }

  *liveChatMessages(liveChatId: core.Id): Generator<core.Message> {
    for (const id of this.sessionsByLiveChat.get(liveChatId) ?? EMPTY_SET) {
      yield* this.messagesOf(id);
    }
  }

  message(messageId: core.Id): core.Message | undefined {
    return this.messagesById.get(messageId);
  }

  messageByClientId(sessionId: core.Id, clientMessageId: string): core.Message | undefined {
    return this.messagesByClientId.get(sessionId)?.get(clientMessageId);
  }

  messagePage(
    sessionId: core.Id,
    beforeOrder: number | undefined,
    limit: number,
  ): engine.StoredMessagePage {
    const messages = this.messagesOf(sessionId);
    const end = beforeOrder === undefined ? messages.length : firstAtOrAfter(messages, beforeOrder);
    const start = Math.max(0, end - limit);
    return { messages: messages.slice(start, end), hasMore: start > 0 };
  }

  customerMessagesAfter(sessionId: core.Id, order: number): number {
    const orders = this.customerOrders.get(sessionId);
    if (!orders) return 0;
    return orders.length - countAtMost(orders, order);
  }

  /** Appends a message; its `order` must be greater than every order of its session. */
  appendMessage(message: core.Message): void {
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

  readMarker(userId: core.Id, sessionId: core.Id): number {
    return this.readMarkers.get(userId)?.get(sessionId) ?? 0;
  }

  setReadMarker(userId: core.Id, sessionId: core.Id, order: number): void {
    let markers = this.readMarkers.get(userId);
    if (!markers) this.readMarkers.set(userId, (markers = new Map()));
    markers.set(sessionId, order);
  }

  // ── episodes ─────────────────────────────────────────────────────────────────────────────

  currentEpisode(sessionId: core.Id): core.SessionEpisode | undefined {
    const index = this.currentEpisodes.get(sessionId);
    return index === undefined ? undefined : this.episodes[index];
  }

  addEpisode(episode: core.SessionEpisode): void {
    const index = this.episodes.push(episode) - 1;
    this.currentEpisodes.set(episode.sessionId, index);
    let indexes = this.episodesByLiveChat.get(episode.liveChatId);
    if (!indexes) this.episodesByLiveChat.set(episode.liveChatId, (indexes = []));
    indexes.push(index);
  }

  updateEpisode(episode: core.SessionEpisode): void {
    const index = this.currentEpisodes.get(episode.sessionId);
    if (index === undefined) throw new RangeError(`Session ${episode.sessionId} has no episode.`);
    this.episodes[index] = episode;
  }

  *episodesOf(liveChatId: core.Id): Generator<core.SessionEpisode> {
    for (const index of this.episodesByLiveChat.get(liveChatId) ?? []) {
      yield this.episodes[index] as core.SessionEpisode;
    }
  }

  // ── activity ─────────────────────────────────────────────────────────────────────────────

  appendActivity(userId: core.Id, entry: core.ActivityEntry): void {
    let entries = this.activity.get(userId);
    if (!entries) this.activity.set(userId, (entries = []));
    entries.push(entry);
    if (entries.length > ACTIVITY_LIMIT * 1.5) entries.splice(0, entries.length - ACTIVITY_LIMIT);
  }

  recentActivity(userId: core.Id, limit: number): core.ActivityEntry[] {
    return (this.activity.get(userId) ?? []).slice(-limit).reverse();
  }

  // ── event log ────────────────────────────────────────────────────────────────────────────

  private eventLog(userId: core.Id): EventLog {
    let log = this.eventLogs.get(userId);
    if (!log) {
      log = { seq: 0, events: [], firstSeq: 1 };
      this.eventLogs.set(userId, log);
    }
    return log;
  }

  appendEvent(userId: core.Id, input: engine.EventInput): core.ServerEvent {
    const log = this.eventLog(userId);
    // Not a spread: inputs come in many shapes, which makes a spread megamorphic and several
    // times slower on the backend's hottest write.
    const event = Object.assign({ seq: ++log.seq }, input) as core.ServerEvent;
    log.events.push(event);
    // Trim in batches so retention costs amortised O(1) per event.
    if (log.events.length >= this.eventLogLimit * 1.5) {
      const drop = log.events.length - this.eventLogLimit;
      log.events.splice(0, drop);
      log.firstSeq += drop;
    }
    return event;
  }

  lastSeq(userId: core.Id): number {
    return this.eventLogs.get(userId)?.seq ?? 0;
  }

  readEvents(userId: core.Id, sinceSeq: number): engine.EventLogRead {
    const log = this.eventLogs.get(userId) ?? { seq: 0, events: [], firstSeq: 1 };
    const inRange = sinceSeq >= log.firstSeq - 1 && sinceSeq <= log.seq;
    return {
      lastSeq: log.seq,
      oldestSeq: log.firstSeq,
      events: inRange ? log.events.slice(sinceSeq - log.firstSeq + 1) : NO_EVENTS,
    };
  }

  // ── command records ──────────────────────────────────────────────────────────────────────

  commandRecord(userId: core.Id, commandId: string): engine.CommandRecord | undefined {
    return this.commandRecords.get(commandKey(userId, commandId));
  }

  putCommandRecord(record: engine.CommandRecord): void {
    this.commandRecords.set(commandKey(record.userId, record.commandId), record);
    if (this.commandRecords.size > this.commandRecordLimit) {
      this.commandRecords.delete(this.commandRecords.keys().next().value as string);
    }
  }

  // ── persistence ──────────────────────────────────────────────────────────────────────────

  /** The whole state as plain data (shares immutable values; safe to clone or store). */
  exportState(): BackendState {
    const messages: core.Message[] = [];
    for (const list of this.messagesBySession.values()) messages.push(...list);
    const readMarkers: ReadMarker[] = [];
    for (const [userId, markers] of this.readMarkers) {
      for (const [sessionId, order] of markers) readMarkers.push({ userId, sessionId, order });
    }
    const activity: UserActivity[] = [];
    for (const [userId, entries] of this.activity) {
      for (const entry of entries) activity.push({ userId, entry });
    }
    const streamSeqs: Record<core.Id, number> = {};
    for (const [userId, log] of this.eventLogs) if (log.seq > 0) streamSeqs[userId] = log.seq;
    return {
      version: 1,
      users: [...this.users()],
      liveChats: [...this.liveChats()],
      groups: [...this.groups()],
      customers: [...this.customersById.values()],
      sessions: [...this.sessions.values()],
      messages,
      episodes: [...this.episodes],
      readMarkers,
      activity,
      commandResults: [...this.commandRecords.values()],
      cannedReplies: [...this.cannedById.values()],
      nextId: this.nextIdNumber,
      streamSeqs,
    };
  }
}
