import type { AssigneeTarget, LiveChatClient, Session } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';

/** The `<option>` value of a reassignment target: `operator:<id>` or `group:<id>`. */
export function targetValue(target: AssigneeTarget): string {
  return target.kind === 'operator' ? `operator:${target.operatorId}` : `group:${target.groupId}`;
}

function isCurrentAssignee(target: AssigneeTarget, assignee: Session['assignee']): boolean {
  if (!assignee || target.kind !== assignee.kind) return false;
  return target.kind === 'operator'
    ? assignee.kind === 'operator' && target.operatorId === assignee.operatorId
    : assignee.kind === 'group' && target.groupId === assignee.groupId;
}

/** Targets of the live chat's settings the session can go to (its current assignee left out). */
export function reassignTargets(client: LiveChatClient, session: Session): AssigneeTarget[] {
  const liveChat = client.getLiveChat(session.liveChatId);
  return (liveChat?.reassignmentTargets ?? []).filter(
    (target) => !isCurrentAssignee(target, session.assignee),
  );
}

/** The operator's or the group's name. */
export function targetName(client: LiveChatClient, target: AssigneeTarget, t: Translate): string {
  return target.kind === 'operator'
    ? (client.getUser(target.operatorId)?.name ?? t('about-session.unknownUser'))
    : (client.getGroup(target.groupId)?.name ?? t('about-session.unknownGroup'));
}

/** The assignee as the details show it: "Unassigned", the operator, or "<group> (group)". */
export function assigneeName(
  client: LiveChatClient,
  assignee: Session['assignee'],
  t: Translate,
): string {
  if (!assignee) return t('about-session.unassigned');
  return assignee.kind === 'operator'
    ? targetName(client, assignee, t)
    : t('about-session.groupAssignee', { name: targetName(client, assignee, t) });
}
