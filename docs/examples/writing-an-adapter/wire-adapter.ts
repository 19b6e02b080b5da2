import { BehaviorSubject, Observable, type Subscription } from 'rxjs';
import { AdapterBase, LiveChatError } from '@live-chat/core';
import type {
  Command,
  CommandResult,
  ConnectionState,
  ReadRequest,
  ServerEvent,
} from '@live-chat/core';
import type { Wire, WireFrame, WireReply, WireRequest } from './wire.js';

/**
 * A `TransportAdapter` that speaks JSON over a {@link Wire}: a thin codec between the
 * workspace's protocol and your backend's API. One instance per signed-in user. `AdapterBase`
 * derives `snapshot`, `history`, `search`, `report` and `customers` from the one `read` method
 * below.
 */
export class WireAdapter extends AdapterBase {
  readonly connection$: Observable<ConnectionState>;
  private readonly wire: Wire;
  private readonly state = new BehaviorSubject<ConnectionState>('connecting');
  /** Completes each open event stream (on dispose). */
  private readonly streams = new Set<() => void>();
  private readonly wireState: Subscription;
  private disposed = false;

  constructor(wire: Wire) {
    super();
    this.wire = wire;
    this.connection$ = this.state.asObservable();
    this.wireState = wire.connection$.subscribe((state) => this.state.next(state));
  }

  /** Sends a request and decodes the reply; a network failure becomes an `OFFLINE` error. */
  private async call(request: WireRequest): Promise<WireReply> {
    if (this.disposed)
      return { ok: false, error: { code: 'OFFLINE', message: 'The adapter was disposed.' } };
    try {
      return JSON.parse(await this.wire.request(JSON.stringify(request))) as WireReply;
    } catch {
      return { ok: false, error: { code: 'OFFLINE', message: 'The server could not be reached.' } };
    }
  }

  /** Reads resolve with the value or reject with a `LiveChatError` carrying the typed code. */
  protected async read(request: ReadRequest): Promise<unknown> {
    const reply = await this.call(request);
    if (!reply.ok) throw LiveChatError.from(reply.error);
    return reply.value;
  }

  /**
   * Commands resolve with a typed result and never reject for domain errors. After `OFFLINE`
   * the client may send the same command again: the backend answers a repeated `commandId`
   * with the first result, so nothing happens twice.
   */
  async execute<C extends Command>(command: C): Promise<CommandResult<C>> {
    const reply = await this.call({ op: 'execute', command });
    return (reply.ok ? reply.value : reply) as CommandResult<C>;
  }

  /**
   * Every event after `sinceSeq`, then live ones. Each must be exactly one more than the last:
   * a gap means events were lost, so the stream fails with `RESYNC_REQUIRED` and the client
   * recovers from a new snapshot.
   */
  events(sinceSeq: number): Observable<ServerEvent> {
    return new Observable<ServerEvent>((subscriber) => {
      if (this.disposed) {
        subscriber.complete();
        return undefined;
      }
      let lastSeq = sinceSeq;
      const close = this.wire.openStream(sinceSeq, (text) => {
        const frame = JSON.parse(text) as WireFrame;
        if ('error' in frame) {
          subscriber.error(LiveChatError.from(frame.error));
        } else if (frame.event.seq !== lastSeq + 1) {
          const message = `Expected event ${lastSeq + 1}, got ${frame.event.seq}.`;
          subscriber.error(new LiveChatError('RESYNC_REQUIRED', message));
        } else {
          lastSeq = frame.event.seq;
          subscriber.next(frame.event);
        }
      });
      const complete = () => subscriber.complete();
      this.streams.add(complete);
      return () => {
        this.streams.delete(complete);
        close();
      };
    });
  }

  /** Closes every stream; later requests answer `OFFLINE`. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.wireState.unsubscribe();
    for (const complete of [...this.streams]) complete();
    this.state.next('offline');
    this.state.complete();
  }
}
