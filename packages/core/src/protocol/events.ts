import type { CannedReply } from '../domain/canned.js';
import type {
  ActivityEntry,
  Alert,
  Customer,
  Directory,
  Id,
  Message,
  Presence,
  Session,
  User,
} from '../domain/types.js';

/** Why a session changed, for UIs that tell the user. */
export type SessionChangeCause =
  | 'created'
  | 'taken'
  | 'reassigned'
  | 'returned'
  | 'closed'
  | 'reopened'
  | 'renamed'
  | 'bound'
  | 'tagged'
  | 'prioritised'
  | 'message';

interface EventBase {
  /** Strictly increasing on one user's stream; a gap means "resync from a snapshot". */
  seq: number;
}

/** A session became visible to the user or changed. Carries the user's unread count for it. */
export interface SessionUpsertedEvent extends EventBase {
  type: 'session.upserted';
  session: Session;
  unread: number;
  cause: SessionChangeCause;
}
/** A session is no longer visible to the user (e.g. another operator took it). */
export interface SessionRemovedEvent extends EventBase {
  type: 'session.removed';
  sessionId: Id;
}
/**
 * A message was added to a session visible to the user: one event for the whole fact. `session`
 * is the session after the message, as the user now sees it (a first message makes it appear,
 * a reply can take it, a customer writing again reopens it), so no separate
 * `session.upserted` is needed; `unread` is the user's count after it.
 */
export interface MessageAddedEvent extends EventBase {
  type: 'message.added';
  message: Message;
  /**
   * The session after the message. Backends send it (the conformance suite checks it); a
   * client given none only moves the last-message fields of a session it already knows.
   */
  session?: Session;
  unread: number;
}
/**
 * A message already added changed in place (today: its `channelDelivery`). Clients replace the
 * message with the same id if they hold it, and ignore the event otherwise; it changes no
 * session, unread count or order.
 */
export interface MessageUpdatedEvent extends EventBase {
  type: 'message.updated';
  message: Message;
}
/** The user's unread count of a session changed (they read it, on any device). */
export interface SessionReadEvent extends EventBase {
  type: 'session.read';
  sessionId: Id;
  unread: number;
}
/** An incoming customer message, or a note mentioning the user, alerts them (see {@link Alert}). */
export interface AlertEvent extends EventBase {
  type: 'alert';
  alert: Alert;
}
/** An entry for the user's activity stream. */
export interface ActivityAddedEvent extends EventBase {
  type: 'activity.added';
  entry: ActivityEntry;
}
/** A customer was added or changed. */
export interface CustomerUpsertedEvent extends EventBase {
  type: 'customer.upserted';
  customer: Customer;
}

/**
 * A staff member's availability changed: sent to them and to the supervisors of the live chats
 * they operate.
 */
export interface PresenceChangedEvent extends EventBase {
  type: 'presence.changed';
  presence: Presence;
}

/** A canned reply the user may use was created or changed. */
export interface CannedUpsertedEvent extends EventBase {
  type: 'canned.upserted';
  reply: CannedReply;
}
/** A canned reply the user could use was deleted. */
export interface CannedRemovedEvent extends EventBase {
  type: 'canned.removed';
  replyId: Id;
}

/** Every fact a backend reports, as a JSON-serialisable discriminated union. */
export type ServerEvent =
  | SessionUpsertedEvent
  | SessionRemovedEvent
  | MessageAddedEvent
  | MessageUpdatedEvent
  | SessionReadEvent
  | AlertEvent
  | ActivityAddedEvent
  | CustomerUpsertedEvent
  | PresenceChangedEvent
  | CannedUpsertedEvent
  | CannedRemovedEvent;

/** The `type` of every server event, e.g. `'message.added'`. */
export type ServerEventType = ServerEvent['type'];

/**
 * Everything a user sees, at one point of their stream: the recovery point. Applying
 * `events(snapshot.seq)` to it reproduces the live state.
 */
export interface Snapshot extends Directory {
  /** The seq of the last event included; the stream continues at `seq + 1`. */
  seq: number;
  me: User;
  /** Sessions visible to the user. */
  sessions: Session[];
  /** The user's unread count per visible session (absent means 0). */
  unread: Record<Id, number>;
  /** The newest activity entries, newest first. */
  activity: ActivityEntry[];
  /**
   * The availability of the user and, for a supervisor, of the operators of their live chats:
   * those who set one (everyone else is `online`). Absent from backends that predate it.
   */
  presence?: Presence[];
  /** The canned replies the user may use: their live chats' and their own (absent from older backends). */
  cannedReplies?: CannedReply[];
}
