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
import { applyShare, emptyCounters, type Counters } from '../domain/counters.js';
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
import { reduceActivity, reduceSession, reduceUnread, sessionIdOf } from './reducers.js';
import { select } from './select.js';
import { comparatorOf, GroupIndex } from './session-lists.js';
import { SessionTable } from './session-table.js';
import type { ClientStatus, SessionView } from './views.js';

const NO_VIEWS: readonly SessionView[] = Object.freeze([]) as readonly SessionView[];

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

/** A copy (core `copyCounters` without its intermediate arrays: this runs on most events). */
function copyOf(counters: Counters): Counters {
  const groups: Counters['groups'] = {};
  for (const id in counters.groups) {
    const sizes = counters.groups[id];
    groups[id] = {
      queue: sizes.queue,
      mine: sizes.mine,
      closed: sizes.closed,
      active: sizes.active,
    };
  }
  return {
    unreadInMySessions: counters.unreadInMySessions,
    newUnassigned: counters.newUnassigned,
    groups,
  };
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
 * The client's state container. It owns every collection (Maps keyed by id, and the
 * {@link SessionTable} of sessions) and updates them in place, one entity per event, following
 * the pure reducers of `reducers.ts` (entities are replaced, never mutated); counters (core
 * `applyShare`) and session lists (core `groupsOf`) are maintained incrementally beside them,
 * O(1) per event. Nothing here talks to an adapter.
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

  /** One row per visible session (see {@link SessionTable}). */
  private readonly table = new SessionTable();
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
  readonly lists = new GroupIndex(this.table);

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
    this.commitPlanned = false;
    if (this.changes.closed) return;
    this.changes.next(++this.version);
  }

  private commitPlanned = false;

  /**
   * Publishes at the end of the current batch: every event an adapter delivers in one go (one
   * synchronous run) is applied first and published in one commit, so each `$` emits at most
   * once per delivered batch. Synchronous getters see each event at once.
   */
  commitSoon(): void {
    if (this.commitPlanned) return;
    this.commitPlanned = true;
    queueMicrotask(() => {
      if (this.commitPlanned) this.commit();
    });
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

    this.table.clear();
    this.lists.clear();
    for (const session of snapshot.sessions) {
      const unread = snapshot.unread[session.id] ?? 0;
      const place = this.lists.placeOf(session.liveChatId, groupsOf(viewer, session));
      this.table.add(session, unread, place, isAssignedTo(viewer, session));
      applyShare(counters, viewer, session, unread, 1);
      this.lists.add(session.id, place);
    }
    this.countersVersion++;
    this.activity = snapshot.activity.slice(0, this.activityLimit);
  }

  /** Applies one server event (its seq already checked by the caller). */
  applyEvent(event: ServerEvent): void {
    this.seq = event.seq;
    switch (event.type) {
      case 'message.added': {
        const message = event.message;
        const table = this.table;
        const row = table.find(message.sessionId);
        const carried = event.session;
        // The message changed how the session looks (it appeared, was taken, reopened): the
        // event's session replaces the row, as an upsert would.
        if (carried && (row < 0 || !sameShape(table.base(row), carried))) {
          this.replace(carried.id, row, carried, event.unread);
          return;
        }
        if (row < 0) return; // not visible, and nothing to show it with
        // withMessage, folded into the row: the session object is built when it is read.
        const moved = table.foldMessage(row, message.order, message.sentAt, message.text);
        const unreadChanged = event.unread !== table.unread(row);
        if (unreadChanged) this.setUnread(row, event.unread);
        if (moved || unreadChanged) this.touch(message.sessionId, row);
        return;
      }
      case 'session.read': {
        const row = this.table.find(event.sessionId);
        if (row < 0 || this.table.unread(row) === event.unread) return;
        this.setUnread(row, event.unread);
        this.touch(event.sessionId, row);
        return;
      }
      case 'session.upserted':
      case 'session.removed': {
        const id = sessionIdOf(event) as Id;
        const row = this.table.find(id);
        // An upsert or a removal does not depend on the current session (only on its shape,
        // which the row's base session has): no need to build it.
        const current = row < 0 ? undefined : this.table.base(row);
        const unread = row < 0 ? undefined : this.table.unread(row);
        const nextSession = reduceSession(current, event);
        const nextUnread = nextSession === undefined ? undefined : reduceUnread(unread, event);
        if (nextSession !== current || nextUnread !== unread) {
          this.replace(id, row, nextSession, nextUnread ?? 0);
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

  /** Marks the lists a session is in changed (its row shows something new). */
  private touch(id: Id, row: number): void {
    const table = this.table;
    const first = table.first(row);
    if (first === null) return;
    this.lists.touch(id, first, table.second(row), table.moreOf(row));
  }

  /**
   * A new unread count for a session that stays in its groups: only the user's own sessions
   * count unread messages (the red counter), so only they move a figure.
   */
  private setUnread(row: number, unread: number): void {
    const viewer = this.viewer;
    const table = this.table;
    if (viewer && table.mine(row)) {
      const session = table.base(row); // its shape is current, which is all applyShare reads
      applyShare(this.counters, viewer, session, table.unread(row), -1);
      applyShare(this.counters, viewer, session, unread, 1);
      this.countersVersion++;
    }
    table.setUnread(row, unread);
  }

  /**
   * Swaps one session (and/or its unread count): counters with core `applyShare` (remove the
   * old share, add the new one) and the group sets with core `groupsOf`, O(1).
   */
  private replace(id: Id, row: number, nextSession: Session | undefined, nextUnread: number): void {
    const viewer = this.viewer;
    if (!viewer) return;
    const counters = this.counters;
    const table = this.table;
    if (row >= 0 && nextSession) {
      const session = table.base(row); // its shape is current, which is all that is read here
      const unread = table.unread(row);
      if (sameShape(session, nextSession)) {
        // Same status, assignee and live chat (a rename, a binding, a message): the session
        // stays in the same groups and queues, so only its unread count can move a figure, and
        // only in the user's own sessions. Its groups still change (their rows show it).
        if (unread !== nextUnread && table.mine(row)) {
          applyShare(counters, viewer, session, unread, -1);
          applyShare(counters, viewer, nextSession, nextUnread, 1);
          this.countersVersion++;
        }
        table.reset(row, nextSession, nextUnread);
        this.touch(id, row);
      } else {
        applyShare(counters, viewer, session, unread, -1);
        applyShare(counters, viewer, nextSession, nextUnread, 1);
        this.countersVersion++;
        this.lists.remove(id, table.place(row));
        const place = this.lists.placeOf(nextSession.liveChatId, groupsOf(viewer, nextSession));
        table.reset(row, nextSession, nextUnread);
        table.setPlace(row, place, isAssignedTo(viewer, nextSession));
        this.lists.add(id, place);
      }
    } else if (nextSession) {
      const place = this.lists.placeOf(nextSession.liveChatId, groupsOf(viewer, nextSession));
      table.add(nextSession, nextUnread, place, isAssignedTo(viewer, nextSession));
      applyShare(counters, viewer, nextSession, nextUnread, 1);
      this.countersVersion++;
      this.lists.add(id, place);
    } else if (row >= 0) {
      applyShare(counters, viewer, table.base(row), table.unread(row), -1);
      this.countersVersion++;
      this.lists.remove(id, table.place(row));
      table.delete(id, row);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /** A visible session. */
  session(id: Id): Session | undefined {
    const row = this.table.find(id);
    return row < 0 ? undefined : this.table.materialize(row);
  }

  /** The user's unread count of a visible session (`undefined` when it is not visible). */
  unreadOf(id: Id): number | undefined {
    const row = this.table.find(id);
    return row < 0 ? undefined : this.table.unread(row);
  }

  /** Every visible session. */
  *allSessions(): IterableIterator<Session> {
    for (const row of this.table.rowNumbers()) yield this.table.materialize(row);
  }

  get sessionCount(): number {
    return this.table.size;
  }

  /**
   * A session as lists show it. The view object is cached and only replaced when the session,
   * its unread count or its customer changed, so unchanged rows keep their identity.
   */
  sessionView(id: Id): SessionView | undefined {
    const table = this.table;
    const row = table.find(id);
    if (row < 0) return undefined;
    const session = table.materialize(row);
    const unread = table.unread(row);
    const customer = this.customers.get(session.customerId);
    const cached = table.view(row);
    if (
      cached &&
      cached.session === session &&
      cached.unread === unread &&
      cached.customer === customer
    ) {
      return cached;
    }
    const view: SessionView = { session, unread, isNew: isNew(session), customer };
    table.setView(row, view);
    return view;
  }

  /** One menu group of one live chat, sorted; rebuilt (patched) only when that group changed. */
  sessionList(liveChatId: Id, kind: SessionGroupKind): readonly SessionView[] {
    return this.lists.sorted(liveChatId, kind, this.viewOf) ?? NO_VIEWS;
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
        this.countersCopy = copyOf(this.counters);
    }
    return this.countersCopy;
  }
}
