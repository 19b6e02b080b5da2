/**
 * What every backend built on the engine shares, whatever its store: the engine over the store,
 * live delivery of committed changes, the per-user API a transport serves, the customer side,
 * direct reads for tools and tests, and the life cycle. Written once for both store modes: on a
 * `sync` store every call answers at once, on an `async` store with a promise (except `listen`
 * and `onMessage`, which register a listener at once).
 */
import {
  checkUpload,
  DEFAULT_ATTACHMENT_POLICY,
  type Attachment,
  type AttachmentPolicy,
  type AttachmentUpload,
} from '../domain/attachments.js';
import { fail, ok, type Result } from '../domain/errors.js';
import type { Report, ReportQuery } from '../domain/reports.js';
import type { SearchHit, SearchQuery } from '../domain/search.js';
import type { Customer, Id, LiveChat, Message, Session } from '../domain/types.js';
import {
  TYPING_INTERVAL_MS,
  TYPING_TTL_MS,
  type CommandResult,
  type CustomerQuery,
  type HistoryQuery,
  type MessagePage,
  type TypingSignal,
} from '../protocol/adapter.js';
import type { AttachmentOwner, AttachmentStorage, StoredAttachment } from './attachments.js';
import type { Command } from '../protocol/commands.js';
import type { ServerEvent, Snapshot } from '../protocol/events.js';
import type { CommittedChange } from './context.js';
import type { CustomerMessageInput, CustomerWriteValue, NewCustomer } from './customers.js';
import { createEngine, type Answer, type LiveChatEngine } from './engine.js';
import type { EventListener, MessageListener } from './live-delivery.js';
import type { Io, StoragePort, StoreMode, StoreTransaction } from './port.js';
import { andThen, isPromiseLike } from './steps.js';

/**
 * Where a backend's committed changes go, and where live listeners register: the listeners of
 * this process ({@link LiveDelivery}), or those of every instance sharing one database.
 */
export interface ChangeDelivery {
  /** Calls `listener` with each new event of `userId`, in seq order; returns the function that stops it. */
  listen(userId: Id, listener: EventListener): () => void;
  /** Calls `listener` after each new message; returns the function that stops it. */
  onMessage(listener: MessageListener): () => void;
  /** Hands over a change the engine committed. */
  deliver(change: CommittedChange): void;
  /**
   * Calls `listener` with each typing signal for `userId`; returns the function that stops it.
   * A delivery without it carries no typing (signals are dropped).
   */
  listenTyping?(userId: Id, listener: TypingListener): () => void;
  /** Hands a typing signal to the listeners of `userIds` (never stored). */
  deliverTyping?(userIds: readonly Id[], signal: TypingSignal): void;
}

/** Receives the typing signals of sessions a user sees. */
export type TypingListener = (signal: TypingSignal) => void;

/** Receives an operator's typing in a session, for a channel that shows it to the customer. */
export type OperatorTypingListener = (session: Session, userId: Id, typing: boolean) => void;

/** Attachments of an {@link EngineBackend}: where files live and what it accepts. */
export interface AttachmentOptions {
  storage: AttachmentStorage;
  /** Size, count and type limits (default {@link DEFAULT_ATTACHMENT_POLICY}). */
  policy?: AttachmentPolicy;
}

/** A file and its bytes, as a download answers. */
export interface DownloadedAttachment {
  attachment: Attachment;
  bytes: Uint8Array;
}

/** A value or a promise of it, chained without waiting when it is a value. */
function allOf<T>(values: readonly (T | PromiseLike<T>)[]): T[] | Promise<T[]> {
  return values.some(isPromiseLike) ? Promise.all(values) : (values as T[]);
}

/**
 * A new attachment id, `f-` and a random (version 4) UUID, so ids cannot be guessed. Built from
 * `crypto.getRandomValues`, which Web Crypto offers in browsers (also outside secure contexts)
 * and in Node.
 */
function newAttachmentId(): Id {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `f-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const sameOwner = (a: AttachmentOwner, b: AttachmentOwner): boolean =>
  a.kind === 'user'
    ? b.kind === 'user' && a.userId === b.userId
    : b.kind === 'customer' && a.customerId === b.customerId;

/** Options of an {@link EngineBackend}. */
export interface EngineBackendOptions<M extends StoreMode> {
  /** Where the records live. */
  store: StoragePort<M>;
  /** Where committed changes go. */
  delivery: ChangeDelivery;
  /** The engine's clock (default `Date.now`). */
  now?: () => number;
  /** Where attachments live; a backend without it refuses uploads (`VALIDATION`). */
  attachments?: AttachmentOptions;
}

/**
 * A live chat backend: the engine over a store (see the module comment). Rules are the
 * engine's; a write or a per-user read made after `dispose()` answers `INTERNAL`. A subclass
 * adds what its store needs: loading seed data, retention, readiness, and what `release()`
 * frees.
 */
export abstract class EngineBackend<M extends StoreMode = StoreMode> {
  /** The rules, over the store. */
  protected readonly engine: LiveChatEngine<M>;
  /** Where committed changes go (see `committed()`). */
  protected readonly delivery: ChangeDelivery;
  private readonly records: StoragePort<M>;
  private disposed = false;
  private readonly disposeHooks = new Set<() => void>();
  private readonly files: AttachmentStorage | undefined;
  /** What uploads must meet. */
  readonly attachmentPolicy: AttachmentPolicy;
  /** When each sender last passed on `typing: true` in each session (`sender|session`). */
  private readonly typingAt = new Map<string, number>();
  private readonly operatorTypingListeners = new Set<OperatorTypingListener>();

  /** Runs the engine on `options.store`, handing each committed change to `committed()`. */
  protected constructor(options: EngineBackendOptions<M>) {
    this.records = options.store;
    this.delivery = options.delivery;
    this.files = options.attachments?.storage;
    this.attachmentPolicy = options.attachments?.policy ?? DEFAULT_ATTACHMENT_POLICY;
    this.engine = createEngine<M>({
      store: options.store,
      now: options.now,
      onCommit: (change) => this.committed(change),
    });
  }

  /** After each committed write: delivers it. A subclass may first persist it. */
  protected committed(change: CommittedChange): void {
    this.delivery.deliver(change);
  }

  /** `value` as this backend answers: itself on a `sync` store, a promise of it on an `async` one. */
  protected answer<T>(value: T | PromiseLike<T>): Answer<M, T> {
    return (this.engine.mode === 'sync' ? value : Promise.resolve(value)) as Answer<M, T>;
  }

  /** The answer of a write or a per-user read once the backend was disposed. */
  protected refused<R extends Result<unknown>>(): Answer<M, R> {
    return this.answer(fail('INTERNAL', 'The backend was disposed.') as R);
  }

  /** The backend's current time. */
  now(): number {
    return this.engine.now();
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────

  /**
   * Executes an operator command for `userId`. A `commandId` seen before (for the same user)
   * returns the first result again and changes nothing.
   */
  execute<C extends Command>(userId: Id, command: C): Answer<M, CommandResult<C>> {
    if (this.disposed) return this.refused();
    const ids = command?.type === 'message.send' ? command.attachmentIds : undefined;
    if (!Array.isArray(ids) || ids.length === 0) return this.engine.execute(userId, command);
    const sessionId = (command as { sessionId?: unknown }).sessionId;
    return this.withFiles({ kind: 'user', userId }, ids, sessionId, (files) =>
      this.engine.execute(userId, command, files),
    ) as Answer<M, CommandResult<C>>;
  }

  /**
   * A customer writes to a live chat (e.g. a channel's inbound message): appended to their open
   * session there, or reopening their last (closed) one, or starting a new queued one; every
   * operator of the live chat gets an alert. A repeated `clientMessageId` returns the message
   * already stored.
   */
  customerWrites(input: CustomerMessageInput): Answer<M, Result<CustomerWriteValue>> {
    if (this.disposed) return this.refused();
    const ids = input?.attachmentIds;
    if (!Array.isArray(ids) || ids.length === 0) return this.engine.customerWrites(input);
    const owner: AttachmentOwner = { kind: 'customer', customerId: String(input.customerId) };
    return this.withFiles(owner, ids, undefined, (files) =>
      this.engine.customerWrites(input, files),
    ) as Answer<M, Result<CustomerWriteValue>>;
  }

  // ── attachments ──────────────────────────────────────────────────────────────────────────

  /**
   * Runs a write of a message that names files: with the files of `ids` that `owner` uploaded
   * (and, once sent, only in the same session), then links the files to the message's session.
   * Ids it cannot use are left out, and the engine refuses the message for them. Linking
   * follows the commit: should the process stop in between, the file stays its uploader's
   * until the message is sent again (the outbox or the channel retries with the same key), and
   * the answer, the stored message, links it then.
   */
  private withFiles<R extends Result<unknown>>(
    owner: AttachmentOwner,
    ids: readonly unknown[],
    sessionId: unknown,
    write: (files: Attachment[]) => Answer<M, R>,
  ): Answer<M, R> | Promise<R> {
    const storage = this.files;
    const records = allOf(
      storage
        ? ids
            .slice(0, this.attachmentPolicy.perMessage + 1)
            .map((id) => (typeof id === 'string' ? storage.get(id) : undefined))
        : [],
    );
    return andThen(records, (found) => {
      const files = found
        .filter((record): record is StoredAttachment => record !== undefined)
        .filter((record) => sameOwner(record.owner, owner))
        .filter(
          (record) =>
            record.sessionId === undefined ||
            record.sessionId === sessionId ||
            (owner.kind === 'customer' && sessionId === undefined),
        )
        .map((record) => record.attachment);
      if (ids.length > this.attachmentPolicy.perMessage) {
        return fail(
          'VALIDATION',
          `A message carries at most ${this.attachmentPolicy.perMessage} files.`,
          {
            field: 'attachmentIds',
            max: this.attachmentPolicy.perMessage,
          },
        ) as R;
      }
      return andThen(write(files) as R | Promise<R>, (result) => {
        const message = result.ok
          ? (result.value as { message?: { attachments?: Attachment[]; sessionId: Id } }).message
          : undefined;
        if (!storage || !message?.attachments) return result;
        const linked = allOf(
          message.attachments.map((file) => storage.link(file.id, message.sessionId)),
        );
        return andThen(linked, () => result);
      });
    }) as Answer<M, R> | Promise<R>;
  }

  /** Whether the backend takes files: it was given an {@link AttachmentStorage}. */
  get acceptsAttachments(): boolean {
    return this.files !== undefined;
  }

  /**
   * Stores a file a user is about to send. Refuses (`VALIDATION`, with `details.reason`) what
   * the {@link attachmentPolicy} does not allow, and stores nothing then.
   */
  upload(userId: Id, file: AttachmentUpload): Promise<Result<Attachment>> {
    return this.keep({ kind: 'user', userId }, file);
  }

  /** Stores a file a customer sent through a channel, for their next `customerWrites`. */
  customerUpload(customerId: Id, file: AttachmentUpload): Promise<Result<Attachment>> {
    return this.keep({ kind: 'customer', customerId }, file);
  }

  private async keep(owner: AttachmentOwner, file: AttachmentUpload): Promise<Result<Attachment>> {
    if (this.disposed) return fail('INTERNAL', 'The backend was disposed.');
    if (!this.files) return fail('VALIDATION', 'This backend takes no files.', { field: 'file' });
    const checked = checkUpload(file, this.attachmentPolicy);
    if (!checked.ok) return checked;
    const attachment: Attachment = { id: newAttachmentId(), ...checked.value };
    await this.files.put({ attachment, owner, uploadedAt: this.now() }, file.bytes);
    return ok(attachment);
  }

  /**
   * A file and its bytes, for a user who may see the session it was sent in (or who uploaded
   * it and has not sent it yet): `NOT_FOUND` for an unknown id, `FORBIDDEN` otherwise.
   */
  async download(userId: Id, attachmentId: Id): Promise<Result<DownloadedAttachment>> {
    if (this.disposed) return fail('INTERNAL', 'The backend was disposed.');
    const record =
      typeof attachmentId === 'string' ? await this.files?.get(attachmentId) : undefined;
    const missing = fail('NOT_FOUND', 'There is no such file.', { attachmentId });
    if (!record) return missing;
    if (record.sessionId === undefined) {
      if (!sameOwner(record.owner, { kind: 'user', userId })) return missing;
    } else {
      const seen = await this.engine.viewable(userId, record.sessionId);
      if (!seen.ok) return fail('FORBIDDEN', 'You may not see this file.', { attachmentId });
    }
    const bytes = await this.files?.read(attachmentId);
    return bytes ? ok({ attachment: record.attachment, bytes }) : missing;
  }

  // ── typing ───────────────────────────────────────────────────────────────────────────────

  /**
   * Whether a typing signal passes the throttle: a `true` at most every
   * {@link TYPING_INTERVAL_MS} per sender and session; a `false` always.
   */
  private passes(key: string, typing: boolean): boolean {
    const now = this.now();
    if (!typing) {
      this.typingAt.delete(key);
      return true;
    }
    const last = this.typingAt.get(key);
    if (last !== undefined && now - last < TYPING_INTERVAL_MS) return false;
    if (this.typingAt.size >= 10_000) {
      for (const [other, at] of this.typingAt)
        if (now - at > TYPING_TTL_MS) this.typingAt.delete(other);
    }
    this.typingAt.set(key, now);
    return true;
  }

  /**
   * A customer is typing (or stopped) in their open session of a live chat: everyone who sees
   * that session is told, through the delivery. Never stored; throttled; nothing happens when
   * the customer has no open session there.
   */
  customerTyping(customerId: Id, liveChatId: Id, typing: boolean): Promise<Result<void>> {
    if (this.disposed) return Promise.resolve(fail('INTERNAL', 'The backend was disposed.'));
    return Promise.resolve(this.latestSessionOf(customerId, liveChatId)).then(async (session) => {
      if (!session || session.status === 'closed') return ok(undefined);
      if (!this.passes(`c:${customerId}|${session.id}`, typing === true)) return ok(undefined);
      const viewers = await this.engine.viewersOf(session.id);
      this.delivery.deliverTyping?.(viewers, { sessionId: session.id, typing: typing === true });
      return ok(undefined);
    });
  }

  /**
   * An operator is typing (or stopped) in a session they may see: the
   * {@link onOperatorTyping} listeners (the channels) are told. Never stored; throttled.
   */
  async operatorTyping(userId: Id, sessionId: Id, typing: boolean): Promise<Result<void>> {
    if (this.disposed) return fail('INTERNAL', 'The backend was disposed.');
    const seen = await this.engine.viewable(userId, sessionId);
    if (!seen.ok) return seen;
    if (seen.value.status === 'closed') return ok(undefined);
    if (!this.passes(`u:${userId}|${sessionId}`, typing === true)) return ok(undefined);
    for (const listener of [...this.operatorTypingListeners])
      listener(seen.value, userId, typing === true);
    return ok(undefined);
  }

  /** Calls `listener` with each operator typing signal that passed; returns the function that stops it. */
  onOperatorTyping(listener: OperatorTypingListener): () => void {
    this.operatorTypingListeners.add(listener);
    return () => this.operatorTypingListeners.delete(listener);
  }

  /** Receives the typing signals of the sessions `userId` sees; returns the function that stops it. */
  listenTyping(userId: Id, listener: TypingListener): () => void {
    return this.delivery.listenTyping?.(userId, listener) ?? (() => {});
  }

  /**
   * Adds a customer (e.g. a new visitor) to the directory, or replaces one. The staff of the live
   * chats the customer has a session in get `customer.upserted`; a new customer concerns nobody
   * until their first session.
   */
  addCustomer(input: NewCustomer): Answer<M, Result<Customer>> {
    return this.disposed ? this.refused() : this.engine.addCustomer(input);
  }

  // ── per-user reads ───────────────────────────────────────────────────────────────────────

  /** Everything `userId` sees, at the current position of their stream. */
  snapshot(userId: Id): Answer<M, Result<Snapshot>> {
    return this.disposed ? this.refused() : this.engine.snapshot(userId);
  }

  /** The user's events after `sinceSeq` (`RESYNC_REQUIRED` when no longer or not yet available). */
  events(userId: Id, sinceSeq: number): Answer<M, Result<ServerEvent[]>> {
    return this.disposed ? this.refused() : this.engine.events(userId, sinceSeq);
  }

  /** Receives the user's live events in seq order; returns the unsubscribe function. */
  listen(userId: Id, listener: EventListener): () => void {
    return this.delivery.listen(userId, listener);
  }

  /** Seq of the user's last event. */
  seqOf(userId: Id): Answer<M, number> {
    return this.engine.lastSeq(userId);
  }

  /** One page of a session's history, if `userId` may see the session. */
  history(userId: Id, query: HistoryQuery): Answer<M, Result<MessagePage>> {
    return this.disposed ? this.refused() : this.engine.history(userId, query);
  }

  /** A scoped search over what `userId` may see (session names, or one session and its messages). */
  search(userId: Id, query: SearchQuery): Answer<M, Result<SearchHit[]>> {
    return this.disposed ? this.refused() : this.engine.search(userId, query);
  }

  /** Customers on demand, as `userId` may see them: by id, or those they may contact by text. */
  readCustomers(userId: Id, query: CustomerQuery): Answer<M, Result<Customer[]>> {
    return this.disposed ? this.refused() : this.engine.readCustomers(userId, query);
  }

  /** A report over the backend's episodes, messages and sessions; members of the live chat only. */
  report<Q extends ReportQuery>(userId: Id, query: Q): Answer<M, Result<Report<Q>>> {
    return this.disposed ? this.refused() : this.engine.report(userId, query);
  }

  /** The user's unread count of a session. */
  unreadOf(userId: Id, sessionId: Id): Answer<M, number> {
    return this.engine.unreadOf(userId, sessionId);
  }

  /**
   * Calls `listener` after every new message (operator or customer) is committed. Listeners of
   * a synchronous backend run at the end of the write: schedule further writes rather than
   * nesting them.
   */
  onMessage(listener: MessageListener): () => void {
    return this.delivery.onMessage(listener);
  }

  // ── direct reads (channels, tools, demos, tests) ─────────────────────────────────────────
  // These return the store's own immutable values, whoever may see them: do not mutate them.

  /** Reads through one read-only transaction of the store. */
  private read<T>(work: (tx: StoreTransaction<M>) => Io<M, T>): Answer<M, T> {
    return this.answer(this.records.transaction(work, { readOnly: true }) as T | PromiseLike<T>);
  }

  /** A session by id (regardless of who may see it). */
  getSession(sessionId: Id): Answer<M, Session | undefined> {
    return this.read((tx) => tx.session(sessionId));
  }

  /** The newest session between a customer and a live chat, open or closed. */
  latestSessionOf(customerId: Id, liveChatId: Id): Answer<M, Session | undefined> {
    return this.read((tx) => tx.latestSessionOf(customerId, liveChatId));
  }

  /** A session's messages, ascending by order. */
  messagesOf(sessionId: Id): Answer<M, Message[]> {
    return this.read(
      (tx) => andThen(tx.messagesOf(sessionId), (messages) => [...messages]) as Io<M, Message[]>,
    );
  }

  /** A customer by id. */
  getCustomer(customerId: Id): Answer<M, Customer | undefined> {
    return this.read((tx) => tx.customer(customerId));
  }

  /** A live chat by id. */
  getLiveChat(liveChatId: Id): Answer<M, LiveChat | undefined> {
    return this.read((tx) => tx.liveChat(liveChatId));
  }

  // ── life cycle ───────────────────────────────────────────────────────────────────────────

  /** Calls `hook` first when the backend is disposed (e.g. to stop a channel's delivery timers). */
  onDispose(hook: () => void): () => void {
    this.disposeHooks.add(hook);
    return () => this.disposeHooks.delete(hook);
  }

  /** Whether `dispose()` was called. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Runs the dispose hooks, then `release()`; later writes and reads fail. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const hook of [...this.disposeHooks]) hook();
    this.disposeHooks.clear();
    await this.release();
  }

  /** Frees what the backend holds: live delivery, the store (called once, by `dispose()`). */
  protected abstract release(): Promise<void> | void;
}
