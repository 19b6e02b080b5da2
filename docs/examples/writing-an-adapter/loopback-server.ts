import { BehaviorSubject } from 'rxjs';
import type { ConnectionState, Id } from '@live-chat/core';
import type { MemoryBackend } from '@live-chat/adapters';
import type { Wire, WireFrame, WireReply, WireRequest } from './wire.js';

/** Lets the current task finish first, as a network round trip would. */
const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const READS = new Set(['snapshot', 'history', 'search', 'report', 'customers']);

/** Answers one request for `userId` from the memory backend; anything unknown is refused. */
function answer(backend: MemoryBackend, userId: Id, request: WireRequest): WireReply {
  if (request.op === 'execute')
    return { ok: true, value: backend.execute(userId, request.command) };
  if (READS.has(request.op)) return backend.answerRead(userId, request);
  return { ok: false, error: { code: 'VALIDATION', message: 'Unknown request.' } };
}

/**
 * A stand-in for your server: the memory backend behind a {@link Wire}, signed in as `userId`.
 * Only JSON text crosses it, in both directions, asynchronously and in order.
 */
export function loopbackWire(backend: MemoryBackend, userId: Id): Wire {
  const connection$ = new BehaviorSubject<ConnectionState>('connecting');
  setTimeout(() => connection$.next('online'), 0); // the handshake
  return {
    connection$,
    async request(body) {
      await later();
      const reply = answer(backend, userId, JSON.parse(body) as WireRequest);
      await later();
      return JSON.stringify(reply);
    },
    openStream(sinceSeq, onFrame) {
      let open = true;
      // Microtasks run in order: frames arrive in the order they were sent.
      const send = (frame: WireFrame) =>
        queueMicrotask(() => {
          if (open) onFrame(JSON.stringify(frame));
        });
      const replay = backend.events(userId, sinceSeq);
      if (!replay.ok) {
        send({ error: replay.error });
        return () => (open = false);
      }
      for (const event of replay.value) send({ event });
      // Listening in the same synchronous turn as the replay: no event is missed or repeated.
      const stop = backend.listen(userId, (event) => send({ event }));
      return () => {
        open = false;
        stop();
      };
    },
  };
}
