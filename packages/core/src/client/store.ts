import { BehaviorSubject, type Observable } from 'rxjs';
import {
  groupBitsOf,
  isMemberOf,
  isNew,
  viewerFor,
  type SessionGroupKind,
  type Viewer,
} from '../domain/access.js';
import { emptyCounters, type Counters, type GroupSizes } from '../domain/counters.js';
import { ownValue, setOwnValue } from '../domain/records.js';
import type {
  ActivityEntry,
  Customer,
  Id,
  LiveChat,
  OperatorGroup,
  Presence,
  Session,
  User,
} from '../domain/types.js';
import type { CannedReply } from '../domain/canned.js';
import type { ServerEvent, Snapshot } from '../protocol/events.js';
import { addActivity, reduceSession, reduceUnread, sessionIdOf } from './reducers.js';
import { atEndOfRun } from './commit-plan.js';
import { select } from './select.js';
import { comparatorOf, GroupIndex, newPlaceTable, type GroupPlace } from './session-lists.js';
import { SessionTable } from './session-table.js';
import type { ClientStatus, SessionView } from './views.js';

const NO_VIEWS: readonly SessionView[] = Object.freeze([]) as readonly SessionView[];

/** Whether two counters hold the same figures, for the same live chats. */
function sameCounters(a: Counters, b: Counters): boolean {
  if (a.unreadInMySessions !== b.unreadInMySessions || a.newUnassigned !== b.newUnassigned)
    return false;
  let count = 0;
  for (const id in a.groups) {
    const x = a.groups[id] as GroupSizes;
    const y = ownValue(b.groups, id);
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
 * the pure reducers of `reducers.ts` (entities are replaced, never mutated); session lists
 * (core `groupBitsOf` decides which) and counters are maintained incrementally beside them, O(1)
 * per event. The counters are not kept twice: each group's figure is its list's size, the blue
 * counter the sum of the queues, and only the red one (unread in the user's sessions) is a sum
 * of its own. They always equal core `computeCounters` over the same sessions (a property
 * test holds the store to that). Nothing here talks to an adapter.
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

  readonly #places = newPlaceTable();
  /** One row per visible session (see {@link SessionTable}). */
  readonly #table = new SessionTable(this.#places);
  readonly customers = new Map<Id, Customer>();
  readonly users = new Map<Id, User>();
  readonly liveChats = new Map<Id, LiveChat>();
  readonly groups = new Map<Id, OperatorGroup>();
  /** Live chats the user belongs to, in directory order. */
  accessibleLiveChats: readonly LiveChat[] = [];
  #activityList: readonly ActivityEntry[] = [];
  /** Availability of the users the snapshot and events told of (everyone else is online). */
  #presenceMap: ReadonlyMap<Id, Presence> = new Map();
  /** The canned replies the user may use, in the order the backend listed or created them. */
  #cannedList: readonly CannedReply[] = [];
  /** Entries arrived since the list was last read, merged in on the next read. */
  readonly #newActivity: ActivityEntry[] = [];

  readonly lists = new GroupIndex(this.#table, this.#places);
  /** Unread messages in the sessions assigned to the user (the red counter). */
  #unreadInMine = 0;
  /** Moves whenever a figure of the counters may have changed. */
  #countersVersion = 0;
  #countersCopy: Counters = emptyCounters();
  #countersCopyVersion = 0;
  readonly #changes = new BehaviorSubject<number>(0);

  readonly #activityLimit: number;
  readonly #planCommit: (commit: () => void) => void;

  /**
   * @param activityLimit - most activity entries kept
   * @param planCommit - runs the planned commit of {@link commitSoon} later: at the end of the
   *   current synchronous run by default (one commit per delivered batch)
   */
  constructor(activityLimit = 200, planCommit: (commit: () => void) => void = atEndOfRun) {
    this.#activityLimit = activityLimit;
    this.#planCommit = planCommit;
  }

  /** A derived observable: re-projected on every commit, emitted when it changes. */
  select<T>(project: (store: WorkspaceStore) => T, equal?: (a: T, b: T) => boolean): Observable<T> {
    return select(this.#changes, () => project(this), equal);
  }

  /** The raw change notifications (the version), for derived streams that need a trigger. */
  readonly changes$: Observable<number> = this.#changes.asObservable();

  /** Publishes the changes made since the last commit. */
  commit(): void {
    this.#commitPlanned = false;
    if (this.#changes.closed) return;
    this.#changes.next(++this.version);
  }

  #commitPlanned = false;

  /**
   * Publishes later, when `planCommit` says: by default at the end of the current batch, so
   * every event an adapter delivers in one go (one synchronous run) is applied first and
   * published in one commit, and each `$` emits at most once per delivered batch. Synchronous
   * getters see each event at once.
   */
  commitSoon(): void {
    if (this.#commitPlanned) return;
    this.#commitPlanned = true;
    this.#planCommit(this.#plannedCommit);
  }

  readonly #plannedCommit = (): void => {
    if (this.#commitPlanned) this.commit();
  };

  /** Completes every derived observable. */
  complete(): void {
    this.#changes.complete();
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

    this.#table.clear();
    this.lists.clear();
    this.#unreadInMine = 0;
    for (const session of snapshot.sessions) {
      const unread = ownValue(snapshot.unread, session.id) ?? 0;
      const place = this.#placeOf(viewer, session);
      this.#table.add(session, unread, place);
      this.lists.add(session.id, place);
      if (place.mine) this.#unreadInMine += unread;
    }
    this.#countersVersion++;
    this.#activityList = snapshot.activity.slice(0, this.#activityLimit);
    this.#newActivity.length = 0;
    this.#presenceMap = new Map((snapshot.presence ?? []).map((p) => [p.userId, p]));
    this.#cannedList = snapshot.cannedReplies ?? [];
  }

  /**
   * Applies one server event (its seq already checked by the caller). Returns the id of a
   * session whose conversation may have missed messages because of it: the session comes
   * (back) into the user's view, or reopens (messages written meanwhile were not sent to them).
   */
  applyEvent(event: ServerEvent): Id | undefined {
    this.seq = event.seq;
    switch (event.type) {
      case 'message.added': {
        const message = event.message;
        const table = this.#table;
        const id = message.sessionId;
        const row = table.find(id);
        const session = event.session;
        if (session) {
          // The session after the message, as backends send it: it replaces the row's. (Folding
          // it into the row when only its last-message fields differ keeps fewer objects, but
          // the comparison reads the row's session, a cache miss at 100,000 sessions: measured,
          // it cost what the collector saved.)
          const back = this.#comesBack(session, session.id === id ? row : table.find(session.id));
          this.#replace(id, row, session, event.unread);
          return back ? session.id : undefined;
        }
        if (row < 0) return undefined; // not visible, and nothing to show it with
        // withMessage, folded into the row: the session object is built when it is read.
        const moved = table.foldMessage(row, message.order, message.sentAt, message.text);
        this.#afterMessage(id, row, moved, event.unread);
        return undefined;
      }
      case 'session.read': {
        const row = this.#table.find(event.sessionId);
        if (row < 0 || this.#table.unread(row) === event.unread) return undefined;
        this.#setUnread(row, event.unread);
        this.#touch(event.sessionId, row);
        return undefined;
      }
      case 'session.upserted':
      case 'session.removed': {
        const id = sessionIdOf(event) as Id;
        const row = this.#table.find(id);
        const back =
          event.type === 'session.upserted' &&
          (event.cause === 'reopened' || this.#comesBack(event.session, row));
        // An upsert or a removal does not depend on the current session: no need to build it.
        const current = row < 0 ? undefined : this.#table.base(row);
        const unread = row < 0 ? undefined : this.#table.unread(row);
        const nextSession = reduceSession(current, event);
        const nextUnread = nextSession === undefined ? undefined : reduceUnread(unread, event);
        if (nextSession !== current || nextUnread !== unread) {
          this.#replace(id, row, nextSession, nextUnread ?? 0);
        }
        return back ? id : undefined;
      }
      case 'customer.upserted':
        this.#setCustomer(event.customer);
        return undefined;
      case 'canned.upserted': {
        const at = this.#cannedList.findIndex((reply) => reply.id === event.reply.id);
        this.#cannedList =
          at < 0
            ? [...this.#cannedList, event.reply]
            : this.#cannedList.map((reply, index) => (index === at ? event.reply : reply));
        return undefined;
      }
      case 'canned.removed':
        this.#cannedList = this.#cannedList.filter((reply) => reply.id !== event.replyId);
        return undefined;
      case 'presence.changed':
        // A new map per change: readers compare by reference.
        this.#presenceMap = new Map(this.#presenceMap).set(event.presence.userId, event.presence);
        return undefined;
      case 'activity.added':
        this.#newActivity.push(event.entry);
        // Merged on read, or once as many arrived as the list holds (nobody may be reading).
        if (this.#newActivity.length >= this.#activityLimit) this.#mergeActivity();
        return undefined;
      default:
        return undefined;
    }
  }

  /** Customers read on demand (the caller leaves out those the store holds: see customer-loader.ts). */
  addCustomers(customers: readonly Customer[]): void {
    for (const customer of customers) this.#setCustomer(customer);
  }

  #setCustomer(customer: Customer): void {
    this.customers.set(customer.id, customer);
    // Lists show customers: the rows of this customer's sessions change (their order not).
    const table = this.#table;
    for (const row of table.rowsOfCustomer(customer.id)) this.#touch(table.idAt(row), row);
  }

  /** Whether `session`, about to replace the one in `row` (-1: none), comes (back) into view or reopens. */
  #comesBack(session: Session, row: number): boolean {
    if (row < 0) return true;
    return this.#table.place(row).status === 'closed' && session.status !== 'closed';
  }

  /** A message moved the row's last-message fields (`moved`) and/or its unread count. */
  #afterMessage(id: Id, row: number, moved: boolean, unread: number): void {
    const unreadChanged = unread !== this.#table.unread(row);
    if (unreadChanged) this.#setUnread(row, unread);
    if (moved || unreadChanged) this.#touch(id, row);
  }

  /** Marks the lists a session is in changed (its row shows something new). */
  #touch(id: Id, row: number): void {
    this.lists.touch(id, this.#table.place(row));
  }

  /**
   * A new unread count for a session that stays in its groups: only the user's own sessions
   * count unread messages (the red counter), so only they move a figure.
   */
  #setUnread(row: number, unread: number): void {
    const table = this.#table;
    this.#countUnread(table.place(row), unread - table.unread(row));
    table.setUnread(row, unread);
  }

  /** Adds `delta` unread messages of a session in `place` to the red counter, if it is the user's. */
  #countUnread(place: GroupPlace, delta: number): void {
    if (!place.mine || delta === 0) return;
    this.#unreadInMine += delta;
    this.#countersVersion++;
  }

  /** Where a session stands for the user (its groups by core `groupBitsOf`, and its status). */
  #placeOf(viewer: Viewer, session: Session): GroupPlace {
    return this.lists.placeOf(session.liveChatId, groupBitsOf(viewer, session), session.status);
  }

  /**
   * Swaps one session (and/or its unread count), O(1): when its place changes, it leaves its
   * old groups and joins the new ones, which moves the group sizes and with them the counters;
   * otherwise its groups only learn that one of their rows changed. Either way only the user's
   * own sessions move the red counter. Nothing of the previous session is read: its place and
   * unread count are in its row.
   */
  #replace(id: Id, row: number, nextSession: Session | undefined, nextUnread: number): void {
    const viewer = this.viewer;
    if (!viewer) return;
    const table = this.#table;
    const lists = this.lists;
    if (row >= 0 && nextSession) {
      const place = table.place(row);
      const next = this.#placeOf(viewer, nextSession);
      const unread = table.unread(row);
      table.reset(row, nextSession, nextUnread);
      if (next === place) {
        this.#countUnread(place, nextUnread - unread);
        lists.touch(id, place);
        return;
      }
      this.#countUnread(place, -unread);
      this.#countUnread(next, nextUnread);
      lists.remove(id, place);
      table.setPlace(row, next);
      lists.add(id, next);
    } else if (nextSession) {
      const place = this.#placeOf(viewer, nextSession);
      table.add(nextSession, nextUnread, place);
      lists.add(id, place);
      this.#countUnread(place, nextUnread);
    } else if (row >= 0) {
      const place = table.place(row);
      this.#countUnread(place, -table.unread(row));
      lists.remove(id, place);
      table.delete(id, row);
    } else return;
    this.#countersVersion++;
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /** A visible session. */
  session(id: Id): Session | undefined {
    const row = this.#table.find(id);
    return row < 0 ? undefined : this.#table.materialize(row);
  }

  /** The canned replies the user may use (a new array after each change). */
  get cannedReplies(): readonly CannedReply[] {
    return this.#cannedList;
  }

  /** The availability the user was told of, by user (whoever is missing is online). */
  get presence(): ReadonlyMap<Id, Presence> {
    return this.#presenceMap;
  }

  /** The user's activity stream, newest first (see `addActivity`: a burst is merged in once). */
  get activity(): readonly ActivityEntry[] {
    this.#mergeActivity();
    return this.#activityList;
  }

  #mergeActivity(): void {
    if (this.#newActivity.length === 0) return;
    this.#activityList = addActivity(this.#activityList, this.#newActivity, this.#activityLimit);
    this.#newActivity.length = 0;
  }

  /** The status of a visible session (read from its shape: builds nothing). */
  statusOf(id: Id): Session['status'] | undefined {
    const row = this.#table.find(id);
    return row < 0 ? undefined : this.#table.place(row).status;
  }

  /** The user's unread count of a visible session (`undefined` when it is not visible). */
  unreadOf(id: Id): number | undefined {
    const row = this.#table.find(id);
    return row < 0 ? undefined : this.#table.unread(row);
  }

  /** Every visible session. */
  *allSessions(): IterableIterator<Session> {
    for (const row of this.#table.rowNumbers()) yield this.#table.materialize(row);
  }

  get sessionCount(): number {
    return this.#table.size;
  }

  /**
   * A session as lists show it. The view object is cached and only replaced when the session,
   * its unread count or its customer changed, so unchanged rows keep their identity.
   */
  sessionView(id: Id): SessionView | undefined {
    const table = this.#table;
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
    return this.lists.sorted(liveChatId, kind, this.#viewOf) ?? NO_VIEWS;
  }

  readonly #viewOf = (id: Id): SessionView | undefined => this.sessionView(id);

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

  /**
   * The counters, computed from the group sizes: every live chat the user belongs to, and any
   * other whose groups ever had a session (a new object each time).
   */
  get counters(): Counters {
    const lists = this.lists;
    const groups: Counters['groups'] = {};
    let newUnassigned = 0;
    const add = (id: Id): void => {
      if (Object.hasOwn(groups, id)) return;
      const queue = lists.size(id, 'queue');
      newUnassigned += queue;
      setOwnValue(groups, id, {
        queue,
        mine: lists.size(id, 'mine'),
        closed: lists.size(id, 'closed'),
        active: lists.size(id, 'active'),
      });
    };
    for (const chat of this.accessibleLiveChats) add(chat.id);
    for (const id of lists.liveChatIds()) add(id);
    return { unreadInMySessions: this.#unreadInMine, newUnassigned, groups };
  }

  /** The counters as a shared read-only object, replaced only when a figure changed. */
  countersView(): Counters {
    if (this.#countersCopyVersion !== this.#countersVersion) {
      this.#countersCopyVersion = this.#countersVersion;
      const counters = this.counters;
      if (!sameCounters(counters, this.#countersCopy)) this.#countersCopy = counters;
    }
    return this.#countersCopy;
  }
}
