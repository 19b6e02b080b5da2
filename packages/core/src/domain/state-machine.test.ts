import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  SESSION_STATUSES,
  SESSION_TRANSITIONS,
  SESSION_TRIGGERS,
  findTransition,
  transition,
  type SessionTrigger,
} from './state-machine.js';
import type { SessionStatus } from './types.js';

/** The table of ARCHITECTURE §3, written out independently of the implementation. */
const expected: Record<string, SessionStatus> = {
  'null|customer-writes': 'queued',
  'null|start-outbound': 'active',
  'queued|customer-writes': 'queued',
  'active|customer-writes': 'active',
  'closed|customer-writes': 'queued',
  'queued|take': 'active',
  'queued|reassign-to-operator': 'active',
  'active|reassign-to-operator': 'active',
  'queued|reassign-to-group': 'queued',
  'active|reassign-to-group': 'queued',
  'active|return-to-queue': 'queued',
  'queued|close': 'closed',
  'active|close': 'closed',
};

describe('session state machine', () => {
  for (const from of SESSION_STATUSES) {
    for (const trigger of SESSION_TRIGGERS) {
      const key = `${from}|${trigger}`;
      const to = expected[key];
      it(`${from ?? 'new'} + ${trigger} → ${to ?? 'refused'}`, () => {
        const result = transition(from, trigger);
        if (to) {
          assert.deepEqual(result, { ok: true, value: to });
        } else {
          assert.equal(result.ok, false);
          if (!result.ok) {
            const code =
              from === 'active' && trigger === 'take' ? 'ALREADY_TAKEN' : 'INVALID_TRANSITION';
            assert.equal(result.error.code, code);
            assert.ok(result.error.message.length > 0);
          }
        }
      });
    }
  }

  it('has exactly the rows of the specification, each once', () => {
    assert.equal(SESSION_TRANSITIONS.length, Object.keys(expected).length);
    const keys = SESSION_TRANSITIONS.map((row) => `${row.from}|${row.trigger}`);
    assert.equal(new Set(keys).size, keys.length);
    for (const row of SESSION_TRANSITIONS)
      assert.equal(expected[`${row.from}|${row.trigger}`], row.to);
  });

  it('never lets a closed session be taken, reassigned, returned or closed again', () => {
    const refused: SessionTrigger[] = [
      'take',
      'reassign-to-operator',
      'reassign-to-group',
      'return-to-queue',
      'close',
      'start-outbound',
    ];
    for (const trigger of refused) assert.equal(findTransition('closed', trigger), undefined);
  });
});
