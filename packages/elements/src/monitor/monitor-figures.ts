import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import {
  AVAILABILITIES,
  type Availability,
  type Id,
  type LiveChat,
  type LiveChatClient,
  type Session,
  type SessionView,
} from '@live-chat/core';

/** One operator of a live chat as the monitor shows them. */
export interface MonitoredOperator {
  id: Id;
  name: string;
  status: Availability;
  /** Set away (or offline) by the workspace rather than by the operator. */
  auto: boolean;
  /** Active sessions of the live chat assigned to them. */
  load: number;
}

/** The live figures of one live chat the user supervises. */
export interface LiveChatMonitorFigures {
  liveChat: LiveChat;
  /** Sessions waiting in the queue now. */
  waiting: number;
  /** When the longest-waiting session entered the queue; `null` when nobody waits. */
  oldestQueuedAt: number | null;
  /** Active (taken) sessions. */
  active: number;
  /** How many operators are in each status. */
  byStatus: Record<Availability, number>;
  /** The live chat's operators, online first, then away, then offline; by name within each. */
  operators: MonitoredOperator[];
}

/** The oldest `queuedAt` among queued sessions, or `null` when there is none. */
export function oldestQueuedAt(queued: readonly SessionView[]): number | null {
  let oldest: number | null = null;
  for (const { session } of queued) {
    if (session.queuedAt !== null && (oldest === null || session.queuedAt < oldest)) {
      oldest = session.queuedAt;
    }
  }
  return oldest;
}

/** Active sessions per operator. */
function loadByOperator(active: readonly SessionView[]): Map<Id, number> {
  const load = new Map<Id, number>();
  for (const { session } of active) {
    const assignee: Session['assignee'] = session.assignee;
    if (assignee?.kind === 'operator') {
      load.set(assignee.operatorId, (load.get(assignee.operatorId) ?? 0) + 1);
    }
  }
  return load;
}

/** The figures of one live chat from its queued and active sessions and the client's presence. */
export function liveChatMonitor(
  client: Pick<LiveChatClient, 'getPresence' | 'getUser'>,
  liveChat: LiveChat,
  queued: readonly SessionView[],
  active: readonly SessionView[],
): LiveChatMonitorFigures {
  const load = loadByOperator(active);
  const byStatus: Record<Availability, number> = { online: 0, away: 0, offline: 0 };
  const operators = liveChat.operatorIds.map((id): MonitoredOperator => {
    const presence = client.getPresence(id);
    byStatus[presence.status] += 1;
    return {
      id,
      name: client.getUser(id)?.name ?? id,
      status: presence.status,
      auto: Boolean(presence.auto),
      load: load.get(id) ?? 0,
    };
  });
  const rank = (status: Availability) => AVAILABILITIES.indexOf(status);
  operators.sort((a, b) => rank(a.status) - rank(b.status) || a.name.localeCompare(b.name));
  return {
    liveChat,
    waiting: queued.length,
    oldestQueuedAt: oldestQueuedAt(queued),
    active: active.length,
    byStatus,
    operators,
  };
}

/**
 * The monitor of every live chat the user supervises, live: again on each change of the live
 * chats, their queued and active sessions, or anyone's presence. Empty for a user who
 * supervises none.
 */
export function monitor$(client: LiveChatClient): Observable<LiveChatMonitorFigures[]> {
  return client.liveChats$.pipe(
    map((chats) => chats.filter((chat) => client.viewer?.supervisorOf.has(chat.id))),
    switchMap((chats) =>
      chats.length === 0
        ? of([])
        : combineLatest([
            client.presence$,
            combineLatest(
              chats.map((chat) =>
                combineLatest([
                  client.sessions$(chat.id, 'queue'),
                  client.sessions$(chat.id, 'active'),
                ]),
              ),
            ),
          ]).pipe(
            map(([, lists]) =>
              chats.map((chat, index) => {
                const [queued, active] = lists[index] ?? [[], []];
                return liveChatMonitor(client, chat, queued, active);
              }),
            ),
          ),
    ),
  );
}
