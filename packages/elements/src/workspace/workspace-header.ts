import { html, nothing, type TemplateResult } from 'lit';
import '../availability/availability.js';
import type { Translate } from '../i18n/catalogue.js';
import { isolated } from '../shared/untrusted-text.js';
import { renderCannedRepliesEntry } from './canned-replies-entry.js';
import { loadElement, shownLazily } from './lazy-elements.js';
import {
  icons,
  renderDialogButton,
  renderIcon,
  renderRegion,
  type WorkspaceView,
} from './workspace-regions.js';

/**
 * The workspace's top bar: the title with the red unread counter, the search scoped to the open
 * session, the bell button with the alert settings popover, the keyboard shortcuts button (its
 * help dialog loads the first time it opens), the Canned replies button (its editor likewise)
 * and the user's availability picker. A region named by the title,
 * not `<header>`: the host page owns the banner landmark.
 */
export function renderHeader(view: WorkspaceView): TemplateResult {
  const { t, theme, slot } = view;
  return renderRegion(
    view,
    'header',
    t('workspace.title'),
    html`${slot(
        'header',
        () =>
          html`<div part="title" class="title">
            <span class="title-icon">
              ${renderIcon(icons.chat, 18)}
              <live-chat-counter kind="unread" theme=${theme}></live-chat-counter>
            </span>
            <span class="title-text">${t('workspace.title')}</span>
            ${view.label ? html`<span class="title-label">${isolated(view.label)}</span>` : nothing}
          </div>`,
      )}
      <div
        part="search"
        class="search"
        role="search"
        aria-label=${view.landmark(t('workspace.search'))}
      >
        ${slot('search', () => shownLazily('live-chat-search', html`<live-chat-search session-id=${view.sessionId ?? nothing} theme=${theme}></live-chat-search>`))}
      </div>
      <button
        type="button"
        part="settings-button"
        class="icon-button settings-button"
        popovertarget="settings"
        title=${t('workspace.settings')}
      >
        ${renderIcon(icons.bell, 20)}
      </button>
      <div
        id="settings"
        part="settings"
        class="settings"
        popover
        @beforetoggle=${() => void loadElement('live-chat-alert-settings').catch(() => undefined)}
        aria-label=${t('workspace.settings')}
        role="dialog"
      >
        ${slot(
          'settings',
          () =>
            html`<live-chat-alert-settings
              .controller=${view.alerts}
              theme=${theme}
            ></live-chat-alert-settings>`,
        )}
      </div>
      ${renderShortcutsButton(view)} ${renderCannedRepliesEntry(view)}
      ${slot('availability', () => html`<live-chat-availability part="availability" theme=${theme}></live-chat-availability>`)}
      ${
        view.helpRequested
          ? shownLazily(
              'live-chat-shortcuts-help',
              html`<live-chat-shortcuts-help
                .controller=${view.shortcuts}
                theme=${theme}
              ></live-chat-shortcuts-help>`,
            )
          : nothing
      }`,
  );
}

/** The button opening the keyboard shortcuts help, naming its own key (`?`) while it works. */
function renderShortcutsButton(view: WorkspaceView): TemplateResult {
  return renderDialogButton({
    part: 'shortcuts-button',
    label: view.t('workspace.shortcuts-help'),
    keys: view.shortcuts.keysOf('help'),
    icon: icons.keyboard,
    open: view.openHelp,
  });
}

/** What the workspace shows until it has a client: how to give it one. */
export function renderNoClient(t: Translate): TemplateResult {
  return html`<div part="base" class="no-client" role="alert">
    <h2>${t('workspace.no-client.title')}</h2>
    <p>${t('workspace.no-client.body')}</p>
    <pre><code>import { createLiveChatClient } from '@live-chat/core';
const workspace = document.querySelector('live-chat-workspace');
workspace.client = createLiveChatClient({ adapter });</code></pre>
  </div>`;
}
