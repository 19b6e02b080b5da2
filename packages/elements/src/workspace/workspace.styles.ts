import { css } from 'lit';

/**
 * Layout. Breakpoints are container queries on the workspace itself (it may sit in a side panel
 * of any width); they match `MEDIUM_MAX_WIDTH` and `NARROW_MAX_WIDTH` in workspace.ts, which the
 * component uses for behaviour (where focus goes when panes change).
 */
export const workspaceStyles = css`
  :host {
    display: block;
    position: relative;
    height: var(--live-chat-workspace-height, 100%);
    min-height: var(--live-chat-workspace-min-height, 420px);
    container: live-chat-workspace / inline-size;
    background: var(--live-chat-workspace-background, var(--_bg));
    color: var(--_text);
    --_sidebar-width: var(--live-chat-workspace-sidebar-width, 300px);
    --_aside-width: var(--live-chat-workspace-aside-width, 352px);
    --_header-background: var(--live-chat-workspace-header-background, var(--_surface));
    --_pane-border: 1px solid var(--_border);
  }
  .workspace {
    position: relative;
    display: grid;
    grid-template-rows: auto auto minmax(0, 1fr);
    height: 100%;
    min-height: inherit;
    overflow: hidden;
  }
  /* The links are positioned on their own: their wrapper takes no row of the grid. */
  .skip-links {
    display: contents;
  }
  .skip-link {
    position: absolute;
    inset-block-start: var(--_space);
    inset-inline-start: var(--_space);
    z-index: 10;
    padding: 6px 12px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    transform: translateY(-200%);
  }
  .skip-link:focus {
    transform: none;
  }
  .skip-link kbd {
    margin-inline-start: var(--_space);
    font: inherit;
    font-size: 0.85em;
    opacity: 0.85;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    background: var(--_header-background);
    border-bottom: var(--_pane-border);
  }
  .title {
    display: flex;
    align-items: center;
    gap: var(--_space);
    font-weight: 700;
    font-size: 1.1em;
    white-space: nowrap;
  }
  /* Who is signed in, when the host labels the workspace (several on one page). */
  .title-label {
    font-weight: 400;
    color: var(--_muted);
    max-width: 14em;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .title-icon {
    position: relative;
    display: inline-flex;
    width: 28px;
    height: 28px;
    align-items: center;
    justify-content: center;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .title-icon live-chat-counter {
    position: absolute;
    inset-block-start: -8px;
    inset-inline-end: -12px;
  }
  .search {
    flex: 1 1 240px;
    min-width: 0;
    max-width: 640px;
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 32px;
    min-height: 32px;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
  }
  .icon-button:hover {
    border-color: var(--_border);
    background: var(--_surface-raised);
  }
  .settings-button {
    anchor-name: --live-chat-settings;
    margin-inline-start: auto;
  }
  .settings {
    position-anchor: --live-chat-settings;
    position-area: bottom span-left;
    position-try-fallbacks: flip-block, flip-inline;
    margin: 4px 0;
    width: min(360px, calc(100vw - 16px));
    max-height: min(480px, calc(100vh - 80px));
    overflow: auto;
    padding: calc(var(--_space) * 1.5);
    border: var(--_pane-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 8px 30px rgb(0 0 0 / 0.2);
  }
  /* A part shown on demand whose code failed to load: said like a connection problem. */
  .load-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    background: var(--_surface);
    border-bottom: var(--_pane-border);
    border-inline-start: 4px solid var(--_danger);
  }
  .body {
    position: relative;
    display: grid;
    grid-template-columns: var(--_sidebar-width) minmax(0, 1fr) var(--_aside-width);
    min-height: 0;
  }
  .sidebar,
  .aside {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  .sidebar {
    border-inline-end: var(--_pane-border);
    background: var(--live-chat-workspace-sidebar-background, var(--_bg));
  }
  .menu-pane {
    flex: 0 0 auto;
    max-height: 55%;
    overflow: auto;
    padding: 0 calc(var(--_space) / 2);
  }
  .list-pane {
    flex: 1 1 0;
    display: flex;
    flex-direction: column;
    min-height: 120px;
    border-top: var(--_pane-border);
  }
  .workspace:is([data-view='reports'], [data-view='monitor']) .list-pane {
    display: none;
  }
  .workspace:is([data-view='reports'], [data-view='monitor']) .menu-pane {
    flex: 1 1 auto;
    max-height: none;
  }
  .list-pane > .pane-content {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .list-pane > .pane-content > * {
    flex: 1;
    min-height: 0;
  }
  .sidebar-foot {
    display: flex;
    align-items: stretch;
    border-top: var(--_pane-border);
    background: var(--_surface);
  }
  .sidebar-foot > .counters {
    flex: 1;
    min-width: 0;
    border-top: 0;
  }
  .activity-button {
    display: none;
    align-self: center;
    gap: 6px;
    margin-inline-end: var(--_space);
  }
  .activity-button .unseen {
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 0.85em;
  }
  .counters {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border-top: var(--_pane-border);
    background: var(--_surface);
  }
  .main {
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
    outline: none;
  }
  .main > .pane-content {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .main > .pane-content > * {
    flex: 1;
    min-height: 0;
  }
  .aside {
    border-inline-start: var(--_pane-border);
    background: var(--live-chat-workspace-aside-background, var(--_bg));
  }
  .pane-bar {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 40px;
    padding: 4px var(--_space);
  }
  .pane-bar h2 {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: 0.95em;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    outline: none;
  }
  .pane-bar .spacer {
    flex: 1;
  }
  .back,
  .about-toggle,
  .aside-close,
  .main-bar {
    display: none;
  }
  .tabs {
    flex: 1;
    min-width: 0;
    display: flex;
    gap: 2px;
    padding: 0 var(--_space);
    border-bottom: var(--_pane-border);
  }
  .tab {
    flex: 1;
    padding: 8px;
    border: 0;
    border-bottom: 2px solid transparent;
    background: transparent;
    color: var(--_muted);
    white-space: nowrap;
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_text);
    font-weight: 600;
  }
  .tabpanel {
    flex: 1;
    min-height: 0;
    overflow: auto;
  }
  .placeholder {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 3);
    text-align: center;
    color: var(--_muted);
  }
  .placeholder h2 {
    margin: 0;
    font-size: 1.1em;
    color: var(--_text);
  }
  .placeholder p {
    margin: 0;
    max-width: 40ch;
  }
  .no-client {
    padding: calc(var(--_space) * 3);
  }
  .no-client pre {
    overflow: auto;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    border: var(--_pane-border);
  }

  /* Medium: the about pane becomes a drawer opened with a toggle. */
  @container live-chat-workspace (width < 1024px) {
    .body {
      grid-template-columns: var(--_sidebar-width) minmax(0, 1fr);
    }
    .aside {
      display: none;
      position: absolute;
      z-index: 5;
      inset-block: 0;
      inset-inline-end: 0;
      width: min(var(--_aside-width), 90%);
      box-shadow: -8px 0 24px rgb(0 0 0 / 0.18);
    }
    .workspace[data-about-open] .aside {
      display: flex;
    }
    .main-bar,
    .about-toggle,
    .aside-close,
    .activity-button {
      display: inline-flex;
    }
    .main-bar {
      display: flex;
      border-bottom: var(--_pane-border);
    }
  }

  /* Narrow: one pane at a time, a stack navigated with the back buttons. */
  @container live-chat-workspace (width < 640px) {
    .header {
      padding: calc(var(--_space) / 2) var(--_space);
    }
    .search {
      order: 3;
      flex-basis: 100%;
      max-width: none;
    }
    .body {
      grid-template-columns: minmax(0, 1fr);
    }
    .sidebar,
    .main,
    .aside,
    .menu-pane,
    .list-pane {
      display: none;
      border: 0;
    }
    .aside {
      position: static;
      width: auto;
      box-shadow: none;
    }
    .workspace:not([data-pane='about']) .aside {
      display: none;
    }
    .workspace[data-pane='menu'] .sidebar,
    .workspace[data-pane='list'] .sidebar,
    .workspace[data-pane='menu'] .menu-pane,
    .workspace[data-pane='list'] .list-pane,
    .workspace[data-pane='conversation'] .main,
    .workspace[data-pane='about'] .aside {
      display: flex;
      flex-direction: column;
    }
    .workspace[data-pane='menu'] .menu-pane {
      flex: 1 1 auto;
      max-height: none;
    }
    .back {
      display: inline-flex;
    }
    .aside-close {
      display: none;
    }
  }
`;
