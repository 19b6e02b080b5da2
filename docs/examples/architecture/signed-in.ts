import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { User } from '@live-chat/core';
import {
  LiveChatElement,
  ObserveController,
  registerMessages,
  sessionOpenEvent,
  type Translation,
} from '@live-chat/elements';

/**
 * Who is signed in, and a button that opens the oldest session waiting in the user's queues.
 *
 * @summary The signed-in user, with a shortcut to the queue.
 *
 * @fires live-chat-session-open - The button was pressed; `detail.sessionId` is the oldest queued session.
 *
 * @csspart base - The wrapper.
 * @csspart name - The user's name.
 * @csspart next - The button.
 *
 * @cssprop --live-chat-signed-in-color - Text colour (default the text token).
 */
@customElement('live-chat-signed-in')
export class LiveChatSignedIn extends LiveChatElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--live-chat-signed-in-color, var(--live-chat-color-text, inherit));
    }
  `;

  /** The signed-in user, from `client.me$`, while the element is connected. */
  private readonly me = new ObserveController<User | null>(this, null);

  /** Hides the button (attribute `no-shortcut`). */
  @property({ type: Boolean, attribute: 'no-shortcut' })
  noShortcut = false;

  private handleNext(): void {
    const oldest = this.client?.oldestQueued();
    if (!oldest) return;
    this.dispatchEvent(sessionOpenEvent({ sessionId: oldest.session.id }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.me.observe(this.client?.me$);
  }

  override render() {
    const me = this.me.value;
    if (!me) return nothing;
    return html`<p part="base">
      <span part="name">${this.t('signed-in.name', { name: me.name })}</span>
      ${
        this.noShortcut
          ? nothing
          : html`<button part="next" type="button" @click=${this.handleNext}>
              ${this.t('signed-in.next')}
            </button>`
      }
    </p>`;
  }
}

// The texts: English as the source, every other language typed after it, so a missing
// translation is a compile error; `LiveChatMessageCatalogues` makes the keys known to `this.t`.
const en = {
  'signed-in.name': 'Signed in as {name}',
  'signed-in.next': 'Open the oldest queued session',
} as const;
const ru: Translation<typeof en> = {
  'signed-in.name': 'Вы вошли как {name}',
  'signed-in.next': 'Открыть самую старую сессию в очереди',
};
registerMessages('en', en);
registerMessages('ru', ru);

declare global {
  interface LiveChatMessageCatalogues {
    'signed-in': typeof en;
  }
  interface HTMLElementTagNameMap {
    'live-chat-signed-in': LiveChatSignedIn;
  }
}
