import { css } from 'lit';

export const aboutSessionStyles = css`
  :host {
    --_about-bg: var(--live-chat-about-session-background, var(--_bg));
    --_about-section-gap: var(--live-chat-about-session-gap, calc(var(--_space) * 3));
    display: block;
    background: var(--_about-bg);
    padding: calc(var(--_space) * 1.5);
    overflow-y: auto;
    min-height: 0;
  }
  .placeholder {
    padding: calc(var(--_space) * 2) var(--_space);
  }
  .placeholder h2 {
    font-size: 1.05em;
  }
  .notice {
    color: var(--_success);
    font-size: 0.9em;
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.05em;
  }
  .note {
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
    border-left: 3px solid var(--_warning);
    background: var(--_surface);
    font-size: 0.9em;
  }
  .part {
    display: block;
  }
  /* A part with nothing to show has no height: its margin folds into its neighbour's. */
  .part ~ .part {
    margin-top: var(--_about-section-gap);
  }
`;
