import { css } from 'lit';

/**
 * Design tokens. Global tokens (`--live-chat-color-*`, `--live-chat-radius`, `--live-chat-font`,
 * `--live-chat-space`) are set by the host or by a theme; every component reads them through
 * these private aliases so each one works alone with sensible defaults. `theme="dark"` on any
 * component (or on `<live-chat-workspace>`, which passes it down by inheritance) switches the
 * defaults to the dark palette.
 */
export const tokens = css`
  :host {
    --_bg: var(--live-chat-color-background, #ffffff);
    --_surface: var(--live-chat-color-surface, #f6f7f9);
    --_surface-raised: var(--live-chat-color-surface-raised, #ffffff);
    --_text: var(--live-chat-color-text, #1d2330);
    --_muted: var(--live-chat-color-muted, #5b6475);
    --_border: var(--live-chat-color-border, #d5d9e0);
    --_accent: var(--live-chat-color-accent, #2458d3);
    --_accent-text: var(--live-chat-color-accent-text, #ffffff);
    --_accent-soft: var(--live-chat-color-accent-soft, #e6edfc);
    --_unread: var(--live-chat-color-unread, #c62828);
    --_unread-text: var(--live-chat-color-unread-text, #ffffff);
    --_new: var(--live-chat-color-new, #1565c0);
    --_new-text: var(--live-chat-color-new-text, #ffffff);
    --_danger: var(--live-chat-color-danger, #b3261e);
    --_success: var(--live-chat-color-success, #2e7d32);
    --_warning: var(--live-chat-color-warning, #8a5a00);
    --_highlight: var(--live-chat-color-highlight, #ffe58a);
    --_focus: var(--live-chat-color-focus, #2458d3);
    --_radius: var(--live-chat-radius, 8px);
    --_space: var(--live-chat-space, 8px);
    --_font: var(--live-chat-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--live-chat-font-size, 14px);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    box-sizing: border-box;
  }
  :host([theme='dark']) {
    --_bg: var(--live-chat-color-background, #15181e);
    --_surface: var(--live-chat-color-surface, #1d2129);
    --_surface-raised: var(--live-chat-color-surface-raised, #252a34);
    --_text: var(--live-chat-color-text, #e7eaf0);
    --_muted: var(--live-chat-color-muted, #a3abba);
    --_border: var(--live-chat-color-border, #3a4150);
    --_accent: var(--live-chat-color-accent, #8fb0ff);
    --_accent-text: var(--live-chat-color-accent-text, #0d1424);
    --_accent-soft: var(--live-chat-color-accent-soft, #26324d);
    --_unread: var(--live-chat-color-unread, #ff8a80);
    --_unread-text: var(--live-chat-color-unread-text, #2a0000);
    --_new: var(--live-chat-color-new, #90caf9);
    --_new-text: var(--live-chat-color-new-text, #0a1a2a);
    --_danger: var(--live-chat-color-danger, #ffb4ab);
    --_success: var(--live-chat-color-success, #9ad79d);
    --_warning: var(--live-chat-color-warning, #ffcc80);
    --_highlight: var(--live-chat-color-highlight, #6b5900);
    --_focus: var(--live-chat-color-focus, #8fb0ff);
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Set on each element, not inherited: an inherited value makes every style recalculation of a
     row walk up to the host, which turned a sweep through a long list into long tasks. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** The box every control (button or field) draws: its height, border, corners and colours. */
const controlBox = css`
  min-height: 32px;
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  background: var(--_surface-raised);
  color: var(--_text);
`;

/** A plain button look shared by the components. */
export const buttonStyles = css`
  .button {
    ${controlBox}
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: 4px 12px;
  }
  .button:hover {
    border-color: var(--_accent);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .button[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
`;

/**
 * The look of the components' form fields (text, search and date inputs, selects, textareas),
 * with native parts (date pickers, select lists) in the theme's colour scheme.
 */
export const fieldStyles = css`
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    ${controlBox}
    padding: 4px 8px;
    font: inherit;
    color-scheme: light;
  }
  :host([theme='dark']) :is(input, select, textarea) {
    color-scheme: dark;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
`;
