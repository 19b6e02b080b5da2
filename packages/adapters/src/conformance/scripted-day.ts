import { newCommandId, type Probe } from './probe.js';

/**
 * A day in a contact centre, through every kind of change: two customers write, operators take,
 * answer, reassign, return to queue, rename, read, (queue for a group), close, and a customer comes
 * back. Used by the stream checks.
 */
export async function scriptedDay(p: Probe): Promise<void> {
  const { operatorA: a, operatorB: b, supervisor } = p.users;
  const first = await p.newSession(0, 'Hi, I was charged twice for my order.');
  const second = await p.newSession(1, "Hello, I can't log in.");
  await p.ok(a, { type: 'session.take', sessionId: first.id }, 'A takes the first session');
  await p.ok(
    a,
    {
      type: 'message.send',
      sessionId: first.id,
      clientMessageId: newCommandId(),
      text: 'Let me check that.',
    },
    'A answers',
  );
  await p.customerWrites(0, 'Thank you!');
  await p.ok(
    b,
    {
      type: 'message.send',
      sessionId: second.id,
      clientMessageId: newCommandId(),
      text: 'Please try again now.',
    },
    'B takes the second session by replying',
  );
  await p.ok(
    a,
    { type: 'session.reassign', sessionId: first.id, target: { kind: 'operator', operatorId: b } },
    'A reassigns to B',
  );
  await p.ok(
    b,
    { type: 'session.return-to-queue', sessionId: first.id },
    'B returns it to the queue',
  );
  await p.ok(a, { type: 'session.take', sessionId: first.id }, 'A takes it back');
  await p.ok(
    a,
    { type: 'session.rename', sessionId: first.id, name: 'Double charge' },
    'A renames it',
  );
  await p.ok(
    supervisor,
    { type: 'session.mark-read', sessionId: second.id },
    'the supervisor reads the second session',
  );
  const group = p.harness.group;
  if (group) {
    await p.ok(
      b,
      {
        type: 'session.reassign',
        sessionId: second.id,
        target: { kind: 'group', groupId: group.groupId },
      },
      'B queues the second session for the group',
    );
  }
  await p.ok(a, { type: 'session.close', sessionId: first.id }, 'A closes the first session');
  await p.customerWrites(0, 'Hi again, the refund has not arrived.');
  await p.customerWrites(2, 'Is anyone there?');
}
