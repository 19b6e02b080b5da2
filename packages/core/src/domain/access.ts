import type {
  ActivityEntry,
  AssigneeTarget,
  Id,
  LiveChat,
  OperatorGroup,
  Session,
} from './types.js';

/**
 * What the signed-in user is, seen from the rules: which live chats they operate or supervise
 * and which operator groups they belong to. Built once from the directory with {@link viewerFor}.
 */
export interface Viewer {
  userId: Id;
  /** Live chats where the user is an operator. */
  operatorOf: ReadonlySet<Id>;
  /** Live chats where the user is a supervisor. */
  supervisorOf: ReadonlySet<Id>;
  /** Operator groups the user is a member of. */
  groupIds: ReadonlySet<Id>;
}

/** Builds the {@link Viewer} of `userId` from the live chats and groups. */
export function viewerFor(
  userId: Id,
  liveChats: Iterable<LiveChat>,
  groups: Iterable<OperatorGroup>,
): Viewer {
  const operatorOf = new Set<Id>();
  const supervisorOf = new Set<Id>();
  const groupIds = new Set<Id>();
  for (const chat of liveChats) {
    if (chat.operatorIds.includes(userId)) operatorOf.add(chat.id);
    if (chat.supervisorIds.includes(userId)) supervisorOf.add(chat.id);
  }
  for (const group of groups) if (group.memberIds.includes(userId)) groupIds.add(group.id);
  return { userId, operatorOf, supervisorOf, groupIds };
}

/** The session groups of the left menu. `active` exists only for supervisors. */
export type SessionGroupKind = 'queue' | 'mine' | 'closed' | 'active';

/** Every menu group of a live chat, in the order the navigation lists them (Active is for supervisors only). */
export const SESSION_GROUP_KINDS: readonly SessionGroupKind[] = [
  'active',
  'closed',
  'queue',
  'mine',
];

/** Whether the user belongs to the live chat at all (operator or supervisor). */
export function isMemberOf(viewer: Viewer, liveChatId: Id): boolean {
  return viewer.operatorOf.has(liveChatId) || viewer.supervisorOf.has(liveChatId);
}

/** The live chats the user operates or supervises. */
export function memberLiveChats(viewer: Viewer): ReadonlySet<Id> {
  if (viewer.supervisorOf.size === 0) return viewer.operatorOf;
  if (viewer.operatorOf.size === 0) return viewer.supervisorOf;
  return new Set([...viewer.operatorOf, ...viewer.supervisorOf]);
}

/** Whether the user is staff: an operator or supervisor of at least one live chat. */
export function isStaff(viewer: Viewer): boolean {
  return viewer.operatorOf.size > 0 || viewer.supervisorOf.size > 0;
}

/**
 * The users a user may see in the directory (least privilege): themselves, the operators,
 * supervisors and reassignment targets of their live chats, the members of those live chats'
 * groups, and whoever the sessions and activity entries they see name (assignees, last operators,
 * actors). Staff of other live chats and internal users stay out of their snapshot.
 */
export function visibleUserIds(
  viewer: Viewer,
  liveChats: Iterable<LiveChat>,
  groups: Iterable<OperatorGroup>,
  sessions: Iterable<Session>,
  activity: Iterable<ActivityEntry>,
): Set<Id> {
  const ids = new Set<Id>([viewer.userId]);
  const addTarget = (target: AssigneeTarget | null | undefined) => {
    if (target?.kind === 'operator') ids.add(target.operatorId);
  };
  for (const chat of liveChats) {
    for (const id of chat.operatorIds) ids.add(id);
    for (const id of chat.supervisorIds) ids.add(id);
    for (const target of chat.reassignmentTargets) addTarget(target);
  }
  for (const group of groups) for (const id of group.memberIds) ids.add(id);
  for (const session of sessions) {
    addTarget(session.assignee);
    if (session.lastOperatorId !== null) ids.add(session.lastOperatorId);
  }
  for (const entry of activity) {
    ids.add(entry.actorId);
    addTarget(entry.target);
  }
  return ids;
}

/** Whether the user supervises the live chat. */
export function isSupervisorOf(viewer: Viewer, liveChatId: Id): boolean {
  return viewer.supervisorOf.has(liveChatId);
}

/**
 * Whether the user sees a menu group of a live chat: Queue, My sessions and Closed in live
 * chats they belong to, Active only in those they supervise.
 */
export function canSeeGroup(viewer: Viewer, liveChatId: Id, kind: SessionGroupKind): boolean {
  if (!isMemberOf(viewer, liveChatId)) return false;
  return kind !== 'active' || isSupervisorOf(viewer, liveChatId);
}

/** The menu groups of a live chat the user sees, in menu order (see {@link canSeeGroup}). */
export function visibleGroups(viewer: Viewer, liveChatId: Id): SessionGroupKind[] {
  return SESSION_GROUP_KINDS.filter((kind) => canSeeGroup(viewer, liveChatId, kind));
}

/**
 * Whether a queued session waits for this user: unassigned in a live chat they belong to, or
 * queued for one of their groups. Supervisors see every queued session of their live chats.
 */
export function isInQueueOf(viewer: Viewer, session: Session): boolean {
  if (session.status !== 'queued') return false;
  if (isSupervisorOf(viewer, session.liveChatId)) return true;
  if (!viewer.operatorOf.has(session.liveChatId)) return false;
  const assignee = session.assignee;
  if (assignee === null) return true;
  return assignee.kind === 'group' && viewer.groupIds.has(assignee.groupId);
}

/** Whether the session is open and assigned to this user. */
export function isAssignedTo(viewer: Viewer, session: Session): boolean {
  return (
    session.status === 'active' &&
    session.assignee?.kind === 'operator' &&
    session.assignee.operatorId === viewer.userId
  );
}

/**
 * One bit per menu group, for {@link groupBitsOf}: a set of groups as a small integer.
 */
export const GROUP_BITS: Readonly<Record<SessionGroupKind, number>> = {
  queue: 1,
  mine: 2,
  closed: 4,
  active: 8,
};

/** The order {@link groupsOf} lists a session's groups in. */
const GROUPS_OF_ORDER: readonly SessionGroupKind[] = ['queue', 'mine', 'closed', 'active'];

/**
 * The groups of the left menu a session appears in, for this user, as {@link GROUP_BITS}:
 * - `queue`: {@link isInQueueOf};
 * - `mine`: active and assigned to the user;
 * - `closed`: closed sessions of the user's live chats;
 * - `active` (supervisors only): every active session of the live chats they supervise.
 * The same as {@link groupsOf} without building a list (the client asks once per event).
 */
export function groupBitsOf(viewer: Viewer, session: Session): number {
  let bits = 0;
  if (isInQueueOf(viewer, session)) bits |= GROUP_BITS.queue;
  if (isAssignedTo(viewer, session)) bits |= GROUP_BITS.mine;
  if (session.status === 'closed' && isMemberOf(viewer, session.liveChatId))
    bits |= GROUP_BITS.closed;
  if (session.status === 'active' && isSupervisorOf(viewer, session.liveChatId))
    bits |= GROUP_BITS.active;
  return bits;
}

/** The groups of the left menu a session appears in, for this user (see {@link groupBitsOf}). */
export function groupsOf(viewer: Viewer, session: Session): SessionGroupKind[] {
  const bits = groupBitsOf(viewer, session);
  return bits === 0 ? [] : GROUPS_OF_ORDER.filter((kind) => (bits & GROUP_BITS[kind]) !== 0);
}

/**
 * Whether the user may see the session at all. Supervisors see every session of their live
 * chats; operators see their queue, their own sessions and the closed sessions.
 */
export function canView(viewer: Viewer, session: Session): boolean {
  if (isSupervisorOf(viewer, session.liveChatId)) return true;
  if (!viewer.operatorOf.has(session.liveChatId)) return false;
  return (
    session.status === 'closed' || isInQueueOf(viewer, session) || isAssignedTo(viewer, session)
  );
}

/**
 * Whether the user may act on the session (reply, close, reassign, rename, bind): it is assigned
 * to them, waits in their queue, or they supervise its live chat.
 */
export function canActOn(viewer: Viewer, session: Session): boolean {
  if (isSupervisorOf(viewer, session.liveChatId)) return true;
  return isAssignedTo(viewer, session) || isInQueueOf(viewer, session);
}

/** The "New" mark: the session waits in a queue, no operator has it. */
export function isNew(session: Session): boolean {
  return session.status === 'queued';
}

/** Whether two reassignment targets name the same operator or group. */
export function sameTarget(a: AssigneeTarget, b: AssigneeTarget | null): boolean {
  if (b === null || a.kind !== b.kind) return false;
  return a.kind === 'operator'
    ? a.operatorId === (b as typeof a).operatorId
    : a.groupId === (b as typeof a).groupId;
}

/**
 * Where a session may be reassigned: the live chat's reassignment targets, less its current
 * assignee (reassigning there changes nothing and is refused).
 */
export function reassignmentTargets(chat: LiveChat, session: Session): AssigneeTarget[] {
  return chat.reassignmentTargets.filter((target) => !sameTarget(target, session.assignee));
}
