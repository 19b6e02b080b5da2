import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { concat, filter, of, throwError } from 'rxjs';
import { computeCounters, countersEqual } from '../domain/counters.js';
import { createLiveChatClient } from './client.js';
import {
  createFakeAdapter,
  type FakeAdapter,
  type UnnumberedEvent,
} from './testing/fake-adapter.js';
import { makeMessage, makeSession, makeSnapshot } from './testing/fixtures.js';
import { batch, record, settle, until, whenReady } from './testing/helpers.js';
import type { LiveChatClient } from './types.js';

const upsert = (id: string, unread = 0, overrides = {}): UnnumberedEvent => ({
  type: 'session.upserted',
  session: makeSession(id, overrides),
  unread,
  cause: 'created',
});

function setup(sessions = [makeSession('s1'), makeSession('s2')]): {
  fake: FakeAdapter;
  client: LiveChatClient;
} {
  const fake = createFakeAdapter({ initial: makeSnapshot({ seq: 5, sessions }) });
  const client = createLiveChatClient({ adapter: fake.adapter });
  return { fake, client };
}

/** The client shows exactly the server's state: sessions, unread, counters. */
function assertMirrors(client: LiveChatClient, fake: FakeAdapter, ids: string[]): void {
  for (const id of ids) {
    const server = fake.state.sessions.find((s) => s.id === id);
    const view = client.getSession(id);
    assert.deepEqual(view?.session, server, `session ${id}`);
    if (server) assert.equal(view?.unread, fake.state.unread[id] ?? 0, `unread ${id}`);
  }
  const viewer = client.viewer;
  assert.ok(viewer);
  const expected = computeCounters(viewer, fake.state.sessions, (id) => fake.state.unread[id] ?? 0);
  assert.ok(
    countersEqual(client.counters, expected),
    `${JSON.stringify(client.counters)} vs ${JSON.stringify(expected)}`,
  );
}

/**
 * Session s3 appears with a message whose event is lost, and the next event shows the gap:
 * the client must recover s3's second message (unread 2).
 */
function loseAnEventInAGap(fake: FakeAdapter): void {
  fake.emit(upsert('s3', 1));
  fake.emit(
    { type: 'message.added', message: makeMessage('s3', 1), unread: 2 },
    { deliver: false },
  ); // lost
  fake.emit({ type: 'session.read', sessionId: 's1', unread: 0 }); // shows the gap
}

/** After recovering from {@link loseAnEventInAGap}, live events apply and the client mirrors the server. */
function assertFollowsAfterTheGap(client: LiveChatClient, fake: FakeAdapter): void {
  fake.emit({ type: 'message.added', message: makeMessage('s3', 2), unread: 3 });
  assert.equal(client.getSession('s3')?.unread, 3);
  assert.equal(client.getSession('s3')?.session.lastMessageOrder, 2);
  assertMirrors(client, fake, ['s1', 's2', 's3']);
  assert.equal(client.status.state, 'ready');
}

describe('sync', () => {
  it('loads a snapshot, becomes ready, then follows events from its seq', async () => {
    const { fake, client } = setup();
    const statuses = record(client.status$);
    assert.deepEqual(client.status, { state: 'loading' });
    await whenReady(client);
    assert.deepEqual(
      statuses.values.map((s) => s.state),
      ['loading', 'ready'],
    );
    assert.deepEqual(fake.calls.events, [5]);
    assert.equal(client.me?.id, 'u-me');
    fake.emit(upsert('s3', 2));
    assert.equal(client.getSession('s3')?.unread, 2, 'events apply synchronously');
    assertMirrors(client, fake, ['s1', 's2', 's3']);
    client.dispose();
  });

  it('a batch of events delivered together is published in one commit', async () => {
    const { fake, client } = setup();
    await whenReady(client);
    const counters = record(client.counters$);
    const lists = record(client.sessions$('lc-1', 'queue'));
    const before = { counters: counters.values.length, lists: lists.values.length };
    // Three facts delivered in one synchronous run, as an adapter flushes a batch.
    fake.emit(upsert('s3', 1));
    fake.emit(upsert('s4', 2));
    fake.emit({ type: 'message.added', message: makeMessage('s3', 1), unread: 2 });
    assert.equal(client.getSession('s4')?.unread, 2, 'getters see each event at once');
    await batch();
    assert.equal(counters.values.length - before.counters, 1, 'counters$ emitted once');
    assert.equal(lists.values.length - before.lists, 1, 'sessions$ emitted once');
    assertMirrors(client, fake, ['s1', 's2', 's3', 's4']);
    client.dispose();
  });

  it('mirrors the adapter connection state', async () => {
    const { fake, client } = setup();
    const states = record(client.connection$);
    fake.setConnection('reconnecting');
    fake.setConnection('online');
    assert.deepEqual(states.values, ['online', 'reconnecting', 'online']);
    assert.equal(client.connection, 'online');
    client.dispose();
  });

  it('a seq gap resumes from the last seq: the backend replays the lost event, no snapshot', async () => {
    const { fake, client } = setup();
    await whenReady(client);
    loseAnEventInAGap(fake);
    await until(() => client.getSession('s3')?.unread === 2);
    assert.equal(fake.calls.snapshot, 1, 'no snapshot for a gap the replay can fill');
    assert.deepEqual(fake.calls.events, [5, 6]);
    assertFollowsAfterTheGap(client, fake);
    client.dispose();
  });

  it('a gap that resuming does not fill takes a fresh snapshot and continues without loss or duplicate', async () => {
    const { fake, client } = setup();
    await whenReady(client);
    const serveEvents = fake.adapter.events.bind(fake.adapter);
    // A backend whose replay skips the lost event too: only a snapshot repairs it.
    fake.adapter.events = (since: number) =>
      since === 6
        ? serveEvents(since).pipe(filter((event) => event.seq !== 7))
        : serveEvents(since);
    loseAnEventInAGap(fake);
    await until(() => fake.calls.snapshot === 2 && client.getSession('s3')?.unread === 2);
    assertFollowsAfterTheGap(client, fake);
    client.dispose();
  });

  it('RESYNC_REQUIRED from the stream takes a fresh snapshot', async () => {
    const { fake, client } = setup();
    await whenReady(client);
    fake.emit(upsert('s3'), { deliver: false });
    fake.failStream({ code: 'RESYNC_REQUIRED', message: 'Too far behind.' });
    await until(() => fake.calls.snapshot === 2 && client.getSession('s3') !== undefined);
    fake.emit(upsert('s4'));
    assertMirrors(client, fake, ['s1', 's2', 's3', 's4']);
    client.dispose();
  });

  it('drops events it has already applied (an overlapping replay)', async () => {
    const fake = createFakeAdapter({ initial: makeSnapshot({ sessions: [makeSession('s1')] }) });
    const stale = fake.emit(upsert('s2', 0, { name: 'first name' }));
    fake.emit(upsert('s2', 0, { name: 'second name' }));
    const adapter = {
      ...fake.adapter,
      events: (since: number) => concat(of(stale), fake.adapter.events(since)),
    };
    const client = createLiveChatClient({ adapter });
    await whenReady(client);
    assert.equal(
      client.getSession('s2')?.session.name,
      'second name',
      'the stale copy was not applied',
    );
    fake.emit(upsert('s3'));
    assert.equal(client.counters.newUnassigned, 3);
    assert.equal(fake.calls.snapshot, 1, 'no resync needed');
    client.dispose();
  });

  it('other stream errors resume after the connection comes back', async () => {
    const { fake, client } = setup();
    await whenReady(client);
    fake.failStream(new Error('socket closed'));
    fake.emit(upsert('s3'));
    fake.setConnection('reconnecting');
    await settle();
    assert.equal(client.getSession('s3'), undefined);
    fake.setConnection('online');
    await until(() => client.getSession('s3') !== undefined);
    assertMirrors(client, fake, ['s1', 's2', 's3']);
    client.dispose();
  });

  it('backs off when the adapter keeps refusing its own snapshot', async () => {
    const { fake, client } = setup();
    await whenReady(client);
    fake.adapter.events = () => throwError(() => ({ code: 'RESYNC_REQUIRED', message: 'always' }));
    fake.failStream({ code: 'RESYNC_REQUIRED', message: 'first' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.ok(fake.calls.snapshot <= 6, `took ${fake.calls.snapshot} snapshots`);
    assert.equal(client.status.state, 'ready');
    client.dispose();
  });

  it('a failed snapshot sets status error and retries when the connection comes back', async () => {
    const fake = createFakeAdapter({ initial: makeSnapshot({ sessions: [makeSession('s1')] }) });
    const serve = fake.snapshotHandler;
    fake.snapshotHandler = async () => {
      throw Object.assign(new Error('Backend down'), { code: 'OFFLINE' });
    };
    const client = createLiveChatClient({ adapter: fake.adapter });
    await until(() => client.status.state === 'error');
    assert.deepEqual(client.status, {
      state: 'error',
      error: { code: 'OFFLINE', message: 'Backend down' },
    });
    await settle();
    assert.equal(fake.calls.snapshot, 1, 'no retry while the connection stays online');
    fake.snapshotHandler = serve;
    fake.setConnection('offline');
    fake.setConnection('online');
    await whenReady(client);
    assert.equal(fake.calls.snapshot, 2);
    assert.equal(client.getSession('s1')?.session.id, 's1');
    client.dispose();
  });

  it('keeps opened conversations and pending messages across a resync, and fetches missed messages', async () => {
    const { fake, client } = setup();
    fake.emit({ type: 'message.added', message: makeMessage('s1', 1), unread: 1 });
    await whenReady(client);
    const conversation = record(client.conversation$('s1'));
    await until(() => conversation.values.at(-1)?.loading === false);
    // A send the server never answers: stays pending.
    fake.executeHandler = () => new Promise(() => undefined);
    void client.send('s1', 'still sending');
    fake.emit(
      { type: 'message.added', message: makeMessage('s1', 2), unread: 2 },
      { deliver: false },
    );
    fake.failStream({ code: 'RESYNC_REQUIRED', message: 'resync' });
    await until(
      () => fake.calls.snapshot === 2 && (conversation.values.at(-1)?.messages.length ?? 0) === 3,
    );
    const messages = conversation.values.at(-1)?.messages ?? [];
    assert.deepEqual(
      messages.map((m) => `${m.order}:${m.delivery}`),
      ['1:sent', '2:sent', 'Infinity:pending'],
    );
    client.dispose();
  });

  it('under random events, lost deliveries and resyncs, the client ends equal to the server', async () => {
    const ids = ['s1', 's2', 's3', 's4'];
    const stepArb = fc.oneof(
      fc.record({
        kind: fc.constant('event' as const),
        id: fc.constantFrom(...ids),
        which: fc.constantFrom('upsert', 'message', 'read', 'remove'),
        status: fc.constantFrom('queued' as const, 'active' as const, 'closed' as const),
        mine: fc.boolean(),
        unread: fc.integer({ min: 0, max: 5 }),
        deliver: fc.boolean(),
      }),
      fc.constant({ kind: 'resync' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 25 }), async (steps) => {
        const { fake, client } = setup([]);
        await whenReady(client);
        let order = 0;
        for (const step of steps) {
          if (step.kind === 'resync') {
            fake.failStream({ code: 'RESYNC_REQUIRED', message: 'resync' });
            // The server carries on; applying its next event ends the client's resync streak.
            fake.emit({ type: 'session.read', sessionId: 'none', unread: 0 });
          } else {
            const assignee = step.mine ? { kind: 'operator' as const, operatorId: 'u-me' } : null;
            const event: UnnumberedEvent =
              step.which === 'upsert'
                ? upsert(step.id, step.unread, { status: step.status, assignee })
                : step.which === 'message'
                  ? {
                      type: 'message.added',
                      message: makeMessage(step.id, ++order),
                      unread: step.unread,
                    }
                  : step.which === 'read'
                    ? { type: 'session.read', sessionId: step.id, unread: step.unread }
                    : { type: 'session.removed', sessionId: step.id };
            fake.emit(event, { deliver: step.deliver });
          }
          if (step.kind === 'resync' || !step.deliver) await settle();
        }
        // A final delivered event makes any trailing lost one visible as a gap.
        fake.emit({
          type: 'activity.added',
          entry: {
            id: 'end',
            kind: 'session-closed',
            sessionId: 's1',
            sessionName: 'x',
            liveChatId: 'lc-1',
            actorId: 'u-other',
            at: 1,
          },
        });
        await until(
          () => client.status.state === 'ready' && fake.calls.events.at(-1) !== undefined,
        );
        // Everything is applied once the final entry is the newest the client shows.
        let newest: string | undefined;
        const watch = client.activity$.subscribe((entries) => (newest = entries[0]?.id));
        await until(() => newest === 'end');
        watch.unsubscribe();
        assertMirrors(client, fake, ids);
        client.dispose();
        assert.equal(fake.subscriptionCount(), 0);
      }),
      { numRuns: 40 },
    );
  });
});
