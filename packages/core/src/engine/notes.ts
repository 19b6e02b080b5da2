/**
 * Private notes: messages among staff in a session's conversation. A note is never sent to the
 * customer, takes no queued session and leaves the session's last message (its preview and
 * time in the lists) as it was; only the session's message order moves on, so every message
 * keeps its own place. Anyone who may see the session may leave one, and the colleagues it
 * mentions are alerted.
 */
import { canView } from '../domain/access.js';
import { fail, ok, type Result } from '../domain/errors.js';
import { MAX_MENTIONS } from '../domain/limits.js';
import type { Id, Message, Session } from '../domain/types.js';
import { validateId } from '../domain/validation.js';
import type { CommandOf, Actor } from './handler.js';
import { notYours } from './handler.js';
import type { Context } from './context.js';
import { fanOutMentions, fanOutSession, membersOf } from './fanout.js';
import { io, type Step } from './steps.js';
import { operatorMessage } from './values.js';

/** The colleagues a note may mention: members of the session's live chat, not its author. */
function* parseMentions(
  context: Context,
  actor: Actor,
  session: Session,
  value: unknown,
): Step<Result<Id[]>> {
  if (value === undefined) return ok([]);
  if (!Array.isArray(value) || value.length > MAX_MENTIONS) {
    return fail('VALIDATION', `"mentions" must be a list of at most ${MAX_MENTIONS} user ids.`, {
      field: 'mentions',
      limit: MAX_MENTIONS,
    });
  }
  const members = yield* membersOf(context, session.liveChatId);
  const mentions: Id[] = [];
  for (const entry of value) {
    const id = validateId(entry, 'mentions');
    if (!id.ok) return id;
    if (!members.has(id.value) || id.value === actor.userId) {
      return fail('VALIDATION', 'A note can mention only colleagues of this live chat.', {
        field: 'mentions',
        userId: id.value,
      });
    }
    if (!mentions.includes(id.value)) mentions.push(id.value);
  }
  return ok(mentions);
}

/** `message.send` with `internal: true`: stores the note, tells who sees the session, alerts the mentioned. */
export function* addNote(
  context: Context,
  actor: Actor,
  session: Session,
  text: string,
  clientMessageId: string,
  command: CommandOf<'message.send'>,
): Step<Result<{ message: Message; session: Session }>> {
  if (!canView(actor.viewer, session)) return notYours(session);
  const mentions = yield* parseMentions(context, actor, session, command.mentions);
  if (!mentions.ok) return mentions;
  const built = yield* operatorMessage(context, session, actor.userId, text, clientMessageId);
  // `internal` before the spread, `mentions` set after it: never a new field written after a
  // spread (see alertOf in fanout.ts).
  const message: Message = { internal: true, ...built };
  if (mentions.value.length > 0) message.mentions = mentions.value;
  const after: Session = { ...session, lastMessageOrder: message.order };
  yield* io(context.tx.appendMessage(message));
  yield* io(context.tx.putSession(after));
  // Writing in a session means having read it.
  yield* io(context.tx.setReadMarker(actor.userId, session.id, message.order));
  yield* fanOutSession(context, session, after, 'message', message);
  yield* fanOutMentions(context, after, message);
  return ok({ message, session: after });
}
