import {
  groupsOf,
  isAssignedTo,
  isInQueueOf,
  type SessionGroupKind,
  type Viewer,
} from './access.js';
import { ownValue, setOwnValue } from './records.js';
import type { Id, Session } from './types.js';

/** Sizes of one live chat's groups in the left menu. */
export interface GroupSizes {
  queue: number;
  mine: number;
  closed: number;
  /** Supervisors only; always 0 for operators. */
  active: number;
}

/**
 * The workspace's counters for one user.
 *
 * - `unreadInMySessions` (red): unread customer messages in open sessions assigned to the user.
 * - `newUnassigned` (blue): sessions waiting in the user's queues (unassigned in their live
 *   chats, or queued for their groups).
 * - `groups`: per live chat, the sizes of Queue, My sessions, Closed and Active.
 *
 * Per-session unread counts live beside the sessions (see the client store); the New mark is
 * {@link isNew}.
 */
export interface Counters {
  unreadInMySessions: number;
  newUnassigned: number;
  groups: Record<Id, GroupSizes>;
}

/** Counters with every figure at zero. */
export function emptyCounters(): Counters {
  return { unreadInMySessions: 0, newUnassigned: 0, groups: {} };
}

function groupSizes(counters: Counters, liveChatId: Id): GroupSizes {
  let sizes = ownValue(counters.groups, liveChatId);
  if (!sizes) {
    sizes = { queue: 0, mine: 0, closed: 0, active: 0 };
    setOwnValue(counters.groups, liveChatId, sizes);
  }
  return sizes;
}

/**
 * Adds (`sign = 1`) or removes (`sign = -1`) one session's share of the counters, in place.
 * Counters are the sum of every session's share, so replacing a session is "remove the old
 * share, add the new one": O(1) per event, and always equal to {@link computeCounters}.
 */
export function applyShare(
  counters: Counters,
  viewer: Viewer,
  session: Session,
  unread: number,
  sign: 1 | -1,
): void {
  if (isAssignedTo(viewer, session)) counters.unreadInMySessions += sign * unread;
  if (isInQueueOf(viewer, session)) counters.newUnassigned += sign;
  const kinds: SessionGroupKind[] = groupsOf(viewer, session);
  if (kinds.length === 0) return;
  const sizes = groupSizes(counters, session.liveChatId);
  for (const kind of kinds) sizes[kind] += sign;
}

/** Recomputes the counters from scratch: the reference the incremental counters must equal. */
export function computeCounters(
  viewer: Viewer,
  sessions: Iterable<Session>,
  unreadOf: (sessionId: Id) => number,
  liveChatIds: Iterable<Id> = [],
): Counters {
  const counters = emptyCounters();
  for (const id of liveChatIds) groupSizes(counters, id);
  for (const session of sessions) applyShare(counters, viewer, session, unreadOf(session.id), 1);
  return counters;
}

/** A deep copy, safe to hand out while the original keeps changing. */
export function copyCounters(counters: Counters): Counters {
  const groups: Record<Id, GroupSizes> = {};
  for (const [id, sizes] of Object.entries(counters.groups)) setOwnValue(groups, id, { ...sizes });
  return {
    unreadInMySessions: counters.unreadInMySessions,
    newUnassigned: counters.newUnassigned,
    groups,
  };
}

/** Whether two counters hold the same figures (live chats with all-zero sizes count as absent). */
export function countersEqual(a: Counters, b: Counters): boolean {
  if (a.unreadInMySessions !== b.unreadInMySessions || a.newUnassigned !== b.newUnassigned)
    return false;
  const ids = new Set([...Object.keys(a.groups), ...Object.keys(b.groups)]);
  const zero: GroupSizes = { queue: 0, mine: 0, closed: 0, active: 0 };
  for (const id of ids) {
    const x = ownValue(a.groups, id) ?? zero;
    const y = ownValue(b.groups, id) ?? zero;
    if (x.queue !== y.queue || x.mine !== y.mine || x.closed !== y.closed || x.active !== y.active)
      return false;
  }
  return true;
}
