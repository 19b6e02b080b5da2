/**
 * The `TransportAdapter` of the memory backend, for one user. Commands, results, snapshots and
 * reads cross it as JSON, exactly as they would over a network, which keeps callers from
 * sharing the backend's objects. Events, the one hot path, are handed over as the backend made
 * them: each event envelope is the user's own, and the entities inside are the backend's
 * immutable values (sessions and messages are replaced, never mutated; do not mutate them).
 * The conformance suite holds every event to the wire shape (plain JSON data), so a network
 * transport carries exactly what this one hands over.
 */
import { BehaviorSubject, Observable, type Subscriber } from 'rxjs';
import { AdapterBase, LiveChatError } from '@live-chat/core';
import type * as core from '@live-chat/core';
import type { MemoryBackend } from './backend.js';

/** Options of {@link MemoryBackend.connect}. */
export interface MemoryAdapterOptions {
  /**
   * Artificial network latency in milliseconds, applied to each request, each response and each
   * batch of events (default 0: asynchronous, but within the same macrotask).
   */
  latencyMs?: number;
}

/** A JSON round trip: what a network transport would do to the value. */
function overTheWire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const offline = (message = 'The connection is offline.'): { ok: false; error: core.ErrorInfo } => ({
  ok: false,
  error: { code: 'OFFLINE', message },
});

/** Delivers one `events()` subscription's events in order, holding them while offline. */
class Delivery {
  private queue: core.ServerEvent[] = [];
  private scheduled = false;

  constructor(
    private readonly adapter: MemoryAdapter,
    private readonly subscriber: Subscriber<core.ServerEvent>,
  ) {}

  push(events: readonly core.ServerEvent[]): void {
    if (events.length === 0) return;
    for (const event of events) this.queue.push(event);
    this.schedule();
  }

  /** Queues one live event. */
  pushOne(event: core.ServerEvent): void {
    this.queue.push(event);
    this.schedule();
  }

  /** Plans a flush unless one is planned or the connection is down. */
  schedule(): void {
    if (this.scheduled || !this.adapter.reachable || this.subscriber.closed) return;
    this.scheduled = true;
    this.adapter.later(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Delivers the queued events in one synchronous run: the client commits them as one batch. */
  private flush(): void {
    let delivered = 0;
    while (delivered < this.queue.length && this.adapter.reachable && !this.subscriber.closed) {
      this.subscriber.next(this.queue[delivered] as core.ServerEvent);
      delivered++;
    }
    if (delivered === this.queue.length) this.queue.length = 0;
    else this.queue.splice(0, delivered);
  }

  complete(): void {
    this.subscriber.complete();
  }
}

/**
 * One user's connection to a {@link MemoryBackend}. Besides the `TransportAdapter` contract it
 * offers {@link simulateConnection}, so stories and tests can show offline and reconnecting UIs.
 */
export class MemoryAdapter extends AdapterBase {
  readonly connection$: Observable<core.ConnectionState>;
  private readonly state = new BehaviorSubject<core.ConnectionState>('connecting');
  private readonly deliveries = new Set<Delivery>();
  /** Pending latency timers and their tasks: dispose runs them early so no promise hangs. */
  private readonly timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  private readonly latencyMs: number;
  private disposed = false;
  /** The state is `online` or `connecting` (read per delivered event, so kept as a field). */
  private open = true;

  /** Use {@link MemoryBackend.connect}. */
  constructor(
    private readonly backend: MemoryBackend,
    /** The user this adapter speaks for. */
    readonly userId: core.Id,
    options: MemoryAdapterOptions = {},
    private readonly onDispose: () => void = () => {},
  ) {
    super();
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    this.connection$ = this.state.asObservable();
    this.later(() => {
      if (this.state.value === 'connecting') this.setState('online');
    });
  }

  private setState(state: core.ConnectionState): void {
    this.open = state === 'online' || state === 'connecting';
    this.state.next(state);
  }

  /** @internal Whether requests and events get through ('connecting' counts: the handshake is instant here). */
  get reachable(): boolean {
    return this.open && !this.disposed;
  }

  /** @internal Runs `task` after the configured latency (a microtask when there is none). */
  later(task: () => void): void {
    if (this.latencyMs === 0) {
      queueMicrotask(task);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, this.latencyMs);
    this.timers.set(timer, task);
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.later(resolve));
  }

  /**
   * Resolves a backend read, or rejects with its typed error: `OFFLINE` while the connection is
   * down, else the backend's refusal (`NOT_FOUND`, `FORBIDDEN`, `VALIDATION`).
   */
  protected async read(request: core.ReadRequest): Promise<unknown> {
    if (!this.reachable) throw new LiveChatError('OFFLINE', 'The connection is offline.');
    await this.wait();
    if (!this.reachable) throw new LiveChatError('OFFLINE', 'The connection was lost.');
    const result = this.backend.answerRead(this.userId, overTheWire(request));
    if (!result.ok) throw LiveChatError.from(result.error);
    return overTheWire(result.value);
  }

  /** What the backend accepts as attachments (`undefined` when it takes none). */
  get attachmentPolicy(): core.AttachmentPolicy | undefined {
    return this.backend.acceptsAttachments ? this.backend.attachmentPolicy : undefined;
  }

  /** Resolves a backend answer that may refuse, across the simulated network. */
  private async across<T>(
    work: () => Promise<{ ok: true; value: T } | { ok: false; error: core.ErrorInfo }>,
  ): Promise<T> {
    if (!this.reachable) throw new LiveChatError('OFFLINE', 'The connection is offline.');
    await this.wait();
    if (!this.reachable) throw new LiveChatError('OFFLINE', 'The connection was lost.');
    const result = await work();
    await this.wait();
    if (!this.reachable) throw new LiveChatError('OFFLINE', 'The connection was lost.');
    if (!result.ok) throw LiveChatError.from(result.error);
    return result.value;
  }

  /** Stores a file for the user's next message (rejects with the backend's typed refusal). */
  async upload(file: core.AttachmentUpload): Promise<core.Attachment> {
    const upload = { name: String(file?.name ?? ''), bytes: file?.bytes };
    return overTheWire(await this.across(() => this.backend.upload(this.userId, upload)));
  }

  /** The bytes of a file of a session the user sees (a copy). */
  async download(attachmentId: core.Id): Promise<Uint8Array> {
    const file = await this.across(() => this.backend.download(this.userId, attachmentId));
    return file.bytes.slice();
  }

  /** The customers' typing in the sessions the user sees, while the connection is up. */
  readonly typing$ = new Observable<core.TypingSignal>((subscriber) => {
    if (this.disposed) {
      subscriber.complete();
      return undefined;
    }
    return this.backend.listenTyping(this.userId, (signal) => {
      if (this.reachable) this.later(() => subscriber.next({ ...signal }));
    });
  });

  /** Tells the backend the user is typing in a session (dropped while offline). */
  sendTyping(sessionId: core.Id, typing: boolean): void {
    if (!this.reachable) return;
    this.later(() => {
      if (this.reachable) void this.backend.operatorTyping(this.userId, sessionId, typing);
    });
  }

  /** The user's events after `sinceSeq`, then live; errors with `RESYNC_REQUIRED` when it cannot replay. */
  events(sinceSeq: number): Observable<core.ServerEvent> {
    return new Observable<core.ServerEvent>((subscriber) => {
      if (this.disposed) {
        subscriber.complete();
        return undefined;
      }
      const replay = this.backend.events(this.userId, sinceSeq);
      if (!replay.ok) {
        subscriber.error(LiveChatError.from(replay.error));
        return undefined;
      }
      const delivery = new Delivery(this, subscriber);
      delivery.push(replay.value);
      // Registered right after reading the replay, in the same synchronous turn: no gap, no overlap.
      const stop = this.backend.listen(this.userId, (event) => delivery.pushOne(event));
      this.deliveries.add(delivery);
      return () => {
        stop();
        this.deliveries.delete(delivery);
      };
    });
  }

  /** Executes a command for the user; resolves `OFFLINE` (never rejects) when the connection is down. */
  async execute<C extends core.Command>(command: C): Promise<core.CommandResult<C>> {
    if (!this.reachable) return offline();
    let request: C;
    try {
      request = overTheWire(command);
    } catch {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'The command is not JSON-serialisable.' },
      };
    }
    await this.wait();
    // The request never arrived.
    if (!this.reachable) return offline('The connection was lost before the command was sent.');
    const response = overTheWire(this.backend.execute(this.userId, request));
    await this.wait();
    // The response got lost; retrying with the same commandId returns it again.
    if (!this.reachable) return offline('The connection was lost before the result arrived.');
    return response;
  }

  /**
   * Test helper: switches the connection state. While not online (or connecting), `execute()`
   * resolves `{ ok: false, error: { code: 'OFFLINE' } }`, reads reject with `OFFLINE`, and events
   * are held; going `online` again delivers the held events in order.
   */
  simulateConnection(state: core.ConnectionState): void {
    if (this.disposed) return;
    this.setState(state);
    if (this.reachable) for (const delivery of this.deliveries) delivery.schedule();
  }

  /** Closes the connection: streams complete, pending requests resolve `OFFLINE`. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const pending = [...this.timers];
    this.timers.clear();
    for (const [timer, task] of pending) {
      clearTimeout(timer);
      task(); // every task re-checks `reachable`: requests resolve OFFLINE, deliveries stop
    }
    for (const delivery of [...this.deliveries]) delivery.complete();
    this.deliveries.clear();
    this.setState('offline');
    this.state.complete();
    this.onDispose();
  }
}
