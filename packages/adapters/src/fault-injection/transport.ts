/**
 * A chaos run over a transport of its own, such as real WebSockets to real servers: what a test
 * sets up before the actors start (`ChaosOptions.transport`), and the faults that transport
 * injects itself, drawn by the run at the plan's `transport` site.
 */
import type { Id, TransportAdapter } from '@live-chat/core';
import type { MemoryBackend } from '../memory/backend.js';
import type { SeedData } from '../memory/state.js';
import type { VirtualClock } from './clock.js';
import type { FaultPlan, TransportFaultKind } from './plan.js';
import { exponentialGapMs } from './poisson.js';
import type { Awaitable, ChaosBackend } from './truth.js';
import { WorkUnderWay } from './work-under-way.js';

/** What a run hands to `ChaosOptions.transport`. */
export interface ChaosTransportSetup {
  /** The run's memory backend, on the seed data and the run's clock: serve it, or bring another. */
  backend: MemoryBackend;
  /** A fresh copy of the seed data the run's memory backend started from (to load elsewhere). */
  seedData(): SeedData;
  /** The run's clock (e.g. for another backend's `now`). */
  clock: VirtualClock;
  /** A seeded random source for one purpose of the run. */
  random(purpose: string): () => number;
}

/** Faults a transport injects itself (see {@link TransportFaultKind}). */
export interface TransportFaults {
  /** The kinds it can inject; the others are never drawn. */
  readonly kinds: readonly TransportFaultKind[];
  /**
   * Injects one fault now; `random` picks where it strikes and how long it lasts. A lasting
   * fault (a slow path, a server away) ends by itself a while later, or at {@link heal}.
   */
  inject(kind: TransportFaultKind, random: () => number): Awaitable<void>;
  /** Ends every lasting fault now (the plan stopped: the network heals). */
  heal(): Awaitable<void>;
}

/** A run's transport, set up before the actors start. */
export interface ChaosTransport {
  /** A new adapter signed in as `userId`: one per tab, each on a connection of its own. */
  connect(userId: Id): TransportAdapter;
  /**
   * Where the truth lives when it is not the run's memory backend (e.g. one database behind
   * several servers): customers write to it and the checks read it.
   */
  backend?: ChaosBackend;
  /** The faults the transport injects itself, if any. */
  faults?: TransportFaults;
  /** Releases what it holds (servers, proxies, other backends), after the tabs closed. */
  dispose(): Promise<void>;
}

/** Options of {@link driveTransportFaults}. */
export interface TransportFaultDriverOptions {
  clock: Pick<VirtualClock, 'after'>;
  plan: FaultPlan;
  /** The seeded source of the draws and of each fault's own choices. */
  random: () => number;
  /** Mean time between two draws, in the clock's ms. */
  meanMs: number;
  /** Told when an injection (`what`: its kind) or the healing (`what`: `heal`) fails. */
  onError(what: string, error: unknown): void;
}

/**
 * Draws transport faults at random moments (exponential gaps) while the plan is active, and
 * heals the transport when the plan stops. Resolves, through `settled()`, once every injection
 * under way is done.
 */
export function driveTransportFaults(
  faults: TransportFaults,
  options: TransportFaultDriverOptions,
): Pick<WorkUnderWay, 'settled'> {
  const { clock, plan, random } = options;
  const injecting = new WorkUnderWay(options.onError);
  const next = (): void => {
    if (!plan.active) return;
    const gap = exponentialGapMs(random, options.meanMs);
    clock.after(gap, () => {
      const kind = plan.draw('transport', random) as TransportFaultKind | undefined;
      if (kind) injecting.run(kind, () => faults.inject(kind, random));
      next();
    });
  };
  next();
  plan.onStop(() => injecting.run('heal', () => faults.heal()));
  return injecting;
}
