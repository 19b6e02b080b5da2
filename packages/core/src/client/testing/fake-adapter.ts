/**
 * A scriptable {@link TransportAdapter} for tests of the client (and of components built on it).
 * It keeps a tiny server-side state (sessions, unread, customers, activity, a message log) that
 * every emitted event updates, so `snapshot()` after some events is the state at that seq, and
 * `events(since)` replays the log after `since` before going live — a resync through it is a
 * real resync. Tests steer it: emit events (optionally "losing" them on the way), fail the
 * stream, change the connection, replace any handler, and count live subscriptions to its
 * observables.
 */
import { BehaviorSubject, Observable, type Subscriber } from 'rxjs';
import type { ReportQuery, Report } from '../../domain/reports.js';
import { searchScoped, type SearchHit, type SearchQuery } from '../../domain/search.js';
import type { Message } from '../../domain/types.js';
import type { Command } from '../../protocol/commands.js';
import type {
  CommandResult,
  ConnectionState,
  HistoryQuery,
  MessagePage,
  TransportAdapter,
} from '../../protocol/adapter.js';
import type { ServerEvent, Snapshot } from '../../protocol/events.js';
import { withMessage } from '../reducers.js';
import { makeSnapshot } from './fixtures.js';

/** `Omit` applied to each member of a union (each event or command type keeps its own fields). */
export type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;
/** An event without its seq: the fake numbers it. */
export type UnnumberedEvent = DistributiveOmit<ServerEvent, 'seq'>;

export interface FakeAdapterOptions {
  /** The server state at the start (default: the fixture directory, no sessions, seq 0). */
  initial?: Snapshot;
  connection?: ConnectionState;
}

export interface FakeAdapter {
  readonly adapter: TransportAdapter;
  /** The server-side state: what the next snapshot returns. */
  readonly state: Snapshot;
  /** Every message the server knows, by session, in order. */
  readonly messages: Map<string, Message[]>;
  /** Commands received, in order. */
  readonly commands: Command[];
  readonly calls: {
    snapshot: number;
    events: number[];
    history: HistoryQuery[];
    search: SearchQuery[];
  };
  /**
   * Advances the server by one event (numbered `seq + 1`) and delivers it to live streams,
   * unless `deliver` is false (a lost event: the next delivered one shows a gap).
   */
  emit(event: UnnumberedEvent, options?: { deliver?: boolean }): ServerEvent;
  /** Errors every live event stream (e.g. `{ code: 'RESYNC_REQUIRED', message }`). */
  failStream(error: unknown): void;
  setConnection(state: ConnectionState): void;
  /** Live subscriptions to `connection$` and to event streams. */
  subscriptionCount(): number;
  /** Replaceable handlers; the defaults serve from the server state. */
  snapshotHandler: () => Promise<Snapshot>;
  executeHandler: (command: Command) => Promise<CommandResult>;
  historyHandler: (query: HistoryQuery) => Promise<MessagePage>;
  searchHandler: (query: SearchQuery) => Promise<SearchHit[]>;
  reportHandler: (query: ReportQuery) => Promise<Report>;
  /** The default `message.send`: appends (idempotently by clientMessageId), emits `message.added`. */
  acceptSend(
    command: Extract<Command, { type: 'message.send' }>,
    options?: { emit?: boolean },
  ): { message: Message; event?: ServerEvent };
}

/** Creates a fake adapter; `fake.adapter` is what the client gets. */
export function createFakeAdapter(options: FakeAdapterOptions = {}): FakeAdapter {
  const state: Snapshot = structuredClone(options.initial ?? makeSnapshot());
  const messages = new Map<string, Message[]>();
  const log: ServerEvent[] = [];
  const streams = new Set<Subscriber<ServerEvent>>();
  const connection = new BehaviorSubject<ConnectionState>(options.connection ?? 'online');
  let live = 0;
  let messageCount = 0;

  const counted = <T>(source: Observable<T>): Observable<T> =>
    new Observable<T>((subscriber) => {
      live++;
      const inner = source.subscribe(subscriber);
      return () => {
        live--;
        inner.unsubscribe();
      };
    });

  function applyToServer(event: ServerEvent): void {
    state.seq = event.seq;
    switch (event.type) {
      case 'session.upserted': {
        const at = state.sessions.findIndex((s) => s.id === event.session.id);
        if (at >= 0) state.sessions[at] = event.session;
        else state.sessions.push(event.session);
        state.unread[event.session.id] = event.unread;
        break;
      }
      case 'session.removed':
        state.sessions = state.sessions.filter((s) => s.id !== event.sessionId);
        delete state.unread[event.sessionId];
        break;
      case 'message.added': {
        const list = messages.get(event.message.sessionId) ?? [];
        if (!list.some((m) => m.id === event.message.id)) {
          list.push(event.message);
          list.sort((a, b) => a.order - b.order);
        }
        messages.set(event.message.sessionId, list);
        const at = state.sessions.findIndex((s) => s.id === event.message.sessionId);
        if (at >= 0) {
          state.sessions[at] = withMessage(state.sessions[at], event.message);
          state.unread[event.message.sessionId] = event.unread;
        }
        break;
      }
      case 'session.read':
        if (state.sessions.some((s) => s.id === event.sessionId))
          state.unread[event.sessionId] = event.unread;
        break;
      case 'customer.upserted': {
        const at = state.customers.findIndex((c) => c.id === event.customer.id);
        if (at >= 0) state.customers[at] = event.customer;
        else state.customers.push(event.customer);
        break;
      }
      case 'activity.added':
        state.activity = [event.entry, ...state.activity];
        break;
      case 'alert':
        break;
    }
  }

  const fake: FakeAdapter = {
    state,
    messages,
    commands: [],
    calls: { snapshot: 0, events: [], history: [], search: [] },

    emit(unnumbered, emitOptions = {}) {
      const event = { ...unnumbered, seq: state.seq + 1 } as ServerEvent;
      applyToServer(event);
      // Like a real backend, a message carries the session it changed (one fact, one event).
      if (event.type === 'message.added' && !event.session) {
        const session = state.sessions.find((s) => s.id === event.message.sessionId);
        if (session) event.session = structuredClone(session);
      }
      log.push(event);
      if (emitOptions.deliver !== false) for (const stream of [...streams]) stream.next(event);
      return event;
    },

    failStream(error) {
      for (const stream of [...streams]) {
        streams.delete(stream);
        stream.error(error);
      }
    },

    setConnection(next) {
      connection.next(next);
    },

    subscriptionCount: () => live,

    snapshotHandler: async () => structuredClone(state),

    executeHandler: async (command) => {
      if (command.type === 'message.send') {
        const { message } = fake.acceptSend(command);
        const session = state.sessions.find((s) => s.id === command.sessionId);
        if (!session)
          return { ok: false, error: { code: 'NOT_FOUND', message: 'No such session.' } };
        return { ok: true, value: { message, session } };
      }
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `The fake adapter does not run ${command.type}.` },
      };
    },

    historyHandler: async (query) => {
      const all = messages.get(query.sessionId) ?? [];
      const before =
        query.beforeOrder === undefined
          ? all
          : all.filter((m) => m.order < (query.beforeOrder as number));
      const limit = query.limit ?? 50;
      const page = before.slice(Math.max(0, before.length - limit));
      return { messages: page, hasMore: before.length > page.length };
    },

    searchHandler: async (query) =>
      searchScoped(query, state.sessions, (id) => messages.get(id) ?? []),

    reportHandler: async () => {
      throw Object.assign(new Error('The fake adapter computes no reports.'), {
        code: 'NOT_FOUND',
      });
    },

    acceptSend(command, sendOptions = {}) {
      const list = messages.get(command.sessionId) ?? [];
      const existing = list.find((m) => m.clientMessageId === command.clientMessageId);
      if (existing) return { message: existing };
      const order = (list.length ? list[list.length - 1].order : 0) + 1;
      const session = state.sessions.find((s) => s.id === command.sessionId);
      const message: Message = {
        id: `srv-${++messageCount}`,
        sessionId: command.sessionId,
        clientMessageId: command.clientMessageId,
        author: { kind: 'operator', userId: state.me.id },
        text: command.text,
        channel: session?.channel ?? 'web',
        sentAt: 5000 + messageCount,
        order,
      };
      if (sendOptions.emit === false) {
        list.push(message);
        messages.set(command.sessionId, list);
        return { message };
      }
      const event = fake.emit({
        type: 'message.added',
        message,
        unread: state.unread[command.sessionId] ?? 0,
      });
      return { message, event };
    },

    adapter: undefined as unknown as TransportAdapter,
  };

  const adapter: TransportAdapter = {
    connection$: counted(connection.asObservable()),
    snapshot: () => {
      fake.calls.snapshot++;
      return fake.snapshotHandler();
    },
    events: (sinceSeq) => {
      fake.calls.events.push(sinceSeq);
      return counted(
        new Observable<ServerEvent>((subscriber) => {
          for (const event of log) if (event.seq > sinceSeq) subscriber.next(event);
          streams.add(subscriber);
          return () => streams.delete(subscriber);
        }),
      );
    },
    execute: <C extends Command>(command: C) => {
      fake.commands.push(command);
      return fake.executeHandler(command) as Promise<CommandResult<C>>;
    },
    history: (query) => {
      fake.calls.history.push(query);
      return fake.historyHandler(query);
    },
    search: (query) => {
      fake.calls.search.push(query);
      return fake.searchHandler(query);
    },
    report: <Q extends ReportQuery>(query: Q) => fake.reportHandler(query) as Promise<Report<Q>>,
  };
  (fake as { adapter: TransportAdapter }).adapter = adapter;
  return fake;
}
