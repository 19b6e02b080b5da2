import { html, nothing, type TemplateResult } from 'lit';
import { isolatedMessage } from '../shared/untrusted-text.js';
import { shownLazily } from './lazy-elements.js';
import {
  icons,
  renderBackButton,
  renderIcon,
  renderRegion,
  type WorkspaceActions,
  type WorkspaceView,
} from './workspace-regions.js';

/**
 * The workspace's panes: the sidebar (menu, the selected group's sessions, the counters), the
 * main pane (the conversation, the reports, or the live monitor) and the aside (About the session and Activity
 * tabs). Each has a bar with a back button for the narrow layout, where one pane shows at a time.
 */

/**
 * The title of the session list: the selected group and its live chat, as text and as shown
 * (the live chat's name isolated).
 */
function listTitle(view: WorkspaceView): { text: string; shown: Array<string | TemplateResult> } {
  const { t } = view;
  if (view.view !== 'group' || !view.group) return { text: t('workspace.sessions'), shown: [] };
  const params = {
    group: t(`workspace.group.${view.group}`),
    liveChat: view.liveChatName ?? '',
  };
  return {
    text: t('workspace.list-of', params),
    shown: isolatedMessage(t, 'workspace.list-of', params),
  };
}

/** The left column: the menu, the selected group's sessions with their title, the counters. */
export function renderSidebar(view: WorkspaceView, actions: WorkspaceActions): TemplateResult {
  const { t, theme, slot } = view;
  const { text: title, shown } = listTitle(view);
  return html`<div part="sidebar" class="sidebar">
    <div part="menu-pane" class="pane menu-pane">
      ${slot(
        'navigation',
        () =>
          html`<live-chat-navigation
            list-placement="none"
            label=${view.landmark(t('navigation.label'))}
            view=${view.view ?? nothing}
            live-chat-id=${view.liveChatId ?? nothing}
            group=${view.group ?? nothing}
            session-id=${view.sessionId ?? nothing}
            theme=${theme}
          ></live-chat-navigation>`,
      )}
    </div>
    <section part="list-pane" class="pane list-pane" aria-label=${view.landmark(title)}>
      <div part="pane-bar" class="pane-bar">
        ${renderBackButton(t('workspace.back-to-menu'), 'menu', actions)}
        <h2 id="list-title" tabindex="-1" title=${title}>${shown.length ? shown : title}</h2>
      </div>
      <div class="pane-content">
        ${slot('list', () =>
          view.view === 'group' && view.liveChatId && view.group
            ? html`<live-chat-session-list
                live-chat-id=${view.liveChatId}
                group=${view.group}
                selected-session-id=${view.sessionId ?? nothing}
                theme=${theme}
              ></live-chat-session-list>`
            : html``,
        )}
      </div>
    </section>
    <div class="sidebar-foot">
      ${renderRegion(
        view,
        'counters',
        t('workspace.counters'),
        slot(
          'counters',
          () =>
            html`<live-chat-counter
              kind="unassigned"
              show-label
              theme=${theme}
              @live-chat-session-open=${actions.counterOpens}
            ></live-chat-counter>`,
        ),
      )}
      ${renderActivityButton(view)}
    </div>
  </div>`;
}

/**
 * The Activity button beside the counters, in the medium and narrow layouts (the wide one
 * always shows the stream): opens the Activity tab without opening a session, with the count of
 * entries the user has not seen.
 */
function renderActivityButton(view: WorkspaceView): TemplateResult {
  const { t } = view;
  const count = view.activityUnseen;
  return html`<button
    type="button"
    part="activity-button"
    class="button activity-button"
    aria-label=${count ? t('activity.open-unseen', { count }) : t('activity.open')}
    @click=${view.openActivity}
  >
    ${t('activity.open')}
    ${count ? html`<span part="activity-unseen" class="unseen">${t('activity.unseen', { count })}</span>` : nothing}
  </button>`;
}

/** The centre pane's content: the reports, the live monitor, the open conversation, or a placeholder. */
function renderMainContent(view: WorkspaceView): TemplateResult {
  const { t, theme, slot } = view;
  if (view.view === 'monitor') {
    return slot('monitor', () =>
      shownLazily(
        'live-chat-monitor',
        html`<live-chat-monitor theme=${theme}></live-chat-monitor>`,
      ),
    );
  }
  if (view.view === 'reports') {
    return slot('reports', () =>
      shownLazily(
        'live-chat-reports',
        html`<live-chat-reports
          live-chat-id=${view.reportsLiveChatId ?? nothing}
          theme=${theme}
        ></live-chat-reports>`,
      ),
    );
  }
  return slot('conversation', () => {
    if (view.sessionId) {
      return shownLazily(
        'live-chat-conversation',
        html`<live-chat-conversation
          session-id=${view.sessionId}
          highlight-message-id=${view.highlightMessageId ?? nothing}
          theme=${theme}
        ></live-chat-conversation>`,
      );
    }
    if (view.status.state === 'loading') {
      return html`<div part="placeholder" class="placeholder" role="status">
        ${t('workspace.loading')}
      </div>`;
    }
    return html`<div part="placeholder" class="placeholder">
      <h2>${t('workspace.no-session')}</h2>
      <p>${t('workspace.no-session-hint')}</p>
    </div>`;
  });
}

/** The centre pane (`<main>`), with the toggle of the about pane in the medium and narrow layouts. */
export function renderMain(view: WorkspaceView, actions: WorkspaceActions): TemplateResult {
  const { t } = view;
  const reports = view.view === 'reports' || view.view === 'monitor';
  const name = reports
    ? t(`workspace.main-${view.view === 'monitor' ? 'monitor' : 'reports'}`)
    : t('workspace.main');
  return html`<main
    id="main"
    part="main"
    class="pane main"
    tabindex="-1"
    aria-label=${view.landmark(name)}
  >
    <div part="pane-bar" class="pane-bar main-bar">
      ${
        reports
          ? renderBackButton(t('workspace.back-to-menu'), 'menu', actions)
          : renderBackButton(t('workspace.back-to-list'), 'list', actions)
      }
      <span class="spacer"></span>
      ${
        reports
          ? nothing
          : html`<button
              type="button"
              part="about-toggle"
              class="button about-toggle"
              aria-controls="aside"
              aria-expanded=${view.layout === 'narrow' ? nothing : view.aboutOpen ? 'true' : 'false'}
              @click=${actions.toggleAbout}
            >
              ${renderIcon(icons.info, 16)}
              ${view.sessionId ? t('workspace.show-about') : t('workspace.tab.activity')}
            </button>`
      }
    </div>
    <div class="pane-content">${renderMainContent(view)}</div>
  </main>`;
}

/** The right pane (`<aside>`): the About the session and Activity tabs. */
export function renderAside(view: WorkspaceView, actions: WorkspaceActions): TemplateResult {
  const { t, theme, slot, sideTabs } = view;
  return html`<aside
    id="aside"
    part="aside"
    class="pane aside"
    aria-label=${view.landmark(t('workspace.side'))}
    @keydown=${actions.asideKeydown}
  >
    <div part="pane-bar" class="pane-bar aside-bar">
      ${renderBackButton(t('workspace.back-to-conversation'), 'conversation', actions)}
      <div
        part="tabs"
        class="tabs"
        role="tablist"
        aria-label=${view.landmark(t('workspace.side'))}
        @keydown=${sideTabs.onKeydown}
      >
        ${sideTabs.renderTab('about', t('workspace.tab.about'), { part: 'tab', className: 'tab' })}
        ${sideTabs.renderTab(
          'activity',
          view.activityUnseen
            ? t('activity.open-unseen', { count: view.activityUnseen })
            : t('workspace.tab.activity'),
          { part: 'tab', className: 'tab' },
        )}
      </div>
      <button
        type="button"
        class="icon-button aside-close"
        aria-label=${t('workspace.hide-about')}
        @click=${actions.toggleAbout}
      >
        ${renderIcon(icons.close, 16)}
      </button>
    </div>
    ${sideTabs.renderPanel(
      'about',
      slot('about', () =>
        view.sessionId
          ? shownLazily(
              'live-chat-about-session',
              html`<live-chat-about-session
                session-id=${view.sessionId}
                theme=${theme}
              ></live-chat-about-session>`,
            )
          : html`<p part="placeholder" class="placeholder">${t('workspace.no-session-about')}</p>`,
      ),
      { className: 'tabpanel' },
    )}
    ${sideTabs.renderPanel(
      'activity',
      slot('activity', () =>
        shownLazily(
          'live-chat-activity',
          html`<live-chat-activity heading-level="0" theme=${theme}></live-chat-activity>`,
        ),
      ),
      { className: 'tabpanel' },
    )}
  </aside>`;
}
