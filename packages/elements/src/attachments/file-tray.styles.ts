import { css } from 'lit';

export const fileTrayStyles = css`
  :host {
    display: block;
  }
  .chips {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .chip {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 calc(var(--_space) / 2);
    max-width: 100%;
    padding: 2px 2px 2px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.85em;
  }
  .name {
    display: block;
    min-width: 0;
    max-width: 16em;
    font-weight: 600;
  }
  .size,
  .state {
    color: var(--_muted);
  }
  .chip.failed {
    border-color: var(--_danger);
  }
  .chip.failed .state {
    color: var(--_danger);
  }
  .remove {
    width: 24px;
    height: 24px;
    padding: 0;
    border: none;
    border-radius: 50%;
    background: transparent;
    font-size: 1.2em;
    line-height: 1;
  }
  .remove:hover {
    background: var(--_border);
  }
  .notice {
    margin: 4px 0 0;
    font-size: 0.85em;
    color: var(--_warning);
  }
  @media (forced-colors: active) {
    .chip {
      border-color: CanvasText;
    }
  }
`;
