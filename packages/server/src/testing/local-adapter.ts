/**
 * Test support: a `TransportAdapter` for one user of a backend in the same process, with no
 * network in between. It serves synchronous backends (SQLite) and asynchronous ones
 * (PostgreSQL) alike. Everything crosses it as JSON, each answer and each event at least a
 * microtask later, as over a connection; the replay of `events(sinceSeq)` and the live events
 * are joined without a gap or a repeat (listen first, then read the replay, then drop what was
 * already delivered). Customer reads, files and typing cross it too, when the backend has them.
 * The conformance suite runs on it.
 */
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { LiveChatError } from '@live-chat/core';
import type {
  AttachmentPolicy,
  ConnectionState,
  Id,
  Result,
  ServerEvent,
  TransportAdapter,
  TypingSignal,
} from '@live-chat/core';
import { takesAttachments, type Awaitable, type LiveChatBackend } from '../backend.js';

/** The per-user calls of a backend the adapter needs (customer reads, files and typing are optional). */
export type LocalBackend = Pick<
  LiveChatBackend,
  | 'snapshot'
  | 'events'
  | 'listen'
  | 'execute'
  | 'history'
  | 'search'
  | 'report'
  | 'readCustomers'
  | 'upload'
  | 'download'
  | 'attachmentPolicy'
  | 'acceptsAttachments'
  | 'operatorTyping'
  | 'listenTyping'
>;

/** A JSON round trip: what a network transport would do to the value. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const nextTick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** One user's in-process connection (see the module comment). */
export class LocalAdapter implements TransportAdapter {
  private readonly state = new BehaviorSubject<ConnectionState>('online');
  readonly connection$ = this.state.asObservable();
  private readonly stops = new Set<() => void>();
  private disposed = false;
  private readonly typingSignals = new Subject<TypingSignal>();
  /** The customers' typing in the user's sessions (when the backend passes typing on). */
  readonly typing$ = this.typingSignals.asObservable();
  /** What the backend accepts as files; `undefined` when it takes none. */
  readonly attachmentPolicy: AttachmentPolicy | undefined;
  /** Customers on demand: there exactly when the backend reads them (`readCustomers`). */
  declare readonly customers?: TransportAdapter['customers'];

  constructor(
    private readonly backend: LocalBackend,
    readonly userId: Id,
  ) {
    this.attachmentPolicy = takesAttachments(backend as LiveChatBackend)
      ? overTheWire(backend.attachmentPolicy)
      : undefined;
    const stopTyping = backend.listenTyping?.(userId, (signal) => {
      const copy = overTheWire(signal);
      queueMicrotask(() => this.typingSignals.next(copy));
    });
    if (stopTyping) this.stops.add(stopTyping);
    const readCustomers = backend.readCustomers?.bind(backend);
    if (readCustomers) {
      this.customers = (query) => this.read(() => readCustomers(userId, overTheWire(query)));
    }
  }

  upload: NonNullable<TransportAdapter['upload']> = (file) =>
    this.read(() => {
      const upload = this.backend.upload?.bind(this.backend);
      return upload
        ? upload(this.userId, { name: file.name, bytes: file.bytes.slice() })
        : { ok: false, error: { code: 'VALIDATION', message: 'This backend takes no files.' } };
    });

  download: NonNullable<TransportAdapter['download']> = async (attachmentId) => {
    const download = this.backend.download?.bind(this.backend);
    if (!download) throw new LiveChatError('NOT_FOUND', 'There is no such file.');
    await nextTick();
    if (this.disposed) throw new LiveChatError('OFFLINE', 'The connection is closed.');
    const result = await download(this.userId, attachmentId);
    if (!result.ok) throw LiveChatError.from(result.error);
    return result.value.bytes.slice();
  };

  sendTyping: NonNullable<TransportAdapter['sendTyping']> = (sessionId, typing) => {
    if (this.disposed) return;
    void Promise.resolve(this.backend.operatorTyping?.(this.userId, sessionId, typing));
  };

  private async read<T>(run: () => Awaitable<Result<T>>): Promise<T> {
    await nextTick();
    if (this.disposed) throw new LiveChatError('OFFLINE', 'The connection is closed.');
    const result = await run();
    if (!result.ok) throw LiveChatError.from(result.error);
    return overTheWire(result.value);
  }

  snapshot: TransportAdapter['snapshot'] = () =>
    this.read(() => this.backend.snapshot(this.userId));

  events(sinceSeq: number): Observable<ServerEvent> {
    return new Observable<ServerEvent>((subscriber) => {
      if (this.disposed) {
        subscriber.complete();
        return undefined;
      }
      let last = sinceSeq;
      const queue: ServerEvent[] = [];
      const deliver = (event: ServerEvent) => {
        if (event.seq <= last) return;
        last = event.seq;
        queue.push(overTheWire(event));
        if (queue.length > 1) return;
        queueMicrotask(() => {
          for (const next of queue.splice(0)) if (!subscriber.closed) subscriber.next(next);
        });
      };
      // Listen first, then read the replay: an event committed in between comes through once.
      let early: ServerEvent[] | undefined = [];
      const stop = this.backend.listen(this.userId, (event) => {
        if (early) early.push(event);
        else deliver(event);
      });
      const end = () => {
        stop();
        subscriber.complete();
      };
      this.stops.add(end);
      const refuse = (error: LiveChatError) => {
        stop();
        this.stops.delete(end);
        subscriber.error(error);
      };
      Promise.resolve()
        .then(() => this.backend.events(this.userId, sinceSeq))
        .then(
          (replay) => {
            if (!replay.ok) return refuse(LiveChatError.from(replay.error));
            const pending = early ?? [];
            early = undefined;
            for (const event of [...replay.value, ...pending]) deliver(event);
          },
          (error: unknown) => refuse(new LiveChatError('INTERNAL', String(error))),
        );
      return () => {
        stop();
        this.stops.delete(end);
      };
    });
  }

  execute: TransportAdapter['execute'] = async (command) => {
    await nextTick();
    if (this.disposed) return { ok: false, error: { code: 'OFFLINE', message: 'Closed.' } };
    const result = await this.backend.execute(this.userId, overTheWire(command));
    await nextTick();
    return overTheWire(result);
  };

  history: TransportAdapter['history'] = (query) =>
    this.read(() => this.backend.history(this.userId, overTheWire(query)));

  search: TransportAdapter['search'] = (query) =>
    this.read(() => this.backend.search(this.userId, overTheWire(query)));

  report: TransportAdapter['report'] = (query) =>
    this.read(() => this.backend.report(this.userId, overTheWire(query)));

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const end of [...this.stops]) end();
    this.stops.clear();
    this.state.next('offline');
    this.state.complete();
    this.typingSignals.complete();
  }
}
