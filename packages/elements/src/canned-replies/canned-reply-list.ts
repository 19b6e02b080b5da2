import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { matchCannedReplies, type CannedReply, type Id, type LiveChat } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { isolated, isolatedMessage, type ShownText } from '../shared/untrusted-text.js';
import { clamped } from '../shared/clamped-text.js';
import { draftScopeOf, type CannedDraft } from './canned-reply-form.js';

/**
 * The list of `<live-chat-canned-replies>`: the replies grouped by whose they are, each with
 * its shortcut and text, and Edit and Delete where the user keeps them (Delete asks first).
 */

/** One group of the list: the user's personal replies, or one live chat's. */
export interface ReplyGroup {
  scope: CannedDraft['scope'];
  title: ShownText;
  replies: CannedReply[];
  /** Whether the user may create, change and delete the group's replies. */
  keeps: boolean;
}

/** What the groups are made of. */
export interface GroupInput {
  replies: readonly CannedReply[];
  liveChats: readonly LiveChat[];
  search: string;
  locale: string;
  keeps: (scope: CannedDraft['scope']) => boolean;
  /** The titles: of the personal group, and of a live chat's. */
  personalTitle: string;
  liveChatTitle: (liveChat: LiveChat) => ShownText;
}

/**
 * The groups shown: personal, then each live chat (in the user's order) that has replies or
 * whose replies the user keeps. With a search, only the replies it finds (best first), and only
 * the groups holding some; else by shortcut.
 */
export function groupReplies(input: GroupInput): ReplyGroup[] {
  const { replies: all, search } = input;
  const searching = search.trim() !== '';
  const shown = searching
    ? matchCannedReplies(all, search, all.length)
    : [...all].sort((a, b) => a.shortcut.localeCompare(b.shortcut, input.locale));
  const of = (scope: CannedDraft['scope']) =>
    shown.filter((reply) => draftScopeOf(reply) === scope);
  const groups: ReplyGroup[] = [
    { scope: 'personal', title: [input.personalTitle], replies: of('personal'), keeps: true },
  ];
  for (const liveChat of input.liveChats) {
    const keeps = input.keeps(liveChat.id);
    if (!keeps && !all.some((reply) => draftScopeOf(reply) === liveChat.id)) continue;
    groups.push({
      scope: liveChat.id,
      title: input.liveChatTitle(liveChat),
      replies: of(liveChat.id),
      keeps,
    });
  }
  return searching ? groups.filter((group) => group.replies.length) : groups;
}

/** What the list shows besides the groups. */
export interface ReplyListView {
  t: Translate;
  /** The search, trimmed. */
  search: string;
  /** Whether the user has no reply at all. */
  empty: boolean;
  /** The reply whose deletion is being confirmed. */
  confirming: Id | undefined;
  /** Edit and Delete can do nothing now (offline, or a command under way). */
  disabled: boolean;
}

/** What the list's buttons call. */
export interface ReplyListActions {
  edit: (reply: CannedReply) => void;
  askDelete: (reply: CannedReply) => void;
  keep: (reply: CannedReply) => void;
  delete: (reply: CannedReply) => void;
}

function renderActions(
  reply: CannedReply,
  view: ReplyListView,
  actions: ReplyListActions,
): TemplateResult {
  const { t, disabled } = view;
  const shortcut = reply.shortcut;
  const button = (part: string, label: string, click: () => void, name?: string) =>
    html`<button
      type="button"
      class=${part === 'confirm-yes' ? 'button danger' : 'button'}
      part=${part}
      aria-label=${name ?? nothing}
      ?disabled=${disabled && part !== 'confirm-no'}
      @click=${click}
    >
      ${label}
    </button>`;
  if (view.confirming === reply.id) {
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-text">
      <span id="confirm-text">${t('canned-replies.delete-confirm', { shortcut })}</span>
      ${button('confirm-no', t('canned-replies.delete-no'), () => actions.keep(reply))}
      ${button('confirm-yes', t('canned-replies.delete-yes'), () => actions.delete(reply))}
    </div>`;
  }
  return html`<div class="reply-actions">
    ${button(
      'edit',
      t('canned-replies.edit'),
      () => actions.edit(reply),
      t('canned-replies.edit-label', { shortcut }),
    )}
    ${button(
      'delete',
      t('canned-replies.delete'),
      () => actions.askDelete(reply),
      t('canned-replies.delete-label', { shortcut }),
    )}
  </div>`;
}

/**
 * The groups, each a section named by its heading (a read-only group says so); or that there
 * is no reply yet, or none the search finds.
 */
export function renderReplyGroups(
  groups: readonly ReplyGroup[],
  view: ReplyListView,
  actions: ReplyListActions,
): TemplateResult {
  const { t } = view;
  if (view.empty && !view.search) {
    return html`<p class="notice" part="notice">${t('canned-replies.empty')}</p>`;
  }
  if (!groups.length) {
    return html`<p class="notice" part="notice">
      ${isolatedMessage(t, 'canned-replies.no-match', { query: view.search })}
    </p>`;
  }
  return html`${repeat(
    groups,
    (group) => group.scope,
    (group, index) =>
      html`<section part="group" class="group" aria-labelledby="group-${index}">
        <h3 id="group-${index}">${group.title}</h3>
        ${
          group.keeps
            ? nothing
            : html`<p class="hint" part="read-only">${t('canned-replies.read-only')}</p>`
        }
        ${
          group.replies.length
            ? html`<ul class="replies">
                ${repeat(
                  group.replies,
                  (reply) => reply.id,
                  (reply) =>
                    html`<li part="reply" class="reply" data-reply-id=${reply.id}>
                      <span class="shortcut">${isolated(`/${reply.shortcut}`)}</span>
                      <span class="text">${clamped(reply.text)}</span>
                      ${group.keeps ? renderActions(reply, view, actions) : nothing}
                    </li>`,
                )}
              </ul>`
            : html`<p class="hint">${t('canned-replies.group.empty')}</p>`
        }
      </section>`,
  )}`;
}
