import { fail, ok, type Result } from './errors.js';
import type { SessionStatus } from './types.js';

/** Something that may move a session from one status to another. */
export type SessionTrigger =
  | 'customer-writes'
  | 'start-outbound'
  | 'take'
  | 'reassign-to-operator'
  | 'reassign-to-group'
  | 'return-to-queue'
  | 'close';

/** Every trigger, for exhaustive tests and tables. */
export const SESSION_TRIGGERS: readonly SessionTrigger[] = [
  'customer-writes',
  'start-outbound',
  'take',
  'reassign-to-operator',
  'reassign-to-group',
  'return-to-queue',
  'close',
];

/** Every status; `null` stands for "no session yet". */
export const SESSION_STATUSES: readonly (SessionStatus | null)[] = [
  null,
  'queued',
  'active',
  'closed',
];

/** One row of the session state machine. */
export interface SessionTransition {
  from: SessionStatus | null;
  trigger: SessionTrigger;
  to: SessionStatus;
  note: string;
}

/** A row of the table as written: the same move from each status in `from`. */
interface TransitionRule extends Omit<SessionTransition, 'from'> {
  from: readonly (SessionStatus | null)[];
}

const RULES: readonly TransitionRule[] = [
  {
    from: [null],
    trigger: 'customer-writes',
    to: 'queued',
    note: 'new customer or no open session; unassigned, "New" in the queue',
  },
  {
    from: [null],
    trigger: 'start-outbound',
    to: 'active',
    note: 'only where the live chat has a messenger or email channel; assigned to the operator',
  },
  { from: ['queued'], trigger: 'customer-writes', to: 'queued', note: 'the message is appended' },
  { from: ['active'], trigger: 'customer-writes', to: 'active', note: 'the message is appended' },
  {
    from: ['queued'],
    trigger: 'take',
    to: 'active',
    note: 'atomic: of two operators taking at once exactly one wins',
  },
  {
    from: ['queued', 'active'],
    trigger: 'reassign-to-operator',
    to: 'active',
    note: 'target must be a reassignment target of the live chat',
  },
  {
    from: ['queued', 'active'],
    trigger: 'reassign-to-group',
    to: 'queued',
    note: 'queued for that group: only its members see it in their queue',
  },
  { from: ['active'], trigger: 'return-to-queue', to: 'queued', note: 'unassigned again' },
  { from: ['queued', 'active'], trigger: 'close', to: 'closed', note: 'history kept' },
  {
    from: ['closed'],
    trigger: 'customer-writes',
    to: 'queued',
    note: 'history stays visible; policy may assign it straight back to the last operator',
  },
];

/**
 * The session state machine: the one table that the client, the in-memory backend and every
 * other backend use. A (status, trigger) pair that is not here is refused with
 * `INVALID_TRANSITION` and changes nothing.
 */
export const SESSION_TRANSITIONS: readonly SessionTransition[] = RULES.flatMap(
  ({ from, ...move }) => from.map((status) => ({ from: status, ...move })),
);

const index = new Map<string, SessionTransition>(
  SESSION_TRANSITIONS.map((row) => [`${row.from}|${row.trigger}`, row]),
);

/** The row for (from, trigger), if the table has one. */
export function findTransition(
  from: SessionStatus | null,
  trigger: SessionTrigger,
): SessionTransition | undefined {
  return index.get(`${from}|${trigger}`);
}

/** The status after `trigger`, or an `INVALID_TRANSITION` error. */
export function transition(
  from: SessionStatus | null,
  trigger: SessionTrigger,
): Result<SessionStatus> {
  const row = findTransition(from, trigger);
  if (row) return ok(row.to);
  // Taking a session someone else took first is the common race, so it gets its own code.
  if (from === 'active' && trigger === 'take') {
    return fail('ALREADY_TAKEN', 'This session has already been taken by another operator.');
  }
  return fail(
    'INVALID_TRANSITION',
    `A ${from ?? 'new'} session cannot ${trigger.replace(/-/g, ' ')}.`,
    {
      from,
      trigger,
    },
  );
}
