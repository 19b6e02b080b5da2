import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ClientStatus, ConnectionState, UnconfirmedCommand } from '@live-chat/core';
import { tokens } from '../styles/tokens.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import { connectionStatusStyles } from './connection-status.styles.js';
import './connection-status.messages.js';

const spinnerIcon = svg`<path d="M8 1.8a6.2 6.2 0 1 1-6.2 6.2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`;
const offlineIcon = svg`<path d="M2 2l12 12M5.2 8.6a4 4 0 0 1 2.3-1.1M1.6 5.8a9 9 0 0 1 2.6-1.6M10.4 7.7a4 4 0 0 1 .9.9M8 4a9 9 0 0 1 6.4 1.8M8 12.4h.01" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`;
const errorIcon = svg`<circle cx="8" cy="8" r="6.3" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 4.5v4.2M8 11.2h.01" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round"/>`;

/**
 * The connection state, visible: a banner for `connecting`, `reconnecting`, `offline` and
 * `failed`, and nothing while `online`. The banner lives in a `role="status"` region that is
 * always in the DOM (empty when online), so every change is announced politely. When the
 * client could not load the user's state, a second, `role="alert"` banner shows the error; the
 * client retries by itself with a back-off, and at once when the connection comes back or the
 * user clicks Retry now. While the client resumes its event stream (status `resuming`), the
 * banner reads as reconnecting; while commands wait for confirmation, it says so.
 *
 * The host reflects the connection as `state="online|connecting|…"` (and `error` while the
 * load error shows), so a page can collapse or position it.
 *
 * @summary Connection banner (connecting, reconnecting, offline, failed) and the load error.
 *
 * @csspart base - The always-present `role="status"` live region.
 * @csspart banner - The connection banner; also `banner-connecting`, `banner-reconnecting`, `banner-offline`, `banner-failed`.
 * @csspart icon - The state icon (decorative).
 * @csspart text - The state text.
 * @csspart error - The load-error banner (inside the always-present `role="alert"` region).
 * @csspart error-hint - The "tries again by itself" hint of the load error.
 * @csspart unconfirmed - Shown while commands wait for confirmation ("not confirmed yet").
 * @csspart retry-button - Retries loading now (`client.retryLoad()`).
 *
 * @cssprop --live-chat-connection-status-background - Banner background (default the surface token).
 * @cssprop --live-chat-connection-status-color - Banner text colour (default the text token).
 * @cssprop --live-chat-connection-status-warning-color - Accent of connecting / reconnecting (default the warning token).
 * @cssprop --live-chat-connection-status-danger-color - Accent of offline / failed / error (default the danger token).
 */
@customElement('live-chat-connection-status')
export class LiveChatConnectionStatus extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, connectionStatusStyles];

  private readonly connection = new ObserveController<ConnectionState | undefined>(this, undefined);
  private readonly status = new ObserveController<ClientStatus>(this, { state: 'loading' });
  private readonly unconfirmed = new ObserveController<UnconfirmedCommand[]>(this, []);

  /** The connection state shown (`undefined` without a client). */
  get state(): ConnectionState | undefined {
    return this.connection.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      this.connection.observe(this.client?.connection$);
      this.status.observe(this.client?.status$);
      this.unconfirmed.observe(this.client?.unconfirmed$);
    }
    const state = this.connection.value;
    if (state) this.setAttribute('state', state);
    else this.removeAttribute('state');
    this.toggleAttribute('error', this.status.value.state === 'error');
  }

  private renderBanner(state: Exclude<ConnectionState, 'online'>) {
    const icon = state === 'offline' ? offlineIcon : state === 'failed' ? errorIcon : spinnerIcon;
    return html`<div part="banner banner-${state}" class="banner ${state}">
      <span part="icon" class="icon" aria-hidden="true"
        ><svg viewBox="0 0 16 16" width="16" height="16">${icon}</svg></span
      >
      <span part="text" class="text">${this.t(`connection-status.${state}`)}</span>
    </div>`;
  }

  private handleRetry = (): void => {
    this.client?.retryLoad();
  };

  override render() {
    const connection = this.connection.value;
    const status = this.status.value;
    // Online, but the event stream is being resumed: live updates are not flowing yet.
    const state = connection;
    const unconfirmed = this.unconfirmed.value.length;
    return html`<div part="base" class="base" role="status" aria-live="polite" aria-atomic="true">
        ${state && state !== 'online' ? this.renderBanner(state) : nothing}
        ${
          unconfirmed > 0
            ? html`<div part="unconfirmed" class="banner reconnecting">
                <span part="icon" class="icon" aria-hidden="true"
                  ><svg viewBox="0 0 16 16" width="16" height="16">${spinnerIcon}</svg></span
                >
                <span part="text" class="text"
                  >${this.t('connection-status.unconfirmed', { count: unconfirmed })}</span
                >
              </div>`
            : nothing
        }
      </div>
      <div class="alert" role="alert">
        ${
          status.state === 'error'
            ? html`<div part="error" class="banner error">
                <span part="icon" class="icon" aria-hidden="true"
                  ><svg viewBox="0 0 16 16" width="16" height="16">${errorIcon}</svg></span
                >
                <span part="text" class="text"
                  >${this.t('connection-status.load-error', { reason: this.errorText(status.error), message: status.error.message })}</span
                >
                <span part="error-hint" class="hint"
                  >${this.t('connection-status.load-error-hint')}</span
                >
                <button type="button" part="retry-button" class="retry" @click=${this.handleRetry}>
                  ${this.t('connection-status.retry')}
                </button>
              </div>`
            : nothing
        }
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-connection-status': LiveChatConnectionStatus;
  }
}
