import { css } from 'lit';

/** Styles of `<live-chat-availability>`. */
export const availabilityStyles = css`
  :host {
    display: inline-block;
  }
  .base {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .dot {
    flex: none;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    border: 2px solid var(--live-chat-availability-online, var(--_success));
    background: var(--live-chat-availability-online, var(--_success));
  }
  [data-status='away'] .dot {
    border-color: var(--live-chat-availability-away, var(--_warning));
    background: transparent;
  }
  [data-status='offline'] .dot {
    border-color: var(--live-chat-availability-offline, var(--_muted));
    background: transparent;
    border-style: dashed;
  }
  select {
    max-width: 11em;
  }
  .error {
    color: var(--_danger);
    font-size: 0.85em;
  }
  @media (forced-colors: active) {
    .dot {
      border-color: CanvasText;
      background: CanvasText;
    }
    [data-status='away'] .dot,
    [data-status='offline'] .dot {
      background: Canvas;
    }
  }
`;
