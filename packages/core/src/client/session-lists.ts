import type { SessionGroupKind } from '../domain/access.js';
import type { Id } from '../domain/types.js';
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
 * so the next list is patched (each changed row taken out and put back by binary search)
 * instead of sorted again: O(changes × log n) comparisons plus one array copy, which keeps a
 * watched queue of thousands of sessions cheap under a stream of events.
 */
export interface GroupBucket {
  /** Number of members. */
  size: number;
  version: number;
  /** The last sorted list, or null when nobody asked for it yet. */
  sorted: readonly SessionView[] | null;
  sortedVersion: number;
  /** The view each member has in `sorted` (to find it again by binary search). */
  readonly placed: Map<Id, SessionView>;
  /** Members that joined, left or changed since `sorted` was built. */
  readonly dirty: Set<Id>;
  /** Too much changed (or everything did): sort from scratch next time. */
  full: boolean;
}

type Buckets = Record<SessionGroupKind, GroupBucket>;

/** The groups one session is in. */
export interface GroupPlace {
  readonly first: GroupBucket | null;
  readonly second: GroupBucket | null;
  readonly more: readonly GroupBucket[] | null;
}

const NOWHERE: GroupPlace = Object.freeze({ first: null, second: null, more: null });

function forEachBucket(place: GroupPlace, run: (bucket: GroupBucket) => void): void {
  if (place.first) run(place.first);
  if (place.second) run(place.second);
  if (place.more) for (const bucket of place.more) run(bucket);
}

/** Where the members of a bucket are recorded (the session table). */
export interface Membership {
  /** The ids of a bucket's members, in any order. */
  members(bucket: GroupBucket): Iterable<Id>;
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
});

function markDirty(bucket: GroupBucket, sessionId: Id): void {
  bucket.version++;
  if (bucket.full || bucket.sorted === null) return;
  bucket.dirty.add(sessionId);
  // Past a sixteenth of the list, sorting again is cheaper than patching.
  if (bucket.dirty.size * 16 > bucket.size + 16) {
    bucket.full = true;
    bucket.dirty.clear();
  }
}

/** The session lists: one bucket per (live chat, group kind). */
export class GroupIndex {
  private readonly byLiveChat = new Map<Id, Buckets>();

  constructor(private readonly membership: Membership) {}

  /** The bucket of a group, if it ever had a member. */
  get(liveChatId: Id, kind: SessionGroupKind): GroupBucket | undefined {
    return this.byLiveChat.get(liveChatId)?.[kind];
  }

  size(liveChatId: Id, kind: SessionGroupKind): number {
    return this.get(liveChatId, kind)?.size ?? 0;
  }

  private buckets(liveChatId: Id): Buckets {
    let buckets = this.byLiveChat.get(liveChatId);
    if (!buckets) {
      buckets = { queue: newBucket(), mine: newBucket(), closed: newBucket(), active: newBucket() };
      this.byLiveChat.set(liveChatId, buckets);
    }
    return buckets;
  }

  /**
   * Where a session's groups are, to keep beside the session: a session is in at most two
   * groups today (e.g. My sessions and a supervisor's Active), held in two fields so that
   * touching them per event reads no extra array; `more` holds any beyond two.
   */
  placeOf(liveChatId: Id, kinds: readonly SessionGroupKind[]): GroupPlace {
    if (kinds.length === 0) return NOWHERE;
    const buckets = this.buckets(liveChatId);
    return {
      first: buckets[kinds[0]],
      second: kinds.length > 1 ? buckets[kinds[1]] : null,
      more: kinds.length > 2 ? kinds.slice(2).map((kind) => buckets[kind]) : null,
    };
  }

  /** Counts a session into the groups it now is in (its place is recorded in the table). */
  add(sessionId: Id, place: GroupPlace): void {
    forEachBucket(place, (bucket) => {
      bucket.size++;
      markDirty(bucket, sessionId);
    });
  }

  /** Counts a session out of the groups it was in. */
  remove(sessionId: Id, place: GroupPlace): void {
    forEachBucket(place, (bucket) => {
      bucket.size--;
      markDirty(bucket, sessionId);
    });
  }

  /** Marks a session's groups changed when it changed in place (its row shows something new). */
  touch(
    sessionId: Id,
    first: GroupBucket | null,
    second: GroupBucket | null,
    more: readonly GroupBucket[] | null,
  ): void {
    if (first) markDirty(first, sessionId);
    if (second) markDirty(second, sessionId);
    if (more) for (const bucket of more) markDirty(bucket, sessionId);
  }

  /** Marks every group changed (e.g. a customer's name changed, which every list shows). */
  touchAll(): void {
    for (const buckets of this.byLiveChat.values()) {
      for (const bucket of Object.values(buckets)) {
        bucket.version++;
        bucket.full = true;
        bucket.dirty.clear();
      }
    }
  }

  clear(): void {
    this.byLiveChat.clear();
  }

  /** Every (live chat, kind, member ids), for tests and checks (scans the members). */
  *entries(): IterableIterator<[Id, SessionGroupKind, ReadonlySet<Id>]> {
    for (const [liveChatId, buckets] of this.byLiveChat) {
      for (const kind of Object.keys(buckets) as SessionGroupKind[])
        yield [liveChatId, kind, new Set(this.membership.members(buckets[kind]))];
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
    return bucket && sortedViews(bucket, kind, viewOf, this.membership);
  }
}

const byId = (a: SessionView, b: SessionView): number =>
  a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0;

/** Queue order: the oldest `queuedAt` first (ties by id, so the order is total and deterministic). */
export function compareQueued(a: SessionView, b: SessionView): number {
  const x = a.session.queuedAt ?? a.session.lastMessageAt;
  const y = b.session.queuedAt ?? b.session.lastMessageAt;
  return x - y || byId(a, b);
}

/** Other lists: the newest activity first (ties by id). */
export function compareRecent(a: SessionView, b: SessionView): number {
  return b.session.lastMessageAt - a.session.lastMessageAt || byId(a, b);
}

/** The comparator of a menu group. */
export function comparatorOf(kind: SessionGroupKind): (a: SessionView, b: SessionView) => number {
  return kind === 'queue' ? compareQueued : compareRecent;
}

/** First index whose element does not sort before `view`. */
function lowerBound(
  list: readonly SessionView[],
  view: SessionView,
  compare: (a: SessionView, b: SessionView) => number,
): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle], view) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function sortFromScratch(
  bucket: GroupBucket,
  compare: (a: SessionView, b: SessionView) => number,
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
  return views.sort(compare);
}

function patch(
  bucket: GroupBucket,
  previous: readonly SessionView[],
  compare: (a: SessionView, b: SessionView) => number,
  viewOf: (id: Id) => SessionView | undefined,
  membership: Membership,
): readonly SessionView[] | null {
  // Rows whose view object did not change stay where they are.
  const changed: Id[] = [];
  for (const id of bucket.dirty) {
    const view = membership.has(bucket, id) ? viewOf(id) : undefined;
    if (view !== bucket.placed.get(id)) changed.push(id);
  }
  if (changed.length === 0) return previous;
  const next = previous.slice();
  for (const id of changed) {
    const old = bucket.placed.get(id);
    if (old) {
      const at = lowerBound(next, old, compare);
      if (next[at] !== old) return null; // not where it should be: give up, sort from scratch
      next.splice(at, 1);
      bucket.placed.delete(id);
    }
    const view = membership.has(bucket, id) ? viewOf(id) : undefined;
    if (!view) continue;
    next.splice(lowerBound(next, view, compare), 0, view);
    bucket.placed.set(id, view);
  }
  return next;
}

function sortedViews(
  bucket: GroupBucket,
  kind: SessionGroupKind,
  viewOf: (id: Id) => SessionView | undefined,
  membership: Membership,
): readonly SessionView[] {
  if (bucket.sorted && bucket.sortedVersion === bucket.version) return bucket.sorted;
  const compare = comparatorOf(kind);
  const previous = bucket.sorted;
  const patched =
    previous && !bucket.full ? patch(bucket, previous, compare, viewOf, membership) : null;
  bucket.dirty.clear();
  bucket.full = false;
  bucket.sortedVersion = bucket.version;
  if (patched) {
    bucket.sorted = patched;
  } else {
    const views = sortFromScratch(bucket, compare, viewOf, membership);
    bucket.sorted =
      previous && previous.length === views.length && previous.every((view, i) => view === views[i])
        ? previous
        : views;
  }
  return bucket.sorted;
}
