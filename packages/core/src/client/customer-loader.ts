/**
 * Customers on demand. A snapshot need not carry customers (the bundled backends send none):
 * the client reads those of what is shown, in batches, through the adapter's optional
 * `customers` read, and keeps them in the store beside the ones events bring.
 *
 * Consistency with the event stream: a read only fills holes. A customer the store already
 * holds came from an event, which is never older than an answer that arrives after it, and
 * every later change comes as an event too; so an answer never overwrites what the store has.
 * A new snapshot (a resync) clears the store's customers: answers to reads sent before it are
 * dropped, and what was loaded is read again.
 */
import type { Observable, SchedulerLike } from 'rxjs';
import { customerMatches, customerNeedle } from '../domain/customer-search.js';
import type { ErrorInfo } from '../domain/errors.js';
import type { Customer, Id } from '../domain/types.js';
import {
  MAX_CUSTOMER_IDS,
  MAX_CUSTOMER_MATCHES,
  type CustomerQuery,
  type TransportAdapter,
} from '../protocol/adapter.js';
import { customersProblem } from '../protocol/validate.js';
import { checkedRead } from './checked-read.js';
import { disposedError } from './commands.js';
import { readErrorInfo } from './error-info.js';
import type { WorkspaceStore } from './store.js';
import type { ClientResult, CustomerState } from './views.js';

/** Most customers remembered to be read again after a resync (the most recently asked). */
export const REMEMBERED_CUSTOMERS = 2_000;

const LOADING: CustomerState = Object.freeze({ status: 'loading' });
const UNAVAILABLE: CustomerState = Object.freeze({ status: 'unavailable' });

export interface CustomerLoaderDeps {
  store: WorkspaceStore;
  adapter: TransportAdapter;
  scheduler: SchedulerLike;
  requestTimeoutMs: number;
  destroy$: Observable<void>;
  isDisposed: () => boolean;
  online: () => boolean;
}

/** Reads customers on demand and tells where it stands on each (see `CustomerState`). */
export class CustomerLoader {
  /** Ids not in the store: loading, unavailable, or failed (absent: never asked, or loaded). */
  readonly #states = new Map<Id, CustomerState>();
  /** Ids to read in the next batch. */
  readonly #wanted = new Set<Id>();
  /** Ids asked for, oldest first (at most {@link REMEMBERED_CUSTOMERS}): read again after a resync. */
  readonly #asked = new Set<Id>();
  /** Moves on each snapshot: answers to reads of an earlier one are dropped. */
  #generation = 0;
  #planned = false;
  /** The `loaded` state of each customer object, so a state stays the same object while it does. */
  readonly #loadedStates = new WeakMap<Customer, CustomerState>();

  readonly #deps: CustomerLoaderDeps;

  constructor(deps: CustomerLoaderDeps) {
    this.#deps = deps;
  }

  /**
   * The backend answered a read `NOT_FOUND`: it reads no customers on demand (e.g. a server over
   * a backend without the read), so its snapshot carries them.
   */
  #unsupported = false;

  /** Whether the adapter reads customers on demand (otherwise its snapshot carries them). */
  get onDemand(): boolean {
    return !this.#unsupported && typeof this.#deps.adapter.customers === 'function';
  }

  /** Where the client stands on one customer (the same object while nothing changed). */
  stateOf(customerId: Id): CustomerState {
    const customer = this.#deps.store.customers.get(customerId);
    if (customer) {
      let state = this.#loadedStates.get(customer);
      if (!state) {
        state = Object.freeze({ status: 'loaded', customer });
        this.#loadedStates.set(customer, state);
      }
      return state;
    }
    if (!this.onDemand) return UNAVAILABLE;
    // Never asked: `customer$` asks as it subscribes.
    return this.#states.get(customerId) ?? LOADING;
  }

  /** Asks for the customers not loaded, not loading and not known to be unavailable. */
  load(customerIds: Iterable<Id>): void {
    if (!this.onDemand || this.#deps.isDisposed()) return;
    const { store } = this.#deps;
    let added = false;
    for (const id of customerIds) {
      if (typeof id !== 'string' || store.customers.has(id)) continue;
      const state = this.#states.get(id);
      if (state === LOADING || state === UNAVAILABLE) continue;
      this.#states.set(id, LOADING);
      this.#wanted.add(id);
      this.#remember(id);
      added = true;
    }
    if (!added) return;
    store.commitSoon();
    if (this.#planned) return;
    this.#planned = true;
    // The ids asked for in this run go out together.
    queueMicrotask(this.#flush);
  }

  /** After every snapshot: what was asked for is read again (the store's customers were replaced). */
  afterSnapshot(): void {
    this.#generation++;
    this.#wanted.clear();
    this.#states.clear();
    if (this.#asked.size > 0) this.load([...this.#asked]);
  }

  /** When the connection is back: the reads that failed are tried again. */
  retryFailed(): void {
    const failed: Id[] = [];
    for (const [id, state] of this.#states) if (state.status === 'failed') failed.push(id);
    if (failed.length > 0) this.load(failed);
  }

  /** Customers the user may start a session with, matching `text` (see `LiveChatClient.findCustomers`). */
  async find(text: string, limit = MAX_CUSTOMER_MATCHES): Promise<ClientResult<Customer[]>> {
    const { adapter, store } = this.#deps;
    if (this.#deps.isDisposed()) return { ok: false, error: disposedError() };
    if (this.onDemand) {
      const generation = this.#generation;
      try {
        const found = await this.#read(adapter, { text, limit });
        if (generation === this.#generation && !this.#deps.isDisposed()) this.#fill(found);
        return { ok: true, value: found };
      } catch (thrown) {
        const error = this.#errorOf(thrown);
        if (!this.#unsupported) return { ok: false, error };
      }
    }
    // The snapshot carried the customers: they are matched here.
    const needle = customerNeedle(typeof text === 'string' ? text : '');
    const found: Customer[] = [];
    for (const customer of store.customers.values()) {
      if (found.length >= limit) break;
      if (customerMatches(customer, needle)) found.push(customer);
    }
    return { ok: true, value: found };
  }

  #remember(id: Id): void {
    const asked = this.#asked;
    asked.delete(id);
    asked.add(id);
    if (asked.size > REMEMBERED_CUSTOMERS) asked.delete(asked.values().next().value as Id);
  }

  readonly #flush = (): void => {
    this.#planned = false;
    if (this.#deps.isDisposed()) return;
    const ids = [...this.#wanted];
    this.#wanted.clear();
    for (let at = 0; at < ids.length; at += MAX_CUSTOMER_IDS) {
      void this.#readBatch(ids.slice(at, at + MAX_CUSTOMER_IDS));
    }
  };

  async #readBatch(ids: Id[]): Promise<void> {
    const generation = this.#generation;
    let found: Customer[];
    let error: ErrorInfo | undefined;
    try {
      found = await this.#read(this.#deps.adapter, { ids });
    } catch (thrown) {
      found = [];
      error = this.#errorOf(thrown);
    }
    // A snapshot came meanwhile: it cleared the states, and these ids are read again.
    if (generation !== this.#generation || this.#deps.isDisposed()) return;
    const wanted = new Set(ids);
    this.#fill(found.filter((customer) => wanted.has(customer.id)));
    const failed: CustomerState | undefined =
      error && !this.#unsupported ? Object.freeze({ status: 'failed', error }) : undefined;
    for (const id of ids) {
      if (this.#deps.store.customers.has(id)) this.#states.delete(id);
      else if (this.#states.get(id) === LOADING) this.#states.set(id, failed ?? UNAVAILABLE);
    }
    this.#deps.store.commitSoon();
  }

  /** Puts the customers the store does not hold yet into it (see the module's comment). */
  #fill(customers: readonly Customer[]): void {
    const fresh = customers.filter((customer) => !this.#deps.store.customers.has(customer.id));
    if (fresh.length === 0) return;
    this.#deps.store.addCustomers(fresh);
    for (const customer of fresh) this.#states.delete(customer.id);
    this.#deps.store.commitSoon();
  }

  /** One read, checked like everything else the backend sends, within the request timeout. */
  #read(adapter: TransportAdapter, query: CustomerQuery): Promise<Customer[]> {
    const { scheduler, requestTimeoutMs, destroy$ } = this.#deps;
    const customers = adapter.customers as (q: CustomerQuery) => Promise<Customer[]>;
    return checkedRead(() => customers.call(adapter, query), {
      timeoutMs: requestTimeoutMs,
      scheduler,
      destroy$,
      what: 'customer read',
      late: 'Customers did not load in time.',
      problemOf: customersProblem,
    });
  }

  #errorOf(error: unknown): ErrorInfo {
    const info = readErrorInfo(error, this.#deps.online());
    if (info.code === 'NOT_FOUND') this.#unsupported = true;
    return info;
  }
}
