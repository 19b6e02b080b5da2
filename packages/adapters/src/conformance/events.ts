/** Event predicates and stream helpers of the conformance checks. */
import type { Observable } from 'rxjs';
import type {
  ActivityAddedEvent,
  AlertEvent,
  MessageAddedEvent,
  ServerEvent,
  Session,
  SessionUpsertedEvent,
} from '@live-chat/core';
import { ConformanceError } from './assert.js';
import { waitUntil } from './probe.js';

/** An event that carries one session's new state: an upsert, or a message with its session. */
export type SessionStateEvent = SessionUpsertedEvent | (MessageAddedEvent & { session: Session });

/**
 * An event carrying one session's state: `session.upserted`, or `message.added` with its
 * `session` (one fact, one event: a message that changes a session carries it).
 */
export const isUpsertOf =
  (sessionId: string) =>
  (event: ServerEvent): event is SessionStateEvent =>
    (event.type === 'session.upserted' || event.type === 'message.added') &&
    event.session?.id === sessionId;

/** An activity entry of one kind about one session. */
export const isActivity =
  (kind: string, sessionId: string) =>
  (event: ServerEvent): event is ActivityAddedEvent =>
    event.type === 'activity.added' &&
    event.entry.kind === kind &&
    event.entry.sessionId === sessionId;

/** Any event about one session. */
export const mentions =
  (sessionId: string) =>
  (event: ServerEvent): boolean =>
    (event.type === 'session.upserted' && event.session.id === sessionId) ||
    (event.type === 'session.removed' && event.sessionId === sessionId) ||
    (event.type === 'session.read' && event.sessionId === sessionId) ||
    (event.type === 'message.added' && event.message.sessionId === sessionId) ||
    (event.type === 'alert' && event.alert.sessionId === sessionId);

/** The first event or error of a stream, within `timeoutMs`. */
export async function firstOf(
  events$: Observable<ServerEvent>,
  timeoutMs: number,
): Promise<{ event?: ServerEvent; error?: unknown }> {
  const outcome: { event?: ServerEvent; error?: unknown; done?: boolean } = {};
  const subscription = events$.subscribe({
    next: (event) => {
      outcome.event ??= event;
      outcome.done = true;
    },
    error: (error: unknown) => {
      outcome.error = error;
      outcome.done = true;
    },
  });
  try {
    await waitUntil(() => outcome.done === true, 'the first event or error', timeoutMs);
  } finally {
    subscription.unsubscribe();
  }
  return outcome;
}

/** Collects a stream's events up to and including `seq`. */
export async function collectUntil(
  events$: Observable<ServerEvent>,
  seq: number,
  timeoutMs: number,
): Promise<ServerEvent[]> {
  const events: ServerEvent[] = [];
  let failure: unknown;
  const subscription = events$.subscribe({
    next: (event) => events.push(event),
    error: (error: unknown) => (failure = error),
  });
  try {
    await waitUntil(
      () => failure !== undefined || (events.at(-1)?.seq ?? -1) >= seq,
      `replay up to seq ${seq}`,
      timeoutMs,
    );
  } finally {
    subscription.unsubscribe();
  }
  if (failure !== undefined)
    throw new ConformanceError(
      `The replay failed: ${String((failure as Error).message ?? failure)}`,
    );
  return events;
}

/** The `code` of a thrown error, if any. */
export const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** The alert of a message (or a mention) in one session. */
export const alertOf =
  (sessionId: string) =>
  (event: ServerEvent): event is AlertEvent =>
    event.type === 'alert' && event.alert.sessionId === sessionId;
