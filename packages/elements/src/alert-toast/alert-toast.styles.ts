import { css } from 'lit';

/** Styles of `<live-chat-alert-toast>`. */
export const alertToastStyles = css`
  :host {
    position: absolute;
    inset-block-end: calc(var(--_space) * 2);
    inset-inline-end: calc(var(--_space) * 2);
    z-index: 20;
    display: block;
    width: min(360px, calc(100% - var(--_space) * 4));
    pointer-events: none;
  }
  ol {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 4px var(--_space);
    align-items: start;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
    pointer-events: auto;
  }
  .title {
    margin: 0;
    font-weight: 600;
    min-width: 0;
  }
  .body {
    grid-column: 1 / -1;
    margin: 0;
    min-width: 0;
    color: var(--_muted);
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    gap: var(--_space);
    justify-content: flex-end;
  }
  @media (forced-colors: active) {
    li {
      border-inline-start-color: Highlight;
    }
  }
`;
