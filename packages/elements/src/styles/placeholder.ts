import { css } from 'lit';

/**
 * The look of a pane's placeholder (`.placeholder`: the empty, loading, error and unavailable
 * states): muted, centred text under a heading. Each component sets its spacing and heading size.
 */
export const placeholderStyles = css`
  .placeholder {
    color: var(--_muted);
    text-align: center;
  }
  .placeholder h2 {
    margin: 0 0 var(--_space);
    color: var(--_text);
  }
  .placeholder p {
    margin: 0 0 var(--_space);
  }
`;
