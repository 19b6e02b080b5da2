import { css } from 'lit';

export const activityStyles = css`
  :host {
    display: block;
    background: var(--live-chat-activity-background, var(--_bg));
  }
  .heading {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    font-size: 1em;
    font-weight: 700;
    border-bottom: 1px solid var(--_border);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .entry + .entry {
    border-top: 1px solid var(--_border);
  }
  .entry-button {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: var(--_space);
    row-gap: 2px;
    width: 100%;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 0;
    background: none;
    text-align: start;
  }
  .entry-button:hover {
    background: var(--live-chat-activity-hover-background, var(--_surface));
  }
  .entry-button:focus-visible {
    outline-offset: -2px;
  }
  .icon {
    grid-row: 1 / span 2;
    color: var(--live-chat-activity-icon-color, var(--_accent));
    display: inline-flex;
    padding-top: 2px;
  }
  .text {
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.85em;
  }
  /* The note left with a reassignment: staff text, kept as written, a few lines at most. */
  .note {
    margin: 0;
    padding: 0 calc(var(--_space) * 1.5) var(--_space) calc(var(--_space) * 2.5 + 16px);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-line-clamp: 4;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .message {
    margin: 0;
    padding: calc(var(--_space) * 2);
    color: var(--_muted);
  }
  .message.error {
    color: var(--_danger);
  }
`;
