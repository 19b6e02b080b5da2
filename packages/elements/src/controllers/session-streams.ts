/**
 * Streams of one session and of one customer, for the parts that show a session (the
 * conversation, About the session and what is inside them). Apart from client-streams.ts,
 * which the workspace's first load uses, because only parts loaded on demand use these.
 */
import type { CustomerState, Id, LiveChatClient, SessionView } from '@live-chat/core';
import type { ClientHost } from './client-streams.js';
import { StreamController } from './stream-controller.js';

/** A component that also names one session with its `sessionId` property. */
export interface SessionHost extends ClientHost {
  readonly sessionId?: string | undefined;
}

/**
 * The view of the host's session (`client.session$(sessionId)`), following its `client` and
 * `sessionId` properties: `null` until the first value arrives, `undefined` when the session is
 * unknown or not visible to the user.
 */
export function sessionStream(
  host: SessionHost,
): StreamController<
  readonly [LiveChatClient | undefined, string | undefined],
  SessionView | undefined,
  null
> {
  return new StreamController(
    host,
    () => [host.client, host.sessionId] as const,
    (client, sessionId) => (client && sessionId ? client.session$(sessionId) : undefined),
    null,
  );
}

/**
 * Where the client stands on one customer (`client.customer$(customerId)`), following the
 * host's `client` and the id `customerId` reads (e.g. that of the host's session): `null` until
 * both are known. A snapshot need not carry customers, and subscribing loads a missing one, so
 * this also keeps the customer loaded while the host is connected: the session's view
 * (`SessionView.customer`) then emits again with it.
 */
export function customerStream(
  host: ClientHost,
  customerId: () => Id | undefined,
): StreamController<readonly [LiveChatClient | undefined, Id | undefined], CustomerState, null> {
  return new StreamController(
    host,
    () => [host.client, customerId()] as const,
    (client, id) => (client && id ? client.customer$(id) : undefined),
    null,
  );
}
