/**
 * Many tabs, one connection: the tabs of one user elect a leader with the Web Locks API; the
 * leader holds the real adapter and the other tabs (followers) talk to the backend through it
 * over a `BroadcastChannel`. When the leader's tab goes, a follower takes the lock and the
 * connection over. The result is a plain `TransportAdapter`, so the client needs nothing special.
 */
import { BehaviorSubject, distinctUntilChanged, Observable, share, type Subscriber } from 'rxjs';
import type { Subscription } from 'rxjs';
import { AdapterBase, LiveChatError, sendRequest } from '@live-chat/core';
import type * as core from '@live-chat/core';
import { forwardingAdapter } from '../forwarding-adapter.js';
import { downloadFromWire, uploadToWire } from './files.js';
import { LeaderHost } from './leader.js';
import {
  decode,
  encode,
  fromWireError,
  toWireError,
  type RequestOp,
  type TabMessage,
  type WireError,
} from './messages.js';
import {
  attachmentPolicyOf,
  downloadWith,
  offerMembers,
  offerOf,
  OPTIONAL_MEMBERS,
  passedOn,
  passTyping,
  readOffer,
  uploadWith,
  type AdapterOffer,
  type OptionalMemberCalls,
} from './offer.js';
import type {
  TabChannel,
  TabChannelListener,
  TabLocks,
  TabSharedAdapter,
  TabSharedAdapterOptions,
} from './types.js';

/** Default of {@link TabSharedAdapterOptions.requestTimeoutMs}. */
export const DEFAULT_TAB_REQUEST_TIMEOUT_MS = 10_000;

/** How often a follower without a leader asks who leads. */
const HELLO_INTERVAL_MS = 250;

/** A call forwarded to the leader (sent, or waiting for a leader to send it to). */
interface ForwardedCall {
  op: RequestOp;
  /** The request's payload, made when it is sent (never when this tab runs the call itself). */
  payload: () => unknown;
  /** Runs the call on the real adapter, should this tab become leader before it is sent. */
  local: (adapter: core.TransportAdapter) => Promise<unknown>;
  resolve: (value: unknown) => void;
  /** Turns the leader's answer into the call's value (when it throws, the call rejects). */
  fromWire: (value: unknown) => unknown;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
  /** The leader it was sent to; absent while it waits for one. */
  sentTo?: string;
}

/** One `events(sinceSeq)` subscription of this tab. */
interface SharedStream {
  sinceSeq: number;
  subscriber: Subscriber<core.ServerEvent>;
  /** `local`: served by this tab's real adapter; `remote`: by the leader; `waiting`: for a leader. */
  mode: 'waiting' | 'remote' | 'local' | 'ended';
  /** The subscription id sent to the leader (`remote`). */
  id?: number;
  /** The leader serving it (`remote`). */
  leader?: string;
  /** The real adapter's stream (`local`). */
  inner?: Subscription;
}

const offline = (message: string) => new LiveChatError('OFFLINE', message);

function newTabId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function defaultLocks(): TabLocks | undefined {
  const navigator = (globalThis as { navigator?: { locks?: TabLocks } }).navigator;
  return navigator?.locks ?? undefined;
}

function defaultChannel(): ((name: string) => TabChannel) | undefined {
  const Channel = (globalThis as { BroadcastChannel?: new (name: string) => TabChannel })
    .BroadcastChannel;
  return Channel ? (name) => new Channel(name) : undefined;
}

/**
 * Shares one connection between the tabs of one user (same `key`):
 *
 * - the tab holding the Web Lock `'live-chat:' + key` is the **leader**: it calls `connect()`
 *   and serves the other tabs over the `BroadcastChannel` of the same name;
 * - the other tabs are **followers**: every call (`snapshot`, `execute`, `history`, `search`,
 *   `report`, `customers`, `events(sinceSeq)`) is forwarded to the leader as JSON and answered
 *   from its adapter; `connection$` mirrors the leader's connection (and is `reconnecting` while
 *   no leader answers);
 * - the optional members (`customers`, `upload`, `attachmentPolicy`, `download`, `typing$`,
 *   `sendTyping`) are there exactly when the real adapter has them (`attachmentPolicy` with
 *   `upload`), as the leader tells (`customers`, which every tab's class has, is `undefined`
 *   when the real adapter reads no customers on demand). Until it has told, every one is there (a client subscribes to `typing$` once,
 *   when it is created) and `attachmentPolicy` is `undefined`, so a client offers no files yet;
 *   a call made meanwhile waits for the leader. A follower's upload and download cross as
 *   base64, refused with `VALIDATION` (`FILE_TOO_LARGE`) beyond the policy's `maxBytes`; its
 *   `typing$` gets the signals of the leader's one subscription to the real `typing$`, and its
 *   `sendTyping` goes to the leader (dropped while there is none);
 * - when the leader goes (its adapter is disposed, or its tab closes), a follower gets the lock
 *   and calls `connect()`. Calls that were waiting for the old leader reject with `OFFLINE` and
 *   event streams it served error with `OFFLINE`, so the client retries them (same
 *   `commandId`) and resumes its stream; calls not yet sent wait for the new leader;
 * - without the Web Locks API or `BroadcastChannel` (or with `locks: null`), the tab simply uses
 *   `connect()`'s adapter, and its role is `alone`.
 *
 * A forwarded call that gets no answer within `requestTimeoutMs` rejects with `TIMEOUT`.
 */
export function createTabSharedAdapter(options: TabSharedAdapterOptions): TabSharedAdapter {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const openChannel = options.channel === undefined ? defaultChannel() : options.channel;
  if (!locks || !openChannel) return aloneAdapter(options.connect());
  return new SharedAdapter(options, locks, openChannel);
}

/** The tab's own adapter, for browsers (or options) without tab sharing. */
function aloneAdapter(adapter: core.TransportAdapter): TabSharedAdapter {
  const role = new BehaviorSubject<core.TabRole>('alone');
  const alone: TabSharedAdapter = {
    ...forwardingAdapter(adapter),
    tabRole$: role.asObservable(),
    tabRole: 'alone',
    dispose(): void {
      if (role.closed) return;
      role.complete();
      adapter.dispose?.();
    },
  };
  offerMembers(alone, offerOf(adapter).members, passedOn(adapter));
  return alone;
}

/** A tab of a group sharing one connection: a follower, until it takes the lock and leads. */
class SharedAdapter extends AdapterBase implements TabSharedAdapter {
  readonly connection$: Observable<core.ConnectionState>;
  readonly tabRole$: Observable<core.TabRole>;

  private readonly tabId = newTabId();
  private readonly lockName: string;
  private readonly requestTimeoutMs: number;
  private readonly channel: TabChannel;
  private readonly state = new BehaviorSubject<core.ConnectionState>('connecting');
  private readonly role = new BehaviorSubject<core.TabRole>('follower');
  /** Forwarded calls by request id. */
  private readonly calls = new Map<number, ForwardedCall>();
  private readonly streams = new Set<SharedStream>();
  /** Remote streams by subscription id. */
  private readonly remoteStreams = new Map<number, SharedStream>();
  /** Leaders that went: a late message of theirs is ignored. */
  private readonly formerLeaders = new Set<string>();
  /** Aborts the queued request for the leader lock. */
  private readonly waitForLock = new AbortController();
  /** Resolves on dispose, releasing every lock this tab holds. */
  private readonly released: Promise<void>;
  private release!: () => void;
  private nextId = 0;
  /** The remote leader this tab follows; undefined while none is known (or this tab leads). */
  private leaderId: string | undefined;
  private leading = false;
  private adapter: core.TransportAdapter | undefined;
  private connectFailure: WireError | undefined;
  private adapterState: Subscription | undefined;
  private host: LeaderHost | undefined;
  /** The leader's word on the real adapter's attachment policy (used while this tab follows). */
  private leaderPolicy: core.AttachmentPolicy | undefined;
  /** The real adapter's `typing$`, shared by this tab and the followers it serves (leader only). */
  private sharedTyping: Observable<core.TypingSignal> | undefined;
  /** The one inner subscriber of {@link typingFeed}, while any listens. */
  private typingListener: Subscriber<core.TypingSignal> | undefined;
  /** What serves the typing listener in the leader's tab. */
  private typingSource: Subscription | undefined;
  /** The leader asked for typing on this tab's behalf. */
  private typingLeader: string | undefined;
  private helloTimer: ReturnType<typeof setInterval> | undefined;
  private disposed = false;

  /** The customers' typing, from wherever it comes now (see {@link attachTyping}). */
  private readonly typingFeed = new Observable<core.TypingSignal>((subscriber) => {
    if (this.disposed) {
      subscriber.complete();
      return undefined;
    }
    this.typingListener = subscriber;
    this.attachTyping();
    return () => {
      this.typingListener = undefined;
      this.detachTyping();
    };
  }).pipe(share());

  /** How this adapter carries out the optional members it offers. */
  private readonly memberCalls: OptionalMemberCalls = {
    customers: (query) => this.read({ op: 'customers', query }) as Promise<core.Customer[]>,
    upload: (file) => this.uploadFile(file),
    download: (attachmentId) => this.downloadFile(attachmentId),
    typing$: this.typingFeed,
    sendTyping: (sessionId, typing) => this.sendTypingSignal(sessionId, typing),
    attachmentPolicy: () => this.currentPolicy(),
  };

  constructor(
    private readonly options: TabSharedAdapterOptions,
    private readonly locks: TabLocks,
    openChannel: (name: string) => TabChannel,
  ) {
    super();
    this.lockName = `live-chat:${options.key}`;
    this.requestTimeoutMs = Math.max(0, options.requestTimeoutMs ?? DEFAULT_TAB_REQUEST_TIMEOUT_MS);
    this.connection$ = this.state.pipe(distinctUntilChanged());
    this.tabRole$ = this.role.pipe(distinctUntilChanged());
    this.released = new Promise<void>((resolve) => (this.release = resolve));
    this.channel = openChannel(this.lockName);
    this.channel.addEventListener('message', this.onMessage);
    // Until the leader tells what the real adapter has, every member is there (a client created
    // now subscribes to typing$ once, and checks for upload), with no attachment policy yet.
    offerMembers(this, OPTIONAL_MEMBERS, this.memberCalls);
    // Held while this tab is open: the leader waits for it to learn when this tab is gone.
    this.locks.request(this.tabLock(this.tabId), {}, () => this.released).catch(() => undefined);
    this.locks
      .request(this.lockName, { ifAvailable: true }, (lock) => (lock ? this.lead() : this.follow()))
      .catch(() => undefined);
  }

  get tabRole(): core.TabRole {
    return this.role.value;
  }

  /** A read runs on the leader's adapter: here when this tab leads, else forwarded to it. */
  protected read(request: core.ReadRequest): Promise<unknown> {
    const payload = request.op === 'snapshot' ? undefined : request.query;
    return this.call(
      request.op,
      () => payload,
      (adapter) => sendRequest(adapter, request),
    );
  }

  events(sinceSeq: number): Observable<core.ServerEvent> {
    return new Observable<core.ServerEvent>((subscriber) => {
      if (this.disposed) {
        subscriber.complete();
        return undefined;
      }
      const stream: SharedStream = { sinceSeq, subscriber, mode: 'waiting' };
      this.streams.add(stream);
      this.attach(stream);
      return () => this.detach(stream);
    });
  }

  execute<C extends core.Command>(command: C): Promise<core.CommandResult<C>> {
    return this.call(
      'execute',
      () => command,
      (adapter) => adapter.execute(command),
    );
  }

  /** The offered `upload`: the real adapter's, here or in the leader's tab. */
  private uploadFile(file: core.AttachmentUpload): Promise<core.Attachment> {
    return this.call(
      'upload',
      () => uploadToWire(file, this.currentPolicy()),
      (adapter) => uploadWith(adapter, file),
    );
  }

  /** The offered `download`: the real adapter's, here or in the leader's tab. */
  private downloadFile(attachmentId: core.Id): Promise<Uint8Array> {
    return this.call(
      'download',
      () => attachmentId,
      (adapter) => downloadWith(adapter, attachmentId),
      downloadFromWire,
    );
  }

  /** The offered `attachmentPolicy`: the real adapter's when this tab leads, else the leader's word. */
  private currentPolicy(): core.AttachmentPolicy | undefined {
    if (!this.leading) return this.leaderPolicy;
    return this.adapter ? attachmentPolicyOf(this.adapter) : undefined;
  }

  /** The offered `sendTyping`: to the real adapter, or to the leader; dropped without one. */
  private sendTypingSignal(sessionId: core.Id, typing: boolean): void {
    if (this.disposed) return;
    if (this.leading) {
      if (this.adapter) passTyping(this.adapter, sessionId, typing);
      return;
    }
    const leader = this.leaderId;
    if (leader === undefined) return;
    this.post({ kind: 'send-typing', from: this.tabId, to: leader, sessionId, typing });
  }

  /**
   * Leaves the group. A leader tells the followers, releases the lock (a follower takes over)
   * and disposes the real adapter. Pending calls reject with `OFFLINE`, streams complete,
   * `connection$` ends `offline`.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopHello();
    this.post(
      this.leading
        ? { kind: 'leader-gone', from: this.tabId }
        : { kind: 'follower-gone', from: this.tabId },
    );
    this.host?.dispose();
    for (const call of this.calls.values()) {
      clearTimeout(call.timer);
      call.reject(offline('The adapter has been disposed.'));
    }
    this.calls.clear();
    for (const stream of [...this.streams]) {
      this.end(stream);
      stream.subscriber.complete();
    }
    this.typingListener?.complete();
    this.detachTyping();
    this.adapterState?.unsubscribe();
    this.adapter?.dispose?.();
    this.state.next('offline');
    this.state.complete();
    this.role.complete();
    this.waitForLock.abort();
    this.release();
    this.channel.removeEventListener('message', this.onMessage);
    this.channel.close();
  }

  // -------------------------------------------------------------------------------------------
  // Roles

  private tabLock(tabId: string): string {
    return `${this.lockName}:tab:${tabId}`;
  }

  /** The leader lock is taken: wait for it, and ask who leads meanwhile. */
  private follow(): void {
    if (this.disposed) return;
    this.startHello();
    this.locks
      .request(this.lockName, { signal: this.waitForLock.signal }, () => this.lead())
      .catch(() => undefined); // aborted on dispose
  }

  /** This tab got the lock: it connects and serves the others until it is disposed. */
  private lead(): Promise<void> {
    if (this.disposed || this.leading) return this.released;
    this.leading = true;
    this.stopHello();
    // Whatever the previous leader was serving this tab is lost: it errors, and is retried.
    this.dropLeader('The tab holding the connection went away; this tab takes it over.');
    this.role.next('leader');
    try {
      this.adapter = this.options.connect();
    } catch (error) {
      this.connectFailure = toWireError(error);
    }
    offerMembers(this, this.ownOffer().members, this.memberCalls);
    this.sharedTyping = this.adapter?.typing$?.pipe(share());
    this.host = new LeaderHost({
      tabId: this.tabId,
      adapter: this.adapter ?? { failed: this.connectFailure ?? { message: 'No adapter.' } },
      typing$: this.sharedTyping,
      post: (message) => this.post(message),
      locks: this.locks,
      tabLockName: (tabId) => this.tabLock(tabId),
    });
    if (this.adapter) {
      this.adapterState = this.adapter.connection$.subscribe((state) => {
        if (this.disposed) return;
        this.state.next(state);
        this.post({ kind: 'connection', from: this.tabId, state, offer: this.ownOffer() });
      });
    } else {
      this.state.next('failed');
    }
    this.post({
      kind: 'leader',
      from: this.tabId,
      state: this.state.value,
      offer: this.ownOffer(),
    });
    // Calls and streams that were waiting for a leader are this tab's own now.
    for (const [id, call] of [...this.calls]) {
      this.calls.delete(id);
      clearTimeout(call.timer);
      this.runLocally(call.local).then(call.resolve, call.reject);
    }
    for (const stream of this.streams) if (stream.mode === 'waiting') this.attach(stream);
    this.attachTyping();
    return this.released;
  }

  /** What this tab's real adapter offers (nothing when `connect()` failed). */
  private ownOffer(): AdapterOffer {
    return this.adapter ? offerOf(this.adapter) : { members: [] };
  }

  /** A leader introduced itself: follow it (the old one, if any, is gone). */
  private acceptLeader(leader: string, state: core.ConnectionState, offer: AdapterOffer): void {
    if (this.leading || this.formerLeaders.has(leader)) return;
    if (leader === this.leaderId) {
      this.learn(offer, state);
      return;
    }
    this.dropLeader('The tab holding the connection went away.');
    this.leaderId = leader;
    this.stopHello();
    this.learn(offer, state);
    for (const [id, call] of this.calls) if (call.sentTo === undefined) this.send(id, call);
    for (const stream of this.streams) if (stream.mode === 'waiting') this.attach(stream);
    this.attachTyping();
  }

  /**
   * Takes on the leader's offer, then its connection state: a client that re-renders on the
   * state already sees the members and the attachment policy that came with it.
   */
  private learn(offer: AdapterOffer, state: core.ConnectionState): void {
    this.leaderPolicy = offer.attachmentPolicy;
    offerMembers(this, offer.members, this.memberCalls);
    this.state.next(state);
  }

  /**
   * Forgets the current leader: the calls it was answering reject with `OFFLINE`, the streams it
   * served error with `OFFLINE` (never complete silently: the client resumes from its last
   * seq), and the connection is `reconnecting` until a leader answers.
   */
  private dropLeader(reason: string): void {
    const leader = this.leaderId;
    if (leader === undefined) return;
    this.leaderId = undefined;
    this.typingLeader = undefined;
    this.formerLeaders.add(leader);
    this.state.next('reconnecting');
    for (const [id, call] of [...this.calls]) {
      if (call.sentTo !== leader) continue;
      this.calls.delete(id);
      clearTimeout(call.timer);
      call.reject(offline(reason));
    }
    for (const stream of [...this.streams]) {
      if (stream.mode !== 'remote' || stream.leader !== leader) continue;
      this.end(stream);
      stream.subscriber.error(offline(reason));
    }
    if (!this.leading) this.startHello();
  }

  private startHello(): void {
    this.post({ kind: 'hello', from: this.tabId });
    this.helloTimer ??= setInterval(
      () => this.post({ kind: 'hello', from: this.tabId }),
      HELLO_INTERVAL_MS,
    );
  }

  private stopHello(): void {
    if (this.helloTimer !== undefined) clearInterval(this.helloTimer);
    this.helloTimer = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Calls

  /**
   * Runs a call on the real adapter: here (`local`) when this tab leads, else as a request to the
   * leader, whose answer `fromWire` turns back into the call's value.
   */
  private call<T>(
    op: RequestOp,
    payload: () => unknown,
    local: (adapter: core.TransportAdapter) => Promise<T>,
    fromWire: (value: unknown) => T = (value) => value as T,
  ): Promise<T> {
    if (this.disposed) return Promise.reject(offline('The adapter has been disposed.'));
    if (this.leading) return this.runLocally(local);
    return new Promise<T>((resolve, reject) => {
      const id = ++this.nextId;
      const timer = setTimeout(() => {
        if (!this.calls.delete(id)) return;
        reject(
          new LiveChatError('TIMEOUT', 'The tab holding the connection did not answer in time.', {
            op,
          }),
        );
      }, this.requestTimeoutMs);
      const call: ForwardedCall = {
        op,
        payload,
        local,
        resolve: resolve as (value: unknown) => void,
        fromWire,
        reject,
        timer,
      };
      this.calls.set(id, call);
      if (this.leaderId !== undefined) this.send(id, call);
    });
  }

  private send(id: number, call: ForwardedCall): void {
    const leader = this.leaderId;
    if (leader === undefined) return;
    let data: string;
    try {
      const payload = call.payload();
      data = encode({ kind: 'request', from: this.tabId, to: leader, id, op: call.op, payload });
    } catch (error) {
      // A payload refused on its way out (e.g. a file too large) says why; anything else is no JSON.
      this.calls.delete(id);
      clearTimeout(call.timer);
      call.reject(
        error instanceof LiveChatError
          ? error
          : new LiveChatError('VALIDATION', 'The request is not JSON-serialisable.'),
      );
      return;
    }
    call.sentTo = leader;
    this.postData(data);
  }

  private runLocally<T>(local: (adapter: core.TransportAdapter) => Promise<T>): Promise<T> {
    const adapter = this.adapter;
    if (!adapter) {
      return Promise.reject(fromWireError(this.connectFailure ?? { message: 'No adapter.' }));
    }
    try {
      return local(adapter);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Streams

  private attach(stream: SharedStream): void {
    if (this.leading) {
      stream.mode = 'local';
      const adapter = this.adapter;
      if (!adapter) {
        this.end(stream);
        stream.subscriber.error(fromWireError(this.connectFailure ?? { message: 'No adapter.' }));
        return;
      }
      stream.inner = adapter.events(stream.sinceSeq).subscribe({
        next: (event) => stream.subscriber.next(event),
        error: (error: unknown) => {
          this.end(stream);
          stream.subscriber.error(error);
        },
        complete: () => {
          this.end(stream);
          stream.subscriber.complete();
        },
      });
      return;
    }
    const leader = this.leaderId;
    if (leader === undefined) {
      stream.mode = 'waiting';
      return;
    }
    const id = ++this.nextId;
    stream.mode = 'remote';
    stream.id = id;
    stream.leader = leader;
    this.remoteStreams.set(id, stream);
    this.post({ kind: 'subscribe', from: this.tabId, to: leader, id, sinceSeq: stream.sinceSeq });
  }

  /** The subscriber unsubscribed. */
  private detach(stream: SharedStream): void {
    if (stream.mode === 'remote' && stream.leader === this.leaderId && !this.disposed) {
      this.post({ kind: 'unsubscribe', from: this.tabId, to: stream.leader!, id: stream.id! });
    }
    this.end(stream);
  }

  /** Releases what serves the stream (before its subscriber is told it ended). */
  private end(stream: SharedStream): void {
    if (stream.id !== undefined) this.remoteStreams.delete(stream.id);
    stream.inner?.unsubscribe();
    stream.mode = 'ended';
    this.streams.delete(stream);
  }

  // -------------------------------------------------------------------------------------------
  // Typing

  /**
   * Serves the typing listener (if any) from where typing comes now: the shared real `typing$`
   * when this tab leads, else the leader (asked with `typing-subscribe`).
   */
  private attachTyping(): void {
    this.detachTyping();
    const listener = this.typingListener;
    if (!listener || this.disposed) return;
    if (this.leading) {
      this.typingSource = this.sharedTyping?.subscribe({
        next: (signal) => listener.next(signal),
        error: () => undefined, // typing is a nicety: a failed stream just stops showing it
      });
      return;
    }
    const leader = this.leaderId;
    if (leader === undefined) return;
    this.typingLeader = leader;
    this.post({ kind: 'typing-subscribe', from: this.tabId, to: leader });
  }

  private detachTyping(): void {
    this.typingSource?.unsubscribe();
    this.typingSource = undefined;
    const leader = this.typingLeader;
    this.typingLeader = undefined;
    if (leader !== undefined && leader === this.leaderId && !this.disposed) {
      this.post({ kind: 'typing-unsubscribe', from: this.tabId, to: leader });
    }
  }

  // -------------------------------------------------------------------------------------------
  // The channel

  private post(message: TabMessage): void {
    try {
      this.postData(encode(message));
    } catch {
      // An event or answer that cannot be encoded is dropped; the follower's call times out.
    }
  }

  private postData(data: string): void {
    try {
      this.channel.postMessage(data);
    } catch {
      // A closed channel: the tab is going away.
    }
  }

  private readonly onMessage: TabChannelListener = (event) => {
    if (this.disposed) return;
    const message = decode(event.data);
    if (!message || message.from === this.tabId) return;
    if ('to' in message && message.to !== this.tabId) return;
    switch (message.kind) {
      case 'hello':
        if (this.leading) {
          const state = this.state.value;
          this.post({ kind: 'leader', from: this.tabId, state, offer: this.ownOffer() });
        }
        return;
      case 'leader':
        this.acceptLeader(message.from, message.state, readOffer(message.offer));
        return;
      case 'leader-gone':
        if (message.from === this.leaderId) {
          this.dropLeader('The tab holding the connection was closed.');
        } else {
          this.formerLeaders.add(message.from);
        }
        return;
      case 'connection':
        if (message.from === this.leaderId) this.learn(readOffer(message.offer), message.state);
        return;
      case 'typing': {
        const { sessionId, typing } = (message.signal ?? {}) as Partial<core.TypingSignal>;
        if (message.from !== this.typingLeader) return;
        if (typeof sessionId === 'string' && typeof typing === 'boolean') {
          this.typingListener?.next({ sessionId, typing });
        }
        return;
      }
      case 'response': {
        const call = this.calls.get(message.id);
        if (!call || call.sentTo !== message.from) return;
        this.calls.delete(message.id);
        clearTimeout(call.timer);
        if (message.error) {
          call.reject(fromWireError(message.error));
          return;
        }
        try {
          call.resolve(call.fromWire(message.value));
        } catch (error) {
          call.reject(error as Error);
        }
        return;
      }
      case 'event': {
        const stream = this.remoteStreams.get(message.id);
        if (stream?.leader === message.from) stream.subscriber.next(message.event);
        return;
      }
      case 'events-end': {
        const stream = this.remoteStreams.get(message.id);
        if (!stream || stream.leader !== message.from) return;
        this.end(stream);
        if (message.error) stream.subscriber.error(fromWireError(message.error));
        else stream.subscriber.complete();
        return;
      }
      default:
        // Requests, subscriptions and goodbyes of followers: the leader's business.
        this.host?.handle(message);
    }
  };
}
