import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { shortcutText, type KeyCombo } from '../controllers/page-shortcut.js';
import type { WorkspaceView } from './workspace-regions.js';

/** Where a skip link, and its shortcut, take the keyboard. */
export type SkipTarget = 'counter' | 'list' | 'reply' | 'conversation';

/** One skip link: where it goes, its text, and the shortcut that goes there from anywhere. */
export interface SkipLink {
  target: SkipTarget;
  label: MessageKey;
  shortcut: KeyCombo;
}

/** What the skip links are given: which targets are on offer now, and how to go to one. */
export interface SkipLinksActions {
  /** Whether `target` is there to go to (no reply field without an open session). */
  available: (target: SkipTarget) => boolean;
  go: (target: SkipTarget) => void;
}

/**
 * The workspace's skip links, first in its tab order, in the order of the daily work: take the
 * next waiting session (the blue counter), reply, the session list, the conversation.
 * Each has an Alt+Shift shortcut that goes to the same place from anywhere on the page, a text
 * field included (see docs/accessibility.md).
 */
export const SKIP_LINKS: readonly SkipLink[] = [
  { target: 'counter', label: 'workspace.skip-to-counter', shortcut: { key: 'n' } },
  { target: 'reply', label: 'workspace.skip-to-reply', shortcut: { key: 'r' } },
  { target: 'list', label: 'workspace.skip-to-list', shortcut: { key: 'l' } },
  { target: 'conversation', label: 'workspace.skip-to-main', shortcut: { key: 'c' } },
];

/** A skip link's text: the main pane's says what it holds (the conversation, or the reports). */
function labelOf(link: SkipLink, view: WorkspaceView): MessageKey {
  return link.target === 'conversation' && view.view === 'reports'
    ? 'workspace.skip-to-reports'
    : link.label;
}

/**
 * The skip links: buttons hidden until focused, each naming its shortcut for assistive
 * technology (`aria-keyshortcuts`) and on screen.
 */
export function renderSkipLinks(view: WorkspaceView, actions: SkipLinksActions): TemplateResult {
  const links = SKIP_LINKS.filter((link) => actions.available(link.target));
  return html`<div class="skip-links">
    ${repeat(
      links,
      (link) => link.target,
      (link) =>
        html`<button
          type="button"
          part="skip-link"
          class="skip-link"
          data-skip=${link.target}
          aria-keyshortcuts=${shortcutText(link.shortcut)}
          @click=${() => actions.go(link.target)}
        >
          ${view.t(labelOf(link, view))}<kbd aria-hidden="true">${shortcutText(link.shortcut)}</kbd>
        </button>`,
    )}
  </div>`;
}
