/**
 * Availability: whether each staff member takes new requests. A user sets theirs (online, away,
 * offline); the workspace may set `away` when they are idle and `offline` when their last
 * connection closes, marked `auto`, and undoes only what it set itself. Who may know: the user
 * and the supervisors of the live chats they operate, who also see everyone's load.
 */
import { isStaff } from '../domain/access.js';
import { fail, ok } from '../domain/errors.js';
import { AVAILABILITIES, type Id, type Presence } from '../domain/types.js';
import type { Context } from './context.js';
import type { Handler } from './handler.js';
import { io, type Step } from './steps.js';

/** The user's availability: what they set, or `online` when they never did. */
export function* presenceOf(context: Context, userId: Id): Step<Presence> {
  return (yield* io(context.tx.presence(userId))) ?? { userId, status: 'online', since: 0 };
}

/** Whether the user takes new requests now. */
export function* isAvailable(context: Context, userId: Id): Step<boolean> {
  return (yield* presenceOf(context, userId)).status === 'online';
}

/** Who learns of the user's availability: they themselves and the supervisors of the live chats they operate. */
export function* presenceAudience(context: Context, userId: Id): Step<Set<Id>> {
  const viewer = yield* context.viewer(userId);
  const audience = new Set<Id>([userId]);
  for (const liveChatId of viewer.operatorOf) {
    const chat = yield* context.liveChat(liveChatId);
    for (const supervisorId of chat?.supervisorIds ?? []) audience.add(supervisorId);
  }
  return audience;
}

/** `presence.set`: the sender's availability; an automatic change never overrides a chosen one. */
export const setAvailability: Handler<'presence.set'> = function* (context, actor, command) {
  if (!isStaff(actor.viewer)) {
    return fail('FORBIDDEN', 'Only operators and supervisors have an availability.');
  }
  if (!(AVAILABILITIES as readonly unknown[]).includes(command.status)) {
    return fail('VALIDATION', `"status" must be one of: ${AVAILABILITIES.join(', ')}.`, {
      field: 'status',
    });
  }
  if (command.auto !== undefined && typeof command.auto !== 'boolean') {
    return fail('VALIDATION', '"auto" must be true or false.', { field: 'auto' });
  }
  const current = yield* presenceOf(context, actor.userId);
  const auto = command.auto === true;
  // The workspace may undo what it set (back from idle), never what the user chose.
  if (auto && current.status !== 'online' && current.auto !== true)
    return ok({ presence: current });
  if (current.status === command.status && Boolean(current.auto) === auto) {
    return ok({ presence: current });
  }
  const presence: Presence = {
    userId: actor.userId,
    status: command.status,
    since: context.now,
    ...(auto && { auto: true }),
  };
  yield* io(context.tx.putPresence(presence));
  for (const userId of yield* presenceAudience(context, actor.userId)) {
    yield* context.emit(userId, { type: 'presence.changed', presence });
  }
  return ok({ presence });
};

/** The availability records a user's snapshot carries: theirs and, for a supervisor, their operators'. */
export function* visiblePresence(context: Context, userId: Id): Step<Presence[]> {
  const viewer = yield* context.viewer(userId);
  const userIds = new Set<Id>([userId]);
  for (const liveChatId of viewer.supervisorOf) {
    const chat = yield* context.liveChat(liveChatId);
    for (const operatorId of chat?.operatorIds ?? []) userIds.add(operatorId);
  }
  const presence: Presence[] = [];
  for (const id of userIds) {
    const stored = yield* io(context.tx.presence(id));
    if (stored) presence.push(stored);
  }
  return presence;
}
