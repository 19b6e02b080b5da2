import { css } from 'lit';

export const sessionTriageStyles = css`
  .tags,
  .urgent {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .urgent {
    margin-top: calc(var(--_space) * 1.5);
  }
  h3,
  .muted,
  .urgent-state,
  .editor,
  .error {
    flex-basis: 100%;
  }
  .muted,
  .urgent-state {
    margin: 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
    min-width: 0;
    flex-basis: 100%;
  }
  /* A pill: a border keeps its shape in forced colours. */
  .chip {
    font-size: 0.85em;
    max-width: 14em;
    padding: 1px 8px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .editor {
    display: grid;
    gap: 4px;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  .option {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-width: 0;
    min-height: 28px;
  }
  .option:has(input:disabled) {
    color: var(--_muted);
  }
  .hint {
    margin: 0;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .urgent-state {
    display: flex;
    align-items: center;
    gap: 4px;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .urgent-state.on {
    color: var(--_danger);
    font-weight: 600;
  }
  .urgent-state svg {
    flex: none;
  }
`;
