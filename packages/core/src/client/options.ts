/** How a host configures one workspace's client. */
import type { SchedulerLike } from 'rxjs';
import type { OutboxStore } from './outbox.js';
import type { Binder, CustomerDirectory, HostAction } from '../domain/extensions.js';
import type { TransportAdapter } from '../protocol/adapter.js';

/**
 * When the client publishes what changed (see {@link LiveChatClientOptions.coalesce}): once per
 * batch the adapter delivers, or at most once per animation frame.
 */
export type Coalescing = 'batch' | 'frame';

/** Options of {@link createLiveChatClient}. */
export interface LiveChatClientOptions {
  adapter: TransportAdapter;
  /** Host binders available from the start (more can be registered later). */
  binders?: Binder[];
  /** Host actions available from the start. */
  actions?: HostAction[];
  /** Host support for "add to customers"; the button is hidden without it. */
  customerDirectory?: CustomerDirectory;
  /** Messages per history page (default 50). */
  historyPageSize?: number;
  /** Id generator for commandId / clientMessageId (default crypto.randomUUID). */
  generateId?: () => string;
  /** Quiet time before an as-you-type search runs, in milliseconds (default 200). */
  searchDebounceMs?: number;
  /** Clock for optimistic messages' `sentAt` (default Date.now). */
  now?: () => number;
  /** Most activity entries kept in `activity$` (default 200). */
  activityLimit?: number;
  /**
   * Where unsent messages are kept across reloads (default: memory only). Use
   * `createIndexedDbOutbox()` from `@live-chat/adapters` in a browser.
   */
  outbox?: OutboxStore;
  /**
   * How long a command may take, retries included, before it resolves `TIMEOUT` (default
   * 15,000 ms). A timeout or network error before then retries the same `commandId`.
   */
  commandDeadlineMs?: number;
  /** How long one attempt of a command or a read may wait for an answer (default 5,000 ms). */
  requestTimeoutMs?: number;
  /** Conversations kept in memory that nobody is watching, least recently used first out (default 20). */
  conversationCacheSize?: number;
  /**
   * Scheduler of every timer of the client: back-offs, deadlines, retries, the search debounce
   * (default RxJS `asyncScheduler`). Tests pass a virtual clock so a seeded run replays exactly.
   */
  scheduler?: SchedulerLike;
  /** Source of the back-off jitter, in [0, 1) (default `Math.random`). */
  random?: () => number;
  /**
   * When the observables publish what changed. Every event is applied at once (synchronous
   * getters see it), and published:
   * - `'batch'` (default): once per batch the adapter delivers, so each observable emits at
   *   most once per batch;
   * - `'frame'`: at most once per animation frame (at least every 250 ms in a hidden tab, where
   *   browsers pause frames; every 16 ms where there are no frames), so a burst of any size,
   *   such as 10,000 new sessions in a second, costs at most one emission per frame. For UIs.
   */
  coalesce?: Coalescing;
  /** The window over which `alertBursts$` gathers one live chat's alerts (default 1,000 ms). */
  alertBurstMs?: number;
}
