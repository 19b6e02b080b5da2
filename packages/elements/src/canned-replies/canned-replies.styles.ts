import { css } from 'lit';

/** Styles of `<live-chat-canned-replies>`. */
export const cannedRepliesStyles = css`
  :host {
    display: contents;
  }
  dialog {
    inline-size: min(var(--live-chat-canned-replies-width, 600px), calc(100vw - 16px));
    max-block-size: calc(100vh - 32px);
    overflow: auto;
    padding: calc(var(--_space) * 2);
    border: var(--_pane-border, 1px solid var(--_border));
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  dialog::backdrop {
    background: var(--live-chat-canned-replies-backdrop, rgb(0 0 0 / 0.4));
  }
  .head,
  .tools,
  .reply-actions,
  .confirm,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .head h2 {
    flex: 1;
    margin: 0;
    font-size: 1.2em;
  }
  .tools input {
    flex: 1 1 200px;
  }
  h3 {
    margin: calc(var(--_space) * 2) 0 calc(var(--_space) / 2);
    font-size: 1em;
  }
  .hint,
  .notice {
    margin: calc(var(--_space) / 2) 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .notice.error,
  .form-error,
  .field-error,
  .count.over {
    color: var(--_danger);
  }
  .notice.offline {
    color: var(--_warning);
  }
  .replies {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .reply {
    display: grid;
    grid-template-columns: minmax(6rem, auto) 1fr;
    gap: 4px var(--_space);
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }
  .reply .shortcut {
    font-weight: 600;
    font-family: var(--live-chat-font-mono, ui-monospace, monospace);
    overflow-wrap: anywhere;
  }
  .reply .text {
    min-width: 0;
    color: var(--_muted);
  }
  .reply-actions,
  .confirm {
    grid-column: 1 / -1;
    justify-content: flex-end;
  }
  .form {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .field label,
  #variables-label {
    font-weight: 600;
  }
  .shortcut-field {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .shortcut-field input {
    flex: 1;
  }
  textarea {
    resize: vertical;
    min-block-size: 6em;
  }
  .field-error,
  .form-error {
    margin: 0;
    font-weight: 600;
  }
  .count {
    justify-self: end;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .variables {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .variables .hint {
    flex-basis: 100%;
  }
  code {
    font-size: 0.85em;
  }
  .form-actions {
    justify-content: flex-end;
  }
`;
