/** An adapter that passes every call on to another: for wrappers that change one behaviour. */
import type { TransportAdapter } from '@live-chat/core';

/**
 * A `TransportAdapter` that passes every call on to `adapter`, except the members given in
 * `overrides`: a wrapper that changes one behaviour (counts event streams, delays a request,
 * keeps a role of its own) and leaves the rest alone.
 */
export function forwardingAdapter(
  adapter: TransportAdapter,
  overrides: Partial<TransportAdapter> = {},
): TransportAdapter {
  return {
    connection$: adapter.connection$,
    ...(adapter.tabRole$ && { tabRole$: adapter.tabRole$ }),
    snapshot: () => adapter.snapshot(),
    events: (sinceSeq) => adapter.events(sinceSeq),
    execute: (command) => adapter.execute(command),
    history: (query) => adapter.history(query),
    search: (query) => adapter.search(query),
    report: (query) => adapter.report(query),
    dispose: () => adapter.dispose?.(),
    ...overrides,
  };
}
