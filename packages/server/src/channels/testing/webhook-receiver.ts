/**
 * Test support: a local outbound webhook receiver on 127.0.0.1 that records each request and
 * answers it with the next status of its list (the last one again once the list is down to it).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running receiver. */
export interface Receiver {
  url: string;
  requests: { headers: http.IncomingHttpHeaders; body: string; at: number }[];
  /** The statuses still to answer with; change it to change the answers. */
  statuses: number[];
  /** The `x-live-chat-delivery` ids received, in order (repeats included). */
  deliveryIds(): string[];
  close(): Promise<void>;
}

/** Starts a receiver answering `statuses` (see the module comment). */
export async function startReceiver(statuses: number[]): Promise<Receiver> {
  const requests: Receiver['requests'] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ headers: request.headers, body, at: Date.now() });
      const status =
        receiver.statuses.length > 1 ? (receiver.statuses.shift() as number) : receiver.statuses[0];
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: Receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests,
    statuses,
    deliveryIds: () => requests.map((request) => String(request.headers['x-live-chat-delivery'])),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}
