/** What the client hands out: its state as observables and getters show it, and command results. */
import type { ErrorInfo } from '../domain/errors.js';
import type { SearchHit } from '../domain/search.js';
import type { Alert, Customer, Id, Message, Session } from '../domain/types.js';
import type { CommandType } from '../protocol/commands.js';

/**
 * Where the client is in loading the user's state: `loading` before the first snapshot,
 * `ready` while live events flow, `resuming` while the state is shown but the event stream is
 * being resumed (the connection dropped or the stream ended), `error` when loading failed (it
 * is retried with a back-off, at once on reconnect or `retryLoad()`).
 */
export type ClientStatus =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'resuming' }
  | { state: 'error'; error: ErrorInfo };

/** A session as lists show it: the session, the user's unread count and the New mark. */
export interface SessionView {
  session: Session;
  unread: number;
  /** The New mark: waiting in a queue. */
  isNew: boolean;
  customer: Customer | undefined;
}

/**
 * Delivery state of a message in the conversation: `pending` while it is being sent,
 * `unconfirmed` when an attempt got no answer and the send is being retried or reconciled
 * ("not confirmed yet"), `failed` when it was refused or its deadline passed (Retry or
 * Discard), `sent` once the backend stored it.
 */
export type MessageDelivery = 'sent' | 'pending' | 'unconfirmed' | 'failed';

/** A message as the conversation shows it. Pending and failed messages have `order = Infinity`. */
export interface MessageView extends Message {
  delivery: MessageDelivery;
  /** Why a failed message failed. */
  error?: ErrorInfo;
}

/** A session's conversation as loaded so far, oldest first. */
export interface ConversationState {
  sessionId: Id;
  messages: MessageView[];
  /** Older history exists and can be loaded with {@link LiveChatClient.loadOlder}. */
  hasMore: boolean;
  /** A history page is loading. */
  loading: boolean;
  /** The last history load failed. */
  error?: ErrorInfo;
}

/** State of an as-you-type search. */
export interface SearchState {
  text: string;
  /** The session searched in, when one is open. */
  sessionId?: Id;
  status: 'idle' | 'searching' | 'done' | 'error';
  hits: SearchHit[];
  error?: ErrorInfo;
}

/** A command whose outcome is not known yet, as `unconfirmed$` lists it. */
export interface UnconfirmedCommand {
  commandId: string;
  type: CommandType;
  sessionId?: Id;
  /** When the first attempt was made (the client's clock). */
  since: number;
}

/**
 * Alerts of one live chat coalesced over a short window, as `alertBursts$` gives them: a burst
 * of one is a single alert; a larger burst reads "37 new requests in Customer Support".
 */
export interface AlertBurst {
  liveChatId: Id;
  /** Alerts in the burst (messages that alerted the user). */
  count: number;
  /** Sessions they came from. */
  sessionCount: number;
  /** The newest alert of the burst (what a burst of one shows). */
  latest: Alert;
}

/**
 * Where the client stands on one customer (see `LiveChatClient.customer$`). A snapshot need not
 * carry customers: the client reads those of what is shown on demand.
 * - `loaded`: here it is.
 * - `loading`: asked for, not answered yet.
 * - `unavailable`: the backend has no such customer that the user may see.
 * - `failed`: the read failed (e.g. `OFFLINE`); it is tried again when the connection comes
 *   back, or at once by `loadCustomers`.
 */
export type CustomerState =
  | { status: 'loaded'; customer: Customer }
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'failed'; error: ErrorInfo };

/** A command result as the client returns it. */
export type ClientResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
