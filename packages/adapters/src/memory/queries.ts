/**
 * Read paths of the memory backend, always scoped to one user through the core access rules:
 * the snapshot, history pages, search and reports.
 */
import {
  canView,
  fail,
  isMemberOf,
  liveChatPerformance,
  MAX_SEARCH_LENGTH,
  ok,
  operatorsPerformance,
  searchScoped,
} from '@live-chat/core';
import type {
  HistoryQuery,
  Id,
  MessagePage,
  MessageRecord,
  Report,
  ReportQuery,
  Result,
  SearchHit,
  SearchQuery,
  Session,
  Snapshot,
} from '@live-chat/core';
import { requireId } from './engine.js';
import type { MemoryStore } from './store.js';

/** Activity entries a snapshot carries (newest first). */
const SNAPSHOT_ACTIVITY = 100;
/** Default and largest history page. */
const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/** Sessions of the user's live chats that they may see. */
function* visibleSessions(store: MemoryStore, userId: Id): Generator<Session> {
  const viewer = store.viewer(userId);
  for (const liveChatId of new Set([...viewer.operatorOf, ...viewer.supervisorOf])) {
    for (const session of store.sessionsOf(liveChatId)) if (canView(viewer, session)) yield session;
  }
}

/** Everything the user sees, at stream position `seq`. */
export function buildSnapshot(store: MemoryStore, userId: Id, seq: number): Result<Snapshot> {
  const me = store.users.get(userId);
  if (!me) return fail('NOT_FOUND', `There is no user "${userId}".`);
  const viewer = store.viewer(userId);
  const liveChats = [...store.liveChats.values()].filter((chat) => isMemberOf(viewer, chat.id));
  const chatIds = new Set(liveChats.map((chat) => chat.id));
  const sessions = [...visibleSessions(store, userId)];
  const unread: Record<Id, number> = {};
  for (const session of sessions) {
    const count = store.unreadOf(userId, session.id);
    if (count > 0) unread[session.id] = count;
  }
  return ok({
    seq,
    me,
    users: [...store.users.values()],
    liveChats,
    groups: [...store.groups.values()].filter((group) => chatIds.has(group.liveChatId)),
    // Staff may start a session with any customer (+New Session); others see none.
    customers: store.staff().has(userId) ? [...store.customers.values()] : [],
    sessions,
    unread,
    activity: store.activityOf(userId).slice(-SNAPSHOT_ACTIVITY).reverse(),
  });
}

/** The session if the user may see it. */
function viewableSession(store: MemoryStore, userId: Id, sessionId: unknown): Result<Session> {
  const id = requireId(sessionId, 'sessionId');
  if (!id.ok) return id;
  const session = store.getSession(id.value);
  if (!session)
    return fail('NOT_FOUND', `There is no session "${id.value}".`, { sessionId: id.value });
  if (!canView(store.viewer(userId), session)) {
    return fail('FORBIDDEN', 'You may not see this session.', { sessionId: session.id });
  }
  return ok(session);
}

/** The `limit` messages before `beforeOrder` (the newest when absent), oldest first. */
export function historyPage(
  store: MemoryStore,
  userId: Id,
  query: HistoryQuery,
): Result<MessagePage> {
  const session = viewableSession(store, userId, query.sessionId);
  if (!session.ok) return session;
  const limit = query.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    return fail('VALIDATION', `"limit" must be a whole number from 1 to ${MAX_PAGE}.`, { limit });
  }
  if (query.beforeOrder !== undefined && typeof query.beforeOrder !== 'number') {
    return fail('VALIDATION', '"beforeOrder" must be a number.');
  }
  const messages = store.messagesOf(session.value.id);
  // Messages are sorted by order: find the first one at or after `beforeOrder`.
  let end = messages.length;
  if (query.beforeOrder !== undefined) {
    let low = 0;
    let high = messages.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((messages[mid]?.order ?? 0) < query.beforeOrder) low = mid + 1;
      else high = mid;
    }
    end = low;
  }
  const start = Math.max(0, end - limit);
  return ok({ messages: messages.slice(start, end), hasMore: start > 0 });
}

/** A scoped search over what the user may see (see core `searchScoped`). */
export function search(store: MemoryStore, userId: Id, query: SearchQuery): Result<SearchHit[]> {
  if (typeof query.text !== 'string') return fail('VALIDATION', 'A search needs text.');
  if (query.text.length > MAX_SEARCH_LENGTH) {
    return fail('VALIDATION', `A search can be at most ${MAX_SEARCH_LENGTH} characters long.`, {
      limit: MAX_SEARCH_LENGTH,
    });
  }
  if (query.limit !== undefined && (!Number.isInteger(query.limit) || query.limit < 1)) {
    return fail('VALIDATION', '"limit" must be a whole number, 1 or more.');
  }
  if (query.sessionId !== undefined) {
    const session = viewableSession(store, userId, query.sessionId);
    if (!session.ok) return session;
    return ok(searchScoped(query, [session.value], (id) => store.messagesOf(id)));
  }
  return ok(searchScoped(query, visibleSessions(store, userId), (id) => store.messagesOf(id)));
}

/** Message records of one live chat, for reports. */
function* messageRecords(store: MemoryStore, liveChatId: Id): Generator<MessageRecord> {
  for (const session of store.sessionsOf(liveChatId)) {
    for (const message of store.messagesOf(session.id)) {
      yield { liveChatId, author: message.author, at: message.sentAt };
    }
  }
}

/** A report over the backend's own records; only members of the live chat may run it. */
export function runReport<Q extends ReportQuery>(
  store: MemoryStore,
  userId: Id,
  query: Q,
): Result<Report<Q>> {
  const chat = store.liveChats.get(query.liveChatId);
  if (!chat) return fail('NOT_FOUND', `There is no live chat "${query.liveChatId}".`);
  if (!isMemberOf(store.viewer(userId), chat.id)) {
    return fail(
      'FORBIDDEN',
      'Only operators and supervisors of this live chat can see its reports.',
    );
  }
  const { from, to } = query.range ?? {};
  if (typeof from !== 'number' || typeof to !== 'number' || !(from <= to)) {
    return fail('VALIDATION', 'A report needs a date range with "from" not after "to".');
  }
  const records = {
    episodes: store.allEpisodes().filter((episode) => episode.liveChatId === chat.id),
    messages: messageRecords(store, chat.id),
    sessions: store.sessionsOf(chat.id),
  };
  switch (query.kind) {
    case 'operators-performance':
      return ok(operatorsPerformance(records, query, chat.operatorIds) as Report<Q>);
    case 'live-chat-performance':
      return ok(liveChatPerformance(records, query) as Report<Q>);
    default:
      return fail('VALIDATION', `Unknown report "${String((query as { kind: unknown }).kind)}".`);
  }
}
