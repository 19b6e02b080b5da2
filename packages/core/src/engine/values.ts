/**
 * Small helpers every write path shares: checking id-like input, and building the new session,
 * message and episode values a change stores (records are immutable: replaced, never mutated).
 */
import { attachmentsSummary, MAX_ATTACHMENT_IDS, type Attachment } from '../domain/attachments.js';
import { fail, ok, type Result } from '../domain/errors.js';
import { codePointLength, MAX_SESSION_NAME_LENGTH } from '../domain/limits.js';
import type { SessionEpisode } from '../domain/reports.js';
import { clampText } from '../domain/text.js';
import {
  channelLabel,
  type Assignee,
  type Channel,
  type Handover,
  type Customer,
  type Id,
  type Message,
  type MessageAuthor,
  type Session,
} from '../domain/types.js';
import { previewOf, validateId, validateMessageText } from '../domain/validation.js';
import type { Context } from './context.js';
import { io, type Step } from './steps.js';

/**
 * A new session's name: the customer and the channel, e.g. "Olivia Bennett (Telegram)". A long
 * customer name is cut (between characters, with `…`) so that the name stays within
 * `MAX_SESSION_NAME_LENGTH`.
 */
export function defaultSessionName(customer: Customer, channel: Channel): string {
  const suffix = ` (${channelLabel(channel)})`;
  const name = customer.name.replace(/\s+/g, ' ').trim();
  return `${clampText(name, MAX_SESSION_NAME_LENGTH - codePointLength(suffix))}${suffix}`;
}

/** The session named by an untrusted `sessionId`: `VALIDATION` or `NOT_FOUND` when there is none. */
export function* findSession(context: Context, sessionId: unknown): Step<Result<Session>> {
  const id = validateId(sessionId, 'sessionId');
  if (!id.ok) return id;
  const session = yield* io(context.tx.session(id.value));
  if (!session) {
    return fail('NOT_FOUND', `There is no session "${id.value}".`, { sessionId: id.value });
  }
  return ok(session);
}

/** The next message of a session (order one above the session's last). */
export function* buildMessage(
  context: Context,
  session: Session,
  author: MessageAuthor,
  text: string,
  channel: Channel,
  clientMessageId: string | undefined,
  files: readonly Attachment[] = [],
): Step<Message> {
  const message: Message = {
    id: yield* context.newId('message'),
    sessionId: session.id,
    author,
    text,
    channel,
    sentAt: context.now,
    order: session.lastMessageOrder + 1,
  };
  if (clientMessageId !== undefined) message.clientMessageId = clientMessageId;
  if (files.length > 0) message.attachments = [...files];
  return message;
}

/** The next message of a session written by an operator, through the session's channel. */
export function operatorMessage(
  context: Context,
  session: Session,
  operatorId: Id,
  text: string,
  clientMessageId: string | undefined,
  files: readonly Attachment[] = [],
): Step<Message> {
  const author: MessageAuthor = { kind: 'operator', userId: operatorId };
  return buildMessage(context, session, author, text, session.channel, clientMessageId, files);
}

/** The one-line preview of a message: its text, or its files when it has no text. */
export function messagePreview(message: Message): string {
  return previewOf(
    message.text !== '' ? message.text : attachmentsSummary(message.attachments ?? []),
  );
}

/**
 * The files a message carries: `attachmentIds` from untrusted input, each of them among the
 * files the backend accepted for this write (`context.attachments`).
 */
export function attachmentsFor(context: Context, attachmentIds: unknown): Result<Attachment[]> {
  if (attachmentIds === undefined) return ok([]);
  if (!Array.isArray(attachmentIds) || attachmentIds.length > MAX_ATTACHMENT_IDS) {
    return fail(
      'VALIDATION',
      `"attachmentIds" must be a list of at most ${MAX_ATTACHMENT_IDS} ids.`,
      {
        field: 'attachmentIds',
      },
    );
  }
  const files: Attachment[] = [];
  for (const value of attachmentIds) {
    const id = validateId(value, 'attachmentIds');
    if (!id.ok) return id;
    const file = context.attachments.find((attachment) => attachment.id === id.value);
    if (!file) {
      return fail('VALIDATION', 'The message names a file that was not uploaded.', {
        field: 'attachmentIds',
        attachmentId: id.value,
      });
    }
    if (!files.includes(file)) files.push(file);
  }
  return ok(files);
}

/** The text of a new message: any text, or none at all when it carries files. */
export function messageTextOf(text: unknown, files: readonly Attachment[]): Result<string> {
  if (
    files.length > 0 &&
    (text === undefined || (typeof text === 'string' && text.trim() === ''))
  ) {
    return ok('');
  }
  return validateMessageText(text);
}

/** The session with `message` as its latest. */
export function withLastMessage(session: Session, message: Message): Session {
  return {
    ...session,
    lastMessageAt: message.sentAt,
    lastMessagePreview: messagePreview(message),
    lastMessageOrder: message.order,
  };
}

/**
 * A new session between a customer and a live chat, with no message yet: queued and unassigned
 * since now (a customer's first message), or what {@link assignedTo} makes of it (outbound).
 */
export function* newSession(
  context: Context,
  liveChatId: Id,
  customer: Customer,
  channel: Channel,
  name: string = defaultSessionName(customer, channel),
): Step<Session> {
  const now = context.now;
  return {
    id: yield* context.newId('session'),
    liveChatId,
    customerId: customer.id,
    name,
    channel,
    status: 'queued',
    assignee: null,
    firstMessageAt: now,
    lastMessageAt: now,
    lastMessagePreview: '',
    lastMessageOrder: 0,
    queuedAt: now,
    lastOperatorId: null,
    bindings: [],
  };
}

/** The session active and assigned to an operator. */
export function assignedTo(session: Session, operatorId: Id): Session {
  return {
    ...session,
    status: 'active',
    assignee: { kind: 'operator', operatorId },
    queuedAt: null,
    lastOperatorId: operatorId,
  };
}

/** The session with the note of its last reassignment, or without one when `handover` is absent. */
export function withHandover(session: Session, handover: Handover | undefined): Session {
  const { handover: _previous, ...rest } = session;
  return handover ? { handover, ...rest } : rest;
}

/** The session waiting in a queue (unassigned, or for a group) since `at`. */
export function queuedFor(session: Session, assignee: Assignee, at: number): Session {
  return { ...session, status: 'queued', assignee, queuedAt: at };
}

/**
 * Updates the session's current episode with `change`, for the fields that are still unset
 * (each fact of an episode is recorded the first time only).
 */
function* completeEpisode(
  context: Context,
  sessionId: Id,
  unset: keyof SessionEpisode,
  change: Partial<SessionEpisode>,
): Step<void> {
  const episode = yield* io(context.tx.currentEpisode(sessionId));
  if (!episode || episode[unset] !== undefined) return;
  yield* io(context.tx.updateEpisode({ ...episode, ...change }));
}

/** Notes in the current episode that an operator got the session (first time only). */
export function recordTaken(context: Context, sessionId: Id, operatorId: Id): Step<void> {
  return completeEpisode(context, sessionId, 'takenAt', {
    takenAt: context.now,
    takenBy: operatorId,
  });
}

/** Notes in the current episode the first operator message (first time only). */
export function recordResponse(
  context: Context,
  sessionId: Id,
  operatorId: Id,
  at: number,
): Step<void> {
  return completeEpisode(context, sessionId, 'firstResponseAt', {
    firstResponseAt: at,
    firstResponderId: operatorId,
  });
}

/** Notes in the current episode who closed the session and when (first time only). */
export function recordClosed(context: Context, sessionId: Id, operatorId: Id): Step<void> {
  return completeEpisode(context, sessionId, 'closedAt', {
    closedAt: context.now,
    closedBy: operatorId,
  });
}
