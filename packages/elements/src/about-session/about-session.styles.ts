import { css } from 'lit';

export const aboutSessionStyles = css`
  :host {
    --_about-bg: var(--live-chat-about-session-background, var(--_bg));
    --_about-section-gap: var(--live-chat-about-session-gap, calc(var(--_space) * 2));
    --_avatar-size: var(--live-chat-about-session-avatar-size, 40px);
    display: block;
    background: var(--_about-bg);
    padding: calc(var(--_space) * 1.5);
    overflow-y: auto;
    min-height: 0;
  }
  .placeholder {
    color: var(--_muted);
    text-align: center;
    padding: calc(var(--_space) * 2) var(--_space);
  }
  .placeholder h2 {
    margin: 0 0 var(--_space);
    font-size: 1.05em;
    color: var(--_text);
  }
  .placeholder p {
    margin: 0 0 var(--_space);
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.05em;
  }
  h3 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 0.95em;
  }
  section + section,
  .details + section,
  .reassign {
    margin-top: var(--_about-section-gap);
  }
  .note {
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
    border-left: 3px solid var(--_warning);
    background: var(--_surface);
    font-size: 0.9em;
  }
  .details {
    margin: 0;
    display: grid;
    gap: var(--_space);
  }
  .details > div {
    display: grid;
    gap: 2px;
  }
  dt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .name-row {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 28px;
    min-height: 28px;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_muted);
  }
  .icon-button:hover:not([disabled]) {
    border-color: var(--_border);
    color: var(--_text);
  }
  .icon-button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .rename {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 4px 8px;
    min-height: 32px;
    min-width: 0;
  }
  .rename input {
    flex: 1 1 10rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    flex-basis: 100%;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .reassign {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .reassign label {
    flex-basis: 100%;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .reassign select {
    flex: 1 1 10rem;
  }
  .error {
    color: var(--_danger);
    margin: calc(var(--_space) / 2) 0 0;
    font-size: 0.9em;
  }
  .notice {
    color: var(--_success);
    margin: calc(var(--_space) / 2) 0 0;
    font-size: 0.9em;
  }
  .binder {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .binder-title {
    margin: 0 0 4px;
    font-size: 0.95em;
  }
  .actions-menu {
    margin-top: var(--_about-section-gap);
  }
  .binder + .binder {
    margin-top: var(--_space);
  }
  ul.bindings,
  ul.records {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    gap: 4px;
  }
  .bindings li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .bindings a {
    color: var(--_accent);
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 var(--_space);
  }
  .bind-panel {
    margin-top: var(--_space);
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .bind-panel label {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .records .button {
    width: 100%;
    justify-content: flex-start;
  }
  .panel-actions {
    display: flex;
    gap: calc(var(--_space) / 2);
  }
  .actions-menu {
    position: relative;
  }
  [role='menu'] {
    position: absolute;
    z-index: 2;
    top: calc(100% + 4px);
    left: 0;
    min-width: 14rem;
    margin: 0;
    padding: 4px;
    list-style: none;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [role='menu'][hidden] {
    display: none;
  }
  [role='menuitem'] {
    padding: 6px 10px;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: var(--_accent-soft);
    outline: none;
  }
  [role='menuitem']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .customer-card {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
  }
  .avatar {
    flex: none;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    border-radius: 50%;
    object-fit: cover;
    background: var(--_accent-soft);
    color: var(--_text);
    display: inline-flex;
    align-items: center;
    justify-content: center;
    font-weight: 600;
    font-size: calc(var(--_avatar-size) * 0.38);
  }
  .customer-name {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .customer-card dl {
    margin: 4px 0 0;
    display: grid;
    gap: 4px;
  }
  .messenger {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .profile-link {
    color: var(--_accent);
  }
  .customer-actions {
    margin-top: var(--_space);
  }
`;
