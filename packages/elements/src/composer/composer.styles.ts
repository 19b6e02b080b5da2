import { css } from 'lit';

export const composerStyles = css`
  :host {
    --_composer-bg: var(--live-chat-composer-background, transparent);
    --_composer-input-bg: var(--live-chat-composer-input-background, var(--_surface-raised));
    --_note-bg: var(
      --live-chat-note-background,
      color-mix(in srgb, var(--_warning) 14%, var(--_bg))
    );
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
  /* A note: its own background and a dashed edge, which forced colours keep. */
  .composer.note {
    background: var(--_note-bg);
    border-top: 2px dashed var(--_warning);
  }
  .composer.note textarea {
    border-style: dashed;
    border-color: var(--_warning);
  }
  .composer.note #composer-hint {
    color: var(--_text);
    font-weight: 600;
  }
  .mode {
    display: inline-flex;
    align-self: flex-start;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .mode-option {
    position: relative;
    display: inline-flex;
  }
  .mode-option input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .mode-option span {
    padding: 2px 12px;
    font-size: 0.9em;
  }
  .mode-option input:checked + span {
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .mode-option input:focus-visible + span {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  @media (forced-colors: active) {
    .mode-option input:checked + span {
      background: Highlight;
      color: HighlightText;
    }
  }
  /* Files dragged over the composer: a dashed frame and the words, forced colours too. */
  .composer {
    position: relative;
  }
  .drop-hint {
    position: absolute;
    inset: 2px;
    z-index: 1;
    margin: 0;
    border: 2px dashed var(--_accent);
    border-radius: var(--_radius);
    display: flex;
    align-items: center;
    justify-content: center;
    font-weight: 600;
    background: color-mix(in srgb, var(--_bg) 88%, transparent);
    pointer-events: none;
  }
  .composer-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .button.attach {
    padding: 2px 10px;
    font-size: 0.9em;
  }
  .clip {
    flex: none;
  }
  .attach-limits {
    font-size: 0.85em;
    color: var(--_muted);
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
