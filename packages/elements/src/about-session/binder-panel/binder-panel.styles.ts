import { css } from 'lit';

export const binderPanelStyles = css`
  /* Which message the next binding is for: one line, cut (whole in the tooltip). */
  .message-target {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px var(--_space);
    margin: 0 0 var(--_space);
    padding: 4px var(--_space);
    border-inline-start: 3px solid var(--_accent);
    background: var(--_accent-soft);
  }
  .target-text {
    min-width: 0;
    flex: 1 1 12em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .binder {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .binder + .binder {
    margin-top: var(--_space);
  }
  /* Host labels: one line each, cut with an ellipsis (whole in the tooltip). */
  .binder-title,
  .binding-label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .binder-title {
    margin: 0 0 4px;
    font-size: 0.95em;
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
    min-width: 0;
    justify-content: flex-start;
  }
  .panel-actions {
    display: flex;
    gap: calc(var(--_space) / 2);
  }
`;
