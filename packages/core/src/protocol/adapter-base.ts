import type { Observable } from 'rxjs';
import { LiveChatError } from '../domain/errors.js';
import type { Report, ReportQuery } from '../domain/reports.js';
import type { Customer } from '../domain/types.js';
import type { SearchHit, SearchQuery } from '../domain/search.js';
import type {
  CommandResult,
  ConnectionState,
  CustomerQuery,
  HistoryQuery,
  MessagePage,
  TransportAdapter,
} from './adapter.js';
import type { Command } from './commands.js';
import type { ServerEvent, Snapshot } from './events.js';

/**
 * A read of the adapter contract as data: the call each read method of {@link TransportAdapter}
 * stands for. A transport sends it as it is (e.g. as one JSON frame); `op` names the method.
 */
export type ReadRequest =
  | { op: 'snapshot' }
  | { op: 'history'; query: HistoryQuery }
  | { op: 'search'; query: SearchQuery }
  | { op: 'report'; query: ReportQuery }
  | { op: 'customers'; query: CustomerQuery };

/** Every request of the adapter contract as data: the reads and `execute`. */
export type AdapterRequest = ReadRequest | { op: 'execute'; command: Command };

/**
 * Makes the call `request` stands for on `adapter`: what a wrapper, a leader tab or a server
 * does with a request it received as data. Resolves what the method resolves.
 */
export function sendRequest(adapter: TransportAdapter, request: AdapterRequest): Promise<unknown> {
  switch (request.op) {
    case 'snapshot':
      return adapter.snapshot();
    case 'execute':
      return adapter.execute(request.command);
    case 'history':
      return adapter.history(request.query);
    case 'search':
      return adapter.search(request.query);
    case 'report':
      return adapter.report(request.query);
    case 'customers':
      return adapter.customers
        ? adapter.customers(request.query)
        : Promise.reject(
            new LiveChatError(
              'NOT_FOUND',
              'This backend reads no customers on demand: its snapshot carries them.',
            ),
          );
  }
}

/**
 * A base for adapters that carry every read the same way (over a socket, a wire, another tab,
 * through injected faults): implement {@link AdapterBase.read} once, and `snapshot`, `history`,
 * `search`, `report` and `customers` come from it. `connection$`, `events` and `execute` stay yours, since
 * they behave differently: a stream, and a command that resolves its refusal instead of
 * rejecting.
 */
export abstract class AdapterBase implements TransportAdapter {
  /** Current connection state; replays the latest value to new subscribers. */
  abstract readonly connection$: Observable<ConnectionState>;

  /** Events after `sinceSeq`, then live events, in `seq` order. */
  abstract events(sinceSeq: number): Observable<ServerEvent>;

  /** Executes a command; repeating a `commandId` returns the first result and changes nothing. */
  abstract execute<C extends Command>(command: C): Promise<CommandResult<C>>;

  /**
   * Answers one read: resolves with the value the backend returned, or rejects with a
   * `LiveChatError` carrying its typed code (`OFFLINE` when the backend cannot be reached).
   */
  protected abstract read(request: ReadRequest): Promise<unknown>;

  /** The user's whole visible state. */
  snapshot(): Promise<Snapshot> {
    return this.read({ op: 'snapshot' }) as Promise<Snapshot>;
  }

  /** One page of a session's message history. */
  history(query: HistoryQuery): Promise<MessagePage> {
    return this.read({ op: 'history', query }) as Promise<MessagePage>;
  }

  /** A scoped search over what the user may see. */
  search(query: SearchQuery): Promise<SearchHit[]> {
    return this.read({ op: 'search', query }) as Promise<SearchHit[]>;
  }

  /** A report computed by the backend from its own records. */
  report<Q extends ReportQuery>(query: Q): Promise<Report<Q>> {
    return this.read({ op: 'report', query }) as Promise<Report<Q>>;
  }

  /** Customers on demand: by id, or those the user may start a session with, by text. */
  customers(query: CustomerQuery): Promise<Customer[]> {
    return this.read({ op: 'customers', query }) as Promise<Customer[]>;
  }
}
