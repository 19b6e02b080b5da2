import { css } from 'lit';

export const reassignFormStyles = css`
  .reassign {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .reassign label {
    flex-basis: 100%;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .reassign select {
    flex: 1 1 10rem;
  }
`;
