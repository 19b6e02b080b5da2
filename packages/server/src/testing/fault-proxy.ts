/**
 * Test support: a TCP proxy on 127.0.0.1 whose connections fail one by one, as network paths
 * do: a path can turn slow (every chunk arrives late, in order) or dead (nothing arrives either
 * way and nothing closes; chunks wait until the path heals). Its target can move, as when a
 * server comes back on another port; while nothing listens there, new connections are refused.
 */
import net from 'node:net';

/** One connection through a {@link FaultProxy}. */
export interface ProxiedPath {
  /** Extra delay of every chunk, each way, in ms (0: none). */
  readonly delayMs: number;
  /** Whether it carries nothing now. */
  readonly dead: boolean;
  /** Delays every chunk by `ms` from now on (chunks already late keep their time). */
  slow(ms: number): void;
  /** Carries nothing from now on, either way, and never closes by itself. */
  kill(): void;
  /** Carries everything at once again, starting with what waited. */
  heal(): void;
}

/** A running proxy. */
export interface FaultProxy {
  /** The port clients connect to. */
  readonly port: number;
  /** The port new connections are carried to (set it when the server moves). */
  targetPort: number;
  /** The connections open now. */
  readonly paths: readonly ProxiedPath[];
  /** Closes every connection and the proxy. */
  close(): Promise<void>;
}

/** One direction of a path: its chunks in order, each with the time it may leave. */
class Lane {
  private readonly waiting: { chunk: Buffer; due: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly to: net.Socket,
    private readonly path: Path,
  ) {}

  carry(chunk: Buffer): void {
    this.waiting.push({ chunk, due: Date.now() + this.path.delayMs });
    this.flush();
  }

  /** Sends what may leave now; sets a timer for the next chunk that may leave later. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (!this.path.dead && this.waiting.length > 0) {
      const next = this.waiting[0]!;
      const wait = next.due - Date.now();
      if (wait > 0) {
        this.timer = setTimeout(() => this.flush(), wait);
        return;
      }
      this.waiting.shift();
      if (!this.to.destroyed) this.to.write(next.chunk);
    }
  }

  /** Lets every waiting chunk leave at once. */
  release(): void {
    for (const item of this.waiting) item.due = 0;
    this.flush();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.waiting.length = 0;
  }
}

/** A client connection and its upstream, with the faults on the way between them. */
class Path implements ProxiedPath {
  delayMs = 0;
  dead = false;
  private readonly up: Lane;
  private readonly down: Lane;

  constructor(
    readonly client: net.Socket,
    readonly upstream: net.Socket,
  ) {
    this.up = new Lane(upstream, this);
    this.down = new Lane(client, this);
    client.on('data', (chunk: Buffer) => this.up.carry(chunk));
    upstream.on('data', (chunk: Buffer) => this.down.carry(chunk));
  }

  slow(ms: number): void {
    this.delayMs = Math.max(0, ms);
  }

  kill(): void {
    this.dead = true;
  }

  heal(): void {
    this.dead = false;
    this.delayMs = 0;
    this.up.release();
    this.down.release();
  }

  /** Ends both sides at once (no closing handshake of any protocol). */
  destroy(): void {
    this.up.stop();
    this.down.stop();
    this.client.destroy();
    this.upstream.destroy();
  }
}

/** Starts a proxy to `127.0.0.1:targetPort`. */
export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const paths = new Set<Path>();
  const proxy = {
    port: 0,
    targetPort,
    get paths() {
      return [...paths];
    },
    async close() {
      for (const path of paths) path.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = net.createServer((client) => {
    const path = new Path(client, net.connect(proxy.targetPort, '127.0.0.1'));
    paths.add(path);
    const end = (): void => {
      if (!paths.delete(path)) return;
      path.destroy();
    };
    for (const socket of [path.client, path.upstream]) {
      socket.on('close', end);
      socket.on('error', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  return proxy;
}
