import { css } from 'lit';

export const actionsMenuStyles = css`
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
`;
