import { css } from 'lit';

export const sessionListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    position: relative;
    background: var(--live-chat-session-list-background, var(--_bg));
    --_row-height: var(--live-chat-session-list-row-height, 64px);
    --_row-selected: var(--live-chat-session-list-selected-background, var(--_accent-soft));
    --_row-hover: var(--live-chat-session-list-hover-background, var(--_surface));
  }
  .base {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-height: 0;
  }
  .row-probe {
    position: absolute;
    visibility: hidden;
    pointer-events: none;
    width: 0;
    height: var(--_row-height);
  }
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    max-height: var(--live-chat-session-list-max-height, 100vh);
    overflow-y: auto;
    overscroll-behavior: contain;
    outline: none;
  }
  .spacer {
    position: relative;
    width: 100%;
  }
  /* The rows in view, in the flow, moved as one to the first one's offset. */
  .window {
    will-change: transform;
  }
  .row {
    height: var(--_row-height);
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-rows: auto auto;
    align-content: center;
    column-gap: var(--_space);
    row-gap: 2px;
    padding: 0 calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
    overflow: hidden;
    user-select: none;
  }
  /* The focused row while it is scrolled far away: out of the flow, out of sight. */
  .row.kept {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    transform: translateY(-100%);
  }
  .row:hover {
    background: var(--_row-hover);
  }
  .row[aria-selected='true'] {
    background: var(--_row-selected);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .row:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .channel {
    grid-row: 1;
    grid-column: 1;
    display: inline-flex;
    color: var(--_muted);
  }
  .name {
    grid-row: 1;
    grid-column: 2;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-weight: 600;
  }
  .name .session-name {
    font-weight: 400;
    color: var(--_muted);
  }
  .row.unread .name {
    font-weight: 700;
  }
  .time {
    grid-row: 1;
    grid-column: 3;
    color: var(--_muted);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .preview {
    grid-row: 2;
    grid-column: 1 / span 2;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--_muted);
  }
  .marks {
    grid-row: 2;
    grid-column: 3;
    display: inline-flex;
    gap: 4px;
    justify-content: flex-end;
    align-items: center;
  }
  .unread-badge {
    min-width: 20px;
    height: 20px;
    padding: 0 6px;
    border-radius: 10px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    background: var(--live-chat-session-list-unread-background, var(--_unread));
    color: var(--live-chat-session-list-unread-color, var(--_unread-text));
    font-size: 0.8em;
    font-weight: 700;
  }
  .new-mark {
    padding: 1px 6px;
    border-radius: 4px;
    background: var(--live-chat-session-list-new-background, var(--_new));
    color: var(--live-chat-session-list-new-color, var(--_new-text));
    font-size: 0.75em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .urgent-mark {
    display: inline-flex;
    vertical-align: -2px;
    margin-inline-end: 4px;
    color: var(--_danger);
  }
  .row.urgent {
    box-shadow: inset 3px 0 0 var(--_danger);
  }
  .waiting {
    display: inline-flex;
    align-items: center;
    gap: 3px;
    font-variant-numeric: tabular-nums;
  }
  .waiting.warn {
    color: var(--live-chat-session-list-warn-color, var(--_warning));
    font-weight: 600;
  }
  .waiting.alarm {
    color: var(--live-chat-session-list-alarm-color, var(--_danger));
    font-weight: 700;
  }
  .tags {
    display: inline-flex;
    min-width: 0;
  }
  .tag-chips {
    display: inline-flex;
    gap: 3px;
    min-width: 0;
  }
  .tag {
    max-width: 6em;
    padding: 0 5px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.75em;
    line-height: 1.5;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    font-size: 0.9em;
  }
  .filter select {
    min-height: 28px;
    min-width: 0;
    max-width: 100%;
    font: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
  }
  :host([theme='dark']) .filter select {
    color-scheme: dark;
  }
  .filter-count {
    color: var(--_muted);
  }
  .no-match {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space);
    padding-bottom: calc(var(--_space) * 2);
  }
  .clear-filter {
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .clear-filter:hover {
    border-color: var(--_accent);
  }
  @media (forced-colors: active) {
    .row.urgent {
      border-inline-start: 3px solid CanvasText;
    }
    .waiting.alarm {
      text-decoration: underline;
    }
  }
  .message {
    margin: 0;
    padding: calc(var(--_space) * 2);
    color: var(--_muted);
    text-align: center;
  }
  .message.error {
    color: var(--_danger);
  }
  .message:focus {
    outline: none;
  }
`;
