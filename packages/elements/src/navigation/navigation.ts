import { html, nothing, svg, type PropertyValues, type SVGTemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  emptyCounters,
  type ClientStatus,
  type Counters,
  type Id,
  type LiveChat,
  type SessionGroupKind,
} from '@live-chat/core';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import { navigateEvent, type NavigationSelection } from '../events/navigate.js';
import { NavigationSelectionMixin } from './navigation-selection.js';
import { formatNumber } from '../shared/format.js';
import { isolated } from '../shared/untrusted-text.js';
import { listIndexForKey } from '../controllers/list-keys.js';
import { loadOnDemand } from '../shared/on-demand.js';
import type { LiveChatNewSession } from '../new-session/new-session.js';
import { navigationStyles } from './navigation.styles.js';
import '../session-list/session-list.js';
import './navigation.messages.js';

export type { NavigationSelection } from '../events/navigate.js';
export {
  NavigationSelectionMixin,
  type NavigationSelectionProperties,
} from './navigation-selection.js';

/** Where the selected group's session list is shown. */
export type NavigationListPlacement = 'inline' | 'none';

const reportsIcon = svg`<path d="M2 14h12M4 12V8m4 4V3m4 9V6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`;
const monitorIcon = svg`<path d="M2 8h3l2-4 2 8 2-4h3" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`;
const chevronIcon = svg`<path d="m4 6 4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`;

/**
 * The workspace's left menu: Reports, the Live monitor (supervisors only), then every live chat the user can access with its groups —
 * Active (supervisors of that live chat only), Closed, Queue and My sessions, each with its size —
 * and a "+ New Session" button where the user may start an outbound session (the live chat is
 * connected to a messenger or email). Selecting a group shows its `<live-chat-session-list>`
 * right under it (as in the reference product) unless `list-placement="none"`, when the host
 * shows the list elsewhere (the workspace does, so it can stack panes on narrow screens).
 *
 * Keyboard: every entry is a button reachable with Tab; Arrow Up / Arrow Down, Home and End
 * move between entries. The selected entry carries `aria-current="page"` and, besides its
 * colours, a bar on its start edge that stays visible in forced colours. A group entry's name
 * is its group and size, read once ("Closed, 4 sessions").
 *
 * @summary Left menu: Reports and each live chat's session groups with their sizes.
 *
 * @fires live-chat-navigate - An entry was chosen: `{ view: 'reports' }`, `{ view: 'monitor' }` or `{ view: 'group', liveChatId, group }`.
 * @fires live-chat-session-open - Re-fired from the inline session list and the New Session dialog.
 *
 * @csspart base - The `<nav>` landmark.
 * @csspart menu - The list holding the Reports entry.
 * @csspart item - Every menu entry (a button); also `reports` or `group`.
 * @csspart reports - The Reports entry.
 * @csspart monitor - The Live monitor entry (shown to supervisors).
 * @csspart group - A group entry (Active, Closed, Queue, My sessions).
 * @csspart group-size - The size badge of a group.
 * @csspart live-chat - One live chat's section.
 * @csspart live-chat-name - The live chat's heading button (collapses its groups).
 * @csspart groups - The list of a live chat's groups.
 * @csspart list - The wrapper of the inline session list.
 * @csspart new-session - The "+ New Session" button.
 *
 * @cssprop --live-chat-navigation-item-height - Height of an entry (default 34px).
 * @cssprop --live-chat-navigation-selected-background - Background of the selected entry (default the soft accent).
 * @cssprop --live-chat-navigation-selected-color - Text colour of the selected entry.
 * @cssprop --live-chat-navigation-indent - Indent of groups under their live chat (default 20px).
 * @cssprop --live-chat-navigation-list-height - Height of the inline session list (default 320px).
 */
@customElement('live-chat-navigation')
export class LiveChatNavigation extends NavigationSelectionMixin(LiveChatElement) {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, navigationStyles];

  private readonly liveChats = new ObserveController<LiveChat[]>(this, []);
  private readonly counters = new ObserveController<Counters>(this, emptyCounters());
  private readonly status = new ObserveController<ClientStatus>(this, { state: 'loading' });

  @query('live-chat-new-session')
  private newSessionDialog?: LiveChatNewSession;

  /** Live chats whose groups are folded away. */
  @state()
  private collapsed = new Set<Id>();

  /** The live chat the New Session dialog is open for. */
  @state()
  private newSessionLiveChatId: Id | undefined;

  /** Accessible name of the navigation landmark (default: the catalogue's "Live chats"). */
  @property()
  label: string | undefined;

  /** The open session, highlighted in the inline session list. */
  @property({ attribute: 'session-id' })
  sessionId: Id | undefined;

  /** `inline` (default): the selected group's session list is shown under it; `none`: not shown. */
  @property({ attribute: 'list-placement' })
  listPlacement: NavigationListPlacement = 'inline';

  /** The groups of a live chat shown to the user, in menu order (Active only for its supervisors). */
  groupsOf(liveChatId: Id): SessionGroupKind[] {
    return this.client?.visibleGroups(liveChatId) ?? [];
  }

  /** Opens the New Session dialog for a live chat (its code is loaded the first time). */
  async openNewSession(liveChatId: Id): Promise<void> {
    this.newSessionLiveChatId = liveChatId;
    await loadOnDemand('live-chat-new-session');
    await this.updateComplete;
    this.newSessionDialog?.show();
  }

  /** Moves focus to the selected entry (or the first one). */
  focusSelected(): void {
    const target =
      this.renderRoot.querySelector<HTMLElement>('[aria-current="page"]') ??
      this.renderRoot.querySelector<HTMLElement>('[data-nav-item]');
    target?.focus();
  }

  private select(selection: NavigationSelection): void {
    this.selection = selection;
    this.dispatchEvent(navigateEvent(selection));
  }

  private toggleLiveChat(liveChatId: Id): void {
    const collapsed = new Set(this.collapsed);
    if (collapsed.has(liveChatId)) collapsed.delete(liveChatId);
    else collapsed.add(liveChatId);
    this.collapsed = collapsed;
  }

  private handleKeydown(event: KeyboardEvent): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-nav-item]')].filter(
      (item) => item.offsetParent !== null,
    );
    const current = items.indexOf(event.composedPath()[0] as HTMLElement);
    const next = current < 0 ? undefined : listIndexForKey(event.key, current, items.length);
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      this.liveChats.observe(this.client?.liveChats$);
      this.counters.observe(this.client?.counters$);
      this.status.observe(this.client?.status$);
    }
  }

  private renderState() {
    if (!this.client)
      return html`<p class="note" part="note">${this.t('navigation.no-client')}</p>`;
    const status = this.status.value;
    if (status.state === 'error') {
      return html`<p class="note error" part="note" role="alert">
        ${this.t('navigation.error', { reason: this.errorText(status.error), message: status.error.message })}
      </p>`;
    }
    if (this.liveChats.value.length > 0) return nothing;
    if (status.state === 'loading') {
      return html`<p class="note" part="note" role="status">${this.t('navigation.loading')}</p>`;
    }
    return html`<p class="note" part="note">${this.t('navigation.empty')}</p>`;
  }

  private renderList(chat: LiveChat, group: SessionGroupKind) {
    if (this.listPlacement !== 'inline') return nothing;
    // The list explains itself when the group is not visible to the user (Active for an operator).
    return html`<div class="list" part="list">
      <live-chat-session-list
        live-chat-id=${chat.id}
        group=${group}
        selected-session-id=${this.sessionId ?? nothing}
        theme=${this.theme}
        locale=${this.locale}
        exportparts="base: list-base"
      ></live-chat-session-list>
    </div>`;
  }

  private renderGroup(chat: LiveChat, group: SessionGroupKind) {
    const selected = this.view === 'group' && this.liveChatId === chat.id && this.group === group;
    const size = this.counters.value.groups[chat.id]?.[group] ?? 0;
    const name = this.t(`navigation.group.${group}`);
    const number = formatNumber(size, this.locale);
    // One name, read once, holding what the entry shows: "Queue, 3,007 sessions".
    const label = this.t('navigation.group-entry', {
      group: name,
      size: this.t('navigation.group-size', { count: size, number }),
    });
    return html`<li>
      <button
        type="button"
        part="item group"
        class="item group-item"
        data-nav-item
        data-live-chat-id=${chat.id}
        data-group=${group}
        aria-label=${label}
        aria-current=${selected ? 'page' : nothing}
        @click=${() => this.select({ view: 'group', liveChatId: chat.id, group })}
      >
        <span class="name">${name}</span>
        <span part="group-size" class="size ${group} ${size === 0 ? 'zero' : ''}">${number}</span>
      </button>
      ${selected ? this.renderList(chat, group) : nothing}
    </li>`;
  }

  private renderLiveChat(chat: LiveChat) {
    const expanded = !this.collapsed.has(chat.id);
    const canStart = this.client?.canStartOutbound(chat.id) ?? false;
    return html`<section part="live-chat" class="live-chat" aria-labelledby="chat-${chat.id}">
      <h2>
        <button
          type="button"
          id="chat-${chat.id}"
          part="live-chat-name"
          class="chat-toggle"
          data-nav-item
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="groups-${chat.id}"
          @click=${() => this.toggleLiveChat(chat.id)}
        >
          <svg class="icon chevron" viewBox="0 0 16 16" aria-hidden="true">${chevronIcon}</svg>
          <span class="name" title=${chat.name}>${isolated(chat.name)}</span>
        </button>
      </h2>
      <ul part="groups" id="groups-${chat.id}" ?hidden=${!expanded}>
        ${this.groupsOf(chat.id).map((group) => this.renderGroup(chat, group))}
      </ul>
      ${
        canStart && expanded
          ? html`<button
              type="button"
              part="new-session"
              class="button new-session"
              data-nav-item
              aria-label=${this.t('navigation.new-session-in', { liveChat: chat.name })}
              @click=${() => this.openNewSession(chat.id)}
            >
              ${this.t('navigation.new-session')}
            </button>`
          : nothing
      }
    </section>`;
  }

  /** A menu entry of a view of its own (Reports, the Live monitor). */
  private renderViewEntry(view: 'reports' | 'monitor', icon: SVGTemplateResult, name: string) {
    return html`<li>
      <button
        type="button"
        part="item ${view}"
        class="item"
        data-nav-item
        aria-current=${this.view === view ? 'page' : nothing}
        @click=${() => this.select({ view })}
      >
        <svg class="icon" viewBox="0 0 16 16" aria-hidden="true">${icon}</svg>
        <span class="name">${name}</span>
      </button>
    </li>`;
  }

  override render() {
    return html`<nav
      part="base"
      aria-label=${this.label ?? this.t('navigation.label')}
      @keydown=${this.handleKeydown}
    >
      <ul part="menu" class="menu">
        ${this.renderViewEntry('reports', reportsIcon, this.t('navigation.reports'))}
        ${
          this.client?.viewer?.supervisorOf.size
            ? this.renderViewEntry('monitor', monitorIcon, this.t('navigation.monitor'))
            : nothing
        }
      </ul>
      ${this.renderState()}
      ${repeat(
        this.liveChats.value,
        (chat) => chat.id,
        (chat) => this.renderLiveChat(chat),
      )}
      <live-chat-new-session
        live-chat-id=${this.newSessionLiveChatId ?? nothing}
        theme=${this.theme}
        locale=${this.locale}
      ></live-chat-new-session>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-navigation': LiveChatNavigation;
  }
}
