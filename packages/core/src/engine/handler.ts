/**
 * The plumbing every command handler shares: the actor a command runs for, the session it
 * names (once it exists and the actor belongs to its live chat), saving a changed session and
 * the common refusals.
 */
import { isMemberOf, type Viewer } from '../domain/access.js';
import { fail, ok, type Result } from '../domain/errors.js';
import { transition, type SessionTrigger } from '../domain/state-machine.js';
import type { Id, Session } from '../domain/types.js';
import type { Command, CommandType, CommandValues } from '../protocol/commands.js';
import type { SessionChangeCause } from '../protocol/events.js';
import type { Context } from './context.js';
import { fanOutSession } from './fanout.js';
import { io, type Step } from './steps.js';
import { findSession } from './values.js';

/** The user a command runs for. */
export interface Actor {
  userId: Id;
  viewer: Viewer;
}

/** The command of type `T`. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
/** What handles commands of type `T`: a step in the store's transaction, with its answer. */
export type Handler<T extends CommandType> = (
  context: Context,
  actor: Actor,
  command: CommandOf<T>,
) => Step<Result<CommandValues[T]>>;

/** The session named by a command, if it exists and the actor belongs to its live chat. */
function* sessionFor(context: Context, actor: Actor, sessionId: unknown): Step<Result<Session>> {
  const found = yield* findSession(context, sessionId);
  if (!found.ok) return found;
  const session = found.value;
  if (!isMemberOf(actor.viewer, session.liveChatId)) {
    return fail('FORBIDDEN', 'You are not an operator or supervisor of this live chat.', {
      sessionId: session.id,
    });
  }
  return ok(session);
}

/** The command types that name one session (`sessionId`). */
/** The command types that name one session. */
export type SessionCommandType = Extract<Command, { sessionId: unknown }>['type'];

/**
 * A handler of a command that names a session, given that session: it runs once the session
 * exists and the actor belongs to its live chat (see {@link sessionFor}).
 */
export function onSession<T extends SessionCommandType>(
  handle: (
    context: Context,
    actor: Actor,
    command: CommandOf<T>,
    session: Session,
  ) => Step<Result<CommandValues[T]>>,
): Handler<T> {
  return function* (context, actor, command) {
    // Every command of a SessionCommandType has a `sessionId` (TypeScript cannot narrow `T` here).
    const { sessionId } = command as Extract<Command, { sessionId: unknown }>;
    const found = yield* sessionFor(context, actor, sessionId);
    if (!found.ok) return found;
    return yield* handle(context, actor, command, found.value);
  };
}

/** Stores the changed session, tells everyone who sees it why, and answers with it. */
export function* saveSession(
  context: Context,
  before: Session,
  after: Session,
  cause: SessionChangeCause,
): Step<Result<{ session: Session }>> {
  yield* io(context.tx.putSession(after));
  yield* fanOutSession(context, before, after, cause);
  return ok({ session: after });
}

/** The refusal of an action on a session that is neither the actor's nor in their queue. */
export const notYours = (session: Session) =>
  fail<never>(
    'FORBIDDEN',
    'You may not act on this session: it is neither yours nor in your queue.',
    {
      sessionId: session.id,
    },
  );

/** The state machine's verdict on a trigger, as a failed result when refused. */
export function checkTransition(
  session: Session,
  trigger: SessionTrigger,
): Result<never> | undefined {
  const verdict = transition(session.status, trigger);
  if (verdict.ok) return undefined;
  return {
    ok: false,
    error: { ...verdict.error, details: { ...verdict.error.details, sessionId: session.id } },
  };
}
