import { GROUP_BITS, type SessionGroupKind } from '../domain/access.js';
import type { Id, Session, SessionStatus } from '../domain/types.js';
import type { SessionView } from './views.js';

/**
 * One menu group of one live chat (Queue, My sessions, Closed, Active), kept incrementally.
 * Which sessions are members is recorded beside each session (see {@link Membership}: the
 * session table holds the buckets a session is in), so joining or leaving a group is a field
 * write and a size change, not a hash-set operation. `version` moves whenever a member joins,
 * leaves or changes, so the sorted list is rebuilt on demand, only for groups that changed, and
 * at most once per change.
 *
 * Once a list has been sorted, the bucket also remembers which members changed since (`dirty`),
 * so the next list is patched (each changed row taken out and put back by binary search over
 * the rows' sort keys) instead of sorted again: O(changes × log n) comparisons plus one copy of
 * the list, which keeps a watched queue of thousands of sessions cheap under a stream of events.
 * Nothing here scans the whole session table while the list is read now and then: only a list
 * nobody read while more than twice its size changed is sorted again from a scan of the table.
 */
export interface GroupBucket {
  /** Number of members. */
  size: number;
  version: number;
  /** The last sorted list (and its rows' sort keys), or null when nobody asked for it yet. */
  sorted: SortedRows | null;
  sortedVersion: number;
  /** The view each member has in `sorted` (to find it again by binary search). */
  readonly placed: Map<Id, SessionView>;
  /** Members that joined, left or changed since `sorted` was built. */
  readonly dirty: Set<Id>;
  /** Nobody asked yet, or too much changed unread: sort from scratch (a table scan) next time. */
  full: boolean;
  /** The key column of the list before `sorted`, reused for the next patch (nothing reads it). */
  spareKeys: number[];
}

type Buckets = Record<SessionGroupKind, GroupBucket>;

/**
 * Where one session stands: its status and the groups it is in. Places are interned (one per
 * live chat, set of groups and status) and numbered in a {@link PlaceTable}, so a session's
 * row keeps a small number, placing a session allocates nothing, and an event can tell the
 * session's status and groups without reading the session.
 */
export class GroupPlace {
  constructor(
    /** Its number in the {@link PlaceTable}. */
    readonly index: number,
    readonly status: SessionStatus,
    /** The buckets of the groups. */
    readonly buckets: readonly GroupBucket[],
    /** Whether one of them is My sessions: the session's unread count is part of the red counter. */
    readonly mine: boolean,
  ) {}
}

const STATUSES: readonly SessionStatus[] = ['queued', 'active', 'closed'];

/** Every place in use, by number: shared by the {@link GroupIndex} and the session table. */
export type PlaceTable = GroupPlace[];

/** A place table holding the places in no group (one per status), which every live chat shares. */
export const newPlaceTable = (): PlaceTable =>
  STATUSES.map((status, index) => new GroupPlace(index, status, [], false));

/** Where the members of a bucket are recorded (the session table). */
export interface Membership {
  /** The ids of a bucket's members, in any order. */
  members(bucket: GroupBucket): Id[];
  /** Whether a session is a member of a bucket. */
  has(bucket: GroupBucket, id: Id): boolean;
}

const newBucket = (): GroupBucket => ({
  size: 0,
  version: 0,
  sorted: null,
  sortedVersion: -1,
  placed: new Map(),
  dirty: new Set(),
  full: true,
  spareKeys: [],
});

function markDirty(bucket: GroupBucket, sessionId: Id): void {
  bucket.version++;
  if (bucket.full || bucket.sorted === null) return;
  bucket.dirty.add(sessionId);
  // A list nobody reads any more stops recording changes, so the set stays bounded.
  if (bucket.dirty.size > 2 * bucket.size + 64) {
    bucket.full = true;
    bucket.dirty.clear();
  }
}

/** One live chat's buckets, and its places by set of groups (a bit per kind) and status. */
interface LiveChatGroups {
  readonly buckets: Buckets;
  readonly places: (GroupPlace | undefined)[];
}

const KIND_COMBINATIONS = 16;
const KINDS: readonly SessionGroupKind[] = ['queue', 'mine', 'closed', 'active'];

/** The session lists: one bucket per (live chat, group kind). */
export class GroupIndex {
  readonly #byLiveChat = new Map<Id, LiveChatGroups>();

  readonly #membership: Membership;
  readonly #places: PlaceTable;

  constructor(membership: Membership, places: PlaceTable) {
    this.#membership = membership;
    this.#places = places;
  }

  /** The bucket of a group, if it ever had a member. */
  get(liveChatId: Id, kind: SessionGroupKind): GroupBucket | undefined {
    return this.#byLiveChat.get(liveChatId)?.buckets[kind];
  }

  size(liveChatId: Id, kind: SessionGroupKind): number {
    return this.get(liveChatId, kind)?.size ?? 0;
  }

  /** The live chats whose groups ever had a member. */
  liveChatIds(): IterableIterator<Id> {
    return this.#byLiveChat.keys();
  }

  #groups(liveChatId: Id): LiveChatGroups {
    let groups = this.#byLiveChat.get(liveChatId);
    if (!groups) {
      const buckets = {
        queue: newBucket(),
        mine: newBucket(),
        closed: newBucket(),
        active: newBucket(),
      };
      groups = { buckets, places: [] };
      this.#byLiveChat.set(liveChatId, groups);
    }
    return groups;
  }

  /**
   * The (interned) place of a session of `liveChatId` in the groups `bits` (core `groupBitsOf`)
   * with `status`.
   */
  placeOf(liveChatId: Id, bits: number, status: SessionStatus): GroupPlace {
    const statusIndex = status === 'queued' ? 0 : status === 'active' ? 1 : 2;
    if (bits === 0) return this.#places[statusIndex] as GroupPlace;
    const groups = this.#groups(liveChatId);
    const key = statusIndex * KIND_COMBINATIONS + bits;
    let place = groups.places[key];
    if (!place) {
      place = new GroupPlace(
        this.#places.length,
        status,
        KINDS.filter((kind) => (bits & GROUP_BITS[kind]) !== 0).map((kind) => groups.buckets[kind]),
        (bits & GROUP_BITS.mine) !== 0,
      );
      groups.places[key] = place;
      this.#places.push(place);
    }
    return place;
  }

  /** Counts a session into the groups it now is in (its place is recorded in the table). */
  add(sessionId: Id, place: GroupPlace): void {
    for (const bucket of place.buckets) {
      bucket.size++;
      markDirty(bucket, sessionId);
    }
  }

  /** Counts a session out of the groups it was in. */
  remove(sessionId: Id, place: GroupPlace): void {
    for (const bucket of place.buckets) {
      bucket.size--;
      markDirty(bucket, sessionId);
    }
  }

  /** Marks a session's groups changed when it changed in place (its row shows something new). */
  touch(sessionId: Id, place: GroupPlace): void {
    for (const bucket of place.buckets) markDirty(bucket, sessionId);
  }

  clear(): void {
    this.#byLiveChat.clear();
    this.#places.length = STATUSES.length;
  }

  /** Every (live chat, kind, member ids), for tests and checks (scans the members). */
  *entries(): IterableIterator<[Id, SessionGroupKind, ReadonlySet<Id>]> {
    for (const [liveChatId, { buckets }] of this.#byLiveChat) {
      for (const kind of Object.keys(buckets) as SessionGroupKind[])
        yield [liveChatId, kind, new Set(this.#membership.members(buckets[kind]))];
    }
  }

  /**
   * The sorted rows of one group: the cached list when nothing changed, a patched copy when a
   * few rows changed, a fresh sort otherwise. An unchanged result keeps the previous array, and
   * rows of unchanged sessions keep their view objects (lit's `repeat` reuses their DOM).
   */
  sorted(
    liveChatId: Id,
    kind: SessionGroupKind,
    viewOf: (id: Id) => SessionView | undefined,
  ): readonly SessionView[] | undefined {
    const bucket = this.get(liveChatId, kind);
    return bucket && sortedViews(bucket, kind, viewOf, this.#membership);
  }
}

const byId = (a: SessionView, b: SessionView): number =>
  a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0;

/**
 * What an urgent queued session's key is moved by: it sorts before every other (times are far
 * below it), and the result stays an exact integer.
 */
const URGENT_FIRST = 2 ** 52;

/**
 * A row's place in its group's order as one number, smallest first: the queue urgent first,
 * then by `queuedAt` (else the last activity), oldest first; the other groups by the last
 * activity, newest first. Ties are broken by id, so the order is total and deterministic.
 */
function sortKeyOf(kind: SessionGroupKind, session: Session): number {
  if (kind !== 'queue') return -session.lastMessageAt;
  const waiting = session.queuedAt ?? session.lastMessageAt;
  return session.urgent ? waiting - URGENT_FIRST : waiting;
}

type Comparator = (a: SessionView, b: SessionView) => number;

const orderOf =
  (kind: SessionGroupKind): Comparator =>
  (a, b) =>
    sortKeyOf(kind, a.session) - sortKeyOf(kind, b.session) || byId(a, b);

const COMPARATORS: Record<SessionGroupKind, Comparator> = {
  queue: orderOf('queue'),
  mine: orderOf('mine'),
  closed: orderOf('closed'),
  active: orderOf('active'),
};

/** The order of a menu group (see {@link sortKeyOf}). */
export function comparatorOf(kind: SessionGroupKind): Comparator {
  return COMPARATORS[kind];
}

/**
 * A sorted list and the sort key of each of its rows. The keys are a plain array of numbers
 * (V8 stores them unboxed, in the heap): a typed array would allocate its memory outside the
 * heap, once per list per published batch.
 */
interface SortedRows {
  readonly views: readonly SessionView[];
  readonly keys: readonly number[];
}

/**
 * First index whose row does not sort before (`key`, `view`). It reads the key column, a
 * contiguous array, and looks at rows only on a tie: the rows' sessions lie all over the heap.
 */
function lowerBound(rows: SortedRows, key: number, view: SessionView): number {
  let low = 0;
  let high = rows.views.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = rows.keys[middle] as number;
    if (other < key || (other === key && byId(rows.views[middle] as SessionView, view) < 0))
      low = middle + 1;
    else high = middle;
  }
  return low;
}

function keysOf(kind: SessionGroupKind, views: readonly SessionView[]): number[] {
  const keys: number[] = [];
  for (let i = 0; i < views.length; i++)
    keys.push(sortKeyOf(kind, (views[i] as SessionView).session));
  return keys;
}

function sortFromScratch(
  bucket: GroupBucket,
  kind: SessionGroupKind,
  viewOf: (id: Id) => SessionView | undefined,
  membership: Membership,
): SessionView[] {
  const views: SessionView[] = [];
  bucket.placed.clear();
  if (bucket.size === 0) return views;
  for (const id of membership.members(bucket)) {
    const view = viewOf(id);
    if (!view) continue;
    views.push(view);
    bucket.placed.set(id, view);
  }
  return views.sort(comparatorOf(kind));
}

/**
 * The previous rows with the changed ones moved, or null when a row is not where it should be
 * (then the list is sorted from scratch). Each old row is found by binary search and dropped;
 * the new rows are sorted by their keys and each one's place is found by binary search in the
 * previous rows; one pass then copies the rows with those drops and insertions. O(n + k log n)
 * for k changed rows of n, and the binary searches read the key column: at 100,000 sessions,
 * reading the rows' sessions instead costs a cache miss each. The key column is written into
 * the bucket's spare one (the list before the previous one's), so a patch allocates only the
 * new list itself.
 */
function patch(
  bucket: GroupBucket,
  previous: SortedRows,
  kind: SessionGroupKind,
  viewOf: (id: Id) => SessionView | undefined,
  membership: Membership,
): SortedRows | null {
  const dropped: number[] = [];
  const added: SessionView[] = [];
  const addedKeys: number[] = [];
  for (const id of bucket.dirty) {
    const view = membership.has(bucket, id) ? viewOf(id) : undefined;
    const old = bucket.placed.get(id);
    if (view === old) continue; // its row did not change: it stays where it is
    if (old) {
      const at = lowerBound(previous, sortKeyOf(kind, old.session), old);
      if (previous.views[at] !== old) return null;
      dropped.push(at);
      bucket.placed.delete(id);
    }
    if (view) {
      added.push(view);
      addedKeys.push(sortKeyOf(kind, view.session));
      bucket.placed.set(id, view);
    }
  }
  if (dropped.length === 0 && added.length === 0) return previous;
  dropped.sort((x, y) => x - y);
  // The new rows in order, by their keys (ties by id): indices into `added`.
  const order = added.map((_, i) => i);
  order.sort(
    (x, y) =>
      (addedKeys[x] as number) - (addedKeys[y] as number) ||
      byId(added[x] as SessionView, added[y] as SessionView),
  );
  const length = previous.views.length - dropped.length + added.length;
  const views = new Array<SessionView>(length);
  const keys = bucket.spareKeys;
  const oldViews = previous.views;
  const oldKeys = previous.keys;
  let n = 0;
  let drop = 0;
  let add = 0;
  // Where the next new row goes in the previous rows (ascending, since the new rows are sorted).
  let insertAt = add < order.length ? nextInsert(previous, added, addedKeys, order, add) : -1;
  for (let i = 0; i <= oldViews.length; i++) {
    while (insertAt === i) {
      const next = order[add] as number;
      views[n] = added[next] as SessionView;
      keys[n++] = addedKeys[next] as number;
      add++;
      insertAt = add < order.length ? nextInsert(previous, added, addedKeys, order, add) : -1;
    }
    if (i === oldViews.length) break;
    if (drop < dropped.length && dropped[drop] === i) {
      drop++;
      continue;
    }
    views[n] = oldViews[i] as SessionView;
    keys[n++] = oldKeys[i] as number;
  }
  keys.length = n;
  bucket.spareKeys = oldKeys as number[];
  return { views, keys };
}

/** Where the `add`th new row (in `order`) goes among the previous rows. */
function nextInsert(
  previous: SortedRows,
  added: readonly SessionView[],
  addedKeys: readonly number[],
  order: readonly number[],
  add: number,
): number {
  const next = order[add] as number;
  return lowerBound(previous, addedKeys[next] as number, added[next] as SessionView);
}

function sortedViews(
  bucket: GroupBucket,
  kind: SessionGroupKind,
  viewOf: (id: Id) => SessionView | undefined,
  membership: Membership,
): readonly SessionView[] {
  const previous = bucket.sorted;
  if (previous && bucket.sortedVersion === bucket.version) return previous.views;
  const patched =
    previous && !bucket.full ? patch(bucket, previous, kind, viewOf, membership) : null;
  bucket.dirty.clear();
  bucket.full = false;
  bucket.sortedVersion = bucket.version;
  if (patched) {
    bucket.sorted = patched;
  } else {
    const views = sortFromScratch(bucket, kind, viewOf, membership);
    const same =
      previous &&
      previous.views.length === views.length &&
      previous.views.every((view, i) => view === views[i]);
    bucket.sorted = same ? previous : { views, keys: keysOf(kind, views) };
  }
  return bucket.sorted.views;
}
