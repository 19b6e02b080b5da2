/** The limits the server enforces, and their defaults. */

/** Limits of {@link createLiveChatServer}; every field has a default ({@link DEFAULT_LIMITS}). */
export interface ServerLimits {
  /** Largest WebSocket frame a client may send, in bytes; a larger one closes the socket with 1009. */
  maxMessageBytes: number;
  /** Largest HTTP request body, in bytes; a larger one is answered 413. */
  maxBodyBytes: number;
  /** Requests per second each socket's token bucket refills (pings and unsubscribes are free). */
  requestsPerSecond: number;
  /** Requests the bucket holds: how many may come in a burst. */
  requestBurst: number;
  /**
   * Requests per second to the attachment routes (uploads and downloads) each user's token
   * bucket refills; past it they are answered 429.
   */
  attachmentRequestsPerSecond: number;
  /** Attachment requests each user's bucket holds: how many may come in a burst. */
  attachmentRequestBurst: number;
  /** Uploads the server reads at once (each is held in memory); one more is answered 503. */
  maxConcurrentUploads: number;
  /** Sockets one user may have open at once; one more is closed with 4429. */
  maxSocketsPerUser: number;
  /** Event subscriptions open at once on one socket; one more is refused with `VALIDATION`. */
  maxSubscriptions: number;
  /**
   * Bytes a socket may have waiting to be sent (a client that stopped reading); past this it is
   * closed with 1013, and the client resumes from its last seq on a new socket.
   */
  maxBufferedBytes: number;
  /** How long a new socket may take to send its `auth` frame, in ms; then it is closed with 4408. */
  authTimeoutMs: number;
  /**
   * Interval of the server's WebSocket pings, in ms: a socket that answered neither the previous
   * ping nor sent anything since is dropped (a peer that vanished without closing).
   */
  pingIntervalMs: number;
  /**
   * How long a graceful shutdown waits for requests in flight before it closes the sockets
   * (1001), and then for the sockets to close, in ms.
   */
  shutdownGraceMs: number;
}

/** The default {@link ServerLimits}. */
export const DEFAULT_LIMITS: Readonly<ServerLimits> = Object.freeze({
  maxMessageBytes: 1024 * 1024,
  maxBodyBytes: 64 * 1024,
  requestsPerSecond: 20,
  requestBurst: 60,
  attachmentRequestsPerSecond: 5,
  attachmentRequestBurst: 30,
  maxConcurrentUploads: 16,
  maxSocketsPerUser: 10,
  maxSubscriptions: 32,
  maxBufferedBytes: 16 * 1024 * 1024,
  authTimeoutMs: 10_000,
  pingIntervalMs: 30_000,
  shutdownGraceMs: 10_000,
});

/** The limits with defaults filled in; throws a `TypeError` for a value that is not a positive number. */
export function resolveLimits(limits: Partial<ServerLimits> = {}): ServerLimits {
  const resolved = { ...DEFAULT_LIMITS, ...limits };
  for (const [name, value] of Object.entries(resolved)) {
    if (typeof value !== 'number' || !(value > 0)) {
      throw new TypeError(`limits.${name} must be a positive number, got ${String(value)}.`);
    }
  }
  return resolved;
}
