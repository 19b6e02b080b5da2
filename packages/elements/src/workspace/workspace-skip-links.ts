import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { shortcutText, type KeyCombo, type Shortcut } from '../controllers/page-shortcut.js';
import { DEFAULT_SHORTCUTS } from '../shortcuts/shortcut-map.js';
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
  /** The shortcut that goes to `target` now (remapped, or none when shortcuts are off). */
  shortcutOf: (target: SkipTarget) => Shortcut | undefined;
}

/** The default Alt+Shift key of a skip link's shortcut. */
function defaultKey(action: `skip-${SkipTarget}`): KeyCombo {
  return DEFAULT_SHORTCUTS[action] as KeyCombo;
}

/**
 * The workspace's skip links, first in its tab order, in the order of the daily work: take the
 * next waiting session (the blue counter), reply, the session list, the conversation.
 * Each has an Alt+Shift shortcut (the default; remappable and switchable off like the workspace's
 * other shortcuts) that goes to the same place from anywhere on the page, a text field included
 * (see docs/accessibility.md).
 */
export const SKIP_LINKS: readonly SkipLink[] = [
  { target: 'counter', label: 'workspace.skip-to-counter', shortcut: defaultKey('skip-counter') },
  { target: 'reply', label: 'workspace.skip-to-reply', shortcut: defaultKey('skip-reply') },
  { target: 'list', label: 'workspace.skip-to-list', shortcut: defaultKey('skip-list') },
  {
    target: 'conversation',
    label: 'workspace.skip-to-main',
    shortcut: defaultKey('skip-conversation'),
  },
];

/** A skip link's text: the main pane's says what it holds (the conversation, the reports, the monitor). */
function labelOf(link: SkipLink, view: WorkspaceView): MessageKey {
  if (link.target !== 'conversation') return link.label;
  if (view.view === 'reports') return 'workspace.skip-to-reports';
  return view.view === 'monitor' ? 'workspace.skip-to-monitor' : link.label;
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
      (link) => {
        const shortcut = actions.shortcutOf(link.target);
        const keys = shortcut === undefined ? undefined : shortcutText(shortcut);
        return html`<button
          type="button"
          part="skip-link"
          class="skip-link"
          data-skip=${link.target}
          aria-keyshortcuts=${keys ?? nothing}
          @click=${() => actions.go(link.target)}
        >
          ${view.t(labelOf(link, view))}${keys ? html`<kbd aria-hidden="true">${keys}</kbd>` : nothing}
        </button>`;
      },
    )}
  </div>`;
}
