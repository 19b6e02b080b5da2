import { html, nothing, type TemplateResult } from 'lit';
import type { SessionView } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { COUNT_VISIBLE_FROM, renderCount } from './composer-count.js';

/** Where the composer stands, for the line under it. */
export interface ComposerFootState {
  view: SessionView | null | undefined;
  canAct: boolean;
  offline: boolean;
  note: boolean;
}

/**
 * The hint under the composer: why the user cannot write (read only), what will go wrong
 * (offline), what a note is, or that replying takes a queued session; empty otherwise.
 */
export function composerHint(t: Translate, state: ComposerFootState): string {
  const { view, canAct, offline, note } = state;
  if (!view) return '';
  if (!canAct) return t('conversation.composer.readOnly');
  if (offline) return t('conversation.composer.offline');
  if (note) return t('conversation.composer.noteHint');
  return view.session.status === 'queued' ? t('conversation.composer.takesSession') : '';
}

/** The line under the composer: the hint (`#composer-hint`) and, near the limit, the count. */
export function renderFoot(
  t: Translate,
  locale: string,
  hint: string,
  offline: boolean,
  length: number,
): TemplateResult {
  const count =
    length >= COUNT_VISIBLE_FROM ? renderCount(t, locale, length, 'composer-count') : nothing;
  return html`<div class="composer-foot">
    ${
      hint
        ? html`<span id="composer-hint" part="composer-hint" class=${offline ? 'offline' : ''}
            >${hint}</span
          >`
        : html`<span></span>`
    }
    ${count}
  </div>`;
}
