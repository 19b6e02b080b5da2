/**
 * Test support: a `TransportAdapter` for one user of an asynchronous backend (PostgreSQL) in the
 * same process, with no network in between: everything crosses it as JSON, and the replay of
 * `events(sinceSeq)` and the live events are joined without a gap or a repeat (listen first,
 * then read the replay, then drop what was already delivered).
 */
import { BehaviorSubject, Observable } from 'rxjs';
import { LiveChatError } from '@live-chat/core';
import type {
  Command,
  CommandResult,
  ConnectionState,
  HistoryQuery,
  Id,
  MessagePage,
  Report,
  ReportQuery,
  Result,
  SearchHit,
  SearchQuery,
  ServerEvent,
  Snapshot,
  TransportAdapter,
} from '@live-chat/core';
import type { PostgresBackend } from '../backend.js';

/** The per-user calls of a backend the adapter needs. */
export type AsyncLocalBackend = Pick<
  PostgresBackend,
  'snapshot' | 'events' | 'listen' | 'execute' | 'history' | 'search' | 'report'
>;

const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** One user's in-process connection to an asynchronous backend (see the module comment). */
export class AsyncLocalAdapter implements TransportAdapter {
  private readonly state = new BehaviorSubject<ConnectionState>('online');
  readonly connection$ = this.state.asObservable();
  private readonly stops = new Set<() => void>();
  private disposed = false;

  constructor(
    private readonly backend: AsyncLocalBackend,
    readonly userId: Id,
  ) {}

  private async read<T>(run: () => Promise<Result<T>>): Promise<T> {
    if (this.disposed) throw new LiveChatError('OFFLINE', 'The connection is closed.');
    const result = await run();
    if (!result.ok) throw LiveChatError.from(result.error);
    return overTheWire(result.value);
  }

  snapshot(): Promise<Snapshot> {
    return this.read(() => this.backend.snapshot(this.userId));
  }

  events(sinceSeq: number): Observable<ServerEvent> {
    return new Observable<ServerEvent>((subscriber) => {
      if (this.disposed) {
        subscriber.complete();
        return undefined;
      }
      let last = sinceSeq;
      let early: ServerEvent[] | undefined = [];
      const deliver = (event: ServerEvent) => {
        if (event.seq <= last || subscriber.closed) return;
        last = event.seq;
        subscriber.next(overTheWire(event));
      };
      const stop = this.backend.listen(this.userId, (event) => {
        if (early) early.push(event);
        else deliver(event);
      });
      const end = () => {
        stop();
        subscriber.complete();
      };
      this.stops.add(end);
      this.backend.events(this.userId, sinceSeq).then(
        (replay) => {
          if (!replay.ok) {
            stop();
            subscriber.error(LiveChatError.from(replay.error));
            return;
          }
          const pending = early ?? [];
          early = undefined;
          for (const event of [...replay.value, ...pending]) deliver(event);
        },
        (error: unknown) => {
          stop();
          subscriber.error(new LiveChatError('INTERNAL', String(error)));
        },
      );
      return () => {
        stop();
        this.stops.delete(end);
      };
    });
  }

  async execute<C extends Command>(command: C): Promise<CommandResult<C>> {
    if (this.disposed) return { ok: false, error: { code: 'OFFLINE', message: 'Closed.' } };
    return overTheWire(await this.backend.execute(this.userId, overTheWire(command)));
  }

  history(query: HistoryQuery): Promise<MessagePage> {
    return this.read(() => this.backend.history(this.userId, overTheWire(query)));
  }

  search(query: SearchQuery): Promise<SearchHit[]> {
    return this.read(() => this.backend.search(this.userId, overTheWire(query)));
  }

  report<Q extends ReportQuery>(query: Q): Promise<Report<Q>> {
    return this.read(() => this.backend.report(this.userId, overTheWire(query)));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const end of [...this.stops]) end();
    this.stops.clear();
    this.state.next('offline');
    this.state.complete();
  }
}
