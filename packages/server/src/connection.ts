/**
 * One WebSocket: authentication, the request loop, event subscriptions and the socket's limits.
 */
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { fail, type ErrorInfo, type Result, type ServerEvent } from '@live-chat/core';
import {
  CLOSE_CODES,
  RATE_LIMITED,
  WIRE_OPS,
  type WireOp,
  type WireRequestId,
  type WireServerFrame,
  type WireWelcome,
} from '@live-chat/adapters';
import type { TokenVerifier } from './auth.js';
import { takesAttachments, type LiveChatBackend } from './backend.js';
import { eventFrameText } from './event-frames.js';
import type { ServerLimits } from './limits.js';
import type { MetricsRecorder } from './metrics/index.js';
import { TokenBucket } from './rate-limit.js';

/** Longest token accepted in an `auth` frame, in characters. */
const MAX_TOKEN_LENGTH = 8192;

/** The refusal of a `customers` request by a backend whose snapshots carry every customer. */
const NO_CUSTOMER_READS = 'This backend reads no customers on demand: its snapshot carries them.';

/** Longest timer Node accepts (about 24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a connection needs from its server. */
export interface ConnectionContext {
  backend: LiveChatBackend;
  verify: TokenVerifier;
  limits: ServerLimits;
  logger: Logger;
  /** Where the socket's requests and events are counted. */
  metrics: MetricsRecorder;
  /** Whether the server is shutting down (new requests are refused, sockets drained). */
  draining(): boolean;
  /** Counts an authenticated socket for its user; `false` when the user has too many. */
  admit(connection: Connection): boolean;
  /** Forgets a socket (it closed). */
  release(connection: Connection): void;
}

/** One event subscription of a socket. */
interface Subscription {
  id: WireRequestId;
  /** Seq of the last event sent: later duplicates are dropped. */
  lastSent: number;
  /** Live events that arrived while the replay was read; `undefined` once it was sent. */
  pending: ServerEvent[] | undefined;
  stopListening: () => void;
  stopped: boolean;
}

/** A request as it arrived, before its fields are checked. */
type RawRequest = { id: WireRequestId; op: WireOp } & Record<string, unknown>;

/** A close reason is at most 123 bytes. */
function closeReason(text: string): string {
  return Buffer.byteLength(text) <= 123 ? text : Buffer.from(text).subarray(0, 120).toString();
}

const isSeq = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One socket of the server. */
export class Connection {
  /** The user the socket speaks for, once authenticated. */
  userId: string | undefined;
  /** Whether the socket answered the server's last ping or sent anything since. */
  alive = true;
  private phase: 'auth' | 'verifying' | 'open' | 'closed' = 'auth';
  private readonly bucket: TokenBucket;
  private readonly subscriptions = new Map<WireRequestId, Subscription>();
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private authTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Stops the typing signals of the user's sessions reaching this socket. */
  private stopTyping: (() => void) | undefined;
  private log: Logger;
  /** Whether the frames of this turn are being gathered into one write of the transport. */
  private corked = false;

  constructor(
    readonly socket: WebSocket,
    private readonly context: ConnectionContext,
    readonly remoteAddress: string | undefined,
    /**
     * The stream `socket` writes to (the upgraded HTTP socket). When given, the frames sent in
     * one turn of the event loop leave in one write: a change that reaches this user with an
     * alert and a message costs one system call, not one per frame.
     */
    private readonly transport?: Duplex,
  ) {
    const { limits } = context;
    this.bucket = new TokenBucket(limits.requestsPerSecond, limits.requestBurst);
    this.log = context.logger.child({ remote: remoteAddress });
    this.authTimer = setTimeout(
      () => this.close(CLOSE_CODES.AUTH_TIMEOUT, 'No auth frame in time.'),
      limits.authTimeoutMs,
    );
    socket.on('message', (data, isBinary) => {
      this.alive = true;
      if (isBinary) {
        this.close(CLOSE_CODES.UNSUPPORTED_DATA, 'Frames are JSON text.');
        return;
      }
      this.received(String(data));
    });
    socket.on('pong', () => (this.alive = true));
    socket.on('close', (code, reason) => this.closed(code, reason.toString()));
    socket.on('error', (error) => this.log.warn({ err: error }, 'socket error'));
  }

  /** Event subscriptions open on this socket. */
  get subscriptionCount(): number {
    return this.subscriptions.size;
  }

  /** Closes the socket with `code` (nothing more is sent or answered). */
  close(code: number, reason: string): void {
    if (this.phase === 'closed') return;
    this.socket.close(code, closeReason(reason));
    this.stop();
  }

  /** Resolves once no request is being answered (immediately when none is). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // ── frames in ─────────────────────────────────────────────────────────────────────────────

  private received(text: string): void {
    if (this.phase === 'closed') return;
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      this.close(CLOSE_CODES.PROTOCOL_ERROR, 'A frame is not JSON.');
      return;
    }
    if (!isObject(frame) || !isSeq(frame.id) || typeof frame.op !== 'string') {
      this.close(
        CLOSE_CODES.PROTOCOL_ERROR,
        'A frame is not a request: it needs an integer id and an op.',
      );
      return;
    }
    const request = frame as RawRequest;
    if (this.phase !== 'open') {
      if (this.phase === 'auth' && request.op === 'auth') void this.authenticate(request);
      else
        this.close(
          CLOSE_CODES.PROTOCOL_ERROR,
          'The first frame must be auth, then wait for its answer.',
        );
      return;
    }
    this.handle(request);
  }

  private async authenticate(request: RawRequest): Promise<void> {
    const token = request.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      this.close(CLOSE_CODES.TOKEN_REJECTED, 'The auth frame carries no token.');
      return;
    }
    this.phase = 'verifying';
    const verified = await this.context.verify(token);
    if (this.phase !== 'verifying') return; // closed meanwhile
    if (!verified.ok) {
      this.log.info({ closeCode: verified.error.closeCode }, verified.error.reason);
      this.close(verified.error.closeCode, verified.error.reason);
      return;
    }
    if (this.context.draining()) {
      this.close(CLOSE_CODES.GOING_AWAY, 'The server is shutting down.');
      return;
    }
    const { userId, expiresAt } = verified.value;
    this.userId = userId;
    if (!this.context.admit(this)) {
      this.userId = undefined;
      this.log.warn({ userId }, 'too many sockets for the user');
      this.close(
        CLOSE_CODES.TOO_MANY_SOCKETS,
        `This user already has ${this.context.limits.maxSocketsPerUser} connections open.`,
      );
      return;
    }
    clearTimeout(this.authTimer);
    this.authTimer = undefined;
    this.phase = 'open';
    this.log = this.log.child({ userId });
    this.armExpiry(expiresAt);
    const { limits, backend } = this.context;
    const welcome: WireWelcome = {
      userId,
      expiresAt,
      limits: {
        maxMessageBytes: limits.maxMessageBytes,
        requestsPerSecond: limits.requestsPerSecond,
        requestBurst: limits.requestBurst,
        maxSubscriptions: limits.maxSubscriptions,
      },
      ...(takesAttachments(backend) && { attachments: backend.attachmentPolicy }),
    };
    this.log.debug('authenticated');
    this.send({ id: request.id, ok: true, value: welcome });
    this.listenTyping(userId);
  }

  /** Sends the customers' typing in the user's sessions as `typing` frames, until the socket closes. */
  private listenTyping(userId: string): void {
    const { backend } = this.context;
    if (typeof backend.listenTyping !== 'function') return;
    try {
      this.stopTyping = backend.listenTyping(userId, (signal) => {
        try {
          this.send({ op: 'typing', signal });
        } catch (error) {
          this.log.error({ err: error }, 'could not send a typing signal');
        }
      });
    } catch (error) {
      this.log.error({ err: error }, 'the backend failed to listen for typing');
    }
  }

  /** Closes the socket with 4401 when the token expires. */
  private armExpiry(expiresAt: number): void {
    const wait = expiresAt - Date.now();
    if (wait <= 0) {
      this.close(CLOSE_CODES.TOKEN_EXPIRED, 'The token has expired.');
      return;
    }
    this.expiryTimer = setTimeout(() => this.armExpiry(expiresAt), Math.min(wait, MAX_TIMER_MS));
  }

  private handle(request: RawRequest): void {
    switch (request.op) {
      case 'ping':
        this.send({ op: 'pong', id: request.id, now: Date.now() });
        return;
      case 'unsubscribe':
        if (isSeq(request.sub)) this.unsubscribe(request.sub);
        this.send({ id: request.id, ok: true, value: null });
        return;
      case 'auth':
        this.reply(request.id, fail('VALIDATION', 'The socket is already authenticated.'));
        return;
    }
    if (!(WIRE_OPS as readonly string[]).includes(request.op)) {
      this.reply(request.id, fail('VALIDATION', `Unknown op "${request.op}".`));
      return;
    }
    if (this.context.draining()) {
      this.reply(
        request.id,
        fail('OFFLINE', 'The server is shutting down; send the request again after reconnecting.'),
      );
      return;
    }
    const wait = this.bucket.take();
    if (wait > 0) {
      this.log.debug({ op: request.op, retryAfterMs: wait }, 'rate limited');
      this.reply(
        request.id,
        fail('OFFLINE', `Too many requests on this connection; try again in ${wait} ms.`, {
          reason: RATE_LIMITED,
          retryAfterMs: wait,
        }),
      );
      return;
    }
    if (request.op === 'events') {
      void this.subscribe(request);
      return;
    }
    if (request.op === 'typing') {
      void this.typing(request);
      return;
    }
    void this.answer(request);
  }

  /** The user is typing (or stopped) in a session: the backend tells the session's channel. */
  private async typing(request: RawRequest): Promise<void> {
    const { backend } = this.context;
    const { sessionId, typing } = request;
    let result: Result<unknown>;
    if (typeof sessionId !== 'string' || sessionId.length === 0 || sessionId.length > 200) {
      result = fail('VALIDATION', 'A typing request needs a sessionId.', { field: 'sessionId' });
    } else if (typeof typing !== 'boolean') {
      result = fail('VALIDATION', 'A typing request needs typing: true or false.', {
        field: 'typing',
      });
    } else if (typeof backend.operatorTyping !== 'function') {
      result = fail('VALIDATION', 'This server does not pass typing on.');
    } else {
      try {
        result = await backend.operatorTyping(this.userId as string, sessionId, typing);
      } catch (error) {
        this.log.error({ err: error, op: 'typing' }, 'the backend failed');
        result = fail('INTERNAL', 'The server failed to answer this request.');
      }
    }
    this.reply(request.id, result.ok ? { ok: true, value: null } : result);
  }

  /** Runs a read or a command against the backend and answers it. */
  private async answer(request: RawRequest): Promise<void> {
    const { backend } = this.context;
    const userId = this.userId as string;
    const measured = this.context.metrics.startRequest(request.op, request.command);
    this.inFlight++;
    let result: Result<unknown>;
    try {
      switch (request.op) {
        case 'snapshot':
          result = await backend.snapshot(userId);
          break;
        case 'execute':
          result = isObject(request.command)
            ? await backend.execute(userId, request.command as never)
            : fail('VALIDATION', 'An execute request needs a command object.');
          break;
        case 'history':
        case 'search':
        case 'report':
          result = isObject(request.query)
            ? await backend[request.op](userId, request.query as never)
            : fail('VALIDATION', `A ${request.op} request needs a query object.`);
          break;
        case 'customers':
          result = !isObject(request.query)
            ? fail('VALIDATION', 'A customers request needs a query object.')
            : typeof backend.readCustomers === 'function'
              ? await backend.readCustomers(userId, request.query as never)
              : fail('NOT_FOUND', NO_CUSTOMER_READS);
          break;
        default:
          result = fail('VALIDATION', `Unknown op "${request.op}".`);
      }
    } catch (error) {
      this.log.error({ err: error, op: request.op }, 'the backend failed');
      result = fail('INTERNAL', 'The server failed to answer this request.');
    } finally {
      this.inFlight--;
    }
    measured(result);
    this.reply(request.id, result);
    if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  // ── subscriptions ─────────────────────────────────────────────────────────────────────────

  private async subscribe(request: RawRequest): Promise<void> {
    const { backend, limits } = this.context;
    const userId = this.userId as string;
    const sinceSeq = request.sinceSeq;
    if (!isSeq(sinceSeq)) {
      this.reply(
        request.id,
        fail('VALIDATION', 'An events request needs sinceSeq (an integer ≥ 0).'),
      );
      return;
    }
    if (this.subscriptions.has(request.id)) {
      this.reply(request.id, fail('VALIDATION', `Subscription ${request.id} is already open.`));
      return;
    }
    if (this.subscriptions.size >= limits.maxSubscriptions) {
      this.reply(
        request.id,
        fail(
          'VALIDATION',
          `At most ${limits.maxSubscriptions} subscriptions may be open on one socket.`,
          {
            limit: limits.maxSubscriptions,
          },
        ),
      );
      return;
    }
    const subscription: Subscription = {
      id: request.id,
      lastSent: sinceSeq,
      pending: [],
      stopListening: () => {},
      stopped: false,
    };
    this.subscriptions.set(request.id, subscription);
    // Listen first, then read the replay: an event committed in between is in one or both, and
    // the seq check below sends it once.
    try {
      subscription.stopListening = backend.listen(userId, (event) => {
        if (subscription.pending) subscription.pending.push(event);
        else this.push(subscription, event);
      });
    } catch (error) {
      this.log.error({ err: error }, 'the backend failed to listen');
      this.unsubscribe(request.id);
      this.reply(request.id, fail('INTERNAL', 'The server could not open the event stream.'));
      return;
    }
    let replay: Result<ServerEvent[]>;
    const measured = this.context.metrics.startRequest('events');
    this.inFlight++;
    try {
      replay = await backend.events(userId, sinceSeq);
    } catch (error) {
      this.log.error({ err: error }, 'the backend failed to replay events');
      replay = fail('INTERNAL', 'The server could not read the event stream.');
    } finally {
      this.inFlight--;
    }
    measured(replay);
    if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    if (subscription.stopped) return; // unsubscribed (or the socket closed) meanwhile
    if (!replay.ok) {
      this.unsubscribe(request.id);
      this.reply(request.id, replay);
      return;
    }
    this.send({ id: request.id, ok: true, value: null });
    for (const event of replay.value) this.push(subscription, event);
    const pending = subscription.pending ?? [];
    subscription.pending = undefined;
    for (const event of pending) this.push(subscription, event);
  }

  /**
   * Sends one event of a subscription, unless it was sent already. An event that skips a seq
   * (the backend delivered out of order) ends the subscription with a `stream-error`: the client
   * subscribes again from its last seq, and the replay fills the gap.
   */
  private push(subscription: Subscription, event: ServerEvent): void {
    if (subscription.stopped || event.seq <= subscription.lastSent) return;
    try {
      if (event.seq !== subscription.lastSent + 1) {
        const expected = subscription.lastSent + 1;
        this.log.warn({ expected, received: event.seq }, 'the backend skipped a seq');
        this.unsubscribe(subscription.id);
        this.send({
          op: 'stream-error',
          sub: subscription.id,
          error: {
            code: 'OFFLINE',
            message: `The event stream was interrupted (expected seq ${expected}, got ${event.seq}); subscribe again from the last seq.`,
          },
        });
        return;
      }
      subscription.lastSent = event.seq;
      // The same text as the frame `{ op: 'event', sub, event }` in JSON, made more cheaply.
      const sent = this.sendText(eventFrameText(subscription.id, event));
      if (sent) this.context.metrics.eventPushed();
    } catch (error) {
      // Never let a socket's trouble break the backend's delivery to others.
      this.log.error({ err: error }, 'could not send an event');
    }
  }

  private unsubscribe(id: WireRequestId): void {
    const subscription = this.subscriptions.get(id);
    if (!subscription) return;
    this.subscriptions.delete(id);
    subscription.stopped = true;
    subscription.stopListening();
  }

  // ── frames out ────────────────────────────────────────────────────────────────────────────

  private reply(id: WireRequestId, result: Result<unknown>): void {
    const frame: WireServerFrame = result.ok
      ? { id, ok: true, value: result.value }
      : { id, ok: false, error: withoutCause(result.error) };
    this.send(frame);
  }

  /** Sends a frame; `false` when it could not (the socket is closed, or was too far behind). */
  private send(frame: WireServerFrame): boolean {
    return this.sendText(JSON.stringify(frame));
  }

  /** Sends a frame's text (see {@link send}). */
  private sendText(text: string): boolean {
    if (this.phase === 'closed' || this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > this.context.limits.maxBufferedBytes) {
      this.log.warn({ bufferedAmount: this.socket.bufferedAmount }, 'socket too far behind');
      this.close(CLOSE_CODES.TRY_AGAIN_LATER, 'The connection fell too far behind; reconnect.');
      return false;
    }
    this.gatherTurn();
    this.socket.send(text);
    return true;
  }

  /** Holds the transport's writes until the end of this turn, then writes them at once. */
  private gatherTurn(): void {
    const transport = this.transport;
    if (!transport || this.corked) return;
    this.corked = true;
    transport.cork();
    process.nextTick(() => {
      this.corked = false;
      transport.uncork();
    });
  }

  // ── the end ───────────────────────────────────────────────────────────────────────────────

  /** Stops timers and subscriptions; the socket is closing or closed. */
  private stop(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    clearTimeout(this.authTimer);
    clearTimeout(this.expiryTimer);
    this.stopTyping?.();
    this.stopTyping = undefined;
    for (const id of [...this.subscriptions.keys()]) this.unsubscribe(id);
    this.context.release(this);
  }

  private closed(code: number, reason: string): void {
    this.log.debug({ code, reason }, 'socket closed');
    this.stop();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

/** An error as it crosses the wire: `cause` stays in the server's logs. */
function withoutCause(error: ErrorInfo): ErrorInfo {
  const { cause: _cause, ...rest } = error;
  return rest;
}
