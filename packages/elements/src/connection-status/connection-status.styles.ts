import { css } from 'lit';

export const connectionStatusStyles = css`
  :host {
    display: block;
  }
  .banner {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    background: var(--live-chat-connection-status-background, var(--_surface));
    color: var(--live-chat-connection-status-color, var(--_text));
    border-bottom: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent-line);
  }
  .banner.connecting,
  .banner.reconnecting {
    --_accent-line: var(--live-chat-connection-status-warning-color, var(--_warning));
  }
  .banner.offline,
  .banner.failed,
  .banner.error {
    --_accent-line: var(--live-chat-connection-status-danger-color, var(--_danger));
  }
  .icon {
    display: inline-flex;
    color: var(--_accent-line);
  }
  .connecting .icon svg,
  .reconnecting .icon svg {
    animation: spin 1.2s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .connecting .icon svg,
    .reconnecting .icon svg {
      animation: none;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .hint {
    color: var(--_muted);
  }
`;
