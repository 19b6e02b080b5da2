/**
 * Errors as real transports raise them when the network fails: not typed `ErrorInfo` values,
 * but what `fetch`, Node sockets and WebSockets throw. A client must treat them as "outcome
 * unknown", whatever their shape.
 */
import { LiveChatError } from '@live-chat/core';

/** The shapes a network failure comes in. */
export type NetworkErrorStyle = 'fetch' | 'reset' | 'closed';

/**
 * A network failure:
 * - `fetch`: `TypeError('Failed to fetch')`, as a browser's `fetch` rejects;
 * - `reset`: `Error('socket hang up')` with `code: 'ECONNRESET'`, as Node's sockets fail (its
 *   `code` is a string and its `message` too, so it looks like an `ErrorInfo` of an unknown code);
 * - `closed`: a WebSocket-style close with the numeric `code` 1006 (abnormal closure).
 */
export function networkError(style: NetworkErrorStyle): Error {
  switch (style) {
    case 'fetch':
      return new TypeError('Failed to fetch');
    case 'reset':
      return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    case 'closed':
      return Object.assign(new Error('The connection closed abnormally.'), { code: 1006 });
  }
}

/** A network failure of a style drawn from `random` (one draw). */
export function someNetworkError(random: () => number): Error {
  const r = random();
  return networkError(r < 1 / 3 ? 'fetch' : r < 2 / 3 ? 'reset' : 'closed');
}

/** The stream error that tells the client to take a new snapshot. */
export function resyncRequired(): LiveChatError {
  return new LiveChatError(
    'RESYNC_REQUIRED',
    'The event stream cannot continue from here; take a new snapshot.',
  );
}
