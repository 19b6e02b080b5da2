import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  canActOn,
  canSeeGroup,
  canView,
  groupsOf,
  isNew,
  reassignmentTargets,
  sameTarget,
  viewerFor,
  visibleGroups,
} from './access.js';
import type { LiveChat, OperatorGroup, Session } from './types.js';

const chat: LiveChat = {
  id: 'lc1',
  name: 'Support',
  channels: ['web', 'telegram'],
  operatorIds: ['anna', 'boris'],
  supervisorIds: ['maria'],
  groupIds: ['acc'],
  reassignmentTargets: [{ kind: 'group', groupId: 'acc' }],
};
const groups: OperatorGroup[] = [
  { id: 'acc', liveChatId: 'lc1', name: 'Accounting Department', memberIds: ['boris'] },
];
const anna = viewerFor('anna', [chat], groups);
const boris = viewerFor('boris', [chat], groups);
const maria = viewerFor('maria', [chat], groups);
const stranger = viewerFor('zed', [chat], groups);

const session = (patch: Partial<Session>): Session => ({
  id: 's1',
  liveChatId: 'lc1',
  customerId: 'c1',
  name: 'Session',
  channel: 'web',
  status: 'queued',
  assignee: null,
  firstMessageAt: 0,
  lastMessageAt: 0,
  lastMessagePreview: '',
  lastMessageOrder: 0,
  queuedAt: 0,
  lastOperatorId: null,
  bindings: [],
  ...patch,
});

describe('access rules', () => {
  it('an unassigned queued session is in every operator’s queue and the supervisor’s, carrying New', () => {
    const s = session({});
    assert.deepEqual(groupsOf(anna, s), ['queue']);
    assert.deepEqual(groupsOf(boris, s), ['queue']);
    assert.deepEqual(groupsOf(maria, s), ['queue']);
    assert.deepEqual(groupsOf(stranger, s), []);
    assert.equal(isNew(s), true);
  });

  it('a session queued for a group reaches only its members (and supervisors)', () => {
    const s = session({ assignee: { kind: 'group', groupId: 'acc' } });
    assert.deepEqual(groupsOf(boris, s), ['queue']);
    assert.deepEqual(groupsOf(anna, s), []);
    assert.equal(canView(anna, s), false);
    assert.equal(canActOn(anna, s), false);
    assert.equal(canActOn(boris, s), true);
    assert.equal(canView(maria, s), true);
  });

  it('an active session is Mine for its operator and Active for supervisors only', () => {
    const s = session({
      status: 'active',
      assignee: { kind: 'operator', operatorId: 'anna' },
      queuedAt: null,
    });
    assert.deepEqual(groupsOf(anna, s), ['mine']);
    assert.deepEqual(groupsOf(boris, s), []);
    assert.deepEqual(groupsOf(maria, s), ['active']);
    assert.equal(canView(boris, s), false);
    assert.equal(canActOn(boris, s), false);
    assert.equal(canActOn(maria, s), true);
    assert.equal(isNew(s), false);
  });

  it('closed sessions are visible to every member of the live chat, not to strangers', () => {
    const s = session({ status: 'closed', queuedAt: null });
    for (const v of [anna, boris, maria]) assert.deepEqual(groupsOf(v, s), ['closed']);
    assert.equal(canView(stranger, s), false);
    assert.equal(canActOn(anna, s), false);
  });
});

describe('visible groups', () => {
  it('operators see Queue, My sessions and Closed; supervisors also Active; others nothing', () => {
    assert.deepEqual(visibleGroups(anna, 'lc1'), ['closed', 'queue', 'mine']);
    assert.deepEqual(visibleGroups(maria, 'lc1'), ['active', 'closed', 'queue', 'mine']);
    assert.deepEqual(visibleGroups(stranger, 'lc1'), []);
    assert.equal(canSeeGroup(anna, 'lc1', 'active'), false);
    assert.equal(canSeeGroup(maria, 'lc1', 'active'), true);
  });
});

describe('reassignment targets', () => {
  const withTargets: LiveChat = {
    ...chat,
    reassignmentTargets: [
      { kind: 'group', groupId: 'acc' },
      { kind: 'operator', operatorId: 'anna' },
      { kind: 'operator', operatorId: 'boris' },
    ],
  };
  it('are the live chat targets less the current assignee', () => {
    const assigned = session({
      status: 'active',
      assignee: { kind: 'operator', operatorId: 'anna' },
    });
    assert.deepEqual(reassignmentTargets(withTargets, assigned), [
      { kind: 'group', groupId: 'acc' },
      { kind: 'operator', operatorId: 'boris' },
    ]);
    assert.equal(reassignmentTargets(withTargets, session({})).length, 3);
  });
  it('compare operators and groups by id and kind', () => {
    assert.equal(
      sameTarget({ kind: 'group', groupId: 'acc' }, { kind: 'group', groupId: 'acc' }),
      true,
    );
    assert.equal(
      sameTarget({ kind: 'group', groupId: 'acc' }, { kind: 'operator', operatorId: 'acc' }),
      false,
    );
    assert.equal(sameTarget({ kind: 'operator', operatorId: 'anna' }, null), false);
  });
});
