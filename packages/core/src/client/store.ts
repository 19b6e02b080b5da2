import { BehaviorSubject, type Observable } from 'rxjs';
import {
  groupsOf,
  isAssignedTo,
  isMemberOf,
  isNew,
  viewerFor,
  type SessionGroupKind,
  type Viewer,
} from '../domain/access.js';
import { applyShare, copyCounters, emptyCounters, type Counters } from '../domain/counters.js';
import type {
  ActivityEntry,
  Customer,
  Id,
  LiveChat,
  OperatorGroup,
  Session,
  User,
} from '../domain/types.js';
import type { ServerEvent, Snapshot } from '../protocol/events.js';
import {
  previewText,
  reduceActivity,
  reduceSession,
  reduceUnread,
  sessionIdOf,
} from './reducers.js';
import { select } from './select.js';
import { comparatorOf, GroupIndex, sortedViews, type GroupBucket } from './session-lists.js';
import type { ClientStatus, SessionView } from './types.js';

const NO_VIEWS: readonly SessionView[] = Object.freeze([]) as readonly SessionView[];

/**
 * The store's bookkeeping for one visible session, updated in place (the store's own object).
 *
 * The session itself is an immutable entity: it is replaced, never mutated. A `message.added`
 * only moves its last-message fields forward (`withMessage` in reducers.ts), and most sessions that get
 * messages are not on screen, so the slot folds those fields (`lastOrder`, `lastAt`,
 * `lastText`) and the new session object is built when someone reads it ({@link materialize}):
 * a message event then allocates nothing and leaves the old session untouched, which is what
 * keeps the per-event cost flat with 100,000 sessions. Reading gives exactly what applying
 * `reduceSession` event by event gives (a property test holds the store to that).
 */
interface SessionSlot {
  /** The session as of the last upsert or read, without the folded messages below. */
  session: Session;
  /** Folded last-message fields; `lastText` is null when there is nothing to fold in. */
  lastOrder: number;
  lastAt: number;
  lastText: string | null;
  unread: number;
  /** The lists the session is in (held directly: no lookup by live chat and kind per event). */
  buckets: readonly GroupBucket[];
  /** Active and assigned to the user: its unread count is part of the red counter. */
  mine: boolean;
  /** The cached row. */
  view: SessionView | null;
}

function newSlot(
  session: Session,
  unread: number,
  buckets: readonly GroupBucket[],
  mine: boolean,
): SessionSlot {
  return {
    session,
    lastOrder: session.lastMessageOrder,
    lastAt: session.lastMessageAt,
    lastText: null,
    unread,
    buckets,
    mine,
    view: null,
  };
}

/** The slot's session with its folded messages applied (memoised in the slot). */
function materialize(slot: SessionSlot): Session {
  if (slot.lastText === null) return slot.session;
  const session = slot.session;
  // Written out rather than spread: sessions arrive in many object shapes (snapshots, upserts,
  // codecs), which makes a spread megamorphic and much slower.
  slot.session = {
    id: session.id,
    liveChatId: session.liveChatId,
    customerId: session.customerId,
    name: session.name,
    channel: session.channel,
    status: session.status,
    assignee: session.assignee,
    firstMessageAt: session.firstMessageAt,
    lastMessageAt: slot.lastAt,
    lastMessagePreview: previewText(slot.lastText),
    lastMessageOrder: slot.lastOrder,
    queuedAt: session.queuedAt,
    lastOperatorId: session.lastOperatorId,
    bindings: session.bindings,
  };
  slot.lastText = null;
  return slot.session;
}

/** Whether two sessions sit in the same groups and queues whatever the viewer (status, assignee, live chat). */
function sameShape(a: Session, b: Session): boolean {
  if (a.status !== b.status || a.liveChatId !== b.liveChatId) return false;
  const x = a.assignee;
  const y = b.assignee;
  if (x === y) return true;
  if (x === null || y === null || x.kind !== y.kind) return false;
  return x.kind === 'operator'
    ? x.operatorId === (y as typeof x).operatorId
    : x.groupId === (y as typeof x).groupId;
}

/** Whether two counters hold the same figures; allocation-free, since it runs once per event. */
function sameCounters(a: Counters, b: Counters): boolean {
  if (a.unreadInMySessions !== b.unreadInMySessions || a.newUnassigned !== b.newUnassigned)
    return false;
  let count = 0;
  for (const id in a.groups) {
    const x = a.groups[id];
    const y = b.groups[id];
    if (
      !y ||
      x.queue !== y.queue ||
      x.mine !== y.mine ||
      x.closed !== y.closed ||
      x.active !== y.active
    )
      return false;
    count++;
  }
  for (const _id in b.groups) count--;
  return count === 0;
}

/**
 * The client's state container. It owns every collection (Maps keyed by id) and mutates them in
 * place, one entity per event, with the pure reducers of `reducers.ts`; counters and session
 * lists are maintained incrementally beside them. Nothing here talks to an adapter.
 *
 * Change notification: `commit()` bumps `version` and emits it on a private BehaviorSubject;
 * `select(project)` re-projects on each commit and emits only when the projection changed
 * (projections return cached, reference-stable values, so "changed" is a reference check).
 */
export class WorkspaceStore {
  /** Moves on every commit. */
  version = 0;
  /** Seq of the last event applied (or of the snapshot). */
  seq = 0;
  status: ClientStatus = { state: 'loading' };
  me: User | null = null;
  viewer: Viewer | null = null;

  /** One slot per visible session, by id (see {@link SessionSlot}). */
  private readonly slots = new Map<Id, SessionSlot>();
  readonly customers = new Map<Id, Customer>();
  readonly users = new Map<Id, User>();
  readonly liveChats = new Map<Id, LiveChat>();
  readonly groups = new Map<Id, OperatorGroup>();
  /** Live chats the user belongs to, in directory order. */
  accessibleLiveChats: readonly LiveChat[] = [];
  /** Newest first. */
  activity: readonly ActivityEntry[] = [];

  /** Incremental counters (mutated in place; hand out copies). */
  readonly counters: Counters = emptyCounters();
  /** Moves whenever a session's share of the counters may have changed. */
  countersVersion = 0;
  readonly lists = new GroupIndex();

  private countersCopy: Counters = emptyCounters();
  private countersCopyVersion = 0;
  private readonly changes = new BehaviorSubject<number>(0);

  constructor(private readonly activityLimit = 200) {}

  /** A derived observable: re-projected on every commit, emitted when it changes. */
  select<T>(project: (store: WorkspaceStore) => T, equal?: (a: T, b: T) => boolean): Observable<T> {
    return select(this.changes, () => project(this), equal);
  }

  /** The raw change notifications (the version), for derived streams that need a trigger. */
  readonly changes$: Observable<number> = this.changes.asObservable();

  /** Publishes the changes made since the last commit. */
  commit(): void {
    this.changes.next(++this.version);
  }

  /** Completes every derived observable. */
  complete(): void {
    this.changes.complete();
  }

  setStatus(status: ClientStatus): void {
    this.status = status;
  }

  // -------------------------------------------------------------------------------------------
  // Applying server state

  /** Replaces the whole state with a snapshot (first load and every resync). */
  applySnapshot(snapshot: Snapshot): void {
    this.seq = snapshot.seq;
    this.me = snapshot.me;
    this.users.clear();
    for (const user of snapshot.users) this.users.set(user.id, user);
    if (!this.users.has(snapshot.me.id)) this.users.set(snapshot.me.id, snapshot.me);
    this.liveChats.clear();
    for (const chat of snapshot.liveChats) this.liveChats.set(chat.id, chat);
    this.groups.clear();
    for (const group of snapshot.groups) this.groups.set(group.id, group);
    this.customers.clear();
    for (const customer of snapshot.customers) this.customers.set(customer.id, customer);

    const viewer = viewerFor(snapshot.me.id, snapshot.liveChats, snapshot.groups);
    this.viewer = viewer;
    this.accessibleLiveChats = snapshot.liveChats.filter((chat) => isMemberOf(viewer, chat.id));

    const counters = this.counters;
    counters.unreadInMySessions = 0;
    counters.newUnassigned = 0;
    for (const id of Object.keys(counters.groups)) delete counters.groups[id];
    for (const chat of this.accessibleLiveChats)
      counters.groups[chat.id] = { queue: 0, mine: 0, closed: 0, active: 0 };

    this.slots.clear();
    this.lists.clear();
    for (const session of snapshot.sessions) {
      const unread = snapshot.unread[session.id] ?? 0;
      const buckets = this.lists.bucketsOf(session.liveChatId, groupsOf(viewer, session));
      this.slots.set(session.id, newSlot(session, unread, buckets, isAssignedTo(viewer, session)));
      applyShare(counters, viewer, session, unread, 1);
      this.lists.add(session.id, buckets);
    }
    this.countersVersion++;
    this.activity = snapshot.activity.slice(0, this.activityLimit);
  }

  /** Applies one server event (its seq already checked by the caller). */
  applyEvent(event: ServerEvent): void {
    this.seq = event.seq;
    switch (event.type) {
      case 'message.added': {
        const slot = this.slots.get(event.message.sessionId);
        if (!slot) return; // not visible: the session comes with its own upsert
        const message = event.message;
        const moved = message.order > slot.lastOrder;
        if (moved) {
          // withMessage, folded: materialize() builds the session when it is read.
          slot.lastOrder = message.order;
          slot.lastAt = Math.max(slot.lastAt, message.sentAt);
          slot.lastText = message.text;
        }
        if (event.unread !== slot.unread) this.setUnread(slot, event.unread);
        if (moved || event.unread !== slot.unread)
          this.lists.touch(message.sessionId, slot.buckets);
        slot.unread = event.unread;
        return;
      }
      case 'session.read': {
        const slot = this.slots.get(event.sessionId);
        if (!slot || slot.unread === event.unread) return;
        this.setUnread(slot, event.unread);
        slot.unread = event.unread;
        this.lists.touch(event.sessionId, slot.buckets);
        return;
      }
      case 'session.upserted':
      case 'session.removed': {
        const id = sessionIdOf(event) as Id;
        const slot = this.slots.get(id);
        const current = slot && materialize(slot);
        const nextSession = reduceSession(current, event);
        const nextUnread =
          nextSession === undefined ? undefined : reduceUnread(slot?.unread, event);
        if (nextSession !== current || nextUnread !== slot?.unread) {
          this.replace(id, slot, nextSession, nextUnread ?? 0);
        }
        return;
      }
      case 'customer.upserted':
        this.customers.set(event.customer.id, event.customer);
        // Every list shows customers; they are rebuilt lazily, only if someone watches them.
        this.lists.touchAll();
        return;
      case 'activity.added':
        this.activity = reduceActivity(this.activity, event, this.activityLimit);
        return;
      case 'alert':
        return;
    }
  }

  /**
   * A new unread count for a session that stays in its groups: only the user's own sessions
   * count unread messages (the red counter), so only they move a figure.
   */
  private setUnread(slot: SessionSlot, unread: number): void {
    const viewer = this.viewer;
    if (!viewer || !slot.mine) return;
    applyShare(this.counters, viewer, slot.session, slot.unread, -1);
    applyShare(this.counters, viewer, slot.session, unread, 1);
    this.countersVersion++;
  }

  /**
   * Swaps one session (and/or its unread count): counters with core `applyShare` (remove the
   * old share, add the new one) and the group sets with core `groupsOf`, O(1).
   */
  private replace(
    id: Id,
    slot: SessionSlot | undefined,
    nextSession: Session | undefined,
    nextUnread: number,
  ): void {
    const viewer = this.viewer;
    if (!viewer) return;
    const counters = this.counters;
    if (slot && nextSession) {
      const { session, unread } = slot;
      if (sameShape(session, nextSession)) {
        // Same status, assignee and live chat (a message, a read, a rename): the session stays in
        // the same groups and queues, so only its unread count can move a figure, and only in
        // the user's own sessions. Its groups still change (their rows show it).
        if (unread !== nextUnread && slot.mine) {
          applyShare(counters, viewer, session, unread, -1);
          applyShare(counters, viewer, nextSession, nextUnread, 1);
          this.countersVersion++;
        }
        this.lists.touch(id, slot.buckets);
      } else {
        applyShare(counters, viewer, session, unread, -1);
        applyShare(counters, viewer, nextSession, nextUnread, 1);
        this.countersVersion++;
        this.lists.remove(id, slot.buckets);
        slot.buckets = this.lists.bucketsOf(nextSession.liveChatId, groupsOf(viewer, nextSession));
        slot.mine = isAssignedTo(viewer, nextSession);
        this.lists.add(id, slot.buckets);
      }
      slot.session = nextSession;
      slot.lastOrder = nextSession.lastMessageOrder;
      slot.lastAt = nextSession.lastMessageAt;
      slot.lastText = null;
      slot.unread = nextUnread;
    } else if (nextSession) {
      const buckets = this.lists.bucketsOf(nextSession.liveChatId, groupsOf(viewer, nextSession));
      this.slots.set(
        id,
        newSlot(nextSession, nextUnread, buckets, isAssignedTo(viewer, nextSession)),
      );
      applyShare(counters, viewer, nextSession, nextUnread, 1);
      this.countersVersion++;
      this.lists.add(id, buckets);
    } else if (slot) {
      applyShare(counters, viewer, slot.session, slot.unread, -1);
      this.countersVersion++;
      this.lists.remove(id, slot.buckets);
      this.slots.delete(id);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /** A visible session. */
  session(id: Id): Session | undefined {
    const slot = this.slots.get(id);
    return slot && materialize(slot);
  }

  /** The user's unread count of a visible session (`undefined` when it is not visible). */
  unreadOf(id: Id): number | undefined {
    return this.slots.get(id)?.unread;
  }

  /** Every visible session. */
  *allSessions(): IterableIterator<Session> {
    for (const slot of this.slots.values()) yield materialize(slot);
  }

  get sessionCount(): number {
    return this.slots.size;
  }

  /**
   * A session as lists show it. The view object is cached and only replaced when the session,
   * its unread count or its customer changed, so unchanged rows keep their identity.
   */
  sessionView(id: Id): SessionView | undefined {
    const slot = this.slots.get(id);
    if (!slot) return undefined;
    const session = materialize(slot);
    const unread = slot.unread;
    const customer = this.customers.get(session.customerId);
    const cached = slot.view;
    if (
      cached &&
      cached.session === session &&
      cached.unread === unread &&
      cached.customer === customer
    ) {
      return cached;
    }
    const view: SessionView = { session, unread, isNew: isNew(session), customer };
    slot.view = view;
    return view;
  }

  /** One menu group of one live chat, sorted; rebuilt (patched) only when that group changed. */
  sessionList(liveChatId: Id, kind: SessionGroupKind): readonly SessionView[] {
    const bucket = this.lists.get(liveChatId, kind);
    return bucket ? sortedViews(bucket, kind, this.viewOf) : NO_VIEWS;
  }

  private readonly viewOf = (id: Id): SessionView | undefined => this.sessionView(id);

  /** The oldest session of the user's queues (one live chat, or all of them). */
  oldestQueued(liveChatId?: Id): SessionView | undefined {
    const ids =
      liveChatId === undefined ? this.accessibleLiveChats.map((chat) => chat.id) : [liveChatId];
    let oldest: SessionView | undefined;
    for (const id of ids) {
      const first = this.sessionList(id, 'queue')[0];
      if (first && (!oldest || comparatorOf('queue')(first, oldest) < 0)) oldest = first;
    }
    return oldest;
  }

  /** The counters as a shared read-only object, replaced only when a figure changed. */
  countersView(): Counters {
    if (this.countersCopyVersion !== this.countersVersion) {
      this.countersCopyVersion = this.countersVersion;
      if (!sameCounters(this.counters, this.countersCopy))
        this.countersCopy = copyCounters(this.counters);
    }
    return this.countersCopy;
  }
}
