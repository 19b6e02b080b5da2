/**
 * Strings the components do not control, isolated as in untrusted-text.ts and clamped to one
 * line with the whole string as a tooltip: where space is short. Only the parts the workspace
 * loads on demand clamp, so this is a module of its own, out of the workspace's first load.
 */
import { css, html, type TemplateResult } from 'lit';

/**
 * A string the components do not control, in a `<bdi>` (see `isolated` of untrusted-text.ts),
 * and clamped: one line, cut with an ellipsis where its box ends, the whole string as its
 * tooltip. Needs {@link untrustedTextStyles} in the component's styles.
 */
export function clamped(text: string): TemplateResult {
  return html`<bdi class="clamp" title=${text}>${text}</bdi>`;
}

/**
 * Styles for {@link clamped} strings: one line cut with an ellipsis, never wider than their
 * container. A component that shows clamped strings adds these to its `static styles`.
 */
export const untrustedTextStyles = css`
  bdi.clamp {
    display: inline-block;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    vertical-align: bottom;
  }
`;
