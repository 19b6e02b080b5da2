/**
 * Triage: the tags a session carries and its urgency. Whoever may act on a session may change
 * both; a change that changes nothing answers the session as it is and tells nobody.
 */
import { canActOn } from '../domain/access.js';
import { fail, ok, type Result } from '../domain/errors.js';
import { TAG_LIMITS } from '../domain/limits.js';
import type { Id, LiveChat, Session } from '../domain/types.js';
import { notYours, onSession, saveSession } from './handler.js';

/** The tag ids of a `session.tag` command, checked against the live chat's tags. */
function parseTagIds(value: unknown, chat: LiveChat | undefined): Result<Id[]> {
  if (!Array.isArray(value)) {
    return fail('VALIDATION', '"tagIds" must be a list of tag ids.', { field: 'tagIds' });
  }
  const offered = new Set((chat?.tags ?? []).map((tag) => tag.id));
  const tagIds = [...new Set(value)];
  const unknown = tagIds.find((id) => typeof id !== 'string' || !offered.has(id));
  if (unknown !== undefined) {
    return fail('VALIDATION', 'Only the tags of the live chat can be set.', {
      field: 'tagIds',
      tagId: typeof unknown === 'string' ? unknown : null,
    });
  }
  if (tagIds.length > TAG_LIMITS.perSession) {
    return fail('VALIDATION', `A session carries at most ${TAG_LIMITS.perSession} tags.`, {
      field: 'tagIds',
      limit: TAG_LIMITS.perSession,
    });
  }
  return ok(tagIds as Id[]);
}

const sameTags = (a: readonly Id[], b: readonly Id[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** `session.tag`: sets the session's tags (an empty list removes them). */
export const tagSession = onSession<'session.tag'>(function* (context, actor, command, session) {
  const tagIds = parseTagIds(command.tagIds, yield* context.liveChat(session.liveChatId));
  if (!tagIds.ok) return tagIds;
  if (!canActOn(actor.viewer, session)) return notYours(session);
  if (sameTags(tagIds.value, session.tags ?? [])) return ok({ session });
  const { tags: _previous, ...rest } = session;
  const after: Session = tagIds.value.length === 0 ? rest : { tags: tagIds.value, ...rest };
  return yield* saveSession(context, session, after, 'tagged');
});

/** `session.set-urgent`: marks the session urgent, or takes the mark away. */
export const setUrgent = onSession<'session.set-urgent'>(
  function* (context, actor, command, session) {
    if (typeof command.urgent !== 'boolean') {
      return fail('VALIDATION', '"urgent" must be true or false.', { field: 'urgent' });
    }
    if (!canActOn(actor.viewer, session)) return notYours(session);
    if (command.urgent === (session.urgent === true)) return ok({ session });
    const { urgent: _previous, ...rest } = session;
    const after: Session = command.urgent ? { urgent: true, ...rest } : rest;
    return yield* saveSession(context, session, after, 'prioritised');
  },
);
