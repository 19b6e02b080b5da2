/**
 * @packageDocumentation
 * `@live-chat/core/engine`: every backend rule of the Live Chat Workspace, once, behind a small
 * storage port. What each operator command and each customer message does to sessions, the
 * atomic take, activity and alerts, per-user fan-out with gap-free `seq`, `commandId`
 * idempotency (results kept as records in the store), `clientMessageId` deduplication, history
 * paging, scoped search and reports computed from records. Every backend (the in-memory one of
 * `@live-chat/adapters`, a server on SQLite or PostgreSQL) is this engine plus a store, and the
 * adapter conformance suite proves them alike.
 *
 * It is pure TypeScript: no DOM, no Node APIs, no transport. It is a separate entry point, not
 * part of `@live-chat/core`'s main one, so hosts that only render never ship it.
 *
 * ```ts
 * import { createEngine } from '@live-chat/core/engine';
 *
 * const engine = createEngine({ store, onCommit: ({ events }) => deliver(events) });
 * const result = await engine.execute(userId, { type: 'session.take', sessionId, commandId });
 * ```
 *
 * ## A store: {@link StoragePort}
 *
 * A store keeps records and answers indexed queries; it enforces no rule. `transaction(work)`
 * runs `work` with a {@link StoreTransaction}: the directory (users, live chats, groups,
 * customers), sessions, messages, read markers, report episodes, activity, each user's event log
 * (append with the next seq, read since a seq, retention) and command records. The in-memory
 * store runs `work` synchronously; a SQL store runs it between `BEGIN` and `COMMIT`.
 * Transactions must behave as if they ran one at a time (see {@link StoragePort}): that is what
 * makes the take atomic and every user's `seq` gap-free.
 *
 * ## One engine for synchronous and asynchronous stores
 *
 * The in-memory store and better-sqlite3 answer synchronously; PostgreSQL answers with
 * promises. The port's calls therefore return `T | Promise<T>` ({@link Io}), and a store
 * declares its {@link StoreMode}. The rules are written once, as generators that pass every port
 * call through a helper that suspends only when the store answered with a promise. So:
 *
 * - on a `sync` store every engine method answers at once, in the same call, with no microtask
 *   and no promise: the memory backend keeps its synchronous API, which its demo, seed script,
 *   customer simulator and the fault-injection suite rely on. The price is a few short-lived
 *   generator objects per call: an operation costs microseconds, as before;
 * - on an `async` store every engine method answers with a promise ({@link Answer}).
 *
 * The alternatives were worse: an engine that is async throughout would turn every memory
 * backend call into a promise (breaking its synchronous API and moving the timing of every
 * event the fault-injection suite replays), and a synchronous engine could not run on
 * PostgreSQL; two engines would write every rule twice.
 *
 * ## What a committed write hands over
 *
 * Each write runs in one transaction. Once the store committed it, the engine calls
 * `onCommit` with the numbered events per user and the new messages
 * ({@link CommittedChange}): a transport delivers the events to live connections, a server on
 * PostgreSQL may instead `NOTIFY` inside the transaction and let every instance read the log.
 *
 * @module \@live-chat/core/engine
 */
export { createEngine, LiveChatEngine } from './engine.js';
export { EngineBackend } from './backend.js';
export type {
  AttachmentOptions,
  ChangeDelivery,
  DownloadedAttachment,
  EngineBackendOptions,
  OperatorTypingListener,
  TypingListener,
} from './backend.js';
export { MemoryAttachmentStorage } from './attachments.js';
export type { AttachmentOwner, AttachmentStorage, StoredAttachment } from './attachments.js';
export type { Answer, EngineOptions } from './engine.js';
export type { AddedMessage, CommittedChange } from './context.js';
export { DirectoryView } from './directory-view.js';
export type { Memberships } from './directory-view.js';
export { LiveDelivery } from './live-delivery.js';
export type { EventListener, MessageListener } from './live-delivery.js';
export type { CustomerMessageInput, CustomerWriteValue, NewCustomer } from './customers.js';
export type {
  CommandRecord,
  EventInput,
  EventLogRead,
  IdKind,
  Io,
  StoragePort,
  StoredMessagePage,
  StoreMode,
  StoreTransaction,
  TransactionOptions,
  UserEvent,
} from './port.js';
export { ID_PREFIXES } from './port.js';
export { DEFAULT_PAGE, MAX_PAGE, SNAPSHOT_ACTIVITY } from './queries.js';
export { andThen, drive, io, isPromiseLike } from './steps.js';
export type { Step } from './steps.js';
export { defaultSessionName } from './values.js';
export { MAX_ID_LENGTH } from '../domain/limits.js';
export { customerMessageKey } from '../domain/message-keys.js';
