/**
 * Canned replies: a live chat's shared replies, kept by its supervisors and read by its staff,
 * and each user's personal ones. Every change is told to whoever may use the reply.
 */
import { isMemberOf, isStaff, isSupervisorOf } from '../domain/access.js';
import {
  CANNED_LIMITS,
  CANNED_SHORTCUT_PATTERN,
  cannedScopeKey,
  type CannedReply,
  type CannedScope,
} from '../domain/canned.js';
import { fail, ok, type Result } from '../domain/errors.js';
import type { Id } from '../domain/types.js';
import { validateId, validateMessageText } from '../domain/validation.js';
import type { Context } from './context.js';
import { membersOf } from './fanout.js';
import type { Actor, Handler } from './handler.js';
import { io, type Step } from './steps.js';

/** The scope of a command, from untrusted input; a personal scope is always the actor's own. */
function parseScope(value: unknown, actor: Actor): Result<CannedScope> {
  const scope = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (scope.kind === 'personal') return ok({ kind: 'personal', userId: actor.userId });
  if (scope.kind === 'live-chat') {
    const id = validateId(scope.liveChatId, 'scope.liveChatId');
    return id.ok ? ok({ kind: 'live-chat', liveChatId: id.value }) : id;
  }
  return fail('VALIDATION', 'A canned reply is personal or belongs to a live chat.', {
    field: 'scope',
  });
}

/** Whether the actor may save or delete replies of `scope`: their own, or their live chat's as its supervisor. */
function mayKeep(actor: Actor, scope: CannedScope): boolean {
  return scope.kind === 'personal'
    ? scope.userId === actor.userId
    : isSupervisorOf(actor.viewer, scope.liveChatId);
}

/** Who may use the replies of `scope`: the user, or the live chat's staff. */
function* audienceOf(context: Context, scope: CannedScope): Step<Iterable<Id>> {
  return scope.kind === 'personal' ? [scope.userId] : yield* membersOf(context, scope.liveChatId);
}

/** The canned replies the user may use: their own and their live chats'. */
export function* usableCannedReplies(context: Context, userId: Id): Step<CannedReply[]> {
  const viewer = yield* context.viewer(userId);
  if (!isStaff(viewer)) return [];
  const replies = [
    ...(yield* io(context.tx.cannedRepliesOf(cannedScopeKey({ kind: 'personal', userId })))),
  ];
  for (const liveChatId of new Set([...viewer.operatorOf, ...viewer.supervisorOf])) {
    const key = cannedScopeKey({ kind: 'live-chat', liveChatId });
    replies.push(...(yield* io(context.tx.cannedRepliesOf(key))));
  }
  return replies;
}

/** `canned.save`: creates or changes a reply, and tells whoever may use it. */
export const saveCannedReply: Handler<'canned.save'> = function* (context, actor, command) {
  if (!isStaff(actor.viewer)) {
    return fail('FORBIDDEN', 'Only operators and supervisors have canned replies.');
  }
  const scope = parseScope(command.scope, actor);
  if (!scope.ok) return scope;
  if (scope.value.kind === 'live-chat' && !(yield* context.liveChat(scope.value.liveChatId))) {
    return fail('NOT_FOUND', `There is no live chat "${scope.value.liveChatId}".`);
  }
  if (!mayKeep(actor, scope.value)) {
    const member =
      scope.value.kind === 'live-chat' && isMemberOf(actor.viewer, scope.value.liveChatId);
    return fail(
      'FORBIDDEN',
      member
        ? "Only the live chat's supervisors keep its canned replies."
        : 'You are not a member of this live chat.',
    );
  }
  if (typeof command.shortcut !== 'string' || !CANNED_SHORTCUT_PATTERN.test(command.shortcut)) {
    return fail(
      'VALIDATION',
      `A shortcut is 1 to ${CANNED_LIMITS.shortcut} letters, digits, "_", "-" or ".".`,
      { field: 'shortcut' },
    );
  }
  const text = validateMessageText(command.text);
  if (!text.ok) return text;
  const existing =
    command.replyId === undefined ? undefined : yield* io(context.tx.cannedReply(command.replyId));
  if (command.replyId !== undefined) {
    if (!existing || !mayKeep(actor, existing.scope)) {
      return fail('NOT_FOUND', `There is no canned reply "${String(command.replyId)}".`);
    }
    if (cannedScopeKey(existing.scope) !== cannedScopeKey(scope.value)) {
      return fail('VALIDATION', 'A canned reply keeps its scope; save a new one instead.', {
        field: 'scope',
      });
    }
  }
  const siblings = yield* io(context.tx.cannedRepliesOf(cannedScopeKey(scope.value)));
  const shortcut = command.shortcut.toLocaleLowerCase();
  const clash = siblings.find(
    (reply) => reply.id !== existing?.id && reply.shortcut.toLocaleLowerCase() === shortcut,
  );
  if (clash) {
    return fail('CONFLICT', `Another canned reply here already uses "/${command.shortcut}".`, {
      replyId: clash.id,
    });
  }
  if (!existing && siblings.length >= CANNED_LIMITS.perScope) {
    return fail('VALIDATION', `A scope keeps at most ${CANNED_LIMITS.perScope} canned replies.`, {
      limit: CANNED_LIMITS.perScope,
    });
  }
  const reply: CannedReply = {
    id: existing?.id ?? (yield* context.newId('canned')),
    scope: scope.value,
    shortcut: command.shortcut,
    text: text.value,
    updatedAt: context.now,
    updatedBy: actor.userId,
  };
  yield* io(context.tx.putCannedReply(reply));
  for (const userId of yield* audienceOf(context, reply.scope)) {
    yield* context.emit(userId, { type: 'canned.upserted', reply });
  }
  return ok({ reply });
};

/** `canned.delete`: deletes a reply the actor may keep, and tells whoever could use it. */
export const deleteCannedReply: Handler<'canned.delete'> = function* (context, actor, command) {
  const id = validateId(command.replyId, 'replyId');
  if (!id.ok) return id;
  const reply = yield* io(context.tx.cannedReply(id.value));
  if (!reply || !mayKeep(actor, reply.scope)) {
    return fail('NOT_FOUND', `There is no canned reply "${id.value}".`);
  }
  yield* io(context.tx.deleteCannedReply(reply.id));
  for (const userId of yield* audienceOf(context, reply.scope)) {
    yield* context.emit(userId, { type: 'canned.removed', replyId: reply.id });
  }
  return ok({ replyId: reply.id });
};
