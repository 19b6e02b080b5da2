import { css } from 'lit';

export const navigationStyles = css`
  :host {
    display: block;
    min-width: 0;
    --_nav-item-height: var(--live-chat-navigation-item-height, 34px);
    --_nav-selected-bg: var(--live-chat-navigation-selected-background, var(--_accent-soft));
    --_nav-selected-color: var(--live-chat-navigation-selected-color, var(--_text));
    --_nav-indent: var(--live-chat-navigation-indent, 20px);
  }
  nav {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item,
  .chat-toggle {
    display: flex;
    align-items: center;
    gap: var(--_space);
    width: 100%;
    min-height: var(--_nav-item-height);
    padding: 4px var(--_space);
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    text-align: start;
  }
  .item:hover,
  .chat-toggle:hover {
    background: var(--_surface);
  }
  /* The selected entry's bar is a border, not a shadow: forced colours keep borders. */
  .item[aria-current='page'] {
    background: var(--_nav-selected-bg);
    color: var(--_nav-selected-color);
    font-weight: 600;
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: calc(var(--_space) - 3px);
  }
  .group-item {
    padding-inline-start: var(--_nav-indent);
  }
  .group-item[aria-current='page'] {
    padding-inline-start: calc(var(--_nav-indent) - 3px);
  }
  .name {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .size {
    min-width: 22px;
    padding: 0 6px;
    border-radius: 11px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.85em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .size.queue:not(.zero) {
    background: var(--_new);
    border-color: var(--_new);
    color: var(--_new-text);
  }
  h2 {
    margin: var(--_space) 0 0;
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .chat-toggle {
    font-size: 1.15em;
    font-weight: 600;
    text-transform: none;
    letter-spacing: normal;
    color: var(--_text);
  }
  .chevron {
    flex: none;
    transition: transform 120ms ease;
  }
  .chat-toggle[aria-expanded='false'] .chevron {
    transform: rotate(-90deg);
  }
  .icon {
    flex: none;
    width: 16px;
    height: 16px;
  }
  .list {
    display: flex;
    flex-direction: column;
    height: var(--live-chat-navigation-list-height, 320px);
    margin: 2px 0 var(--_space) var(--_nav-indent);
    border-inline-start: 2px solid var(--_border);
  }
  .list > * {
    flex: 1;
    min-height: 0;
  }
  .new-session {
    margin: 2px 0 var(--_space) var(--_nav-indent);
    width: calc(100% - var(--_nav-indent));
    justify-content: flex-start;
    border-style: dashed;
    color: var(--_accent);
  }
  .note {
    margin: var(--_space);
    color: var(--_muted);
  }
  .note.error {
    color: var(--_danger);
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .item[aria-current='page'] {
      border-inline-start-color: Highlight;
    }
  }
`;
