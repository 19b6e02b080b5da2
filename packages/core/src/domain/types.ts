/**
 * Domain entities of the operator workspace. Every entity is a plain, JSON-serialisable object
 * referenced by id; collections are normalised by id in the client store and in backends.
 */
import type { Attachment } from './attachments.js';

/** An opaque identifier. */
export type Id = string;

/** Milliseconds since the Unix epoch. */
export type Timestamp = number;

/** A channel a customer can write through. Messenger channels and email allow outbound sessions. */
export type Channel = 'web' | 'telegram' | 'whatsapp' | 'viber' | 'email' | 'internal';

/**
 * Human names of channels, e.g. for default session names ("Olivia Bennett (Telegram)") and
 * icon labels. Brand names, so they are the same in every language.
 */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  web: 'Web',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  viber: 'Viber',
  email: 'Email',
  internal: 'Internal',
};

/** Every {@link Channel}, in the order of {@link CHANNEL_LABELS}. */
export const CHANNELS: readonly Channel[] = Object.freeze(Object.keys(CHANNEL_LABELS) as Channel[]);

/** Whether `value` is one of the known {@link CHANNELS} (an own key, so never `'constructor'`). */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(CHANNEL_LABELS, value);
}

/** The human name of a channel ("Telegram"); an unknown channel is shown as it is. */
export function channelLabel(channel: string): string {
  return isChannel(channel) ? CHANNEL_LABELS[channel] : channel;
}

/** Channels through which an operator may start an outbound session (+New Session). */
export const OUTBOUND_CHANNELS: readonly Channel[] = ['telegram', 'whatsapp', 'viber', 'email'];

/** Role of a workspace user. Internal users are staff who may also write in as customers. */
export type UserRole = 'operator' | 'supervisor' | 'internal';

/** A person who signs in to the workspace (operator or supervisor) or an internal user. */
export interface User {
  id: Id;
  name: string;
  role: UserRole;
  avatarUrl?: string;
  /** Link to the user's profile in the host application. */
  profileUrl?: string;
}

/**
 * Whether a staff member takes new requests: `online` (they do, and are alerted), `away` (at
 * their desk later: no new-request alerts) or `offline`.
 */
export type Availability = 'online' | 'away' | 'offline';

/** Every {@link Availability}, in the order a picker offers them. */
export const AVAILABILITIES: readonly Availability[] = Object.freeze(['online', 'away', 'offline']);

/**
 * A staff member's availability and since when. A user without one is `online`: available
 * unless they (or their idle workspace, or their last connection closing) said otherwise.
 */
export interface Presence {
  userId: Id;
  status: Availability;
  since: Timestamp;
  /** Set by the workspace (idle, connection lost) rather than by the user; it undoes it itself. */
  auto?: boolean;
}

/** A named group of operators of one live chat, e.g. "Accounting Department". */
export interface OperatorGroup {
  id: Id;
  liveChatId: Id;
  name: string;
  memberIds: Id[];
}

/** Who a session is assigned to: one operator, a group of operators, or nobody (`null`). */
export type Assignee = { kind: 'operator'; operatorId: Id } | { kind: 'group'; groupId: Id } | null;

/** A place a session may be reassigned to. */
export type AssigneeTarget = Exclude<Assignee, null>;

/** A live chat: an entry point for customers, connected to channels and staffed by operators. */
export interface LiveChat {
  id: Id;
  name: string;
  /** Channels this live chat is connected to. */
  channels: Channel[];
  operatorIds: Id[];
  supervisorIds: Id[];
  groupIds: Id[];
  /** Operators and groups a session of this live chat may be reassigned to. */
  reassignmentTargets: AssigneeTarget[];
  /** When a closed session's customer writes again, assign it straight back to its last operator. */
  reopenToLastOperator?: boolean;
  /** The labels its sessions may carry (none when absent). */
  tags?: SessionTag[];
  /** When a waiting customer's row turns amber and then red (see {@link DEFAULT_WAITING_THRESHOLDS}). */
  waitingThresholds?: WaitingThresholds;
}

/** A label a live chat offers for its sessions, e.g. "Billing"; sessions carry its `id`. */
export interface SessionTag {
  id: Id;
  label: string;
}

/** How long a customer may wait in the queue before their row warns (amber), then alarms (red). */
export interface WaitingThresholds {
  warnAfterMs: number;
  alarmAfterMs: number;
}

/** The waiting thresholds of a live chat that sets none: amber after 2 minutes, red after 5. */
export const DEFAULT_WAITING_THRESHOLDS: Readonly<WaitingThresholds> = Object.freeze({
  warnAfterMs: 2 * 60_000,
  alarmAfterMs: 5 * 60_000,
});

/** A customer: an internal user of the host system, or an external person writing through a messenger. */
export type Customer =
  | {
      id: Id;
      kind: 'internal';
      userId: Id;
      name: string;
      avatarUrl?: string;
      profileUrl?: string;
    }
  | {
      id: Id;
      kind: 'external';
      name: string;
      avatarUrl?: string;
      /** Account handle in the messenger, e-mail address for email. */
      account: string;
      messenger: Channel;
      /** Whether the host has already added this customer to its customer database. */
      inHostDatabase?: boolean;
    };

/**
 * The directory: who works in which live chat, and who writes to them. A snapshot carries the
 * part a user may see; seed data and configurations provide all of it.
 */
export interface Directory {
  /** Operators, supervisors and internal users. */
  users: User[];
  liveChats: LiveChat[];
  groups: OperatorGroup[];
  customers: Customer[];
}

/** Life-cycle state of a session; see {@link SESSION_TRANSITIONS}. */
export type SessionStatus = 'queued' | 'active' | 'closed';

/** A link between a session (or one of its messages) and a record in the host application. */
export interface Binding {
  binderId: string;
  recordId: string;
  /** Human readable label of the record, shown in the about-session pane. */
  label: string;
  /** Present when the binding registers a single message rather than the session. */
  messageId?: Id;
}

/** One conversation between a customer and a live chat. */
export interface Session {
  id: Id;
  liveChatId: Id;
  customerId: Id;
  /** Editable display name. */
  name: string;
  channel: Channel;
  status: SessionStatus;
  assignee: Assignee;
  /** Time of the first message (or of the outbound start). */
  firstMessageAt: Timestamp;
  /** Time of the most recent message. */
  lastMessageAt: Timestamp;
  /** Short plain-text preview of the last message (untrusted customer text). */
  lastMessagePreview: string;
  /** Server order of the last message, 0 when there is none. */
  lastMessageOrder: number;
  /** Time the session last entered the queue; the oldest queued session is opened first. */
  queuedAt: Timestamp | null;
  /** Last operator the session was assigned to, kept across closes for the reopen policy. */
  lastOperatorId: Id | null;
  bindings: Binding[];
  /** Ids of the live chat's {@link SessionTag}s it carries (none when absent). */
  tags?: Id[];
  /** Marked urgent: it goes before every session that is not, in the queue and the blue counter. */
  urgent?: boolean;
  /** The note left by whoever reassigned it last, for its new assignee (absent when none). */
  handover?: Handover;
}

/** A note that came with a reassignment: shown to the new assignee above the conversation. */
export interface Handover {
  note: string;
  /** Who reassigned the session. */
  fromId: Id;
  at: Timestamp;
}

/** Who wrote a message. */
export type MessageAuthor =
  { kind: 'customer'; customerId: Id } | { kind: 'operator'; userId: Id } | { kind: 'system' };

/** One message of a session. `order` is the server order, strictly increasing within a session. */
export interface Message {
  id: Id;
  sessionId: Id;
  /** Idempotency key chosen by the sending client; a retried send never duplicates. */
  clientMessageId?: string;
  author: MessageAuthor;
  /** Plain text. Customer text is untrusted and must be rendered as text. */
  text: string;
  channel: Channel;
  sentAt: Timestamp;
  order: number;
  /**
   * Delivery to the customer through the channel's outbound webhook, for operator messages in
   * sessions of a channel that has one (absent otherwise). Changes arrive as `message.updated`.
   */
  channelDelivery?: ChannelDelivery;
  /**
   * A private note among staff: shown in the conversation, never sent to the customer, and it
   * neither takes a queued session nor changes the session's last message.
   */
  internal?: true;
  /** Colleagues a note mentions (`@name`): each is alerted. */
  mentions?: Id[];
  /** Files sent with the message (see {@link Attachment}); `text` may then be empty. */
  attachments?: Attachment[];
}

/**
 * Where an operator's message is on its way to the customer's messenger or mailbox: `sent`
 * (handed to the outbound webhook, possibly retrying), `delivered` (the webhook accepted it) or
 * `failed` (given up; `reason` says why).
 */
export interface ChannelDelivery {
  state: 'sent' | 'delivered' | 'failed';
  /** When the state was reached. */
  at: Timestamp;
  /** Attempts made so far. */
  attempts: number;
  /** Why the last attempt failed (for `failed`, and for `sent` while retrying). */
  reason?: string;
}

/** What an activity-stream entry reports. */
export type ActivityKind = 'session-closed' | 'session-reassigned';

/** One entry of a user's activity stream. */
export interface ActivityEntry {
  id: Id;
  kind: ActivityKind;
  sessionId: Id;
  sessionName: string;
  liveChatId: Id;
  /** The user who closed or reassigned the session. */
  actorId: Id;
  at: Timestamp;
  /** For reassignments: where the session went. */
  target?: AssigneeTarget;
  /** For reassignments: the note that came with it. */
  note?: string;
}

/**
 * An alert raised by an incoming customer message: a waiting request alerts every operator of
 * the live chat, a follow-up in a session an operator holds alerts that operator and the live
 * chat's supervisors.
 */
export interface Alert {
  id: Id;
  /** A customer's message (the default when absent), or a colleague's note mentioning the recipient. */
  kind?: 'message' | 'mention';
  /** For mentions: who wrote the note. */
  mentionedBy?: Id;
  sessionId: Id;
  liveChatId: Id;
  messageId: Id;
  /**
   * The customer's name; absent, like {@link Alert.preview}, when the recipient may not open
   * the session: then the alert says only which live chat has a new message.
   */
  customerName?: string;
  /** Short plain-text preview (untrusted); absent when the recipient may not open the session. */
  preview?: string;
  channel: Channel;
  at: Timestamp;
}
