/**
 * The messages tabs of one user exchange over their shared channel. Each is one JSON text: the
 * tab-shared adapter carries exactly what a network would, and ignores anything on the channel
 * that is not one of its messages.
 */
import { isErrorInfo, LiveChatError } from '@live-chat/core';
import type { ConnectionState, ErrorInfo, Id, ServerEvent, TypingSignal } from '@live-chat/core';
import type { AdapterOffer } from './offer.js';

/**
 * The calls a follower forwards to the leader: the reads, the command, and the file transfers
 * (their bytes cross as base64, see ./files.ts).
 */
export type RequestOp =
  'snapshot' | 'execute' | 'history' | 'search' | 'report' | 'customers' | 'upload' | 'download';

/**
 * An error as it crosses the channel: the {@link ErrorInfo} of an error that carried a code, or
 * only the message of one that did not (the receiving tab then rejects with a plain `Error`,
 * so its client classifies it exactly as the leader's client would have).
 */
export type WireError = ErrorInfo | { message: string };

/** Every message of the protocol. `from` is the sending tab; `to` the one tab it is meant for. */
export type TabMessage =
  /** A tab without a known leader asks who leads. */
  | { kind: 'hello'; from: string }
  /**
   * The leader introduces itself (on taking the lock, and in answer to `hello`), with what its
   * real adapter offers beyond the required members.
   */
  | { kind: 'leader'; from: string; state: ConnectionState; offer: AdapterOffer }
  /** The leader lets go (its adapter was disposed); a follower takes over. */
  | { kind: 'leader-gone'; from: string }
  /** The leader's connection state changed (its attachment policy may have, too). */
  | { kind: 'connection'; from: string; state: ConnectionState; offer: AdapterOffer }
  /** A follower's call; answered by one `response` with the same `id`. */
  | { kind: 'request'; from: string; to: string; id: number; op: RequestOp; payload?: unknown }
  | { kind: 'response'; from: string; to: string; id: number; value?: unknown; error?: WireError }
  /** A follower's `events(sinceSeq)`; answered by `event`s and at most one `events-end`. */
  | { kind: 'subscribe'; from: string; to: string; id: number; sinceSeq: number }
  | { kind: 'unsubscribe'; from: string; to: string; id: number }
  | { kind: 'event'; from: string; to: string; id: number; event: ServerEvent }
  /** The leader's stream ended: with `error` when it failed, else it completed. */
  | { kind: 'events-end'; from: string; to: string; id: number; error?: WireError }
  /** A follower listens to the customers' typing; the leader sends it each `typing` until `typing-unsubscribe`. */
  | { kind: 'typing-subscribe'; from: string; to: string }
  | { kind: 'typing-unsubscribe'; from: string; to: string }
  /** One typing signal of the leader's real adapter (no seq: nothing is replayed). */
  | { kind: 'typing'; from: string; to: string; signal: TypingSignal }
  /** A follower's `sendTyping`, fire and forget. */
  | { kind: 'send-typing'; from: string; to: string; sessionId: Id; typing: boolean }
  /** A follower's adapter was disposed: the leader drops what it served it. */
  | { kind: 'follower-gone'; from: string };

/** The message as channel data. */
export function encode(message: TabMessage): string {
  return JSON.stringify(message);
}

/** The message carried by channel data, or `undefined` for anything else. */
export function decode(data: unknown): TabMessage | undefined {
  if (typeof data !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as { kind?: unknown; from?: unknown };
  if (typeof message.kind !== 'string' || typeof message.from !== 'string') return undefined;
  return value as TabMessage;
}

/** What crosses the channel for an error thrown (or returned) in the leader's tab. */
export function toWireError(error: unknown): WireError {
  if (isErrorInfo(error)) {
    return error.details
      ? { code: error.code, message: error.message, details: error.details }
      : { code: error.code, message: error.message };
  }
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : 'Unexpected error in the tab holding the connection.';
  return { message };
}

/** The error to reject with in the receiving tab. */
export function fromWireError(error: WireError): Error {
  return isErrorInfo(error) ? LiveChatError.from(error) : new Error(error.message);
}
