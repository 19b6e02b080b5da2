import { css } from 'lit';

export const conversationStyles = css`
  :host {
    --_conversation-bg: var(--live-chat-conversation-background, var(--_bg));
    --_bubble-customer: var(--live-chat-conversation-customer-bubble, var(--_surface));
    --_bubble-operator: var(--live-chat-conversation-operator-bubble, var(--_accent-soft));
    --_bubble-radius: var(--live-chat-conversation-bubble-radius, var(--_radius));
    --_log-gap: var(--live-chat-conversation-gap, var(--_space));
    --_note-bg: var(
      --live-chat-note-background,
      color-mix(in srgb, var(--_warning) 14%, var(--_bg))
    );
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    background: var(--_conversation-bg);
    position: relative;
  }
  .placeholder {
    margin: auto;
    padding: calc(var(--_space) * 3);
    max-width: 32rem;
  }
  .placeholder h2 {
    font-size: 1.1em;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
  }
  .title {
    flex: 1 1 12rem;
    min-width: 0;
  }
  /* Names come from customers: one line each, cut with an ellipsis (whole in the tooltip). */
  .title h2 {
    margin: 0;
    font-size: 1.05em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta .customer {
    min-width: 0;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .status {
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .status.queued {
    color: var(--_new);
  }
  .status.closed {
    color: var(--_muted);
  }
  .status.active {
    color: var(--_success);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: progress;
  }
  .channel-icon {
    flex: none;
    vertical-align: middle;
  }
  .log-wrap {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .log {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overflow-anchor: none;
    padding: var(--_space) calc(var(--_space) * 1.5);
    display: flex;
    flex-direction: column;
    gap: var(--_log-gap);
  }
  .log-top {
    display: flex;
    justify-content: center;
    color: var(--_muted);
    font-size: 0.9em;
    min-height: 32px;
    align-items: center;
  }
  .day {
    align-self: center;
    color: var(--_muted);
    font-size: 0.85em;
    padding: 2px var(--_space);
  }
  .message {
    display: flex;
    flex-direction: column;
    gap: 2px;
    max-width: min(75%, 40rem);
    align-self: flex-start;
    border-radius: var(--_bubble-radius);
    padding: 6px 10px;
    background: var(--_bubble-customer);
    transition: box-shadow 0.3s;
  }
  .message.operator {
    align-self: flex-end;
    background: var(--_bubble-operator);
  }
  .message.system {
    align-self: center;
    background: transparent;
    color: var(--_muted);
    font-style: italic;
  }
  /* A private note: its own background and a dashed edge (kept in forced colours), and a label. */
  .message.note {
    background: var(--_note-bg);
    border: 1px dashed var(--_warning);
  }
  .note-label {
    flex: none;
    font-weight: 700;
    color: var(--_warning);
    text-transform: uppercase;
    font-size: 0.85em;
    letter-spacing: 0.03em;
  }
  .mention {
    background: transparent;
    color: inherit;
    font-weight: 700;
    text-decoration: underline dotted;
  }
  .handover {
    flex: none;
    margin: var(--_space) calc(var(--_space) * 1.5) 0;
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px dashed var(--_warning);
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: var(--_note-bg);
  }
  .handover p {
    margin: 0;
  }
  .handover-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: baseline;
  }
  .handover-head time {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .handover-note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-height: 8em;
    overflow-y: auto;
  }
  .kept-draft {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .kept-draft h3 {
    flex-basis: 100%;
    margin: 0;
    font-size: 1em;
  }
  .kept-draft-text {
    flex-basis: 100%;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-height: 12em;
    overflow-y: auto;
    user-select: text;
  }
  .message.highlighted {
    box-shadow: 0 0 0 3px var(--_highlight);
  }
  /* The highlight of a message jumped to appears and fades at once, without the transition. */
  @media (prefers-reduced-motion: reduce) {
    .message {
      transition: none;
    }
  }
  .message.failed {
    outline: 1px solid var(--_danger);
  }
  .message:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .message-head {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    font-size: 0.85em;
    color: var(--_muted);
  }
  /* "Bind" of a message: no Tab stop, shown on hover and while the message has focus. */
  .bind-message {
    margin-inline-start: auto;
    padding: 0 6px;
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    cursor: pointer;
    visibility: hidden;
  }
  .message:hover .bind-message,
  .message:focus .bind-message,
  .message:focus-within .bind-message {
    visibility: visible;
  }
  @media (hover: none) {
    .bind-message {
      visibility: visible;
    }
  }
  .author {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
    color: var(--_text);
  }
  /*
   * Customers' text: long words wrap anywhere, and a line's height is fixed, so that a flood of
   * combining marks stacked on one letter is clipped to the text's own box instead of covering
   * the messages around it.
   */
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.4;
    overflow: clip;
    overflow-clip-margin: 2px;
    margin: 0;
  }
  .attachments {
    list-style: none;
    margin: 2px 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  /* The room a file takes once its element is loaded (see attachment.styles.ts). */
  live-chat-attachment:not(:defined) {
    display: block;
    height: 2em;
  }
  live-chat-attachment.image:not(:defined) {
    height: calc(var(--live-chat-attachment-preview-height, 160px) + 4px + 2em);
  }
  .text a {
    color: var(--_accent);
  }
  .delivery {
    font-size: 0.85em;
    color: var(--_muted);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .delivery.failed {
    color: var(--_danger);
  }
  .delivery .button {
    min-height: 24px;
    padding: 0 8px;
  }
  .new-messages {
    position: absolute;
    bottom: var(--_space);
    left: 50%;
    transform: translateX(-50%);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    font-size: 0.9em;
  }
  .notice.error,
  .field-error {
    color: var(--_danger);
  }
  live-chat-composer {
    flex: none;
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    max-width: min(28rem, 90vw);
    padding: calc(var(--_space) * 2);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.1em;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
`;
