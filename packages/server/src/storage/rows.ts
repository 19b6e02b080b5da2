/**
 * Rows of the customer, session, message, episode and event tables, and the values they store. Optional fields
 * are `NULL` in a row and absent in a value, so a value read back equals the value stored.
 */
import { customerSearchTexts } from '@live-chat/core';
import type {
  Assignee,
  Attachment,
  Binding,
  Channel,
  Customer,
  Handover,
  Id,
  Message,
  MessageAuthor,
  Presence,
  ServerEvent,
  Session,
  SessionEpisode,
  SessionStatus,
} from '@live-chat/core';
import type { EventInput } from '@live-chat/core/engine';

/** A row of `customers` as it is written: the customer, and what a search compares of it. */
export interface CustomerColumns {
  id: Id;
  kind: Customer['kind'];
  name: string;
  /** JSON: the Customer. */
  data: string;
  /** The name as a customer search compares it (core `customerSearchTexts`). */
  name_lower: string;
  /** The account as a customer search compares it; `''` for an internal customer. */
  account_lower: string;
}

/** The row of a customer. */
export function customerColumns(customer: Customer): CustomerColumns {
  const { name, account } = customerSearchTexts(customer);
  return {
    id: customer.id,
    kind: customer.kind,
    name: customer.name,
    data: JSON.stringify(customer),
    name_lower: name,
    account_lower: account,
  };
}

/** A row of `sessions`. */
export interface SessionRow {
  pk: number;
  id: Id;
  live_chat_id: Id;
  customer_id: Id;
  name: string;
  channel: Channel;
  status: SessionStatus;
  assignee_kind: 'operator' | 'group' | null;
  assignee_id: Id | null;
  first_message_at: number;
  last_message_at: number;
  last_message_preview: string;
  last_message_order: number;
  queued_at: number | null;
  queue_entry: number | null;
  last_operator_id: Id | null;
  bindings: string;
  /** Id[] as JSON, `NULL` when it carries none (migration 6, as the three below). */
  tags: string | null;
  /** 1 when urgent, else 0. */
  urgent: number;
  /** The Handover as JSON, `NULL` when none. */
  handover: string | null;
}

/** The columns of a session row that a session value sets (everything but `pk` and `queue_entry`). */
export type SessionColumns = Omit<SessionRow, 'pk' | 'queue_entry'>;

export function sessionFromRow(row: SessionRow): Session {
  let assignee: Assignee = null;
  if (row.assignee_kind === 'operator') {
    assignee = { kind: 'operator', operatorId: row.assignee_id as Id };
  } else if (row.assignee_kind === 'group') {
    assignee = { kind: 'group', groupId: row.assignee_id as Id };
  }
  return {
    id: row.id,
    liveChatId: row.live_chat_id,
    customerId: row.customer_id,
    name: row.name,
    channel: row.channel,
    status: row.status,
    assignee,
    firstMessageAt: row.first_message_at,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    lastMessageOrder: row.last_message_order,
    queuedAt: row.queued_at,
    lastOperatorId: row.last_operator_id,
    bindings: JSON.parse(row.bindings) as Binding[],
    ...(row.tags !== null && { tags: JSON.parse(row.tags) as Id[] }),
    ...(Number(row.urgent) === 1 && { urgent: true }),
    ...(row.handover !== null && { handover: JSON.parse(row.handover) as Handover }),
  };
}

/** `liveChatsOfCustomers` from its (customer, live chat) rows, each pair once. */
export function chatsByCustomer(
  rows: readonly { customer_id: Id; live_chat_id: Id }[],
): Map<Id, Id[]> {
  const chats = new Map<Id, Id[]>();
  for (const { customer_id, live_chat_id } of rows) {
    const list = chats.get(customer_id);
    if (list) list.push(live_chat_id);
    else chats.set(customer_id, [live_chat_id]);
  }
  return chats;
}

/** The `assignee_kind` and `assignee_id` columns of a session's assignee. */
function assigneeColumns(
  assignee: Assignee,
): Pick<SessionColumns, 'assignee_kind' | 'assignee_id'> {
  if (assignee === null) return { assignee_kind: null, assignee_id: null };
  const id = assignee.kind === 'operator' ? assignee.operatorId : assignee.groupId;
  return { assignee_kind: assignee.kind, assignee_id: id };
}

export function sessionColumns(session: Session): SessionColumns {
  return {
    id: session.id,
    live_chat_id: session.liveChatId,
    customer_id: session.customerId,
    name: session.name,
    channel: session.channel,
    status: session.status,
    ...assigneeColumns(session.assignee),
    first_message_at: session.firstMessageAt,
    last_message_at: session.lastMessageAt,
    last_message_preview: session.lastMessagePreview,
    last_message_order: session.lastMessageOrder,
    queued_at: session.queuedAt,
    last_operator_id: session.lastOperatorId,
    bindings: JSON.stringify(session.bindings),
    tags: session.tags?.length ? JSON.stringify(session.tags) : null,
    urgent: session.urgent ? 1 : 0,
    handover: session.handover ? JSON.stringify(session.handover) : null,
  };
}

/** A row of `messages`. */
export interface MessageRow {
  pk: number;
  id: Id;
  session_id: Id;
  ord: number;
  client_message_id: string | null;
  author_kind: MessageAuthor['kind'];
  author_id: Id | null;
  text: string;
  channel: Channel;
  sent_at: number;
  /** The ChannelDelivery as JSON (migration 3); written by its own statement. */
  channel_delivery?: string | null;
  /** 1 for a staff note, else 0 (migration 6, as `mentions`). */
  internal: number;
  /** Id[] as JSON, `NULL` when the message mentions nobody. */
  mentions: string | null;
  /** Attachment[] as JSON, `NULL` when the message carries no file (migration 9). */
  attachments: string | null;
}

/** The columns of a message row that a message value sets. */
export type MessageColumns = Omit<MessageRow, 'pk' | 'channel_delivery'>;

function authorFromRow(row: MessageRow): MessageAuthor {
  switch (row.author_kind) {
    case 'customer':
      return { kind: 'customer', customerId: row.author_id as Id };
    case 'operator':
      return { kind: 'operator', userId: row.author_id as Id };
    default:
      return { kind: 'system' };
  }
}

export function messageFromRow(row: MessageRow): Message {
  const message: Message = {
    id: row.id,
    sessionId: row.session_id,
    author: authorFromRow(row),
    text: row.text,
    channel: row.channel,
    sentAt: row.sent_at,
    order: row.ord,
  };
  if (row.client_message_id !== null) message.clientMessageId = row.client_message_id;
  if (typeof row.channel_delivery === 'string') {
    message.channelDelivery = JSON.parse(row.channel_delivery) as Message['channelDelivery'];
  }
  if (Number(row.internal) === 1) message.internal = true;
  if (row.mentions !== null) message.mentions = JSON.parse(row.mentions) as Id[];
  if (row.attachments != null) message.attachments = JSON.parse(row.attachments) as Attachment[];
  return message;
}

/** The id of a message's author: the customer's or the user's, none for the system. */
function authorId(author: MessageAuthor): Id | null {
  if (author.kind === 'system') return null;
  return author.kind === 'customer' ? author.customerId : author.userId;
}

export function messageColumns(message: Message): MessageColumns {
  return {
    id: message.id,
    session_id: message.sessionId,
    ord: message.order,
    client_message_id: message.clientMessageId ?? null,
    author_kind: message.author.kind,
    author_id: authorId(message.author),
    text: message.text,
    channel: message.channel,
    sent_at: message.sentAt,
    internal: message.internal ? 1 : 0,
    mentions: message.mentions ? JSON.stringify(message.mentions) : null,
    attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
  };
}

/** A row of `episodes`. */
export interface EpisodeRow {
  pk: number;
  session_id: Id;
  live_chat_id: Id;
  origin: SessionEpisode['origin'];
  started_at: number;
  taken_at: number | null;
  taken_by: Id | null;
  first_response_at: number | null;
  first_responder_id: Id | null;
  closed_at: number | null;
  closed_by: Id | null;
}

/** The columns of an episode row that an episode value sets. */
export type EpisodeColumns = Omit<EpisodeRow, 'pk'>;

/** The optional fields of an episode, by their columns (`NULL` when the field is absent). */
const EPISODE_OPTIONAL_FIELDS = [
  ['taken_at', 'takenAt'],
  ['taken_by', 'takenBy'],
  ['first_response_at', 'firstResponseAt'],
  ['first_responder_id', 'firstResponderId'],
  ['closed_at', 'closedAt'],
  ['closed_by', 'closedBy'],
] as const satisfies readonly (readonly [keyof EpisodeRow, keyof SessionEpisode])[];

export function episodeFromRow(row: EpisodeRow): SessionEpisode {
  const episode: Record<string, unknown> = {
    sessionId: row.session_id,
    liveChatId: row.live_chat_id,
    origin: row.origin,
    startedAt: row.started_at,
  };
  for (const [column, field] of EPISODE_OPTIONAL_FIELDS) {
    if (row[column] !== null) episode[field] = row[column];
  }
  return episode as unknown as SessionEpisode;
}

export function episodeColumns(episode: SessionEpisode): EpisodeColumns {
  const columns: Record<string, unknown> = {
    session_id: episode.sessionId,
    live_chat_id: episode.liveChatId,
    origin: episode.origin,
    started_at: episode.startedAt,
  };
  for (const [column, field] of EPISODE_OPTIONAL_FIELDS) columns[column] = episode[field] ?? null;
  return columns as unknown as EpisodeColumns;
}

/** A row of `events`: the event without its seq, as JSON. */
export interface EventRow {
  seq: number;
  event: string;
}

/** The event a row of a user's log holds, numbered with its seq. */
export function eventFromRow({ seq, event }: EventRow): ServerEvent {
  return { ...(JSON.parse(event) as EventInput), seq } as ServerEvent;
}

/** A row of `presence` (migration 7; PostgreSQL 5). */
export interface PresenceRow {
  user_id: Id;
  status: Presence['status'];
  since: number;
  /** 1 when the workspace set it, else 0. */
  auto: number;
}

export function presenceFromRow(row: PresenceRow): Presence {
  const presence: Presence = { userId: row.user_id, status: row.status, since: Number(row.since) };
  if (Number(row.auto) === 1) presence.auto = true;
  return presence;
}

/** The values of a presence row, in the order of {@link PRESENCE_COLUMNS}. */
export function presenceValues(presence: Presence): [Id, Presence['status'], number, number] {
  return [presence.userId, presence.status, presence.since, presence.auto ? 1 : 0];
}

/** The columns of `presence`, in the order of {@link presenceValues}. */
export const PRESENCE_COLUMNS = 'user_id, status, since, auto';
