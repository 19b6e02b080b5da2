import { css } from 'lit';

export const composerStyles = css`
  :host {
    --_composer-bg: var(--live-chat-composer-background, transparent);
    --_composer-input-bg: var(--live-chat-composer-input-background, var(--_surface-raised));
    display: block;
    background: var(--_composer-bg);
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    font-size: 0.9em;
  }
  .field-error {
    color: var(--_danger);
    margin: 0;
  }
  .composer {
    border-top: 1px solid var(--_border);
    padding: var(--_space) calc(var(--_space) * 1.5);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .composer-row {
    display: flex;
    gap: var(--_space);
    align-items: flex-end;
  }
  textarea {
    flex: 1 1 auto;
    min-height: 2.6em;
    max-height: 12em;
    resize: vertical;
    font: inherit;
    color: var(--_text);
    background: var(--_composer-input-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 6px 8px;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  textarea:disabled {
    opacity: 0.6;
  }
  .composer-label {
    font-size: 0.9em;
    font-weight: 600;
  }
  .composer-foot {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    font-size: 0.85em;
    color: var(--_muted);
  }
  .offline {
    color: var(--_warning);
  }
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .closed-note {
    border-top: 1px solid var(--_border);
    padding: var(--_space) calc(var(--_space) * 1.5);
    color: var(--_muted);
    margin: 0;
  }
`;
