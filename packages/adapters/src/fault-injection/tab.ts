/**
 * One browser tab of one user in a chaos run: a client on a chaos adapter, subscribed the way
 * the workspace subscribes (navigation lists and counters always, the open conversations while
 * they are open, the search box).
 */
import { Subject, type Observable, type Subscription } from 'rxjs';
import {
  createLiveChatClient,
  SESSION_GROUP_KINDS,
  type ConversationState,
  type Id,
  type LiveChatClient,
  type LiveChatClientOptions,
  type OutboxStore,
  type SearchState,
  type SessionGroupKind,
  type SessionView,
  type TransportAdapter,
} from '@live-chat/core';
import { createChaosAdapter, type ChaosAdapter } from './chaos-adapter.js';
import type { VirtualClock } from './clock.js';
import type { FaultPlan } from './plan.js';

/** A conversation the tab has open. */
export interface Watched {
  subscription: Subscription;
  /** The latest value of `conversation$`, once one came. */
  state: ConversationState | undefined;
}

/** What a tab needs from its run. */
export interface TabContext {
  clock: VirtualClock;
  plan: FaultPlan;
  /** A fresh adapter of the backend, signed in as `userId`. */
  connect(userId: Id): TransportAdapter;
  /** Seeded random sources, one per purpose. */
  random(purpose: string): () => number;
  /** Range of request latency, each way, in ms. */
  latencyMs: readonly [number, number];
  /** Extra client options (deadlines, timeouts). */
  clientOptions: Partial<LiveChatClientOptions>;
  /** Live chats the user belongs to (their menu). */
  liveChatsOf(userId: Id): readonly Id[];
  /** Reports a problem seen while running (an observable that errored, a command that rejected). */
  problem(kind: 'command-rejected' | 'observable-errored', message: string): void;
}

/** The key of one menu group of one live chat. */
export const listKey = (liveChatId: Id, kind: SessionGroupKind): string => `${liveChatId}/${kind}`;

/** One client of one user, as a workspace tab holds it. */
export class Tab {
  readonly client: LiveChatClient;
  readonly adapter: ChaosAdapter;
  /** The navigation: the latest rows of every menu group of the user's live chats. */
  readonly lists = new Map<string, readonly SessionView[]>();
  /** Open conversations, oldest opened first. */
  readonly watching = new Map<Id, Watched>();
  /** Every session this tab has opened at some point (the client may have them cached). */
  readonly opened = new Set<Id>();
  readonly searchInput = new Subject<{ text: string; sessionId?: Id }>();
  /** Live chats in the user's menu. */
  readonly liveChatIds: readonly Id[];
  searchState: SearchState | undefined;
  disposed = false;
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly context: TabContext,
    /** e.g. `op-anna#2`: the user and the how-manieth tab of theirs. */
    readonly name: string,
    readonly userId: Id,
    outbox: OutboxStore,
  ) {
    const { clock } = context;
    this.liveChatIds = context.liveChatsOf(userId);
    this.adapter = createChaosAdapter(context.connect(userId), {
      random: context.random(`${name}/adapter`),
      clock,
      plan: context.plan,
      latencyMs: context.latencyMs,
    });
    let ids = 0;
    this.client = createLiveChatClient({
      ...context.clientOptions,
      adapter: this.adapter,
      scheduler: clock.scheduler,
      random: context.random(`${name}/client`),
      now: () => clock.now(),
      generateId: () => `${name}-${++ids}`,
      outbox,
    });
    for (const liveChatId of this.liveChatIds) {
      for (const kind of SESSION_GROUP_KINDS) {
        this.follow(
          this.client.sessions$(liveChatId, kind),
          `sessions$(${liveChatId}, ${kind})`,
          (rows) => {
            this.lists.set(listKey(liveChatId, kind), rows);
            // As the session list does: the customers of the rows shown are read on demand.
            const missing = rows
              .filter((row) => !row.customer)
              .map((row) => row.session.customerId);
            if (missing.length > 0) this.client.loadCustomers(missing);
          },
        );
      }
    }
    this.follow(this.client.counters$, 'counters$', () => undefined);
    this.follow(this.client.search$(this.searchInput), 'search$', (state) => {
      this.searchState = state;
    });
  }

  /** Subscribes for the tab's life; an error of a client observable is a problem. */
  private follow<T>(source$: Observable<T>, label: string, next: (value: T) => void): void {
    this.subscriptions.push(
      source$.subscribe({
        next,
        error: (error: unknown) =>
          this.context.problem(
            'observable-errored',
            `${this.name}: ${label} errored: ${String(error)}`,
          ),
      }),
    );
  }

  /** Rows of one menu group over every live chat of the user. */
  rows(kind: SessionGroupKind): SessionView[] {
    const rows: SessionView[] = [];
    for (const liveChatId of this.liveChatIds)
      rows.push(...(this.lists.get(listKey(liveChatId, kind)) ?? []));
    return rows;
  }

  /** Opens a conversation (keeps at most `max` open, closing the oldest). */
  watch(sessionId: Id, max = 3): void {
    if (this.disposed) return;
    const open = this.watching.get(sessionId);
    if (open) {
      // Reopened: it becomes the newest.
      this.watching.delete(sessionId);
      this.watching.set(sessionId, open);
      return;
    }
    while (this.watching.size >= max) this.unwatch(this.watching.keys().next().value as Id);
    this.opened.add(sessionId);
    const watched: Watched = {
      subscription: undefined as unknown as Subscription,
      state: undefined,
    };
    this.watching.set(sessionId, watched);
    watched.subscription = this.client.conversation$(sessionId).subscribe({
      next: (state) => {
        watched.state = state;
      },
      error: (error: unknown) =>
        this.context.problem(
          'observable-errored',
          `${this.name}: conversation$(${sessionId}) errored: ${String(error)}`,
        ),
    });
  }

  /** Closes a conversation. */
  unwatch(sessionId: Id): void {
    const watched = this.watching.get(sessionId);
    if (!watched) return;
    watched.subscription.unsubscribe();
    this.watching.delete(sessionId);
  }

  /** The tab closes (or reloads): everything is released, the adapter too. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const watched of this.watching.values()) watched.subscription.unsubscribe();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.searchInput.complete();
    this.client.dispose();
    this.adapter.dispose();
  }
}
