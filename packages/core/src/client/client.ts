import {
  asyncScheduler,
  BehaviorSubject,
  EMPTY,
  defer,
  share,
  Subject,
  takeUntil,
  tap,
  type Observable,
} from 'rxjs';
import {
  canActOn,
  canSeeGroup,
  isMemberOf,
  reassignmentTargets,
  visibleGroups,
  type SessionGroupKind,
  type Viewer,
} from '../domain/access.js';
import {
  checkUpload,
  DEFAULT_ATTACHMENT_POLICY,
  invalidAttachment,
  type Attachment,
  type AttachmentPolicy,
  type AttachmentUpload,
} from '../domain/attachments.js';
import type { CannedReply, CannedScope } from '../domain/canned.js';
import type { Counters } from '../domain/counters.js';
import type { Report, ReportQuery } from '../domain/reports.js';
import {
  OUTBOUND_CHANNELS,
  type ActivityEntry,
  type Alert,
  type AssigneeTarget,
  type Availability,
  type Channel,
  type Customer,
  type Id,
  type LiveChat,
  type OperatorGroup,
  type Presence,
  type User,
} from '../domain/types.js';
import {
  validateHandoverNote,
  validateMessageText,
  validateSessionName,
} from '../domain/validation.js';
import type { Binder, HostAction, HostRecord } from '../domain/extensions.js';
import type { Command, CommandValues, StartOutboundCommand } from '../protocol/commands.js';
import type { ConnectionState, TabRole, TransportAdapter } from '../protocol/adapter.js';
import type { ServerEvent, Snapshot } from '../protocol/events.js';
import { coalesceAlerts } from './alert-bursts.js';
import { CommandRunner, disposedError, refused } from './commands.js';
import { commitPlanner } from './commit-plan.js';
import { Conversations, type SendOptions } from './conversation.js';
import { CustomerLoader } from './customer-loader.js';
import { readErrorInfo } from './error-info.js';
import { createMemoryOutbox, OutboxKeeper } from './outbox.js';
import { isReachable, type Timing } from './timing.js';
import { HostExtensions } from './extensions.js';
import { randomId } from './ids.js';
import { searchStream } from './search.js';
import { select } from './select.js';
import { WorkspaceStore } from './store.js';
import { startSync } from './sync.js';
import { TypingState } from './typing.js';
import { invalidData } from '../protocol/validate.js';
import type { LiveChatClientOptions } from './options.js';
import type { LiveChatClient } from './types.js';
import type {
  ClientResult,
  ClientStatus,
  ConversationState,
  CustomerState,
  SearchState,
  SessionView,
} from './views.js';

/** What a command method of the client resolves with: the result of the command `K`. */
type Reply<K extends keyof CommandValues> = Promise<ClientResult<CommandValues[K]>>;

// Shared by every client, so frozen: no client can change another's status object.
const LOADING: ClientStatus = Object.freeze({ state: 'loading' });
const READY: ClientStatus = Object.freeze({ state: 'ready' });

/**
 * Creates one workspace's client. Nothing is shared between clients: every subject, cache and
 * Map belongs to the instance, so two workspaces on one page are independent.
 *
 * How it is put together:
 * - `WorkspaceStore` (store.ts) holds the state in Maps it owns, applies server events with the
 *   pure reducers of reducers.ts and keeps counters and session lists incrementally;
 * - `startSync` (sync.ts) feeds it: snapshot, then events in seq order, resumed after any
 *   blip and resynced from a snapshot only when the backend cannot replay;
 * - `Conversations` (conversation.ts) holds opened conversations, history paging and
 *   optimistic sends; `HostExtensions` (extensions.ts) the host binders and actions;
 * - public observables are `select`ions over the store's change notifications.
 *
 * Session state changes only through server events (and snapshots), never from command results:
 * one source of truth, in seq order, so a result and its event can never disagree or apply
 * twice. The one thing a result does apply is `message.send`'s message, which replaces the
 * pending message in the conversation (deduplicated by id and clientMessageId, whichever of
 * the result and the `message.added` event arrives first).
 */
export function createLiveChatClient(options: LiveChatClientOptions): LiveChatClient {
  return new WorkspaceClient(options);
}

/**
 * Keeps the options for the field initializers of {@link WorkspaceClient}: a subclass's fields
 * are initialised right after its base's constructor returned, so they can read them.
 */
class ClientOptionsHolder {
  constructor(protected readonly options: LiveChatClientOptions) {}
}

class WorkspaceClient extends ClientOptionsHolder implements LiveChatClient {
  readonly #adapter: TransportAdapter = this.options.adapter;
  readonly #destroy$ = new Subject<void>();
  readonly #retryNow$ = new Subject<void>();
  readonly #connectionState = new BehaviorSubject<ConnectionState>('connecting');
  readonly #tabRoleState = new BehaviorSubject<TabRole>('alone');
  readonly #alerts = new Subject<Alert>();
  readonly #timing: Timing = {
    scheduler: this.options.scheduler ?? asyncScheduler,
    random: this.options.random ?? Math.random,
  };
  readonly #requestTimeoutMs = this.options.requestTimeoutMs ?? 5_000;
  readonly #searchDebounceMs = this.options.searchDebounceMs ?? 200;
  readonly #sessionLists = new Map<string, Observable<SessionView[]>>();
  readonly #sessionStreams = new Map<Id, Observable<SessionView | undefined>>();
  #isDisposed = false;
  #outboxRestored = false;
  readonly #checkDisposed = (): boolean => this.#isDisposed;

  readonly #store = new WorkspaceStore(
    this.options.activityLimit ?? 200,
    commitPlanner(this.options.coalesce ?? 'batch', this.#timing.scheduler),
  );
  readonly #outbox = new OutboxKeeper(
    this.options.outbox ?? createMemoryOutbox(),
    () => this.#store.me?.id,
    this.options.outbox !== undefined,
  );
  readonly #commands = new CommandRunner({
    adapter: this.#adapter,
    generateId: this.options.generateId ?? randomId,
    connection$: this.#connectionState,
    destroy$: this.#destroy$,
    isDisposed: this.#checkDisposed,
    timing: this.#timing,
    deadlineMs: this.options.commandDeadlineMs ?? 15_000,
    requestTimeoutMs: this.#requestTimeoutMs,
    reconcile: (command) => this.#reconcile(command),
  });
  readonly #conversations = new Conversations({
    adapter: this.#adapter,
    store: this.#store,
    commands: this.#commands,
    outbox: this.#outbox,
    historyPageSize: this.options.historyPageSize ?? 50,
    cacheSize: this.options.conversationCacheSize ?? 20,
    timing: this.#timing,
    requestTimeoutMs: this.#requestTimeoutMs,
    now: this.options.now ?? Date.now,
    connection$: this.#connectionState,
    online: () => this.#connectionState.value === 'online',
    reachable: () => isReachable(this.#connectionState.value),
    destroy$: this.#destroy$,
    isDisposed: this.#checkDisposed,
  });
  readonly #customerLoader = new CustomerLoader({
    store: this.#store,
    adapter: this.#adapter,
    scheduler: this.#timing.scheduler,
    requestTimeoutMs: this.#requestTimeoutMs,
    destroy$: this.#destroy$,
    isDisposed: this.#checkDisposed,
    online: () => this.#connectionState.value === 'online',
  });
  readonly #typing = new TypingState({
    adapter: this.#adapter,
    scheduler: this.#timing.scheduler,
    destroy$: this.#destroy$,
  });
  readonly #extensions = new HostExtensions(
    {
      store: this.#store,
      conversations: this.#conversations,
      commands: this.#commands,
      customerDirectory: this.options.customerDirectory,
      isDisposed: this.#checkDisposed,
    },
    this.options.binders,
    this.options.actions,
  );

  // The public streams; `implements LiveChatClient` checks their types.
  readonly connection$ = select(this.#connectionState, (state) => state);
  readonly status$ = this.#store.select(
    (s) => s.status,
    (a, b) => a === b || (a.state === b.state && a.state !== 'error'),
  );
  readonly me$ = this.#store.select((s) => s.me);
  readonly liveChats$ = this.#store.select((s) => s.accessibleLiveChats as LiveChat[]);
  readonly counters$ = this.#store.select((s) => s.countersView());
  readonly activity$ = this.#store.select((s) => s.activity as ActivityEntry[]);
  readonly presence$ = this.#store.select((s) => s.presence);
  readonly cannedReplies$ = this.#store.select((s) => s.cannedReplies);
  readonly alerts$ = this.#alerts.asObservable();
  readonly alertBursts$ = this.#alerts.pipe(
    coalesceAlerts(this.options.alertBurstMs ?? 1_000, this.#timing.scheduler),
    share(),
  );
  readonly binders$ = this.#extensions.binders$;
  readonly actions$ = this.#extensions.actions$;
  readonly unconfirmed$ = select(this.#commands.unconfirmed$, (list) => list);
  readonly outboxStorage$ = select(this.#outbox.storage$, (storage) => storage);
  readonly tabRole$ = select(this.#tabRoleState, (role) => role);

  constructor(options: LiveChatClientOptions) {
    super(options);
    const adapter = this.#adapter;
    const store = this.#store;
    const timing = this.#timing;
    const requestTimeoutMs = this.#requestTimeoutMs;
    adapter.tabRole$?.pipe(takeUntil(this.#destroy$)).subscribe({
      next: (role) => this.#tabRoleState.next(role),
      error: () => undefined,
    });

    adapter.connection$.pipe(takeUntil(this.#destroy$)).subscribe({
      next: (state) => {
        this.#connectionState.next(state);
        if (state === 'online') this.#customerLoader.retryFailed();
      },
      error: () => this.#connectionState.next('failed'),
    });

    startSync({
      adapter,
      connection$: this.#connectionState,
      destroy$: this.#destroy$,
      retryNow$: this.#retryNow$,
      timing,
      requestTimeoutMs,
      lastSeq: () => store.seq,
      status: () => store.status,
      setStatus: (status) => {
        store.setStatus(
          status.state === 'loading' ? LOADING : status.state === 'ready' ? READY : status,
        );
        store.commit();
      },
      applySnapshot: (snapshot) => this.#applySnapshot(snapshot),
      applyEvent: (event) => this.#applyEvent(event),
    });
  }

  #applySnapshot(snapshot: Snapshot): void {
    this.#store.applySnapshot(snapshot);
    this.#customerLoader.afterSnapshot();
    this.#store.setStatus(READY);
    // Messages may have been written between a conversation's load and this snapshot (or
    // during the gap before a resync), with no event to tell: conversations are checked.
    this.#conversations.afterSnapshot();
    this.#store.commit();
    if (!this.#outboxRestored) {
      this.#outboxRestored = true;
      void this.#outbox.load(snapshot.me.id).then((entries) => {
        if (this.#isDisposed || entries.length === 0) return;
        this.#conversations.restore(entries);
      });
    }
  }

  #applyEvent(event: ServerEvent): void {
    const store = this.#store;
    // A session that comes (back) into view or reopens may have had messages meanwhile that
    // this user was not sent: its conversation is checked again.
    const back = store.applyEvent(event);
    this.#conversations.applyEvent(event);
    this.#typing.applyEvent(event);
    if (back !== undefined) this.#conversations.invalidate(back);
    if (event.type === 'session.removed') this.#conversations.markStale(event.sessionId);
    store.commitSoon();
    // An alert nobody listens to goes nowhere: not even through the subject.
    if (event.type === 'alert' && this.#alerts.observed) this.#alerts.next(event.alert);
  }

  /**
   * A command's value when the event stream shows that it took effect, for a command whose
   * answer never came (see CommandRunner); `undefined` when it does not show.
   */
  #reconcile(command: Command): unknown {
    const me = this.#store.me?.id;
    if (command.type === 'session.take-next' || command.type === 'session.start-outbound')
      return undefined;
    if (!('sessionId' in command)) return undefined; // commands about no session: nothing to see
    const session = this.#store.session(command.sessionId);
    if (!session) return undefined;
    const assignee = session.assignee;
    switch (command.type) {
      case 'session.take':
        return session.status === 'active' &&
          assignee?.kind === 'operator' &&
          assignee.operatorId === me
          ? { session }
          : undefined;
      case 'message.send': {
        const message = this.#conversations.findSent(command.sessionId, command.clientMessageId);
        return message ? { message, session } : undefined;
      }
      case 'session.close':
        return session.status === 'closed' ? { session } : undefined;
      case 'session.reassign': {
        const target = command.target;
        const done =
          assignee !== null &&
          (target.kind === 'operator'
            ? assignee.kind === 'operator' && assignee.operatorId === target.operatorId
            : assignee.kind === 'group' && assignee.groupId === target.groupId);
        return done ? { session } : undefined;
      }
      case 'session.return-to-queue':
        return session.status === 'queued' && assignee === null ? { session } : undefined;
      case 'session.rename':
        return session.name === command.name ? { session } : undefined;
      case 'session.mark-read':
        return this.#store.unreadOf(command.sessionId) === 0
          ? { sessionId: command.sessionId, unread: 0 }
          : undefined;
      case 'session.bind':
        return session.bindings.some(
          (b) => b.binderId === command.binding.binderId && b.recordId === command.binding.recordId,
        )
          ? { session }
          : undefined;
      case 'session.unbind':
        return session.bindings.some(
          (b) => b.binderId === command.binderId && b.recordId === command.recordId,
        )
          ? undefined
          : { session };
    }
  }

  // -------------------------------------------------------------------------------------------
  // Streams

  sessions$(liveChatId: Id, group: SessionGroupKind): Observable<SessionView[]> {
    const key = `${liveChatId}\u0000${group}`;
    let stream = this.#sessionLists.get(key);
    if (!stream) {
      stream = this.#store.select((s) => s.sessionList(liveChatId, group) as SessionView[]);
      this.#sessionLists.set(key, stream);
    }
    return stream;
  }

  session$(sessionId: Id): Observable<SessionView | undefined> {
    let stream = this.#sessionStreams.get(sessionId);
    if (!stream) {
      // A session shown on its own shows its customer: loaded when missing.
      stream = this.#store
        .select((s) => s.sessionView(sessionId))
        .pipe(
          tap((view) => {
            if (view && !view.customer) this.#customerLoader.load([view.session.customerId]);
          }),
        );
      this.#sessionStreams.set(sessionId, stream);
    }
    return stream;
  }

  conversation$(sessionId: Id): Observable<ConversationState> {
    return this.#conversations.conversation$(sessionId);
  }

  search$(input$: Observable<{ text: string; sessionId?: Id }>): Observable<SearchState> {
    if (this.#isDisposed) return EMPTY;
    return searchStream(
      this.#adapter,
      input$,
      this.#searchDebounceMs,
      this.#destroy$,
      this.#timing.scheduler,
      () => this.#connectionState.value === 'online',
      this.#requestTimeoutMs,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Synchronous snapshots

  get connection(): ConnectionState {
    return this.#connectionState.value;
  }
  get tabRole(): TabRole {
    return this.#tabRoleState.value;
  }
  get status(): ClientStatus {
    return this.#store.status;
  }
  get me(): User | null {
    return this.#store.me;
  }
  get viewer(): Viewer | null {
    return this.#store.viewer;
  }
  get counters(): Counters {
    return this.#store.counters;
  }
  get hasCustomerDirectory(): boolean {
    return this.#extensions.hasCustomerDirectory;
  }
  get disposed(): boolean {
    return this.#isDisposed;
  }

  getSession(sessionId: Id): SessionView | undefined {
    return this.#store.sessionView(sessionId);
  }
  getLiveChat(liveChatId: Id): LiveChat | undefined {
    return this.#store.liveChats.get(liveChatId);
  }
  getGroup(groupId: Id): OperatorGroup | undefined {
    return this.#store.groups.get(groupId);
  }
  getUser(userId: Id): User | undefined {
    return this.#store.users.get(userId);
  }
  getCustomer(customerId: Id): Customer | undefined {
    return this.#store.customers.get(customerId);
  }
  getCustomers(): Customer[] {
    return [...this.#store.customers.values()];
  }
  loadCustomers(customerIds: Iterable<Id>): void {
    this.#customerLoader.load(customerIds);
  }
  customer$(customerId: Id): Observable<CustomerState> {
    return defer(() => {
      this.#customerLoader.load([customerId]);
      return this.#store.select(() => this.#customerLoader.stateOf(customerId));
    });
  }
  findCustomers(text: string, options?: { limit?: number }): Promise<ClientResult<Customer[]>> {
    return this.#customerLoader.find(text, options?.limit);
  }
  oldestQueued(liveChatId?: Id): SessionView | undefined {
    return this.#store.oldestQueued(liveChatId);
  }
  outboundChannels(liveChatId: Id): Channel[] {
    const chat = this.#store.liveChats.get(liveChatId);
    return chat ? chat.channels.filter((channel) => OUTBOUND_CHANNELS.includes(channel)) : [];
  }
  canStartOutbound(liveChatId: Id): boolean {
    const viewer = this.#store.viewer;
    return (
      viewer !== null &&
      isMemberOf(viewer, liveChatId) &&
      this.outboundChannels(liveChatId).length > 0
    );
  }
  reassignmentTargets(sessionId: Id): AssigneeTarget[] {
    const session = this.#store.session(sessionId);
    const chat = session && this.#store.liveChats.get(session.liveChatId);
    return session && chat ? reassignmentTargets(chat, session) : [];
  }
  visibleGroups(liveChatId: Id): SessionGroupKind[] {
    const viewer = this.#store.viewer;
    return viewer ? visibleGroups(viewer, liveChatId) : [];
  }
  canSeeGroup(liveChatId: Id, group: SessionGroupKind): boolean {
    const viewer = this.#store.viewer;
    return viewer !== null && canSeeGroup(viewer, liveChatId, group);
  }
  canActOn(sessionId: Id): boolean {
    const viewer = this.#store.viewer;
    const session = this.#store.session(sessionId);
    return viewer !== null && session !== undefined && canActOn(viewer, session);
  }

  // -------------------------------------------------------------------------------------------
  // Commands

  take(sessionId: Id): Reply<'session.take'> {
    return this.#commands.execute({ type: 'session.take', sessionId });
  }

  takeNext(liveChatId?: Id): Reply<'session.take-next'> {
    return this.#commands.execute(
      liveChatId === undefined
        ? { type: 'session.take-next' }
        : { type: 'session.take-next', liveChatId },
    );
  }

  send(sessionId: Id, text: string, options?: SendOptions): Reply<'message.send'> {
    return this.#conversations.send(sessionId, text, options);
  }

  retry(sessionId: Id, clientMessageId: string): Reply<'message.send'> {
    if (this.#isDisposed) return Promise.resolve(refused(disposedError()));
    return this.#conversations.retry(sessionId, clientMessageId);
  }

  discard(sessionId: Id, clientMessageId: string): void {
    this.#conversations.discard(sessionId, clientMessageId);
  }

  close(sessionId: Id): Reply<'session.close'> {
    return this.#commands.execute({ type: 'session.close', sessionId });
  }

  async reassign(sessionId: Id, target: AssigneeTarget, note?: string): Reply<'session.reassign'> {
    if (note === undefined || note.trim() === '') {
      return this.#commands.execute({ type: 'session.reassign', sessionId, target });
    }
    const valid = validateHandoverNote(note);
    if (!valid.ok) return valid;
    return this.#commands.execute({
      type: 'session.reassign',
      sessionId,
      target,
      note: valid.value,
    });
  }

  setTags(sessionId: Id, tagIds: Id[]): Reply<'session.tag'> {
    return this.#commands.execute({ type: 'session.tag', sessionId, tagIds: [...tagIds] });
  }

  setUrgent(sessionId: Id, urgent: boolean): Reply<'session.set-urgent'> {
    return this.#commands.execute({ type: 'session.set-urgent', sessionId, urgent });
  }

  setAvailability(status: Availability, options: { auto?: boolean } = {}): Reply<'presence.set'> {
    return this.#commands.execute(
      options.auto
        ? { type: 'presence.set', status, auto: true }
        : { type: 'presence.set', status },
    );
  }

  getCannedReplies(): readonly CannedReply[] {
    return this.#store.cannedReplies;
  }

  saveCannedReply(input: {
    replyId?: Id;
    scope: CannedScope | { kind: 'personal' };
    shortcut: string;
    text: string;
  }): Reply<'canned.save'> {
    const me = this.#store.me?.id ?? '';
    const scope: CannedScope =
      input.scope.kind === 'personal' ? { kind: 'personal', userId: me } : input.scope;
    return this.#commands.execute({
      type: 'canned.save',
      ...(input.replyId !== undefined && { replyId: input.replyId }),
      scope,
      shortcut: input.shortcut.trim(),
      text: input.text,
    });
  }

  deleteCannedReply(replyId: Id): Reply<'canned.delete'> {
    return this.#commands.execute({ type: 'canned.delete', replyId });
  }

  getPresence(userId: Id): Presence {
    return this.#store.presence.get(userId) ?? { userId, status: 'online', since: 0 };
  }

  returnToQueue(sessionId: Id): Reply<'session.return-to-queue'> {
    return this.#commands.execute({ type: 'session.return-to-queue', sessionId });
  }

  async rename(sessionId: Id, name: string): Reply<'session.rename'> {
    const valid = validateSessionName(name);
    if (!valid.ok) return valid;
    return this.#commands.execute({ type: 'session.rename', sessionId, name: valid.value });
  }

  markRead(sessionId: Id): Reply<'session.mark-read'> {
    const upToOrder = this.#conversations.readUpTo(sessionId);
    return this.#commands.execute(
      upToOrder === undefined
        ? { type: 'session.mark-read', sessionId }
        : { type: 'session.mark-read', sessionId, upToOrder },
    );
  }

  async startOutbound(input: {
    liveChatId: Id;
    customerId: Id;
    channel: Channel;
    name?: string;
    text?: string;
  }): Reply<'session.start-outbound'> {
    const command: Omit<StartOutboundCommand, 'commandId'> = {
      type: 'session.start-outbound',
      liveChatId: input.liveChatId,
      customerId: input.customerId,
      channel: input.channel,
    };
    if (input.name !== undefined && input.name.trim() !== '') {
      const name = validateSessionName(input.name);
      if (!name.ok) return name;
      command.name = name.value;
    }
    if (input.text !== undefined && input.text.trim() !== '') {
      const text = validateMessageText(input.text);
      if (!text.ok) return text;
      command.text = text.value;
      command.clientMessageId = this.#commands.newId();
    }
    return this.#commands.execute(command);
  }

  loadOlder(sessionId: Id): Promise<void> {
    return this.#conversations.loadOlder(sessionId);
  }

  // -------------------------------------------------------------------------------------------
  // Attachments and typing

  get attachmentPolicy(): AttachmentPolicy | undefined {
    const adapter = this.#adapter;
    if (!adapter.upload) return undefined;
    // An adapter that tells its policy may say "none"; one that does not gets the default.
    return 'attachmentPolicy' in adapter ? adapter.attachmentPolicy : DEFAULT_ATTACHMENT_POLICY;
  }

  async upload(file: AttachmentUpload): Promise<ClientResult<Attachment>> {
    if (this.#isDisposed) return refused(disposedError());
    const policy = this.attachmentPolicy;
    if (!policy || !this.#adapter.upload) {
      return refused({
        code: 'VALIDATION',
        message: 'Files cannot be attached here.',
        details: { field: 'file' },
      });
    }
    const checked = checkUpload(file, policy);
    if (!checked.ok) return checked;
    try {
      const attachment = await this.#adapter.upload(file);
      const problem = invalidAttachment(attachment);
      return problem === undefined
        ? { ok: true, value: attachment }
        : refused(invalidData('attachment', problem));
    } catch (error) {
      return refused(readErrorInfo(error, this.#connectionState.value === 'online'));
    }
  }

  async download(attachmentId: Id): Promise<ClientResult<Uint8Array>> {
    if (this.#isDisposed) return refused(disposedError());
    if (!this.#adapter.download) {
      return refused({
        code: 'NOT_FOUND',
        message: 'Files cannot be fetched here.',
        details: { attachmentId },
      });
    }
    try {
      const bytes = await this.#adapter.download(attachmentId);
      return bytes instanceof Uint8Array
        ? { ok: true, value: bytes }
        : refused(invalidData('attachment', 'bytes'));
    } catch (error) {
      return refused(readErrorInfo(error, this.#connectionState.value === 'online'));
    }
  }

  customerTyping$(sessionId: Id): Observable<boolean> {
    return this.#typing.customerTyping$(sessionId);
  }

  setTyping(sessionId: Id, typing: boolean): void {
    if (!this.#isDisposed) this.#typing.send(sessionId, typing);
  }

  async report<Q extends ReportQuery>(query: Q): Promise<ClientResult<Report<Q>>> {
    if (this.#isDisposed) return refused(disposedError());
    try {
      return { ok: true, value: await this.#adapter.report(query) };
    } catch (error) {
      return refused(readErrorInfo(error, this.#connectionState.value === 'online'));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Host extension points

  registerBinder(binder: Binder): () => void {
    return this.#extensions.registerBinder(binder);
  }
  registerAction(action: HostAction): () => void {
    return this.#extensions.registerAction(action);
  }
  searchRecords(
    binderId: string,
    sessionId: Id,
    query: string,
    messageId?: Id,
  ): Promise<ClientResult<HostRecord[]>> {
    return this.#extensions.searchRecords(binderId, sessionId, query, messageId);
  }
  bindRecord(
    binderId: string,
    sessionId: Id,
    record: HostRecord,
    messageId?: Id,
  ): Reply<'session.bind'> {
    return this.#extensions.bindRecord(binderId, sessionId, record, messageId);
  }
  createRecord(binderId: string, sessionId: Id, messageId?: Id): Reply<'session.bind'> {
    return this.#extensions.createRecord(binderId, sessionId, messageId);
  }
  unbindRecord(sessionId: Id, binderId: string, recordId: string): Reply<'session.unbind'> {
    return this.#extensions.unbindRecord(sessionId, binderId, recordId);
  }
  runAction(actionId: string, sessionId: Id): Promise<ClientResult<{ message?: string }>> {
    return this.#extensions.runAction(actionId, sessionId);
  }
  addCustomerToDatabase(customerId: Id): Promise<ClientResult<{ customerId: Id }>> {
    return this.#extensions.addCustomerToDatabase(customerId);
  }

  // -------------------------------------------------------------------------------------------

  /** Asks the sync loop to load the user's state again now, when the last load failed. */
  retryLoad(): void {
    const state = this.#store.status.state;
    if (this.#isDisposed || (state !== 'error' && state !== 'resuming')) return;
    this.#retryNow$.next();
  }

  /**
   * Releases everything: the sync loop and the adapter subscriptions end (`destroy$`), every
   * public observable completes, in-flight effects are ignored when they settle, and commands
   * resolve to an `INTERNAL` "disposed" error. The adapter itself belongs to whoever created it
   * and is not disposed here.
   */
  dispose(): void {
    if (this.#isDisposed) return;
    this.#isDisposed = true;
    this.#destroy$.next();
    this.#destroy$.complete();
    this.#retryNow$.complete();
    this.#store.complete();
    this.#alerts.complete();
    this.#connectionState.complete();
    this.#tabRoleState.complete();
    this.#commands.complete();
    this.#outbox.complete();
    this.#extensions.complete();
    this.#typing.complete();
    this.#sessionLists.clear();
    this.#sessionStreams.clear();
  }
}
