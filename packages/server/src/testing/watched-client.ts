/**
 * Test support: a client of `@live-chat/core` on a WebSocket adapter to a real server, as a test
 * watches it: the connection states its adapter went through, how many snapshots it asked for,
 * and the conversations it keeps open.
 */
import { WebSocket } from 'ws';
import {
  createLiveChatClient,
  type ConnectionState,
  type Id,
  type LiveChatClient,
  type LiveChatClientOptions,
  type MessageView,
} from '@live-chat/core';
import {
  createWebSocketAdapter,
  type WebSocketAdapter,
  type WebSocketAdapterOptions,
} from '@live-chat/adapters';

/** A watched client (see the module comment). */
export interface WatchedClient {
  /** Who the client is signed in as. */
  userId: Id;
  client: LiveChatClient;
  /** The client's adapter (without the counting wrapper). */
  adapter: WebSocketAdapter;
  /** `snapshot()` calls the client made through its adapter. */
  snapshots(): number;
  /** Every connection state of the adapter, in order. */
  readonly states: readonly ConnectionState[];
  /** The conversations opened with {@link watch}, each with its latest messages. */
  readonly watching: ReadonlyMap<Id, readonly MessageView[]>;
  /** Opens the conversation of `sessionId` (once) and keeps its messages in `watching`. */
  watch(sessionId: Id): void;
  /** Closes the conversations and disposes the client and the adapter. */
  dispose(): void;
}

/** Options of {@link watchedClient}. */
export interface WatchedClientOptions {
  /** The server's (or the proxy's) WebSocket URL. */
  url: string;
  userId: Id;
  /** A token for `userId`. */
  token: () => Promise<string>;
  /** More options of the adapter. */
  adapter?: Partial<WebSocketAdapterOptions>;
  /** More options of the client. */
  client?: Partial<Omit<LiveChatClientOptions, 'adapter'>>;
}

/** Connects a watched client (see the module comment). */
export function watchedClient(options: WatchedClientOptions): WatchedClient {
  const { url, userId, token } = options;
  const adapter = createWebSocketAdapter({ url, WebSocket, getToken: token, ...options.adapter });
  const states: ConnectionState[] = [];
  const stateSubscription = adapter.connection$.subscribe((state) => states.push(state));
  let snapshots = 0;
  // The client sees the adapter through this wrapper, which counts its snapshot calls.
  const counted = new Proxy(adapter, {
    get(target, key) {
      if (key === 'snapshot') {
        return () => {
          snapshots++;
          return target.snapshot();
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  const client = createLiveChatClient({ adapter: counted, ...options.client });
  const watching = new Map<Id, MessageView[]>();
  const closers: Array<() => void> = [() => stateSubscription.unsubscribe()];
  return {
    userId,
    client,
    adapter,
    snapshots: () => snapshots,
    states,
    watching,
    watch(sessionId) {
      if (watching.has(sessionId)) return;
      watching.set(sessionId, []);
      const subscription = client
        .conversation$(sessionId)
        .subscribe((state) => watching.set(sessionId, state.messages));
      closers.push(() => subscription.unsubscribe());
    },
    dispose() {
      for (const close of closers.splice(0)) close();
      client.dispose();
      adapter.dispose();
    },
  };
}
