/**
 * Test support: a bare WebSocket speaking the wire protocol by hand, to see exactly what the
 * server sends and how it closes.
 */
import { WebSocket } from 'ws';
import { WIRE_PROTOCOL, type WireServerFrame, type WireResponse } from '@live-chat/adapters';

/** How a socket closed. */
export interface CloseInfo {
  code: number;
  reason: string;
}

/** A bare socket with its received frames. */
export interface RawSocket {
  ws: WebSocket;
  frames: WireServerFrame[];
  /** Resolves when the socket is open. */
  opened: Promise<void>;
  /** Resolves when the socket closed. */
  closed: Promise<CloseInfo>;
  /** Sends a frame (an object is JSON-encoded; a string goes as it is). */
  send(frame: object | string): void;
  /** Sends a request and resolves its answer. */
  request(frame: { id: number; op: string } & Record<string, unknown>): Promise<WireResponse>;
  /** Sends `auth` with `token` and resolves its answer (or the close, whichever comes first). */
  auth(token: string): Promise<WireResponse | CloseInfo>;
}

let nextId = 1000;

/** Opens a bare socket to `url`, offering the wire protocol. */
export function openRawSocket(url: string): RawSocket {
  const ws = new WebSocket(url, WIRE_PROTOCOL);
  const frames: WireServerFrame[] = [];
  const waiters = new Map<number, (response: WireResponse) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as WireServerFrame;
    frames.push(frame);
    if ('ok' in frame) waiters.get(frame.id)?.(frame);
  });
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<CloseInfo>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const send = (frame: object | string) =>
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  const request = (frame: { id: number; op: string } & Record<string, unknown>) =>
    new Promise<WireResponse>((resolve) => {
      waiters.set(frame.id, resolve);
      send(frame);
    });
  return {
    ws,
    frames,
    opened,
    closed,
    send,
    request,
    async auth(token) {
      await opened;
      return Promise.race([request({ id: nextId++, op: 'auth', token }), closed]);
    },
  };
}
