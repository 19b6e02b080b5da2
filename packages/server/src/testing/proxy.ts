/**
 * Test support: a TCP proxy on 127.0.0.1 in front of the server that can silently stop carrying
 * bytes on its open connections (a dead network path: nothing arrives, nothing closes), while
 * new connections get through.
 */
import net from 'node:net';

/** A running proxy. */
export interface TestProxy {
  /** The port to connect to instead of the server's. */
  port: number;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  /** From now on, the open connections carry nothing either way (and never close by themselves). */
  blackholeOpenConnections(): void;
  close(): Promise<void>;
}

/** Starts a proxy to `127.0.0.1:targetPort`. */
export async function startProxy(targetPort: number): Promise<TestProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket; dead: boolean }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair = { client, upstream, dead: false };
    pairs.add(pair);
    client.on('data', (chunk) => {
      if (!pair.dead) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.dead) client.write(chunk);
    });
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return pairs.size;
    },
    blackholeOpenConnections() {
      for (const pair of pairs) pair.dead = true;
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
