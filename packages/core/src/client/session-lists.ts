import type { SessionGroupKind } from '../domain/access.js';
import type { Id } from '../domain/types.js';
import type { SessionView } from './types.js';

/**
 * The members of one menu group of one live chat (Queue, My sessions, Closed, Active), kept
 * incrementally. `version` moves whenever a member joins, leaves or changes, so the sorted list
 * is rebuilt on demand, only for groups that changed, and at most once per change.
 */
export interface GroupBucket {
  readonly ids: Set<Id>;
  version: number;
  sorted: readonly SessionView[] | null;
  sortedVersion: number;
}

type Buckets = Record<SessionGroupKind, GroupBucket>;

const newBucket = (): GroupBucket => ({ ids: new Set(), version: 0, sorted: null, sortedVersion: -1 });

/** Per (live chat, group kind) member sets of the session lists. */
export class GroupIndex {
  private readonly byLiveChat = new Map<Id, Buckets>();

  /** The bucket of a group, if it ever had a member. */
  get(liveChatId: Id, kind: SessionGroupKind): GroupBucket | undefined {
    return this.byLiveChat.get(liveChatId)?.[kind];
  }

  size(liveChatId: Id, kind: SessionGroupKind): number {
    return this.get(liveChatId, kind)?.ids.size ?? 0;
  }

  private buckets(liveChatId: Id): Buckets {
    let buckets = this.byLiveChat.get(liveChatId);
    if (!buckets) {
      buckets = { queue: newBucket(), mine: newBucket(), closed: newBucket(), active: newBucket() };
      this.byLiveChat.set(liveChatId, buckets);
    }
    return buckets;
  }

  /** Removes a session from the groups it was in (every one of them changes). */
  remove(sessionId: Id, liveChatId: Id, kinds: readonly SessionGroupKind[]): void {
    if (kinds.length === 0) return;
    const buckets = this.buckets(liveChatId);
    for (const kind of kinds) {
      const bucket = buckets[kind];
      bucket.ids.delete(sessionId);
      bucket.version++;
    }
  }

  /** Adds a session to its groups (or marks them changed when it already is a member). */
  add(sessionId: Id, liveChatId: Id, kinds: readonly SessionGroupKind[]): void {
    if (kinds.length === 0) return;
    const buckets = this.buckets(liveChatId);
    for (const kind of kinds) {
      const bucket = buckets[kind];
      bucket.ids.add(sessionId);
      bucket.version++;
    }
  }

  /** Marks every group changed (e.g. a customer's name changed, which every list shows). */
  touchAll(): void {
    for (const buckets of this.byLiveChat.values()) {
      for (const bucket of Object.values(buckets)) bucket.version++;
    }
  }

  clear(): void {
    this.byLiveChat.clear();
  }

  /** Every (live chat, kind, member ids), for tests and checks. */
  *entries(): IterableIterator<[Id, SessionGroupKind, ReadonlySet<Id>]> {
    for (const [liveChatId, buckets] of this.byLiveChat) {
      for (const kind of Object.keys(buckets) as SessionGroupKind[]) yield [liveChatId, kind, buckets[kind].ids];
    }
  }
}

/** Queue order: the oldest `queuedAt` first (ties by id, so the order is deterministic). */
export function compareQueued(a: SessionView, b: SessionView): number {
  const x = a.session.queuedAt ?? a.session.lastMessageAt;
  const y = b.session.queuedAt ?? b.session.lastMessageAt;
  return x - y || (a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0);
}

/** Other lists: the newest activity first (ties by id). */
export function compareRecent(a: SessionView, b: SessionView): number {
  return (
    b.session.lastMessageAt - a.session.lastMessageAt ||
    (a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0)
  );
}

/** The comparator of a menu group. */
export function comparatorOf(kind: SessionGroupKind): (a: SessionView, b: SessionView) => number {
  return kind === 'queue' ? compareQueued : compareRecent;
}
