/**
 * Per-user fan-out: turns one change into events on the streams of the users it concerns. Only
 * members of the session's live chat can see a session, so each change costs O(members), and
 * each user gets what their view needs: an upsert (with their unread count) when they can see
 * the session after the change, a removal when they could see it before but no longer can.
 * Call these after the change is stored, so unread counts are final.
 */
import { canView } from '../domain/access.js';
import type {
  ActivityEntry,
  Alert,
  Customer,
  Id,
  LiveChat,
  Message,
  Session,
} from '../domain/types.js';
import { FIELD_LIMITS } from '../domain/limits.js';
import { clampText } from '../domain/text.js';
import type { SessionChangeCause } from '../protocol/events.js';
import type { Context } from './context.js';
import { customerLiveChats } from './customer-scope.js';
import { isAvailable } from './presence.js';
import { messagePreview } from './values.js';
import { io, type Step } from './steps.js';

/** Operators and supervisors of a live chat: the only users a session change can concern. */
export function* membersOf(context: Context, liveChatId: Id): Step<ReadonlySet<Id>> {
  const chat = yield* context.liveChat(liveChatId);
  if (!chat) return new Set();
  let members = context.memo.members.get(chat);
  if (!members) {
    members = new Set([...chat.operatorIds, ...chat.supervisorIds]);
    context.memo.members.set(chat, members);
  }
  return members;
}

/**
 * Reports that `before` (absent for a new session) became `after`, optionally because
 * `message` was added.
 */
export function* fanOutSession(
  context: Context,
  before: Session | undefined,
  after: Session,
  cause: SessionChangeCause,
  message?: Message,
): Step<void> {
  for (const userId of yield* membersOf(context, after.liveChatId)) {
    const viewer = yield* context.viewer(userId);
    if (canView(viewer, after)) {
      const unread = yield* context.unread(userId, after.id);
      // One fact, one event: a message carries the session it changed.
      if (message)
        yield* context.emit(userId, { type: 'message.added', message, session: after, unread });
      else yield* context.emit(userId, { type: 'session.upserted', session: after, unread, cause });
    } else if (before !== undefined && canView(viewer, before)) {
      yield* context.emit(userId, { type: 'session.removed', sessionId: after.id });
    }
  }
  if (message) context.messages.push({ message, session: after });
}

/**
 * Who a customer message alerts: a waiting request (or a session no operator holds) alerts
 * every available operator of the live chat, or its supervisors when none is available; a
 * follow-up in a session an operator holds alerts that operator and the live chat's
 * supervisors, not every operator.
 */
function* alertRecipients(context: Context, chat: LiveChat, session: Session): Step<Set<Id>> {
  const recipients = heldSessionRecipients(chat, session);
  if (recipients) return recipients;
  const available = new Set<Id>();
  for (const operatorId of chat.operatorIds) {
    if (yield* isAvailable(context, operatorId)) available.add(operatorId);
  }
  return available.size > 0 ? available : new Set(chat.supervisorIds);
}

/** The recipients of a message in a session an operator holds, or `undefined` when none does. */
function heldSessionRecipients(chat: LiveChat, session: Session): Set<Id> | undefined {
  if (session.status === 'active' && session.assignee?.kind === 'operator') {
    return new Set([session.assignee.operatorId, ...chat.supervisorIds]);
  }
  return undefined;
}

/**
 * Alerts the recipients of a customer message (see {@link alertRecipients}). A recipient who
 * may not open the session gets an alert without the customer's name or text: it says only
 * which live chat has a new message.
 */
export function* fanOutAlert(
  context: Context,
  session: Session,
  message: Message,
  customerName: string,
): Step<void> {
  const chat = yield* context.liveChat(session.liveChatId);
  if (!chat) return;
  const recipients = yield* alertRecipients(context, chat, session);
  yield* alertEach(context, session, recipients, message, customerName);
}

/**
 * Alerts the colleagues a note mentions (`message.mentions`), each with the note as the
 * preview, or without the customer and the note when they may not open the session.
 */
export function* fanOutMentions(context: Context, session: Session, message: Message): Step<void> {
  if (!message.mentions?.length || message.author.kind !== 'operator') return;
  const customer = yield* io(context.tx.customer(session.customerId));
  yield* alertEach(context, session, message.mentions, message, customer?.name ?? '', {
    kind: 'mention',
    mentionedBy: message.author.userId,
  });
}

/**
 * The alert of `message`: withheld (no customer, no text) unless `shown` gives them. Built as a
 * literal, then extended, never as `{ ...withheld, customerName, preview }`: V8 gives each object
 * made by a spread followed by a field the source lacks a hidden class of its own, and a client
 * (or a server serialising it) then reads every alert through slow, uncached lookups. This way
 * all alerts share two hidden classes.
 */
function alertOf(
  session: Session,
  message: Message,
  mention?: Pick<Alert, 'kind' | 'mentionedBy'>,
  shown?: Pick<Alert, 'customerName' | 'preview'>,
): Alert {
  const alert: Alert = {
    id: `alert-${message.id}`,
    sessionId: session.id,
    liveChatId: session.liveChatId,
    messageId: message.id,
    channel: message.channel,
    at: message.sentAt,
  };
  if (mention) {
    alert.kind = mention.kind;
    alert.mentionedBy = mention.mentionedBy;
  }
  if (shown) {
    alert.customerName = shown.customerName;
    alert.preview = shown.preview;
  }
  return alert;
}

/** Sends each recipient the alert of `message`, or its withheld form when they may not open the session. */
function* alertEach(
  context: Context,
  session: Session,
  recipients: Iterable<Id>,
  message: Message,
  customerName: string,
  mention?: Pick<Alert, 'kind' | 'mentionedBy'>,
): Step<void> {
  const withheld = alertOf(session, message, mention);
  const alert = alertOf(session, message, mention, {
    // Within the limit even for a name stored before names were bounded.
    customerName: clampText(customerName, FIELD_LIMITS.customerName),
    preview: messagePreview(message),
  });
  for (const userId of recipients) {
    const viewer = yield* context.viewer(userId);
    yield* context.emit(userId, {
      type: 'alert',
      alert: canView(viewer, session) ? alert : withheld,
    });
  }
}

/** Stores the entry in each recipient's activity stream and tells them. */
export function* fanOutActivity(
  context: Context,
  recipients: Iterable<Id>,
  entry: ActivityEntry,
): Step<void> {
  for (const userId of new Set(recipients)) {
    yield* io(context.tx.appendActivity(userId, entry));
    yield* context.emit(userId, { type: 'activity.added', entry });
  }
}

/** Tells the user their unread count of the session changed. */
export function* fanOutRead(context: Context, userId: Id, sessionId: Id): Step<void> {
  const unread = yield* context.unread(userId, sessionId);
  yield* context.emit(userId, { type: 'session.read', sessionId, unread });
}

/** Tells the staff of the given live chats about the customer. */
function* tellStaff(context: Context, liveChatIds: Iterable<Id>, customer: Customer): Step<void> {
  const told = new Set<Id>();
  for (const liveChatId of liveChatIds) {
    for (const userId of yield* membersOf(context, liveChatId)) {
      if (told.has(userId)) continue;
      told.add(userId);
      yield* context.emit(userId, { type: 'customer.upserted', customer });
    }
  }
}

/**
 * A customer changed: the staff of the live chats they have a session in hear of it (see
 * customer-scope.ts); a customer with no session yet concerns nobody.
 */
export function* fanOutCustomer(context: Context, customer: Customer): Step<void> {
  yield* tellStaff(context, yield* customerLiveChats(context, customer.id), customer);
}

/**
 * The customer's first session in a live chat makes them a customer of it: its staff hear of
 * them first, before the session itself.
 */
export function introduceCustomer(
  context: Context,
  customer: Customer,
  liveChatId: Id,
): Step<void> {
  return tellStaff(context, [liveChatId], customer);
}

/** Tells every user who can see the session that one of its messages changed in place. */
export function* fanOutMessageUpdate(
  context: Context,
  session: Session,
  message: Message,
): Step<void> {
  for (const userId of yield* membersOf(context, session.liveChatId)) {
    const viewer = yield* context.viewer(userId);
    if (canView(viewer, session)) yield* context.emit(userId, { type: 'message.updated', message });
  }
}
