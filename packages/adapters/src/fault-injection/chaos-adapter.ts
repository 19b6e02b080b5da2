/**
 * A `TransportAdapter` wrapper that injects seeded faults between a client and any adapter:
 * lost, duplicated, reordered and stalled events, broken and quietly completed streams, lost
 * answers, hung requests and connection outages. Every choice comes from one seeded random
 * source and every wait from a {@link VirtualClock}, so a seed replays exactly.
 */
import { BehaviorSubject, Observable, type Subscriber, type Subscription } from 'rxjs';
import { AdapterBase, sendRequest } from '@live-chat/core';
import type {
  Command,
  CommandResult,
  ConnectionState,
  ReadRequest,
  ServerEvent,
  TabRole,
  TransportAdapter,
} from '@live-chat/core';
import type { VirtualClock } from './clock.js';
import { resyncRequired, someNetworkError } from './network-errors.js';
import { exponentialGapMs } from './poisson.js';
import {
  FAULT_SITES,
  TRANSPORT_FAULT_KINDS,
  type FaultKind,
  type FaultPlan,
  type FaultSite,
  type TransportFaultKind,
} from './plan.js';

/** Options of {@link createChaosAdapter}. */
export interface ChaosAdapterOptions {
  /** The seeded random source of every choice (a number in [0, 1) per call). */
  random: () => number;
  /** The clock of every wait (outages, stalls, latency). */
  clock: Pick<VirtualClock, 'now' | 'after'>;
  /** What to inject; shared by every adapter of a run. */
  plan: FaultPlan;
  /**
   * Range of the latency of each request leg (there and back), in ms (default `[0, 0]`: none).
   * With some latency, "the backend applied it, the answer was lost" and a reload in mid-flight
   * really happen in mid-flight.
   */
  latencyMs?: readonly [number, number];
}

/** Calls the client made, by method. */
export interface ChaosCalls {
  snapshot: number;
  events: number;
  execute: number;
  history: number;
  search: number;
  report: number;
  customers: number;
}

/** One fault as a {@link ChaosAdapter} injected it. */
export interface InjectedFault {
  kind: FaultKind;
  /** Where it struck (a `read-hangs` on `search` is a search that never answers). */
  site: FaultSite;
  /** Virtual time it struck, in ms since the epoch. */
  at: number;
}

/** A {@link TransportAdapter} that misbehaves as its {@link FaultPlan} says. */
export interface ChaosAdapter extends TransportAdapter {
  /** The adapter it wraps. */
  readonly inner: TransportAdapter;
  /** Calls made so far, by method (the cost of recovery: snapshots and history pages). */
  readonly calls: Readonly<ChaosCalls>;
  /** Every fault this adapter injected, in order, with the virtual time it struck. */
  readonly log: readonly InjectedFault[];
  /** Whether requests get through now (no outage, not disposed). */
  readonly online: boolean;
  /**
   * Injects one fault on purpose, whatever the plan's rates: a connection kind (`flap*`)
   * starts an outage now; any other kind strikes at the next opportunity of each of its sites
   * (the next event, `execute`, or read; `read-hangs` at the next snapshot, history, search and
   * customer read). Counted in the plan. Returns `false` when the adapter is disposed, or for a kind
   * only a real transport injects (`TransportFaultKind`).
   */
  inject(kind: FaultKind): boolean;
  /** Ends any outage now and lets stalled events flow (what the plan's `stop()` does). */
  heal(): void;
  /** Releases the wrapper's timers and streams, and disposes the inner adapter. */
  dispose(): void;
}

/** A promise that never settles: the answer that never comes. */
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** Wraps `inner` in a {@link ChaosAdapter}. */
export function createChaosAdapter(
  inner: TransportAdapter,
  options: ChaosAdapterOptions,
): ChaosAdapter {
  return new Chaos(inner, options);
}

/** One `events()` subscription, and the faults on its way. */
class ChaosStream {
  private readonly queue: ServerEvent[] = [];
  private stalled = false;
  private cancelStall: (() => void) | undefined;
  /** An event held back to be delivered after the next one (`event-reorder`). */
  private swapped: ServerEvent | undefined;
  private cancelSwap: (() => void) | undefined;
  innerSubscription: Subscription | undefined;
  closed = false;

  constructor(
    private readonly adapter: Chaos,
    private readonly subscriber: Subscriber<ServerEvent>,
  ) {}

  receive(event: ServerEvent): void {
    if (this.closed) return;
    const outage = this.adapter.outage;
    if (outage === 'flap-events-lost') return; // lost with the connection
    const fault = outage ? undefined : this.adapter.fault('event');
    const swapped = this.swapped;
    this.swapped = undefined;
    this.cancelSwap?.();
    this.cancelSwap = undefined;
    switch (fault) {
      case 'event-drop':
        break;
      case 'event-duplicate':
        this.queue.push(event, structuredClone(event));
        break;
      case 'event-reorder':
        if (swapped) this.queue.push(event);
        else this.holdBack(event);
        break;
      case 'event-delay':
        this.queue.push(event);
        this.stall(this.adapter.between(this.adapter.plan.stallMs));
        break;
      case 'stream-error':
        this.terminate(someNetworkError(this.adapter.random));
        return;
      case 'stream-complete':
        this.terminate(undefined);
        return;
      case 'stream-resync':
        this.terminate(resyncRequired());
        return;
      default:
        this.queue.push(event);
    }
    if (swapped) this.queue.push(swapped);
    this.pump();
  }

  /** Holds an event back until the next one has gone (or a while has passed). */
  private holdBack(event: ServerEvent): void {
    this.swapped = event;
    this.cancelSwap = this.adapter.clock.after(2_000, () => {
      this.cancelSwap = undefined;
      this.releaseSwapped();
    });
  }

  private releaseSwapped(): void {
    const swapped = this.swapped;
    this.swapped = undefined;
    this.cancelSwap?.();
    this.cancelSwap = undefined;
    if (swapped) this.queue.push(swapped);
    this.pump();
  }

  private stall(ms: number): void {
    this.stalled = true;
    this.cancelStall?.();
    this.cancelStall = this.adapter.clock.after(ms, () => {
      this.cancelStall = undefined;
      this.stalled = false;
      this.pump();
    });
  }

  /** Delivers queued events while nothing holds them. */
  pump(): void {
    while (!this.closed && !this.stalled && !this.adapter.outage && this.queue.length > 0) {
      this.subscriber.next(this.queue.shift() as ServerEvent);
    }
  }

  /** The network healed: no more stalls or held-back events. */
  heal(): void {
    this.cancelStall?.();
    this.cancelStall = undefined;
    this.stalled = false;
    this.releaseSwapped();
  }

  /** Ends the stream: an error, or a quiet completion when `error` is undefined. */
  terminate(error: unknown): void {
    if (this.closed) return;
    this.close();
    if (error === undefined) this.subscriber.complete();
    else this.subscriber.error(error);
  }

  /** Releases the inner subscription and timers. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelStall?.();
    this.cancelSwap?.();
    this.queue.length = 0;
    this.swapped = undefined;
    this.innerSubscription?.unsubscribe();
    this.adapter.streams.delete(this);
  }
}

class Chaos extends AdapterBase implements ChaosAdapter {
  readonly connection$: Observable<ConnectionState>;
  readonly tabRole$?: Observable<TabRole>;
  readonly calls: ChaosCalls = {
    snapshot: 0,
    events: 0,
    execute: 0,
    history: 0,
    search: 0,
    report: 0,
    customers: 0,
  };
  readonly random: () => number;
  readonly clock: Pick<VirtualClock, 'now' | 'after'>;
  readonly plan: FaultPlan;
  /** The current outage, if the connection is down. */
  outage: FaultKind | undefined;
  readonly streams = new Set<ChaosStream>();
  readonly log: InjectedFault[] = [];

  private readonly state = new BehaviorSubject<ConnectionState>('connecting');
  private innerState: ConnectionState = 'connecting';
  private readonly latencyMs: readonly [number, number];
  /** Moves at each outage: an answer from before it is lost. */
  private epoch = 0;
  private readonly armed = new Map<FaultSite, FaultKind>();
  private cancelOutage: (() => void) | undefined;
  private cancelAmbient: (() => void) | undefined;
  private readonly stopListening: () => void;
  private readonly innerSubscription: Subscription;
  private disposed = false;

  constructor(
    readonly inner: TransportAdapter,
    options: ChaosAdapterOptions,
  ) {
    super();
    this.random = options.random;
    this.clock = options.clock;
    this.plan = options.plan;
    this.latencyMs = options.latencyMs ?? [0, 0];
    this.connection$ = this.state.asObservable();
    if (inner.tabRole$) this.tabRole$ = inner.tabRole$;
    // Customers on demand exactly when the inner adapter reads them (its snapshot carries them otherwise).
    if (!inner.customers) Object.defineProperty(this, 'customers', { value: undefined });
    this.innerSubscription = inner.connection$.subscribe({
      next: (state) => {
        this.innerState = state;
        this.publish();
      },
      error: () => {
        this.innerState = 'failed';
        this.publish();
      },
    });
    this.stopListening = this.plan.onStop(() => this.heal());
    this.scheduleAmbient();
  }

  get online(): boolean {
    return !this.disposed && this.outage === undefined;
  }

  /** A number in `[min, max]` from the seeded source. */
  between([min, max]: readonly [number, number]): number {
    return max <= min ? min : min + Math.floor(this.random() * (max - min + 1));
  }

  /** The fault at one opportunity of `site`: an armed one, or a draw. */
  fault(site: FaultSite): FaultKind | undefined {
    const armed = this.armed.get(site);
    if (armed) {
      this.armed.delete(site);
      this.log.push({ kind: armed, site, at: this.clock.now() });
      return armed;
    }
    const kind = this.plan.draw(site, this.random);
    if (kind) this.log.push({ kind, site, at: this.clock.now() });
    return kind;
  }

  private publish(): void {
    if (this.disposed) return;
    const up = this.innerState === 'online' || this.innerState === 'connecting';
    const state = this.outage && up ? 'reconnecting' : this.innerState;
    if (state !== this.state.value) this.state.next(state);
  }

  // ── outages ────────────────────────────────────────────────────────────────────────────────

  private scheduleAmbient(): void {
    if (this.disposed || !this.plan.active) return;
    const mean = this.plan.ambientMeanMs;
    const gap = exponentialGapMs(this.random, mean);
    this.cancelAmbient = this.clock.after(gap, () => {
      this.cancelAmbient = undefined;
      if (this.outage === undefined) {
        const kind = this.plan.draw('ambient', this.random);
        if (kind) {
          this.log.push({ kind, site: 'ambient', at: this.clock.now() });
          this.startOutage(kind);
        }
      }
      this.scheduleAmbient();
    });
  }

  private startOutage(kind: FaultKind): void {
    if (this.disposed) return;
    this.cancelOutage?.();
    this.epoch++;
    this.outage = kind;
    this.publish();
    if (kind === 'flap-stream-error' || kind === 'flap-stream-complete') {
      for (const stream of [...this.streams])
        stream.terminate(kind === 'flap-stream-error' ? someNetworkError(this.random) : undefined);
    }
    this.cancelOutage = this.clock.after(this.between(this.plan.outageMs), () => {
      this.cancelOutage = undefined;
      this.endOutage();
    });
  }

  private endOutage(): void {
    if (this.outage === undefined) return;
    this.cancelOutage?.();
    this.cancelOutage = undefined;
    this.outage = undefined;
    this.publish();
    for (const stream of [...this.streams]) stream.pump();
  }

  heal(): void {
    this.cancelAmbient?.();
    this.cancelAmbient = undefined;
    this.armed.clear();
    this.endOutage();
    for (const stream of [...this.streams]) stream.heal();
  }

  inject(kind: FaultKind): boolean {
    if (this.disposed || TRANSPORT_FAULT_KINDS.includes(kind as TransportFaultKind)) return false;
    this.plan.record(kind);
    if (FAULT_SITES.ambient.includes(kind)) {
      this.log.push({ kind, site: 'ambient', at: this.clock.now() });
      this.startOutage(kind);
      return true;
    }
    for (const site of Object.keys(FAULT_SITES) as FaultSite[]) {
      if (site !== 'ambient' && FAULT_SITES[site].includes(kind)) this.armed.set(site, kind);
    }
    return true;
  }

  // ── requests ───────────────────────────────────────────────────────────────────────────────

  /** One leg of a request's trip. */
  private travel(): Promise<void> {
    const ms = this.between(this.latencyMs);
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => this.clock.after(ms, resolve));
  }

  /** Whether an answer sent at `epoch` still arrives. */
  private arrives(epoch: number): boolean {
    return this.online && epoch === this.epoch;
  }

  async execute<C extends Command>(command: C): Promise<CommandResult<C>> {
    this.calls.execute++;
    if (!this.online) {
      await this.travel();
      throw someNetworkError(this.random);
    }
    const fault = this.fault('execute');
    const epoch = this.epoch;
    if (fault === 'execute-hangs') {
      // Whether the request reached the backend is unknown to the client: either happens.
      if (this.random() < 0.5) void this.inner.execute(command).catch(() => undefined);
      return never();
    }
    await this.travel();
    if (fault === 'execute-throws' || !this.arrives(epoch)) throw someNetworkError(this.random);
    const result = await this.inner.execute(command);
    await this.travel();
    if (fault === 'response-lost' || !this.arrives(epoch)) throw someNetworkError(this.random);
    return result;
  }

  /** A read through the faults of its site (the read's `op`). */
  protected async read(request: ReadRequest): Promise<unknown> {
    const site = request.op;
    this.calls[site]++;
    if (!this.online) {
      await this.travel();
      throw someNetworkError(this.random);
    }
    const fault = site === 'report' ? undefined : this.fault(site);
    if (fault === 'read-hangs') return never();
    const epoch = this.epoch;
    await this.travel();
    if (fault !== undefined || !this.arrives(epoch)) throw someNetworkError(this.random);
    const value = await sendRequest(this.inner, request);
    await this.travel();
    if (!this.arrives(epoch)) throw someNetworkError(this.random);
    return value;
  }

  events(sinceSeq: number): Observable<ServerEvent> {
    return new Observable<ServerEvent>((subscriber) => {
      this.calls.events++;
      if (this.disposed) {
        subscriber.complete();
        return undefined;
      }
      if (!this.online) {
        // The connection cannot be opened: it fails a moment later, as a socket would.
        const error = someNetworkError(this.random);
        return this.clock.after(0, () => subscriber.error(error));
      }
      const stream = new ChaosStream(this, subscriber);
      this.streams.add(stream);
      stream.innerSubscription = this.inner.events(sinceSeq).subscribe({
        next: (event) => stream.receive(event),
        error: (error: unknown) => stream.terminate(error),
        complete: () => stream.terminate(undefined),
      });
      if (stream.closed) stream.innerSubscription.unsubscribe();
      return () => stream.close();
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.cancelAmbient?.();
    this.cancelOutage?.();
    this.stopListening();
    for (const stream of [...this.streams]) stream.terminate(undefined);
    this.disposed = true;
    this.innerSubscription.unsubscribe();
    this.inner.dispose?.();
    this.state.next('offline');
    this.state.complete();
  }
}
