/**
 * A minimal client-side fold of a user's event stream onto a snapshot, used by the conformance
 * suite to prove that `snapshot + events(seq)` reproduces the live state. It mirrors what the
 * core client store does with events, without any streams.
 */
import {
  ownValue,
  setOwnValue,
  type ActivityEntry,
  type CannedReply,
  type Customer,
  type Id,
  type Presence,
  type ServerEvent,
  type Session,
  type Snapshot,
} from '@live-chat/core';

/** The parts of a user's state that events keep up to date. */
export interface FoldedState {
  /** Seq of the last event applied (or of the snapshot). */
  seq: number;
  sessions: Map<Id, Session>;
  /** Unread count per visible session (zeros included). */
  unread: Map<Id, number>;
  /** Activity entry ids seen, newest last. */
  activity: ActivityEntry[];
  customers: Map<Id, Customer>;
  /** Availability of the users the stream tells of. */
  presence: Map<Id, Presence>;
  /** Canned replies the user may use. */
  cannedReplies: Map<Id, CannedReply>;
  /** Seqs that did not follow the previous one by exactly 1 (empty when the stream is sound). */
  gaps: { expected: number; received: number }[];
}

/** The state a snapshot describes. */
export function stateFromSnapshot(snapshot: Snapshot): FoldedState {
  return {
    seq: snapshot.seq,
    sessions: new Map(snapshot.sessions.map((session) => [session.id, session])),
    unread: new Map(
      snapshot.sessions.map((session) => [session.id, ownValue(snapshot.unread, session.id) ?? 0]),
    ),
    activity: [...snapshot.activity].reverse(),
    customers: new Map(snapshot.customers.map((customer) => [customer.id, customer])),
    presence: new Map((snapshot.presence ?? []).map((presence) => [presence.userId, presence])),
    cannedReplies: new Map((snapshot.cannedReplies ?? []).map((reply) => [reply.id, reply])),
    gaps: [],
  };
}

/** Applies one event, in place. */
export function applyEvent(state: FoldedState, event: ServerEvent): void {
  if (event.seq !== state.seq + 1)
    state.gaps.push({ expected: state.seq + 1, received: event.seq });
  state.seq = event.seq;
  switch (event.type) {
    case 'session.upserted':
      state.sessions.set(event.session.id, event.session);
      state.unread.set(event.session.id, event.unread);
      break;
    case 'session.removed':
      state.sessions.delete(event.sessionId);
      state.unread.delete(event.sessionId);
      break;
    case 'message.added': {
      if (event.session) {
        state.sessions.set(event.session.id, event.session);
        state.unread.set(event.session.id, event.unread);
        break;
      }
      const session = state.sessions.get(event.message.sessionId);
      if (!session) break;
      // Last-message fields only move forward (a backend may or may not also send an upsert).
      if (event.message.order > session.lastMessageOrder) {
        state.sessions.set(session.id, {
          ...session,
          lastMessageAt: Math.max(session.lastMessageAt, event.message.sentAt),
          lastMessageOrder: event.message.order,
        });
      }
      state.unread.set(session.id, event.unread);
      break;
    }
    case 'session.read':
      if (state.sessions.has(event.sessionId)) state.unread.set(event.sessionId, event.unread);
      break;
    case 'activity.added':
      if (!state.activity.some((entry) => entry.id === event.entry.id))
        state.activity.push(event.entry);
      break;
    case 'customer.upserted':
      state.customers.set(event.customer.id, event.customer);
      break;
    case 'presence.changed':
      state.presence.set(event.presence.userId, event.presence);
      break;
    case 'canned.upserted':
      state.cannedReplies.set(event.reply.id, event.reply);
      break;
    case 'canned.removed':
      state.cannedReplies.delete(event.replyId);
      break;
    case 'alert':
      break;
  }
}

/** A snapshot with the events after it applied. */
export function foldEvents(snapshot: Snapshot, events: Iterable<ServerEvent>): FoldedState {
  const state = stateFromSnapshot(snapshot);
  for (const event of events) if (event.seq > snapshot.seq) applyEvent(state, event);
  return state;
}

/** A canonical, comparable form of a user's state (sorted; previews left out, see below). */
export interface ComparableState {
  sessions: Session[];
  unread: Record<Id, number>;
  /** Ids of the newest activity entries, newest first. */
  activityIds: Id[];
  customers: Customer[];
  presence: Presence[];
  cannedReplies: CannedReply[];
}

const byId = <T extends { id: Id }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The comparable form of a folded state. `lastMessagePreview` is left out because a client may
 * derive it from the message text with its own rule; `activityLimit` keeps only the newest
 * entries (snapshots carry a bounded activity list).
 */
export function comparable(state: FoldedState, activityLimit: number): ComparableState {
  const unread: Record<Id, number> = {};
  for (const [id, count] of [...state.unread].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (count > 0) setOwnValue(unread, id, count);
  return {
    sessions: [...state.sessions.values()]
      .map(({ lastMessagePreview: _preview, ...rest }) => rest as Session)
      .sort(byId),
    unread,
    activityIds: [...state.activity]
      .sort((a, b) => b.at - a.at)
      .slice(0, activityLimit)
      .map((entry) => entry.id)
      .sort(),
    customers: [...state.customers.values()].sort(byId),
    presence: [...state.presence.values()].sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    cannedReplies: [...state.cannedReplies.values()].sort(byId),
  };
}
