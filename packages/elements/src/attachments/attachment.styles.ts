import { css } from 'lit';

export const attachmentStyles = css`
  :host {
    display: block;
    max-width: 100%;
  }
  /* The preview keeps one size while it loads and once shown: the history does not jump. */
  .frame {
    display: flex;
    align-items: center;
    justify-content: center;
    width: min(100%, var(--live-chat-attachment-preview-width, 240px));
    height: var(--live-chat-attachment-preview-height, 160px);
    margin: 0 0 4px;
    padding: 0;
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.85em;
    overflow: hidden;
  }
  .preview {
    cursor: zoom-in;
  }
  .preview img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .preview.enlarged {
    width: 100%;
    height: auto;
    cursor: zoom-out;
  }
  .preview.enlarged img {
    height: auto;
    max-height: 70vh;
  }
  /* One line of a fixed height: the conversation keeps its room while this code loads. */
  .download {
    display: flex;
    align-items: center;
    gap: 6px;
    width: fit-content;
    max-width: 100%;
    height: 2em;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    text-align: start;
  }
  .download bdi {
    min-width: 0;
  }
  .download svg {
    flex: none;
  }
  .size {
    color: var(--_muted);
    white-space: nowrap;
    font-size: 0.9em;
  }
  .status {
    margin: 4px 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .status.failed {
    color: var(--_danger);
  }
  .status .button {
    margin-inline-start: 6px;
    padding: 0 8px;
  }
  @media (forced-colors: active) {
    .frame,
    .download {
      border-color: CanvasText;
    }
  }
`;
