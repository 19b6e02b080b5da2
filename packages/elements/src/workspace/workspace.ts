import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import {
  groupsOf,
  type ClientStatus,
  type Id,
  type LiveChat,
  type LiveChatClient,
  type SessionGroupKind,
  type SessionView,
} from '@live-chat/core';
import {
  DEFAULT_LOCALE,
  translate,
  type MessageKey,
  type MessageParams,
} from '../i18n/catalogue.js';
import { clientContext, localeContext } from '../shared/client-context.js';
import { ObserveController } from '../shared/observe-controller.js';
import { sessionChangeEvent, sessionChangedEvent } from '../events/session-changed.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { AlertsController } from '../controllers/alerts/alerts-controller.js';
import type { NavigationSelection } from '../navigation/navigation.js';
import { workspaceStyles } from './workspace.styles.js';
import '../navigation/navigation.js';
import '../session-list/session-list.js';
import '../counter/counter.js';
import '../search/search.js';
import '../conversation/conversation.js';
import '../about-session/about-session.js';
import '../activity/activity.js';
import '../connection-status/connection-status.js';
import '../alert-settings/alert-settings.js';
import '../reports/reports.js';
import './workspace.messages.js';

/** Widths (of the workspace, not the window) where the layout changes; see workspace.styles.ts. */
export const MEDIUM_MAX_WIDTH = 1024;
/** Below this width the workspace shows one pane at a time (menu, list, conversation, about). */
export const NARROW_MAX_WIDTH = 640;

/** The layout the workspace's width selects. */
export type WorkspaceLayout = 'wide' | 'medium' | 'narrow';

/** The pane shown in the narrow (stacked) layout. */
export type WorkspacePane = 'menu' | 'list' | 'conversation' | 'about';

/** The tab of the right-hand pane. */
export type WorkspaceSideTab = 'about' | 'activity';

/** Group preferred when the open session appears in several (a supervisor's own session is also Active). */
const GROUP_PREFERENCE: readonly SessionGroupKind[] = ['mine', 'queue', 'active', 'closed'];

const chatIcon = svg`<path d="M3 4.5A2.5 2.5 0 0 1 5.5 2h9A2.5 2.5 0 0 1 17 4.5v6a2.5 2.5 0 0 1-2.5 2.5H9l-4 3.5V13h.5A2.5 2.5 0 0 1 3 10.5Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>`;
const bellIcon = svg`<path d="M10 2.5a5 5 0 0 0-5 5v3.2l-1.5 2.8h13L15 10.7V7.5a5 5 0 0 0-5-5ZM8 15.5a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round"/>`;
const backIcon = svg`<path d="M12.5 4 6.5 10l6 6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`;
const infoIcon = svg`<circle cx="10" cy="10" r="7.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M10 9v5M10 6.2h.01" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`;
const closeIcon = svg`<path d="m5 5 10 10M15 5 5 15" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`;

/**
 * The whole operator workspace, laid out as in the reference product: the search bar on top;
 * the left menu (Reports, then each live chat's groups) with the selected group's sessions under
 * it and the counters at the lower left; the conversation in the centre; the About the session
 * pane (with the activity stream as a second tab) on the right; the connection banner under the
 * header; alert settings behind the bell button.
 *
 * It provides the `client` (a stable object, through `@lit/context`) and the `locale` to every
 * component inside it, and passes `theme` to them. It opens sessions on
 * `live-chat-session-open` from any of them (session lists, counters, activity, search, New
 * Session) and tells the host with `live-chat-session-changed`.
 *
 * Responsive to its own width (container queries, so it fits a side panel as well as a page):
 * wide (≥ 1024 px) shows three panes; medium turns the about pane into a drawer opened with a
 * toggle; narrow (< 640 px, down to 360 px) shows one pane at a time — menu → list →
 * conversation → about — with back buttons, and moves focus to the pane it shows.
 *
 * Every region is a named slot: put your own element in it to replace the built-in one.
 *
 * @summary The complete operator workspace: menu, session lists, conversation, about pane, search, counters and activity.
 *
 * @fires live-chat-session-changed - The open session changed through the UI; `detail.sessionId` is the new one or `null`.
 * @fires live-chat-session-change - Deprecated former name of `live-chat-session-changed`, dispatched right after it until the next release.
 * @fires live-chat-session-open - A desktop notification of an incoming message was clicked (the workspace then opens that session).
 *
 * @slot header - The title area (default: workspace icon with the red unread counter and the title).
 * @slot search - The search bar (default `<live-chat-search>` scoped to the open session).
 * @slot settings - Content of the settings popover (default `<live-chat-alert-settings>`).
 * @slot connection - The connection banner (default `<live-chat-connection-status>`).
 * @slot navigation - The left menu (default `<live-chat-navigation>`).
 * @slot list - The selected group's sessions (default `<live-chat-session-list>`).
 * @slot counters - The lower-left counters (default the blue `<live-chat-counter kind="unassigned">`).
 * @slot conversation - The centre pane (default `<live-chat-conversation>`).
 * @slot reports - The centre pane in the Reports view (default `<live-chat-reports>`).
 * @slot about - The About the session tab (default `<live-chat-about-session>`).
 * @slot activity - The Activity tab (default `<live-chat-activity>`).
 *
 * @csspart base - The grid holding everything.
 * @csspart skip-link - The "Skip to the conversation" link (visible on focus).
 * @csspart header - The top bar.
 * @csspart title - The workspace title with its icon.
 * @csspart search - The `role="search"` region.
 * @csspart settings-button - The bell button opening the alert settings.
 * @csspart settings - The settings popover.
 * @csspart connection - The connection banner region.
 * @csspart body - The panes.
 * @csspart sidebar - The left column (menu, list, counters).
 * @csspart menu-pane - The menu.
 * @csspart list-pane - The session list pane with its title.
 * @csspart counters - The lower-left counters.
 * @csspart main - The centre pane (`<main>`).
 * @csspart aside - The right pane (`<aside>`).
 * @csspart tabs - The About / Activity tab list.
 * @csspart tab - One tab.
 * @csspart pane-bar - The bar on top of a pane (title, back button, toggles).
 * @csspart back-button - A back button (narrow layout).
 * @csspart about-toggle - The About the session toggle (medium and narrow layouts).
 * @csspart placeholder - The "no session open" and loading states.
 *
 * @cssprop --live-chat-workspace-height - Height of the workspace (default 100% of its container).
 * @cssprop --live-chat-workspace-min-height - Minimum height (default 420px).
 * @cssprop --live-chat-workspace-sidebar-width - Width of the left column (default 300px).
 * @cssprop --live-chat-workspace-aside-width - Width of the right pane (default 320px).
 * @cssprop --live-chat-workspace-background - Background (default the background token).
 * @cssprop --live-chat-workspace-header-background - Background of the top bar (default the surface token).
 * @cssprop --live-chat-workspace-sidebar-background - Background of the left column.
 * @cssprop --live-chat-workspace-aside-background - Background of the right pane.
 */
@customElement('live-chat-workspace')
export class LiveChatWorkspace extends LitElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, workspaceStyles];

  private readonly status = new ObserveController<ClientStatus>(this, { state: 'loading' });
  private readonly liveChats = new ObserveController<LiveChat[]>(this, []);
  private readonly openSession = new ObserveController<SessionView | undefined>(this, undefined);
  /** Plays the alerts of incoming messages (sound, desktop notification, title badge) while connected. */
  private readonly alertsController = new AlertsController(this);
  private resizeObserver: ResizeObserver | undefined;
  /** The open session still has to be shown in the menu (its group selected) once it is known. */
  private selectionFollowsSession = false;
  /** The live chat of the last selected group: the one the reports open on. */
  private lastLiveChatId: Id | undefined;
  /** Where focus goes after the next render (narrow layout). */
  private focusAfterRender: (() => void) | undefined;

  @query('#main') private mainElement?: HTMLElement;
  @query('#list-title') private listTitle?: HTMLElement;
  @query('.about-toggle') private aboutToggle?: HTMLElement;
  @query('#aside') private asideElement?: HTMLElement;

  /** Layout chosen by the workspace's width (reflected as the `layout` attribute). */
  @state() private layout: WorkspaceLayout = 'wide';
  /** The pane shown in the narrow layout. */
  @state() private pane: WorkspacePane = 'list';
  /** Whether the about drawer is open (medium layout). */
  @state() private aboutOpen = false;
  /** The right pane's tab chosen by the user; until then: About with a session open, else Activity. */
  @state() private chosenTab: WorkspaceSideTab | undefined;
  /** Names of slots the host filled: their built-in component is not created. */
  @state() private filledSlots = new Set<string>();
  /** Polite announcement for screen readers. */
  @state() private announcement = '';

  /**
   * The client every component inside uses (`createLiveChatClient({ adapter })` from
   * `@live-chat/core`). Provided through `@lit/context`; keep the same object for the life of
   * the workspace, and set a new one (disposing the old) to switch users.
   */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client?: LiveChatClient;

  /** UI language of every component inside ('en', 'ru' or any registered); switchable at run time. */
  @provide({ context: localeContext })
  @property({ reflect: true })
  locale: string = DEFAULT_LOCALE;

  /** Colour theme, passed to every built-in component: 'light' (default) or 'dark'. */
  @property({ reflect: true })
  theme: 'light' | 'dark' = 'light';

  /**
   * Names this workspace's landmarks (search, navigation, panes) when several workspaces share a
   * page, e.g. the signed-in user's name: "Anna: Conversation". Without it the names are plain.
   */
  @property()
  label: string | undefined;

  /** The open session (settable by the host); none when empty. */
  @property({ attribute: 'session-id', reflect: true })
  sessionId: Id | undefined;

  /** A message of the open session to jump to and highlight (set when a search hit is opened). */
  @property({ attribute: 'highlight-message-id' })
  highlightMessageId: Id | undefined;

  /**
   * Turns the workspace's own alerts off (sound, desktop notifications, title badge), e.g. for a
   * second workspace on the same page or when the host plays alerts itself from `client.alerts$`.
   */
  @property({ type: Boolean, attribute: 'no-alerts', reflect: true })
  noAlerts = false;

  /** The menu's selection: `reports`, or `group` (with `live-chat-id` and `group`). Defaults to the first live chat's Queue. */
  @property({ reflect: true })
  view: NavigationSelection['view'] | undefined;

  /** The live chat of the selected group. */
  @property({ attribute: 'live-chat-id', reflect: true })
  liveChatId: Id | undefined;

  /** The selected group. */
  @property({ reflect: true })
  group: SessionGroupKind | undefined;

  constructor() {
    super();
    // Listeners on the element itself (not on document or window): they go with the element.
    this.addEventListener('live-chat-session-open', (event) => this.handleSessionOpen(event));
    this.addEventListener('live-chat-session-closed', (event) => this.handleSessionClosed(event));
    this.addEventListener('live-chat-navigate', (event) => this.handleNavigate(event));
  }

  /** The controller playing this workspace's alerts (its settings are shown in the settings popover). */
  get alerts(): AlertsController {
    return this.alertsController;
  }

  /** The current layout: 'wide', 'medium' or 'narrow'. */
  get currentLayout(): WorkspaceLayout {
    return this.layout;
  }

  /** The pane shown in the narrow layout. */
  get currentPane(): WorkspacePane {
    return this.pane;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Slots the host filled before the first render: never create their built-in component.
    const filled = new Set<string>();
    for (const child of this.children) if (child.slot) filled.add(child.slot);
    this.filledSlots = filled;
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      this.layout =
        width < NARROW_MAX_WIDTH ? 'narrow' : width < MEDIUM_MAX_WIDTH ? 'medium' : 'wide';
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  /** Shows a pane of the narrow stack (and, in the medium layout, opens or closes the about drawer). */
  showPane(pane: WorkspacePane): void {
    this.goTo(pane, true);
  }

  /** The catalogue text for `key` in the workspace's `locale`, with `params` filled in. */
  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params);
  }

  private goTo(pane: WorkspacePane, moveFocus: boolean): void {
    this.pane = pane;
    if (this.layout === 'medium') this.aboutOpen = pane === 'about';
    if (!moveFocus || this.layout === 'wide') return;
    this.focusAfterRender = () => {
      if (this.layout === 'narrow') {
        if (pane === 'menu') this.focusNavigation();
        else if (pane === 'list') this.listTitle?.focus();
        else if (pane === 'conversation') this.mainElement?.focus();
        else
          this.asideElement
            ?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
            ?.focus();
      } else if (this.layout === 'medium' && pane === 'about') {
        this.asideElement
          ?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
          ?.focus();
      }
    };
  }

  private focusNavigation(): void {
    const navigation = this.renderRoot.querySelector('live-chat-navigation');
    if (navigation) navigation.focusSelected();
  }

  private setSession(sessionId: Id | undefined, messageId: Id | undefined): void {
    const changed = sessionId !== this.sessionId;
    if (!changed && messageId !== undefined && messageId === this.highlightMessageId) {
      // The same search hit again: clear and set the id so the conversation jumps once more.
      this.highlightMessageId = undefined;
      void this.updateComplete.then(() => (this.highlightMessageId = messageId));
    } else {
      this.highlightMessageId = messageId;
    }
    this.sessionId = sessionId;
    if (changed) {
      const detail = { sessionId: sessionId ?? null };
      this.dispatchEvent(sessionChangedEvent(detail));
      this.dispatchEvent(sessionChangeEvent(detail)); // the deprecated name, for one release
    }
  }

  private handleSessionOpen(event: HTMLElementEventMap['live-chat-session-open']): void {
    const { sessionId, messageId } = event.detail;
    this.setSession(sessionId, messageId);
    this.selectionFollowsSession = true;
    this.followSession(this.client?.getSession(sessionId));
    this.goTo('conversation', true);
  }

  private handleSessionClosed(event: HTMLElementEventMap['live-chat-session-closed']): void {
    const view = this.client?.getSession(event.detail.sessionId);
    this.announcement = this.t('workspace.session-closed', { name: view?.session.name ?? '' });
  }

  private handleNavigate(event: HTMLElementEventMap['live-chat-navigate']): void {
    // The workspace's own menu and a host's replacement menu both land here.
    this.select(event.detail);
    this.goTo(event.detail.view === 'reports' ? 'conversation' : 'list', true);
  }

  private select(selection: NavigationSelection): void {
    if (this.liveChatId) this.lastLiveChatId = this.liveChatId;
    this.view = selection.view;
    this.liveChatId = selection.view === 'group' ? selection.liveChatId : undefined;
    this.group = selection.view === 'group' ? selection.group : undefined;
  }

  /** Selects the menu group the open session belongs to, unless the selected group already holds it. */
  private followSession(view: SessionView | undefined): void {
    const viewer = this.client?.viewer;
    if (!view || !viewer || !this.selectionFollowsSession) return;
    this.selectionFollowsSession = false;
    const kinds = groupsOf(viewer, view.session);
    if (
      this.view === 'group' &&
      this.liveChatId === view.session.liveChatId &&
      this.group &&
      kinds.includes(this.group)
    ) {
      return;
    }
    const group = GROUP_PREFERENCE.find((kind) => kinds.includes(kind));
    if (group) this.select({ view: 'group', liveChatId: view.session.liveChatId, group });
  }

  private handleSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    const filled = slot
      .assignedNodes()
      .some((node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim());
    if (filled === this.filledSlots.has(slot.name)) return;
    const next = new Set(this.filledSlots);
    if (filled) next.add(slot.name);
    else next.delete(slot.name);
    this.filledSlots = next;
  }

  private handleSkip(): void {
    if (this.layout === 'narrow') this.pane = 'conversation';
    this.updateComplete.then(() => this.mainElement?.focus());
  }

  private handleBack(to: WorkspacePane): void {
    this.goTo(to, true);
    if (to === 'conversation') {
      // Back from the details: return to the toggle that opened them.
      this.focusAfterRender = () => this.aboutToggle?.focus();
    }
  }

  private toggleAbout(): void {
    if (this.layout === 'narrow') {
      this.goTo('about', true);
      return;
    }
    const open = !this.aboutOpen;
    this.aboutOpen = open;
    if (open) this.goTo('about', true);
    else this.focusAfterRender = () => this.aboutToggle?.focus();
  }

  private handleAsideKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.layout === 'medium' && this.aboutOpen) {
      event.stopPropagation();
      this.aboutOpen = false;
      this.focusAfterRender = () => this.aboutToggle?.focus();
    }
  }

  private selectTab(tab: WorkspaceSideTab, moveFocus = false): void {
    this.chosenTab = tab;
    if (moveFocus)
      this.focusAfterRender = () =>
        this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  private handleTabKeydown(event: KeyboardEvent): void {
    const keys: Record<string, WorkspaceSideTab | undefined> = {
      ArrowLeft: 'about',
      ArrowRight: 'activity',
      Home: 'about',
      End: 'activity',
    };
    const tab = keys[event.key];
    if (!tab) return;
    event.preventDefault();
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      this.selectTab(this.sideTab === 'about' ? 'activity' : 'about', true);
    } else {
      this.selectTab(tab, true);
    }
  }

  private get sideTab(): WorkspaceSideTab {
    return this.chosenTab ?? (this.sessionId ? 'about' : 'activity');
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client')) {
      this.status.observe(this.client?.status$);
      this.liveChats.observe(this.client?.liveChats$);
    }
    if (changed.has('client') || changed.has('noAlerts')) {
      this.alertsController.setClient(this.noAlerts ? undefined : this.client);
    }
    if (changed.has('client') || changed.has('sessionId')) {
      this.openSession.observe(
        this.client && this.sessionId ? this.client.session$(this.sessionId) : undefined,
      );
    }
    if (changed.has('sessionId')) {
      this.selectionFollowsSession = Boolean(this.sessionId);
      if (this.sessionId && (this.pane === 'menu' || this.pane === 'list'))
        this.pane = 'conversation';
      if (
        !this.sessionId &&
        (this.pane === 'conversation' || this.pane === 'about') &&
        this.view !== 'reports'
      ) {
        this.pane = 'list';
      }
    }
    if (changed.has('layout')) {
      this.setAttribute('layout', this.layout);
      if (this.layout !== 'medium') this.aboutOpen = false;
    }
    this.followSession(this.openSession.value);
    if (!this.view && this.liveChats.value.length > 0) {
      const first = this.liveChats.value[0];
      if (first) this.select({ view: 'group', liveChatId: first.id, group: 'queue' });
    }
  }

  protected override updated(): void {
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    focus?.();
  }

  /** The slot `name` with the built-in `fallback`, created only while the host leaves the slot empty. */
  private slotted(name: string, fallback: () => TemplateResult): TemplateResult {
    return html`<slot name=${name} @slotchange=${this.handleSlotChange}
      >${this.filledSlots.has(name) ? nothing : fallback()}</slot
    >`;
  }

  private renderNoClient() {
    return html`<div part="base" class="no-client" role="alert">
      <h2>${this.t('workspace.no-client.title')}</h2>
      <p>${this.t('workspace.no-client.body')}</p>
      <pre><code>import { createLiveChatClient } from '@live-chat/core';
const workspace = document.querySelector('live-chat-workspace');
workspace.client = createLiveChatClient({ adapter });</code></pre>
    </div>`;
  }

  private renderHeader() {
    // A div, not <header>: the host page owns the banner landmark.
    return html`<div part="header" class="header">
      ${this.slotted(
        'header',
        () =>
          html`<div part="title" class="title">
            <span class="title-icon">
              <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">${chatIcon}</svg>
              <live-chat-counter kind="unread" theme=${this.theme}></live-chat-counter>
            </span>
            <span class="title-text">${this.t('workspace.title')}</span>
          </div>`,
      )}
      <div
        part="search"
        class="search"
        role="search"
        aria-label=${this.landmark(this.t('workspace.search'))}
      >
        ${this.slotted('search', () => html`<live-chat-search session-id=${this.sessionId ?? nothing} theme=${this.theme}></live-chat-search>`)}
      </div>
      <button
        type="button"
        part="settings-button"
        class="icon-button settings-button"
        popovertarget="settings"
        aria-label=${this.t('workspace.settings')}
        title=${this.t('workspace.settings')}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">${bellIcon}</svg>
      </button>
      <div
        id="settings"
        part="settings"
        class="settings"
        popover
        aria-label=${this.t('workspace.settings')}
        role="dialog"
      >
        ${this.slotted(
          'settings',
          () =>
            html`<live-chat-alert-settings
              .controller=${this.alertsController}
              theme=${this.theme}
            ></live-chat-alert-settings>`,
        )}
      </div>
    </div>`;
  }

  private renderSidebar() {
    const chat = this.liveChatId
      ? this.liveChats.value.find((c) => c.id === this.liveChatId)
      : undefined;
    const listTitle =
      this.view === 'group' && this.group
        ? this.t('workspace.list-of', {
            group: this.t(`workspace.group.${this.group}`),
            liveChat: chat?.name ?? '',
          })
        : this.t('workspace.sessions');
    return html`<div part="sidebar" class="sidebar">
      <div part="menu-pane" class="pane menu-pane">
        ${this.slotted(
          'navigation',
          () =>
            html`<live-chat-navigation
              list-placement="none"
              label=${this.landmark(this.t('navigation.label'))}
              view=${this.view ?? nothing}
              live-chat-id=${this.liveChatId ?? nothing}
              group=${this.group ?? nothing}
              session-id=${this.sessionId ?? nothing}
              theme=${this.theme}
            ></live-chat-navigation>`,
        )}
      </div>
      <section part="list-pane" class="pane list-pane" aria-label=${this.landmark(listTitle)}>
        <div part="pane-bar" class="pane-bar">
          <button
            type="button"
            part="back-button"
            class="icon-button back"
            aria-label=${this.t('workspace.back-to-menu')}
            @click=${() => this.handleBack('menu')}
          >
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">${backIcon}</svg>
          </button>
          <h2 id="list-title" tabindex="-1">${listTitle}</h2>
        </div>
        <div class="pane-content">
          ${this.slotted('list', () =>
            this.view === 'group' && this.liveChatId && this.group
              ? html`<live-chat-session-list
                  live-chat-id=${this.liveChatId}
                  group=${this.group}
                  selected-session-id=${this.sessionId ?? nothing}
                  theme=${this.theme}
                ></live-chat-session-list>`
              : html``,
          )}
        </div>
      </section>
      <div part="counters" class="counters">
        ${this.slotted('counters', () => html`<live-chat-counter kind="unassigned" show-label theme=${this.theme}></live-chat-counter>`)}
      </div>
    </div>`;
  }

  private renderMainContent() {
    if (this.view === 'reports') {
      return this.slotted(
        'reports',
        () =>
          html`<live-chat-reports
            live-chat-id=${this.lastLiveChatId ?? nothing}
            theme=${this.theme}
          ></live-chat-reports>`,
      );
    }
    return this.slotted('conversation', () => {
      if (this.sessionId) {
        return html`<live-chat-conversation
          session-id=${this.sessionId}
          highlight-message-id=${this.highlightMessageId ?? nothing}
          theme=${this.theme}
        ></live-chat-conversation>`;
      }
      if (this.status.value.state === 'loading') {
        return html`<div part="placeholder" class="placeholder" role="status">
          ${this.t('workspace.loading')}
        </div>`;
      }
      return html`<div part="placeholder" class="placeholder">
        <h2>${this.t('workspace.no-session')}</h2>
        <p>${this.t('workspace.no-session-hint')}</p>
      </div>`;
    });
  }

  private renderMain() {
    const reports = this.view === 'reports';
    const back: WorkspacePane = reports ? 'menu' : 'list';
    return html`<main
      id="main"
      part="main"
      class="pane main"
      tabindex="-1"
      aria-label=${this.landmark(reports ? this.t('workspace.main-reports') : this.t('workspace.main'))}
    >
      <div part="pane-bar" class="pane-bar main-bar">
        <button
          type="button"
          part="back-button"
          class="icon-button back"
          aria-label=${reports ? this.t('workspace.back-to-menu') : this.t('workspace.back-to-list')}
          @click=${() => this.handleBack(back)}
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">${backIcon}</svg>
        </button>
        <span class="spacer"></span>
        ${
          reports
            ? nothing
            : html`<button
                type="button"
                part="about-toggle"
                class="button about-toggle"
                aria-controls="aside"
                aria-expanded=${this.layout === 'narrow' ? nothing : this.aboutOpen ? 'true' : 'false'}
                @click=${this.toggleAbout}
              >
                <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">${infoIcon}</svg>
                ${this.sessionId ? this.t('workspace.show-about') : this.t('workspace.tab.activity')}
              </button>`
        }
      </div>
      <div class="pane-content">${this.renderMainContent()}</div>
    </main>`;
  }

  private renderAside() {
    const tab = this.sideTab;
    return html`<aside
      id="aside"
      part="aside"
      class="pane aside"
      aria-label=${this.landmark(this.t('workspace.side'))}
      @keydown=${this.handleAsideKeydown}
    >
      <div part="pane-bar" class="pane-bar aside-bar">
        <button
          type="button"
          part="back-button"
          class="icon-button back"
          aria-label=${this.t('workspace.back-to-conversation')}
          @click=${() => this.handleBack('conversation')}
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">${backIcon}</svg>
        </button>
        <div
          part="tabs"
          class="tabs"
          role="tablist"
          aria-label=${this.landmark(this.t('workspace.side'))}
          @keydown=${this.handleTabKeydown}
        >
          ${(['about', 'activity'] as const).map(
            (name) =>
              html`<button
                type="button"
                part="tab"
                class="tab"
                role="tab"
                id="tab-${name}"
                aria-selected=${tab === name ? 'true' : 'false'}
                aria-controls="panel-${name}"
                tabindex=${tab === name ? '0' : '-1'}
                @click=${() => this.selectTab(name)}
              >
                ${this.t(`workspace.tab.${name}`)}
              </button>`,
          )}
        </div>
        <button
          type="button"
          class="icon-button aside-close"
          aria-label=${this.t('workspace.hide-about')}
          @click=${this.toggleAbout}
        >
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">${closeIcon}</svg>
        </button>
      </div>
      <div
        class="tabpanel"
        role="tabpanel"
        id="panel-about"
        aria-labelledby="tab-about"
        ?hidden=${tab !== 'about'}
      >
        ${this.slotted('about', () =>
          this.sessionId
            ? html`<live-chat-about-session
                session-id=${this.sessionId}
                theme=${this.theme}
              ></live-chat-about-session>`
            : html`<p part="placeholder" class="placeholder">
                ${this.t('workspace.no-session-about')}
              </p>`,
        )}
      </div>
      <div
        class="tabpanel"
        role="tabpanel"
        id="panel-activity"
        aria-labelledby="tab-activity"
        ?hidden=${tab !== 'activity'}
      >
        ${this.slotted('activity', () => html`<live-chat-activity heading-level="0" theme=${this.theme}></live-chat-activity>`)}
      </div>
    </aside>`;
  }

  /** A landmark's accessible name, prefixed with {@link label} when the host set one. */
  private landmark(name: string): string {
    return this.label ? `${this.label}: ${name}` : name;
  }

  override render() {
    if (!this.client) return this.renderNoClient();
    return html`<div
      part="base"
      class="workspace"
      data-pane=${this.pane}
      data-view=${this.view ?? nothing}
      ?data-about-open=${this.aboutOpen}
      aria-busy=${this.status.value.state === 'loading' ? 'true' : 'false'}
    >
      <button type="button" part="skip-link" class="skip-link" @click=${this.handleSkip}>
        ${this.t('workspace.skip-to-main')}
      </button>
      ${this.renderHeader()}
      <div part="connection" class="connection">
        ${this.slotted('connection', () => html`<live-chat-connection-status theme=${this.theme}></live-chat-connection-status>`)}
      </div>
      <div part="body" class="body">
        ${this.renderSidebar()} ${this.renderMain()} ${this.renderAside()}
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-workspace': LiveChatWorkspace;
  }
}
