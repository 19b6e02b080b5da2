import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Alert, AlertBurst, Id } from '@live-chat/core';
import { AnnouncerController } from '../controllers/announcer.js';
import type { AlertsController } from '../controllers/alerts/alerts-controller.js';
import { alertText } from '../controllers/alerts/alert-text.js';
import { sessionOpenEvent } from '../events/session-open.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { clamped, untrustedTextStyles } from '../shared/clamped-text.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { alertToastStyles } from './alert-toast.styles.js';
import './alert-toast.messages.js';

/** One in-app alert: a live chat's alerts since it was shown, the latest of them last. */
interface Toast {
  liveChatId: Id;
  count: number;
  latest: Alert;
}

/** Most in-app alerts on screen at once (one per live chat); the oldest goes first. */
const MAX_TOASTS = 3;

/**
 * The workspace's own alert of incoming messages, for when neither sound nor desktop
 * notifications reach the user (both off, or not allowed by the browser): a small card in the
 * corner saying what the desktop notification would ("New message from Vera Quinn" and the
 * message, "3 new requests in Support", or only "New message in Support" when the user may not
 * open that session), with Open and Dismiss buttons.
 *
 * It follows the decisions of the {@link AlertsController} it is given (`controller`): the same
 * bursts, coalesced per live chat like the notifications, so a stream of requests makes one card
 * whose count grows, not one card per message. Each new or grown card is announced politely; no
 * card ever takes focus. A card stays until the user opens or dismisses it (Escape dismisses the
 * one holding focus).
 *
 * @summary In-app alert (toast) of incoming messages when sound and desktop notifications are off.
 *
 * @fires live-chat-session-open - The user chose Open; `detail.sessionId` is the alert's session.
 *
 * @csspart toast - One alert card.
 * @csspart title - Its title (customer, or count and live chat).
 * @csspart body - The message, when the alert may show it.
 * @csspart open - The Open button.
 * @csspart dismiss - The Dismiss button.
 */
@customElement('live-chat-alert-toast')
export class LiveChatAlertToast extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, untrustedTextStyles, alertToastStyles];

  /** Says each new card politely, a burst of them as one. */
  private readonly announcer = new AnnouncerController(this, 300);
  private unsubscribe: (() => void) | undefined;

  @state() private toasts: readonly Toast[] = [];

  /** The alerts controller whose in-app alerts this shows (the workspace's `alerts`). */
  @property({ attribute: false })
  controller: AlertsController | undefined;

  /** The cards on screen, as their titles say them (for hosts and tests). */
  get shownTitles(): string[] {
    return this.toasts.map((toast) => this.text(toast).title);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Removes every card. */
  dismissAll(): void {
    this.toasts = [];
  }

  private listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.controller?.onInAppAlert((burst) => this.add(burst));
  }

  private add(burst: AlertBurst): void {
    const earlier = this.toasts.find((toast) => toast.liveChatId === burst.liveChatId);
    const toast: Toast = {
      liveChatId: burst.liveChatId,
      count: (earlier?.count ?? 0) + burst.count,
      latest: burst.latest,
    };
    const others = this.toasts.filter((t) => t !== earlier);
    this.toasts = [...others, toast].slice(-MAX_TOASTS);
    const { title, body } = this.text(toast);
    this.announcer.announce(body ? `${title}. ${body}` : title);
  }

  private text(toast: Toast) {
    return alertText(toast.count, toast.latest, this.locale, this.client);
  }

  private dismiss(toast: Toast): void {
    this.toasts = this.toasts.filter((t) => t !== toast);
  }

  private open(toast: Toast): void {
    this.dismiss(toast);
    this.dispatchEvent(sessionOpenEvent({ sessionId: toast.latest.sessionId }));
  }

  private onKeydown(event: KeyboardEvent, toast: Toast): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.dismiss(toast);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('controller') && this.isConnected) this.listen();
  }

  override render() {
    // A named region (a landmark to jump to) only while it holds alerts.
    const cards = this.toasts.length
      ? html`<div role="region" aria-label=${this.t('alert-toast.label')}>
          <ol>
            ${repeat(
              this.toasts,
              (toast) => toast.liveChatId,
              (toast) => {
                const { title, body } = this.text(toast);
                return html`<li
                  part="toast"
                  @keydown=${(e: KeyboardEvent) => this.onKeydown(e, toast)}
                >
                  <p part="title" class="title">${clamped(title)}</p>
                  ${body ? html`<p part="body" class="body">${clamped(body)}</p>` : nothing}
                  <div class="actions">
                    <button
                      type="button"
                      part="open"
                      class="button"
                      @click=${() => this.open(toast)}
                    >
                      ${this.t('alert-toast.open')}
                    </button>
                    <button
                      type="button"
                      part="dismiss"
                      class="button"
                      aria-label=${this.t('alert-toast.dismiss-named', { title })}
                      @click=${() => this.dismiss(toast)}
                    >
                      ${this.t('alert-toast.dismiss')}
                    </button>
                  </div>
                </li>`;
              },
            )}
          </ol>
        </div>`
      : nothing;
    return html`${cards}${this.announcer.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-alert-toast': LiveChatAlertToast;
  }
}
