/**
 * A `TransportAdapter` over one WebSocket to `@live-chat/server` (see ./wire.ts for the frames).
 * It owns the transport's reliability: it authenticates, says when the connection is not live
 * (a heartbeat), reconnects with back-off, keeps requests made while offline in a bounded queue,
 * gives every request a deadline and keeps event subscriptions going across reconnects. Files
 * go over HTTP beside the socket (./files.ts), with the socket's token.
 */
import { BehaviorSubject, Observable, Subject, type Subscriber } from 'rxjs';
import { AdapterBase, checkUpload, LiveChatError } from '@live-chat/core';
import type * as core from '@live-chat/core';
import { attachmentsUrlFor, FileTransfer } from './files.js';
import {
  CLOSE_CODES,
  isRateLimited,
  WIRE_PROTOCOL,
  type WireLimits,
  type WireRequest,
  type WireRequestId,
  type WireServerFrame,
  type WireWelcome,
} from './wire.js';

/**
 * A WebSocket as the adapter uses it: the browser's global `WebSocket` and the `ws` package's
 * `WebSocket` both fit.
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Sends one text frame. */
  send(data: string): void;
  /** Starts the closing handshake with `code` and `reason`. */
  close(code?: number, reason?: string): void;
  /** The socket opened. */
  addEventListener(type: 'open', listener: () => void): void;
  /** A frame arrived (`data` is the text of a text frame). */
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** The socket closed, with the peer's (or a local) close code and reason. */
  addEventListener(
    type: 'close',
    listener: (event: { code: number; reason: string }) => void,
  ): void;
  /** The socket failed; a `close` event follows. */
  addEventListener(type: 'error', listener: () => void): void;
  /** Drops the connection at once, without the closing handshake (`ws` has it; browsers do not). */
  terminate?(): void;
}

/** A WebSocket class: `new WebSocket(url, protocols)`. */
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
) => WebSocketLike;

/** Options of {@link createWebSocketAdapter}. */
export interface WebSocketAdapterOptions {
  /** The server's WebSocket URL, e.g. `wss://chat.example.com/ws`. */
  url: string;
  /**
   * Returns a token for the signed-in user (a JWT your portal mints: docs/server.md). Called
   * before every connection, so after an expiry (close code 4401) the next socket gets a fresh
   * one. A rejection is retried with the reconnect back-off.
   */
  getToken: () => string | Promise<string>;
  /**
   * Interval of the heartbeat, in ms (default 10,000). After two pings without any frame from
   * the server, the connection counts as lost: `connection$` says `reconnecting` and a new
   * socket is opened.
   */
  heartbeatMs?: number;
  /**
   * How long a request may wait for its answer, in ms, including time spent queued while the
   * connection is down (default 10,000). Then a read rejects (and `execute` resolves) with
   * `TIMEOUT` if it was sent, or `OFFLINE` if it never could be.
   */
  requestTimeoutMs?: number;
  /** Requests kept while the connection is down (default 256); more are refused with `OFFLINE`. */
  maxQueuedRequests?: number;
  /** First reconnect delay's upper bound, in ms (default 1,000); it doubles per failed attempt. */
  reconnectBaseMs?: number;
  /** Largest reconnect delay, in ms (default 30,000). */
  reconnectMaxMs?: number;
  /**
   * The WebSocket class (default: the global `WebSocket`). Node 20 has none: pass the `ws`
   * package's, `import { WebSocket } from 'ws'`.
   */
  WebSocket?: WebSocketConstructor;
  /** Random numbers in `[0, 1)` for the back-off's jitter (default `Math.random`). */
  random?: () => number;
  /**
   * The URL of the server's attachment routes (default: `attachments` beside the WebSocket's
   * path, over http(s): `wss://chat.example.com/ws` → `https://chat.example.com/attachments`).
   */
  attachmentsUrl?: string;
  /** How long one upload or download may take, in ms (default 120,000). */
  transferTimeoutMs?: number;
  /** The fetch for uploads and downloads (default: the global `fetch`). */
  fetch?: typeof fetch;
}

/** Why a {@link WebSocketAdapter} is `failed`. */
export interface ConnectionFailure {
  /** The close code that ended the last socket (e.g. 4403 for a refused token), 0 when none. */
  closeCode: number;
  /** A sentence a person can read. */
  message: string;
}

/** Defaults of {@link WebSocketAdapterOptions}. */
export const WEBSOCKET_ADAPTER_DEFAULTS = Object.freeze({
  heartbeatMs: 10_000,
  requestTimeoutMs: 10_000,
  maxQueuedRequests: 256,
  reconnectBaseMs: 1_000,
  reconnectMaxMs: 30_000,
  transferTimeoutMs: 120_000,
});

/** A request without its id: the id is given when it is sent. */
type RequestBody = WireRequest extends infer R
  ? R extends WireRequest
    ? Omit<R, 'id'>
    : never
  : never;

/** A request waiting to be sent, or for its answer. */
interface PendingRequest {
  body: RequestBody;
  /** The id of the attempt on the current socket, while one is in flight. */
  id: WireRequestId | undefined;
  /** Whether it ever left this adapter (decides `TIMEOUT` versus `OFFLINE` at the deadline). */
  sent: boolean;
  deadline: number;
  timer: ReturnType<typeof setTimeout>;
  /** Set while waiting out a rate-limit refusal before sending again. */
  retry: ReturnType<typeof setTimeout> | undefined;
  resolve: (result: core.Result<unknown>) => void;
  reject: (error: LiveChatError) => void;
}

/** One `events()` subscription. */
interface Stream {
  /** Seq of the last event delivered: a resubscription continues after it. */
  lastSeq: number;
  /** The server-side subscription (the id of its `events` request) while one is open. */
  sub: WireRequestId | undefined;
  /** Set while waiting out a rate-limit refusal before subscribing again. */
  reopen: ReturnType<typeof setTimeout> | undefined;
  subscriber: Subscriber<core.ServerEvent>;
}

const OPEN = 1;

const offline = (message: string) => new LiveChatError('OFFLINE', message);

/** UTF-8 length of a string. */
function byteLength(text: string): number {
  if (text.length * 3 <= 65_536) {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code <= 0xdbff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    return bytes;
  }
  return new TextEncoder().encode(text).length;
}

/** The policy of a welcome, when it is one (a server's answer is checked like any input). */
function policyOf(value: unknown): core.AttachmentPolicy | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { maxBytes, perMessage, types } = value as Partial<core.AttachmentPolicy>;
  const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
  if (!whole(maxBytes) || !whole(perMessage) || !Array.isArray(types) || types.length > 100) {
    return undefined;
  }
  if (!types.every((type) => typeof type === 'string' && type.length <= 100)) return undefined;
  return Object.freeze({
    maxBytes: maxBytes as number,
    perMessage: perMessage as number,
    types: Object.freeze([...types]),
  });
}

/** A typing signal of a frame, when it is one. */
function typingSignalOf(value: unknown): core.TypingSignal | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { sessionId, typing } = value as Partial<core.TypingSignal>;
  if (typeof sessionId !== 'string' || sessionId.length === 0 || sessionId.length > 200) {
    return undefined;
  }
  return typeof typing === 'boolean' ? { sessionId, typing } : undefined;
}

/** Whether the device says it has no network (browsers); unknown counts as online. */
function deviceOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** Closes a socket that is given up, at once where the implementation allows it. */
function drop(socket: WebSocketLike, code: number, reason: string): void {
  if (socket.terminate) {
    socket.terminate();
    return;
  }
  try {
    socket.close(code, reason);
  } catch {
    // A socket that never opened may refuse to close in some environments: it is gone anyway.
  }
}

interface GlobalEvents {
  addEventListener?: (type: string, listener: () => void) => void;
  removeEventListener?: (type: string, listener: () => void) => void;
}

/**
 * A `TransportAdapter` for one signed-in user over a WebSocket to `@live-chat/server`. Create it
 * with {@link createWebSocketAdapter}.
 *
 * - `connection$`: `connecting` until the first socket is authenticated, then `online`;
 *   `reconnecting` as soon as a socket closes or its heartbeat goes unanswered (twice), and
 *   while reconnecting with exponential back-off and full jitter (random in
 *   `[0, min(30 s, 1 s · 2ⁿ))`); `offline` when the device reports no network; `failed` when
 *   reconnecting cannot help (a refused token: close code 4403, or a protocol error: 4400),
 *   with the reason in {@link WebSocketAdapter.failure}. An expired token (4401) gets a new one
 *   from `getToken()` and reconnects at once.
 * - Requests made while the connection is down wait in a bounded queue and go out once it is
 *   back. A request that is refused over the server's rate limit is sent again after the wait
 *   the server asks for, within its deadline.
 * - Every request has a deadline (`requestTimeoutMs`). A request whose socket was lost before it
 *   was answered fails with `OFFLINE`; one that got no answer in time with `TIMEOUT`. Reads
 *   reject with a `LiveChatError`; `execute` resolves `{ ok: false, error }`. Either way the
 *   client sends the same command again, with the same `commandId`, and the server answers a
 *   repeated `commandId` with the first result.
 * - Event streams survive reconnects: after a new socket is authenticated, each open stream
 *   subscribes again from the last seq it delivered, so it goes on with no lost and no doubled
 *   event; so does a stream the server interrupted (`stream-error` with `OFFLINE`). (The client
 *   of `@live-chat/core` also restarts its stream from its last seq on every reconnect; both
 *   meet at the same seq.) A stream errors only when the server cannot serve it
 *   (`RESYNC_REQUIRED`), when the adapter fails (`OFFLINE`), and completes on `dispose()`.
 */
export class WebSocketAdapter extends AdapterBase {
  readonly connection$: Observable<core.ConnectionState>;
  /** Why the adapter is `failed` (`undefined` while it is not); replays the latest value. */
  readonly failure$: Observable<ConnectionFailure | undefined>;
  /**
   * The customers' typing in sessions the user sees, as the server sends it (live only: nothing
   * is replayed after a reconnect, and a `typing: true` lapses by itself).
   */
  readonly typing$: Observable<core.TypingSignal>;

  private readonly state = new BehaviorSubject<core.ConnectionState>('connecting');
  private readonly failureState = new BehaviorSubject<ConnectionFailure | undefined>(undefined);
  private readonly url: string;
  private readonly getToken: () => string | Promise<string>;
  private readonly heartbeatMs: number;
  private readonly requestTimeoutMs: number;
  private readonly maxQueuedRequests: number;
  private readonly reconnectBaseMs: number;
  private readonly reconnectMaxMs: number;
  private readonly WebSocketClass: WebSocketConstructor;
  private readonly random: () => number;
  private readonly typingSignals = new Subject<core.TypingSignal>();
  private readonly options: WebSocketAdapterOptions;
  private files: FileTransfer | undefined;
  /** The token of the latest connection: uploads and downloads use it too. */
  private token: string | undefined;
  /** What the server accepts as files; `null` once a welcome said it takes none. */
  private policy: core.AttachmentPolicy | null | undefined;

  private socket: WebSocketLike | undefined;
  /** Whether the current socket is authenticated (requests may go out). */
  private authenticated = false;
  private authId: WireRequestId | undefined;
  private limits: WireLimits | undefined;
  private nextId = 1;
  /** Bumped by every connect and by dispose: a stale token or socket is ignored. */
  private generation = 0;
  /** Failed connection attempts since the last successful one (for the back-off). */
  private attempts = 0;
  private missedBeats = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly queue: PendingRequest[] = [];
  private readonly inFlight = new Map<WireRequestId, PendingRequest>();
  /** Every request not settled yet: queued, in flight, or waiting out a rate limit. */
  private readonly unsettled = new Set<PendingRequest>();
  private readonly streams = new Set<Stream>();
  private readonly subs = new Map<WireRequestId, Stream>();
  private disposed = false;

  private readonly onDeviceOnline = () => {
    const state = this.state.value;
    if (this.disposed || (state !== 'offline' && state !== 'reconnecting')) return;
    this.attempts = 0;
    void this.connect();
  };

  private readonly onDeviceOffline = () => {
    if (this.disposed || this.state.value === 'failed') return;
    if (this.socket) this.lose(CLOSE_CODES.HEARTBEAT_LOST, 'The device went offline.');
    else if (this.state.value !== 'connecting') this.state.next('offline');
  };

  /** Use {@link createWebSocketAdapter}. */
  constructor(options: WebSocketAdapterOptions) {
    super();
    const WebSocketClass =
      options.WebSocket ??
      (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket ??
      undefined;
    if (!WebSocketClass) {
      throw new TypeError(
        'There is no global WebSocket here: pass one as `WebSocket` (in Node 20, the ws package\u2019s).',
      );
    }
    const defaults = WEBSOCKET_ADAPTER_DEFAULTS;
    this.url = options.url;
    this.getToken = options.getToken;
    this.heartbeatMs = options.heartbeatMs ?? defaults.heartbeatMs;
    this.requestTimeoutMs = options.requestTimeoutMs ?? defaults.requestTimeoutMs;
    this.maxQueuedRequests = options.maxQueuedRequests ?? defaults.maxQueuedRequests;
    this.reconnectBaseMs = options.reconnectBaseMs ?? defaults.reconnectBaseMs;
    this.reconnectMaxMs = options.reconnectMaxMs ?? defaults.reconnectMaxMs;
    this.WebSocketClass = WebSocketClass;
    this.random = options.random ?? Math.random;
    this.connection$ = this.state.asObservable();
    this.failure$ = this.failureState.asObservable();
    this.typing$ = this.typingSignals.asObservable();
    this.options = options;
    const events = globalThis as GlobalEvents;
    events.addEventListener?.('online', this.onDeviceOnline);
    events.addEventListener?.('offline', this.onDeviceOffline);
    void this.connect();
  }

  /** Why the adapter is `failed`, or `undefined` while it is not. */
  get failure(): ConnectionFailure | undefined {
    return this.failureState.value;
  }

  // ── TransportAdapter ──────────────────────────────────────────────────────────────────────

  /**
   * The user's events after `sinceSeq`, then live ones, in seq order, across reconnects. Errors
   * with `RESYNC_REQUIRED` when the server cannot replay from `sinceSeq`.
   */
  events(sinceSeq: number): Observable<core.ServerEvent> {
    return new Observable<core.ServerEvent>((subscriber) => {
      if (this.disposed) {
        subscriber.complete();
        return undefined;
      }
      const failure = this.failure;
      if (failure) {
        subscriber.error(offline(failure.message));
        return undefined;
      }
      const stream: Stream = { lastSeq: sinceSeq, sub: undefined, reopen: undefined, subscriber };
      this.streams.add(stream);
      if (this.authenticated) this.openStream(stream);
      return () => this.closeStream(stream);
    });
  }

  /**
   * Executes a command. Resolves the server's result; when the outcome is unknown (the socket was
   * lost, no answer in time) `{ ok: false }` with `OFFLINE` or `TIMEOUT`. Never rejects.
   */
  async execute<C extends core.Command>(command: C): Promise<core.CommandResult<C>> {
    try {
      return (await this.call({ op: 'execute', command })) as core.CommandResult<C>;
    } catch (error) {
      return { ok: false, error: (error as LiveChatError).toJSON() };
    }
  }

  /**
   * What the server accepts as attachments, from its welcome: `undefined` before the first one,
   * and when the server takes no files.
   */
  get attachmentPolicy(): core.AttachmentPolicy | undefined {
    return this.policy ?? undefined;
  }

  /**
   * Stores a file on the server (`POST /attachments` beside the socket, with its token) and
   * resolves its `Attachment`. Refused at once, before any upload, with `VALIDATION` (its
   * `details.reason`) when the server's policy would refuse it, or when the server takes no
   * files; rejects with the server's refusal, `OFFLINE` when it cannot be reached, `TIMEOUT`
   * past `transferTimeoutMs`.
   */
  async upload(file: core.AttachmentUpload): Promise<core.Attachment> {
    if (this.policy === null) {
      throw new LiveChatError('VALIDATION', 'This server takes no files.', { field: 'file' });
    }
    if (this.policy) {
      const checked = checkUpload(file, this.policy);
      if (!checked.ok) throw LiveChatError.from(checked.error);
    }
    return this.transfer().upload(file);
  }

  /**
   * The bytes of an attachment of a session the user may see (`GET /attachments/{id}`); rejects
   * with `NOT_FOUND`, `FORBIDDEN`, `OFFLINE` or `TIMEOUT`.
   */
  download(attachmentId: core.Id): Promise<Uint8Array> {
    if (typeof attachmentId !== 'string' || attachmentId.length === 0) {
      return Promise.reject(new LiveChatError('VALIDATION', 'A file id is a non-empty string.'));
    }
    try {
      return this.transfer().download(attachmentId);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /**
   * Tells the server the user is typing (or stopped) in a session, for channels that show it to
   * the customer. Fire and forget: dropped while the connection is down (a `typing: true` lapses
   * by itself), and its answer is not waited for.
   */
  sendTyping(sessionId: core.Id, typing: boolean): void {
    if (!this.authenticated || typeof sessionId !== 'string' || typeof typing !== 'boolean') return;
    this.send(JSON.stringify({ id: this.nextId++, op: 'typing', sessionId, typing }));
  }

  /** The uploads and downloads, set up on first use. */
  private transfer(): FileTransfer {
    if (this.disposed) throw offline('The adapter was disposed.');
    if (this.files) return this.files;
    const fetchFn = this.options.fetch ?? (globalThis as { fetch?: typeof fetch }).fetch;
    if (!fetchFn) {
      throw new LiveChatError('VALIDATION', 'There is no fetch here: pass one as `fetch`.');
    }
    let url: string;
    try {
      url = this.options.attachmentsUrl ?? attachmentsUrlFor(this.url);
    } catch {
      throw new LiveChatError('VALIDATION', `Cannot tell the attachments URL of ${this.url}.`);
    }
    const fresh = async () => {
      try {
        return (this.token = await this.getToken());
      } catch (error) {
        throw offline(`No token for the upload: ${(error as Error)?.message ?? String(error)}`);
      }
    };
    this.files = new FileTransfer({
      url,
      fetch: fetchFn,
      timeoutMs: this.options.transferTimeoutMs ?? WEBSOCKET_ADAPTER_DEFAULTS.transferTimeoutMs,
      token: () => (this.token !== undefined ? Promise.resolve(this.token) : fresh()),
      freshToken: fresh,
    });
    return this.files;
  }

  /**
   * Tries again now: after `failed` (e.g. once the user signed in again, so `getToken()` has a
   * valid token), or to skip the back-off's wait while `reconnecting`. Does nothing while a
   * socket is connecting or online.
   */
  reconnect(): void {
    if (this.disposed || this.socket) return;
    this.attempts = 0;
    if (this.failure) {
      this.failureState.next(undefined);
      this.state.next('reconnecting');
    }
    void this.connect();
  }

  /**
   * Closes the socket (code 1000) and leaves nothing running: open streams complete, waiting
   * requests fail with `OFFLINE`, `connection$` says `offline` and completes.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    const events = globalThis as GlobalEvents;
    events.removeEventListener?.('online', this.onDeviceOnline);
    events.removeEventListener?.('offline', this.onDeviceOffline);
    clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    this.detach();
    if (socket) {
      try {
        socket.close(CLOSE_CODES.NORMAL, 'The client closed the connection.');
      } catch {
        socket.terminate?.();
      }
    }
    this.failAll(offline('The adapter was disposed.'));
    for (const stream of [...this.streams]) {
      this.closeStream(stream);
      stream.subscriber.complete();
    }
    this.state.next('offline');
    this.state.complete();
    this.failureState.complete();
    this.typingSignals.complete();
  }

  // ── requests ──────────────────────────────────────────────────────────────────────────────

  /** A read goes out as it is (its `op` and `query`); its refusal rejects with the typed error. */
  protected async read(request: core.ReadRequest): Promise<unknown> {
    const result = await this.call(request);
    if (!result.ok) throw LiveChatError.from(result.error);
    return result.value;
  }

  /** Sends a request (now, or once connected); resolves its answer, rejects on transport failure. */
  private call(body: RequestBody): Promise<core.Result<unknown>> {
    return new Promise<core.Result<unknown>>((resolve, reject) => {
      if (this.disposed) return reject(offline('The adapter was disposed.'));
      const failure = this.failure;
      if (failure) return reject(offline(failure.message));
      const request: PendingRequest = {
        body,
        id: undefined,
        sent: false,
        deadline: Date.now() + this.requestTimeoutMs,
        timer: setTimeout(() => this.expire(request), this.requestTimeoutMs),
        retry: undefined,
        resolve,
        reject,
      };
      this.unsettled.add(request);
      this.dispatch(request);
    });
  }

  /** Sends the request if the socket is ready, else queues it (bounded). */
  private dispatch(request: PendingRequest): void {
    if (this.authenticated) {
      this.transmit(request);
    } else if (this.queue.length >= this.maxQueuedRequests) {
      this.settle(request);
      request.reject(
        offline(
          `The connection is down and ${this.maxQueuedRequests} requests are already waiting for it.`,
        ),
      );
    } else {
      this.queue.push(request);
    }
  }

  private transmit(request: PendingRequest): void {
    const id = this.nextId++;
    const text = JSON.stringify({ id, ...request.body });
    const limit = this.limits?.maxMessageBytes;
    if (limit !== undefined && byteLength(text) > limit) {
      this.settle(request);
      request.resolve({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `The request is larger than the server accepts (${limit} bytes).`,
          details: { limit },
        },
      });
      return;
    }
    request.id = id;
    request.sent = true;
    this.inFlight.set(id, request);
    this.send(text);
  }

  /** The request's deadline passed. */
  private expire(request: PendingRequest): void {
    const sent = request.sent;
    this.settle(request);
    request.reject(
      sent
        ? new LiveChatError(
            'TIMEOUT',
            `The server did not answer within ${this.requestTimeoutMs} ms.`,
          )
        : offline(`The connection did not come back within ${this.requestTimeoutMs} ms.`),
    );
  }

  /** Forgets the request everywhere and stops its timers (before it is resolved or rejected). */
  private settle(request: PendingRequest): void {
    this.unsettled.delete(request);
    clearTimeout(request.timer);
    clearTimeout(request.retry);
    request.retry = undefined;
    if (request.id !== undefined) this.inFlight.delete(request.id);
    request.id = undefined;
    const queued = this.queue.indexOf(request);
    if (queued >= 0) this.queue.splice(queued, 1);
  }

  private answered(frame: Extract<WireServerFrame, { ok: boolean }>): void {
    const stream = this.subs.get(frame.id);
    if (stream) {
      if (!frame.ok) this.streamRefused(stream, frame.error);
      return;
    }
    const request = this.inFlight.get(frame.id);
    if (!request) return;
    this.inFlight.delete(frame.id);
    request.id = undefined;
    if (!frame.ok && isRateLimited(frame.error)) {
      const wait = frame.error.details.retryAfterMs * (1 + this.random() * 0.5);
      if (Date.now() + wait < request.deadline) {
        request.retry = setTimeout(() => {
          request.retry = undefined;
          this.dispatch(request);
        }, wait);
        return;
      }
    }
    this.settle(request);
    request.resolve(
      frame.ok ? { ok: true, value: frame.value } : { ok: false, error: frame.error },
    );
  }

  /** Requests sent on a socket that is gone: their outcome is unknown. */
  private failInFlight(): void {
    for (const request of [...this.inFlight.values()]) {
      this.settle(request);
      request.reject(offline('The connection was lost before the answer arrived.'));
    }
  }

  /** Every waiting request (queued, or waiting out a rate limit) fails with `error`. */
  private failAll(error: LiveChatError): void {
    this.failInFlight();
    for (const request of [...this.unsettled]) {
      this.settle(request);
      request.reject(error);
    }
  }

  // ── streams ───────────────────────────────────────────────────────────────────────────────

  private openStream(stream: Stream): void {
    const id = this.nextId++;
    stream.sub = id;
    this.subs.set(id, stream);
    this.send(JSON.stringify({ id, op: 'events', sinceSeq: stream.lastSeq }));
  }

  /** The subscriber left (or the stream ended): release the server-side subscription. */
  private closeStream(stream: Stream): void {
    this.streams.delete(stream);
    clearTimeout(stream.reopen);
    stream.reopen = undefined;
    if (stream.sub === undefined) return;
    this.subs.delete(stream.sub);
    if (this.authenticated)
      this.send(JSON.stringify({ id: this.nextId++, op: 'unsubscribe', sub: stream.sub }));
    stream.sub = undefined;
  }

  private streamRefused(stream: Stream, error: core.ErrorInfo): void {
    if (stream.sub !== undefined) this.subs.delete(stream.sub);
    stream.sub = undefined;
    if (isRateLimited(error)) {
      stream.reopen = setTimeout(() => {
        stream.reopen = undefined;
        if (this.authenticated && this.streams.has(stream)) this.openStream(stream);
      }, error.details.retryAfterMs);
      return;
    }
    this.streams.delete(stream);
    stream.subscriber.error(LiveChatError.from(error));
  }

  private delivered(sub: WireRequestId, event: core.ServerEvent): void {
    const stream = this.subs.get(sub);
    if (!stream || typeof event?.seq !== 'number') return;
    if (event.seq <= stream.lastSeq) return; // already delivered before a resubscription
    stream.lastSeq = event.seq;
    stream.subscriber.next(event);
  }

  /**
   * The server ended a subscription. `OFFLINE` (it was interrupted) subscribes again from the
   * last seq delivered, as after a reconnect; any other error ends the stream with it.
   */
  private streamEnded(sub: WireRequestId, error: core.ErrorInfo): void {
    const stream = this.subs.get(sub);
    if (!stream) return;
    this.subs.delete(sub);
    stream.sub = undefined;
    if (error.code === 'OFFLINE' && this.authenticated) {
      this.openStream(stream);
      return;
    }
    this.streams.delete(stream);
    clearTimeout(stream.reopen);
    stream.subscriber.error(LiveChatError.from(error));
  }

  // ── the socket ────────────────────────────────────────────────────────────────────────────

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    const previous = this.socket;
    if (previous) {
      this.detach();
      this.failInFlight();
      drop(previous, CLOSE_CODES.NORMAL, 'The client opened a new connection.');
    }
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    let token: string;
    try {
      token = await this.getToken();
    } catch {
      if (generation === this.generation && !this.disposed) this.retryLater();
      return;
    }
    if (generation !== this.generation || this.disposed) return;
    this.token = token;
    let socket: WebSocketLike;
    try {
      socket = new this.WebSocketClass(this.url, WIRE_PROTOCOL);
    } catch (error) {
      this.fail(0, `Cannot open a WebSocket to ${this.url}: ${(error as Error).message}`);
      return;
    }
    this.socket = socket;
    const current = () => this.socket === socket;
    socket.addEventListener('open', () => {
      if (!current()) return;
      this.authId = this.nextId++;
      this.send(JSON.stringify({ id: this.authId, op: 'auth', token }));
    });
    socket.addEventListener('message', (event) => {
      if (current()) this.receive(event.data);
    });
    socket.addEventListener('close', (event) => {
      if (current()) this.closed(event.code, event.reason);
    });
    // Always followed by 'close'; the listener keeps `ws` from throwing an unhandled 'error'.
    socket.addEventListener('error', () => {});
    // A socket that is not open and authenticated in time is given up like a lost one.
    this.connectTimer = setTimeout(() => {
      if (current() && !this.authenticated)
        this.lose(CLOSE_CODES.HEARTBEAT_LOST, 'The server did not answer in time.');
    }, this.requestTimeoutMs);
  }

  private send(text: string): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return;
    try {
      socket.send(text);
    } catch {
      // The socket is closing: its 'close' event follows and fails what was in flight.
    }
  }

  private receive(data: unknown): void {
    this.missedBeats = 0;
    let frame: WireServerFrame;
    try {
      frame = JSON.parse(String(data)) as WireServerFrame;
    } catch {
      this.lose(CLOSE_CODES.PROTOCOL_ERROR, 'The server sent a frame that is not JSON.');
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    if ('ok' in frame) {
      if (!this.authenticated) {
        if (frame.id === this.authId && frame.ok) this.welcome(frame.value as WireWelcome);
        // A refused auth is followed by the close that says why.
        return;
      }
      this.answered(frame);
    } else if (frame.op === 'event') {
      this.delivered(frame.sub, frame.event);
    } else if (frame.op === 'stream-error') {
      this.streamEnded(frame.sub, frame.error);
    } else if (frame.op === 'typing') {
      const signal = typingSignalOf(frame.signal);
      if (signal) this.typingSignals.next(signal);
    }
    // 'pong' needs nothing more: any frame proves the connection alive.
  }

  /** The socket is authenticated: go online, send what waited, resubscribe the streams. */
  private welcome(welcome: WireWelcome): void {
    this.authenticated = true;
    this.limits = welcome.limits;
    this.policy = policyOf(welcome.attachments) ?? null;
    this.attempts = 0;
    clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
    this.missedBeats = 0;
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    this.state.next('online');
    // The state's subscribers may have reacted (e.g. closed their streams): check each again.
    if (!this.authenticated) return;
    for (const request of this.queue.splice(0)) this.transmit(request);
    for (const stream of this.streams) {
      if (stream.sub === undefined && stream.reopen === undefined) this.openStream(stream);
    }
  }

  private beat(): void {
    if (this.missedBeats >= 2) {
      this.lose(CLOSE_CODES.HEARTBEAT_LOST, 'The server stopped answering.');
      return;
    }
    this.missedBeats++;
    this.send(JSON.stringify({ id: this.nextId++, op: 'ping' }));
  }

  /** Gives up the current socket at once (it may be silently dead) and reconnects. */
  private lose(code: number, reason: string): void {
    const socket = this.socket;
    if (!socket) return;
    this.detach();
    drop(socket, code, reason);
    this.closed(code, reason);
  }

  /** Forgets the current socket and its timers. */
  private detach(): void {
    this.socket = undefined;
    this.authenticated = false;
    this.authId = undefined;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }

  /** The socket closed (or was given up) with `code`: decide what comes next. */
  private closed(code: number, reason: string): void {
    this.detach();
    this.failInFlight();
    for (const stream of this.streams) stream.sub = undefined;
    this.subs.clear();
    if (this.disposed) return;
    if (code === CLOSE_CODES.TOKEN_REJECTED) {
      this.fail(code, reason || 'The server refused the token.');
      return;
    }
    if (code === CLOSE_CODES.PROTOCOL_ERROR) {
      this.fail(code, reason || 'The server does not speak this protocol.');
      return;
    }
    // An expired token is normal: get a new one and reconnect at once (then back off, in case
    // `getToken()` keeps handing out expired ones).
    if (code === CLOSE_CODES.TOKEN_EXPIRED && this.attempts === 0) {
      this.attempts++;
      this.state.next(deviceOffline() ? 'offline' : 'reconnecting');
      void this.connect();
      return;
    }
    this.retryLater();
  }

  private retryLater(): void {
    const ceiling = Math.min(this.reconnectMaxMs, this.reconnectBaseMs * 2 ** this.attempts);
    this.attempts++;
    this.state.next(deviceOffline() ? 'offline' : 'reconnecting');
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), this.random() * ceiling);
  }

  /** Reconnecting cannot help: fail everything that waits, with the reason. */
  private fail(closeCode: number, message: string): void {
    this.generation++;
    this.failureState.next({ closeCode, message });
    this.state.next('failed');
    const error = offline(message);
    this.failAll(error);
    for (const stream of [...this.streams]) {
      this.closeStream(stream);
      stream.subscriber.error(error);
    }
  }
}

/**
 * A `TransportAdapter` over a WebSocket to `@live-chat/server`, signed in with the token
 * `getToken()` returns (see {@link WebSocketAdapter} for what it guarantees).
 *
 * ```ts
 * const adapter = createWebSocketAdapter({
 *   url: 'wss://chat.example.com/ws',
 *   getToken: () => fetch('/api/live-chat-token').then((response) => response.text()),
 * });
 * const client = createLiveChatClient({ adapter });
 * ```
 */
export function createWebSocketAdapter(options: WebSocketAdapterOptions): WebSocketAdapter {
  return new WebSocketAdapter(options);
}
