/**
 * Per-user event streams: each user's events get their own strictly increasing `seq` (1, 2, …),
 * a bounded log serves `events(sinceSeq)` replays, and listeners receive live events.
 */
import { fail, ok } from '@live-chat/core';
import type { Id, Result, ServerEvent } from '@live-chat/core';

/** A server event before the stream numbers it. */
export type EventInput = ServerEvent extends infer E
  ? E extends ServerEvent
    ? Omit<E, 'seq'>
    : never
  : never;

/** Receives one user's live events, synchronously, in seq order. */
export type EventListener = (event: ServerEvent) => void;

interface Stream {
  /** Seq of the last event emitted (0 before the first). */
  seq: number;
  /** The retained tail of the stream, oldest first; `log[0].seq === firstSeq`. */
  log: ServerEvent[];
  firstSeq: number;
  listeners: Set<EventListener>;
}

/** Default number of events each user's log retains for replay. */
export const DEFAULT_EVENT_LOG_LIMIT = 10_000;

/** Every user's numbered, replayable event stream. */
export class UserStreams {
  private readonly streams = new Map<Id, Stream>();

  /**
   * @param limit events retained per user; older seqs answer `RESYNC_REQUIRED`.
   * @param seqs last seq per user from a saved state: streams continue from there, with an empty log.
   */
  constructor(
    private readonly limit = DEFAULT_EVENT_LOG_LIMIT,
    seqs: Record<Id, number> = {},
  ) {
    for (const [userId, seq] of Object.entries(seqs)) {
      this.streams.set(userId, { seq, log: [], firstSeq: seq + 1, listeners: new Set() });
    }
  }

  private stream(userId: Id): Stream {
    let stream = this.streams.get(userId);
    if (!stream) {
      stream = { seq: 0, log: [], firstSeq: 1, listeners: new Set() };
      this.streams.set(userId, stream);
    }
    return stream;
  }

  /** Numbers the event on the user's stream, logs it and hands it to live listeners. */
  emit(userId: Id, input: EventInput): ServerEvent {
    const stream = this.stream(userId);
    const event = { ...input, seq: ++stream.seq } as ServerEvent;
    stream.log.push(event);
    // Trim in batches so the log costs amortised O(1) per event.
    if (stream.log.length >= this.limit * 1.5) {
      const drop = stream.log.length - this.limit;
      stream.log.splice(0, drop);
      stream.firstSeq += drop;
    }
    for (const listener of [...stream.listeners]) listener(event);
    return event;
  }

  /** Seq of the user's last event (0 when none yet). */
  seqOf(userId: Id): number {
    return this.streams.get(userId)?.seq ?? 0;
  }

  /**
   * The user's events after `sinceSeq`, oldest first; `RESYNC_REQUIRED` when `sinceSeq` is older
   * than the retained log or later than the stream (an unknown seq).
   */
  since(userId: Id, sinceSeq: number): Result<ServerEvent[]> {
    const stream = this.stream(userId);
    if (!Number.isInteger(sinceSeq) || sinceSeq < 0) {
      return fail('RESYNC_REQUIRED', `Seq ${String(sinceSeq)} is not a position of this stream.`, {
        sinceSeq,
      });
    }
    if (sinceSeq > stream.seq) {
      return fail(
        'RESYNC_REQUIRED',
        `Seq ${sinceSeq} is ahead of this stream (at ${stream.seq}).`,
        {
          sinceSeq,
          seq: stream.seq,
        },
      );
    }
    if (sinceSeq < stream.firstSeq - 1) {
      return fail(
        'RESYNC_REQUIRED',
        `Events after seq ${sinceSeq} are no longer available; take a new snapshot.`,
        {
          sinceSeq,
          oldestAvailable: stream.firstSeq,
        },
      );
    }
    return ok(stream.log.slice(sinceSeq - stream.firstSeq + 1));
  }

  /** Registers a live listener; returns the function that removes it. */
  listen(userId: Id, listener: EventListener): () => void {
    const { listeners } = this.stream(userId);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Last seq of every stream, for saving. */
  exportSeqs(): Record<Id, number> {
    const seqs: Record<Id, number> = {};
    for (const [userId, stream] of this.streams) if (stream.seq > 0) seqs[userId] = stream.seq;
    return seqs;
  }
}
