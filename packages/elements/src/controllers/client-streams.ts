import type { ReactiveControllerHost } from 'lit';
import type { Observable } from 'rxjs';
import type { CustomerState, Id, LiveChatClient, SessionView } from '@live-chat/core';
import { StreamController } from './stream-controller.js';

/** A component that reads its client from its own `client` property. */
export interface ClientHost extends ReactiveControllerHost {
  readonly client?: LiveChatClient | undefined;
}

/** A component that also names one session with its `sessionId` property. */
export interface SessionHost extends ClientHost {
  readonly sessionId?: string | undefined;
}

/**
 * A {@link StreamController} on one stream of the host's client, following its `client`
 * property; `initialValue` until the client is set and the stream emits:
 *
 * ```ts
 * private readonly status = clientStream(this, (client) => client.status$, { state: 'loading' });
 * ```
 */
export function clientStream<T, const I>(
  host: ClientHost,
  select: (client: LiveChatClient) => Observable<T>,
  initialValue: I,
): StreamController<readonly [LiveChatClient | undefined], T, I> {
  return new StreamController(
    host,
    () => [host.client] as const,
    (client) => (client ? select(client) : undefined),
    initialValue,
  );
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
