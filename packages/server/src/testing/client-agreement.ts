/**
 * Test support: whether a client agrees with what the backend stored, once traffic settled. Its
 * counters equal a recount of the backend's snapshot for its user, each session the backend
 * shows the user is the same in the client with the same unread count, and each conversation
 * it keeps open shows the tail of the stored history, each message once.
 */
import assert from 'node:assert/strict';
import {
  computeCounters,
  countersEqual,
  viewerFor,
  type Id,
  type Message,
  type Result,
  type Snapshot,
} from '@live-chat/core';
import type { Awaitable } from '../backend.js';
import { waitFor } from './harness.js';
import type { WatchedClient } from './watched-client.js';

/** What the check reads from the backend (any of the server's backends, or a memory backend). */
export interface StoredTruth {
  snapshot(userId: Id): Awaitable<Result<Snapshot>>;
  messagesOf(sessionId: Id): Awaitable<Message[]>;
}

/** A client and the conversations it keeps open. */
export type AgreeingClient = Pick<WatchedClient, 'userId' | 'client' | 'watching'>;

/** How `person`'s client differs from `truth`, or `undefined` when it agrees. */
export async function disagreement(
  person: AgreeingClient,
  truth: StoredTruth,
): Promise<string | undefined> {
  const answer = await truth.snapshot(person.userId);
  if (!answer.ok) return answer.error.message;
  const { sessions, liveChats, groups, unread } = answer.value;
  const viewer = viewerFor(person.userId, liveChats, groups);
  const recount = computeCounters(
    viewer,
    sessions,
    (id) => unread[id] ?? 0,
    liveChats.map((chat) => chat.id),
  );
  if (!countersEqual(person.client.counters, recount))
    return `${person.userId}: counters differ from a recount of the backend`;
  for (const session of sessions) {
    const view = person.client.getSession(session.id);
    if (JSON.stringify(view?.session) !== JSON.stringify(session))
      return `${person.userId}: session ${session.id} differs`;
    if ((view?.unread ?? 0) !== (unread[session.id] ?? 0))
      return `${person.userId}: unread of ${session.id} differs`;
  }
  for (const [sessionId, messages] of person.watching) {
    if (!sessions.some((s) => s.id === sessionId)) continue; // no longer visible
    const shown = messages.filter((m) => m.delivery === 'sent').map((m) => m.id);
    const stored = (await truth.messagesOf(sessionId)).map((m) => m.id);
    if (new Set(shown).size !== shown.length) return `${sessionId}: a message shown twice`;
    if (shown.length === 0 || JSON.stringify(shown) !== JSON.stringify(stored.slice(-shown.length)))
      return `${person.userId}: ${sessionId} shows ${shown.length}, stored ${stored.length}`;
  }
  return undefined;
}

/**
 * Waits until every client is online and ready, and then until each agrees with `truth`; fails
 * with the first difference after `timeoutMs`.
 */
export async function assertClientsAgree(
  people: readonly AgreeingClient[],
  truth: StoredTruth,
  timeoutMs = 10_000,
): Promise<void> {
  await waitFor(
    () =>
      people.every((p) => p.client.connection === 'online' && p.client.status.state === 'ready'),
    'every client online and ready',
    timeoutMs,
  );
  let problem: string | undefined;
  await waitFor(
    async () => {
      problem = undefined;
      for (const person of people) problem ??= await disagreement(person, truth);
      return problem === undefined;
    },
    'every client to agree with the backend',
    timeoutMs,
  ).catch(() => assert.fail(problem));
}
