import type { AssigneeTarget, LiveChatClient, Session } from '@live-chat/core';
import type { TemplateResult } from 'lit';
import type { Translate } from '../i18n/catalogue.js';
import { isolatedMessage } from '../shared/untrusted-text.js';
import { clamped } from '../shared/clamped-text.js';

/** The `<option>` value of a reassignment target: `operator:<id>` or `group:<id>`. */
export function targetValue(target: AssigneeTarget): string {
  return target.kind === 'operator' ? `operator:${target.operatorId}` : `group:${target.groupId}`;
}

/** Targets of the live chat's settings the session can go to: the core rule, asked of the client. */
export function reassignTargets(client: LiveChatClient, session: Session): AssigneeTarget[] {
  return client.reassignmentTargets(session.id);
}

/** The operator's or the group's name. */
export function targetName(client: LiveChatClient, target: AssigneeTarget, t: Translate): string {
  return target.kind === 'operator'
    ? (client.getUser(target.operatorId)?.name ?? t('about-session.unknownUser'))
    : (client.getGroup(target.groupId)?.name ?? t('about-session.unknownGroup'));
}

/**
 * The assignee as the details show it: "Unassigned", the operator, or "<group> (group)", the
 * name isolated and clamped.
 */
export function assigneeName(
  client: LiveChatClient,
  assignee: Session['assignee'],
  t: Translate,
): string | TemplateResult | Array<string | TemplateResult> {
  if (!assignee) return t('about-session.unassigned');
  const name = targetName(client, assignee, t);
  return assignee.kind === 'operator'
    ? clamped(name)
    : isolatedMessage(t, 'about-session.groupAssignee', { name }, clamped);
}
