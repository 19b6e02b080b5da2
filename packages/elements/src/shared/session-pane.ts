import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { LiveChatClient, SessionView } from '@live-chat/core';
import { clientStream } from '../controllers/client-streams.js';
import { sessionStream } from '../controllers/session-streams.js';
import { LiveChatElement } from './live-chat-element.js';

/** A pane's placeholder (`part="placeholder"`): an empty, loading, error or unavailable state. */
export function renderPlaceholder(content: TemplateResult): TemplateResult {
  return html`<div class="placeholder" part="placeholder">${content}</div>`;
}

/**
 * Base of the panes about one session (`<live-chat-conversation>`, `<live-chat-about-session>`):
 * the session they show, and their placeholder until it can be shown — none chosen (or no
 * client), the client failed or is loading, the session unknown or not visible to the user —
 * with its texts under `<pane>.*` in the message catalogue. Watching the session
 * (`client.session$`) also loads its customer, which a snapshot need not carry.
 */
export abstract class SessionPaneElement extends LiveChatElement {
  /** @internal */
  protected readonly status = clientStream(this, (client) => client.status$, { state: 'loading' });
  /** `null` until the session's first value arrives; `undefined` when not visible. @internal */
  protected readonly session = sessionStream(this);

  /** Id of the session to show; nothing selected when empty. */
  @property({ attribute: 'session-id' })
  sessionId?: string;

  /** Names the pane's placeholder texts. @internal */
  protected abstract readonly pane: 'conversation' | 'about-session';

  /** The pane once its session can be shown. @internal */
  protected abstract renderSession(
    view: SessionView,
    client: LiveChatClient,
    sessionId: string,
  ): TemplateResult;

  /** Shown above the "not available" texts, e.g. where the user just sent the session. @internal */
  protected unavailableNotice(): TemplateResult | typeof nothing {
    return nothing;
  }

  override render(): TemplateResult {
    const { client, sessionId, pane } = this;
    const status = this.status.value;
    const view = this.session.value;
    if (!sessionId || !client) {
      return renderPlaceholder(
        html`<h2>${this.t(`${pane}.empty.title`)}</h2>
          <p>${this.t(`${pane}.empty.hint`)}</p>`,
      );
    }
    if (status.state === 'error') {
      return renderPlaceholder(
        html`<h2>${this.t(`${pane}.error.title`)}</h2>
          <p role="alert">${this.errorText(status.error)}</p>`,
      );
    }
    if (status.state === 'loading' || view === null) {
      return renderPlaceholder(html`<p role="status">${this.t(`${pane}.loading`)}</p>`);
    }
    if (view === undefined) {
      return renderPlaceholder(
        html`${this.unavailableNotice()}
          <h2>${this.t(`${pane}.unavailable.title`)}</h2>
          <p>${this.t(`${pane}.unavailable.text`)}</p>`,
      );
    }
    return this.renderSession(view, client, sessionId);
  }
}
