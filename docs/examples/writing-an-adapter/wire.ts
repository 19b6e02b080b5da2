import type { Observable } from 'rxjs';
import type {
  AdapterRequest,
  ConnectionState,
  ErrorInfo,
  Result,
  ServerEvent,
} from '@live-chat/core';

/**
 * What the adapter needs from a network: JSON text in both directions. With HTTP, `request` is
 * a `fetch` POST and `openStream` an EventSource, a streamed response or a WebSocket.
 */
export interface Wire {
  /** The network's state as the transport knows it (socket open, heartbeat answered, …). */
  readonly connection$: Observable<ConnectionState>;
  /** Sends one request; resolves with the reply, rejects when the network fails. */
  request(body: string): Promise<string>;
  /** Opens the user's event stream after `sinceSeq`; returns a function that closes it. */
  openStream(sinceSeq: number, onFrame: (frame: string) => void): () => void;
}

/**
 * A request, as JSON on the wire: the core's {@link AdapterRequest} as it is, e.g.
 * `{ "op": "history", "query": { "sessionId": "s1" } }`. The reply is always a `Result`.
 */
export type WireRequest = AdapterRequest;

/** One frame of the event stream: an event, or the error that ends the stream. */
export type WireFrame = { event: ServerEvent } | { error: ErrorInfo };

/** The reply to a request. `execute` replies `{ ok: true, value: CommandResult }`. */
export type WireReply = Result<unknown>;
