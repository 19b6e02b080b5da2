/**
 * A small, fixed directory and entity builders for tests, stories and benchmarks of the client.
 *
 * - `u-me` is an operator of `lc-1` (member of group `g-1`) and a supervisor of `lc-2`;
 * - `u-other` operates `lc-1` (group `g-2`) and `lc-2`; `lc-3` is not accessible to `u-me`.
 */
import type { Directory, Id, Message, Session, User } from '../../domain/types.js';
import type { Snapshot } from '../../protocol/events.js';

export const ME: User = { id: 'u-me', name: 'Maria Operator', role: 'operator' };
export const OTHER: User = { id: 'u-other', name: 'Oleg Operator', role: 'operator' };
export const SUPERVISOR: User = { id: 'u-sup', name: 'Sofia Supervisor', role: 'supervisor' };

/** The fixed directory (see the module comment). */
export const DIRECTORY: Directory = {
  users: [ME, OTHER, SUPERVISOR],
  liveChats: [
    {
      id: 'lc-1',
      name: 'Support',
      channels: ['web', 'telegram', 'email'],
      operatorIds: ['u-me', 'u-other'],
      supervisorIds: ['u-sup'],
      groupIds: ['g-1', 'g-2'],
      reassignmentTargets: [
        { kind: 'operator', operatorId: 'u-other' },
        { kind: 'group', groupId: 'g-2' },
      ],
    },
    {
      id: 'lc-2',
      name: 'Sales',
      channels: ['web'],
      operatorIds: ['u-other'],
      supervisorIds: ['u-me'],
      groupIds: [],
      reassignmentTargets: [{ kind: 'operator', operatorId: 'u-other' }],
    },
    {
      id: 'lc-3',
      name: 'Internal',
      channels: ['internal'],
      operatorIds: ['u-other'],
      supervisorIds: ['u-sup'],
      groupIds: [],
      reassignmentTargets: [],
    },
  ],
  groups: [
    { id: 'g-1', liveChatId: 'lc-1', name: 'Accounting', memberIds: ['u-me'] },
    { id: 'g-2', liveChatId: 'lc-1', name: 'Delivery', memberIds: ['u-other'] },
  ],
  customers: [
    { id: 'c-1', kind: 'external', name: 'Anna', account: '@anna', messenger: 'telegram' },
    {
      id: 'c-2',
      kind: 'external',
      name: 'Boris',
      account: 'boris@example.com',
      messenger: 'email',
    },
    { id: 'c-3', kind: 'internal', userId: 'u-int', name: 'Ivan (staff)' },
  ],
};

/** A session with sensible defaults: queued, unassigned, in `lc-1`, customer `c-1`. */
export function makeSession(id: Id, overrides: Partial<Session> = {}): Session {
  return {
    id,
    liveChatId: 'lc-1',
    customerId: 'c-1',
    name: `Session ${id}`,
    channel: 'web',
    status: 'queued',
    assignee: null,
    firstMessageAt: 1000,
    lastMessageAt: 1000,
    lastMessagePreview: '',
    lastMessageOrder: 0,
    queuedAt: 1000,
    lastOperatorId: null,
    bindings: [],
    ...overrides,
  };
}

/** A message from a customer (or `author`), order `order`. */
export function makeMessage(
  sessionId: Id,
  order: number,
  overrides: Partial<Message> = {},
): Message {
  return {
    id: `${sessionId}-m${order}`,
    sessionId,
    author: { kind: 'customer', customerId: 'c-1' },
    text: `message ${order}`,
    channel: 'web',
    sentAt: 1000 + order,
    order,
    ...overrides,
  };
}

/** A snapshot of the fixed directory with the given sessions. */
export function makeSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 0,
    me: ME,
    ...DIRECTORY,
    sessions: [],
    unread: {},
    activity: [],
    ...overrides,
  };
}
