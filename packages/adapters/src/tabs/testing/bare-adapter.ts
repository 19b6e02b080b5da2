/**
 * Test support: an adapter with only the required members of the contract (what an adapter
 * written before files and typing offers), calling `real`, plus `extra`.
 */
import type { TransportAdapter } from '@live-chat/core';

/** `real` without its optional members, plus `extra`. */
export function bareAdapter(
  real: TransportAdapter,
  extra: Partial<TransportAdapter> = {},
): TransportAdapter {
  return {
    connection$: real.connection$,
    snapshot: () => real.snapshot(),
    events: (sinceSeq) => real.events(sinceSeq),
    execute: (command) => real.execute(command),
    history: (query) => real.history(query),
    search: (query) => real.search(query),
    report: (query) => real.report(query),
    dispose: () => real.dispose?.(),
    ...extra,
  };
}
