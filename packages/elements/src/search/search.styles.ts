import { css } from 'lit';

export const searchStyles = css`
  :host {
    display: block;
    position: relative;
    --_search-bg: var(--live-chat-search-background, var(--_surface-raised));
    --_search-border: var(--live-chat-search-border-color, var(--_border));
    --_search-popup-bg: var(--live-chat-search-popup-background, var(--_surface-raised));
    --_search-popup-max-height: var(--live-chat-search-popup-max-height, 24rem);
    --_search-active-bg: var(--live-chat-search-active-background, var(--_accent-soft));
    --_search-highlight: var(--live-chat-search-highlight, var(--_highlight));
  }
  .field {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: 36px;
    padding: 0 calc(var(--_space) / 2) 0 var(--_space);
    border: 1px solid var(--_search-border);
    border-radius: var(--_radius);
    background: var(--_search-bg);
  }
  /* The field draws its input's focus ring: an outline, which forced colours keep (a shadow
     they would remove). */
  .field:has(input:focus) {
    border-color: var(--_focus);
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .icon {
    flex: none;
    color: var(--_muted);
  }
  input {
    flex: 1;
    min-width: 0;
    border: 0;
    padding: 6px 0;
    background: transparent;
    color: inherit;
    font: inherit;
  }
  input:focus-visible {
    outline: none;
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  input::-webkit-search-cancel-button {
    display: none;
  }
  .clear {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 28px;
    height: 28px;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    background: transparent;
    color: var(--_muted);
  }
  .clear:hover {
    color: var(--_text);
  }
  .shortcut {
    flex: none;
    padding: 0 6px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .popup {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    top: calc(100% + 4px);
    max-height: var(--_search-popup-max-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_search-popup-bg);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.16);
  }
  .popup[hidden] {
    display: none;
  }
  .status {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    color: var(--_muted);
  }
  .status:empty {
    display: none;
  }
  .status.error {
    color: var(--_danger);
  }
  .status.offline {
    color: var(--_warning);
  }
  [role='listbox'] {
    margin: 0;
    padding: 0 0 calc(var(--_space) / 2);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  .group {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .group-label {
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5) 2px;
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .hit {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding: 6px calc(var(--_space) * 1.5);
    cursor: pointer;
  }
  .hit:hover {
    background: var(--_surface);
  }
  .hit.active {
    background: var(--_search-active-bg);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .hit-body {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .hit-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .hit-meta {
    color: var(--_muted);
    font-size: 0.85em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .channel-icon {
    flex: none;
    margin-top: 2px;
    color: var(--_muted);
  }
  mark {
    background: var(--_search-highlight);
    color: inherit;
    border-radius: 2px;
  }
`;
