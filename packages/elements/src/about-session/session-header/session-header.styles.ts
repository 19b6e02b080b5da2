import { css } from 'lit';

export const sessionHeaderStyles = css`
  .details {
    margin: 0;
    display: grid;
    gap: var(--_space);
  }
  .details,
  .details > div {
    grid-template-columns: minmax(0, 1fr);
  }
  .details > div {
    display: grid;
    gap: 2px;
  }
  .name-row {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .name-row .session-name {
    min-width: 0;
  }
  .rename {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .rename input {
    flex: 1 1 10rem;
  }
  .hint {
    flex-basis: 100%;
    font-size: 0.8em;
    color: var(--_muted);
  }
`;
