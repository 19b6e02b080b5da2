/**
 * Operator command handlers. Each handler validates everything first (ids, input, permissions
 * through the core access rules, the transition through the core state machine) and only then
 * writes, so a refused command changes nothing. Each runs inside one transaction of the store,
 * which is what makes check-and-set atomic: of two operators taking a session at once, one
 * wins and the other gets `ALREADY_TAKEN`.
 */
import {
  canActOn,
  canView,
  isInQueueOf,
  isMemberOf,
  isStaff,
  memberLiveChats,
  sameTarget,
  type Viewer,
} from '../domain/access.js';
import { combineResults, fail, ok, type Result } from '../domain/errors.js';
import { CUSTOMER_KEY_PREFIX, isCustomerMessageKey } from '../domain/message-keys.js';
import { transition } from '../domain/state-machine.js';
import {
  OUTBOUND_CHANNELS,
  type AssigneeTarget,
  type Binding,
  type Customer,
  type Id,
  type Session,
} from '../domain/types.js';
import {
  validateHandoverNote,
  validateId,
  validateLabel,
  validateMessageText,
  validateOptionalId,
  validateSessionName,
} from '../domain/validation.js';
import type { Command, CommandType } from '../protocol/commands.js';
import type { Context } from './context.js';
import { isCustomerOf, mayContact } from './customer-scope.js';
import {
  checkTransition,
  notYours,
  onSession,
  saveSession,
  type Actor,
  type Handler,
} from './handler.js';
import {
  fanOutActivity,
  fanOutCustomer,
  fanOutRead,
  fanOutSession,
  introduceCustomer,
  membersOf,
} from './fanout.js';
import { deleteCannedReply, saveCannedReply } from './canned.js';
import { addNote } from './notes.js';
import { setAvailability } from './presence.js';
import { io, type Step } from './steps.js';
import { setUrgent, tagSession } from './triage.js';
import {
  assignedTo,
  attachmentsFor,
  defaultSessionName,
  messageTextOf,
  newSession,
  operatorMessage,
  queuedFor,
  recordClosed,
  recordResponse,
  recordTaken,
  withHandover,
  withLastMessage,
} from './values.js';

/*
 * Checks run in this order, and the first failure is the answer:
 *   1. ids and input shape                → VALIDATION, or NOT_FOUND for an unknown id
 *   2. membership of the session's live chat → FORBIDDEN
 *   3. text, names, reassignment targets  → VALIDATION
 *   4. the state machine (core transition) → INVALID_TRANSITION, or ALREADY_TAKEN when another
 *      operator has the session
 *   5. the access rules (core canActOn / isInQueueOf / canView) → FORBIDDEN
 * +New Session (start-outbound): FORBIDDEN when the live chat has no messenger or email channel
 * at all (the button is unavailable there), VALIDATION for a channel the live chat or the
 * customer does not use, CONFLICT while the customer has an open session in that live chat.
 */

/** Makes `session` active for the actor and reports it (the shared end of take and take-next). */
function* commitTake(context: Context, actor: Actor, session: Session): Step<Session> {
  const after = assignedTo(session, actor.userId);
  yield* io(context.tx.putSession(after));
  yield* recordTaken(context, session.id, actor.userId);
  yield* fanOutSession(context, session, after, 'taken');
  return after;
}

/** Validates a take of `session` by the actor. */
function checkTake(actor: Actor, session: Session): Result<never> | undefined {
  if (session.status === 'active' && session.assignee?.kind === 'operator') {
    const yours = session.assignee.operatorId === actor.userId;
    return fail(
      'ALREADY_TAKEN',
      yours ? 'This session is already yours.' : 'Another operator has already taken this session.',
      { sessionId: session.id, assignee: session.assignee },
    );
  }
  const refused = checkTransition(session, 'take');
  if (refused) return refused;
  // Queued for a group the actor is not in.
  if (!isInQueueOf(actor.viewer, session)) return notYours(session);
  return undefined;
}

const take = onSession<'session.take'>(function* (context, actor, command, session) {
  const refused = checkTake(actor, session);
  if (refused) return refused;
  return ok({ session: yield* commitTake(context, actor, session) });
});

const takeNext: Handler<'session.take-next'> = function* (context, actor, command) {
  let liveChatIds: Iterable<Id> = memberLiveChats(actor.viewer);
  if (command.liveChatId !== undefined) {
    const id = validateId(command.liveChatId, 'liveChatId');
    if (!id.ok) return id;
    if (!(yield* context.liveChat(id.value))) {
      return fail('NOT_FOUND', `There is no live chat "${id.value}".`);
    }
    if (!isMemberOf(actor.viewer, id.value)) {
      return fail('FORBIDDEN', 'You are not a member of this live chat.');
    }
    liveChatIds = [id.value];
  }
  // Each live chat's queue is urgent first, then oldest first, so its first session in the
  // actor's queue is its best; across live chats the same order decides.
  let oldest: Session | undefined;
  for (const liveChatId of liveChatIds) {
    for (const candidate of yield* io(context.tx.queuedOf(liveChatId))) {
      if (!isInQueueOf(actor.viewer, candidate)) continue;
      if (!oldest || comesFirst(candidate, oldest)) oldest = candidate;
      break;
    }
  }
  if (!oldest) return fail('NOT_FOUND', 'Your queue is empty.');
  // Read it again through the store, so a store that locks rows locks it before the change.
  const session = (yield* io(context.tx.session(oldest.id))) ?? oldest;
  const refused = checkTake(actor, session);
  if (refused) return refused;
  return ok({ session: yield* commitTake(context, actor, session) });
};

/** Whether queued session `a` goes before `b`: urgent first, then the one waiting longer. */
function comesFirst(a: Session, b: Session): boolean {
  if (Boolean(a.urgent) !== Boolean(b.urgent)) return Boolean(a.urgent);
  return (a.queuedAt ?? 0) < (b.queuedAt ?? 0);
}

/**
 * An operator's `clientMessageId`: an id outside the customers' namespace (see
 * message-keys.ts), so it can never be taken for a customer's message or take one's place.
 */
function operatorMessageKey(value: unknown): Result<string> {
  const key = validateId(value, 'clientMessageId');
  if (key.ok && isCustomerMessageKey(key.value)) {
    return fail('VALIDATION', `A clientMessageId may not start with "${CUSTOMER_KEY_PREFIX}".`, {
      field: 'clientMessageId',
    });
  }
  return key;
}

const send = onSession<'message.send'>(function* (context, actor, command, session) {
  const clientMessageId = operatorMessageKey(command.clientMessageId);
  if (!clientMessageId.ok) return clientMessageId;
  // A retried send (even under a new commandId) returns the message it already created.
  const existing = yield* io(context.tx.messageByClientId(session.id, clientMessageId.value));
  if (existing) {
    if (existing.author.kind === 'operator' && existing.author.userId === actor.userId) {
      return ok({ message: existing, session });
    }
    return fail('CONFLICT', 'Another message of this session already uses this clientMessageId.', {
      clientMessageId: clientMessageId.value,
    });
  }
  const files = attachmentsFor(context, command.attachmentIds);
  if (!files.ok) return files;
  const text = messageTextOf(command.text, files.value);
  if (!text.ok) return text;
  if (command.internal === true) {
    if (files.value.length > 0) {
      return fail('VALIDATION', 'A private note cannot carry files.', { field: 'attachmentIds' });
    }
    return yield* addNote(context, actor, session, text.value, clientMessageId.value, command);
  }
  if (command.internal !== undefined && command.internal !== false) {
    return fail('VALIDATION', '"internal" must be true or false.', { field: 'internal' });
  }
  if (command.mentions !== undefined) {
    return fail('VALIDATION', 'Only a private note can mention colleagues.', { field: 'mentions' });
  }
  if (session.status === 'closed') {
    return fail(
      'INVALID_TRANSITION',
      'A closed session cannot be answered; it reopens when the customer writes again.',
      { sessionId: session.id, from: 'closed' },
    );
  }
  // Replying to a queued session takes it; an active one must be the actor's (or supervised).
  const takes = session.status === 'queued';
  if (takes) {
    const refused = checkTake(actor, session);
    if (refused) return refused;
  } else if (!canActOn(actor.viewer, session)) {
    // Someone else holds it: the refusal names them, as a lost take does.
    return checkTake(actor, session) ?? notYours(session);
  }

  const base = takes ? assignedTo(session, actor.userId) : session;
  const message = yield* operatorMessage(
    context,
    base,
    actor.userId,
    text.value,
    clientMessageId.value,
    files.value,
  );
  const after = withLastMessage(base, message);
  yield* io(context.tx.appendMessage(message));
  yield* io(context.tx.putSession(after));
  // Writing in a session means having read it.
  yield* io(context.tx.setReadMarker(actor.userId, session.id, message.order));
  if (takes) yield* recordTaken(context, session.id, actor.userId);
  yield* recordResponse(context, session.id, actor.userId, message.sentAt);
  yield* fanOutSession(context, session, after, takes ? 'taken' : 'message', message);
  return ok({ message, session: after });
});

const close = onSession<'session.close'>(function* (context, actor, command, session) {
  const refused = checkTransition(session, 'close');
  if (refused) return refused;
  if (!canActOn(actor.viewer, session)) return notYours(session);

  const after = withHandover({ ...session, status: 'closed', queuedAt: null }, undefined);
  yield* io(context.tx.putSession(after));
  yield* recordClosed(context, session.id, actor.userId);
  yield* fanOutSession(context, session, after, 'closed');
  yield* fanOutActivity(context, yield* membersOf(context, session.liveChatId), {
    id: yield* context.newId('activity'),
    kind: 'session-closed',
    sessionId: session.id,
    sessionName: session.name,
    liveChatId: session.liveChatId,
    actorId: actor.userId,
    at: context.now,
  });
  return ok({ session: after });
});

/** Parses a reassignment target from untrusted input. */
function parseTarget(value: unknown): AssigneeTarget | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const target = value as Record<string, unknown>;
  if (target.kind === 'operator' && validateId(target.operatorId, 'operatorId').ok) {
    return { kind: 'operator', operatorId: target.operatorId as Id };
  }
  if (target.kind === 'group' && validateId(target.groupId, 'groupId').ok) {
    return { kind: 'group', groupId: target.groupId as Id };
  }
  return undefined;
}

const reassign = onSession<'session.reassign'>(function* (context, actor, command, session) {
  const chat = yield* context.liveChat(session.liveChatId);
  const target = parseTarget(command.target);
  if (!chat || !target) {
    return fail('VALIDATION', 'A reassignment target is an operator or a group.');
  }
  const note = command.note === undefined ? undefined : validateHandoverNote(command.note);
  if (note && !note.ok) return note;
  if (!chat.reassignmentTargets.some((allowed) => sameTarget(target, allowed))) {
    return fail(
      'VALIDATION',
      'The session can only be reassigned to the targets set in the live chat settings.',
      { target },
    );
  }
  // The settings may be stale: the target must still exist and belong to the live chat.
  const group = target.kind === 'group' ? yield* io(context.tx.group(target.groupId)) : undefined;
  const targetValid =
    target.kind === 'operator'
      ? chat.operatorIds.includes(target.operatorId)
      : group?.liveChatId === chat.id;
  if (!targetValid) {
    return fail('VALIDATION', 'The reassignment target no longer belongs to this live chat.', {
      target,
    });
  }
  const refused = checkTransition(
    session,
    target.kind === 'operator' ? 'reassign-to-operator' : 'reassign-to-group',
  );
  if (refused) return refused;
  if (!canActOn(actor.viewer, session)) return notYours(session);
  if (sameTarget(target, session.assignee)) {
    return fail('VALIDATION', 'The session is already assigned there.', { target });
  }

  const moved =
    target.kind === 'operator'
      ? assignedTo(session, target.operatorId)
      : queuedFor(session, target, context.now);
  const after = withHandover(
    moved,
    note && { note: note.value, fromId: actor.userId, at: context.now },
  );
  yield* io(context.tx.putSession(after));
  if (target.kind === 'operator') yield* recordTaken(context, session.id, target.operatorId);
  yield* fanOutSession(context, session, after, 'reassigned');
  const receivers = target.kind === 'operator' ? [target.operatorId] : (group?.memberIds ?? []);
  yield* fanOutActivity(context, [...receivers, ...chat.supervisorIds], {
    id: yield* context.newId('activity'),
    kind: 'session-reassigned',
    sessionId: session.id,
    sessionName: session.name,
    liveChatId: session.liveChatId,
    actorId: actor.userId,
    at: context.now,
    target,
    ...(note && { note: note.value }),
  });
  return ok({ session: after });
});

const returnToQueue = onSession<'session.return-to-queue'>(
  function* (context, actor, command, session) {
    const refused = checkTransition(session, 'return-to-queue');
    if (refused) return refused;
    if (!canActOn(actor.viewer, session)) return notYours(session);
    const after = withHandover(queuedFor(session, null, context.now), undefined);
    return yield* saveSession(context, session, after, 'returned');
  },
);

const rename = onSession<'session.rename'>(function* (context, actor, command, session) {
  const name = validateSessionName(command.name);
  if (!name.ok) return name;
  if (!canActOn(actor.viewer, session)) return notYours(session);
  if (name.value === session.name) return ok({ session });
  return yield* saveSession(context, session, { ...session, name: name.value }, 'renamed');
});

const markRead = onSession<'session.mark-read'>(function* (context, actor, command, session) {
  if (!canView(actor.viewer, session)) return notYours(session);
  const upTo = command.upToOrder ?? session.lastMessageOrder;
  if (!Number.isInteger(upTo) || upTo < 0) {
    return fail('VALIDATION', '"upToOrder" must be a whole number, 0 or more.', {
      upToOrder: upTo,
    });
  }
  const marker = Math.min(upTo, session.lastMessageOrder);
  if (marker > (yield* io(context.tx.readMarker(actor.userId, session.id)))) {
    yield* io(context.tx.setReadMarker(actor.userId, session.id, marker));
    yield* fanOutRead(context, actor.userId, session.id);
  }
  return ok({ sessionId: session.id, unread: yield* context.unread(actor.userId, session.id) });
});

const startOutbound: Handler<'session.start-outbound'> = function* (context, actor, command) {
  const liveChatId = validateId(command.liveChatId, 'liveChatId');
  if (!liveChatId.ok) return liveChatId;
  const chat = yield* context.liveChat(liveChatId.value);
  if (!chat) return fail('NOT_FOUND', `There is no live chat "${liveChatId.value}".`);
  if (!isMemberOf(actor.viewer, chat.id)) {
    return fail('FORBIDDEN', 'You are not a member of this live chat.');
  }
  const outbound = chat.channels.filter((channel) => OUTBOUND_CHANNELS.includes(channel));
  // No messenger or email at all: the feature is unavailable here (the UI hides +New Session).
  if (outbound.length === 0) {
    return fail(
      'FORBIDDEN',
      'This live chat has no messenger or email channel to start a session through.',
    );
  }
  if (!outbound.includes(command.channel)) {
    return fail(
      'VALIDATION',
      `Outbound sessions of this live chat go through: ${outbound.join(', ')}.`,
      { channel: command.channel, allowed: outbound },
    );
  }
  const customer = yield* customerInScope(context, actor, command.customerId, mayContact);
  if (!customer.ok) return customer;
  // Everyone goes through the same check: only an external customer's own messenger reaches them.
  const reachable = customer.value.kind === 'external' ? customer.value.messenger : undefined;
  if (reachable !== command.channel) {
    return fail(
      'VALIDATION',
      reachable === undefined
        ? 'An internal user has no messenger or email account to start a session through.'
        : `This customer can only be reached through ${reachable}.`,
      { channel: command.channel, customerChannel: reachable ?? null },
    );
  }
  const latest = yield* io(context.tx.latestSessionOf(customer.value.id, chat.id));
  if (latest && latest.status !== 'closed') {
    return fail('CONFLICT', 'This customer already has an open session in this live chat.', {
      sessionId: latest.id,
    });
  }
  const name =
    command.name === undefined
      ? ok(defaultSessionName(customer.value, command.channel))
      : validateSessionName(command.name);
  if (!name.ok) return name;
  const text = command.text === undefined ? undefined : validateMessageText(command.text);
  if (text && !text.ok) return text;
  const clientMessageId =
    command.clientMessageId === undefined ? undefined : operatorMessageKey(command.clientMessageId);
  if (clientMessageId && !clientMessageId.ok) return clientMessageId;
  const refused = transition(null, 'start-outbound');
  if (!refused.ok) return refused;

  const now = context.now;
  const created = assignedTo(
    yield* newSession(context, chat.id, customer.value, command.channel, name.value),
    actor.userId,
  );
  const episode = {
    sessionId: created.id,
    liveChatId: chat.id,
    origin: 'outbound' as const,
    startedAt: now,
    takenAt: now,
    takenBy: actor.userId,
  };
  if (!latest) yield* introduceCustomer(context, customer.value, chat.id);
  if (!text) {
    yield* io(context.tx.putSession(created));
    yield* io(context.tx.addEpisode(episode));
    yield* fanOutSession(context, undefined, created, 'created');
    return ok({ session: created });
  }
  const message = yield* operatorMessage(
    context,
    created,
    actor.userId,
    text.value,
    clientMessageId?.value,
  );
  const after = withLastMessage(created, message);
  yield* io(context.tx.putSession(after));
  yield* io(context.tx.addEpisode(episode));
  yield* io(context.tx.appendMessage(message));
  yield* io(context.tx.setReadMarker(actor.userId, after.id, message.order));
  yield* recordResponse(context, after.id, actor.userId, message.sentAt);
  yield* fanOutSession(context, undefined, after, 'created', message);
  return ok({ session: after, message });
};

/** Parses a binding from untrusted input: ids, a label, and the message it may register. */
function parseBinding(value: unknown): Result<Binding> {
  const binding = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const fields = combineResults({
    binderId: validateId(binding.binderId, 'binding.binderId'),
    recordId: validateId(binding.recordId, 'binding.recordId'),
    label: validateLabel(binding.label, 'recordLabel', 'binding.label'),
    messageId: validateOptionalId(binding.messageId, 'binding.messageId'),
  });
  if (!fields.ok) return fields;
  const { messageId, ...parsed } = fields.value;
  return ok(messageId === undefined ? parsed : { messageId, ...parsed });
}

const bind = onSession<'session.bind'>(function* (context, actor, command, session) {
  const binding = parseBinding(command.binding);
  if (!binding.ok) return binding;
  if (!canActOn(actor.viewer, session)) return notYours(session);
  const { messageId } = binding.value;
  if (messageId !== undefined) {
    const message = yield* io(context.tx.message(messageId));
    if (message?.sessionId !== session.id) {
      return fail('NOT_FOUND', `Message "${messageId}" is not part of this session.`, {
        messageId,
      });
    }
  }
  const duplicate = session.bindings.some(
    (b) =>
      b.binderId === binding.value.binderId &&
      b.recordId === binding.value.recordId &&
      b.messageId === messageId,
  );
  if (duplicate) return fail('CONFLICT', 'This record is already bound.', { ...binding.value });
  return yield* saveSession(
    context,
    session,
    { ...session, bindings: [...session.bindings, binding.value] },
    'bound',
  );
});

const unbind = onSession<'session.unbind'>(function* (context, actor, command, session) {
  for (const field of ['binderId', 'recordId'] as const) {
    const id = validateId(command[field], field);
    if (!id.ok) return id;
  }
  if (!canActOn(actor.viewer, session)) return notYours(session);
  const bindings = session.bindings.filter(
    (b) => !(b.binderId === command.binderId && b.recordId === command.recordId),
  );
  if (bindings.length === session.bindings.length) {
    return fail('NOT_FOUND', 'No such binding on this session.', {
      binderId: command.binderId,
      recordId: command.recordId,
    });
  }
  return yield* saveSession(context, session, { ...session, bindings }, 'bound');
});

/**
 * The customer named by a command, if the actor may act on them (`within`, see
 * customer-scope.ts); a customer out of the actor's reach is as unknown as a missing one.
 */
function* customerInScope(
  context: Context,
  actor: Actor,
  customerId: unknown,
  within: (context: Context, viewer: Viewer, customerId: Id) => Step<boolean>,
): Step<Result<Customer>> {
  const id = validateId(customerId, 'customerId');
  if (!id.ok) return id;
  const customer = yield* io(context.tx.customer(id.value));
  if (!customer || !(yield* within(context, actor.viewer, customer.id))) {
    return fail('NOT_FOUND', `There is no customer "${id.value}".`, { customerId: id.value });
  }
  return ok(customer);
}

const markCustomerAdded: Handler<'customer.mark-added'> = function* (context, actor, command) {
  if (!isStaff(actor.viewer)) {
    return fail('FORBIDDEN', 'Only operators and supervisors manage customers.');
  }
  // Only a customer of the actor's live chats.
  const found = yield* customerInScope(context, actor, command.customerId, isCustomerOf);
  if (!found.ok) return found;
  const customer = found.value;
  if (customer.kind !== 'external') {
    return fail('VALIDATION', 'Internal users are already in the host system.');
  }
  if (!customer.inHostDatabase) {
    const after = { ...customer, inHostDatabase: true };
    yield* io(context.tx.putCustomer(after));
    yield* fanOutCustomer(context, after);
  }
  return ok({ customerId: customer.id });
};

/** Every command's handler, by type. */
const COMMAND_HANDLERS: { [T in CommandType]: Handler<T> } = {
  'session.take': take,
  'session.take-next': takeNext,
  'message.send': send,
  'session.close': close,
  'session.reassign': reassign,
  'session.return-to-queue': returnToQueue,
  'session.rename': rename,
  'session.mark-read': markRead,
  'session.start-outbound': startOutbound,
  'session.bind': bind,
  'session.unbind': unbind,
  'customer.mark-added': markCustomerAdded,
  'session.tag': tagSession,
  'session.set-urgent': setUrgent,
  'presence.set': setAvailability,
  'canned.save': saveCannedReply,
  'canned.delete': deleteCannedReply,
};

/** The handler of a command type, if there is one (the type comes from untrusted input). */
export function handlerOf(
  type: unknown,
): ((context: Context, actor: Actor, command: Command) => Step<Result<unknown>>) | undefined {
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_HANDLERS, type)) return undefined;
  return COMMAND_HANDLERS[type as CommandType] as (
    context: Context,
    actor: Actor,
    command: Command,
  ) => Step<Result<unknown>>;
}
