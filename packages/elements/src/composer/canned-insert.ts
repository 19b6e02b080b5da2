import {
  CANNED_LIMITS,
  fillCannedReply,
  type CannedReply,
  type CannedVariable,
  type Id,
  type LiveChatClient,
} from '@live-chat/core';
import type { TypedQuery } from './suggestion-picker.js';

/**
 * Canned replies in the composer, as plain functions on the draft: where a `/shortcut` being
 * typed starts, which replies a session may use, and the values of their variables.
 */

/** The `/…` being typed: from the `/` (`start`) to the caret (`end`), and the text after it. */
export type CannedQuery = TypedQuery;

/**
 * A `/` at the start of the text or of a word (after a space or an opening bracket), then up to
 * the caret only shortcut characters: `and/or` and `https://` are not shortcuts.
 */
const QUERY_BEFORE_CARET = new RegExp(
  `(^|[\\s([{«"'])/([\\p{L}\\p{N}_.-]{0,${CANNED_LIMITS.shortcut}})$`,
  'u',
);

/** The shortcut being typed at `caret`, or undefined. */
export function cannedQueryAt(text: string, caret: number): CannedQuery | undefined {
  const match = QUERY_BEFORE_CARET.exec(text.slice(0, caret));
  if (!match) return undefined;
  const query = match[2]!;
  return { start: caret - query.length - 1, end: caret, query };
}

/**
 * The replies usable in the session: the user's own, and those of the session's live chat
 * (not those of the user's other live chats). None when the client does not know the session.
 */
export function repliesForSession(client: LiveChatClient, sessionId: Id): CannedReply[] {
  const liveChatId = client.getSession(sessionId)?.session.liveChatId;
  if (!liveChatId) return [];
  return client
    .getCannedReplies()
    .filter((reply) => reply.scope.kind === 'personal' || reply.scope.liveChatId === liveChatId);
}

/** The values of the variables in the session, as the workspace knows them now. */
export function cannedValues(
  client: LiveChatClient,
  sessionId: Id,
): Partial<Record<CannedVariable, string>> {
  const view = client.getSession(sessionId);
  return {
    ...(view?.customer?.name ? { 'customer.name': view.customer.name } : {}),
    ...(client.me?.name ? { 'operator.name': client.me.name } : {}),
    ...(view?.session.name ? { 'session.name': view.session.name } : {}),
  };
}

/** The reply's text as inserted in the session: its variables filled. */
export function filledReply(client: LiveChatClient, sessionId: Id, reply: CannedReply): string {
  return fillCannedReply(reply.text, cannedValues(client, sessionId));
}
