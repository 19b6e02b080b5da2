/**
 * Live delivery across instances on one PostgreSQL database. The events table is the only
 * source: a notification only says "user U has events up to seq N", and each instance reads what
 * its listeners miss from the table, in seq order.
 *
 * - Each instance holds one connection that `LISTEN`s on `live_chat_events`. Every write
 *   transaction that appended events notifies, before it commits, which users got events up to
 *   which seq (PostgreSQL delivers it only on commit, in commit order).
 * - Each listener has a cursor: the seq of the last event it got. For a user with listeners, the
 *   instance reads the events after the lowest cursor (`seq > cursor ORDER BY seq`) and gives
 *   each listener those above its own cursor. A user's events commit in seq order (the counter
 *   row serialises writers), so a read never skips one that commits later. The users due for a
 *   read are read together, in one statement, one read at a time: while a read runs, the users
 *   notified meanwhile wait for the next one, so a busy instance reads many commits at once.
 * - A change committed by this instance is handed over at once (the engine's `onCommit` carries
 *   the numbered events); only an event that does not follow a listener's cursor makes it read.
 * - A missed notification loses nothing: the next one, or the poll on a slow interval (and a
 *   full catch-up after the `LISTEN` connection comes back), reads from the cursor.
 *
 * A new listener starts at the highest seq this instance knows to be committed for its user
 * (from the stream positions read when it started listening, and every notification since):
 * never above the user's last seq when it registered, so it gets every event committed after
 * that (and possibly a few before, which carry seqs its consumer already has and drops).
 *
 * Typing signals are not events: nothing stores them. A signal goes to this instance's typing
 * listeners at once, and to the other instances as the payload of a notification on
 * `live_chat_typing` (the same `LISTEN` connection hears it), which they hand to theirs. A lost
 * one is lost: a `typing: true` lapses by itself, and the next one comes within seconds. Each
 * instance throttles its own senders; since one customer's notices may reach several instances,
 * each also hands its listeners at most one `typing: true` per session every
 * `TYPING_INTERVAL_MS`, whichever instance it came from (a `typing: false` always passes).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TYPING_INTERVAL_MS, TYPING_TTL_MS } from '@live-chat/core';
import type { Id, ServerEvent, TypingSignal } from '@live-chat/core';
import {
  LiveDelivery,
  type CommittedChange,
  type EventListener,
  type MessageListener,
  type TypingListener,
} from '@live-chat/core/engine';
import { clientConfig, EVENTS_CHANNEL } from './store.js';

/** The channel of `NOTIFY` for typing signals (their payload is the signal itself). */
export const TYPING_CHANNEL = 'live_chat_typing';

/** The most bytes of a typing notification (PostgreSQL takes up to 8000); more users: several. */
const MAX_TYPING_PAYLOAD = 7000;

/** A typing notification: the sending instance, the users, the session and the signal. */
interface TypingPayload {
  i: string;
  u: Id[];
  s: Id;
  t: boolean;
}

/** The payloads of a typing signal for `userIds`, each under {@link MAX_TYPING_PAYLOAD} bytes. */
function typingPayloads(instance: string, userIds: readonly Id[], signal: TypingSignal): string[] {
  const payloads: string[] = [];
  let users: Id[] = [];
  const text = (u: Id[]) =>
    JSON.stringify({
      i: instance,
      u,
      s: signal.sessionId,
      t: signal.typing,
    } satisfies TypingPayload);
  for (const userId of userIds) {
    if (users.length > 0 && Buffer.byteLength(text([...users, userId])) > MAX_TYPING_PAYLOAD) {
      payloads.push(text(users));
      users = [];
    }
    users.push(userId);
  }
  if (users.length > 0) payloads.push(text(users));
  return payloads;
}

/** The listener types every backend shares (a message listener hears this instance's messages). */
export type { EventListener, MessageListener } from '@live-chat/core/engine';

/** Options of {@link CrossInstanceDelivery}. */
export interface DeliveryOptions {
  url: string;
  /** Reads events for live listeners (the pool of the store). */
  pool: pg.Pool;
  /** The safety-net poll of users with listeners, in ms (default 5000; 0: none). */
  pollIntervalMs?: number;
  /** Events read per query while catching up (default 500). */
  batchSize?: number;
  /** Told about failures of the `LISTEN` connection or of reads (default: dropped). */
  onError?: (error: unknown) => void;
}

interface Registered {
  fn: EventListener;
  cursor: number;
}

interface UserState {
  listeners: Set<Registered>;
}

/** See the module comment. */
export class CrossInstanceDelivery {
  private readonly users = new Map<Id, UserState>();
  /** Highest seq known to be committed, per user. */
  private readonly known = new Map<Id, number>();
  private readonly messageListeners = new Set<MessageListener>();
  /** Users whose listeners are behind, for the next read. */
  private readonly due = new Set<Id>();
  /** Whether a read runs (it reads {@link due} again until nobody is due). */
  private reading = false;
  private readonly pool: pg.Pool;
  private readonly batchSize: number;
  private readonly onError: (error: unknown) => void;
  private listenClient: pg.Client | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** Typing listeners of this instance (only the typing half of it is used). */
  private readonly typing = new LiveDelivery();
  /** This instance, in its typing notifications (it skips its own). */
  private readonly instanceId = randomUUID();
  /** When each session's last `typing: true` went to this instance's listeners. */
  private readonly typedAt = new Map<Id, number>();
  /** Notifications handled (for tests and metrics). */
  notifications = 0;

  constructor(private readonly options: DeliveryOptions) {
    this.pool = options.pool;
    this.batchSize = options.batchSize ?? 500;
    this.onError = options.onError ?? (() => {});
  }

  /** Starts listening: `LISTEN`, then reads every stream's position. */
  async start(): Promise<void> {
    await this.connect();
    const interval = this.options.pollIntervalMs ?? 5000;
    if (interval > 0) {
      this.pollTimer = setInterval(() => void this.poll(), interval);
      this.pollTimer.unref?.();
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(clientConfig(this.options.url));
    client.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL && message.payload) this.notified(message.payload);
      if (message.channel === TYPING_CHANNEL && message.payload) this.typed(message.payload);
    });
    client.on('error', (error) => {
      this.onError(error);
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}; LISTEN ${TYPING_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      throw error;
    }
    this.listenClient = client;
    // Only after LISTEN: every commit from now on is notified, every earlier one is read here.
    const { rows } = await this.pool.query<{ user_id: Id; last_seq: number }>(
      'SELECT user_id, last_seq FROM event_streams',
    );
    for (const row of rows) this.learn(row.user_id, row.last_seq);
  }

  /** The `LISTEN` connection failed or ended: connect again (and catch up) in a moment. */
  private lost(client: pg.Client): void {
    if (this.listenClient !== client) return;
    this.listenClient = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.stopped) return;
      this.connect().then(
        // Notifications may have been missed meanwhile: every listened user catches up.
        () => this.poll(),
        (error: unknown) => {
          this.onError(error);
          this.reconnectLater();
        },
      );
    }, 1000);
    this.reconnectTimer.unref?.();
  }

  private learn(userId: Id, seq: number): void {
    if (seq > (this.known.get(userId) ?? 0)) this.known.set(userId, seq);
  }

  private notified(payload: string): void {
    this.notifications++;
    let entries: [Id, number][];
    try {
      entries = JSON.parse(payload) as [Id, number][];
    } catch (error) {
      this.onError(error);
      return;
    }
    for (const [userId, seq] of entries) {
      this.learn(userId, seq);
      const state = this.users.get(userId);
      if (state && [...state.listeners].some((listener) => listener.cursor < seq)) {
        this.read(userId);
      }
    }
  }

  /** Calls `listener` with each typing signal for `userId`, from any instance. */
  listenTyping(userId: Id, listener: TypingListener): () => void {
    return this.typing.listenTyping(userId, listener);
  }

  /** Hands a typing signal to the listeners of `userIds` here, and on every other instance. */
  deliverTyping(userIds: readonly Id[], signal: TypingSignal): void {
    if (this.stopped) return;
    this.handOut(userIds, signal);
    for (const payload of typingPayloads(this.instanceId, userIds, signal)) {
      this.pool.query('SELECT pg_notify($1, $2)', [TYPING_CHANNEL, payload]).catch(this.onError);
    }
  }

  /** Another instance's typing signal: handed to this instance's listeners. */
  private typed(payload: string): void {
    let value: Partial<TypingPayload>;
    try {
      value = JSON.parse(payload) as Partial<TypingPayload>;
    } catch (error) {
      this.onError(error);
      return;
    }
    if (value.i === this.instanceId || !Array.isArray(value.u)) return;
    if (typeof value.s !== 'string' || typeof value.t !== 'boolean') return;
    this.handOut(value.u, { sessionId: value.s, typing: value.t });
  }

  /** Hands a signal to this instance's typing listeners, through the throttle (module comment). */
  private handOut(userIds: readonly Id[], signal: TypingSignal): void {
    const now = Date.now();
    if (!signal.typing) this.typedAt.delete(signal.sessionId);
    else {
      const last = this.typedAt.get(signal.sessionId);
      if (last !== undefined && now - last < TYPING_INTERVAL_MS) return;
      if (this.typedAt.size >= 10_000) {
        for (const [sessionId, at] of this.typedAt) {
          if (now - at > TYPING_TTL_MS) this.typedAt.delete(sessionId);
        }
      }
      this.typedAt.set(signal.sessionId, now);
    }
    this.typing.deliverTyping(userIds, signal);
  }

  /** Calls `fn` with each new event of `userId`, in seq order; returns the function that stops it. */
  listen(userId: Id, fn: EventListener): () => void {
    let state = this.users.get(userId);
    if (!state) {
      state = { listeners: new Set() };
      this.users.set(userId, state);
    }
    const registered: Registered = { fn, cursor: this.known.get(userId) ?? 0 };
    state.listeners.add(registered);
    const owner = state;
    return () => {
      owner.listeners.delete(registered);
      if (owner.listeners.size === 0 && this.users.get(userId) === owner) this.users.delete(userId);
    };
  }

  /** Calls `fn` after each new message committed by this instance. */
  onMessage(fn: MessageListener): () => void {
    this.messageListeners.add(fn);
    return () => this.messageListeners.delete(fn);
  }

  /** A change this instance committed: its events go out at once where they follow the cursors. */
  deliver(change: CommittedChange): void {
    const behind = new Set<Id>();
    for (const { userId, event } of change.events) {
      this.learn(userId, event.seq);
      const state = this.users.get(userId);
      if (!state) continue;
      for (const listener of [...state.listeners]) {
        if (event.seq === listener.cursor + 1) this.give(listener, event);
        else if (event.seq > listener.cursor) behind.add(userId);
      }
    }
    for (const userId of behind) this.read(userId);
    for (const { message, session } of change.messages) {
      for (const fn of [...this.messageListeners]) {
        try {
          fn(message, session);
        } catch (error) {
          this.onError(error);
        }
      }
    }
  }

  private give(listener: Registered, event: ServerEvent): void {
    listener.cursor = event.seq;
    try {
      listener.fn(event);
    } catch (error) {
      this.onError(error);
    }
  }

  /** Reads the user's events after the lowest cursor and hands them out (see {@link readDue}). */
  private read(userId: Id): void {
    this.due.add(userId);
    void this.readDue();
  }

  /**
   * Reads the events of every user due, after each one's lowest cursor, in one statement, and
   * hands them out; then the users that became due meanwhile, until nobody is. One read runs at
   * a time, so each user's events go out in seq order.
   */
  private async readDue(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      while (this.due.size > 0 && !this.stopped) {
        const users: Id[] = [];
        const after: number[] = [];
        for (const userId of this.due) {
          const state = this.users.get(userId);
          if (!state || state.listeners.size === 0) continue;
          const from = Math.min(...[...state.listeners].map((listener) => listener.cursor));
          if (from >= (this.known.get(userId) ?? 0)) continue;
          users.push(userId);
          after.push(from);
        }
        this.due.clear();
        if (users.length === 0) break;
        const { rows } = await this.pool.query<{ user_id: Id; seq: number; event: string }>(
          `SELECT c.user_id, e.seq, e.event FROM unnest($1::text[], $2::bigint[]) AS c (user_id, after)
           CROSS JOIN LATERAL (SELECT seq, event FROM events
             WHERE user_id = c.user_id AND seq > c.after ORDER BY seq LIMIT $3) e
           ORDER BY c.user_id, e.seq`,
          [users, after, this.batchSize],
        );
        const read = new Map<Id, number>();
        for (const { user_id: userId, seq, event } of rows) {
          read.set(userId, (read.get(userId) ?? 0) + 1);
          this.learn(userId, seq);
          const state = this.users.get(userId);
          if (!state) continue;
          const value = { ...(JSON.parse(event) as object), seq } as ServerEvent;
          for (const listener of [...state.listeners]) {
            if (seq > listener.cursor) this.give(listener, value);
          }
        }
        // A full batch: more may follow.
        for (const [userId, count] of read) if (count === this.batchSize) this.due.add(userId);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.reading = false;
    }
  }

  /**
   * The safety net: reads the stream positions of every user with listeners and catches up
   * those behind (a notification was missed, or the `LISTEN` connection was down).
   */
  async poll(): Promise<void> {
    if (this.stopped || this.users.size === 0) return;
    try {
      const { rows } = await this.pool.query<{ user_id: Id; last_seq: number }>(
        'SELECT user_id, last_seq FROM event_streams WHERE user_id = ANY($1)',
        [[...this.users.keys()]],
      );
      for (const row of rows) {
        this.learn(row.user_id, row.last_seq);
        const state = this.users.get(row.user_id);
        if (state && [...state.listeners].some((listener) => listener.cursor < row.last_seq)) {
          this.read(row.user_id);
        }
      }
    } catch (error) {
      this.onError(error);
    }
  }

  /** Stops listening and forgets every listener. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.users.clear();
    this.due.clear();
    this.messageListeners.clear();
    this.typing.clear();
    this.typedAt.clear();
    const client = this.listenClient;
    this.listenClient = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  }
}
