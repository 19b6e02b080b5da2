import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { ClientStatus, Id, LiveChat, LiveChatClient, SessionView } from '@live-chat/core';
import {
  DEFAULT_LOCALE,
  translate,
  type MessageKey,
  type MessageParams,
} from '../i18n/catalogue.js';
import { avatarContext, clientContext, localeContext } from '../shared/client-context.js';
import type { AvatarOptions, AvatarUrlHook } from '../shared/avatar.js';
import { ObserveController } from '../shared/observe-controller.js';
import { sessionChangedEvent } from '../events/session-changed.js';
import { sessionChangeEvent } from '../events/former-names.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { AlertsController } from '../controllers/alerts/alerts-controller.js';
import { AnnouncerController } from '../controllers/announcer.js';
import { ActivityUnseenController } from '../activity/activity-unseen.js';
import {
  DEFAULT_IDLE_AWAY_MS,
  IdleAwayController,
} from '../controllers/idle-away/idle-away-controller.js';
import { ShortcutsController } from '../shortcuts/shortcuts-controller.js';
import type { ShortcutsSetting } from '../shortcuts/shortcut-map.js';
import {
  sameShortcutKeys,
  shortcutKeysContext,
  shortcutKeysOf,
  type ShortcutKeys,
} from '../shortcuts/shortcut-keys-context.js';
import { sessionOpenEvent } from '../events/session-open.js';
import type { Focusable } from '../controllers/focus-after-update.js';
import { SlotFallbackController } from '../controllers/slot-fallback.js';
import { TablistController } from '../controllers/tablist.js';
import type { LiveChatNavigation } from '../navigation/navigation.js';
import type { LiveChatConversation } from '../conversation/conversation.js';
import type { NavigationSelection } from '../events/navigate.js';
import { NavigationSelectionMixin } from '../navigation/navigation-selection.js';
import { selectionShowing } from './session-group.js';
import { renderHeader, renderNoClient } from './workspace-header.js';
import {
  WorkspaceLayoutController,
  type WorkspaceLayout,
  type WorkspacePane,
} from './workspace-layout.js';
import { renderAside, renderMain, renderSidebar } from './workspace-panes.js';
import type { WorkspaceActions, WorkspaceSideTab, WorkspaceView } from './workspace-regions.js';
import { renderSkipLinks, type SkipLinksActions, type SkipTarget } from './workspace-skip-links.js';
import { runShortcut, type ShortcutTargets } from './workspace-shortcuts.js';
import { loadElement } from './lazy-elements.js';
import { LazyPartsController } from './lazy-parts.js';
import { workspaceStyles } from './workspace.styles.js';
import '../navigation/navigation.js';
import '../session-list/session-list.js';
import '../counter/counter.js';
import '../connection-status/connection-status.js';
import './workspace.messages.js';

export {
  MEDIUM_MAX_WIDTH,
  NARROW_MAX_WIDTH,
  type WorkspaceLayout,
  type WorkspacePane,
} from './workspace-layout.js';
export type { WorkspaceSideTab } from './workspace-regions.js';

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
 * The menu's selection (`view`, `live-chat-id`, `group`) starts on the first live chat's Queue.
 * Every region is a named slot: put your own element in it to replace the built-in one.
 *
 * Keyboard: skip links first in the tab order go to the blue counter, the reply field, the
 * session list and the conversation, and Alt+Shift+N, R, L and C go there from anywhere on the
 * page. Alt+Shift+O takes the next waiting session (as the blue counter), X closes the open
 * session, E goes to its reassignment, Q and M go to the Queue and My sessions, S to the search,
 * and `?` (outside text fields) shows the help listing them all, where the user can turn them
 * off; the `shortcuts` property remaps them or turns them off. When the blue counter opens a session, focus moves to its reply field (or its heading,
 * where the user cannot reply) and the opened session is announced. docs/accessibility.md has
 * the whole keyboard map and every live region.
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
 * @slot monitor - The centre pane in the Live monitor view (default `<live-chat-monitor>`, supervisors).
 * @slot availability - The user's status picker in the top bar (default `<live-chat-availability>`).
 * @slot about - The About the session tab (default `<live-chat-about-session>`).
 * @slot activity - The Activity tab (default `<live-chat-activity>`).
 *
 * @csspart base - The grid holding everything.
 * @csspart skip-link - A skip link ("Skip to new sessions", "Skip to the conversation"…; visible on focus).
 * @csspart header - The top bar (a region named by the title).
 * @csspart title - The workspace title with its icon.
 * @csspart search - The `role="search"` region.
 * @csspart settings-button - The bell button opening the alert settings.
 * @csspart settings - The settings popover.
 * @csspart shortcuts-button - The keyboard button opening the shortcuts help (`?`).
 * @csspart availability - The user's status picker (Online, Away, Offline).
 * @csspart connection - The connection banner region.
 * @csspart load-error - "Part of the workspace could not be loaded" with Try again, when the code of a part shown on demand (the conversation, About the session, reports…) failed to load.
 * @csspart body - The panes.
 * @csspart sidebar - The left column (menu, list, counters).
 * @csspart menu-pane - The menu.
 * @csspart list-pane - The session list pane with its title.
 * @csspart counters - The lower-left counters (a region named "New sessions").
 * @csspart main - The centre pane (`<main>`).
 * @csspart aside - The right pane (`<aside>`).
 * @csspart tabs - The About / Activity tab list.
 * @csspart tab - One tab.
 * @csspart pane-bar - The bar on top of a pane (title, back button, toggles).
 * @csspart back-button - A back button (narrow layout).
 * @csspart about-toggle - The About the session toggle (medium and narrow layouts).
 * @csspart placeholder - The "no session open" and loading states.
 * @csspart alert-toast - The in-app alerts (`<live-chat-alert-toast>`), shown when sound and desktop notifications are off or not allowed.
 *
 * @cssprop --live-chat-workspace-height - Height of the workspace (default 100% of its container).
 * @cssprop --live-chat-workspace-min-height - Minimum height (default 420px).
 * @cssprop --live-chat-workspace-sidebar-width - Width of the left column (default 300px).
 * @cssprop --live-chat-workspace-aside-width - Width of the right pane (default 352px).
 * @cssprop --live-chat-workspace-background - Background (default the background token).
 * @cssprop --live-chat-workspace-header-background - Background of the top bar (default the surface token).
 * @cssprop --live-chat-workspace-sidebar-background - Background of the left column.
 * @cssprop --live-chat-workspace-aside-background - Background of the right pane.
 */
@customElement('live-chat-workspace')
export class LiveChatWorkspace extends NavigationSelectionMixin(LitElement) {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, workspaceStyles];

  private readonly status = new ObserveController<ClientStatus>(this, { state: 'loading' });
  private readonly liveChats = new ObserveController<LiveChat[]>(this, []);
  private readonly openSession = new ObserveController<SessionView | undefined>(this, undefined);
  /** Plays the alerts of incoming messages (sound, desktop notification, title badge) while connected. */
  private readonly alertsController = new AlertsController(this);
  /** The parts loaded on demand: preloaded once ready, their failed loads shown. */
  private readonly lazyParts = new LazyPartsController(
    this,
    () => this.status.value.state === 'ready',
  );
  /** The regions the host replaced with its own elements. */
  private readonly slots = new SlotFallbackController(this);
  private readonly layoutController = new WorkspaceLayoutController(this, {
    paneFocus: (pane) => this.paneFocus(pane),
    aboutToggle: () => this.aboutToggle,
  });
  private readonly sideTabs = new TablistController<WorkspaceSideTab>(this, {
    tabs: ['about', 'activity'],
    selected: () => this.sideTab,
    select: (tab) => (this.chosenTab = tab),
  });
  private readonly actions: WorkspaceActions = {
    back: (pane) => this.layoutController.back(pane),
    toggleAbout: () => this.layoutController.toggleAbout(),
    asideKeydown: this.layoutController.onAsideKeydown,
    counterOpens: () => (this.replyAfterOpen = true),
  };
  private readonly skipLinks: SkipLinksActions = {
    available: (target) => this.canSkipTo(target),
    go: (target) => void this.skipTo(target),
    shortcutOf: (target) => this.keys.shortcutOf(`skip-${target}`),
  };
  /** The keyboard shortcuts (skip links' and actions'), as remapped or turned off. */
  private readonly keys = new ShortcutsController(this, {
    setting: () => this.shortcuts,
    run: (action) => runShortcut(action, this.shortcutTargets),
  });
  private readonly shortcutTargets: ShortcutTargets = {
    client: () => this.client,
    sessionId: () => this.sessionId,
    liveChatId: () =>
      this.liveChatId ?? this.openSession.value?.session.liveChatId ?? this.liveChats.value[0]?.id,
    skipTo: (target) => this.skipTo(target),
    openAsCounter: (sessionId) => {
      this.replyAfterOpen = true;
      this.dispatchEvent(sessionOpenEvent({ sessionId }));
    },
    openGroup: (liveChatId, group) => this.select({ view: 'group', liveChatId, group }),
    showAbout: async () => {
      this.chosenTab = 'about';
      this.layoutController.show('about');
      await loadElement('live-chat-about-session').catch(() => undefined);
      await this.updateComplete;
      return this.asideElement ?? undefined;
    },
    conversation: () => this.conversation ?? undefined,
    search: () => this.regionElement('search'),
    openHelp: () => void this.openShortcutsHelp(),
    announce: (text) => this.announcer.announce(text),
    nothingWaiting: () => this.t('workspace.nothing-waiting'),
  };
  /** Sets the user away after `idleAwayMs` without activity, and back online on the next. */
  private readonly idleAway = new IdleAwayController(this, {
    client: () => this.client,
    idleMs: () => this.idleAwayMs,
  });
  /** Says what the user's action changed: the session opened, the session closed. */
  private readonly announcer = new AnnouncerController(this, 100);
  /** Activity entries since the user last looked at the stream, said politely as they arrive. */
  private readonly activityUnseen = new ActivityUnseenController(this, {
    client: () => this.client,
    seeing: () => this.activityShown,
    arrived: (_unseen, added) =>
      this.announcer.announce(this.t('activity.arrived', { count: added })),
  });
  /** The session being opened came from the blue counter: focus goes to its reply field. */
  private replyAfterOpen = false;
  /** The open session still has to be shown in the menu (its group selected) once it is known. */
  private selectionFollowsSession = false;
  /** The open session waited in the queue when last seen: once the user takes it, the menu follows. */
  private openSessionQueued: Id | undefined;
  /** The live chat of the last selected group: the one the reports open on. */
  private lastLiveChatId: Id | undefined;

  @query('#main') private mainElement?: HTMLElement;
  @query('#list-title') private listTitle?: HTMLElement;
  @query('.about-toggle') private aboutToggle?: HTMLElement;
  @query('#aside') private asideElement?: HTMLElement;
  @query('live-chat-navigation') private navigation?: LiveChatNavigation;
  @query('live-chat-conversation') private conversation?: LiveChatConversation;

  /** The right pane's tab chosen by the user; until then: About with a session open, else Activity. */
  @state() private chosenTab: WorkspaceSideTab | undefined;
  /** The keyboard shortcuts help was asked for: it is rendered (and its code loaded) from then on. */
  @state() private helpRequested = false;

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
   * page, e.g. the signed-in user's name: "Anna: Conversation", and is shown beside the title, so
   * each workspace says visibly whose it is. Without it the names are plain.
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

  /**
   * Rewrites each avatar URL before it is loaded, e.g. to the host's image proxy: gets the URL
   * and whose avatar it is, returns the URL to load, or `undefined` for initials. Whatever it
   * returns must still be an absolute `https:` URL (see `allowHttpAvatars`); relative URLs never
   * load. Avatars load without a referrer.
   */
  @property({ attribute: false })
  avatarUrl: AvatarUrlHook | undefined;

  /** Loads `http:` avatar URLs too, not only `https:` ones: for development only. */
  @property({ type: Boolean, attribute: 'allow-http-avatars' })
  allowHttpAvatars = false;

  /**
   * Auto-away: after this many milliseconds without pointer or keyboard activity in the page,
   * the signed-in user is set away (automatically: a status they chose stays), and back online
   * on their next activity. Default 5 minutes; 0 turns it off.
   */
  @property({ type: Number, attribute: 'idle-away-ms' })
  idleAwayMs = DEFAULT_IDLE_AWAY_MS;

  /**
   * The keyboard shortcuts (listed in the `?` help): `true` for the defaults, `false` to turn
   * every one off, or changes by action name — `{ close: 'Alt+Shift+K', search: false }`. The
   * user can also turn them off in the help. See docs/accessibility.md.
   */
  @property({ attribute: false })
  shortcuts: ShortcutsSetting = true;

  /** The shortcuts in effect, for the buttons inside that name their key. */
  @provide({ context: shortcutKeysContext })
  private shortcutKeys: ShortcutKeys | undefined;

  /** How the components inside load avatars, from `avatarUrl` and `allowHttpAvatars`. */
  @provide({ context: avatarContext })
  private avatarOptions: AvatarOptions = {};

  constructor() {
    super();
    // Listeners on the element itself (not on document or window): they go with the element.
    this.addEventListener('live-chat-session-open', (event) => this.handleSessionOpen(event));
    this.addEventListener('live-chat-session-closed', (event) => this.handleSessionClosed(event));
    this.addEventListener('live-chat-navigate', (event) => this.handleNavigate(event));
    this.addEventListener('live-chat-bind-message', (event) => void this.handleBindMessage(event));
  }

  /** The controller playing this workspace's alerts (its settings are shown in the settings popover). */
  get alerts(): AlertsController {
    return this.alertsController;
  }

  /** The current layout: 'wide', 'medium' or 'narrow'. */
  get currentLayout(): WorkspaceLayout {
    return this.layoutController.layout;
  }

  /** The pane shown in the narrow layout. */
  get currentPane(): WorkspacePane {
    return this.layoutController.pane;
  }

  /** The keyboard shortcuts, as in effect now (the `?` help lists them and turns them off). */
  get keyboardShortcuts(): ShortcutsController {
    return this.keys;
  }

  /** Opens the keyboard shortcuts help (`?`); its code is loaded the first time. */
  async openShortcutsHelp(): Promise<void> {
    this.helpRequested = true;
    await loadElement('live-chat-shortcuts-help');
    await this.updateComplete;
    await this.renderRoot.querySelector('live-chat-shortcuts-help')?.show();
  }

  /** Shows a pane of the narrow stack (and, in the medium layout, opens or closes the about drawer). */
  showPane(pane: WorkspacePane): void {
    this.layoutController.show(pane);
  }

  /** The catalogue text for `key` in the workspace's `locale`, with `params` filled in. */
  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params);
  }

  /** Whether the centre pane shows a view of its own (the reports, the monitor), not a session. */
  private get centreView(): boolean {
    return this.view === 'reports' || this.view === 'monitor';
  }

  private get sideTab(): WorkspaceSideTab {
    return this.chosenTab ?? (this.sessionId ? 'about' : 'activity');
  }

  /** Whether the Activity tab is on screen: selected, in a layout that shows the right pane. */
  private get activityShown(): boolean {
    if (this.sideTab !== 'activity') return false;
    const layout = this.layoutController.layout;
    if (layout === 'medium') return this.layoutController.aboutOpen;
    return layout === 'wide' || this.layoutController.pane === 'about';
  }

  /** The Activity button (medium and narrow layouts): the Activity tab, shown and focused. */
  private openActivity(): void {
    this.chosenTab = 'activity';
    this.layoutController.show('about');
  }

  /** What gets focus when a pane is shown on its own. */
  private paneFocus(pane: WorkspacePane): Focusable | null | undefined {
    switch (pane) {
      case 'menu': {
        const navigation = this.navigation;
        return navigation && { focus: () => navigation.focusSelected() };
      }
      case 'list':
        return this.listTitle;
      case 'conversation':
        return this.mainElement;
      case 'about':
        return this.asideElement?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    }
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
    const view = this.client?.getSession(sessionId);
    this.followSession(view);
    this.layoutController.show('conversation');
    if (this.replyAfterOpen) {
      // From the blue counter: straight to the reply, saying which session that is.
      this.replyAfterOpen = false;
      this.skipTo('reply');
      this.announcer.announce(
        this.t('workspace.session-opened', { name: view?.session.name ?? '' }),
      );
    }
  }

  private handleSessionClosed(event: HTMLElementEventMap['live-chat-session-closed']): void {
    const view = this.client?.getSession(event.detail.sessionId);
    this.announcer.announce(this.t('workspace.session-closed', { name: view?.session.name ?? '' }));
  }

  /** "Bind this message" in the conversation: the About pane's binders, for that message. */
  private async handleBindMessage(
    event: HTMLElementEventMap['live-chat-bind-message'],
  ): Promise<void> {
    const { sessionId, messageId, preview } = event.detail;
    if (event.defaultPrevented || sessionId !== this.sessionId) return;
    const aside = await this.shortcutTargets.showAbout();
    await aside?.querySelector('live-chat-about-session')?.bindMessage(messageId, preview);
  }

  private handleNavigate(event: HTMLElementEventMap['live-chat-navigate']): void {
    // The workspace's own menu and a host's replacement menu both land here.
    this.select(event.detail);
    this.layoutController.show(event.detail.view === 'group' ? 'list' : 'conversation');
  }

  /** Whether a skip link's target is there: the list in a group view, the reply with a session. */
  private canSkipTo(target: SkipTarget): boolean {
    if (target === 'list') return this.view === 'group';
    if (target === 'reply') return Boolean(this.sessionId) && !this.centreView;
    return true;
  }

  /** A skip link or its shortcut: shows the pane holding `target` and focuses it. */
  private skipTo(target: SkipTarget): boolean {
    if (!this.canSkipTo(target)) return false;
    switch (target) {
      case 'counter':
        this.layoutController.skipTo('list', () => this.regionElement('counters'));
        break;
      case 'list':
        this.layoutController.skipTo('list', () => this.regionElement('list') ?? this.listTitle);
        break;
      case 'reply':
        this.layoutController.skipTo('conversation', () => {
          const conversation = this.conversation;
          if (!conversation) return this.mainElement;
          // Its code may still be loading (the first session opened): focus once it is defined.
          return {
            focus: () =>
              void loadElement('live-chat-conversation').then(
                () => conversation.focusReply(),
                () => this.mainElement?.focus(),
              ),
          };
        });
        break;
      case 'conversation':
        this.layoutController.skipTo('conversation', () => this.mainElement);
        break;
    }
    return true;
  }

  /** The element in the region of slot `name`: the host's, or the built-in one. */
  private regionElement(name: string): HTMLElement | undefined {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>(`slot[name="${name}"]`);
    const element = slot?.assignedElements()[0] ?? slot?.firstElementChild;
    return element instanceof HTMLElement ? element : undefined;
  }

  private select(selection: NavigationSelection): void {
    if (this.liveChatId) this.lastLiveChatId = this.liveChatId;
    this.selection = selection;
  }

  /** Selects the menu group the open session belongs to, unless the selected group already holds it. */
  private followSession(view: SessionView | undefined): void {
    const viewer = this.client?.viewer;
    if (!view || !viewer || !this.selectionFollowsSession) return;
    this.selectionFollowsSession = false;
    const selection = selectionShowing(viewer, view.session, this.selection);
    if (selection) this.select(selection);
  }

  /**
   * The open session was waiting and is now the user's (taken with Take or by replying): the
   * menu follows it to My sessions, where the list highlights it.
   */
  private followTakenSession(view: SessionView | undefined): void {
    const session = view?.session;
    const wasQueued = session !== undefined && this.openSessionQueued === session.id;
    this.openSessionQueued = session?.status === 'queued' ? session.id : undefined;
    const assignee = session?.assignee;
    const mine =
      assignee?.kind === 'operator' && assignee.operatorId === this.client?.viewer?.userId;
    if (wasQueued && session.status === 'active' && mine) this.selectionFollowsSession = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      this.status.observe(this.client?.status$);
      this.liveChats.observe(this.client?.liveChats$);
    }
    if (changed.has('avatarUrl') || changed.has('allowHttpAvatars')) {
      this.avatarOptions = { rewrite: this.avatarUrl, allowHttp: this.allowHttpAvatars };
    }
    if (changed.has('client') || changed.has('idleAwayMs')) this.idleAway.restart();
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
      this.layoutController.sessionChanged(Boolean(this.sessionId), this.centreView);
    }
    const shortcutKeys = shortcutKeysOf(this.keys);
    if (!sameShortcutKeys(this.shortcutKeys, shortcutKeys)) this.shortcutKeys = shortcutKeys;
    this.followTakenSession(this.openSession.value);
    this.followSession(this.openSession.value);
    const first = this.liveChats.value[0];
    if (!this.view && first) this.select({ view: 'group', liveChatId: first.id, group: 'queue' });
  }

  /** What the regions show. */
  private regionView(): WorkspaceView {
    const liveChatId = this.liveChatId;
    return {
      t: (key, params) => this.t(key, params),
      theme: this.theme,
      landmark: (name) => (this.label ? `${this.label}: ${name}` : name),
      label: this.label,
      slot: (name, fallback) => this.slots.slot(name, fallback),
      status: this.status.value,
      layout: this.layoutController.layout,
      aboutOpen: this.layoutController.aboutOpen,
      view: this.view,
      liveChatId,
      group: this.group,
      liveChatName: liveChatId && this.liveChats.value.find((c) => c.id === liveChatId)?.name,
      reportsLiveChatId: this.lastLiveChatId,
      sessionId: this.sessionId,
      highlightMessageId: this.highlightMessageId,
      sideTabs: this.sideTabs,
      alerts: this.alertsController,
      shortcuts: this.keys,
      helpRequested: this.helpRequested,
      openHelp: () => void this.openShortcutsHelp(),
      activityUnseen: this.activityUnseen.count,
      openActivity: () => this.openActivity(),
    };
  }

  override render() {
    if (!this.client) return renderNoClient((key, params) => this.t(key, params));
    const view = this.regionView();
    return html`<div
      part="base"
      class="workspace"
      data-pane=${this.layoutController.pane}
      data-view=${this.view ?? nothing}
      ?data-about-open=${this.layoutController.aboutOpen}
      aria-busy=${this.status.value.state === 'loading' ? 'true' : 'false'}
    >
      ${renderSkipLinks(view, this.skipLinks)} ${renderHeader(view)}
      <div part="connection" class="connection">
        ${this.slots.slot('connection', () => html`<live-chat-connection-status theme=${this.theme}></live-chat-connection-status>`)}
        ${this.lazyParts.render({
          failed: this.t('workspace.load-failed'),
          retry: this.t('workspace.load-retry'),
        })}
      </div>
      <div part="body" class="body">
        ${renderSidebar(view, this.actions)} ${renderMain(view, this.actions)}
        ${renderAside(view, this.actions)}
      </div>
      ${this.announcer.render()}
      <live-chat-alert-toast
        part="alert-toast"
        .controller=${this.alertsController}
        theme=${this.theme}
      ></live-chat-alert-toast>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-workspace': LiveChatWorkspace;
  }
}
