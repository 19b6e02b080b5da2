import { css } from 'lit';

export const counterStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    line-height: 1;
    --_counter-size: var(--live-chat-counter-size, 20px);
    --_counter-bg: var(--live-chat-counter-background, var(--_unread));
    --_counter-fg: var(--live-chat-counter-color, var(--_unread-text));
    --_counter-muted-bg: var(--live-chat-counter-muted-background, var(--_surface));
    --_counter-muted-fg: var(--live-chat-counter-muted-color, var(--_muted));
  }
  :host([kind='unassigned']) {
    --_counter-bg: var(--live-chat-counter-background, var(--_new));
    --_counter-fg: var(--live-chat-counter-color, var(--_new-text));
  }
  .base {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--_text);
  }
  button.base {
    border-radius: calc(var(--_counter-size) / 2 + 2px);
  }
  button.base[aria-disabled='true'] {
    cursor: default;
  }
  .count {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: var(--_counter-size);
    height: var(--_counter-size);
    padding: 0 6px;
    border-radius: calc(var(--_counter-size) / 2);
    background: var(--_counter-bg);
    color: var(--_counter-fg);
    font-size: calc(var(--_counter-size) * 0.6);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .count.zero {
    background: var(--_counter-muted-bg);
    color: var(--_counter-muted-fg);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  button.base:not([aria-disabled='true']):hover .count {
    filter: brightness(1.1);
  }
  .label.visible {
    font-size: var(--_font-size);
  }
  .label.visible.zero {
    color: var(--_muted);
  }
`;
