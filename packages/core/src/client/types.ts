/** The interface of one workspace's client (see {@link createLiveChatClient}). */
import type { Observable } from 'rxjs';
import type { SendOptions } from './conversation.js';
import type { OutboxStorage } from './outbox.js';
import type {
  AlertBurst,
  ClientResult,
  ClientStatus,
  ConversationState,
  CustomerState,
  SearchState,
  SessionView,
  UnconfirmedCommand,
} from './views.js';
import type { Viewer, SessionGroupKind } from '../domain/access.js';
import type { Attachment, AttachmentPolicy, AttachmentUpload } from '../domain/attachments.js';
import type { CannedReply, CannedScope } from '../domain/canned.js';
import type { Counters } from '../domain/counters.js';
import type { Binder, HostAction, HostRecord } from '../domain/extensions.js';
import type { Report, ReportQuery } from '../domain/reports.js';
import type {
  ActivityEntry,
  Alert,
  AssigneeTarget,
  Availability,
  Presence,
  Channel,
  Customer,
  Id,
  LiveChat,
  OperatorGroup,
  User,
} from '../domain/types.js';
import type { CommandValues } from '../protocol/commands.js';
import type { CommandResult, ConnectionState, TabRole } from '../protocol/adapter.js';

/**
 * One workspace's client: state as observables (ending in `$`, replaying their latest value),
 * synchronous getters where components need a snapshot, and commands as async methods that
 * resolve to typed results (they never reject for domain errors). One client per workspace;
 * two clients never share state. `dispose()` releases everything.
 */
export interface LiveChatClient {
  readonly connection$: Observable<ConnectionState>;
  readonly status$: Observable<ClientStatus>;
  /** The signed-in user; `null` until the first snapshot. */
  readonly me$: Observable<User | null>;
  /** Live chats the user can access, in directory order. */
  readonly liveChats$: Observable<LiveChat[]>;
  readonly counters$: Observable<Counters>;
  /** The user's activity stream, newest first. */
  readonly activity$: Observable<ActivityEntry[]>;
  /**
   * The availability of the users the backend tells this user about (their own and, for a
   * supervisor, their operators'), by user id; whoever is missing is online. See
   * {@link LiveChatClient.getPresence}.
   */
  readonly presence$: Observable<ReadonlyMap<Id, Presence>>;
  /**
   * The canned replies the user may use: their own and their live chats'. Find them with
   * `matchCannedReplies` and fill their variables with `fillCannedReply` (both from this package).
   */
  readonly cannedReplies$: Observable<readonly CannedReply[]>;
  /** Incoming-message alerts for this user, as they happen (not replayed). */
  readonly alerts$: Observable<Alert>;
  /**
   * The same alerts coalesced per live chat (see {@link AlertBurst}): the first alert of a quiet
   * live chat at once, then at most one burst per `alertBurstMs` window while more arrive.
   * What notifications should follow, so a burst of requests makes one notification, not one
   * per message.
   */
  readonly alertBursts$: Observable<AlertBurst>;
  readonly binders$: Observable<Binder[]>;
  readonly actions$: Observable<HostAction[]>;
  /**
   * Commands sent but not confirmed yet (an attempt timed out or hit a network error, and the
   * client is retrying it with the same `commandId`); empty most of the time.
   */
  readonly unconfirmed$: Observable<UnconfirmedCommand[]>;
  /** Where unsent messages are kept: `memory` after the outbox storage failed (show a notice). */
  readonly outboxStorage$: Observable<OutboxStorage>;
  /** This tab's role when tabs share one connection: alerts sound only where it is not `follower`. */
  readonly tabRole$: Observable<TabRole>;

  /** Sessions of one menu group of one live chat: queue oldest first, others newest activity first. */
  sessions$(liveChatId: Id, group: SessionGroupKind): Observable<SessionView[]>;
  /** One session; `undefined` when unknown or not visible to the user. */
  session$(sessionId: Id): Observable<SessionView | undefined>;
  /** A session's conversation; subscribing loads the newest page if nothing is loaded yet. */
  conversation$(sessionId: Id): Observable<ConversationState>;
  /** As-you-type search: debounced, stale queries cancelled, scoped to `sessionId` when given. */
  search$(input$: Observable<{ text: string; sessionId?: Id }>): Observable<SearchState>;

  // Synchronous snapshots
  readonly connection: ConnectionState;
  readonly tabRole: TabRole;
  readonly status: ClientStatus;
  readonly me: User | null;
  readonly viewer: Viewer | null;
  readonly counters: Counters;
  /** The session as lists show it, now; `undefined` when unknown or not visible to the user. */
  getSession(sessionId: Id): SessionView | undefined;
  /** A live chat the user can access, now. */
  getLiveChat(liveChatId: Id): LiveChat | undefined;
  /** An operator group, now. */
  getGroup(groupId: Id): OperatorGroup | undefined;
  /** A user (operator, supervisor or internal user), now. */
  getUser(userId: Id): User | undefined;
  /**
   * A customer, now, if loaded: a snapshot need not carry customers (see
   * {@link LiveChatClient.loadCustomers}); events and reads fill them in.
   */
  getCustomer(customerId: Id): Customer | undefined;
  /** Every customer loaded so far (not every customer of the workspace: see {@link findCustomers}). */
  getCustomers(): Customer[];
  /**
   * Loads the customers not loaded yet (or whose read failed), in batches read together at the
   * end of the current run; the session views of their sessions then emit again with them.
   * Ids loading or loaded are skipped, so calling it on every render is cheap. Does nothing with
   * an adapter that reads no customers on demand (its snapshot carries them).
   */
  loadCustomers(customerIds: Iterable<Id>): void;
  /** One customer and where the client stands on it; subscribing loads it when missing. */
  customer$(customerId: Id): Observable<CustomerState>;
  /**
   * The customers the user may start a session with whose name or account contains `text` (any
   * case; all for an empty text), at most `limit` (default and most: `MAX_CUSTOMER_MATCHES`),
   * read from the backend; with an adapter that reads no customers on demand, matched among the
   * loaded ones.
   */
  findCustomers(text: string, options?: { limit?: number }): Promise<ClientResult<Customer[]>>;
  /** A user's availability, now: `online` (since 0) when nothing else is known. */
  getPresence(userId: Id): Presence;
  /** The canned replies the user may use, now. */
  getCannedReplies(): readonly CannedReply[];
  /**
   * Saves a canned reply: a new one without `replyId`, else a change. A live chat's replies are
   * kept by its supervisors; anyone keeps their own (`scope: { kind: 'personal' }`).
   */
  saveCannedReply(input: {
    replyId?: Id;
    scope: CannedScope | { kind: 'personal' };
    shortcut: string;
    text: string;
  }): Promise<ClientResult<CommandValues['canned.save']>>;
  /** Deletes a canned reply the user may keep. */
  deleteCannedReply(replyId: Id): Promise<ClientResult<CommandValues['canned.delete']>>;
  /** The oldest session of the user's queues, if any (what the blue counter opens). */
  oldestQueued(liveChatId?: Id): SessionView | undefined;
  /** Whether the user may start an outbound session in the live chat (a messenger or email channel, and membership). */
  canStartOutbound(liveChatId: Id): boolean;
  /** Outbound channels of the live chat. */
  outboundChannels(liveChatId: Id): Channel[];
  /** Whether the user may act on the session (reply, close, reassign, rename, bind). */
  canActOn(sessionId: Id): boolean;
  /** Where the session may be reassigned: the live chat's targets less its current assignee. */
  reassignmentTargets(sessionId: Id): AssigneeTarget[];
  /** The menu groups of a live chat the user sees, in menu order (Active only for its supervisors). */
  visibleGroups(liveChatId: Id): SessionGroupKind[];
  /** Whether the user sees one menu group of a live chat. */
  canSeeGroup(liveChatId: Id, group: SessionGroupKind): boolean;
  readonly hasCustomerDirectory: boolean;

  // Commands
  /** Takes a queued session: it becomes active and assigned to the user (`ALREADY_TAKEN` if someone was faster). */
  take(sessionId: Id): Promise<ClientResult<CommandValues['session.take']>>;
  /** Takes the oldest session of the user's queues (of one live chat when given): the blue counter's click. */
  takeNext(liveChatId?: Id): Promise<ClientResult<CommandValues['session.take-next']>>;
  /**
   * Sends a message; it shows at once as pending and is reconciled by its clientMessageId.
   * With `{ note: true }` it is a private note among staff (never sent to the customer), which
   * may mention colleagues.
   */
  send(
    sessionId: Id,
    text: string,
    options?: SendOptions,
  ): Promise<ClientResult<CommandValues['message.send']>>;
  /** Re-sends a failed message with the same clientMessageId. */
  retry(
    sessionId: Id,
    clientMessageId: string,
  ): Promise<ClientResult<CommandValues['message.send']>>;
  /** Drops a failed message from the conversation. */
  discard(sessionId: Id, clientMessageId: string): void;
  /** Closes the session; it moves to Closed with its history kept. */
  close(sessionId: Id): Promise<ClientResult<CommandValues['session.close']>>;
  /**
   * Reassigns the session to an operator or a group among the live chat's reassignment targets,
   * with an optional note for the new assignee.
   */
  reassign(
    sessionId: Id,
    target: AssigneeTarget,
    note?: string,
  ): Promise<ClientResult<CommandValues['session.reassign']>>;
  /** Sets the tags the session carries (ids of its live chat's tags; `[]` removes them). */
  setTags(sessionId: Id, tagIds: Id[]): Promise<ClientResult<CommandValues['session.tag']>>;
  /** Marks the session urgent (first in the queue) or takes the mark away. */
  setUrgent(
    sessionId: Id,
    urgent: boolean,
  ): Promise<ClientResult<CommandValues['session.set-urgent']>>;
  /**
   * Sets the user's availability. `auto` marks what the workspace decides (away when idle): it
   * never overrides what the user chose.
   */
  setAvailability(
    status: Availability,
    options?: { auto?: boolean },
  ): Promise<ClientResult<CommandValues['presence.set']>>;
  /** Returns an active session to the queue, unassigned. */
  returnToQueue(sessionId: Id): Promise<ClientResult<CommandValues['session.return-to-queue']>>;
  /** Renames the session (a trimmed, non-empty name of at most `MAX_SESSION_NAME_LENGTH` characters). */
  rename(sessionId: Id, name: string): Promise<ClientResult<CommandValues['session.rename']>>;
  /** Marks every loaded message of the session read. */
  markRead(sessionId: Id): Promise<ClientResult<CommandValues['session.mark-read']>>;
  /** Starts an outbound session with a customer through a messenger or email channel of the live chat (+New Session). */
  startOutbound(input: {
    liveChatId: Id;
    customerId: Id;
    channel: Channel;
    name?: string;
    text?: string;
  }): Promise<ClientResult<CommandValues['session.start-outbound']>>;
  /** Loads the next older page of a session's history. */
  loadOlder(sessionId: Id): Promise<void>;

  // Attachments and typing
  /**
   * What the backend accepts as attachments, or `undefined` when its adapter takes no files
   * (the composer then offers none).
   */
  readonly attachmentPolicy: AttachmentPolicy | undefined;
  /**
   * Uploads a file to send with a message (`send(…, { attachments })`). Checks it against
   * {@link attachmentPolicy} first: a file that is empty, too large or of a type not accepted
   * is refused at once with `VALIDATION` (`details.reason` `FILE_EMPTY`, `FILE_TOO_LARGE`,
   * `FILE_TYPE_NOT_ALLOWED`) and nothing is sent; so is any file when the adapter takes none.
   */
  upload(file: AttachmentUpload): Promise<ClientResult<Attachment>>;
  /**
   * The bytes of an attachment of a session the user sees (`NOT_FOUND`, `FORBIDDEN`, `OFFLINE`
   * otherwise). Show them as an image only when `isPreviewable(bytes, attachment.type)`.
   */
  download(attachmentId: Id): Promise<ClientResult<Uint8Array>>;
  /**
   * Whether the session's customer is typing now: `true` from a typing signal until they stop,
   * send a message, or `TYPING_TTL_MS` pass without another signal. Always `false` with an
   * adapter that carries no typing.
   */
  customerTyping$(sessionId: Id): Observable<boolean>;
  /**
   * Tells the session's channel that the user is typing (`true`, sent at most every
   * `TYPING_INTERVAL_MS`) or stopped (`false`, sent only after a `true`). Ephemeral: never
   * stored, nothing to await.
   */
  setTyping(sessionId: Id, typing: boolean): void;
  /** Asks the backend for a report computed from its own records. */
  report<Q extends ReportQuery>(query: Q): Promise<ClientResult<Report<Q>>>;

  // Host extension points
  /**
   * Adds a host binder (shown in the about-session pane); returns the function that removes it.
   * Throws a `VALIDATION` `LiveChatError` for an empty id or a label over `FIELD_LIMITS.binderLabel`.
   */
  registerBinder(binder: Binder): () => void;
  /**
   * Adds a host action (the +Actions menu); returns the function that removes it. Throws a
   * `VALIDATION` `LiveChatError` for an empty id or a label over `FIELD_LIMITS.actionLabel`.
   */
  registerAction(action: HostAction): () => void;
  /** Searches a binder's records for the session (or message). */
  searchRecords(
    binderId: string,
    sessionId: Id,
    query: string,
    messageId?: Id,
  ): Promise<ClientResult<HostRecord[]>>;
  /** Binds an existing host record to the session (or message). */
  bindRecord(
    binderId: string,
    sessionId: Id,
    record: HostRecord,
    messageId?: Id,
  ): Promise<ClientResult<CommandValues['session.bind']>>;
  /** Asks the binder to create a record from the session (or message), then binds it. */
  createRecord(
    binderId: string,
    sessionId: Id,
    messageId?: Id,
  ): Promise<ClientResult<CommandValues['session.bind']>>;
  /** Removes a binding between the session and a host record. */
  unbindRecord(
    sessionId: Id,
    binderId: string,
    recordId: string,
  ): Promise<ClientResult<CommandValues['session.unbind']>>;
  /** Runs a host action with the session's context. */
  runAction(actionId: string, sessionId: Id): Promise<ClientResult<{ message?: string }>>;
  /** Adds an external customer to the host's customer database (needs `customerDirectory`). */
  addCustomerToDatabase(customerId: Id): Promise<ClientResult<{ customerId: Id }>>;

  /**
   * Tries to load the user's state again now, after `status$` reported an error (without it,
   * the client retries when the connection comes back). Does nothing in other states.
   */
  retryLoad(): void;

  /** Completes every observable and releases every subscription, including the adapter's. */
  dispose(): void;
  /** Whether {@link dispose} was called. */
  readonly disposed: boolean;
}

export type { CommandResult };
