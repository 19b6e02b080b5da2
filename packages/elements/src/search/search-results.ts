import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LiveChatClient, SearchHit } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { channelIcon } from '../shared/channel-icon.js';
import { excerptAround, renderHighlighted } from '../shared/safe-text.js';
import { isolated, isolatedMessage, type ShownText } from '../shared/untrusted-text.js';

/**
 * The results of the search, as templates: a group of session-name hits, then a group of
 * message hits, each hit an option with its highlighted text and where it was found. They hold
 * no state: the search element passes what to show and what to call.
 */

/** Characters of context kept on each side of the first match of a message hit. */
const EXCERPT_RADIUS = 48;

/** What the results show. */
export interface SearchResultsView {
  t: Translate;
  /** Names the sessions and live chats of the hits. */
  client: LiveChatClient | undefined;
  /** The index of the active hit (`aria-activedescendant`), across both groups; -1 for none. */
  activeIndex: number;
}

/** What choosing a hit calls. */
export type ActivateHit = (hit: SearchHit) => void;

/** Keeps focus in the field when a result is pressed with the mouse. */
function keepFocus(event: MouseEvent): void {
  event.preventDefault();
}

/**
 * Where a hit was found: the session of a message hit, the live chat of a session hit, its name
 * isolated; nothing when unknown.
 */
function hitMeta(hit: SearchHit, view: SearchResultsView): ShownText {
  const { client, t } = view;
  const session = client?.getSession(hit.sessionId)?.session;
  if (hit.kind === 'message')
    return isolatedMessage(t, 'live-chat-search.hit.in', {
      name: session?.name ?? t('live-chat-search.unknown-session'),
    });
  const liveChat = session && client?.getLiveChat(session.liveChatId)?.name;
  const where: ShownText = liveChat ? [isolated(liveChat)] : [];
  // Found by the label of a tag it carries: say which.
  if (!hit.tags?.length) return where;
  const tagged = isolatedMessage(t, 'live-chat-search.hit.tagged', { tags: hit.tags.join(', ') });
  return where.length ? [...where, ' · ', ...tagged] : tagged;
}

function renderHit(
  hit: SearchHit,
  index: number,
  view: SearchResultsView,
  activate: ActivateHit,
): TemplateResult {
  const session = view.client?.getSession(hit.sessionId)?.session;
  const active = index === view.activeIndex;
  const excerpt =
    hit.kind === 'message' ? excerptAround(hit.text, hit.ranges, EXCERPT_RADIUS) : hit;
  const meta = hitMeta(hit, view);
  return html`<li
    id="hit-${index}"
    role="option"
    part=${active ? 'hit hit-active' : 'hit'}
    class=${active ? 'hit active' : 'hit'}
    aria-selected=${active ? 'true' : 'false'}
    data-session-id=${hit.sessionId}
    data-message-id=${hit.kind === 'message' ? hit.messageId : nothing}
    @mousedown=${keepFocus}
    @click=${() => activate(hit)}
  >
    ${session ? channelIcon(session.channel, { decorative: true }) : nothing}
    <span class="hit-body">
      <span part="hit-text" class="hit-text" title=${excerpt.text}
        >${renderHighlighted(excerpt.text, excerpt.ranges)}</span
      >
      ${meta.length ? html`<span part="hit-meta" class="hit-meta">${meta}</span>` : nothing}
    </span>
  </li>`;
}

/** One group of hits of one kind; `offset` is the index of its first hit across the groups. */
export function renderHitGroup(
  kind: 'session' | 'message',
  hits: readonly SearchHit[],
  offset: number,
  view: SearchResultsView,
  activate: ActivateHit,
): TemplateResult | typeof nothing {
  if (hits.length === 0) return nothing;
  const labelId = `group-${kind}`;
  return html`<ul role="group" aria-labelledby=${labelId} class="group">
    <li role="presentation" id=${labelId} part="group-label" class="group-label">
      ${view.t(kind === 'session' ? 'live-chat-search.group.sessions' : 'live-chat-search.group.messages')}
    </li>
    ${repeat(
      hits,
      (hit) => (hit.kind === 'message' ? `m:${hit.messageId}` : `s:${hit.sessionId}`),
      (hit, i) => renderHit(hit, offset + i, view, activate),
    )}
  </ul>`;
}
