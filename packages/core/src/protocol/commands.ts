import type { CannedReply, CannedScope } from '../domain/canned.js';
import type {
  AssigneeTarget,
  Availability,
  Binding,
  Channel,
  Id,
  Message,
  Presence,
  Session,
} from '../domain/types.js';

/** Fields every command carries. `commandId` is the idempotency key chosen by the client. */
interface CommandBase {
  /** Unique per intent; a backend that sees the same id twice returns the first result again. */
  commandId: string;
}

/** Take a queued session (it becomes active and assigned to the sender). */
export interface TakeSessionCommand extends CommandBase {
  type: 'session.take';
  sessionId: Id;
}
/** Take the oldest session of the sender's queue (the blue counter's click). */
export interface TakeNextCommand extends CommandBase {
  type: 'session.take-next';
  /** Restrict to one live chat; all the sender's live chats when absent. */
  liveChatId?: Id;
}
/** Send a message; replying to a queued session takes it. */
export interface SendMessageCommand extends CommandBase {
  type: 'message.send';
  sessionId: Id;
  /** Idempotency key of the message; a retried send never duplicates. */
  clientMessageId: string;
  text: string;
  /**
   * A private note among staff instead of a reply: never sent to the customer, it does not
   * take a queued session. Anyone who may see the session may leave one.
   */
  internal?: boolean;
  /** Colleagues of the live chat a note mentions; each gets an alert (notes only). */
  mentions?: Id[];
  /**
   * Files the sender uploaded before (`TransportAdapter.upload`), at most the backend's
   * `perMessage`; `text` may then be empty. Only the uploader may send a file, and once sent in a
   * session, only in that session.
   */
  attachmentIds?: Id[];
}
/** Close a queued or active session (it moves to Closed; its history is kept). */
export interface CloseSessionCommand extends CommandBase {
  type: 'session.close';
  sessionId: Id;
}
/** Reassign a session to an operator (it becomes active) or to a group (it is queued for that group). */
export interface ReassignSessionCommand extends CommandBase {
  type: 'session.reassign';
  sessionId: Id;
  /** Must be one of the live chat's reassignment targets. */
  target: AssigneeTarget;
  /** A note for the new assignee: in their activity entry and above the conversation. */
  note?: string;
}
/** Set the tags a session carries (ids of its live chat's tags; an empty list removes them all). */
export interface TagSessionCommand extends CommandBase {
  type: 'session.tag';
  sessionId: Id;
  tagIds: Id[];
}
/** Mark a session urgent (it goes first in the queue) or take the mark away. */
export interface SetUrgentCommand extends CommandBase {
  type: 'session.set-urgent';
  sessionId: Id;
  urgent: boolean;
}
/** Return an active session to the queue, unassigned. */
export interface ReturnToQueueCommand extends CommandBase {
  type: 'session.return-to-queue';
  sessionId: Id;
}
/** Change a session's display name (not a state transition). */
export interface RenameSessionCommand extends CommandBase {
  type: 'session.rename';
  sessionId: Id;
  name: string;
}
/** Mark the session's messages read, up to `upToOrder` (all of them when absent). */
export interface MarkReadCommand extends CommandBase {
  type: 'session.mark-read';
  sessionId: Id;
  upToOrder?: number;
}
/** Start an outbound session with a customer (+New Session). */
export interface StartOutboundCommand extends CommandBase {
  type: 'session.start-outbound';
  liveChatId: Id;
  customerId: Id;
  channel: Channel;
  name?: string;
  /** Optional first message. */
  text?: string;
  clientMessageId?: string;
}
/** Store a binding between the session (or one message) and a host record. */
export interface BindRecordCommand extends CommandBase {
  type: 'session.bind';
  sessionId: Id;
  binding: Binding;
}
/** Remove a binding. */
export interface UnbindRecordCommand extends CommandBase {
  type: 'session.unbind';
  sessionId: Id;
  binderId: string;
  recordId: string;
}
/** Note that the host added the session's customer to its database. */
export interface MarkCustomerAddedCommand extends CommandBase {
  type: 'customer.mark-added';
  customerId: Id;
}

/**
 * Set the sender's availability. `auto` marks a change the workspace made (away when idle):
 * a later `auto` change may undo it, but never one the user chose.
 */
export interface SetAvailabilityCommand extends CommandBase {
  type: 'presence.set';
  status: Availability;
  auto?: boolean;
}

/**
 * Create a canned reply (without `replyId`) or change one. A live chat's replies are kept by
 * its supervisors; anyone on the staff keeps their personal ones. Shortcuts are unique per scope.
 */
export interface SaveCannedReplyCommand extends CommandBase {
  type: 'canned.save';
  replyId?: Id;
  scope: CannedScope;
  shortcut: string;
  text: string;
}
/** Delete a canned reply (whoever may save it may delete it). */
export interface DeleteCannedReplyCommand extends CommandBase {
  type: 'canned.delete';
  replyId: Id;
}

/** Every operator intent, as a JSON-serialisable discriminated union. */
export type Command =
  | TakeSessionCommand
  | TakeNextCommand
  | SendMessageCommand
  | CloseSessionCommand
  | ReassignSessionCommand
  | ReturnToQueueCommand
  | RenameSessionCommand
  | MarkReadCommand
  | StartOutboundCommand
  | BindRecordCommand
  | UnbindRecordCommand
  | MarkCustomerAddedCommand
  | TagSessionCommand
  | SetUrgentCommand
  | SetAvailabilityCommand
  | SaveCannedReplyCommand
  | DeleteCannedReplyCommand;

/** The `type` of every command, e.g. `'session.take'`. */
export type CommandType = Command['type'];

/** What each command returns when it succeeds. */
export interface CommandValues {
  'session.take': { session: Session };
  'session.take-next': { session: Session };
  'message.send': { message: Message; session: Session };
  'session.close': { session: Session };
  'session.reassign': { session: Session };
  'session.return-to-queue': { session: Session };
  'session.rename': { session: Session };
  'session.mark-read': { sessionId: Id; unread: number };
  'session.start-outbound': { session: Session; message?: Message };
  'session.bind': { session: Session };
  'session.unbind': { session: Session };
  'customer.mark-added': { customerId: Id };
  'session.tag': { session: Session };
  'session.set-urgent': { session: Session };
  'presence.set': { presence: Presence };
  'canned.save': { reply: CannedReply };
  'canned.delete': { replyId: Id };
}

/** A command without its idempotency key, as callers write it. */
export type CommandInput<C extends Command = Command> = C extends Command
  ? Omit<C, 'commandId'>
  : never;
