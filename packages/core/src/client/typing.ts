import {
  BehaviorSubject,
  distinctUntilChanged,
  map,
  takeUntil,
  type Observable,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';
import type { Id } from '../domain/types.js';
import {
  TYPING_INTERVAL_MS,
  TYPING_TTL_MS,
  type TransportAdapter,
  type TypingSignal,
} from '../protocol/adapter.js';
import type { ServerEvent } from '../protocol/events.js';

/** What {@link TypingState} needs from the client. */
export interface TypingDeps {
  adapter: TransportAdapter;
  scheduler: SchedulerLike;
  destroy$: Observable<void>;
}

/**
 * Who is typing, both ways, for one client: the customers typing in the sessions the user sees
 * (from the adapter's `typing$`, each lapsing after {@link TYPING_TTL_MS} and ending with the
 * customer's next message), and the user's own typing sent to the adapter at most every
 * {@link TYPING_INTERVAL_MS}. Nothing of it is stored or counted.
 */
export class TypingState {
  readonly #typing = new BehaviorSubject<ReadonlySet<Id>>(new Set());
  readonly #lapses = new Map<Id, Subscription>();
  /** When the user last sent `typing: true`, per session. */
  readonly #sentAt = new Map<Id, number>();

  readonly #deps: TypingDeps;

  constructor(deps: TypingDeps) {
    this.#deps = deps;
    deps.adapter.typing$?.pipe(takeUntil(deps.destroy$)).subscribe({
      next: (signal) => this.#receive(signal),
      error: () => undefined,
    });
  }

  /** Whether the session's customer is typing now. */
  customerTyping$(sessionId: Id): Observable<boolean> {
    return this.#typing.pipe(
      map((sessions) => sessions.has(sessionId)),
      distinctUntilChanged(),
    );
  }

  /** A customer message ends its sender's typing. */
  applyEvent(event: ServerEvent): void {
    if (event.type === 'message.added' && event.message.author.kind === 'customer') {
      this.#set(event.message.sessionId, false);
    }
  }

  /** The user's own typing, throttled, to the adapter (if it carries typing). */
  send(sessionId: Id, typing: boolean): void {
    const adapter = this.#deps.adapter;
    if (!adapter.sendTyping || typeof sessionId !== 'string') return;
    const now = this.#deps.scheduler.now();
    const last = this.#sentAt.get(sessionId);
    if (typing) {
      if (last !== undefined && now - last < TYPING_INTERVAL_MS) return;
      this.#sentAt.set(sessionId, now);
    } else {
      if (last === undefined) return;
      this.#sentAt.delete(sessionId);
    }
    try {
      adapter.sendTyping(sessionId, typing);
    } catch {
      // Fire and forget: a lost signal lapses by itself.
    }
  }

  #receive(signal: TypingSignal): void {
    if (typeof signal !== 'object' || signal === null || typeof signal.sessionId !== 'string')
      return;
    this.#set(signal.sessionId, signal.typing === true);
  }

  #set(sessionId: Id, typing: boolean): void {
    this.#lapses.get(sessionId)?.unsubscribe();
    this.#lapses.delete(sessionId);
    if (typing) {
      this.#lapses.set(
        sessionId,
        this.#deps.scheduler.schedule(() => this.#set(sessionId, false), TYPING_TTL_MS),
      );
    }
    const current = this.#typing.value;
    if (current.has(sessionId) === typing) return;
    const next = new Set(current);
    if (typing) next.add(sessionId);
    else next.delete(sessionId);
    this.#typing.next(next);
  }

  /** Stops every lapse timer and completes the streams. */
  complete(): void {
    for (const lapse of this.#lapses.values()) lapse.unsubscribe();
    this.#lapses.clear();
    this.#typing.complete();
  }
}
