/**
 * The per-user event log of a SQLite store: seqs, shared bodies, replays and dropping.
 *
 * **Bodies once.** A change gives every member of a live chat an event of their own (their seq,
 * their unread count), but the message and session (or the alert, the customer…) inside are the
 * same objects for all of them. The fields holding objects are the event's body: the first event
 * of a transaction that carries a body stores its JSON once, in `event_bodies`, and every event
 * of the transaction with the same objects refers to that row; each user's row keeps only the
 * event's own fields (migration 10). The JSON made for the log is also handed to the frames
 * (`rememberEventJson`), so the server sends it without serialising the event again.
 *
 * **Seqs in memory.** A user's next seq comes from an in-memory copy of their stream, read once
 * from the database (the larger of `event_streams.last_seq` and their newest event's seq), so
 * appending an event is one insert. The copy is only as good as the transaction that changed
 * it: the store forgets every copy when a transaction rolls back and when another connection
 * committed (`PRAGMA data_version`), and reads them again.
 */
import type { Id, ServerEvent } from '@live-chat/core';
import type { EventInput, EventLogRead } from '@live-chat/core/engine';
import { rememberEventJson } from '../event-frames.js';
import type { Statements, StoredEventRow } from './statements.js';

/** What the store knows of one user's stream. */
interface Stream {
  /** Seq of the user's last event (0 before the first). */
  last: number;
  /** Seq of the oldest event retained (`last + 1` when none is). */
  oldest: number;
  /** Whether `event_streams` has a row for the user. */
  stored: boolean;
}

/** A body stored in this transaction: the objects it holds, by field. */
interface StoredBody {
  keys: readonly string[];
  values: readonly unknown[];
  pk: number;
  /** Its JSON without the braces: `"message":{…},"session":{…}`. */
  json: string;
}

/** The bodies one transaction stored, by the first object inside them (see the module comment). */
export type TransactionBodies = Map<unknown, StoredBody[]>;

/**
 * The JSON of an event with its seq, from the inner parts (no braces) of its own fields and of
 * its body: own fields first, then the body's, then `seq`.
 */
function eventJson(own: string, body: string, seq: number): string {
  const fields = own === '' ? body : body === '' ? own : `${own},${body}`;
  return fields === '' ? `{"seq":${seq}}` : `{${fields},"seq":${seq}}`;
}

/** The JSON of a stored event with its seq (see {@link eventJson}). */
function storedEventJson({ seq, event, body }: StoredEventRow): string {
  return eventJson(event.slice(1, -1), body === null ? '' : body.slice(1, -1), seq);
}

/** Whether `body` holds exactly the objects of `source` under `keys`. */
function holds(
  body: StoredBody,
  source: Record<string, unknown>,
  keys: readonly string[],
): boolean {
  if (body.keys.length !== keys.length) return false;
  return keys.every((key, index) => body.keys[index] === key && body.values[index] === source[key]);
}

/** The event log of one store's connection (see the module comment). */
export class EventLog {
  private readonly streams = new Map<Id, Stream>();

  constructor(
    private readonly sql: Statements,
    /** The store's clock (event times, for retention by age). */
    private readonly now: () => number,
  ) {}

  /** Forgets what it knows of the streams: the database may hold something else now. */
  forget(): void {
    this.streams.clear();
  }

  /** The user's stream as this connection's transaction sees it. */
  private stream(userId: Id): Stream {
    let stream = this.streams.get(userId);
    if (!stream) {
      const row = this.sql.stream.get(userId);
      const newest = this.sql.newestSeq.get(userId) ?? 0;
      stream = {
        last: Math.max(row?.last_seq ?? 0, newest),
        oldest: row?.oldest_seq ?? 1,
        stored: row !== undefined,
      };
      this.streams.set(userId, stream);
    }
    return stream;
  }

  /** Seq of the user's last event (0 before the first). */
  lastSeq(userId: Id): number {
    return this.stream(userId).last;
  }

  /** Seq of the user's oldest retained event (`lastSeq + 1` when none is). */
  oldestSeq(userId: Id): number {
    return this.stream(userId).oldest;
  }

  /**
   * Numbers `input` with the user's next seq and appends it, its body stored once per
   * transaction (`bodies`). Answers the event, whose JSON the frames reuse.
   */
  append(userId: Id, input: EventInput, bodies: TransactionBodies): ServerEvent {
    const stream = this.stream(userId);
    const seq = stream.last + 1;
    const source = input as unknown as Record<string, unknown>;
    // The same fields in the order of the JSON: own ones, the body's, then the seq.
    const event: Record<string, unknown> = {};
    let own = '';
    let shared: string[] | undefined;
    for (const key in source) {
      const value = source[key];
      if (typeof value === 'object' && value !== null) {
        (shared ??= []).push(key);
      } else if (value !== undefined && typeof value !== 'function' && typeof value !== 'symbol') {
        own += `${own === '' ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`;
        event[key] = value;
      }
    }
    const body = shared && this.body(source, shared, bodies);
    if (shared) for (const key of shared) event[key] = source[key];
    if (!stream.stored) {
      this.sql.addStream.run(userId);
      stream.stored = true;
    }
    this.sql.appendEvent.run(userId, seq, this.now(), `{${own}}`, body?.pk ?? null);
    stream.last = seq;
    event.seq = seq;
    rememberEventJson(event as unknown as ServerEvent, eventJson(own, body?.json ?? '', seq));
    return event as unknown as ServerEvent;
  }

  /** The body of `source`'s fields `keys`: stored already in this transaction, or now. */
  private body(
    source: Record<string, unknown>,
    keys: readonly string[],
    bodies: TransactionBodies,
  ): StoredBody {
    const first = source[keys[0] as string];
    const stored = bodies.get(first);
    const found = stored?.find((body) => holds(body, source, keys));
    if (found) return found;
    const json = keys
      .map((key) => `${JSON.stringify(key)}:${JSON.stringify(source[key])}`)
      .join(',');
    const pk = Number(this.sql.addEventBody.run(`{${json}}`).lastInsertRowid);
    const body: StoredBody = { keys, values: keys.map((key) => source[key]), pk, json };
    if (stored) stored.push(body);
    else bodies.set(first, [body]);
    return body;
  }

  /** The user's log as seen from `sinceSeq` (the engine's `readEvents`). */
  read(userId: Id, sinceSeq: number): EventLogRead {
    const { last, oldest } = this.stream(userId);
    const inRange = sinceSeq >= oldest - 1 && sinceSeq <= last;
    const events = inRange
      ? this.sql.eventsAfter.all(userId, sinceSeq).map((row) => {
          const json = storedEventJson(row);
          const event = JSON.parse(json) as ServerEvent;
          rememberEventJson(event, json);
          return event;
        })
      : [];
    return { lastSeq: last, oldestSeq: oldest, events };
  }

  /**
   * Drops the user's events before seq `before`, and the bodies no other event shares; the
   * stream's row records its last seq and its new oldest one. Answers how many were dropped.
   */
  drop(userId: Id, before: number): number {
    const stream = this.stream(userId);
    this.sql.dropBodiesBefore.run({ userId, before });
    const dropped = this.sql.dropEventsBefore.run(userId, before).changes;
    this.sql.setStream.run(userId, stream.last, before);
    stream.oldest = before;
    stream.stored = true;
    return dropped;
  }

  /**
   * Drops every event appended before `cutoff` (on the store's clock), keeping each log's tail
   * from its first event that is recent enough. Answers how many were dropped.
   */
  dropOlderThan(cutoff: number): number {
    let dropped = 0;
    for (const { user_id: userId, oldest_seq: oldestSeq } of this.sql.expiredStreams.all(cutoff)) {
      const oldest =
        this.sql.firstEventSince.get(userId, oldestSeq, cutoff) ?? this.lastSeq(userId) + 1;
      dropped += this.drop(userId, oldest);
    }
    return dropped;
  }

  /** Continues the user's stream after `seq` (a saved stream's), keeping no events before it. */
  continueAfter(userId: Id, seq: number): void {
    if (seq <= this.lastSeq(userId)) return;
    this.sql.setStream.run(userId, seq, seq + 1);
    this.streams.set(userId, { last: seq, oldest: seq + 1, stored: true });
  }
}
