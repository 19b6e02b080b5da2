import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { StreamController } from '../controllers/stream-controller.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { tokens } from '../styles/tokens.js';
import './conversation.messages.js';

/**
 * "Vera Quinn is typing…" while the session's customer types (`client.customerTyping$`), under
 * the conversation's history, on a line kept for it (so that the history does not move). The line is a polite live region, on the page
 * from the start and changed only when the customer starts or stops, so a screen reader says
 * it once when they start, not on every signal. The three dots beside it move only for users
 * who have not asked for reduced motion.
 *
 * @summary Whether the session's customer is typing now.
 *
 * @csspart typing - The line (a polite live region), empty while the customer is not typing.
 */
@customElement('live-chat-typing-indicator')
export class LiveChatTypingIndicator extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [
    tokens,
    css`
      /* One line, kept while nobody types: the history above does not move when it shows. */
      :host {
        display: block;
        flex: none;
        height: calc(var(--_font-size) * 1.5);
        overflow: hidden;
      }
      .typing {
        margin: 0;
        padding: 0 calc(var(--_space) * 1.5);
        font-size: 0.85em;
        line-height: calc(var(--_font-size) * 1.5);
        color: var(--_muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .dots {
        display: inline-flex;
        gap: 3px;
        margin-inline-end: 6px;
        vertical-align: middle;
      }
      .dots span {
        width: 5px;
        height: 5px;
        border-radius: 50%;
        background: currentColor;
      }
      @media (prefers-reduced-motion: no-preference) {
        .dots span {
          animation: typing-dot 1.2s ease-in-out infinite;
        }
        .dots span:nth-child(2) {
          animation-delay: 0.2s;
        }
        .dots span:nth-child(3) {
          animation-delay: 0.4s;
        }
      }
      @keyframes typing-dot {
        0%,
        60%,
        100% {
          opacity: 0.3;
        }
        30% {
          opacity: 1;
        }
      }
    `,
  ];

  private readonly typing = new StreamController(
    this,
    () => [this.client, this.sessionId] as const,
    (client, sessionId) => (client && sessionId ? client.customerTyping$(sessionId) : undefined),
    false,
  );

  /** Id of the session whose customer it watches. */
  @property({ attribute: 'session-id' })
  sessionId?: string;

  /** The customer's name ("The customer is typing…" without one). */
  @property()
  name?: string;

  override render(): TemplateResult {
    const name = this.name;
    const typing = this.typing.value;
    return html`<p class="typing" part="typing" role="status">
      ${
        typing
          ? html`<span class="dots" aria-hidden="true"><span></span><span></span><span></span></span
              >${
                name
                  ? this.tIsolated('conversation.typing', { name })
                  : this.t('conversation.typingUnknown')
              }`
          : nothing
      }
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-typing-indicator': LiveChatTypingIndicator;
  }
}
