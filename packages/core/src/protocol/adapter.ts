import type { Observable } from 'rxjs';
import type { ErrorInfo } from '../domain/errors.js';
import type { ReportQuery, Report } from '../domain/reports.js';
import type { SearchHit, SearchQuery } from '../domain/search.js';
import type { Attachment, AttachmentPolicy, AttachmentUpload } from '../domain/attachments.js';
import type { Customer, Id, Message } from '../domain/types.js';
import type { Command, CommandValues } from './commands.js';
import type { ServerEvent, Snapshot } from './events.js';

/** Connection state of an adapter, as the workspace shows it. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'failed';

/**
 * Where a browser tab stands when several tabs of one user share one connection: the `leader`
 * holds the real connection, a `follower` talks to the backend through the leader, and a tab
 * that shares nothing is `alone`. Alerts sound and notify only in a tab that is not a follower.
 */
export type TabRole = 'leader' | 'follower' | 'alone';

/** Result of executing a command: the command's value, or a typed error and nothing changed. */
export type CommandResult<C extends Command = Command> =
  { ok: true; value: CommandValues[C['type']] } | { ok: false; error: ErrorInfo };

/**
 * The customer of a session is typing (`typing: true`) or stopped (`false`, e.g. they sent or
 * cleared their text). Ephemeral: never stored, never in the event stream, never counted as
 * unread. A `true` lapses by itself after {@link TYPING_TTL_MS} unless another one comes.
 */
export interface TypingSignal {
  sessionId: Id;
  typing: boolean;
}

/** How long a typing signal holds without another one, in milliseconds. */
export const TYPING_TTL_MS = 6000;

/**
 * The least time between two `typing: true` signals of one sender in one session, in
 * milliseconds: senders send no more often, and backends drop what comes faster.
 */
export const TYPING_INTERVAL_MS = 2000;

/** One page of a session's history, oldest first. */
export interface MessagePage {
  messages: Message[];
  /** Whether older messages exist before the first one of this page. */
  hasMore: boolean;
}

/** A request for one page of history: the `limit` messages before `beforeOrder` (the newest when absent). */
export interface HistoryQuery {
  sessionId: Id;
  beforeOrder?: number;
  limit?: number;
}

/** Most customer ids one {@link CustomerQuery} may name. */
export const MAX_CUSTOMER_IDS = 100;
/** Most customers a search by text ({@link CustomerQuery}) answers; also its default `limit`. */
export const MAX_CUSTOMER_MATCHES = 50;

/**
 * A read of customers, which a snapshot need not carry (see {@link TransportAdapter.customers}):
 * - `{ ids }`: these customers (at most {@link MAX_CUSTOMER_IDS}), e.g. those of the rows in
 *   view. Ids the user may not see, or that name nobody, are left out of the answer.
 * - `{ text, limit }`: the customers the user may start a session with (customers of their live
 *   chats, and contacts of no live chat yet) whose name or account contains `text` (any case;
 *   an empty text matches all), at most `limit` (1 to {@link MAX_CUSTOMER_MATCHES}, which is
 *   the default), in the order they were added.
 */
export type CustomerQuery = { ids: Id[] } | { text: string; limit?: number };

/**
 * The one interface a backend implements to drive the workspace. One adapter instance speaks
 * for one signed-in user. The recovery contract: `snapshot()` returns the state at some `seq`,
 * and `events(seq)` emits every later event in order, each with `seq` one more than the last.
 * When it cannot serve from `seq` (too old, unknown) it errors with code `RESYNC_REQUIRED`,
 * and the client takes a new snapshot.
 */
export interface TransportAdapter {
  /** Current connection state; replays the latest value to new subscribers. */
  readonly connection$: Observable<ConnectionState>;
  /** The user's whole visible state. */
  snapshot(): Promise<Snapshot>;
  /** Events after `sinceSeq`, then live events, in `seq` order. */
  events(sinceSeq: number): Observable<ServerEvent>;
  /** Executes a command; repeating a `commandId` returns the first result and changes nothing. */
  execute<C extends Command>(command: C): Promise<CommandResult<C>>;
  /** One page of a session's message history. */
  history(query: HistoryQuery): Promise<MessagePage>;
  /** A scoped search over what the user may see. */
  search(query: SearchQuery): Promise<SearchHit[]>;
  /** A report computed by the backend from its own records. */
  report<Q extends ReportQuery>(query: Q): Promise<Report<Q>>;
  /**
   * Optional: customers on demand (see {@link CustomerQuery}). With it, a snapshot may leave
   * customers out (`snapshot.customers` empty, as the bundled backends send it) and the client
   * reads the customers of what it shows; it rejects with `VALIDATION` for a malformed query
   * and `FORBIDDEN` when the user may not start sessions. Adapters without it must put every
   * customer the user may see in the snapshot.
   */
  customers?(query: CustomerQuery): Promise<Customer[]>;
  /**
   * Optional: this tab's role when tabs share one connection (see {@link TabRole}). Adapters
   * that do not share a connection between tabs leave it out, which means `alone`.
   */
  readonly tabRole$?: Observable<TabRole>;
  /**
   * Optional: stores a file the user is about to send (see `SendMessageCommand.attachmentIds`).
   * Resolves its {@link Attachment}; rejects with `VALIDATION` (`details.reason` `FILE_EMPTY`,
   * `FILE_TOO_LARGE` or `FILE_TYPE_NOT_ALLOWED`) and stores nothing when the backend refuses it.
   * Adapters without it offer no attachments: the composer hides its attach button.
   */
  upload?(file: AttachmentUpload): Promise<Attachment>;
  /**
   * Optional: what the backend accepts as attachments, so the workspace can refuse a file
   * before uploading it; `undefined` here says it takes none. An adapter with `upload` and
   * without this property gets `DEFAULT_ATTACHMENT_POLICY`.
   */
  readonly attachmentPolicy?: AttachmentPolicy;
  /**
   * Optional: the bytes of an attachment of a session the user may see (or one they uploaded).
   * Rejects with `NOT_FOUND` or `FORBIDDEN` otherwise.
   */
  download?(attachmentId: Id): Promise<Uint8Array>;
  /** Optional: the customers' typing in sessions the user may see (see {@link TypingSignal}). */
  readonly typing$?: Observable<TypingSignal>;
  /**
   * Optional: tells the session's channel that the user is typing or stopped, for channels that
   * show it to the customer. Fire and forget: nothing is stored, a lost signal lapses by itself.
   */
  sendTyping?(sessionId: Id, typing: boolean): void;
  /** Releases connections and subscriptions. */
  dispose?(): void;
}
