import type { Observable, SchedulerLike } from 'rxjs';
import type { OutboxStorage, OutboxStore } from './outbox.js';
import type { Viewer, SessionGroupKind } from '../domain/access.js';
import type { Counters } from '../domain/counters.js';
import type { ErrorInfo } from '../domain/errors.js';
import type { Binder, CustomerDirectory, HostAction, HostRecord } from '../domain/extensions.js';
import type { Report, ReportQuery } from '../domain/reports.js';
import type { SearchHit } from '../domain/search.js';
import type {
  ActivityEntry,
  Alert,
  AssigneeTarget,
  Channel,
  Customer,
  Id,
  LiveChat,
  Message,
  OperatorGroup,
  Session,
  User,
} from '../domain/types.js';
import type { CommandType, CommandValues } from '../protocol/commands.js';
import type {
  CommandResult,
  ConnectionState,
  TabRole,
  TransportAdapter,
} from '../protocol/adapter.js';

/** Options of {@link createLiveChatClient}. */
export interface LiveChatClientOptions {
  adapter: TransportAdapter;
  /** Host binders available from the start (more can be registered later). */
  binders?: Binder[];
  /** Host actions available from the start. */
  actions?: HostAction[];
  /** Host support for "add to customers"; the button is hidden without it. */
  customerDirectory?: CustomerDirectory;
  /** Messages per history page (default 50). */
  historyPageSize?: number;
  /** Id generator for commandId / clientMessageId (default crypto.randomUUID). */
  generateId?: () => string;
  /** Quiet time before an as-you-type search runs, in milliseconds (default 200). */
  searchDebounceMs?: number;
  /** Clock for optimistic messages' `sentAt` (default Date.now). */
  now?: () => number;
  /** Most activity entries kept in `activity$` (default 200). */
  activityLimit?: number;
  /**
   * Where unsent messages are kept across reloads (default: memory only). Use
   * `createIndexedDbOutbox()` from `@live-chat/adapters` in a browser.
   */
  outbox?: OutboxStore;
  /**
   * How long a command may take, retries included, before it resolves `TIMEOUT` (default
   * 15,000 ms). A timeout or network error before then retries the same `commandId`.
   */
  commandDeadlineMs?: number;
  /** How long one attempt of a command or a read may wait for an answer (default 5,000 ms). */
  requestTimeoutMs?: number;
  /** Conversations kept in memory that nobody is watching, least recently used first out (default 20). */
  conversationCacheSize?: number;
  /**
   * Scheduler of every timer of the client: back-offs, deadlines, retries, the search debounce
   * (default RxJS `asyncScheduler`). Tests pass a virtual clock so a seeded run replays exactly.
   */
  scheduler?: SchedulerLike;
  /** Source of the back-off jitter, in [0, 1) (default `Math.random`). */
  random?: () => number;
}

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

/** A command result as the client returns it. */
export type ClientResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

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
  /** Incoming-message alerts for this user, as they happen (not replayed). */
  readonly alerts$: Observable<Alert>;
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
  /** A customer known to the user, now. */
  getCustomer(customerId: Id): Customer | undefined;
  /** Every customer known to the user (for +New Session). */
  getCustomers(): Customer[];
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
  /** Sends a message; it shows at once as pending and is reconciled by its clientMessageId. */
  send(sessionId: Id, text: string): Promise<ClientResult<CommandValues['message.send']>>;
  /** Re-sends a failed message with the same clientMessageId. */
  retry(
    sessionId: Id,
    clientMessageId: string,
  ): Promise<ClientResult<CommandValues['message.send']>>;
  /** Drops a failed message from the conversation. */
  discard(sessionId: Id, clientMessageId: string): void;
  /** Closes the session; it moves to Closed with its history kept. */
  close(sessionId: Id): Promise<ClientResult<CommandValues['session.close']>>;
  /** Reassigns the session to an operator or a group among the live chat's reassignment targets. */
  reassign(
    sessionId: Id,
    target: AssigneeTarget,
  ): Promise<ClientResult<CommandValues['session.reassign']>>;
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
  /** Asks the backend for a report computed from its own records. */
  report<Q extends ReportQuery>(query: Q): Promise<ClientResult<Report<Q>>>;

  // Host extension points
  /** Adds a host binder (shown in the about-session pane); returns the function that removes it. */
  registerBinder(binder: Binder): () => void;
  /** Adds a host action (the +Actions menu); returns the function that removes it. */
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
