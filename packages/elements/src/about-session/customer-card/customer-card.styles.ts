import { css } from 'lit';

export const customerCardStyles = css`
  :host {
    --_avatar-size: var(
      --live-chat-customer-card-avatar-size,
      var(--live-chat-about-session-avatar-size, 40px)
    );
  }
  .customer-card {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
  }
  .avatar {
    flex: none;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    border-radius: 50%;
    object-fit: cover;
    background: var(--_accent-soft);
    color: var(--_text);
    display: inline-flex;
    align-items: center;
    justify-content: center;
    font-weight: 600;
    font-size: calc(var(--_avatar-size) * 0.38);
  }
  .customer-card > div {
    flex: 1;
    min-width: 0;
  }
  .customer-name {
    margin: 0;
    font-weight: 600;
  }
  .customer-card dl {
    margin: 4px 0 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 4px;
  }
  .messenger {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .messenger bdi.clamp {
    min-width: 0;
  }
  .profile-link {
    color: var(--_accent);
  }
  .customer-state {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .customer-state.failed {
    color: var(--_danger);
  }
  .customer-state + .button {
    margin-top: calc(var(--_space) / 2);
  }
  .customer-actions {
    margin-top: var(--_space);
  }
`;
