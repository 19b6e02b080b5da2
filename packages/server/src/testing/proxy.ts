/**
 * Test support: a TCP proxy on 127.0.0.1 in front of one server, or a small load balancer in
 * front of several. Each new connection goes to the next target in turn (round robin); a target
 * that refuses (a dead instance) is skipped for the next one, and a client finds no target only
 * when all refuse. The proxy can silently stop carrying bytes on its open connections (a dead
 * network path: nothing arrives, nothing closes) while new connections get through, and can
 * cut everything (open connections destroyed, nothing listening on its port) and come back on
 * the same port.
 */
import net from 'node:net';

/** A running proxy. */
export interface TestProxy {
  /** The port to connect to instead of the servers'. */
  readonly port: number;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  /** Connections currently open through the proxy to the target on `targetPort`. */
  connectionsTo(targetPort: number): number;
  /** From now on, the open connections carry nothing either way (and never close by themselves). */
  blackholeOpenConnections(): void;
  /**
   * Destroys every open connection and stops listening: whoever connects to the port finds
   * nothing there until {@link reopen}.
   */
  cut(): Promise<void>;
  /** Listens on the same port again after {@link cut}. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket | undefined;
  targetPort: number | undefined;
  dead: boolean;
}

/** Connects to `port` on 127.0.0.1; rejects when nothing listens there. */
function connectTo(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Starts a proxy to `127.0.0.1:targetPort`, or a round-robin balancer over several ports. */
export async function startProxy(targets: number | readonly number[]): Promise<TestProxy> {
  const ports = typeof targets === 'number' ? [targets] : [...targets];
  if (ports.length === 0) throw new Error('A proxy needs at least one target.');
  const pairs = new Set<Pair>();
  let turn = 0;

  /** The next target that accepts, starting at the next one in turn; `undefined` when none do. */
  async function upstreamFor(pair: Pair): Promise<net.Socket | undefined> {
    const first = turn++ % ports.length;
    for (let i = 0; i < ports.length && !pair.client.destroyed; i++) {
      const port = ports[(first + i) % ports.length]!;
      try {
        const socket = await connectTo(port);
        pair.targetPort = port;
        return socket;
      } catch {
        // This target is down: try the next one.
      }
    }
    return undefined;
  }

  const end = (pair: Pair) => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.upstream?.destroy();
  };

  const server = net.createServer((client) => {
    const pair: Pair = { client, upstream: undefined, targetPort: undefined, dead: false };
    pairs.add(pair);
    // Bytes the client sends before a target accepted wait here.
    const early: Buffer[] = [];
    client.on('data', (chunk: Buffer) => {
      if (pair.dead) return;
      if (pair.upstream) pair.upstream.write(chunk);
      else early.push(chunk);
    });
    client.on('close', () => end(pair));
    client.on('error', () => end(pair));
    void upstreamFor(pair).then((upstream) => {
      if (!upstream || client.destroyed) {
        upstream?.destroy();
        end(pair);
        return;
      }
      pair.upstream = upstream;
      for (const chunk of early.splice(0)) upstream.write(chunk);
      upstream.on('data', (chunk: Buffer) => {
        if (!pair.dead) client.write(chunk);
      });
      upstream.on('close', () => end(pair));
      upstream.on('error', () => end(pair));
    });
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  const stopListening = async () => {
    for (const pair of [...pairs]) end(pair);
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  };

  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    get connections() {
      return pairs.size;
    },
    connectionsTo(targetPort) {
      return [...pairs].filter((pair) => pair.targetPort === targetPort).length;
    },
    blackholeOpenConnections() {
      for (const pair of pairs) pair.dead = true;
    },
    cut: stopListening,
    reopen: () => listen(port),
    close: stopListening,
  };
}
