import { css } from 'lit';

export const newSessionStyles = css`
  :host {
    display: contents;
    --_dialog-width: var(--live-chat-new-session-width, 440px);
  }
  dialog {
    width: min(var(--_dialog-width), calc(100vw - 2 * var(--_space)));
    max-height: calc(100vh - 4 * var(--_space));
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: var(--live-chat-new-session-backdrop, rgb(10 14 24 / 0.45));
  }
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
  }
  header {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 1.2em;
  }
  .subtitle {
    display: block;
    font-size: 0.8em;
    font-weight: normal;
    color: var(--_muted);
  }
  .icon-button {
    border: 0;
    background: transparent;
    padding: 4px 8px;
    border-radius: var(--_radius);
    font-size: 1.2em;
    line-height: 1;
  }
  .icon-button:hover {
    background: var(--_surface);
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }
  input[type='search'],
  input[type='text'],
  select,
  textarea {
    width: 100%;
  }
  textarea {
    min-height: 64px;
    resize: vertical;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .customers {
    max-height: 200px;
    overflow: auto;
    margin-top: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .customer {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin: 0;
    padding: 6px var(--_space);
    font-weight: normal;
    cursor: pointer;
  }
  .customer:hover {
    background: var(--_surface);
  }
  .customer:has(input:checked) {
    background: var(--_accent-soft);
  }
  .customer-name {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .customer-account {
    max-width: 40%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .has-open {
    flex: none;
    padding: 0 6px;
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_muted);
    font-size: 0.8em;
    white-space: nowrap;
  }
  .chosen-open {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-top: 4px;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .search-state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 4px var(--_space);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .search-state.failed {
    color: var(--_danger);
  }
  .search-state p {
    margin: 0;
  }
  .hint,
  .empty {
    margin: 4px var(--_space);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    margin: 0;
    padding: var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    color: var(--_danger);
  }
  footer {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
  }
`;
