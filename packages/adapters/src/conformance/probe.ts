/**
 * What the conformance checks drive a harness with: adapters per user, event recorders that
 * start from a snapshot, command helpers and convergence checks.
 */
import type { Subscription } from 'rxjs';
import { MAX_CUSTOMER_IDS } from '@live-chat/core';
import type {
  Command,
  CommandInput,
  CommandResult,
  Customer,
  ErrorCode,
  Id,
  ServerEvent,
  Session,
  Snapshot,
  TransportAdapter,
} from '@live-chat/core';
import { check, checkEqual, checkError, checkOk, ConformanceError } from './assert.js';
import { comparable, foldEvents, stateFromSnapshot, type FoldedState } from './fold.js';
import type { ConformanceHarness } from './harness.js';

let commandCounter = 0;
/** A command id unique enough for one test run, without relying on `crypto`. */
export const newCommandId = () =>
  `conformance-${Date.now().toString(36)}-${(++commandCounter).toString(36)}`;

/** Polls `condition` until it holds or `timeoutMs` passes. */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new ConformanceError(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Records one user's event stream from a snapshot on. */
export class Recorder {
  readonly events: ServerEvent[] = [];
  error: unknown;
  private subscription: Subscription | undefined;

  constructor(
    readonly userId: Id,
    readonly adapter: TransportAdapter,
    readonly snapshot: Snapshot,
    private readonly timeoutMs: number,
  ) {
    this.subscription = adapter.events(snapshot.seq).subscribe({
      next: (event) => this.events.push(event),
      error: (error: unknown) => (this.error = error),
    });
  }

  lastSeq(): number {
    return this.events.at(-1)?.seq ?? this.snapshot.seq;
  }

  /** Waits until the stream has delivered `seq`. */
  async reach(seq: number): Promise<void> {
    await waitUntil(
      () => this.error !== undefined || this.lastSeq() >= seq,
      `${this.userId}'s stream to reach seq ${seq}`,
      this.timeoutMs,
    );
    if (this.error !== undefined)
      throw new ConformanceError(
        `${this.userId}'s event stream failed: ${String((this.error as Error).message ?? this.error)}`,
      );
  }

  /** Waits for an event matching `predicate` and returns it. */
  async waitFor<E extends ServerEvent>(
    predicate: (event: ServerEvent) => event is E,
    what: string,
  ): Promise<E>;
  async waitFor(predicate: (event: ServerEvent) => boolean, what: string): Promise<ServerEvent>;
  async waitFor(predicate: (event: ServerEvent) => boolean, what: string): Promise<ServerEvent> {
    await waitUntil(
      () => this.error !== undefined || this.events.some(predicate),
      `${what} on ${this.userId}'s stream`,
      this.timeoutMs,
    );
    const found = this.events.find(predicate);
    if (!found)
      throw new ConformanceError(`${this.userId}'s event stream failed while waiting for ${what}.`);
    return found;
  }

  fold(): FoldedState {
    return foldEvents(this.snapshot, this.events);
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }
}

/** A command that must be refused: what it means, who sends it, and the error codes allowed. */
export type Refusal = readonly [
  what: string,
  userId: Id,
  command: CommandInput,
  codes: ErrorCode | readonly ErrorCode[],
];

/** One check: what it proves (its name), and how, given a probe on a fresh harness. */
export interface CheckDefinition {
  name: string;
  run(probe: Probe): Promise<void>;
}

/** One check's view of a harness. */
export class Probe {
  private readonly adapters = new Map<Id, TransportAdapter>();
  private readonly extraAdapters: TransportAdapter[] = [];
  private readonly recorders: Recorder[] = [];

  constructor(
    readonly harness: ConformanceHarness,
    readonly timeoutMs: number,
  ) {}

  get users() {
    return this.harness.users;
  }

  /** The user's adapter (one per user and check). */
  adapter(userId: Id): TransportAdapter {
    let adapter = this.adapters.get(userId);
    if (!adapter) {
      adapter = this.harness.adapterFor(userId);
      this.adapters.set(userId, adapter);
    }
    return adapter;
  }

  /** An additional adapter for the user (e.g. a second tab). */
  extraAdapter(userId: Id): TransportAdapter {
    const adapter = this.harness.adapterFor(userId);
    this.extraAdapters.push(adapter);
    return adapter;
  }

  /** Starts recording the user's events from a fresh snapshot. */
  async record(userId: Id): Promise<Recorder> {
    const adapter = this.adapter(userId);
    const recorder = new Recorder(userId, adapter, await adapter.snapshot(), this.timeoutMs);
    this.recorders.push(recorder);
    return recorder;
  }

  /** Starts recording the events of every user of the harness: operators A and B, the supervisor, the outsider. */
  recordEveryone(): Promise<[Recorder, Recorder, Recorder, Recorder]> {
    const { operatorA, operatorB, supervisor, outsider } = this.users;
    return Promise.all([
      this.record(operatorA),
      this.record(operatorB),
      this.record(supervisor),
      this.record(outsider),
    ]);
  }

  /** Executes a command (with a fresh commandId unless given). */
  run(userId: Id, input: CommandInput | Command): Promise<CommandResult> {
    const command = { commandId: newCommandId(), ...input } as Command;
    return this.adapter(userId).execute(command);
  }

  /** Sends each command in turn and checks that it is refused with one of its codes. */
  async refuses(refusals: readonly Refusal[]): Promise<void> {
    for (const [what, userId, command, codes] of refusals) {
      checkError(await this.run(userId, command), codes, what);
    }
  }

  /**
   * Takes the users' snapshots now; the check it answers proves that since then nothing they
   * see has changed: no event, the same state.
   */
  async unchangedFor(users: readonly Id[]): Promise<() => Promise<void>> {
    const snapshots = () => Promise.all(users.map((id) => this.adapter(id).snapshot()));
    const before = await snapshots();
    return async () => {
      const after = await snapshots();
      before.forEach((snapshot, i) => {
        const seen = after[i] as Snapshot;
        checkEqual(seen.seq, snapshot.seq, `${users[i]}: refused commands emit no event`);
        checkEqual(
          withoutSeq(seen),
          withoutSeq(snapshot),
          `${users[i]}: refused commands change nothing`,
        );
      });
    };
  }

  /** Executes a command that must succeed. */
  async ok(userId: Id, input: CommandInput | Command, what: string): Promise<unknown> {
    return checkOk(await this.run(userId, input), what);
  }

  customer(index: number): Id {
    const id = this.harness.customerIds[index];
    check(id !== undefined, `The harness must provide at least ${index + 1} customers.`);
    return id;
  }

  /** Customer number `index` writes `text`. */
  async customerWrites(index: number, text: string, clientMessageId?: string): Promise<void> {
    const message = {
      customerId: this.customer(index),
      liveChatId: this.harness.liveChatId,
      channel: this.harness.channel,
      text,
    };
    await this.harness.customerWrites(
      clientMessageId === undefined ? message : { ...message, clientMessageId },
    );
  }

  /** The customer's session, as the supervisor (who sees every session of the live chat) sees it. */
  async sessionOf(index: number): Promise<Session> {
    const customerId = this.customer(index);
    let found: Session | undefined;
    const deadline = Date.now() + this.timeoutMs;
    while (!found) {
      const snapshot = await this.adapter(this.users.supervisor).snapshot();
      found = snapshot.sessions
        .filter((s) => s.customerId === customerId && s.liveChatId === this.harness.liveChatId)
        .sort((a, b) => b.firstMessageAt - a.firstMessageAt)[0];
      if (found) break;
      if (Date.now() > deadline)
        throw new ConformanceError(
          `No session of customer ${customerId} appeared for the supervisor.`,
        );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return found;
  }

  /** A customer writes and the supervisor sees the session: returns it. */
  async newSession(index: number, text = 'Hello, I need help with my order.'): Promise<Session> {
    await this.customerWrites(index, text);
    return this.sessionOf(index);
  }

  /**
   * The recorder's fold of its early snapshot and events equals a fresh snapshot of the user
   * (taken after the events, then waited for). With an adapter that reads customers on demand,
   * whose snapshots may leave customers out, the customers are held to what that read answers
   * instead: every customer the fold or the fresh snapshot knows, as it is now.
   */
  async checkConverged(recorder: Recorder): Promise<void> {
    const { adapter, userId } = recorder;
    const fresh = await adapter.snapshot();
    await recorder.reach(fresh.seq);
    const folded = foldEvents(
      recorder.snapshot,
      recorder.events.filter((event) => event.seq <= fresh.seq),
    );
    check(
      folded.gaps.length === 0,
      `${userId}'s stream has seq gaps: ${JSON.stringify(folded.gaps)}`,
    );
    const now = stateFromSnapshot(fresh);
    if (!adapter.customers) {
      checkEqual(
        comparable(folded, fresh.activity.length),
        comparable(now, fresh.activity.length),
        `${userId}: snapshot + events must equal a fresh snapshot`,
      );
      return;
    }
    const { customers: foldedCustomers, ...foldedRest } = comparable(folded, fresh.activity.length);
    const { customers: freshCustomers, ...freshRest } = comparable(now, fresh.activity.length);
    checkEqual(foldedRest, freshRest, `${userId}: snapshot + events must equal a fresh snapshot`);
    const known = new Set([...foldedCustomers, ...freshCustomers].map((customer) => customer.id));
    const read = await readCustomers(adapter, [...known]);
    const current = new Map(read.map((customer) => [customer.id, customer]));
    for (const [what, customers] of [
      ['snapshot + events', foldedCustomers],
      ['a fresh snapshot', freshCustomers],
    ] as const) {
      for (const customer of customers) {
        checkEqual(
          current.get(customer.id),
          customer,
          `${userId}: customer ${customer.id} as ${what} has it must be as customers({ ids }) reads it`,
        );
      }
    }
  }

  async dispose(): Promise<void> {
    for (const recorder of this.recorders) recorder.stop();
    for (const adapter of [...this.adapters.values(), ...this.extraAdapters]) adapter.dispose?.();
    await this.harness.dispose?.();
  }
}

/** `adapter.customers({ ids })` for any number of ids, in reads of at most `MAX_CUSTOMER_IDS`. */
export async function readCustomers(
  adapter: TransportAdapter,
  ids: readonly Id[],
): Promise<Customer[]> {
  const read = adapter.customers?.bind(adapter);
  check(read, 'the adapter must read customers on demand');
  const found: Customer[] = [];
  for (let start = 0; start < ids.length; start += MAX_CUSTOMER_IDS) {
    found.push(...(await read({ ids: ids.slice(start, start + MAX_CUSTOMER_IDS) })));
  }
  return found;
}

/** A snapshot without its seq, for "nothing changed" comparisons. */
export function withoutSeq(snapshot: Snapshot): Omit<Snapshot, 'seq'> {
  const { seq: _seq, ...rest } = snapshot;
  return rest;
}
