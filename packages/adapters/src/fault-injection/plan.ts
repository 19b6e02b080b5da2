/**
 * What goes wrong, how often, and how much of it in all: the fault plan shared by every chaos
 * adapter of a run, which also counts what was injected, by kind.
 */

/**
 * Every fault a chaos adapter can inject, by where it strikes.
 *
 * On a delivered event (the `event` site):
 * - `event-drop`: the event is never delivered;
 * - `event-duplicate`: it is delivered twice;
 * - `event-reorder`: it is delivered after the next one;
 * - `event-delay`: the stream stalls for a while, then goes on in order;
 * - `stream-error`: the stream errors with a network error instead of delivering it;
 * - `stream-complete`: the stream completes quietly instead (no error);
 * - `stream-resync`: the stream errors with code `RESYNC_REQUIRED`.
 *
 * At a random moment (the `ambient` site), the connection flaps: `connection$` goes
 * `reconnecting`, requests fail, and after a while it is `online` again. Meanwhile:
 * - `flap`: open streams survive and their events wait for the connection;
 * - `flap-stream-error`: open streams error with a network error;
 * - `flap-stream-complete`: open streams complete quietly;
 * - `flap-events-lost`: open streams survive, but events of the outage are lost.
 *
 * On `execute` (the `execute` site):
 * - `response-lost`: the backend applies the command, the answer is lost (a network error);
 * - `execute-throws`: the request fails before reaching the backend (a network error);
 * - `execute-hangs`: no answer ever comes (the backend may or may not have applied it).
 *
 * On reads (`snapshot`, `history`, `search`, `customers` sites): `snapshot-fails`,
 * `history-fails`, `search-fails`, `customers-fails` reject with a network error; `read-hangs`
 * never answers. Reports are never struck.
 *
 * On a real transport (the `transport` site: see {@link TransportFaultKind}), drawn by the run
 * and injected by the transport itself, never by a chaos adapter.
 */
export type FaultKind =
  | 'event-drop'
  | 'event-duplicate'
  | 'event-reorder'
  | 'event-delay'
  | 'stream-error'
  | 'stream-complete'
  | 'stream-resync'
  | 'flap'
  | 'flap-stream-error'
  | 'flap-stream-complete'
  | 'flap-events-lost'
  | 'response-lost'
  | 'execute-throws'
  | 'execute-hangs'
  | 'snapshot-fails'
  | 'history-fails'
  | 'search-fails'
  | 'customers-fails'
  | 'read-hangs'
  | TransportFaultKind;

/**
 * Faults of a real transport, as a run over sockets injects them (`ChaosTransport.faults`):
 * - `connection-drop`: a connection is destroyed on the server's side, without a close frame;
 * - `dead-path`: a connection stops carrying anything either way, and never closes by itself
 *   (only a heartbeat can tell);
 * - `slow-path`: a connection carries everything late for a while;
 * - `server-restart`: a server goes away with every connection, and comes back a while later
 *   over the same backend.
 */
export type TransportFaultKind = 'connection-drop' | 'dead-path' | 'slow-path' | 'server-restart';

/** Where a fault can strike: each site draws among its own kinds. */
export type FaultSite =
  'event' | 'ambient' | 'execute' | 'snapshot' | 'history' | 'search' | 'customers' | 'transport';

/** The kinds each site draws from, in draw order. */
export const FAULT_SITES: Readonly<Record<FaultSite, readonly FaultKind[]>> = {
  event: [
    'event-drop',
    'event-duplicate',
    'event-reorder',
    'event-delay',
    'stream-error',
    'stream-complete',
    'stream-resync',
  ],
  ambient: ['flap', 'flap-stream-error', 'flap-stream-complete', 'flap-events-lost'],
  execute: ['response-lost', 'execute-throws', 'execute-hangs'],
  snapshot: ['snapshot-fails', 'read-hangs'],
  history: ['history-fails', 'read-hangs'],
  search: ['search-fails', 'read-hangs'],
  customers: ['customers-fails', 'read-hangs'],
  transport: ['connection-drop', 'dead-path', 'slow-path', 'server-restart'],
};

/** The kinds a transport injects (those of the `transport` site). */
export const TRANSPORT_FAULT_KINDS = FAULT_SITES.transport as readonly TransportFaultKind[];

/** Every fault kind, once. */
export const FAULT_KINDS: readonly FaultKind[] = [
  ...new Set(Object.values(FAULT_SITES).flat()),
] as FaultKind[];

/**
 * Default chance of each kind per opportunity at its site (per delivered event, per request,
 * per ambient or transport tick). `read-hangs` applies at every read site.
 */
export const DEFAULT_FAULT_RATES: Readonly<Record<FaultKind, number>> = {
  'event-drop': 0.012,
  'event-duplicate': 0.012,
  'event-reorder': 0.012,
  'event-delay': 0.012,
  'stream-error': 0.006,
  'stream-complete': 0.006,
  'stream-resync': 0.002,
  flap: 0.25,
  'flap-stream-error': 0.25,
  'flap-stream-complete': 0.25,
  'flap-events-lost': 0.25,
  'response-lost': 0.06,
  'execute-throws': 0.04,
  'execute-hangs': 0.02,
  'snapshot-fails': 0.2,
  'history-fails': 0.06,
  'search-fails': 0.2,
  'customers-fails': 0.06,
  'read-hangs': 0.02,
  'connection-drop': 0.4,
  'dead-path': 0.25,
  'slow-path': 0.25,
  'server-restart': 0.1,
};

/** Options of {@link createFaultPlan}. */
export interface FaultPlanOptions {
  /** Most faults injected in all, over every adapter of the plan (default unlimited). */
  budget?: number;
  /** Chance of each kind per opportunity (see {@link DEFAULT_FAULT_RATES}); missing kinds keep the default, 0 turns one off. */
  rates?: Partial<Record<FaultKind, number>>;
  /** Most faults of one kind (default unlimited), e.g. to keep resyncs rare whatever the seed. */
  limits?: Partial<Record<FaultKind, number>>;
  /** Mean time between two ambient draws of one adapter, in ms (default 20,000). */
  ambientMeanMs?: number;
  /** Range of a connection outage (`flap*`), in ms (default 500–8,000). */
  outageMs?: readonly [number, number];
  /** Range of an `event-delay` stall, in ms (default 50–3,000). */
  stallMs?: readonly [number, number];
}

/**
 * The faults of one run, shared by all its chaos adapters: what may be injected, and what was.
 * Once the budget is spent or {@link FaultPlan.stop} is called, nothing more is injected and
 * the adapters heal (outages end, stalled events flow).
 */
export interface FaultPlan {
  /** Whether faults may still be injected. */
  readonly active: boolean;
  /** Faults injected so far. */
  readonly injected: number;
  /** The budget (Infinity when unlimited). */
  readonly budget: number;
  readonly ambientMeanMs: number;
  readonly outageMs: readonly [number, number];
  readonly stallMs: readonly [number, number];
  /** Faults injected so far, by kind (every kind present). */
  counts(): Record<FaultKind, number>;
  /**
   * One draw at a site: consumes exactly one number of `random` (so runs replay exactly) and
   * returns the kind injected now, counted, or `undefined`.
   */
  draw(site: FaultSite, random: () => number): FaultKind | undefined;
  /** Counts a fault injected on purpose (see `ChaosAdapter.inject`), budget or not. */
  record(kind: FaultKind): void;
  /** Stops injecting; every adapter of the plan heals. */
  stop(): void;
  /** Calls `listener` once when the plan stops (at once if it has); returns the remover. */
  onStop(listener: () => void): () => void;
}

/** Creates a {@link FaultPlan}. */
export function createFaultPlan(options: FaultPlanOptions = {}): FaultPlan {
  const rates: Record<FaultKind, number> = { ...DEFAULT_FAULT_RATES, ...options.rates };
  const limits = options.limits ?? {};
  const budget = options.budget ?? Infinity;
  const counts = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<
    FaultKind,
    number
  >;
  const listeners = new Set<() => void>();
  let injected = 0;
  let stopped = budget <= 0;

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    for (const listener of [...listeners]) listener();
    listeners.clear();
  };

  return {
    get active() {
      return !stopped;
    },
    get injected() {
      return injected;
    },
    budget,
    ambientMeanMs: options.ambientMeanMs ?? 20_000,
    outageMs: options.outageMs ?? [500, 8_000],
    stallMs: options.stallMs ?? [50, 3_000],
    counts: () => ({ ...counts }),
    draw(site, random) {
      const r = random();
      if (stopped || injected >= budget) return undefined;
      let cumulative = 0;
      for (const kind of FAULT_SITES[site]) {
        cumulative += Math.max(0, rates[kind]);
        if (r >= cumulative) continue;
        if (counts[kind] >= (limits[kind] ?? Infinity)) return undefined;
        counts[kind]++;
        injected++;
        // Stopping heals every adapter: not in the middle of this draw's caller.
        if (injected >= budget) queueMicrotask(stop);
        return kind;
      }
      return undefined;
    },
    record(kind) {
      counts[kind]++;
      injected++;
    },
    stop,
    onStop(listener) {
      if (stopped) {
        listener();
        return () => undefined;
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
