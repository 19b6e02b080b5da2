import { html, nothing, type TemplateResult } from 'lit';
import { attachmentsSummary, clampText, type MessageView } from '@live-chat/core';
import { clientStream } from '../controllers/client-streams.js';
import type { SessionHost } from '../controllers/session-streams.js';
import { bindMessageEvent } from '../events/bind-message.js';
import type { Translate } from '../i18n/catalogue.js';

/** How long the preview of a message being bound is, in code points. */
const PREVIEW_LENGTH = 60;

/** A message the operator may bind to a host record: one that was sent, not a staff note. */
export const isBindable = (message: MessageView): boolean =>
  message.delivery === 'sent' && message.internal !== true;

/**
 * Binding one message to a host record, from the message itself ("to register a message"):
 * while the host registered a binder and the user may act on the session, each sent message
 * offers "Bind" (shown on hover and on focus, no Tab stop of its own), Up and Down move
 * between the messages of the history, and Enter on a message asks to bind it. The request is
 * `live-chat-bind-message`; the workspace answers it with the About pane's binders.
 */
export class MessageBinding {
  readonly #binders;

  constructor(
    private readonly host: SessionHost & HTMLElement,
    /** The messages of the history, as loaded. */
    private readonly messages: () => readonly MessageView[] | undefined,
  ) {
    this.#binders = clientStream(host, (client) => client.binders$, []);
  }

  /** What the history's controls call. */
  readonly actions = {
    bind: (message: MessageView) => this.bind(message),
    keydown: (event: KeyboardEvent) => this.keydown(event),
  };

  /** Whether messages of the host's session may be bound now. */
  get enabled(): boolean {
    const { client, sessionId } = this.host;
    return this.#binders.value.length > 0 && !!client && !!sessionId && client.canActOn(sessionId);
  }

  /** Asks to bind `message` (the workspace opens the binders for it). */
  bind(message: MessageView): void {
    const text = message.text !== '' ? message.text : attachmentsSummary(message.attachments ?? []);
    this.host.dispatchEvent(
      bindMessageEvent({
        sessionId: message.sessionId,
        messageId: message.id,
        preview: clampText(text.replace(/\s+/g, ' ').trim(), PREVIEW_LENGTH),
      }),
    );
  }

  /**
   * Keys in the history while binding is offered: Up / Down / Home / End move between its
   * messages, Enter on a message binds it. Other keys (and every key without binders) keep
   * their default, scrolling the history.
   */
  keydown(event: KeyboardEvent): void {
    if (!this.enabled || event.altKey || event.ctrlKey || event.metaKey) return;
    const log = event.currentTarget as HTMLElement;
    const items = [...log.querySelectorAll<HTMLElement>('article[data-message-id]')];
    const current = items.indexOf(event.target as HTMLElement);
    if (event.key === 'Enter' && current >= 0) {
      const id = items[current]?.dataset.messageId;
      const message = this.messages()?.find((m) => m.id === id);
      if (message && isBindable(message)) {
        event.preventDefault();
        this.bind(message);
      }
      return;
    }
    const last = items.length - 1;
    const next =
      event.key === 'ArrowDown'
        ? current < 0
          ? last
          : Math.min(last, current + 1)
        : event.key === 'ArrowUp'
          ? current < 0
            ? last
            : Math.max(0, current - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined || next < 0) return;
    event.preventDefault();
    items[next]?.focus();
  }
}

/** The "Bind" button of a message, when it may be bound (no Tab stop: see {@link MessageBinding}). */
export function renderBindButton(
  message: MessageView,
  enabled: boolean,
  t: Translate,
  bind: (message: MessageView) => void,
): TemplateResult | typeof nothing {
  if (!enabled || !isBindable(message)) return nothing;
  return html`<button
    class="bind-message"
    part="bind-message-button"
    type="button"
    tabindex="-1"
    title=${t('conversation.bindMessage.hint')}
    @click=${() => bind(message)}
  >
    ${t('conversation.bindMessage')}
  </button>`;
}
