import type { ReactiveControllerHost } from 'lit';
import type { Observable } from 'rxjs';
import type { LiveChatClient } from '@live-chat/core';
import { StreamController } from './stream-controller.js';

/** A component that reads its client from its own `client` property. */
export interface ClientHost extends ReactiveControllerHost {
  readonly client?: LiveChatClient | undefined;
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
