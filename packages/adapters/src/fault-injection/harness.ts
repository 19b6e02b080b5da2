/**
 * The chaos run: a memory backend with its customer simulator, three operators and a supervisor
 * working through clients on chaos adapters, a reload in mid-flight and a second tab, all on
 * one virtual clock; then the faults stop, the network heals, time passes, and every client is
 * checked against the backend's ground truth.
 *
 * The same run goes over a real transport too: on a real-time clock, with the transport a test
 * sets up (servers over the run's backend or another, WebSockets, faults on the sockets).
 */
import {
  createMemoryOutbox,
  type ClientResult,
  type ConversationState,
  type Id,
  type LiveChatClient,
  type LiveChatClientOptions,
  type OutboxStore,
  type TransportAdapter,
} from '@live-chat/core';
import { andThen } from '@live-chat/core/engine';
import { createMemoryBackend, type MemoryBackend } from '../memory/backend.js';
import { createRandom } from '../memory/random.js';
import { createSeedData, SEED_LIVE_CHATS, SEED_USERS } from '../memory/seed.js';
import { createCustomerSimulator } from '../memory/simulator.js';
import type { SeedData } from '../memory/state.js';
import type { ChaosAdapter } from './chaos-adapter.js';
import { Actor, type CommandRecord, type SendRecord, type Stage } from './actors.js';
import {
  checkConversations,
  checkNavigation,
  checkSends,
  checkSettled,
  checkWhileRunning,
  Findings,
  shownConversations,
  storedTexts,
  unstoredSends,
} from './checks.js';
import { createVirtualClock, type VirtualClock } from './clock.js';
import { startRunCustomers } from './customers.js';
import {
  createFaultPlan,
  FAULT_KINDS,
  TRANSPORT_FAULT_KINDS,
  type FaultKind,
  type FaultPlan,
} from './plan.js';
import {
  combineReports,
  emptyFigures,
  figureOf,
  type ChaosReport,
  type ChaosRunReport,
} from './report.js';
import { Tab, type TabContext } from './tab.js';
import {
  driveTransportFaults,
  type ChaosTransport,
  type ChaosTransportSetup,
  type TransportFaults,
} from './transport.js';
import { readGroundTruth, type Awaitable, type ChaosBackend, type GroundTruth } from './truth.js';

/** Options of {@link runChaos}. */
export interface ChaosOptions {
  /** One seed to run (default 1). */
  seed?: number;
  /** Several seeds, run one after another (wins over `seed`). */
  seeds?: readonly number[];
  /** Faults to inject per seed (default 200); 0 for a fault-free run. */
  faults?: number;
  /**
   * How long the actors work, in virtual ms. By default they work until the faults are spent
   * (at least `minActiveMs`, at most `maxActiveMs`); a fault-free run for comparison passes
   * the faulted run's `activeMs`.
   */
  durationMs?: number;
  /** Shortest working time when `durationMs` is not given (default 120,000). */
  minActiveMs?: number;
  /** Longest working time when `durationMs` is not given (default 1,800,000). */
  maxActiveMs?: number;
  /** Virtual time left to settle after the faults stop (default 120,000). */
  settleMs?: number;
  /**
   * Most extra time the clients get to agree with the backend before the final checks count
   * (default 0). A run on real time wants some: how long a loaded machine takes is not known,
   * and a client that never agrees still fails.
   */
  convergeMs?: number;
  /**
   * Chance of each fault kind per opportunity (see `DEFAULT_FAULT_RATES`). Over a transport
   * that injects faults of its own, the in-process kinds default to 0, and kinds the transport
   * cannot inject stay 0.
   */
  rates?: Partial<Record<FaultKind, number>>;
  /**
   * Most faults of one kind per seed. By default snapshot-forcing faults are capped
   * (`stream-resync` 2, `snapshot-fails` 2), so a client that resumes from its last seq
   * after anything else stays within twice the fault-free recovery cost.
   */
  limits?: Partial<Record<FaultKind, number>>;
  /** Mean time between two ambient (connection) fault draws of one adapter (default 20,000 ms). */
  ambientMeanMs?: number;
  /** Range of each request leg's latency, in ms (default 1–30). */
  latencyMs?: readonly [number, number];
  /** Customer messages per minute of the simulator (default 6). */
  customerRatePerMinute?: number;
  /** Extra client options (e.g. `commandDeadlineMs`, `requestTimeoutMs`). */
  clientOptions?: Partial<LiveChatClientOptions>;
  /** How the run connects a user to the backend (default `backend.connect(userId)`). */
  connect?: (backend: MemoryBackend, userId: Id) => TransportAdapter;
  /**
   * The run's clock, starting at the run's start time (default {@link createVirtualClock}).
   * A run over real sockets takes `(start) => createRealTimeClock({ startMs: start, scale })`:
   * it does not replay exactly, and every duration of these options is in the clock's ms.
   */
  clock?: (startMs: number) => VirtualClock;
  /**
   * Sets up the run's transport before the actors start (wins over `connect`): e.g. a server
   * over the run's memory backend, reached by every tab over WebSockets, with faults on the
   * sockets; or servers over a backend of their own, which the run then reads its truth from.
   * Disposed after the checks.
   */
  transport?: (setup: ChaosTransportSetup) => Promise<ChaosTransport>;
  /** Mean time between two draws of the transport's faults (default 5,000 ms). */
  transportMeanMs?: number;
  /** Also run each seed without faults and compare the cost of recovery. */
  measureRecovery?: boolean;
  /** Violation lines kept in the combined report (default 20). */
  maxViolations?: number;
  /** Called after each seed's checks, before its world is disposed: to look into a failure. */
  inspect?: (world: ChaosWorld) => void | Promise<void>;
  /** Called after each seed (e.g. to print progress). */
  onRun?: (report: ChaosRunReport, recovery?: RecoveryCost) => void;
}

/** A seed's world, as {@link ChaosOptions.inspect} sees it after the checks. */
export interface ChaosWorld {
  seed: number;
  /** The run's backend: its memory backend, or the transport's. */
  backend: ChaosBackend;
  /** The backend's truth as the final checks read it. */
  truth: GroundTruth;
  clock: VirtualClock;
  plan: FaultPlan;
  /** Every tab of the run, closed ones (reloaded) included. */
  tabs: readonly {
    name: string;
    userId: Id;
    client: LiveChatClient;
    adapter: ChaosAdapter;
    disposed: boolean;
    /** Open conversations and their latest state. */
    watching: ReadonlyMap<Id, { state: ConversationState | undefined }>;
  }[];
}

/** What recovering from faults cost, against the same seed without faults. */
export interface RecoveryCost {
  seed: number;
  faultFree: { snapshots: number; historyCalls: number; violations: number };
  faulted: { snapshots: number; historyCalls: number };
  /** `faulted / faultFree` (Infinity when the fault-free count is 0 and the faulted is not). */
  snapshotRatio: number;
  historyRatio: number;
  /** Whether both ratios are at most 2. */
  withinTwice: boolean;
}

/** A {@link ChaosReport} with the recovery cost, when measured. */
export interface ChaosSuiteReport extends ChaosReport {
  /** Present when `measureRecovery` was set. */
  recovery?: {
    faultFree: { snapshots: number; historyCalls: number; violations: number };
    /** Seeds whose faulted run cost more than twice the fault-free one. */
    seedsOverTwice: number[];
    perSeed: RecoveryCost[];
  };
}

/** The moment every run starts at: a Monday morning, so seed data and runs never depend on today. */
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

let seedData: SeedData | undefined;
/** The demo data (computed once; each run gets its own copy). */
function freshSeedData(): SeedData {
  seedData ??= createSeedData({ seed: 1, now: START });
  return structuredClone(seedData);
}

/** A 32-bit seed for one purpose of one run (FNV-1a over `seed/purpose`). */
function derive(seed: number, purpose: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}/${purpose}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Adds the run's default caps to the caller's. */
function limitsOf(options: ChaosOptions): Partial<Record<FaultKind, number>> {
  return { 'stream-resync': 2, 'snapshot-fails': 2, ...options.limits };
}

/**
 * The caller's rates; over a transport that injects faults of its own, the in-process kinds
 * are off unless the caller turns them on, and the kinds the transport cannot inject are off.
 */
function ratesOf(
  options: ChaosOptions,
  faults: TransportFaults | undefined,
): Partial<Record<FaultKind, number>> | undefined {
  if (!faults) return options.rates;
  const off = (kinds: readonly FaultKind[]) => Object.fromEntries(kinds.map((kind) => [kind, 0]));
  const inProcess = FAULT_KINDS.filter((kind) => !TRANSPORT_FAULT_KINDS.includes(kind as never));
  const unsupported = TRANSPORT_FAULT_KINDS.filter((kind) => !faults.kinds.includes(kind));
  return { ...off(inProcess), ...options.rates, ...off(unsupported) };
}

/** The operators and the supervisor who work in every run. */
const PEOPLE: readonly {
  userId: Id;
  role: 'operator' | 'supervisor';
  pauseMs: [number, number];
}[] = [
  { userId: SEED_USERS.operatorA, role: 'operator', pauseMs: [800, 4_000] },
  { userId: SEED_USERS.operatorB, role: 'operator', pauseMs: [800, 4_000] },
  { userId: SEED_USERS.operatorC, role: 'operator', pauseMs: [800, 4_000] },
  { userId: SEED_USERS.supervisor, role: 'supervisor', pauseMs: [1_500, 6_000] },
];

/** The customers of a run, whichever backend they write to. */
interface Customers {
  stop(): Awaitable<void>;
}

/** One seed's world. */
class Run implements Stage {
  readonly plan: FaultPlan;
  readonly findings: Findings;
  /** Where customers write and the truth lives: the memory backend, or the transport's. */
  readonly backend: ChaosBackend;
  readonly sends: SendRecord[] = [];
  readonly commands: CommandRecord[] = [];
  readonly tabs: Tab[] = [];
  readonly actors: Actor[] = [];
  acting = true;
  private readonly sendsByText = new Map<string, SendRecord>();
  private readonly outboxes = new Map<Id, OutboxStore>();
  private readonly tabCounts = new Map<Id, number>();
  private readonly memberships = new Map<Id, readonly Id[]>();
  private readonly context: TabContext;
  private transportFaults: { settled(): Promise<void> } | undefined;
  private texts = 0;

  /** Sets a seed's world up: its clock, its backend, and its transport when there is one. */
  static async create(seed: number, options: ChaosOptions): Promise<Run> {
    const clock = (options.clock ?? createVirtualClock)(START);
    const memory = createMemoryBackend({ seed: freshSeedData(), now: () => clock.now() });
    const random = (purpose: string) => createRandom(derive(seed, purpose)).next;
    let transport: ChaosTransport | undefined;
    try {
      transport = await options.transport?.({
        backend: memory,
        seedData: freshSeedData,
        clock,
        random,
      });
      const run = new Run(seed, options, clock, memory, transport);
      await run.learnMemberships();
      return run;
    } catch (error) {
      await transport?.dispose();
      await memory.dispose();
      throw error;
    }
  }

  private constructor(
    readonly seed: number,
    private readonly options: ChaosOptions,
    readonly clock: VirtualClock,
    /** The run's memory backend: its truth, unless the transport brings a backend of its own. */
    private readonly memory: MemoryBackend,
    private readonly transport: ChaosTransport | undefined,
  ) {
    this.findings = new Findings(seed);
    this.backend = transport?.backend ?? memory;
    const faults = options.faults ?? 200;
    this.plan = createFaultPlan({
      budget: faults,
      rates: ratesOf(options, transport?.faults),
      limits: limitsOf(options),
      ambientMeanMs: options.ambientMeanMs,
    });
    const connect = options.connect ?? ((backend, userId) => backend.connect(userId));
    this.context = {
      clock,
      plan: this.plan,
      connect: (userId) => transport?.connect(userId) ?? connect(memory, userId),
      random: (purpose) => createRandom(derive(seed, purpose)).next,
      latencyMs: options.latencyMs ?? [1, 30],
      clientOptions: options.clientOptions ?? {},
      liveChatsOf: (userId) => this.memberships.get(userId) ?? [],
      problem: (kind, message) => this.findings.add(kind, message),
    };
  }

  /** The live chats of everyone who works in the run (their menus). */
  private async learnMemberships(): Promise<void> {
    for (const { userId } of PEOPLE) {
      const viewer = await this.backend.snapshot(userId);
      this.memberships.set(userId, viewer.ok ? viewer.value.liveChats.map((chat) => chat.id) : []);
    }
  }

  /** The truth when the backend is the run's memory backend: read at once, whenever needed. */
  private get localTruth(): GroundTruth | undefined {
    return this.backend === this.memory ? this.memory : undefined;
  }

  // ── Stage ──────────────────────────────────────────────────────────────────────────────────

  now(): number {
    return this.clock.now();
  }

  after(ms: number, task: () => void): void {
    this.clock.after(ms, task);
  }

  nextText(author: string): string {
    return `${author} note ${++this.texts} of seed ${this.seed}`;
  }

  track<T>(
    tab: Tab,
    label: string,
    result: Promise<ClientResult<T>>,
    onResult?: (result: ClientResult<T>) => void,
  ): void {
    const record: CommandRecord = { tab, label, since: this.clock.now(), settled: false };
    this.commands.push(record);
    result.then(
      (value) => {
        record.settled = true;
        onResult?.(value);
      },
      (error: unknown) => {
        record.settled = true;
        this.findings.add('command-rejected', `${tab.name}: ${label} rejected: ${String(error)}`);
      },
    );
  }

  recordSend(record: SendRecord): void {
    this.sends.push(record);
    this.sendsByText.set(record.text, record);
  }

  findSend(text: string): SendRecord | undefined {
    return this.sendsByText.get(text);
  }

  // ── tabs and people ────────────────────────────────────────────────────────────────────────

  /** A new tab of `userId`, on the user's one outbox (tabs of a user share their storage). */
  openTab(userId: Id): Tab {
    const count = (this.tabCounts.get(userId) ?? 0) + 1;
    this.tabCounts.set(userId, count);
    let outbox = this.outboxes.get(userId);
    if (!outbox) this.outboxes.set(userId, (outbox = createMemoryOutbox()));
    const tab = new Tab(this.context, `${userId}#${count}`, userId, outbox);
    this.tabs.push(tab);
    return tab;
  }

  addActor(
    userId: Id,
    role: 'operator' | 'supervisor',
    pauseMs: [number, number],
    label = '',
  ): Actor {
    const name = `${userId}${label}`;
    const actor = new Actor(
      this,
      name,
      role,
      this.openTab(userId),
      createRandom(derive(this.seed, `actor/${name}`)),
      pauseMs,
    );
    this.actors.push(actor);
    actor.start();
    return actor;
  }

  /** Closes the actor's tab right after it sent something, and opens it again (same outbox). */
  reload(actor: Actor, delayMs: number, r1: number, r2: number): void {
    if (!this.acting) return;
    actor.send(r1, r2);
    this.clock.after(delayMs, () => {
      const old = actor.tab;
      if (old.disposed) return;
      const open = [...old.watching.keys()];
      for (const send of this.sends)
        if (send.tab === old && send.outcome === 'in-flight') send.interrupted = true;
      old.dispose();
      actor.tab = this.openTab(old.userId);
      for (const sessionId of open) actor.tab.watch(sessionId);
    });
  }

  liveTabs(): Tab[] {
    return this.tabs.filter((tab) => !tab.disposed);
  }

  /**
   * Customers start writing: the memory backend's simulator on the run's clock, or, on a
   * backend that answers with promises, the run's own customers.
   */
  startCustomers(): Customers {
    const ratePerMinute = this.options.customerRatePerMinute ?? 6;
    const replyDelayMs = [3_000, 15_000] as const;
    const seed = derive(this.seed, 'customers');
    if (this.localTruth) {
      const simulator = createCustomerSimulator(this.memory, {
        seed,
        scheduler: this.clock,
        ratePerMinute,
        replyDelayMs,
      });
      simulator.start();
      return simulator;
    }
    return startRunCustomers(this.backend, {
      random: createRandom(seed),
      clock: this.clock,
      directory: freshSeedData(),
      ratePerMinute,
      replyDelayMs,
      onError: (what, error) =>
        this.findings.add('unhandled-rejection', `customers: ${what} failed: ${String(error)}`),
    });
  }

  /** The transport's own faults start being drawn, when it has any. */
  startTransportFaults(): void {
    const faults = this.transport?.faults;
    if (!faults) return;
    this.transportFaults = driveTransportFaults(faults, {
      clock: this.clock,
      plan: this.plan,
      random: createRandom(derive(this.seed, 'transport-faults')).next,
      meanMs: this.options.transportMeanMs ?? 5_000,
      onError: (what, error) =>
        this.findings.add('unhandled-rejection', `transport: ${what} failed: ${String(error)}`),
    });
  }

  /** A brand-new customer writes to every live chat: fresh events for everyone. */
  finalWave(): Awaitable<unknown>[] {
    const backend = this.backend;
    return [SEED_LIVE_CHATS.support, SEED_LIVE_CHATS.helpDesk].map((liveChatId) =>
      andThen(
        backend.addCustomer({
          kind: 'external',
          name: `Last Visitor ${liveChatId}`,
          account: `visitor-final-${liveChatId}`,
          messenger: 'web',
        }),
        (customer) =>
          customer.ok &&
          backend.customerWrites({
            customerId: customer.value.id,
            liveChatId,
            channel: 'web',
            text: 'Hello, is anyone there?',
          }),
      ),
    );
  }

  /**
   * What must hold at every moment, on every live tab. A backend that answers with promises is
   * read after what the tabs show is taken, so nothing they show is newer than what was read.
   */
  checkWhileRunning(): Awaitable<void> {
    const tabs = this.liveTabs();
    const local = this.localTruth;
    if (local) {
      for (const tab of tabs) checkWhileRunning(tab, local, this.findings);
      return;
    }
    const shown = tabs.map(shownConversations);
    const sessions = [...new Set(shown.flatMap((conversations) => [...conversations.keys()]))];
    return readGroundTruth(this.backend, { sessions }).then((truth) =>
      tabs.forEach((tab, i) => checkWhileRunning(tab, truth, this.findings, shown[i])),
    );
  }

  /** The backend's truth for the final checks: every session, and each live tab's user. */
  groundTruth(): Awaitable<GroundTruth> {
    const users = [...new Set(this.liveTabs().map((tab) => tab.userId))];
    return this.localTruth ?? readGroundTruth(this.backend, { users });
  }

  /** Closes every tab, then lets go of the transport and the backend. */
  async dispose(): Promise<void> {
    for (const tab of this.tabs) tab.dispose();
    await this.transportFaults?.settled();
    await this.transport?.dispose();
    await this.memory.dispose();
  }
}

/** Every adapter call of the run's tabs. */
function callsOf(tabs: readonly Tab[]): { snapshots: number; historyCalls: number } {
  let snapshots = 0;
  let historyCalls = 0;
  for (const tab of tabs) {
    snapshots += tab.adapter.calls.snapshot;
    historyCalls += tab.adapter.calls.history;
  }
  return { snapshots, historyCalls };
}

/** Lets a macrotask pass: pending unhandled-rejection reports come in. */
const tick = (): Promise<void> =>
  new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

/** The final checks of every live tab against the backend's truth; answers the truth read. */
async function checkAtTheEnd(
  run: Run,
  live: readonly Tab[],
  findings: Findings,
): Promise<GroundTruth> {
  const truth = await run.groundTruth();
  for (const tab of live) {
    checkSettled(tab, run.commands, findings);
    checkNavigation(tab, truth, findings);
    checkConversations(tab, truth, findings);
  }
  checkSends(run.sends, storedTexts(truth), live, findings);
  return truth;
}

/** Runs one seed and checks it (see {@link runChaos}). */
export async function runChaosSeed(
  seed: number,
  options: ChaosOptions = {},
): Promise<ChaosRunReport> {
  const run = await Run.create(seed, options);
  const { clock, plan, findings } = run;
  const onUnhandled = (reason: unknown): void =>
    findings.add(
      'unhandled-rejection',
      reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason),
    );
  const processRef = typeof process === 'object' ? process : undefined;
  processRef?.on('unhandledRejection', onUnhandled);
  try {
    const harness = createRandom(derive(seed, 'harness'));
    const customers = run.startCustomers();
    const people = PEOPLE.map((person) => run.addActor(person.userId, person.role, person.pauseMs));
    run.startTransportFaults();

    // A reload in mid-flight and a second tab, at seeded moments.
    const operators = people.filter((actor) => actor.role === 'operator');
    const reloaded = operators[harness.int(0, operators.length - 1)] as Actor;
    const reloadAt = harness.int(15_000, 75_000);
    const reloadDelay = harness.int(0, 60);
    const [r1, r2] = [harness.next(), harness.next()];
    clock.after(reloadAt, () => run.reload(reloaded, reloadDelay, r1, r2));
    const twice = operators[harness.int(0, operators.length - 1)] as Actor;
    clock.after(harness.int(10_000, 90_000), () => {
      if (run.acting) run.addActor(twice.tab.userId, 'operator', [1_500, 6_000], ' (second tab)');
    });

    // Work while faults are injected.
    const started = clock.now();
    const minActive = options.minActiveMs ?? 120_000;
    const maxActive = options.maxActiveMs ?? 1_800_000;
    for (let second = 1; ; second++) {
      await clock.advance(1_000);
      if (second % 5 === 0) await run.checkWhileRunning();
      const elapsed = clock.now() - started;
      if (options.durationMs !== undefined ? elapsed >= options.durationMs : elapsed >= maxActive)
        break;
      if (options.durationMs === undefined && elapsed >= minActive && !plan.active) break;
    }
    const activeMs = clock.now() - started;

    // The faults stop, the network heals; customers write on a while (so every stream moves),
    // then everything goes quiet and time passes.
    plan.stop();
    run.acting = false;
    await clock.advance(30_000);
    await Promise.all(run.finalWave());
    await clock.advance(2_000);
    await customers.stop();
    const settleMs = options.settleMs ?? 120_000;
    for (let waited = 0; waited < settleMs; waited += 10_000) await clock.advance(10_000);
    const cost = callsOf(run.tabs);

    // Open again every conversation each tab had open before (cached ones must not be stale),
    // and those where a failed send must show; let them load, then check.
    const stored = storedTexts(await run.groundTruth());
    const live = run.liveTabs();
    for (const tab of live) for (const sessionId of [...tab.opened]) tab.watch(sessionId, Infinity);
    for (const send of unstoredSends(run.sends, stored)) {
      for (const tab of live) {
        if (tab.userId === send.userId && send.sessionId !== undefined)
          tab.watch(send.sessionId, Infinity);
      }
    }
    await clock.advance(10_000);
    // On real time a loaded machine may need longer: give the clients up to `convergeMs` more
    // to agree with the backend before the checks count.
    for (let waited = 0; waited < (options.convergeMs ?? 0); waited += 1_000) {
      const trial = new Findings(seed);
      await checkAtTheEnd(run, live, trial);
      if (trial.violations.length === 0) break;
      await clock.advance(1_000);
    }
    const truth = await checkAtTheEnd(run, live, findings);
    await tick();

    const figures = emptyFigures();
    for (const violation of findings.violations)
      figures[figureOf(violation.kind)] += violation.count;
    const sends = { ok: 0, failed: 0, interrupted: 0 };
    for (const send of run.sends) {
      if (send.outcome === 'ok') sends.ok++;
      else if (send.interrupted) sends.interrupted++;
      else sends.failed++;
    }
    await options.inspect?.({
      seed,
      backend: run.backend,
      truth,
      clock,
      plan,
      tabs: run.tabs,
    });
    return {
      seed,
      faults: plan.injected,
      faultsByKind: plan.counts(),
      activeMs,
      ...figures,
      snapshots: cost.snapshots,
      historyCalls: cost.historyCalls,
      sends,
      checked: findings.checked,
      violations: findings.violations,
    };
  } finally {
    await run.dispose();
    processRef?.off('unhandledRejection', onUnhandled);
  }
}

/** Runs a seed with faults, then without (as long), and compares what recovery cost. */
export async function measureRecoveryCost(
  seed: number,
  options: ChaosOptions = {},
): Promise<{ faulted: ChaosRunReport; cost: RecoveryCost }> {
  const faulted = await runChaosSeed(seed, options);
  const free = await runChaosSeed(seed, { ...options, faults: 0, durationMs: faulted.activeMs });
  const ratio = (a: number, b: number): number => (b === 0 ? (a === 0 ? 1 : Infinity) : a / b);
  const snapshotRatio = ratio(faulted.snapshots, free.snapshots);
  const historyRatio = ratio(faulted.historyCalls, free.historyCalls);
  return {
    faulted,
    cost: {
      seed,
      faultFree: {
        snapshots: free.snapshots,
        historyCalls: free.historyCalls,
        violations: free.violations.length,
      },
      faulted: { snapshots: faulted.snapshots, historyCalls: faulted.historyCalls },
      snapshotRatio,
      historyRatio,
      withinTwice: snapshotRatio <= 2 && historyRatio <= 2,
    },
  };
}

/**
 * Runs the seeded chaos suite: for each seed, a memory backend with seed data and its customer
 * simulator, three operators and a supervisor (each with a client on a chaos adapter, on one
 * virtual clock), a reload in mid-flight and a second tab; `faults` faults are injected while
 * they work; then the network heals, time passes, and every client is checked against the
 * backend. Returns the sums over the seeds and the first violations.
 *
 * The same seed and options always give the same report (provided the client takes every
 * timer from its `scheduler` option).
 */
export async function runChaos(options: ChaosOptions = {}): Promise<ChaosSuiteReport> {
  const seeds = options.seeds ?? [options.seed ?? 1];
  const runs: ChaosRunReport[] = [];
  const perSeed: RecoveryCost[] = [];
  for (const seed of seeds) {
    if (options.measureRecovery) {
      const { faulted, cost } = await measureRecoveryCost(seed, options);
      runs.push(faulted);
      perSeed.push(cost);
      options.onRun?.(faulted, cost);
    } else {
      const report = await runChaosSeed(seed, options);
      runs.push(report);
      options.onRun?.(report);
    }
  }
  const report: ChaosSuiteReport = combineReports(runs, options.maxViolations ?? 20);
  if (options.measureRecovery) {
    const faultFree = { snapshots: 0, historyCalls: 0, violations: 0 };
    for (const cost of perSeed) {
      faultFree.snapshots += cost.faultFree.snapshots;
      faultFree.historyCalls += cost.faultFree.historyCalls;
      faultFree.violations += cost.faultFree.violations;
    }
    report.recovery = {
      faultFree,
      seedsOverTwice: perSeed.filter((cost) => !cost.withinTwice).map((cost) => cost.seed),
      perSeed,
    };
  }
  return report;
}
