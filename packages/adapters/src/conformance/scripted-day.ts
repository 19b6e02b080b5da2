import { close, reassign, rename, reply, returnToQueue, take } from './command-inputs.js';
import type { Probe } from './probe.js';

/**
 * A day in a contact centre, through every kind of change: two customers write, operators take,
 * answer, reassign, return to queue, rename, read, (queue for a group), close, and a customer comes
 * back. Used by the stream checks.
 */
export async function scriptedDay(p: Probe): Promise<void> {
  const { operatorA: a, operatorB: b, supervisor } = p.users;
  const first = await p.newSession(0, 'Hi, I was charged twice for my order.');
  const second = await p.newSession(1, "Hello, I can't log in.");
  await p.ok(a, take(first.id), 'A takes the first session');
  await p.ok(a, reply(first.id, 'Let me check that.'), 'A answers');
  await p.customerWrites(0, 'Thank you!');
  await p.ok(
    b,
    reply(second.id, 'Please try again now.'),
    'B takes the second session by replying',
  );
  await p.ok(a, reassign(first.id, { kind: 'operator', operatorId: b }), 'A reassigns to B');
  await p.ok(b, returnToQueue(first.id), 'B returns it to the queue');
  await p.ok(a, take(first.id), 'A takes it back');
  await p.ok(a, rename(first.id, 'Double charge'), 'A renames it');
  await p.ok(
    supervisor,
    { type: 'session.mark-read', sessionId: second.id },
    'the supervisor reads the second session',
  );
  const group = p.harness.group;
  if (group) {
    await p.ok(
      b,
      reassign(second.id, { kind: 'group', groupId: group.groupId }),
      'B queues the second session for the group',
    );
  }
  await p.ok(a, close(first.id), 'A closes the first session');
  await p.customerWrites(0, 'Hi again, the refund has not arrived.');
  await p.customerWrites(2, 'Is anyone there?');
}
