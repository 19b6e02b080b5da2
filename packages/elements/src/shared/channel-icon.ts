import { svg, html, type TemplateResult } from 'lit';
import { CHANNEL_LABELS, type Channel } from '@live-chat/core';

/** Inline SVG paths per channel, drawn at 16×16 in `currentColor`. */
const paths: Record<Channel, TemplateResult> = {
  web: svg`<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M1.5 8h13M8 1.5c2 2 2.8 4.2 2.8 6.5S10 12.5 8 14.5M8 1.5C6 3.5 5.2 5.7 5.2 8S6 12.5 8 14.5" fill="none" stroke="currentColor" stroke-width="1.1"/>`,
  telegram: svg`<path d="M14.6 2.2 1.6 7.2c-.7.3-.7.8 0 1l3.3 1 1.3 4c.2.5.4.6.8.2l1.9-1.6 3.4 2.5c.6.3 1 .2 1.2-.6L15.6 3c.2-.9-.3-1.2-1-.8ZM5.7 9l6.5-4.2-5 4.7-.2 2.3Z" fill="currentColor"/>`,
  whatsapp: svg`<path d="M8 1.5a6.4 6.4 0 0 0-5.5 9.7L1.6 14.5l3.4-.9A6.4 6.4 0 1 0 8 1.5Z" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M5.8 4.8c.2 0 .4 0 .5.3l.6 1.4c0 .2 0 .3-.1.4l-.4.5c.5 1 1.3 1.7 2.3 2.2l.5-.5c.1-.1.3-.2.4-.1l1.4.6c.2.1.3.3.2.5-.1.8-.8 1.3-1.6 1.2-2.2-.4-4-2.2-4.4-4.4-.1-.8.3-1.6 1-1.9Z" fill="currentColor"/>`,
  viber: svg`<path d="M8 1.6c3.4 0 5.6 1.6 5.6 5.3S11.4 12 8 12l-2.6 2.2v-2.5C3.3 11 2.4 9.3 2.4 6.9 2.4 3.2 4.6 1.6 8 1.6Z" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M6.1 4.6c.2 0 .3.1.4.3l.5 1c.1.2 0 .3-.1.4l-.3.3c.3.7.9 1.3 1.6 1.6l.3-.3c.1-.1.3-.2.4-.1l1 .5c.2.1.2.3.2.4-.2.7-.8 1-1.5.8A4 4 0 0 1 5.6 6.5c-.2-.7.1-1.4.5-1.9Z" fill="currentColor"/>`,
  email: svg`<rect x="1.5" y="3.2" width="13" height="9.6" rx="1.4" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="m2 4 6 4.7L14 4" fill="none" stroke="currentColor" stroke-width="1.3"/>`,
  internal: svg`<circle cx="8" cy="5.3" r="2.8" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M2.8 14c.4-2.8 2.6-4.3 5.2-4.3s4.8 1.5 5.2 4.3" fill="none" stroke="currentColor" stroke-width="1.3"/>`,
};

/**
 * The messenger icon of a channel, as an `img`-role SVG with the channel's name as its label
 * (or hidden from assistive technology when `decorative` is set because the name is shown).
 */
export function channelIcon(
  channel: Channel,
  options: { decorative?: boolean } = {},
): TemplateResult {
  const label = CHANNEL_LABELS[channel] ?? channel;
  return options.decorative
    ? html`<svg
        part="channel-icon"
        class="channel-icon"
        viewBox="0 0 16 16"
        width="16"
        height="16"
        aria-hidden="true"
      >
        ${paths[channel] ?? paths.web}
      </svg>`
    : html`<svg
        part="channel-icon"
        class="channel-icon"
        viewBox="0 0 16 16"
        width="16"
        height="16"
        role="img"
        aria-label=${label}
      >
        <title>${label}</title>
        ${paths[channel] ?? paths.web}
      </svg>`;
}
