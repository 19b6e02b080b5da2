/**
 * Test support: the transport of a chaos run of `@live-chat/adapters/testing` over real sockets.
 * One server over each backend on 127.0.0.1, each behind a {@link FaultProxy}; every tab gets a
 * `createWebSocketAdapter` to the next server in turn (round robin). The faults are those of a
 * real network: a connection destroyed on the server's side (no close frame), a dead path (only
 * the heartbeat can tell), a slow path, and a server restart (every connection gone, the port
 * refusing for a while, then a new server over the same backend).
 */
import type net from 'node:net';
import { WebSocket } from 'ws';
import { createWebSocketAdapter, type WebSocketAdapterOptions } from '@live-chat/adapters';
import {
  TRANSPORT_FAULT_KINDS,
  type ChaosBackend,
  type ChaosTransport,
  type ChaosTransportSetup,
  type TransportFaultKind,
} from '@live-chat/adapters/testing';
import { mintToken } from '../auth.js';
import type { LiveChatBackend } from '../backend.js';
import { createLiveChatServer, type LiveChatServer } from '../server.js';
import { startFaultProxy, type FaultProxy, type ProxiedPath } from './fault-proxy.js';
import { TEST_SECRET } from './harness.js';

/** Options of {@link startSocketChaos}. */
export interface SocketChaosOptions {
  /** The backends to serve, one server each. */
  backends: readonly LiveChatBackend[];
  /** Where the run's truth lives, when not in the run's memory backend. */
  truth?: ChaosBackend;
  /** Options of every tab's adapter (heartbeat, back-off, timeouts: real ms). */
  adapter?: Partial<WebSocketAdapterOptions>;
  /** Range of a slow path's delay per chunk, in real ms (default 20–200). */
  slowDelayMs?: readonly [number, number];
  /** Range of how long a path stays slow, in real ms (default 300–2,000). */
  slowForMs?: readonly [number, number];
  /** Range of how long a restarting server stays away, in real ms (default 100–800). */
  awayMs?: readonly [number, number];
  /** Releases what was made for the run besides the servers (e.g. the backends). */
  release?: () => Promise<void>;
}

/** A number in `[min, max]` from `random`. */
const between = (random: () => number, [min, max]: readonly [number, number]): number =>
  min + Math.floor(random() * (max - min + 1));

/** One item of a non-empty list, or `undefined`. */
const pick = <T>(random: () => number, items: readonly T[]): T | undefined =>
  items[Math.floor(random() * items.length)];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One backend's server behind its proxy; restarted in place over the same backend. */
class ServedBackend {
  server!: LiveChatServer;
  /** The server's side of every open connection. */
  readonly sockets = new Set<net.Socket>();
  restarting = false;

  private constructor(
    readonly backend: LiveChatBackend,
    readonly proxy: FaultProxy,
  ) {}

  static async start(backend: LiveChatBackend): Promise<ServedBackend> {
    const served = new ServedBackend(backend, await startFaultProxy(0));
    await served.listen();
    return served;
  }

  /** A new server over the backend; the proxy carries new connections to it. */
  private async listen(): Promise<void> {
    this.server = await createLiveChatServer({
      backend: this.backend,
      auth: { secret: TEST_SECRET },
      host: '127.0.0.1',
      port: 0,
      logger: false,
      // Going away is abrupt here (a crash, not a deploy): no grace for requests in flight.
      limits: { shutdownGraceMs: 200 },
    });
    this.server.httpServer.on('connection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.proxy.targetPort = this.server.port;
  }

  /** Where a tab's adapter connects. */
  get url(): string {
    return `ws://127.0.0.1:${this.proxy.port}/ws`;
  }

  /** Goes away as a crashed process does, stays away `awayMs`, and comes back. */
  async restart(awayMs: number): Promise<void> {
    this.restarting = true;
    try {
      for (const socket of this.sockets) socket.destroy();
      await this.server.close();
      await sleep(awayMs);
      await this.listen();
    } finally {
      this.restarting = false;
    }
  }

  /** Closes the proxy (every connection with it), then the server. */
  async close(): Promise<void> {
    await this.proxy.close();
    await this.server.close();
  }
}

/**
 * Starts the servers of a chaos run over real sockets; returns the `ChaosOptions.transport` of
 * the run (see the module comment).
 */
export async function startSocketChaos(
  setup: ChaosTransportSetup,
  options: SocketChaosOptions,
): Promise<ChaosTransport> {
  const served: ServedBackend[] = [];
  try {
    for (const backend of options.backends) served.push(await ServedBackend.start(backend));
  } catch (error) {
    await Promise.all(served.map((instance) => instance.close()));
    throw error;
  }
  const slowPaths = new Map<ProxiedPath, ReturnType<typeof setTimeout>>();
  let tabs = 0;
  const openPaths = () => served.flatMap((instance) => instance.proxy.paths);

  const inject = async (kind: TransportFaultKind, random: () => number): Promise<void> => {
    switch (kind) {
      case 'connection-drop':
        pick(
          random,
          served.flatMap((instance) => [...instance.sockets]),
        )?.destroy();
        return;
      case 'dead-path':
        pick(
          random,
          openPaths().filter((path) => !path.dead),
        )?.kill();
        return;
      case 'slow-path': {
        const path = pick(
          random,
          openPaths().filter((p) => !p.dead && !slowPaths.has(p)),
        );
        if (!path) return;
        path.slow(between(random, options.slowDelayMs ?? [20, 200]));
        const timer = setTimeout(
          () => {
            slowPaths.delete(path);
            if (!path.dead) path.heal();
          },
          between(random, options.slowForMs ?? [300, 2_000]),
        );
        slowPaths.set(path, timer);
        return;
      }
      case 'server-restart':
        await pick(
          random,
          served.filter((instance) => !instance.restarting),
        )?.restart(between(random, options.awayMs ?? [100, 800]));
        return;
    }
  };

  return {
    connect(userId) {
      const instance = served[tabs % served.length]!;
      const adapter = createWebSocketAdapter({
        url: instance.url,
        getToken: () => mintToken({ secret: TEST_SECRET, userId, ttlSec: 3600 }),
        WebSocket,
        random: setup.random(`socket/${tabs}`),
        ...options.adapter,
      });
      tabs++;
      return adapter;
    },
    backend: options.truth,
    faults: {
      kinds: TRANSPORT_FAULT_KINDS,
      inject,
      heal() {
        for (const timer of slowPaths.values()) clearTimeout(timer);
        slowPaths.clear();
        for (const path of openPaths()) path.heal();
      },
    },
    async dispose() {
      for (const timer of slowPaths.values()) clearTimeout(timer);
      await Promise.all(served.map((instance) => instance.close()));
      await options.release?.();
    },
  };
}
