/**
 * The end-of-run checks: after the network healed and time passed, every client must agree
 * with the backend's ground truth (its own snapshot of each user, and every session's full
 * history), and nothing may still be waiting.
 */
import { isObservable, type Observable } from 'rxjs';
import {
  canView,
  computeCounters,
  countersEqual,
  groupsOf,
  SESSION_GROUP_KINDS,
  viewerFor,
  type Counters,
  type Id,
  type Message,
  type MessageView,
  type Session,
  type SessionGroupKind,
  type SessionView,
  type Snapshot,
  type UnconfirmedCommand,
  type Viewer,
} from '@live-chat/core';
import type { CommandRecord, SendRecord } from './actors.js';
import type { Violation, ViolationKind } from './report.js';
import { listKey, type Tab } from './tab.js';
import type { GroundTruth } from './truth.js';

/** Collects violations of one seed. */
export class Findings {
  readonly violations: Violation[] = [];
  /** What the checks looked at (so a clean report is seen not to be an empty one). */
  readonly checked = { tabs: 0, conversations: 0, messages: 0, lists: 0, sends: 0 };

  constructor(readonly seed: number) {}

  private readonly reported = new Set<string>();

  add(kind: ViolationKind, message: string, count = 1): void {
    if (count > 0) this.violations.push({ kind, seed: this.seed, count, message });
  }

  /** Adds a violation the first time `key` shows it (checks that repeat during a run). */
  once(key: string, kind: ViolationKind, message: string, count = 1): void {
    const id = `${kind}\u0000${key}`;
    if (this.reported.has(id)) return;
    this.reported.add(id);
    this.add(kind, message, count);
  }
}

const preview = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

/** Queue order: oldest `queuedAt` first; other groups: newest activity first; ties by id. */
function compareRows(kind: SessionGroupKind): (a: Session, b: Session) => number {
  const byId = (a: Session, b: Session): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (kind === 'queue')
    return (a, b) =>
      (a.queuedAt ?? a.lastMessageAt) - (b.queuedAt ?? b.lastMessageAt) || byId(a, b);
  return (a, b) => b.lastMessageAt - a.lastMessageAt || byId(a, b);
}

/** Fields of two sessions that differ. */
function differingFields(client: Session, truth: Session): string[] {
  const keys = new Set([...Object.keys(client), ...Object.keys(truth)]) as Set<keyof Session>;
  return [...keys].filter((key) => JSON.stringify(client[key]) !== JSON.stringify(truth[key]));
}

/** The backend's view of one user, as a snapshot (the ground truth of lists and counters). */
export function truthOf(truth: GroundTruth, userId: Id): { snapshot: Snapshot; viewer: Viewer } {
  const result = truth.snapshot(userId);
  if (!result.ok)
    throw new Error(`The backend has no snapshot of ${userId}: ${result.error.message}`);
  const snapshot = result.value;
  return { snapshot, viewer: viewerFor(userId, snapshot.liveChats, snapshot.groups) };
}

function describeCounters(counters: Counters): string {
  const groups = Object.entries(counters.groups)
    .map(([id, g]) => `${id}: q${g.queue} m${g.mine} c${g.closed} a${g.active}`)
    .join('; ');
  return `red ${counters.unreadInMySessions}, blue ${counters.newUnassigned}, ${groups}`;
}

/** The latest value of an observable, if it replays one at once. */
function currentValue<T>(source$: Observable<T> | undefined): T | undefined {
  if (!isObservable(source$)) return undefined;
  let value: T | undefined;
  source$.subscribe((v) => (value = v)).unsubscribe();
  return value;
}

/** The counters recomputed from the tab's own lists (rows and their unread counts). */
function ownCounters(tab: Tab, liveChatIds: readonly Id[], viewer: Viewer): Counters {
  const rows = new Map<Id, SessionView>();
  for (const chatId of liveChatIds)
    for (const kind of SESSION_GROUP_KINDS)
      for (const row of tab.lists.get(listKey(chatId, kind)) ?? []) rows.set(row.session.id, row);
  return computeCounters(
    viewer,
    [...rows.values()].map((row) => row.session),
    (id) => rows.get(id)?.unread ?? 0,
    liveChatIds,
  );
}

/** What each open conversation of a tab shows now, by session. */
export function shownConversations(tab: Tab): Map<Id, readonly MessageView[]> {
  const shown = new Map<Id, readonly MessageView[]>();
  for (const [sessionId, watched] of tab.watching)
    shown.set(sessionId, watched.state?.messages ?? []);
  return shown;
}

/**
 * What must hold at every moment, faults or not: counters equal a recount of the client's own
 * lists, and no open conversation shows a message twice, out of server order, or one the
 * backend does not have. Each problem is reported once per tab (and session). `shown` is what
 * the conversations showed when `truth` was read or before (by default: now).
 */
export function checkWhileRunning(
  tab: Tab,
  truth: Pick<GroundTruth, 'now' | 'messagesOf'>,
  findings: Findings,
  shown: ReadonlyMap<Id, readonly MessageView[]> = shownConversations(tab),
): void {
  const client = tab.client;
  const viewer = client.viewer;
  if (viewer === null || client.status.state === 'loading') return;
  const counters = client.counters;
  const own = ownCounters(tab, tab.liveChatIds, viewer);
  if (!countersEqual(counters, own)) {
    findings.once(
      tab.name,
      'counters-internal',
      `${tab.name} (while running, at ${truth.now()}): counters are {${describeCounters(counters)}}, its own lists give {${describeCounters(own)}}`,
    );
  }
  for (const [sessionId, messages] of shown) {
    const where = `${tab.name}: ${sessionId} (while running, at ${truth.now()})`;
    const key = `${tab.name}/${sessionId}`;
    const ids = new Set<Id>();
    const sentClientIds = new Set<string>();
    let lastOrder = -Infinity;
    for (const message of messages) {
      if (message.delivery !== 'sent') continue;
      if (ids.has(message.id))
        findings.once(key, 'duplicate-message', `${where}: shows ${message.id} twice`);
      ids.add(message.id);
      if (message.clientMessageId !== undefined) sentClientIds.add(message.clientMessageId);
      if (message.order < lastOrder)
        findings.once(
          key,
          'reordered',
          `${where}: shows order ${message.order} after ${lastOrder}`,
        );
      lastOrder = Math.max(lastOrder, message.order);
    }
    for (const message of messages) {
      if (message.delivery === 'sent') {
        const stored = truth.messagesOf(sessionId).find((m) => m.id === message.id);
        if (!stored)
          findings.once(
            key,
            'phantom-message',
            `${where}: shows ${message.id} "${preview(message.text)}" that the backend does not have`,
          );
      } else if (
        message.clientMessageId !== undefined &&
        sentClientIds.has(message.clientMessageId)
      ) {
        findings.once(
          key,
          'duplicate-message',
          `${where}: shows "${preview(message.text)}" as sent and as ${message.delivery}`,
        );
      }
    }
  }
}

/** Counters and menu groups of one tab against the backend. */
export function checkNavigation(tab: Tab, truth: GroundTruth, findings: Findings): void {
  const { snapshot, viewer } = truthOf(truth, tab.userId);
  findings.checked.tabs++;
  const unreadOf = (id: Id): number => snapshot.unread[id] ?? 0;
  const liveChatIds = snapshot.liveChats.map((chat) => chat.id);
  const counters = tab.client.counters;
  const expected = computeCounters(viewer, snapshot.sessions, unreadOf, liveChatIds);
  if (!countersEqual(counters, expected)) {
    findings.add(
      'counters',
      `${tab.name}: counters are {${describeCounters(counters)}}, the backend's state gives {${describeCounters(expected)}}`,
    );
  }

  const own = ownCounters(tab, liveChatIds, tab.client.viewer ?? viewer);
  if (!countersEqual(counters, own)) {
    findings.add(
      'counters-internal',
      `${tab.name}: counters are {${describeCounters(counters)}}, its own lists give {${describeCounters(own)}}`,
    );
  }

  const sessions = new Map(snapshot.sessions.map((session) => [session.id, session]));
  for (const chatId of liveChatIds) {
    for (const kind of SESSION_GROUP_KINDS) {
      const shown = tab.lists.get(listKey(chatId, kind)) ?? [];
      findings.checked.lists++;
      const truth = snapshot.sessions
        .filter((s) => s.liveChatId === chatId && groupsOf(viewer, s).includes(kind))
        .sort(compareRows(kind));
      const problems: string[] = [];
      const shownIds = shown.map((row) => row.session.id);
      const truthIds = truth.map((s) => s.id);
      const missing = truthIds.filter((id) => !shownIds.includes(id));
      const extra = shownIds.filter((id) => !truthIds.includes(id));
      if (missing.length > 0) problems.push(`missing ${missing.join(', ')}`);
      if (extra.length > 0) problems.push(`extra ${extra.join(', ')}`);
      if (problems.length === 0 && shownIds.join() !== truthIds.join())
        problems.push(`order [${shownIds.join(', ')}] instead of [${truthIds.join(', ')}]`);
      for (const row of shown) {
        const session = sessions.get(row.session.id);
        if (!session) continue;
        const fields = differingFields(row.session, session);
        if (fields.length > 0) problems.push(`${session.id} differs in ${fields.join(', ')}`);
        if (row.unread !== unreadOf(session.id))
          problems.push(`${session.id} unread ${row.unread} instead of ${unreadOf(session.id)}`);
      }
      if (problems.length > 0)
        findings.add('list', `${tab.name}: ${chatId} ${kind}: ${problems.join('; ')}`);
    }
  }
}

/** Whether the tab still waits for something after the network healed. */
export function checkSettled(
  tab: Tab,
  commands: readonly CommandRecord[],
  findings: Findings,
): void {
  const client = tab.client;
  if (client.connection !== 'online') {
    findings.add(
      'stuck-connection',
      `${tab.name}: connection is ${client.connection} after the network healed`,
    );
  } else if (client.status.state !== 'ready') {
    const detail = client.status.state === 'error' ? ` (${client.status.error.code})` : '';
    findings.add(
      'stuck-status',
      `${tab.name}: status is ${client.status.state}${detail} while online`,
    );
  }
  const unconfirmed = currentValue<UnconfirmedCommand[]>(client.unconfirmed$) ?? [];
  if (unconfirmed.length > 0) {
    findings.add(
      'stuck-unconfirmed',
      `${tab.name}: ${unconfirmed.length} command(s) still unconfirmed: ${unconfirmed
        .map((c) => `${c.type} ${c.sessionId ?? ''}`.trim())
        .join(', ')}`,
      unconfirmed.length,
    );
  }
  const waiting = commands.filter((command) => command.tab === tab && !command.settled);
  if (waiting.length > 0) {
    findings.add(
      'stuck-command',
      `${tab.name}: ${waiting.length} command(s) never answered: ${waiting
        .slice(0, 5)
        .map((c) => c.label)
        .join(', ')}`,
      waiting.length,
    );
  }
  if (tab.searchState?.status === 'searching')
    findings.add('stuck-search', `${tab.name}: search "${tab.searchState.text}" still searching`);
}

/** Every open conversation of the tab against the session's full history in the backend. */
export function checkConversations(tab: Tab, truth: GroundTruth, findings: Findings): void {
  const { viewer } = truthOf(truth, tab.userId);
  for (const [sessionId, watched] of tab.watching) {
    const session = truth.getSession(sessionId);
    // A session the user may no longer see gets no more events: nothing to hold the client to.
    if (!session || !canView(viewer, session)) continue;
    const where = `${tab.name}: ${sessionId}`;
    const state = watched.state;
    findings.checked.conversations++;
    if (!state) {
      findings.add('stuck-conversation', `${where}: conversation$ has no value`);
      continue;
    }
    if (state.loading) findings.add('stuck-conversation', `${where}: still loading`);
    if (state.error)
      findings.add(
        'stuck-conversation',
        `${where}: shows the error ${state.error.code} (${state.error.message})`,
      );
    checkMessages(where, state.messages, state.hasMore, truth.messagesOf(sessionId), findings);
  }
}

function checkMessages(
  where: string,
  messages: readonly MessageView[],
  hasMore: boolean,
  truth: readonly Message[],
  findings: Findings,
): void {
  const index = new Map(truth.map((message, i) => [message.id, i]));
  const byClientId = new Map<string, Message>();
  for (const message of truth)
    if (message.clientMessageId !== undefined) byClientId.set(message.clientMessageId, message);

  const sent = messages.filter((m) => m.delivery === 'sent');
  findings.checked.messages += truth.length;
  const seen = new Map<Id, number>();
  for (const message of sent) seen.set(message.id, (seen.get(message.id) ?? 0) + 1);
  const sentClientIds = new Set(
    sent.map((m) => m.clientMessageId).filter((id) => id !== undefined),
  );

  const duplicates = [...seen.entries()].filter(([, n]) => n > 1);
  if (duplicates.length > 0) {
    findings.add(
      'duplicate-message',
      `${where}: shows ${duplicates.map(([id, n]) => `${id} ×${n}`).join(', ')}`,
      duplicates.reduce((sum, [, n]) => sum + n - 1, 0),
    );
  }

  for (const message of messages) {
    if (message.delivery === 'sent') continue;
    const stored =
      message.clientMessageId !== undefined ? byClientId.get(message.clientMessageId) : undefined;
    if (stored && sentClientIds.has(message.clientMessageId as string)) {
      findings.add(
        'duplicate-message',
        `${where}: shows "${preview(message.text)}" as sent and as ${message.delivery}`,
      );
    } else if (message.delivery === 'pending' || message.delivery === 'unconfirmed') {
      findings.add(
        'stuck-message',
        `${where}: "${preview(message.text)}" is still ${message.delivery}${stored ? ' (the backend stored it)' : ''}`,
      );
    } else if (stored) {
      findings.add(
        'stuck-message',
        `${where}: "${preview(message.text)}" shows failed, but the backend stored it`,
      );
    }
  }

  const phantoms = sent.filter((m) => !index.has(m.id));
  const altered = sent.filter((m) => {
    const stored = index.has(m.id) ? truth[index.get(m.id) as number] : undefined;
    return (
      stored !== undefined &&
      (stored.text !== m.text ||
        stored.author.kind !== m.author.kind ||
        stored.clientMessageId !== m.clientMessageId)
    );
  });
  if (altered.length > 0) {
    findings.add(
      'phantom-message',
      `${where}: shows ${altered.map((m) => `${m.id} "${preview(m.text)}"`).join(', ')} unlike the backend's`,
      altered.length,
    );
  }
  if (phantoms.length > 0) {
    findings.add(
      'phantom-message',
      `${where}: shows ${phantoms.map((m) => `${m.id} "${preview(m.text)}"`).join(', ')} that the backend does not have`,
      phantoms.length,
    );
  }

  // What must be there: all of the history, or (when older pages are not loaded) its newest part
  // from the oldest message shown.
  const known = sent.filter((m) => index.has(m.id));
  const oldest = Math.min(...known.map((m) => index.get(m.id) as number));
  const from = hasMore && known.length > 0 ? oldest : 0;
  const expected = truth.slice(from);
  const lost = expected.filter((m) => !seen.has(m.id));
  if (lost.length > 0) {
    findings.add(
      'lost-message',
      `${where}: misses ${lost.length} of ${expected.length} message(s), e.g. ${lost
        .slice(0, 3)
        .map((m) => `${m.id} (order ${m.order}, "${preview(m.text)}")`)
        .join(', ')}`,
      lost.length,
    );
  }

  let reordered = 0;
  let highest = -1;
  const firstSeen = new Set<Id>();
  for (const message of known) {
    if (firstSeen.has(message.id)) continue;
    firstSeen.add(message.id);
    const i = index.get(message.id) as number;
    const expectedOrder = (truth[i] as Message).order;
    if (i < highest || message.order !== expectedOrder) reordered++;
    highest = Math.max(highest, i);
  }
  if (reordered > 0)
    findings.add('reordered', `${where}: ${reordered} message(s) out of server order`, reordered);
}

/** Counts each run's text among the backend's messages. */
export function storedTexts(truth: GroundTruth): Map<string, Message[]> {
  const byText = new Map<string, Message[]>();
  for (const session of truth.sessions()) {
    for (const message of truth.messagesOf(session.id)) {
      const list = byText.get(message.text);
      if (list) list.push(message);
      else byText.set(message.text, [message]);
    }
  }
  return byText;
}

/**
 * Sends that were not stored and should be shown as failed: those the tabs of their user must
 * have open for {@link checkSends}.
 */
export function unstoredSends(
  sends: readonly SendRecord[],
  stored: Map<string, Message[]>,
): SendRecord[] {
  return sends.filter(
    (send) => send.kind === 'send' && send.outcome !== 'ok' && !stored.has(send.text),
  );
}

/**
 * Every send against the backend: a successful one is stored exactly once (by its
 * clientMessageId); a failed or interrupted one is stored at most once, and if not stored, one
 * of its user's open tabs shows it as failed (Retry or Discard).
 */
export function checkSends(
  sends: readonly SendRecord[],
  stored: Map<string, Message[]>,
  liveTabs: readonly Tab[],
  findings: Findings,
): void {
  for (const send of sends) {
    findings.checked.sends++;
    const copies = stored.get(send.text) ?? [];
    const what = `${send.tab.name} ${send.kind} "${preview(send.text)}" to ${send.sessionId ?? 'a new session'}`;
    if (copies.length > 1) {
      findings.add(
        'duplicate-send',
        `${what} was stored ${copies.length} times`,
        copies.length - 1,
      );
      continue;
    }
    if (send.outcome === 'ok') {
      const byClientId =
        send.clientMessageId === undefined
          ? copies.length
          : copies.filter((m) => m.clientMessageId === send.clientMessageId).length;
      if (byClientId !== 1) findings.add('lost-send', `${what} resolved ok but is not stored`);
      continue;
    }
    if (copies.length === 1 || send.kind === 'outbound') continue;
    if (send.outcome === 'in-flight' && !send.tab.disposed) continue; // reported as stuck-command
    const shown = liveTabs.some(
      (tab) =>
        tab.userId === send.userId &&
        send.sessionId !== undefined &&
        (tab.watching.get(send.sessionId)?.state?.messages ?? []).some(
          (m) => m.text === send.text && m.delivery === 'failed',
        ),
    );
    if (!shown) {
      const why =
        send.interrupted || send.tab.disposed
          ? 'interrupted by a reload'
          : `failed ${send.error?.code ?? ''}`;
      findings.add('lost-send', `${what} (${why.trim()}) is neither stored nor shown as failed`);
    }
  }
}
