/**
 * Read paths, always scoped to one user through the core access rules: the snapshot, the event
 * log since a seq, history pages, search and reports.
 */
import { canView, isMemberOf, isStaff, memberLiveChats, visibleUserIds } from '../domain/access.js';
import { fail, ok, type Result } from '../domain/errors.js';
import {
  liveChatPerformance,
  operatorsPerformance,
  type MessageRecord,
  type Report,
  type ReportQuery,
} from '../domain/reports.js';
import {
  findRanges,
  searchScoped,
  searchTextError,
  type SearchHit,
  type SearchQuery,
} from '../domain/search.js';
import { customerMatches, customerNeedle } from '../domain/customer-search.js';
import type { Customer, Id, Message, Session } from '../domain/types.js';
import { validateId } from '../domain/validation.js';
import {
  MAX_CUSTOMER_IDS,
  MAX_CUSTOMER_MATCHES,
  type CustomerQuery,
  type HistoryQuery,
  type MessagePage,
} from '../protocol/adapter.js';
import type { ServerEvent, Snapshot } from '../protocol/events.js';
import type { Context } from './context.js';
import { usableCannedReplies } from './canned.js';
import { contactableCustomers, mayContact } from './customer-scope.js';
import { visiblePresence } from './presence.js';
import { io, type Step } from './steps.js';
import { findSession } from './values.js';

/** Activity entries a snapshot carries (newest first). */
export const SNAPSHOT_ACTIVITY = 100;
/** Default history page. */
export const DEFAULT_PAGE = 50;
/** Largest history page. */
export const MAX_PAGE = 500;
/** Customers asked of a store's index at a time by a customer read (see `customersMatching`). */
const CUSTOMER_PAGE = 2 * MAX_CUSTOMER_MATCHES;

/** Sessions of the user's live chats that they may see. */
function* visibleSessions(context: Context, userId: Id): Step<Session[]> {
  const viewer = yield* context.viewer(userId);
  const sessions: Session[] = [];
  for (const liveChatId of memberLiveChats(viewer)) {
    for (const session of yield* io(context.tx.sessionsOf(liveChatId))) {
      if (canView(viewer, session)) sessions.push(session);
    }
  }
  return sessions;
}

/**
 * Everything the user sees, at the current position of their stream, and nothing more: their
 * live chats and those live chats' groups, the sessions they may see, the users those name
 * (`visibleUserIds`). It carries no customers: the client reads those of what it shows on
 * demand ({@link customerRead}), so a user of a live chat with 100,000 customers does not load
 * them all to start.
 */
export function* snapshot(context: Context, userId: Id): Step<Result<Snapshot>> {
  const { tx } = context;
  const me = yield* io(tx.user(userId));
  if (!me) return fail('NOT_FOUND', `There is no user "${userId}".`);
  const viewer = yield* context.viewer(userId);
  const liveChats = [...(yield* io(tx.liveChats()))].filter((chat) => isMemberOf(viewer, chat.id));
  const chatIds = new Set(liveChats.map((chat) => chat.id));
  const groups = [...(yield* io(tx.groups()))].filter((group) => chatIds.has(group.liveChatId));
  const sessions = yield* visibleSessions(context, userId);
  const unread: [Id, number][] = [];
  for (const session of sessions) {
    const count = yield* context.unread(userId, session.id);
    if (count > 0) unread.push([session.id, count]);
  }
  const activity = yield* io(tx.recentActivity(userId, SNAPSHOT_ACTIVITY));
  const userIds = visibleUserIds(viewer, liveChats, groups, sessions, activity);
  return ok({
    seq: yield* io(tx.lastSeq(userId)),
    me,
    users: [...(yield* io(tx.users()))].filter((user) => userIds.has(user.id)),
    liveChats,
    groups,
    customers: [],
    sessions,
    // Own properties whatever the ids (an id such as "__proto__" stays data).
    unread: Object.fromEntries(unread),
    activity,
    presence: yield* visiblePresence(context, userId),
    cannedReplies: yield* usableCannedReplies(context, userId),
  });
}

/**
 * The user's events after `sinceSeq`, oldest first; `RESYNC_REQUIRED` when `sinceSeq` is older
 * than the retained log or later than the stream (an unknown seq).
 */
export function* eventsSince(
  context: Context,
  userId: Id,
  sinceSeq: number,
): Step<Result<ServerEvent[]>> {
  if (!Number.isInteger(sinceSeq) || sinceSeq < 0) {
    return fail('RESYNC_REQUIRED', `Seq ${String(sinceSeq)} is not a position of this stream.`, {
      sinceSeq,
    });
  }
  const log = yield* io(context.tx.readEvents(userId, sinceSeq));
  if (sinceSeq > log.lastSeq) {
    return fail('RESYNC_REQUIRED', `Seq ${sinceSeq} is ahead of this stream (at ${log.lastSeq}).`, {
      sinceSeq,
      seq: log.lastSeq,
    });
  }
  if (sinceSeq < log.oldestSeq - 1) {
    return fail(
      'RESYNC_REQUIRED',
      `Events after seq ${sinceSeq} are no longer available; take a new snapshot.`,
      { sinceSeq, oldestAvailable: log.oldestSeq },
    );
  }
  return ok([...log.events]);
}

/** The session if the user may see it. */
export function* viewableSession(
  context: Context,
  userId: Id,
  sessionId: unknown,
): Step<Result<Session>> {
  const found = yield* findSession(context, sessionId);
  if (!found.ok) return found;
  const session = found.value;
  if (!canView(yield* context.viewer(userId), session)) {
    return fail('FORBIDDEN', 'You may not see this session.', { sessionId: session.id });
  }
  return ok(session);
}

/**
 * Customers on demand (see `CustomerQuery`), for staff only: by id, those the user may see or
 * contact (a customer of their live chats, or of none yet: see customer-scope.ts), and by text,
 * the first `limit` of those the user may start a session with that match. Anyone else may see
 * no customer: by id they get none, by text `FORBIDDEN`.
 */
export function* customerRead(
  context: Context,
  userId: Id,
  query: CustomerQuery,
): Step<Result<Customer[]>> {
  if (typeof query !== 'object' || query === null) {
    return fail('VALIDATION', 'A customer read needs "ids" or "text".');
  }
  const viewer = yield* context.viewer(userId);
  const { tx } = context;
  if ('ids' in query) {
    const { ids } = query;
    if (!Array.isArray(ids) || ids.length > MAX_CUSTOMER_IDS) {
      return fail('VALIDATION', `"ids" must be a list of at most ${MAX_CUSTOMER_IDS} ids.`, {
        field: 'ids',
        limit: MAX_CUSTOMER_IDS,
      });
    }
    const wanted = new Set<Id>();
    for (const id of ids as unknown[]) {
      const valid = validateId(id, 'ids');
      if (!valid.ok) return valid;
      wanted.add(valid.value);
    }
    if (!isStaff(viewer)) return ok([]);
    // The store's bulk reads when it has them: a few queries instead of several per id.
    const byId = new Map<Id, Customer>();
    if (tx.customersWithIds) {
      for (const customer of yield* io(tx.customersWithIds([...wanted]))) {
        if (wanted.has(customer.id)) byId.set(customer.id, customer);
      }
    } else {
      for (const id of wanted) {
        const customer = yield* io(tx.customer(id));
        if (customer) byId.set(id, customer);
      }
    }
    const contactable = yield* contactableCustomers(context, viewer, [...byId.keys()]);
    const found: Customer[] = [];
    for (const id of wanted) {
      const customer = byId.get(id);
      if (customer && contactable.has(id)) found.push(customer);
    }
    return ok(found);
  }
  const { text } = query;
  const limit = query.limit ?? MAX_CUSTOMER_MATCHES;
  if (typeof text !== 'string') return fail('VALIDATION', 'A customer read needs "ids" or "text".');
  const tooLong = searchTextError(text);
  if (tooLong) return { ok: false, error: tooLong };
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CUSTOMER_MATCHES) {
    return fail('VALIDATION', `"limit" must be a whole number from 1 to ${MAX_CUSTOMER_MATCHES}.`, {
      field: 'limit',
      limit: MAX_CUSTOMER_MATCHES,
    });
  }
  if (!isStaff(viewer)) {
    return fail('FORBIDDEN', 'Only operators and supervisors look up customers.');
  }
  const needle = customerNeedle(text);
  const found: Customer[] = [];
  /**
   * Keeps the customer when it matches and the user may contact them (one of `contactable` when
   * given); true when done.
   */
  function* keep(customer: Customer, contactable?: ReadonlySet<Id>): Step<boolean> {
    if (!customerMatches(customer, needle)) return false;
    if (
      contactable
        ? !contactable.has(customer.id)
        : !(yield* mayContact(context, viewer, customer.id))
    ) {
      return false;
    }
    found.push(customer);
    return found.length === limit;
  }
  if (!tx.customersMatching) {
    for (const customer of yield* io(tx.customers())) if (yield* keep(customer)) break;
    return ok(found);
  }
  // The store's index, a page at a time, until enough are found or the pages end.
  for (let after: Id | undefined; ;) {
    const page = yield* io(tx.customersMatching(needle, after, CUSTOMER_PAGE));
    // With the store's bulk read, the scope of the page's matches in one read.
    const contactable = tx.liveChatsOfCustomers
      ? yield* contactableCustomers(
          context,
          viewer,
          page
            .filter((customer) => customerMatches(customer, needle))
            .map((customer) => customer.id),
        )
      : undefined;
    for (const customer of page) if (yield* keep(customer, contactable)) return ok(found);
    if (page.length < CUSTOMER_PAGE) return ok(found);
    after = page[page.length - 1]!.id;
  }
}

/** The `limit` messages before `beforeOrder` (the newest when absent), oldest first. */
export function* historyPage(
  context: Context,
  userId: Id,
  query: HistoryQuery,
): Step<Result<MessagePage>> {
  const session = yield* viewableSession(context, userId, query.sessionId);
  if (!session.ok) return session;
  const limit = query.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    return fail('VALIDATION', `"limit" must be a whole number from 1 to ${MAX_PAGE}.`, { limit });
  }
  if (query.beforeOrder !== undefined && typeof query.beforeOrder !== 'number') {
    return fail('VALIDATION', '"beforeOrder" must be a number.');
  }
  const page = yield* io(context.tx.messagePage(session.value.id, query.beforeOrder, limit));
  return ok({ messages: page.messages, hasMore: page.hasMore });
}

/** A scoped search over what the user may see (see core `searchScoped`). */
export function* search(
  context: Context,
  userId: Id,
  query: SearchQuery,
): Step<Result<SearchHit[]>> {
  if (typeof query.text !== 'string') return fail('VALIDATION', 'A search needs text.');
  const tooLong = searchTextError(query.text);
  if (tooLong) return { ok: false, error: tooLong };
  if (query.limit !== undefined && (!Number.isInteger(query.limit) || query.limit < 1)) {
    return fail('VALIDATION', '"limit" must be a whole number, 1 or more.');
  }
  const { tx } = context;
  if (query.sessionId === undefined) {
    // No session open: session names through the store's index when it has one, and the
    // sessions carrying a tag whose label the text matches.
    const viewer = yield* context.viewer(userId);
    const labels = new Map<Id, Map<Id, string>>();
    let tagMatched = false;
    for (const liveChatId of memberLiveChats(viewer)) {
      const tags = (yield* context.liveChat(liveChatId))?.tags ?? [];
      labels.set(liveChatId, new Map(tags.map((tag) => [tag.id, tag.label])));
      tagMatched ||= tags.some((tag) => findRanges(tag.label, query.text).length > 0);
    }
    const tagLabelsOf = (session: Session) =>
      (session.tags ?? []).flatMap((id) => labels.get(session.liveChatId)?.get(id) ?? []);
    if (!tx.sessionsMatching || tagMatched) {
      const visible = yield* visibleSessions(context, userId);
      return ok(searchScoped(query, visible, () => [], tagLabelsOf));
    }
    const candidates: Session[] = [];
    for (const liveChatId of memberLiveChats(viewer)) {
      for (const session of yield* io(tx.sessionsMatching(liveChatId, query.text))) {
        if (canView(viewer, session)) candidates.push(session);
      }
    }
    return ok(searchScoped(query, candidates, () => [], tagLabelsOf));
  }
  const session = yield* viewableSession(context, userId, query.sessionId);
  if (!session.ok) return session;
  const messages: Iterable<Message> = yield* io(
    tx.messagesMatching
      ? tx.messagesMatching(session.value.id, query.text)
      : tx.messagesOf(session.value.id),
  );
  return ok(searchScoped(query, [session.value], () => messages));
}

/** A report over the store's own records; only members of the live chat may run it. */
export function* runReport<Q extends ReportQuery>(
  context: Context,
  userId: Id,
  query: Q,
): Step<Result<Report<Q>>> {
  const liveChatId = validateId(query.liveChatId, 'liveChatId');
  if (!liveChatId.ok) return liveChatId;
  const chat = yield* context.liveChat(liveChatId.value);
  if (!chat) return fail('NOT_FOUND', `There is no live chat "${liveChatId.value}".`);
  if (!isMemberOf(yield* context.viewer(userId), chat.id)) {
    return fail(
      'FORBIDDEN',
      'Only operators and supervisors of this live chat can see its reports.',
    );
  }
  const { from, to } = query.range ?? {};
  if (typeof from !== 'number' || typeof to !== 'number' || !(from <= to)) {
    return fail('VALIDATION', 'A report needs a date range with "from" not after "to".');
  }
  const { tx } = context;
  const episodes = [...(yield* io(tx.episodesOf(chat.id)))];
  const messages: MessageRecord[] = [];
  for (const message of yield* io(tx.liveChatMessages(chat.id))) {
    // Staff notes are not messages to or from the customer: reports do not count them.
    if (message.internal) continue;
    messages.push({ liveChatId: chat.id, author: message.author, at: message.sentAt });
  }
  const records = { episodes, messages, sessions: [...(yield* io(tx.sessionsOf(chat.id)))] };
  switch (query.kind) {
    case 'operators-performance':
      return ok(operatorsPerformance(records, query, chat.operatorIds) as Report<Q>);
    case 'live-chat-performance':
      return ok(
        liveChatPerformance(
          records,
          query,
          (chat.tags ?? []).map((tag) => tag.id),
        ) as Report<Q>,
      );
    default:
      return fail('VALIDATION', 'Unknown report kind.', { field: 'kind' });
  }
}
