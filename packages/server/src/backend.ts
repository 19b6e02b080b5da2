/**
 * What the server asks of a backend: the per-user calls of the live chat engine. The in-memory
 * `MemoryBackend` of `@live-chat/adapters` is one; a backend on SQLite or PostgreSQL built on
 * `@live-chat/core/engine` is another. The server adds transport, authentication and limits, and
 * enforces no rule itself.
 */
import type {
  Attachment,
  AttachmentPolicy,
  AttachmentUpload,
  Command,
  CommandResult,
  Customer,
  CustomerQuery,
  HistoryQuery,
  Id,
  MessagePage,
  Report,
  ReportQuery,
  Result,
  SearchHit,
  SearchQuery,
  ServerEvent,
  Snapshot,
  TypingSignal,
} from '@live-chat/core';

/** A value, or a promise of it: synchronous and asynchronous backends fit alike. */
export type Awaitable<T> = T | PromiseLike<T>;

/**
 * A live chat backend serving many users. Every call names the user it acts for (the `sub` of
 * the socket's token); the backend checks what that user may see and do. Refusals are typed
 * `Result`s; a call that throws (or rejects) is answered `INTERNAL` and logged.
 */
export interface LiveChatBackend {
  /** Everything `userId` sees, at the current position of their event stream. */
  snapshot(userId: Id): Awaitable<Result<Snapshot>>;
  /** The user's events after `sinceSeq`, in seq order (`RESYNC_REQUIRED` when unavailable). */
  events(userId: Id, sinceSeq: number): Awaitable<Result<ServerEvent[]>>;
  /**
   * Calls `listener` with each new event of the user, in seq order, once its change is
   * committed; returns the function that stops it. The server listens before it reads the
   * replay of `events()` and drops what it already sent, so none is lost or doubled.
   */
  listen(userId: Id, listener: (event: ServerEvent) => void): () => void;
  /** Executes a command; a repeated `commandId` answers the first result and changes nothing. */
  execute<C extends Command>(userId: Id, command: C): Awaitable<CommandResult<C>>;
  /** One page of a session's history. */
  history(userId: Id, query: HistoryQuery): Awaitable<Result<MessagePage>>;
  /** A scoped search over what the user may see. */
  search(userId: Id, query: SearchQuery): Awaitable<Result<SearchHit[]>>;
  /** A report over the backend's records. */
  report<Q extends ReportQuery>(userId: Id, query: Q): Awaitable<Result<Report<Q>>>;
  /**
   * Optional: customers on demand, as `userId` may see them (see `CustomerQuery`): by id, and
   * those they may start a session with by text; `VALIDATION` for a malformed query,
   * `FORBIDDEN` for a text search by a user who may not start sessions. With it, `snapshot`
   * may leave customers out; without it, the server answers a `customers` request with
   * `NOT_FOUND` and the snapshot must carry every customer the user may see.
   */
  readCustomers?(userId: Id, query: CustomerQuery): Awaitable<Result<Customer[]>>;
  /**
   * Optional: whether the backend can serve now (e.g. its database answers). `/readyz` reports
   * 503 while it is `false` or throws. Absent means always ready.
   */
  ready?(): Awaitable<boolean>;

  // ── optional: attachments (`POST /attachments`, `GET /attachments/{id}`) ──────────────────

  /**
   * Stores a file `userId` is about to send; refuses with `VALIDATION` (`details.reason`
   * `FILE_EMPTY`, `FILE_TOO_LARGE`, `FILE_TYPE_NOT_ALLOWED`) and stores nothing. Without it the
   * server has no attachment routes.
   */
  upload?(userId: Id, file: AttachmentUpload): Awaitable<Result<Attachment>>;
  /** A file and its bytes for `userId`: `NOT_FOUND` for an unknown id, `FORBIDDEN` otherwise. */
  download?(
    userId: Id,
    attachmentId: Id,
  ): Awaitable<Result<{ attachment: Attachment; bytes: Uint8Array }>>;
  /** What uploads must meet (told to clients in the welcome). */
  readonly attachmentPolicy?: AttachmentPolicy;
  /** `false` when the backend has no place for files (then no policy is announced); absent means it has. */
  readonly acceptsAttachments?: boolean;

  // ── optional: typing ──────────────────────────────────────────────────────────────────────

  /** `userId` is typing (or stopped) in a session they may see; refused when they may not. */
  operatorTyping?(userId: Id, sessionId: Id, typing: boolean): Awaitable<Result<void>>;
  /** Calls `listener` with the typing signals of the sessions `userId` sees; returns the function that stops it. */
  listenTyping?(userId: Id, listener: (signal: TypingSignal) => void): () => void;
}

/** Whether `backend` takes files: it can upload and download, and has a place for them. */
export function takesAttachments(
  backend: LiveChatBackend,
): backend is LiveChatBackend &
  Required<Pick<LiveChatBackend, 'upload' | 'download' | 'attachmentPolicy'>> {
  return (
    typeof backend.upload === 'function' &&
    typeof backend.download === 'function' &&
    backend.attachmentPolicy !== undefined &&
    backend.acceptsAttachments !== false
  );
}
