import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { ClientStatus, Id, SessionGroupKind } from '@live-chat/core';
import type { AlertsController } from '../controllers/alerts/alerts-controller.js';
import type { TablistController } from '../controllers/tablist.js';
import type { ShortcutsController } from '../shortcuts/shortcuts-controller.js';
import type { Translate } from '../i18n/catalogue.js';
import type { NavigationSelection } from '../events/navigate.js';
import type { WorkspaceLayout, WorkspacePane } from './workspace-layout.js';

/**
 * What the templates of the workspace's regions (header, sidebar, main pane, aside) are given,
 * and the pieces they share. The templates hold no state: the workspace passes what to show
 * and what to call.
 */

/** The tab of the right-hand pane. */
export type WorkspaceSideTab = 'about' | 'activity';

/** What the regions show. */
export interface WorkspaceView {
  t: Translate;
  theme: 'light' | 'dark';
  /** A landmark's accessible name, prefixed with the workspace's `label` when it has one. */
  landmark: (name: string) => string;
  /** The workspace's `label` (e.g. who is signed in), shown beside its title when set. */
  label: string | undefined;
  /** The named slot `name`, holding the built-in `fallback` while the host leaves it empty. */
  slot: (name: string, fallback: () => TemplateResult) => TemplateResult;
  status: ClientStatus;
  layout: WorkspaceLayout;
  /** Whether the about drawer is open (medium layout). */
  aboutOpen: boolean;
  view: NavigationSelection['view'] | undefined;
  liveChatId: Id | undefined;
  group: SessionGroupKind | undefined;
  /** The name of the selected group's live chat. */
  liveChatName: string | undefined;
  /** The live chat the reports open on. */
  reportsLiveChatId: Id | undefined;
  sessionId: Id | undefined;
  highlightMessageId: Id | undefined;
  /** The About the session and Activity tabs of the aside. */
  sideTabs: TablistController<WorkspaceSideTab>;
  /** The workspace's alerts, whose settings the settings popover shows. */
  alerts: AlertsController;
  /** The workspace's keyboard shortcuts, listed (and turned off) in their help. */
  shortcuts: ShortcutsController;
  /** Whether the shortcuts help was asked for (its code loads the first time). */
  helpRequested: boolean;
  /** Opens the keyboard shortcuts help. */
  openHelp: () => void;
  /** Activity entries since the user last looked at the stream. */
  activityUnseen: number;
  /** Shows the Activity tab (the Activity button of the medium and narrow layouts). */
  openActivity: () => void;
}

/** What the regions' controls call. */
export interface WorkspaceActions {
  back: (pane: WorkspacePane) => void;
  toggleAbout: () => void;
  asideKeydown: (event: KeyboardEvent) => void;
  /** The blue counter is opening a session (its `live-chat-session-open` is on its way up). */
  counterOpens: () => void;
}

/** The workspace's icons, drawn on a 20×20 grid in `currentColor`. */
export const icons = {
  chat: svg`<path d="M3 4.5A2.5 2.5 0 0 1 5.5 2h9A2.5 2.5 0 0 1 17 4.5v6a2.5 2.5 0 0 1-2.5 2.5H9l-4 3.5V13h.5A2.5 2.5 0 0 1 3 10.5Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>`,
  bell: svg`<path d="M10 2.5a5 5 0 0 0-5 5v3.2l-1.5 2.8h13L15 10.7V7.5a5 5 0 0 0-5-5ZM8 15.5a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round"/>`,
  back: svg`<path d="M12.5 4 6.5 10l6 6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`,
  info: svg`<circle cx="10" cy="10" r="7.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M10 9v5M10 6.2h.01" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  keyboard: svg`<rect x="2" y="5" width="16" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M5 8h.01M8 8h.01M11 8h.01M14 8h.01M6 12h8" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  close: svg`<path d="m5 5 10 10M15 5 5 15" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
} satisfies Record<string, SVGTemplateResult>;

/** An icon, hidden from assistive technology (its button carries the name). */
export function renderIcon(icon: SVGTemplateResult, size: number): TemplateResult {
  return html`<svg viewBox="0 0 20 20" width=${size} height=${size} aria-hidden="true">
    ${icon}
  </svg>`;
}

/** What {@link renderDialogButton} shows. */
export interface DialogButton {
  /** Its `part` (and class, after `icon-button`). */
  part: string;
  /** Its accessible name, also its tooltip. */
  label: string;
  /** The keys that do the same, named in `aria-keyshortcuts` and the tooltip, if any. */
  keys?: string | undefined;
  icon: SVGTemplateResult;
  open: (event: Event) => unknown;
}

/** An icon button of the header that opens a dialog. */
export function renderDialogButton(button: DialogButton): TemplateResult {
  const { part, label, keys } = button;
  return html`<button
    type="button"
    part=${part}
    class="icon-button ${part}"
    aria-label=${label}
    aria-haspopup="dialog"
    aria-keyshortcuts=${keys ?? nothing}
    title=${keys ? `${label} (${keys})` : label}
    @click=${button.open}
  >
    ${renderIcon(button.icon, 20)}
  </button>`;
}

/**
 * A region landmark of the workspace (`part` and `class` both `part`), named `label` (with the
 * workspace's `label` before it when it has one): for content that no other landmark holds.
 */
export function renderRegion(
  view: WorkspaceView,
  part: string,
  label: string,
  content: TemplateResult,
): TemplateResult {
  return html`<div part=${part} class=${part} role="region" aria-label=${view.landmark(label)}>
    ${content}
  </div>`;
}

/** The back button of a pane's bar (shown in the narrow layout): back to `pane`. */
export function renderBackButton(
  label: string,
  pane: WorkspacePane,
  actions: WorkspaceActions,
): TemplateResult {
  return html`<button
    type="button"
    part="back-button"
    class="icon-button back"
    aria-label=${label}
    @click=${() => actions.back(pane)}
  >
    ${renderIcon(icons.back, 18)}
  </button>`;
}
