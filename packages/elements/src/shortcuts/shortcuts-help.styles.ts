import { css } from 'lit';

/** Styles of `<live-chat-shortcuts-help>`. */
export const shortcutsHelpStyles = css`
  dialog {
    width: min(560px, calc(100vw - 16px));
    max-height: calc(100vh - 32px);
    overflow: auto;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .head {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: var(--_space);
  }
  .head h2 {
    font-size: 1.2em;
    margin: 0;
  }
  table {
    width: 100%;
    margin-block: var(--_space);
    border-collapse: collapse;
  }
  caption,
  th,
  td {
    text-align: start;
  }
  caption {
    padding-block: var(--_space) 4px;
    font-weight: 600;
  }
  tr > * {
    border-bottom: 1px solid var(--_border);
    padding: 4px var(--_space);
  }
  kbd {
    padding: 1px 6px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
    font: inherit;
    font-size: 0.9em;
    white-space: nowrap;
  }
  .off {
    color: var(--_muted);
  }
  .setting {
    display: flex;
    gap: var(--_space);
    align-items: center;
    font-weight: 600;
  }
  .hint {
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
