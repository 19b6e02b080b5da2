/**
 * Pure reducers of the client store: `(state, event) => state`, deterministic, no I/O, no
 * streams. They work at entity level (one session, one unread count, one conversation, the
 * activity list);
 * the store keeps the collections in Maps it owns and replaces one entity per event, so no
 * reducer ever copies a whole collection. A reducer returns its input unchanged (same
 * reference) when the event changes nothing, which is how the store and the selectors know that
 * nothing needs to be recomputed or emitted.
 */
import type { ErrorInfo } from '../domain/errors.js';
import { PREVIEW_LENGTH } from '../domain/limits.js';
import type { ActivityEntry, Id, Message, Session } from '../domain/types.js';
import { previewOf } from '../domain/validation.js';
import type { MessagePage } from '../protocol/adapter.js';
import type { ServerEvent } from '../protocol/events.js';
import type { ConversationState, MessageView } from './views.js';

// ---------------------------------------------------------------------------------------------
// Sessions

/** The id of the session an event is about, for the events that change a session entry. */
export function sessionIdOf(event: ServerEvent): Id | undefined {
  switch (event.type) {
    case 'session.upserted':
      return event.session.id;
    case 'session.removed':
    case 'session.read':
      return event.sessionId;
    case 'message.added':
      return event.message.sessionId;
    default:
      return undefined;
  }
}

/**
 * {@link previewOf}, with a fast path for the common short single-line text that is already
 * its own preview (one pass over the characters instead of a regular expression per event).
 */
export function previewText(text: string): string {
  const length = text.length;
  if (length === 0 || length > PREVIEW_LENGTH) return previewOf(text);
  let previousSpace = true; // a leading space needs folding
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) return previewOf(text);
      previousSpace = true;
    } else if (
      code < 32 ||
      code === 0x85 ||
      code === 0xa0 ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff
    ) {
      return previewOf(text);
    } else {
      previousSpace = false;
    }
  }
  return previousSpace ? previewOf(text) : text;
}

/**
 * A session after one of its messages: last-message fields move forward only, so a late or
 * replayed message never rewinds the preview.
 */
export function withMessage(session: Session, message: Message): Session {
  if (message.order <= session.lastMessageOrder) return session;
  return withLastMessage(
    session,
    Math.max(session.lastMessageAt, message.sentAt),
    message.text,
    message.order,
  );
}

/** The session with its last-message fields replaced (the preview is made from `text`). */
export function withLastMessage(
  session: Session,
  at: number,
  text: string,
  order: number,
): Session {
  // Written out rather than spread: sessions arrive in many object shapes (snapshots, upserts,
  // codecs), which makes a spread megamorphic and ~20× slower on this, the hottest path. The
  // optional fields are copied only when present, so an absent one stays absent.
  const next: Session = {
    id: session.id,
    liveChatId: session.liveChatId,
    customerId: session.customerId,
    name: session.name,
    channel: session.channel,
    status: session.status,
    assignee: session.assignee,
    firstMessageAt: session.firstMessageAt,
    lastMessageAt: at,
    lastMessagePreview: previewText(text),
    lastMessageOrder: order,
    queuedAt: session.queuedAt,
    lastOperatorId: session.lastOperatorId,
    bindings: session.bindings,
  };
  if (session.tags !== undefined) next.tags = session.tags;
  if (session.urgent !== undefined) next.urgent = session.urgent;
  if (session.handover !== undefined) next.handover = session.handover;
  return next;
}

/**
 * A session after one server event about it (see {@link sessionIdOf}); `undefined` when it is
 * not (or no longer) visible. Events about unknown sessions, other than an upsert, change
 * nothing: the session arrives with its own upsert or the next snapshot.
 */
export function reduceSession(
  session: Session | undefined,
  event: ServerEvent,
): Session | undefined {
  switch (event.type) {
    case 'session.upserted':
      return event.session;
    case 'session.removed':
      return undefined;
    case 'message.added':
      if (event.session) return event.session;
      return session && withMessage(session, event.message);
    default:
      return session;
  }
}

/**
 * The user's unread count of a session after one server event about it; `undefined` exactly
 * when the session is unknown (the store keeps a count for every visible session), so counts
 * for sessions the user cannot see are ignored. A message that comes with its session makes
 * the session known, as an upsert does.
 */
export function reduceUnread(unread: number | undefined, event: ServerEvent): number | undefined {
  switch (event.type) {
    case 'session.upserted':
      return event.unread;
    case 'session.removed':
      return undefined;
    case 'message.added':
      return unread === undefined && !event.session ? undefined : event.unread;
    case 'session.read':
      return unread === undefined ? undefined : event.unread;
    default:
      return unread;
  }
}

// ---------------------------------------------------------------------------------------------
// Activity

/**
 * The activity list after one server event: an `activity.added` entry goes in newest first
 * (before older entries of the same time), unless its id is listed already; at most `limit`
 * entries are kept.
 */
export function reduceActivity(
  list: readonly ActivityEntry[],
  event: ServerEvent,
  limit: number,
): readonly ActivityEntry[] {
  return event.type === 'activity.added' ? addActivity(list, [event.entry], limit) : list;
}

/**
 * The activity list after new entries, in the order they arrived: the same as
 * {@link reduceActivity} applied to each in turn (so a later entry goes before an earlier one
 * of the same time), in one merge of the sorted new entries into the list. The list itself when
 * no entry made it in.
 */
export function addActivity(
  list: readonly ActivityEntry[],
  entries: readonly ActivityEntry[],
  limit: number,
): readonly ActivityEntry[] {
  const listed = new Set<Id>();
  for (const entry of list) listed.add(entry.id);
  const fresh: ActivityEntry[] = [];
  for (const entry of entries) {
    if (listed.has(entry.id)) continue;
    listed.add(entry.id);
    fresh.push(entry);
  }
  // Newest first; among entries of the same time, the latest arrival first (a stable sort).
  fresh.reverse().sort((a, b) => b.at - a.at);
  const next: ActivityEntry[] = [];
  let added = 0;
  let kept = 0;
  while (next.length < limit && (added < fresh.length || kept < list.length)) {
    const entry = fresh[added];
    const old = list[kept];
    if (entry && (!old || entry.at >= old.at)) {
      next.push(entry);
      added++;
    } else {
      next.push(old as ActivityEntry);
      kept++;
    }
  }
  return added === 0 ? list : next;
}

// ---------------------------------------------------------------------------------------------
// Conversations

/** What can happen to a loaded conversation. */
export type ConversationAction =
  /** A `message.added` event for this session. */
  | { type: 'message.added'; message: Message }
  /** A `message.updated` event: the loaded message with this id is replaced (e.g. its channel delivery). */
  | { type: 'message.updated'; message: Message }
  /** A history page was requested. */
  | { type: 'history.loading' }
  /** A history page arrived: the newest page (`older: false`) or the page before the oldest loaded message. */
  | { type: 'history.loaded'; page: MessagePage; older: boolean }
  /** The newest page, fetched again after a resync to pick up messages missed in the gap. */
  | { type: 'history.refreshed'; page: MessagePage }
  | { type: 'history.failed'; error: ErrorInfo }
  /** An optimistic message, shown at once. */
  | { type: 'send.pending'; message: MessageView }
  /** The server accepted the send: its message replaces the pending one. */
  | { type: 'send.confirmed'; clientMessageId: string; message: Message }
  | { type: 'send.failed'; clientMessageId: string; error: ErrorInfo }
  /** An attempt got no answer: the send is retried with the same clientMessageId ("not confirmed yet"). */
  | { type: 'send.unconfirmed'; clientMessageId: string }
  | { type: 'send.retrying'; clientMessageId: string }
  | { type: 'send.discarded'; clientMessageId: string };

/** A conversation with nothing loaded yet. */
export function emptyConversation(sessionId: Id): ConversationState {
  return { sessionId, messages: [], hasMore: false, loading: false };
}

/**
 * Makes a server message a conversation message. The new field comes first, not as in
 * `{ ...message, delivery }`: V8 gives each object made by a spread followed by a field the
 * source lacks a hidden class of its own, so every message of a long history would be read
 * through slow lookups and hold a class of its own. (Not `Object.assign` either: it would let a
 * `__proto__` key of the backend's message set the view's prototype.) The engine adds fields
 * the same way.
 */
export function sentView(message: Message): MessageView {
  const view: MessageView = { delivery: 'sent', ...message };
  view.delivery = 'sent'; // whatever the message said
  return view;
}

const isSent = (message: MessageView): boolean => message.delivery === 'sent';

/**
 * Merges server messages into a conversation's messages: deduplicated by id and by
 * clientMessageId (a server message replaces the pending message with its clientMessageId),
 * sent messages ordered by server `order`, unsent (pending, failed) messages after them in the
 * order they were written. Returns `messages` itself when nothing is new.
 */
export function mergeMessages(
  messages: readonly MessageView[],
  incoming: readonly Message[],
): readonly MessageView[] {
  // Fast path for the common case: one new message that goes at the end of the sent ones.
  if (incoming.length === 1) return insertMessage(messages, incoming[0]);
  const ids = new Set<Id>();
  const sentClientIds = new Set<string>();
  for (const message of messages) {
    if (!isSent(message)) continue;
    ids.add(message.id);
    if (message.clientMessageId !== undefined) sentClientIds.add(message.clientMessageId);
  }
  const added: MessageView[] = [];
  const confirmed = new Set<string>();
  for (const message of incoming) {
    if (ids.has(message.id)) continue;
    if (message.clientMessageId !== undefined) {
      if (sentClientIds.has(message.clientMessageId)) continue;
      sentClientIds.add(message.clientMessageId);
      confirmed.add(message.clientMessageId);
    }
    ids.add(message.id);
    added.push(sentView(message));
  }
  if (added.length === 0) return messages;
  const sent = messages
    .filter(isSent)
    .concat(added)
    .sort((a, b) => a.order - b.order);
  for (const message of messages) {
    if (
      !isSent(message) &&
      !(message.clientMessageId !== undefined && confirmed.has(message.clientMessageId))
    ) {
      sent.push(message);
    }
  }
  return sent;
}

function insertMessage(messages: readonly MessageView[], message: Message): readonly MessageView[] {
  const clientId = message.clientMessageId;
  let replaced = -1;
  for (let i = 0; i < messages.length; i++) {
    const existing = messages[i];
    if (isSent(existing)) {
      if (existing.id === message.id) return messages;
      if (clientId !== undefined && existing.clientMessageId === clientId) return messages;
    } else if (clientId !== undefined && existing.clientMessageId === clientId) {
      replaced = i;
    }
  }
  const next =
    replaced >= 0
      ? [...messages.slice(0, replaced), ...messages.slice(replaced + 1)]
      : messages.slice();
  // Unsent messages have order Infinity, so this also keeps them last.
  let at = next.length;
  while (at > 0 && next[at - 1].order > message.order) at--;
  next.splice(at, 0, sentView(message));
  return next;
}

function oldestSentOrder(messages: readonly MessageView[]): number | undefined {
  for (const message of messages) if (isSent(message)) return message.order;
  return undefined;
}

/** The server order of the newest sent message, if any. */
export function newestSentOrder(messages: readonly MessageView[]): number | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (isSent(messages[i])) return messages[i].order;
  return undefined;
}

/** The order to ask older history before: the oldest loaded server message. */
export function oldestLoadedOrder(state: ConversationState): number | undefined {
  return oldestSentOrder(state.messages);
}

function updateUnsent(
  state: ConversationState,
  clientMessageId: string,
  update: (message: MessageView) => MessageView | null,
): ConversationState {
  const at = state.messages.findIndex((m) => !isSent(m) && m.clientMessageId === clientMessageId);
  if (at < 0) return state;
  const replacement = update(state.messages[at]);
  if (replacement === state.messages[at]) return state;
  const messages = state.messages.slice();
  if (replacement === null) messages.splice(at, 1);
  else messages[at] = replacement;
  return { ...state, messages };
}

function withMessages(
  state: ConversationState,
  messages: readonly MessageView[],
): ConversationState {
  return messages === state.messages ? state : { ...state, messages: messages as MessageView[] };
}

/** One conversation after one action. */
export function reduceConversation(
  state: ConversationState,
  action: ConversationAction,
): ConversationState {
  switch (action.type) {
    case 'message.added':
      return withMessages(state, mergeMessages(state.messages, [action.message]));
    case 'message.updated': {
      const at = state.messages.findIndex(
        (message) => isSent(message) && message.id === action.message.id,
      );
      if (at < 0) return state;
      const messages = state.messages.slice();
      messages[at] = sentView(action.message);
      return { ...state, messages };
    }
    case 'history.loading':
      if (state.loading && state.error === undefined) return state;
      return {
        sessionId: state.sessionId,
        messages: state.messages,
        hasMore: state.hasMore,
        loading: true,
      };
    case 'history.loaded':
      return {
        sessionId: state.sessionId,
        messages: mergeMessages(state.messages, action.page.messages) as MessageView[],
        hasMore: action.page.hasMore,
        loading: false,
      };
    case 'history.refreshed': {
      const page = action.page.messages;
      const newest = newestSentOrder(state.messages);
      const settled = { sessionId: state.sessionId, hasMore: state.hasMore, loading: false };
      if (newest === undefined) {
        return {
          ...settled,
          messages: mergeMessages(state.messages, page) as MessageView[],
          hasMore: action.page.hasMore,
        };
      }
      // More than a page was missed: the loaded messages and the page do not touch, so keep the
      // page, anything newer that arrived meanwhile and the unsent messages; loadOlder fills in
      // the rest.
      if (action.page.hasMore && page.length > 0 && page[0].order > newest) {
        const last = page[page.length - 1].order;
        const kept = state.messages.filter((m) => !isSent(m) || m.order > last);
        return { ...settled, messages: mergeMessages(kept, page) as MessageView[], hasMore: true };
      }
      return { ...settled, messages: mergeMessages(state.messages, page) as MessageView[] };
    }
    case 'history.failed':
      return { ...state, loading: false, error: action.error };
    case 'send.pending':
      if (state.messages.some((m) => m.clientMessageId === action.message.clientMessageId))
        return state;
      return { ...state, messages: [...state.messages, action.message] };
    case 'send.confirmed': {
      const withoutPending = updateUnsent(state, action.clientMessageId, () => null);
      return withMessages(withoutPending, mergeMessages(withoutPending.messages, [action.message]));
    }
    case 'send.failed':
      return updateUnsent(state, action.clientMessageId, (m) => ({
        ...m,
        delivery: 'failed',
        error: action.error,
      }));
    case 'send.unconfirmed':
      return updateUnsent(state, action.clientMessageId, (m) =>
        m.delivery === 'pending' ? { ...m, delivery: 'unconfirmed' } : m,
      );
    case 'send.retrying':
      return updateUnsent(state, action.clientMessageId, (m) => {
        if (m.delivery !== 'failed') return m;
        const { error: _error, ...rest } = m;
        return { ...rest, delivery: 'pending' };
      });
    case 'send.discarded':
      return updateUnsent(state, action.clientMessageId, (m) =>
        m.delivery === 'failed' ? null : m,
      );
  }
}
