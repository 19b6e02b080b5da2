import { css } from 'lit';
import { fieldStyles } from '../styles/tokens.js';
import { untrustedTextStyles } from '../shared/clamped-text.js';

/** What every part of the About the session pane shares: headings, fields, messages. */
export const aboutSessionPartStyles = [
  fieldStyles,
  untrustedTextStyles,
  css`
    :host {
      display: block;
    }
    h3 {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: 0.95em;
    }
    dt {
      color: var(--_muted);
      font-size: 0.85em;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    input,
    select {
      min-width: 0;
      max-width: 100%;
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
    .muted {
      color: var(--_muted);
      font-size: 0.9em;
      margin: 0 0 var(--_space);
    }
  `,
];
