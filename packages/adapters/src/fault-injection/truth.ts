/**
 * The backend of a chaos run, as the run uses it: customers write to it, and the checks hold
 * every client to its ground truth. The memory backend answers at once; a backend behind real
 * servers (e.g. on PostgreSQL) answers with promises, so the run reads what the checks need
 * first, then checks.
 */
import {
  fail,
  type Customer,
  type Id,
  type Message,
  type Result,
  type Session,
  type Snapshot,
} from '@live-chat/core';
import type {
  CustomerMessageInput,
  CustomerWriteValue,
  MessageListener,
  NewCustomer,
} from '@live-chat/core/engine';

/** A value, or a promise of it. */
export type Awaitable<T> = T | PromiseLike<T>;

/**
 * What a run needs of its backend. A `MemoryBackend` is one (it answers at once); so is a
 * backend of `@live-chat/server` on SQLite or PostgreSQL (it answers with promises).
 */
export interface ChaosBackend {
  /** The backend's current time. */
  now(): number;
  /** Everything `userId` sees (the truth of their lists and counters). */
  snapshot(userId: Id): Awaitable<Result<Snapshot>>;
  /** Every session, whoever may see it. */
  sessions(): Awaitable<readonly Session[]>;
  /** A session by id, whoever may see it. */
  getSession(sessionId: Id): Awaitable<Session | undefined>;
  /** A session's full history, ascending by order. */
  messagesOf(sessionId: Id): Awaitable<readonly Message[]>;
  /** Adds a customer to the directory. */
  addCustomer(input: NewCustomer): Awaitable<Result<Customer>>;
  /** A customer writes to a live chat. */
  customerWrites(input: CustomerMessageInput): Awaitable<Result<CustomerWriteValue>>;
  /**
   * Calls `listener` after each new message, wherever it was written (customers answer
   * operators); returns the function that stops it.
   */
  onMessage(listener: MessageListener): () => void;
}

/** The backend's truth as the checks read it: at once, whatever the backend. */
export interface GroundTruth {
  /** The backend's time (for a truth read at one moment: that moment). */
  now(): number;
  /** Everything `userId` sees. */
  snapshot(userId: Id): Result<Snapshot>;
  /** Every session. */
  sessions(): readonly Session[];
  /** A session by id. */
  getSession(sessionId: Id): Session | undefined;
  /** A session's full history, ascending by order. */
  messagesOf(sessionId: Id): readonly Message[];
}

/** What {@link readGroundTruth} reads. */
export interface TruthQuery {
  /** Users whose snapshots the checks need. */
  users?: readonly Id[];
  /** Sessions whose histories the checks need (default: every session). */
  sessions?: readonly Id[];
}

/**
 * Reads the part of `backend`'s truth the checks need, at one moment, into a
 * {@link GroundTruth}. Everything else answers as absent: a snapshot not read is a refusal, a
 * history not read is empty.
 */
export async function readGroundTruth(
  backend: ChaosBackend,
  query: TruthQuery = {},
): Promise<GroundTruth> {
  const now = backend.now();
  const users = query.users ?? [];
  const [sessions, snapshots] = await Promise.all([
    query.sessions === undefined ? backend.sessions() : [],
    Promise.all(users.map((userId) => backend.snapshot(userId))),
  ]);
  const sessionIds = query.sessions ?? sessions.map((session) => session.id);
  const histories = await Promise.all(sessionIds.map((id) => backend.messagesOf(id)));
  const messages = new Map(sessionIds.map((id, i) => [id, histories[i] ?? []]));
  const snapshotOf = new Map(users.map((userId, i) => [userId, snapshots[i]]));
  const byId = new Map(sessions.map((session) => [session.id, session]));
  return {
    now: () => now,
    snapshot: (userId) =>
      snapshotOf.get(userId) ?? fail('NOT_FOUND', `The snapshot of ${userId} was not read.`),
    sessions: () => sessions,
    getSession: (sessionId) => byId.get(sessionId),
    messagesOf: (sessionId) => messages.get(sessionId) ?? [],
  };
}
