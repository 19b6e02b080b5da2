import { combineLatest, map, of, type Observable } from 'rxjs';
import type { Id, LiveChatClient } from '@live-chat/core';

/**
 * The open sessions of a live chat the user sees (its queue, their own, and every active one
 * for its supervisors), by customer: each customer's open session there, the one a new session
 * would conflict with. Closed sessions are left out.
 */
export function openSessionsByCustomer$(
  client: LiveChatClient,
  liveChatId: Id,
): Observable<ReadonlyMap<Id, Id>> {
  const groups = client.visibleGroups(liveChatId).filter((group) => group !== 'closed');
  if (groups.length === 0) return of(new Map());
  return combineLatest(groups.map((group) => client.sessions$(liveChatId, group))).pipe(
    map((lists) => {
      const byCustomer = new Map<Id, Id>();
      for (const { session } of lists.flat()) {
        if (session.status !== 'closed' && !byCustomer.has(session.customerId)) {
          byCustomer.set(session.customerId, session.id);
        }
      }
      return byCustomer;
    }),
  );
}
