import { css } from 'lit';

export const alertSettingsStyles = css`
  :host {
    display: block;
    --_switch-on: var(--live-chat-alert-settings-switch-on, var(--_accent));
    --_switch-off: var(--live-chat-alert-settings-switch-off, var(--_muted));
  }
  .heading {
    margin: 0 0 var(--_space);
    font-weight: 700;
  }
  .setting {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: calc(var(--_space) * 2);
    row-gap: 2px;
    align-items: center;
    padding: var(--_space) 0;
  }
  .setting + .setting {
    border-top: 1px solid var(--_border);
  }
  .label {
    grid-column: 1;
    font-weight: 600;
  }
  .description {
    grid-column: 1;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .description.warning {
    color: var(--_danger);
  }
  .switch {
    grid-column: 2;
    grid-row: 1 / span 2;
    display: inline-flex;
    align-items: center;
    padding: 2px;
    border: 0;
    border-radius: 14px;
    background: none;
  }
  .track {
    position: relative;
    display: inline-block;
    width: 40px;
    height: 24px;
    border-radius: 12px;
    background: var(--_switch-off);
    transition: background-color 0.15s;
  }
  .thumb {
    position: absolute;
    top: 3px;
    left: 3px;
    width: 18px;
    height: 18px;
    border-radius: 50%;
    background: var(--_bg);
    transition: transform 0.15s;
  }
  .switch[aria-checked='true'] .track {
    background: var(--_switch-on);
  }
  .switch[aria-checked='true'] .thumb {
    transform: translateX(16px);
  }
  .switch[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  @media (prefers-reduced-motion: reduce) {
    .track,
    .thumb {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .track {
      border: 1px solid ButtonText;
    }
    .switch[aria-checked='true'] .thumb {
      background: Highlight;
    }
  }
`;
