import { groupsOf, type Session, type SessionGroupKind, type Viewer } from '@live-chat/core';
import type { NavigationSelection } from '../events/navigate.js';

/** Group preferred when a session appears in several (a supervisor's own session is also Active). */
const GROUP_PREFERENCE: readonly SessionGroupKind[] = ['mine', 'queue', 'active', 'closed'];

/**
 * The menu selection to show an opened session in: none when the `current` one already holds
 * it; otherwise the group of its live chat that holds it (the user's own sessions first, then
 * the queue), or none when no group the user sees holds it.
 */
export function selectionShowing(
  viewer: Viewer,
  session: Session,
  current: NavigationSelection | null,
): NavigationSelection | undefined {
  const kinds = groupsOf(viewer, session);
  if (
    current?.view === 'group' &&
    current.liveChatId === session.liveChatId &&
    kinds.includes(current.group)
  ) {
    return undefined;
  }
  const group = GROUP_PREFERENCE.find((kind) => kinds.includes(kind));
  return group && { view: 'group', liveChatId: session.liveChatId, group };
}
