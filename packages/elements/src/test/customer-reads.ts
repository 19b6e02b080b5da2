/**
 * Test support: what a client asks its adapter about customers (which a snapshot no longer
 * carries), recorded by a wrapper of the adapter (`ClientSetup.wrapAdapter`), which can also
 * hold those reads or make them fail.
 */
import {
  LiveChatError,
  type CustomerQuery,
  type ErrorCode,
  type TransportAdapter,
} from '@live-chat/core';
import type { Adapter } from './seeded-client.js';
import type { Gate } from './gate.js';

/** The customer reads of one adapter, and how the next ones answer. */
export class CustomerReads {
  /** Every read, in order. */
  readonly queries: CustomerQuery[] = [];
  /** While set, reads fail with this error (`{ code, message }`). */
  failWith: { code: ErrorCode; message: string } | undefined;
  /** While set, reads wait for it to open. */
  gate: Gate | undefined;
  /** Customers left out of every answer, as if the user might not see them. */
  readonly withheld = new Set<string>();

  /** The ids read by id, in order (an id read twice is listed twice). */
  get ids(): string[] {
    return this.queries.flatMap((query) => ('ids' in query ? query.ids : []));
  }

  /** The texts searched, in order. */
  get texts(): string[] {
    return this.queries.flatMap((query) => ('text' in query ? [query.text] : []));
  }

  /** The adapter to give the client: `adapter`, with its customer reads recorded. */
  readonly wrap = (adapter: Adapter): TransportAdapter =>
    new Proxy(adapter, {
      get: (target, key) => {
        const value: unknown = Reflect.get(target, key, target);
        if (key === 'customers') return (query: CustomerQuery) => this.read(target, query);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });

  private async read(adapter: Adapter, query: CustomerQuery) {
    this.queries.push(structuredClone(query));
    await this.gate?.pass();
    const failure = this.failWith;
    if (failure) throw new LiveChatError(failure.code, failure.message);
    const customers = await adapter.customers(query);
    return customers.filter((customer) => !this.withheld.has(customer.id));
  }
}
