/**
 * The pieces every write path (operator commands and the customer side) shares: the store, the
 * fan-out, the clock, and small pure helpers that build new session and message values.
 */
import { fail, ok, previewOf } from '@live-chat/core';
import type {
  Assignee,
  Channel,
  Customer,
  Id,
  Message,
  MessageAuthor,
  Result,
  Session,
} from '@live-chat/core';
import type { Fanout } from './fanout.js';
import type { MemoryStore } from './store.js';

/** What handlers work with. */
export interface Engine {
  readonly store: MemoryStore;
  readonly fanout: Fanout;
  /** The backend clock (injectable for tests and seed data). */
  now(): number;
}

/** Human names of channels, for default session names. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Web',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  viber: 'Viber',
  email: 'Email',
  internal: 'Internal',
};

/** A new session's name: the customer and the channel, e.g. "Olivia Bennett (Telegram)". */
export function defaultSessionName(customer: Customer, channel: Channel): string {
  return `${customer.name} (${CHANNEL_LABELS[channel] ?? channel})`;
}

/** Longest accepted id or client message id. */
const MAX_ID_LENGTH = 200;

/** Checks that an input field is a non-empty id-like string. */
export function requireId(value: unknown, field: string): Result<string> {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
    return fail(
      'VALIDATION',
      `"${field}" must be a non-empty string of at most ${MAX_ID_LENGTH} characters.`,
      {
        field,
      },
    );
  }
  return ok(value);
}

/** The next message of a session (order one above the session's last). */
export function buildMessage(
  engine: Engine,
  session: Session,
  author: MessageAuthor,
  text: string,
  channel: Channel,
  clientMessageId: string | undefined,
): Message {
  const message: Message = {
    id: engine.store.newId('m'),
    sessionId: session.id,
    author,
    text,
    channel,
    sentAt: engine.now(),
    order: session.lastMessageOrder + 1,
  };
  if (clientMessageId !== undefined) message.clientMessageId = clientMessageId;
  return message;
}

/** The session with `message` as its latest. */
export function withLastMessage(session: Session, message: Message): Session {
  return {
    ...session,
    lastMessageAt: message.sentAt,
    lastMessagePreview: previewOf(message.text),
    lastMessageOrder: message.order,
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

/** The session waiting in a queue (unassigned, or for a group) since `at`. */
export function queuedFor(session: Session, assignee: Assignee, at: number): Session {
  return { ...session, status: 'queued', assignee, queuedAt: at };
}

/** Notes in the current episode that an operator got the session (first time only). */
export function recordTaken(engine: Engine, sessionId: Id, operatorId: Id): void {
  const episode = engine.store.currentEpisode(sessionId);
  if (episode && episode.takenAt === undefined) {
    episode.takenAt = engine.now();
    episode.takenBy = operatorId;
  }
}

/** Notes in the current episode the first operator message (first time only). */
export function recordResponse(engine: Engine, sessionId: Id, operatorId: Id, at: number): void {
  const episode = engine.store.currentEpisode(sessionId);
  if (episode && episode.firstResponseAt === undefined) {
    episode.firstResponseAt = at;
    episode.firstResponderId = operatorId;
  }
}
