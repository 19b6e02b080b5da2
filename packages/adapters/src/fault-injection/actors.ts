/**
 * The people of a chaos run: operators who open, take, answer, close, reassign, return and
 * read sessions and retry what failed, and a supervisor who watches. Each acts at random
 * moments from a seeded source, drawing the same amount of randomness on every turn, so a run
 * with faults and the same seed without faults make the same choices as long as the state
 * allows.
 */
import {
  OUTBOUND_CHANNELS,
  type ClientResult,
  type ErrorInfo,
  type Id,
  type SessionView,
} from '@live-chat/core';
import type { Random } from '../memory/random.js';
import type { Tab } from './tab.js';

/** One message an actor sent (or started an outbound session with), and what became of it. */
export interface SendRecord {
  /** Unique in the run: how the message is found again, in the client and in the backend. */
  text: string;
  userId: Id;
  /** The tab that sent it. */
  tab: Tab;
  /** The session written to; for `outbound`, the session created (once known). */
  sessionId: Id | undefined;
  kind: 'send' | 'outbound';
  /** From the result of a successful send. */
  clientMessageId?: string;
  outcome: 'in-flight' | 'ok' | 'failed';
  error?: ErrorInfo;
  /** The tab was closed (reloaded) before the send settled. */
  interrupted: boolean;
}

/** A command an actor is waiting for. */
export interface CommandRecord {
  tab: Tab;
  label: string;
  /** When it was issued (virtual time). */
  since: number;
  settled: boolean;
}

/** What actors need from the run. */
export interface Stage {
  now(): number;
  after(ms: number, task: () => void): void;
  /** Whether actors may still act (false once faults stop). */
  readonly acting: boolean;
  /** A new message text, unique in the run. */
  nextText(author: string): string;
  /** Records a command; `onResult` runs with its result (a rejection is a violation). */
  track<T>(
    tab: Tab,
    label: string,
    result: Promise<ClientResult<T>>,
    onResult?: (result: ClientResult<T>) => void,
  ): void;
  /** Records a send. */
  recordSend(record: SendRecord): void;
  /** The send with this text, if one was recorded. */
  findSend(text: string): SendRecord | undefined;
}

type OperatorAction =
  | 'open'
  | 'unwatch'
  | 'take'
  | 'take-next'
  | 'send'
  | 'close'
  | 'reassign'
  | 'return'
  | 'mark-read'
  | 'retry'
  | 'rename'
  | 'search'
  | 'outbound';

/** How often operators do what (weights, summing to 1). */
const OPERATOR_ACTIONS: readonly (readonly [OperatorAction, number])[] = [
  ['open', 0.16],
  ['unwatch', 0.04],
  ['take', 0.08],
  ['take-next', 0.04],
  ['send', 0.26],
  ['close', 0.05],
  ['reassign', 0.05],
  ['return', 0.04],
  ['mark-read', 0.1],
  ['retry', 0.08],
  ['rename', 0.02],
  ['search', 0.05],
  ['outbound', 0.03],
];

/** The supervisor watches: opens and switches sessions, reads them, searches. */
const SUPERVISOR_ACTIONS: readonly (readonly [OperatorAction, number])[] = [
  ['open', 0.5],
  ['unwatch', 0.2],
  ['mark-read', 0.15],
  ['search', 0.15],
];

const SEARCH_WORDS = ['order', 'refund', 'password', 'delivery', 'invoice', 'hello', 'card'];

/** The item at `r` ∈ [0, 1) of a list, if any. */
function at<T>(items: readonly T[], r: number): T | undefined {
  return items.length === 0
    ? undefined
    : items[Math.min(items.length - 1, Math.floor(r * items.length))];
}

function choose<T>(weights: readonly (readonly [T, number])[], r: number): T {
  let cumulative = 0;
  for (const [item, weight] of weights) {
    cumulative += weight;
    if (r < cumulative) return item;
  }
  return (weights[weights.length - 1] as readonly [T, number])[0];
}

/** One person at one tab. */
export class Actor {
  private stopped = false;

  constructor(
    private readonly stage: Stage,
    /** e.g. `op-anna` or `op-anna (second tab)`. */
    readonly name: string,
    readonly role: 'operator' | 'supervisor',
    public tab: Tab,
    private readonly random: Random,
    /** Range of the pause between two actions, in ms. */
    private readonly pauseMs: readonly [number, number],
  ) {}

  /** Starts acting, at random moments, until the stage stops acting or {@link stop}. */
  start(): void {
    const turn = (): void => {
      if (this.stopped || !this.stage.acting) return;
      this.act();
      this.stage.after(this.random.int(this.pauseMs[0], this.pauseMs[1]), turn);
    };
    this.stage.after(this.random.int(this.pauseMs[0], this.pauseMs[1]), turn);
  }

  stop(): void {
    this.stopped = true;
  }

  /** One action. Always draws five numbers, whatever it does. */
  act(): void {
    const draws = Array.from({ length: 5 }, () => this.random.next());
    const [r0, r1, r2, r3, r4] = draws as [number, number, number, number, number];
    if (this.tab.disposed) return;
    const action = choose(this.role === 'supervisor' ? SUPERVISOR_ACTIONS : OPERATOR_ACTIONS, r0);
    switch (action) {
      case 'open':
        return this.open(r1);
      case 'unwatch': {
        const id = at([...this.tab.watching.keys()], r1);
        if (id !== undefined) this.tab.unwatch(id);
        return;
      }
      case 'take':
        return this.take(r1);
      case 'take-next':
        return this.takeNext(r1);
      case 'send':
        this.send(r1, r2);
        return;
      case 'close':
        return this.onMine(r1, 'close', (id) => this.tab.client.close(id));
      case 'reassign':
        return this.reassign(r1, r2);
      case 'return':
        return this.onMine(r1, 'return', (id) => this.tab.client.returnToQueue(id));
      case 'mark-read':
        return this.markRead(r1);
      case 'retry':
        return this.retry(r1);
      case 'rename':
        return this.onMine(r1, 'rename', (id) =>
          this.tab.client.rename(id, `Renamed by ${this.name} at ${this.stage.now()}`),
        );
      case 'search':
        return this.search(r1, r2, r3);
      case 'outbound':
        return this.outbound(r1, r4);
    }
  }

  private visibleRows(): SessionView[] {
    const rows = [...this.tab.rows('queue'), ...this.tab.rows('mine'), ...this.tab.rows('closed')];
    if (this.role === 'supervisor') rows.push(...this.tab.rows('active'));
    return rows;
  }

  private open(r: number): void {
    const row = at(this.visibleRows(), r);
    if (row) this.tab.watch(row.session.id);
  }

  private take(r: number): void {
    const row = at(this.tab.rows('queue'), r);
    if (!row) return;
    this.tab.watch(row.session.id);
    this.stage.track(this.tab, `take ${row.session.id}`, this.tab.client.take(row.session.id));
  }

  private takeNext(r: number): void {
    const liveChats = [...new Set(this.tab.rows('queue').map((row) => row.session.liveChatId))];
    const liveChatId = at(liveChats, r);
    if (liveChatId === undefined) return;
    this.stage.track(this.tab, `take-next ${liveChatId}`, this.tab.client.takeNext(liveChatId));
  }

  /** A session of My sessions, preferring an open one. */
  private mine(r: number): Id | undefined {
    const mine = this.tab.rows('mine').map((row) => row.session.id);
    const open = mine.filter((id) => this.tab.watching.has(id));
    return at(open.length > 0 ? open : mine, r);
  }

  private onMine<T>(
    r: number,
    label: string,
    run: (sessionId: Id) => Promise<ClientResult<T>>,
  ): void {
    const id = this.mine(r);
    if (id !== undefined) this.stage.track(this.tab, `${label} ${id}`, run(id));
  }

  /**
   * Writes in an open session of My sessions or of the queue (replying takes it), else in one
   * of My sessions, else in a queued one. Returns whether a message went out.
   */
  send(r1: number, r2: number): boolean {
    const tab = this.tab;
    const mine = new Set(tab.rows('mine').map((row) => row.session.id));
    const queued = new Set(tab.rows('queue').map((row) => row.session.id));
    const open = [...tab.watching.keys()].filter((id) => mine.has(id) || queued.has(id));
    const sessionId =
      at(open, r1) ?? at([...mine], r1) ?? (r2 < 0.5 ? at([...queued], r1) : undefined);
    if (sessionId === undefined) return false;
    tab.watch(sessionId);
    const text = this.stage.nextText(this.name);
    const record: SendRecord = {
      text,
      userId: tab.userId,
      tab,
      sessionId,
      kind: 'send',
      outcome: 'in-flight',
      interrupted: false,
    };
    this.stage.recordSend(record);
    this.stage.track(tab, `send ${sessionId}`, tab.client.send(sessionId, text), (result) =>
      settleSend(record, result),
    );
    return true;
  }

  private reassign(r1: number, r2: number): void {
    const id = this.mine(r1);
    if (id === undefined) return;
    const session = this.tab.client.getSession(id)?.session;
    const chat = session && this.tab.client.getLiveChat(session.liveChatId);
    const targets = (chat?.reassignmentTargets ?? []).filter(
      (target) => target.kind !== 'operator' || target.operatorId !== this.tab.userId,
    );
    const target = at(targets, r2);
    if (target) this.stage.track(this.tab, `reassign ${id}`, this.tab.client.reassign(id, target));
  }

  private markRead(r: number): void {
    const id = at([...this.tab.watching.keys()], r);
    if (id !== undefined)
      this.stage.track(this.tab, `mark-read ${id}`, this.tab.client.markRead(id));
  }

  private retry(r: number): void {
    const failed: { sessionId: Id; clientMessageId: string; text: string }[] = [];
    for (const [sessionId, watched] of this.tab.watching) {
      for (const message of watched.state?.messages ?? []) {
        if (message.delivery === 'failed' && message.clientMessageId !== undefined)
          failed.push({ sessionId, clientMessageId: message.clientMessageId, text: message.text });
      }
    }
    const chosen = at(failed, r);
    if (!chosen) return;
    const record = this.stage.findSend(chosen.text);
    this.stage.track(
      this.tab,
      `retry ${chosen.sessionId}`,
      this.tab.client.retry(chosen.sessionId, chosen.clientMessageId),
      (result) => {
        if (record) settleSend(record, result);
      },
    );
  }

  private search(r1: number, r2: number, r3: number): void {
    const word = at(SEARCH_WORDS, r1) as string;
    const sessionId = r2 < 0.5 ? at([...this.tab.watching.keys()], r3) : undefined;
    this.tab.searchInput.next(sessionId === undefined ? { text: word } : { text: word, sessionId });
  }

  /** +New Session with a customer reachable through a messenger, with a first message. */
  private outbound(r1: number, r2: number): void {
    const client = this.tab.client;
    const customer = at(
      client
        .getCustomers()
        .filter((c) => c.kind === 'external' && OUTBOUND_CHANNELS.includes(c.messenger)),
      r1,
    );
    if (!customer || customer.kind !== 'external') return;
    const liveChats = this.tab.liveChatIds.filter(
      (id) =>
        client.canStartOutbound(id) && client.outboundChannels(id).includes(customer.messenger),
    );
    const liveChatId = at(liveChats, r2);
    if (liveChatId === undefined) return;
    const text = this.stage.nextText(this.name);
    const record: SendRecord = {
      text,
      userId: this.tab.userId,
      tab: this.tab,
      sessionId: undefined,
      kind: 'outbound',
      outcome: 'in-flight',
      interrupted: false,
    };
    this.stage.recordSend(record);
    this.stage.track(
      this.tab,
      `start-outbound ${customer.id}`,
      client.startOutbound({
        liveChatId,
        customerId: customer.id,
        channel: customer.messenger,
        text,
      }),
      (result) => {
        if (result.ok) record.sessionId = result.value.session.id;
        settleSend(
          record,
          result.ok ? { ok: true, value: { message: result.value.message } } : result,
        );
      },
    );
  }
}

/** Records a send's result: success sticks (a later failure of a retry does not undo it). */
function settleSend(
  record: SendRecord,
  result: ClientResult<{ message?: { clientMessageId?: string } }>,
): void {
  if (result.ok) {
    record.outcome = 'ok';
    record.error = undefined;
    const clientMessageId = result.value.message?.clientMessageId;
    if (clientMessageId !== undefined) record.clientMessageId = clientMessageId;
    return;
  }
  if (record.outcome === 'ok') return;
  record.outcome = 'failed';
  record.error = result.error;
  if (record.tab.disposed) record.interrupted = true;
}
