/**
 * The WebSocket wire protocol between {@link createWebSocketAdapter} and `@live-chat/server`:
 * JSON text frames, one message per frame. Both sides import these types, so the protocol is
 * written down once. docs/server.md describes it for people writing other clients or servers.
 *
 * ```text
 * client → server   { id, op: 'auth', token }                  first frame: who is speaking
 *                   { id, op: 'snapshot' }
 *                   { id, op: 'events', sinceSeq }             opens subscription `id`
 *                   { id, op: 'unsubscribe', sub }
 *                   { id, op: 'execute', command }
 *                   { id, op: 'history' | 'search' | 'report' | 'customers', query }
 *                   { id, op: 'typing', sessionId, typing }    the user is typing (or stopped)
 *                   { id, op: 'ping' }
 * server → client   { id, ok: true, value } | { id, ok: false, error }   the answer to `id`
 *                   { op: 'event', sub, event }                 an event of subscription `sub`
 *                   { op: 'stream-error', sub, error }          subscription `sub` ended
 *                   { op: 'typing', signal }                    a customer is typing (or stopped)
 *                   { op: 'pong', id, now }                     the answer to a ping
 * ```
 *
 * Files do not travel over the socket: they are uploaded and downloaded over HTTP beside it
 * (`POST /attachments`, `GET /attachments/{id}`, with the same token).
 *
 * @module
 */
import type {
  AttachmentPolicy,
  Command,
  CustomerQuery,
  ErrorInfo,
  HistoryQuery,
  ReportQuery,
  SearchQuery,
  ServerEvent,
  TypingSignal,
} from '@live-chat/core';

/**
 * The WebSocket subprotocol of this wire protocol's version. The adapter offers it; the server
 * selects it. A later, incompatible version gets a new name.
 */
export const WIRE_PROTOCOL = 'live-chat.v1';

/**
 * A request's id: a non-negative integer chosen by the client, unique among the requests it has
 * not had an answer to on one socket. The id of an `events` request names its subscription.
 */
export type WireRequestId = number;

/** Fields every request carries. */
interface WireRequestBase {
  id: WireRequestId;
}

/** The first frame of every socket: the token that says who is speaking. */
export interface WireAuthRequest extends WireRequestBase {
  op: 'auth';
  /** A JWT whose `sub` is the user id (see docs/server.md, "Authentication"). */
  token: string;
}
/** Everything the user sees (answers a `Snapshot`). */
export interface WireSnapshotRequest extends WireRequestBase {
  op: 'snapshot';
}
/**
 * Subscribes to the user's events after `sinceSeq` (replayed first, then live ones). The answer
 * (`value: null`) comes before the first event; `RESYNC_REQUIRED` when the server cannot replay
 * from there. The subscription's id is the request's `id`.
 */
export interface WireEventsRequest extends WireRequestBase {
  op: 'events';
  sinceSeq: number;
}
/** Ends subscription `sub` (answers `value: null`, also for a subscription already ended). */
export interface WireUnsubscribeRequest extends WireRequestBase {
  op: 'unsubscribe';
  sub: WireRequestId;
}
/** Executes a command; answers its `CommandResult` as the frame's own `ok` / `value` / `error`. */
export interface WireExecuteRequest extends WireRequestBase {
  op: 'execute';
  command: Command;
}
/** One page of a session's history (answers a `MessagePage`). */
export interface WireHistoryRequest extends WireRequestBase {
  op: 'history';
  query: HistoryQuery;
}
/** A scoped search (answers `SearchHit[]`). */
export interface WireSearchRequest extends WireRequestBase {
  op: 'search';
  query: SearchQuery;
}
/** A report (answers the `Report` of the query's kind). */
export interface WireReportRequest extends WireRequestBase {
  op: 'report';
  query: ReportQuery;
}
/**
 * Customers on demand (answers `Customer[]`): `{ ids }` or `{ text, limit }`, as
 * `TransportAdapter.customers` takes them (see `CustomerQuery`). A snapshot may leave customers
 * out; a client reads those of what it shows this way.
 */
export interface WireCustomersRequest extends WireRequestBase {
  op: 'customers';
  query: CustomerQuery;
}
/**
 * The user is typing (`typing: true`) or stopped in a session they may see: the server passes it
 * to the session's channel when the channel shows typing to customers. Answers `value: null`;
 * refused (`FORBIDDEN`, `NOT_FOUND`) for a session the user may not see. Nothing is stored.
 */
export interface WireTypingRequest extends WireRequestBase {
  op: 'typing';
  sessionId: string;
  typing: boolean;
}
/** A heartbeat: answered at once by a {@link WirePong}, never rate-limited. */
export interface WirePingRequest extends WireRequestBase {
  op: 'ping';
}

/** Every frame a client sends. */
export type WireRequest =
  | WireAuthRequest
  | WireSnapshotRequest
  | WireEventsRequest
  | WireUnsubscribeRequest
  | WireExecuteRequest
  | WireHistoryRequest
  | WireSearchRequest
  | WireReportRequest
  | WireCustomersRequest
  | WireTypingRequest
  | WirePingRequest;

/** The `op` of every request. */
export type WireOp = WireRequest['op'];

/** Every request `op`, in the order of {@link WireRequest}. */
export const WIRE_OPS: readonly WireOp[] = Object.freeze([
  'auth',
  'snapshot',
  'events',
  'unsubscribe',
  'execute',
  'history',
  'search',
  'report',
  'customers',
  'typing',
  'ping',
]);

/**
 * The answer to request `id`. For `execute` the command's result is the answer itself: a refused
 * command answers `ok: false` with the refusal, exactly as `TransportAdapter.execute` resolves.
 */
export type WireResponse =
  | { id: WireRequestId; ok: true; value: unknown }
  | { id: WireRequestId; ok: false; error: ErrorInfo };

/** One event of subscription `sub`, in seq order. */
export interface WireEventFrame {
  op: 'event';
  sub: WireRequestId;
  event: ServerEvent;
}

/**
 * Subscription `sub` ended with `error`; no more events of it follow. The server sends `OFFLINE`
 * when the backend skipped a seq: subscribing again from the last seq lets the replay fill the
 * gap.
 */
export interface WireStreamErrorFrame {
  op: 'stream-error';
  sub: WireRequestId;
  error: ErrorInfo;
}

/**
 * A customer is typing (or stopped) in a session the user sees. Ephemeral: it is no event, has
 * no seq, and is never replayed; a `typing: true` lapses by itself after `TYPING_TTL_MS`.
 */
export interface WireTypingFrame {
  op: 'typing';
  signal: TypingSignal;
}

/** The answer to a ping. */
export interface WirePong {
  op: 'pong';
  id: WireRequestId;
  /** The server's clock (ms since the epoch). */
  now: number;
}

/** Every frame a server sends. */
export type WireServerFrame =
  WireResponse | WireEventFrame | WireStreamErrorFrame | WireTypingFrame | WirePong;

/** The limits a server enforces on one socket, told to the client in {@link WireWelcome}. */
export interface WireLimits {
  /** Largest frame the server accepts, in bytes (UTF-8); larger ones close the socket with 1009. */
  maxMessageBytes: number;
  /** Requests per second the socket's token bucket refills (pings are free). */
  requestsPerSecond: number;
  /** Requests the bucket holds: how many may come in a burst. */
  requestBurst: number;
  /** Event subscriptions open at once on one socket. */
  maxSubscriptions: number;
}

/** The value of a successful `auth`: the socket is open for requests. */
export interface WireWelcome {
  /** The user the token names (its `sub`). */
  userId: string;
  /** When the token expires (ms since the epoch): the server closes with 4401 then. */
  expiresAt: number;
  /** The server's limits on this socket. */
  limits: WireLimits;
  /**
   * What the server accepts as attachments (`POST /attachments`); absent when it takes no files.
   */
  attachments?: AttachmentPolicy;
}

/**
 * Close codes of the protocol. 1000–1015 are WebSocket's own; 4000–4999 are this protocol's
 * (the HTTP status they resemble, plus 4000).
 */
export const CLOSE_CODES = Object.freeze({
  /** The client closed the socket (the adapter was disposed). */
  NORMAL: 1000,
  /** The server is shutting down (drained first); reconnect, to this or another instance. */
  GOING_AWAY: 1001,
  /** A binary frame: the protocol is JSON text only. */
  UNSUPPORTED_DATA: 1003,
  /** A frame larger than `maxMessageBytes`. */
  MESSAGE_TOO_BIG: 1009,
  /** The server failed unexpectedly. */
  INTERNAL_ERROR: 1011,
  /**
   * Try again later: the server is not ready (starting, or the key set of a JWKS URL could not
   * be fetched), or the socket fell too far behind reading its events.
   */
  TRY_AGAIN_LATER: 1013,
  /** The client closed a socket whose heartbeat went unanswered. */
  HEARTBEAT_LOST: 4000,
  /** A frame that is not a request of this protocol, or a first frame that is not `auth`. */
  PROTOCOL_ERROR: 4400,
  /** The token expired (at connect or while connected): get a new one and reconnect. */
  TOKEN_EXPIRED: 4401,
  /** The token was refused (bad signature, issuer, audience, no `sub` or `exp`): reconnecting will not help. */
  TOKEN_REJECTED: 4403,
  /** No `auth` frame came in time after the socket opened. */
  AUTH_TIMEOUT: 4408,
  /** The user already has the most sockets the server allows. */
  TOO_MANY_SOCKETS: 4429,
} as const);

/** The `reason` of `details` in the error that refuses a request over the rate limit. */
export const RATE_LIMITED = 'RATE_LIMITED';

/**
 * Whether `error` refuses a request for being over the socket's rate limit. Such a refusal has
 * code `OFFLINE` (the request was not applied: sending it again later is safe) and
 * `details: { reason: 'RATE_LIMITED', retryAfterMs }`.
 */
export function isRateLimited(
  error: ErrorInfo,
): error is ErrorInfo & { details: { reason: typeof RATE_LIMITED; retryAfterMs: number } } {
  return (
    error.code === 'OFFLINE' &&
    error.details?.reason === RATE_LIMITED &&
    typeof error.details.retryAfterMs === 'number'
  );
}
