import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/catalogue.js';

/** What the composer writes: a reply the customer gets, or a private note among staff. */
export type ComposerMode = 'reply' | 'note';

/**
 * The Reply / Note switch: two radio buttons in a fieldset, so the browser gives it its
 * keyboard (Tab reaches the checked one, the arrow keys move between them) and screen readers
 * announce "Write: Reply, radio button, 1 of 2".
 */
export function renderModeSwitch(
  mode: ComposerMode,
  t: (key: MessageKey) => string,
  change: (event: Event) => void,
): TemplateResult {
  const option = (value: ComposerMode, key: MessageKey) =>
    html`<label class="mode-option">
      <input
        type="radio"
        name="composer-mode"
        value=${value}
        .checked=${mode === value}
        @change=${change}
      /><span>${t(key)}</span>
    </label>`;
  return html`<fieldset class="mode" part="mode">
    <legend class="visually-hidden">${t('conversation.composer.mode')}</legend>
    ${option('reply', 'conversation.composer.modeReply')}
    ${option('note', 'conversation.composer.modeNote')}
  </fieldset>`;
}
