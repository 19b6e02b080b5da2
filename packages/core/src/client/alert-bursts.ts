import { Observable, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';
import type { Alert, Id } from '../domain/types.js';
import type { AlertBurst } from './views.js';

/** The alerts of one live chat gathered since its window opened. */
interface Gathering {
  count: number;
  readonly sessions: Set<Id>;
  latest: Alert | null;
  timer: Subscription;
}

/**
 * Coalesces alerts per live chat, like a throttle with both edges: the first alert of a quiet
 * live chat passes at once (a burst of one) and opens a window of `windowMs`; the alerts that
 * arrive meanwhile are counted, and when the window closes they come out as one burst, which
 * opens the next window. However many alerts arrive, each live chat yields at most one burst per
 * window (plus the first), so 10,000 new requests in a second make two or three notifications
 * ("37 new requests in Customer Support"), not 10,000. Alerts still gathered when the source
 * ends are dropped (the client was disposed).
 */
export function coalesceAlerts(
  windowMs: number,
  scheduler: SchedulerLike,
): OperatorFunction<Alert, AlertBurst> {
  return (alerts$) =>
    new Observable<AlertBurst>((subscriber) => {
      const windows = new Map<Id, Gathering>();
      const openWindow = (liveChatId: Id): void => {
        const gathering: Gathering = {
          count: 0,
          sessions: new Set(),
          latest: null,
          timer: scheduler.schedule(() => closeWindow(liveChatId, gathering), windowMs),
        };
        windows.set(liveChatId, gathering);
      };
      const closeWindow = (liveChatId: Id, gathering: Gathering): void => {
        windows.delete(liveChatId);
        if (gathering.latest === null) return;
        openWindow(liveChatId);
        subscriber.next({
          liveChatId,
          count: gathering.count,
          sessionCount: gathering.sessions.size,
          latest: gathering.latest,
        });
      };
      const subscription = alerts$.subscribe({
        next: (alert) => {
          const gathering = windows.get(alert.liveChatId);
          if (gathering) {
            gathering.count++;
            gathering.sessions.add(alert.sessionId);
            gathering.latest = alert;
            return;
          }
          openWindow(alert.liveChatId);
          subscriber.next({
            liveChatId: alert.liveChatId,
            count: 1,
            sessionCount: 1,
            latest: alert,
          });
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        subscription.unsubscribe();
        for (const gathering of windows.values()) gathering.timer.unsubscribe();
        windows.clear();
      };
    });
}
