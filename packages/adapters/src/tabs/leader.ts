/**
 * The leader's side of tab sharing: it serves the followers' calls with the real adapter and
 * forgets a follower (its event and typing subscriptions) as soon as that follower's tab is gone.
 */
import type { Observable, Subscription } from 'rxjs';
import type {
  Command,
  CustomerQuery,
  HistoryQuery,
  Id,
  ReportQuery,
  SearchQuery,
  TransportAdapter,
  TypingSignal,
} from '@live-chat/core';
import { downloadToWire, uploadFromWire } from './files.js';
import { toWireError, type RequestOp, type TabMessage, type WireError } from './messages.js';
import {
  attachmentPolicyOf,
  customersWith,
  downloadWith,
  passTyping,
  uploadWith,
} from './offer.js';
import type { TabLocks } from './types.js';

/** Runs one forwarded call on the real adapter. */
const OPERATIONS: Record<RequestOp, (adapter: TransportAdapter, payload: unknown) => unknown> = {
  snapshot: (adapter) => adapter.snapshot(),
  execute: (adapter, payload) => adapter.execute(payload as Command),
  history: (adapter, payload) => adapter.history(payload as HistoryQuery),
  search: (adapter, payload) => adapter.search(payload as SearchQuery),
  report: (adapter, payload) => adapter.report(payload as ReportQuery),
  customers: (adapter, payload) => customersWith(adapter, payload as CustomerQuery),
  upload: (adapter, payload) =>
    uploadWith(adapter, uploadFromWire(payload, attachmentPolicyOf(adapter))),
  download: async (adapter, payload) => {
    const attachmentId: Id = typeof payload === 'string' ? payload : '';
    const bytes = await downloadWith(adapter, attachmentId);
    return downloadToWire(attachmentId, bytes, attachmentPolicyOf(adapter));
  },
};

/** What the leader needs from the tab-shared adapter it lives in. */
export interface LeaderHostDeps {
  /** This tab's id. */
  tabId: string;
  /** The real adapter, or the error `connect()` threw. */
  adapter: TransportAdapter | { failed: WireError };
  /**
   * The real adapter's `typing$`, subscribed once however many tabs listen (shared with this
   * tab's own listeners); absent when the real adapter has none.
   */
  typing$?: Observable<TypingSignal>;
  /** Posts a message on the channel. */
  post: (message: TabMessage) => void;
  locks: TabLocks;
  /** Name of the lock a tab holds while it is open. */
  tabLockName: (tabId: string) => string;
}

/** Serves the followers while this tab leads; {@link dispose} when it stops leading. */
export class LeaderHost {
  /** Event subscriptions served per follower, by the follower's subscription id. */
  private readonly served = new Map<string, Map<number, Subscription>>();
  /** The typing subscription served per follower. */
  private readonly typingServed = new Map<string, Subscription>();
  /** Per known follower: aborts the wait for its tab lock. */
  private readonly watched = new Map<string, AbortController>();
  private disposed = false;

  constructor(private readonly deps: LeaderHostDeps) {}

  /** Handles a message meant for the leader. */
  handle(message: TabMessage): void {
    if (this.disposed) return;
    switch (message.kind) {
      case 'request':
        this.watch(message.from);
        void this.serve(message.from, message.id, message.op, message.payload);
        return;
      case 'subscribe':
        this.watch(message.from);
        this.subscribe(message.from, message.id, message.sinceSeq);
        return;
      case 'unsubscribe':
        this.served.get(message.from)?.get(message.id)?.unsubscribe();
        this.served.get(message.from)?.delete(message.id);
        return;
      case 'typing-subscribe':
        this.watch(message.from);
        this.subscribeTyping(message.from);
        return;
      case 'typing-unsubscribe':
        this.typingServed.get(message.from)?.unsubscribe();
        this.typingServed.delete(message.from);
        return;
      case 'send-typing':
        if (!('failed' in this.deps.adapter)) {
          passTyping(this.deps.adapter, message.sessionId, message.typing);
        }
        return;
      case 'follower-gone':
        this.forget(message.from);
        return;
      default:
        return;
    }
  }

  /** Stops serving: every follower subscription is released (followers learn of it by `leader-gone`). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const follower of [...this.served.keys(), ...this.typingServed.keys()]) {
      this.forget(follower);
    }
    for (const controller of this.watched.values()) controller.abort();
    this.watched.clear();
  }

  private async serve(follower: string, id: number, op: RequestOp, payload: unknown) {
    const { adapter, tabId } = this.deps;
    let answer: { value: unknown } | { error: WireError };
    if ('failed' in adapter) {
      answer = { error: adapter.failed };
    } else {
      // `op` comes from another tab: only the table's own entries (never `constructor` & co.).
      const operation = Object.hasOwn(OPERATIONS, op)
        ? (OPERATIONS as Record<string, (typeof OPERATIONS)[RequestOp]>)[op]
        : undefined;
      try {
        if (!operation) throw new Error(`Unknown request "${String(op)}".`);
        answer = { value: await operation(adapter, payload) };
      } catch (error) {
        answer = { error: toWireError(error) };
      }
    }
    if (this.disposed) return; // the follower learns of the loss by `leader-gone` and retries
    this.deps.post({ kind: 'response', from: tabId, to: follower, id, ...answer });
  }

  private subscribe(follower: string, id: number, sinceSeq: number): void {
    const { adapter, tabId, post } = this.deps;
    let subscriptions = this.served.get(follower);
    if (!subscriptions) {
      subscriptions = new Map();
      this.served.set(follower, subscriptions);
    }
    subscriptions.get(id)?.unsubscribe();
    if ('failed' in adapter) {
      post({ kind: 'events-end', from: tabId, to: follower, id, error: adapter.failed });
      return;
    }
    const end = (error?: WireError) => {
      this.served.get(follower)?.delete(id);
      post(
        error
          ? { kind: 'events-end', from: tabId, to: follower, id, error }
          : { kind: 'events-end', from: tabId, to: follower, id },
      );
    };
    const subscription = adapter.events(sinceSeq).subscribe({
      next: (event) => post({ kind: 'event', from: tabId, to: follower, id, event }),
      error: (error: unknown) => end(toWireError(error)),
      complete: () => end(),
    });
    // A stream that ended at once has already removed itself.
    if (!subscription.closed) subscriptions.set(id, subscription);
  }

  /** Passes each signal of the real adapter to the follower (nothing replayed: typing is live only). */
  private subscribeTyping(follower: string): void {
    const { typing$, tabId, post } = this.deps;
    if (!typing$ || this.typingServed.has(follower)) return;
    const subscription = typing$.subscribe({
      next: ({ sessionId, typing }) =>
        post({ kind: 'typing', from: tabId, to: follower, signal: { sessionId, typing } }),
      error: () => this.typingServed.delete(follower),
      complete: () => this.typingServed.delete(follower),
    });
    if (!subscription.closed) this.typingServed.set(follower, subscription);
  }

  /**
   * Waits for the follower's tab lock, which the follower holds while its tab is open: the
   * lock is granted when the tab closes (or its adapter is disposed), and the follower is then
   * forgotten, so a closed tab never leaves a subscription behind.
   */
  private watch(follower: string): void {
    if (this.watched.has(follower)) return;
    const controller = new AbortController();
    this.watched.set(follower, controller);
    this.deps.locks
      .request(this.deps.tabLockName(follower), { signal: controller.signal }, () => {
        if (this.watched.get(follower) === controller) this.watched.delete(follower);
        this.forget(follower);
      })
      .catch(() => undefined); // aborted on dispose
  }

  private forget(follower: string): void {
    const subscriptions = this.served.get(follower);
    this.served.delete(follower);
    for (const subscription of subscriptions?.values() ?? []) subscription.unsubscribe();
    this.typingServed.get(follower)?.unsubscribe();
    this.typingServed.delete(follower);
  }
}
