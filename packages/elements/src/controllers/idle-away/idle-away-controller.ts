import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveChatClient } from '@live-chat/core';

/** How long without pointer or keyboard activity before the user is set away (5 minutes). */
export const DEFAULT_IDLE_AWAY_MS = 5 * 60_000;

/** Page events that count as the user being there. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** The time source of {@link IdleAwayController}: the page's clock and timers, or a test's. */
export interface IdleClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `run` once after `ms`; returns a handle for {@link IdleClock.clearTimeout}. */
  setTimeout(run: () => void, ms: number): unknown;
  /** Cancels a timer that has not run yet. */
  clearTimeout(handle: unknown): void;
}

/** The page's own clock and timers. */
export const PAGE_CLOCK: IdleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the controller reads from its host each time it needs it. */
export interface IdleAwayOptions {
  /** The client whose user goes away and comes back. */
  client: () => LiveChatClient | undefined;
  /** Idle time before going away, in ms; 0 (or less) turns auto-away off. */
  idleMs: () => number;
  /** Where the page's activity is heard (the document). */
  target?: EventTarget;
  clock?: IdleClock;
}

/**
 * Auto-away: after `idleMs` with no pointer or keyboard activity in the page, sets the signed-in
 * user `away` with `{ auto: true }`; on the next activity, `online` with `{ auto: true }`. The
 * backend never lets an automatic change override a status the user chose, and the controller
 * only asks while the user is online (going away) or automatically away (coming back).
 *
 * One timer, never one per event: activity only notes the time; when the timer fires it checks
 * how long it has really been and, if the user was active meanwhile, waits the rest.
 *
 * ```ts
 * private readonly idle = new IdleAwayController(this, {
 *   client: () => this.client,
 *   idleMs: () => this.idleAwayMs,
 * });
 * // after idleAwayMs changes: this.idle.restart();
 * ```
 */
export class IdleAwayController implements ReactiveController {
  readonly #clock: IdleClock;
  readonly #target: EventTarget;
  #lastActivity = 0;
  #timer: unknown;
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: IdleAwayOptions,
  ) {
    this.#clock = options.clock ?? PAGE_CLOCK;
    this.#target = options.target ?? document;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    for (const type of ACTIVITY_EVENTS) {
      this.#target.addEventListener(type, this.#onActivity, { capture: true, passive: true });
    }
    this.restart();
  }

  hostDisconnected(): void {
    this.#connected = false;
    for (const type of ACTIVITY_EVENTS) {
      this.#target.removeEventListener(type, this.#onActivity, { capture: true });
    }
    this.#stop();
  }

  /** Starts counting idle time afresh (after the idle time or the client changed). */
  restart(): void {
    this.#stop();
    this.#lastActivity = this.#clock.now();
    if (this.#connected && this.options.idleMs() > 0) this.#schedule(this.options.idleMs());
  }

  #stop(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(ms: number): void {
    this.#timer = this.#clock.setTimeout(this.#onTimer, ms);
  }

  /** The user's own presence, if the client knows who they are. */
  #presence() {
    const client = this.options.client();
    const me = client?.me;
    return client && me ? { client, presence: client.getPresence(me.id) } : undefined;
  }

  readonly #onActivity = (): void => {
    this.#lastActivity = this.#clock.now();
    const idleMs = this.options.idleMs();
    if (this.#timer === undefined && this.#connected && idleMs > 0) this.#schedule(idleMs);
    const state = this.#presence();
    if (state?.presence.status === 'away' && state.presence.auto) {
      void state.client.setAvailability('online', { auto: true });
    }
  };

  readonly #onTimer = (): void => {
    this.#timer = undefined;
    const idleMs = this.options.idleMs();
    if (idleMs <= 0) return;
    const idleFor = this.#clock.now() - this.#lastActivity;
    if (idleFor < idleMs) {
      this.#schedule(idleMs - idleFor);
      return;
    }
    // Idle: go away once; the next activity starts the timer again.
    const state = this.#presence();
    if (state?.presence.status === 'online') {
      void state.client.setAvailability('away', { auto: true });
    }
  };
}
