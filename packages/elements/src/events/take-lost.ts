import type { ErrorInfo, Id } from '@live-chat/core';
import { createLiveChatEvent } from './live-chat-event.js';

/** Name of the fact that the user lost a take: another operator took the session first. */
export const TAKE_LOST = 'live-chat-take-lost';

/** Detail of `live-chat-take-lost`. */
export interface TakeLostDetail {
  sessionId: Id;
  /** The operator who took the session, when the answer says. */
  operatorId?: Id;
}

/** The operator an `ALREADY_TAKEN` error names as the session's assignee, if any. */
export function takenBy(error: ErrorInfo): Id | undefined {
  const assignee = error.details?.['assignee'] as
    { kind?: unknown; operatorId?: unknown } | undefined;
  return assignee?.kind === 'operator' && typeof assignee.operatorId === 'string'
    ? assignee.operatorId
    : undefined;
}

/** `live-chat-take-lost`, a fact: taking `sessionId` (or replying in it) failed with `error`. */
export function takeLostEvent(sessionId: Id, error: ErrorInfo): CustomEvent<TakeLostDetail> {
  const operatorId = takenBy(error);
  return createLiveChatEvent(
    TAKE_LOST,
    operatorId ? { sessionId, operatorId } : { sessionId },
    'fact',
  );
}

declare global {
  interface GlobalEventHandlersEventMap {
    'live-chat-take-lost': CustomEvent<TakeLostDetail>;
  }
}
