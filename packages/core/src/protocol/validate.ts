/**
 * Shape checks of what a backend sends, at the client's boundary: every snapshot, every event
 * and every history page is checked before the client applies any of it. A backend is trusted
 * with facts, not with types: strings must be strings (a name that is an object, say a
 * template-shaped `{ _$litType$: 1, … }`, is refused), ids are non-empty strings within
 * `FIELD_LIMITS.id`, texts within their field's limit, enums known values, numbers finite.
 *
 * Each check returns the path of the first bad field (`'session.name'`,
 * `'customers[3].messenger'`), or `undefined` when the value is sound. They run once per event,
 * so they allocate nothing on the way: a path is only built for a refusal.
 */
import { invalidAttachment, MAX_ATTACHMENT_IDS } from '../domain/attachments.js';
import { CANNED_LIMITS } from '../domain/canned.js';
import type { ErrorInfo } from '../domain/errors.js';
import { exceedsLimit, FIELD_LIMITS } from '../domain/limits.js';
import { MAX_MESSAGE_KEY_LENGTH } from '../domain/message-keys.js';
import { isChannel } from '../domain/types.js';

/** The path of the first bad field of a value, or `undefined` when it is sound. */
type Check = (value: unknown) => string | undefined;

type Fields = Record<string, unknown>;

/*
 * Written out field by field on purpose: a generic walk over a table of fields reads properties
 * by computed key and calls a check per field through a variable, which measured several times
 * slower than these straight lines of named reads and direct calls, per event.
 */

/**
 * An object. Arrays pass, and then fail on their first field (they have none of an entity's);
 * only `unread`, a map, checks for them itself.
 */
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null;

const withinLimit = (value: string, limit: number): boolean =>
  value.length <= limit || !exceedsLimit(value, limit);

/** A string within `limit` code points (a `FIELD_LIMITS` figure). */
const isText = (value: unknown, limit: number): boolean =>
  typeof value === 'string' && withinLimit(value, limit);

const { id: ID, url: URL_LIMIT } = FIELD_LIMITS;

/** A non-empty string within the id limit. */
const isId = (value: unknown): boolean =>
  typeof value === 'string' && value.length > 0 && withinLimit(value, ID);

const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

const isCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const isOptionalUrl = (value: unknown): boolean => value === undefined || isText(value, URL_LIMIT);

const isOptionalId = (value: unknown): boolean => value === undefined || isId(value);

const isOptionalFlag = (value: unknown): boolean =>
  value === undefined || typeof value === 'boolean';

// Enums as comparisons: a string equal to a literal is found without hashing it.
const isRole = (value: unknown): boolean =>
  value === 'operator' || value === 'supervisor' || value === 'internal';
const isStatus = (value: unknown): boolean =>
  value === 'queued' || value === 'active' || value === 'closed';
const isActivityKind = (value: unknown): boolean =>
  value === 'session-closed' || value === 'session-reassigned';
const isDeliveryState = (value: unknown): boolean =>
  value === 'sent' || value === 'delivered' || value === 'failed';
const isCause = (value: unknown): boolean =>
  value === 'created' ||
  value === 'taken' ||
  value === 'reassigned' ||
  value === 'returned' ||
  value === 'closed' ||
  value === 'reopened' ||
  value === 'renamed' ||
  value === 'bound' ||
  value === 'tagged' ||
  value === 'prioritised' ||
  value === 'message';

/**
 * A known channel: the common ones by comparison with their literals (no lookup of the value
 * in a table: a string that is not interned would first be looked up in V8's string table),
 * then {@link isChannel} for the others.
 */
const isKnownChannel = (value: unknown): boolean =>
  value === 'telegram' || value === 'web' || value === 'whatsapp' || isChannel(value);

/** `name` + the inner path of a nested value's problem. */
const nested = (name: string, problem: string | undefined): string | undefined =>
  problem === undefined ? undefined : problem === '' ? name : `${name}.${problem}`;

/** The first bad item of an array, as `name[index].path`. */
function listProblem(value: unknown, name: string, check: Check): string | undefined {
  if (!Array.isArray(value)) return name;
  for (let i = 0; i < value.length; i++) {
    const problem = check(value[i]);
    if (problem !== undefined) return nested(`${name}[${i}]`, problem);
  }
  return undefined;
}

const idProblem: Check = (value) => (isId(value) ? undefined : '');

const channelProblem: Check = (value) => (isKnownChannel(value) ? undefined : '');

function targetProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (value.kind === 'operator') return isId(value.operatorId) ? undefined : 'operatorId';
  if (value.kind === 'group') return isId(value.groupId) ? undefined : 'groupId';
  return 'kind';
}

const assigneeProblem = (value: unknown): string | undefined =>
  value === null ? undefined : targetProblem(value);

function bindingProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.binderId)) return 'binderId';
  if (!isId(value.recordId)) return 'recordId';
  if (!isText(value.label, FIELD_LIMITS.recordLabel)) return 'label';
  if (!isOptionalId(value.messageId)) return 'messageId';
  return undefined;
}

/** Why `value` is not a {@link Session}, or `undefined`. */
export function sessionProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  if (!isId(value.liveChatId)) return 'liveChatId';
  if (!isId(value.customerId)) return 'customerId';
  if (!isText(value.name, FIELD_LIMITS.sessionName)) return 'name';
  if (!isKnownChannel(value.channel)) return 'channel';
  if (!isStatus(value.status)) return 'status';
  const assignee = nested('assignee', assigneeProblem(value.assignee));
  if (assignee !== undefined) return assignee;
  if (!isNumber(value.firstMessageAt)) return 'firstMessageAt';
  if (!isNumber(value.lastMessageAt)) return 'lastMessageAt';
  if (!isText(value.lastMessagePreview, FIELD_LIMITS.preview)) return 'lastMessagePreview';
  if (!isCount(value.lastMessageOrder)) return 'lastMessageOrder';
  if (value.queuedAt !== null && !isNumber(value.queuedAt)) return 'queuedAt';
  if (value.lastOperatorId !== null && !isId(value.lastOperatorId)) return 'lastOperatorId';
  const bindings = listProblem(value.bindings, 'bindings', bindingProblem);
  if (bindings !== undefined) return bindings;
  if (value.tags !== undefined) {
    const tags = listProblem(value.tags, 'tags', idProblem);
    if (tags !== undefined) return tags;
  }
  if (!isOptionalFlag(value.urgent)) return 'urgent';
  return value.handover === undefined
    ? undefined
    : nested('handover', handoverProblem(value.handover));
}

function handoverProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isText(value.note, FIELD_LIMITS.handoverNote)) return 'note';
  if (!isId(value.fromId)) return 'fromId';
  return isNumber(value.at) ? undefined : 'at';
}

function authorProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (value.kind === 'customer') return isId(value.customerId) ? undefined : 'customerId';
  if (value.kind === 'operator') return isId(value.userId) ? undefined : 'userId';
  return value.kind === 'system' ? undefined : 'kind';
}

function deliveryProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isDeliveryState(value.state)) return 'state';
  if (!isNumber(value.at)) return 'at';
  if (!isCount(value.attempts)) return 'attempts';
  const reason = value.reason;
  return reason === undefined || isText(reason, FIELD_LIMITS.deliveryReason) ? undefined : 'reason';
}

const isOptionalMessageKey = (value: unknown): boolean =>
  value === undefined ||
  (typeof value === 'string' && value.length > 0 && withinLimit(value, MAX_MESSAGE_KEY_LENGTH));

/** Why `value` is not a {@link Message}, or `undefined`. */
export function messageProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  if (!isId(value.sessionId)) return 'sessionId';
  if (!isOptionalMessageKey(value.clientMessageId)) return 'clientMessageId';
  const author = nested('author', authorProblem(value.author));
  if (author !== undefined) return author;
  if (!isText(value.text, FIELD_LIMITS.messageText)) return 'text';
  if (!isKnownChannel(value.channel)) return 'channel';
  if (!isNumber(value.sentAt)) return 'sentAt';
  if (!isCount(value.order)) return 'order';
  if (value.internal !== undefined && value.internal !== true) return 'internal';
  if (value.mentions !== undefined) {
    const mentions = listProblem(value.mentions, 'mentions', idProblem);
    if (mentions !== undefined) return mentions;
  }
  if (value.attachments !== undefined) {
    if (Array.isArray(value.attachments) && value.attachments.length > MAX_ATTACHMENT_IDS)
      return 'attachments';
    const files = listProblem(value.attachments, 'attachments', invalidAttachment);
    if (files !== undefined) return files;
  }
  if (value.channelDelivery === undefined) return undefined;
  return nested('channelDelivery', deliveryProblem(value.channelDelivery));
}

function userProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  if (!isText(value.name, FIELD_LIMITS.userName)) return 'name';
  if (!isRole(value.role)) return 'role';
  if (!isOptionalUrl(value.avatarUrl)) return 'avatarUrl';
  if (!isOptionalUrl(value.profileUrl)) return 'profileUrl';
  return undefined;
}

function customerProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  if (!isText(value.name, FIELD_LIMITS.customerName)) return 'name';
  if (!isOptionalUrl(value.avatarUrl)) return 'avatarUrl';
  if (value.kind === 'internal') {
    if (!isId(value.userId)) return 'userId';
    return isOptionalUrl(value.profileUrl) ? undefined : 'profileUrl';
  }
  if (value.kind !== 'external') return 'kind';
  if (!isText(value.account, FIELD_LIMITS.account)) return 'account';
  if (!isKnownChannel(value.messenger)) return 'messenger';
  return isOptionalFlag(value.inHostDatabase) ? undefined : 'inHostDatabase';
}

function liveChatProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  if (!isText(value.name, FIELD_LIMITS.liveChatName)) return 'name';
  return (
    listProblem(value.channels, 'channels', channelProblem) ??
    listProblem(value.operatorIds, 'operatorIds', idProblem) ??
    listProblem(value.supervisorIds, 'supervisorIds', idProblem) ??
    listProblem(value.groupIds, 'groupIds', idProblem) ??
    listProblem(value.reassignmentTargets, 'reassignmentTargets', targetProblem) ??
    (isOptionalFlag(value.reopenToLastOperator) ? undefined : 'reopenToLastOperator') ??
    (value.tags === undefined ? undefined : listProblem(value.tags, 'tags', tagProblem)) ??
    (value.waitingThresholds === undefined
      ? undefined
      : nested('waitingThresholds', thresholdsProblem(value.waitingThresholds)))
  );
}

function tagProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  return isText(value.label, FIELD_LIMITS.tagLabel) ? undefined : 'label';
}

function thresholdsProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isCount(value.warnAfterMs)) return 'warnAfterMs';
  return isCount(value.alarmAfterMs) ? undefined : 'alarmAfterMs';
}

function groupProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  if (!isId(value.liveChatId)) return 'liveChatId';
  if (!isText(value.name, FIELD_LIMITS.groupName)) return 'name';
  return listProblem(value.memberIds, 'memberIds', idProblem);
}

function activityProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  if (!isActivityKind(value.kind)) return 'kind';
  if (!isId(value.sessionId)) return 'sessionId';
  if (!isText(value.sessionName, FIELD_LIMITS.sessionName)) return 'sessionName';
  if (!isId(value.liveChatId)) return 'liveChatId';
  if (!isId(value.actorId)) return 'actorId';
  if (!isNumber(value.at)) return 'at';
  if (value.note !== undefined && !isText(value.note, FIELD_LIMITS.handoverNote)) return 'note';
  if (value.target === undefined) return undefined;
  return targetProblem(value.target) === undefined ? undefined : 'target';
}

function alertProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  if (value.kind !== undefined && value.kind !== 'message' && value.kind !== 'mention') {
    return 'kind';
  }
  if (!isOptionalId(value.mentionedBy)) return 'mentionedBy';
  if (!isId(value.sessionId)) return 'sessionId';
  if (!isId(value.liveChatId)) return 'liveChatId';
  if (!isId(value.messageId)) return 'messageId';
  // Both absent when the recipient may not open the session.
  if (value.customerName !== undefined && !isText(value.customerName, FIELD_LIMITS.customerName))
    return 'customerName';
  if (value.preview !== undefined && !isText(value.preview, FIELD_LIMITS.preview)) return 'preview';
  if (!isKnownChannel(value.channel)) return 'channel';
  return isNumber(value.at) ? undefined : 'at';
}

/**
 * Why `value` is not a {@link ServerEvent} of a known type, or `undefined`. Its `seq` must be a
 * number; whether it is the next one is the stream's business.
 */
export function serverEventProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (typeof value.seq !== 'number') return 'seq';
  switch (value.type) {
    case 'session.upserted':
      if (!isCount(value.unread)) return 'unread';
      if (!isCause(value.cause)) return 'cause';
      return nested('session', sessionProblem(value.session));
    case 'session.removed':
      return isId(value.sessionId) ? undefined : 'sessionId';
    case 'message.added':
      if (!isCount(value.unread)) return 'unread';
      if (value.session !== undefined) {
        const session = nested('session', sessionProblem(value.session));
        if (session !== undefined) return session;
      }
      return nested('message', messageProblem(value.message));
    case 'message.updated':
      return nested('message', messageProblem(value.message));
    case 'session.read':
      if (!isCount(value.unread)) return 'unread';
      return isId(value.sessionId) ? undefined : 'sessionId';
    case 'alert':
      return nested('alert', alertProblem(value.alert));
    case 'activity.added':
      return nested('entry', activityProblem(value.entry));
    case 'customer.upserted':
      return nested('customer', customerProblem(value.customer));
    case 'presence.changed':
      return nested('presence', presenceProblem(value.presence));
    case 'canned.upserted':
      return nested('reply', cannedProblem(value.reply));
    case 'canned.removed':
      return isId(value.replyId) ? undefined : 'replyId';
    default:
      return 'type';
  }
}

function unreadProblem(value: unknown): string | undefined {
  if (!isRecord(value) || Array.isArray(value)) return 'unread';
  for (const id of Object.keys(value)) {
    if (!isId(id) || !isCount(value[id])) return isId(id) ? `unread.${id}` : 'unread';
  }
  return undefined;
}

/** Why `value` is not a {@link Snapshot}, or `undefined`. */
export function snapshotProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isCount(value.seq)) return 'seq';
  return (
    nested('me', userProblem(value.me)) ??
    listProblem(value.users, 'users', userProblem) ??
    listProblem(value.liveChats, 'liveChats', liveChatProblem) ??
    listProblem(value.groups, 'groups', groupProblem) ??
    listProblem(value.customers, 'customers', customerProblem) ??
    listProblem(value.sessions, 'sessions', sessionProblem) ??
    unreadProblem(value.unread) ??
    listProblem(value.activity, 'activity', activityProblem) ??
    (value.presence === undefined
      ? undefined
      : listProblem(value.presence, 'presence', presenceProblem)) ??
    (value.cannedReplies === undefined
      ? undefined
      : listProblem(value.cannedReplies, 'cannedReplies', cannedProblem))
  );
}

function cannedScopeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (value.kind === 'live-chat') return isId(value.liveChatId) ? undefined : 'liveChatId';
  if (value.kind === 'personal') return isId(value.userId) ? undefined : 'userId';
  return 'kind';
}

function cannedProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.id)) return 'id';
  const scope = nested('scope', cannedScopeProblem(value.scope));
  if (scope !== undefined) return scope;
  if (!isText(value.shortcut, CANNED_LIMITS.shortcut)) return 'shortcut';
  if (!isText(value.text, FIELD_LIMITS.messageText)) return 'text';
  if (!isNumber(value.updatedAt)) return 'updatedAt';
  return isId(value.updatedBy) ? undefined : 'updatedBy';
}

const isAvailability = (value: unknown): boolean =>
  value === 'online' || value === 'away' || value === 'offline';

function presenceProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.userId)) return 'userId';
  if (!isAvailability(value.status)) return 'status';
  if (!isNumber(value.since)) return 'since';
  return isOptionalFlag(value.auto) ? undefined : 'auto';
}

function rangeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isCount(value.start)) return 'start';
  return isCount(value.end) && (value.end as number) >= (value.start as number) ? undefined : 'end';
}

function searchHitProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (!isId(value.sessionId)) return 'sessionId';
  const ranges = listProblem(value.ranges, 'ranges', rangeProblem);
  if (ranges !== undefined) return ranges;
  if (value.kind === 'session') {
    if (!isText(value.text, FIELD_LIMITS.sessionName)) return 'text';
    if (value.tags === undefined) return undefined;
    return listProblem(value.tags, 'tags', (tag) =>
      isText(tag, FIELD_LIMITS.tagLabel) ? undefined : '',
    );
  }
  if (value.kind !== 'message') return 'kind';
  if (!isId(value.messageId)) return 'messageId';
  if (!isCount(value.order)) return 'order';
  return isText(value.text, FIELD_LIMITS.messageText) ? undefined : 'text';
}

/** Why `value` is not a list of {@link SearchHit}s, or `undefined`. */
export function searchHitsProblem(value: unknown): string | undefined {
  return listProblem(value, 'hits', searchHitProblem);
}

/** Why `value` is not a list of customers (the answer of a customer read), or `undefined`. */
export function customersProblem(value: unknown): string | undefined {
  return listProblem(value, 'customers', customerProblem);
}

/** Why `value` is not a page of history (`{ messages, hasMore }`), or `undefined`. */
export function messagePageProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return '';
  if (typeof value.hasMore !== 'boolean') return 'hasMore';
  return listProblem(value.messages, 'messages', messageProblem);
}

/**
 * The `INVALID_DATA` error for a refused value: `what` names it (`'snapshot'`, `'event'`), and
 * `problem` is the path of its first bad field (as the checks of this module return it).
 */
export function invalidData(what: string, problem: string): ErrorInfo {
  const path = problem === '' ? what : `${what}.${problem}`;
  return {
    code: 'INVALID_DATA',
    message: `The backend sent an invalid ${what} (at "${path}"); it was not applied.`,
    details: { path },
  };
}
