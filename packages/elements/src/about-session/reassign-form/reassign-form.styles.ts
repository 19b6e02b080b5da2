import { css } from 'lit';

export const reassignFormStyles = css`
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
  /* A label starts its field: further from the field above than from its own. */
  .reassign label:not(:first-child) {
    margin-top: calc(var(--_space) / 2);
  }
  .reassign select {
    flex: 1 1 10rem;
  }
  .reassign textarea {
    flex-basis: 100%;
    min-height: 2.6em;
    resize: vertical;
    font: inherit;
    color: var(--_text);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 4px 6px;
  }
  .reassign textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .handover-foot {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: calc(var(--_space) / 2);
    font-size: 0.85em;
    color: var(--_muted);
  }
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }
`;
