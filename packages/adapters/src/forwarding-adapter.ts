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
  const forwarded: TransportAdapter = {
    ...requiredMembers(adapter),
    ...(adapter.tabRole$ && { tabRole$: adapter.tabRole$ }),
  };
  // Defined, not spread: a spread would read `attachmentPolicy` once instead of on each access.
  Object.defineProperties(forwarded, Object.getOwnPropertyDescriptors(optionalMembers(adapter)));
  return Object.defineProperties(forwarded, Object.getOwnPropertyDescriptors(overrides));
}

/**
 * The members every adapter has (the contract before customers on demand, files and typing),
 * each passing its call on to `adapter`.
 */
export function requiredMembers(adapter: TransportAdapter): TransportAdapter {
  return {
    connection$: adapter.connection$,
    snapshot: () => adapter.snapshot(),
    events: (sinceSeq) => adapter.events(sinceSeq),
    execute: (command) => adapter.execute(command),
    history: (query) => adapter.history(query),
    search: (query) => adapter.search(query),
    report: (query) => adapter.report(query),
    dispose: () => adapter.dispose?.(),
  };
}

/**
 * The optional members `adapter` has (customers on demand, files and typing), passed on: each
 * only when it has it, and `attachmentPolicy` read from it on every access (it may change when
 * it reconnects).
 */
function optionalMembers(adapter: TransportAdapter): Partial<TransportAdapter> {
  const members: Partial<TransportAdapter> = {};
  if (adapter.customers) members.customers = (query) => adapter.customers!(query);
  if (adapter.upload) {
    members.upload = (file) => adapter.upload!(file);
    Object.defineProperty(members, 'attachmentPolicy', {
      enumerable: true,
      configurable: true,
      get: () => adapter.attachmentPolicy,
    });
  }
  if (adapter.download) members.download = (attachmentId) => adapter.download!(attachmentId);
  if (adapter.typing$) Object.assign(members, { typing$: adapter.typing$ });
  if (adapter.sendTyping) {
    members.sendTyping = (sessionId, typing) => adapter.sendTyping!(sessionId, typing);
  }
  return members;
}
