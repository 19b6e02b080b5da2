import { html, nothing, type LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { LiveChatClient, SessionView } from '@live-chat/core';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { FocusAfterUpdateController } from '../controllers/focus-after-update.js';
import { navigateEvent } from '../events/navigate.js';
import { sessionReassignedEvent } from '../events/session-reassigned.js';
import { renderPlaceholder, SessionPaneElement } from '../shared/session-pane.js';
import { placeholderStyles } from '../styles/placeholder.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { aboutSessionStyles } from './about-session.styles.js';
import { targetName } from './assignee.js';
import type { ShownText } from '../shared/untrusted-text.js';
import type { SessionReassignedDetail } from './reassign-form/reassign-form.js';
import './about-session.messages.js';

// The parts of the pane: importing the pane defines them too.
export { LiveChatActionsMenu } from './actions-menu/actions-menu.js';
export { LiveChatBinderPanel } from './binder-panel/binder-panel.js';
export { LiveChatCustomerCard } from './customer-card/customer-card.js';
export { LiveChatReassignForm } from './reassign-form/reassign-form.js';
export type { SessionReassignedDetail } from './reassign-form/reassign-form.js';
export { LiveChatSessionHeader } from './session-header/session-header.js';
export { LiveChatSessionTriage } from './session-triage/session-triage.js';

/**
 * The pane's inner elements, in order, each with the CSS parts it shows: the pane re-exports them
 * under the same names (`exportparts`). Each gets the pane's client, session, locale and theme.
 */
const PANE_PARTS: ReadonlyArray<{ tag: StaticValue; exportparts: string }> = [
  [
    'live-chat-session-header',
    'details, live-chat, session-name, rename-button, name-input, first-message, status, assignee, feedback',
  ],
  [
    'live-chat-reassign-form',
    'reassign, reassign-select, reassign-button, handover-input, handover-count, feedback',
  ],
  [
    'live-chat-session-triage',
    'tags, tag, edit-tags-button, tag-editor, tag-option, urgent-state, urgent-button, feedback',
  ],
  [
    'live-chat-binder-panel',
    'binders, binder, binding, bind-button, bind-panel, record-search, record-option, create-button, unbind-button, message-target, feedback',
  ],
  ['live-chat-actions-menu', 'actions-button, actions-menu, action, feedback'],
  [
    'live-chat-customer-card',
    'customer, avatar, customer-name, profile-link, channel-icon, account, messenger, in-customers, add-customer-button, customer-state, customer-retry, feedback',
  ],
].map(([tag, exportparts]) => ({ tag: unsafeStatic(tag), exportparts }));

/**
 * The About the session pane: the live chat, the session's name (rename inline with the
 * pencil: Enter saves, Escape cancels), the date of its first message, its assignee with
 * reassignment to any target of the live chat's settings, its tags and urgent mark, the
 * host's binders (+Bind to search or create a record, unbind) and +Actions, and the customer card (internal user with a link
 * to their profile, or external customer with account and messenger, and "Add to customers"
 * where the host has a customer database). The customer is loaded on demand: until it is, the
 * card says it is loading, not available, offline, or could not be loaded (with Try again).
 *
 * Controls are disabled, with the reason shown, when the user may view but not act on the session.
 * Host records and customer details are rendered as text; only http(s) URLs become links.
 *
 * The pane is made of parts, each usable alone: `<live-chat-session-header>`,
 * `<live-chat-reassign-form>`, `<live-chat-session-triage>`, `<live-chat-binder-panel>`,
 * `<live-chat-actions-menu>` and `<live-chat-customer-card>`. Their CSS parts are exported
 * under the names listed here.
 *
 * @summary Details and actions of one session.
 *
 * @fires live-chat-session-reassigned - The session was reassigned. Detail: `{ sessionId, target }`.
 * @fires live-chat-navigate - "Go to the queue" after a reassignment: the session's live chat, its queue.
 *
 * @csspart title - The pane's heading.
 * @csspart read-only-note - Why the controls are disabled.
 * @csspart details - The list of the session's details.
 * @csspart live-chat - The live chat's name.
 * @csspart session-name - The session's name.
 * @csspart rename-button - The pencil button.
 * @csspart name-input - The inline rename field.
 * @csspart first-message - The date of the first message.
 * @csspart status - The session's status.
 * @csspart assignee - The assignee's name.
 * @csspart tags - The list of the session's tags.
 * @csspart tag - One tag chip.
 * @csspart edit-tags-button - Opens and closes the tag editor.
 * @csspart tag-editor - The checkboxes of the live chat's tags.
 * @csspart tag-option - One tag's checkbox and label.
 * @csspart urgent-state - Whether the session is urgent, in words and with an icon.
 * @csspart urgent-button - Mark urgent / Not urgent.
 * @csspart reassign - The reassign form.
 * @csspart reassign-select - The list of reassignment targets.
 * @csspart reassign-button - The Reassign button.
 * @csspart handover-input - The note for the new assignee.
 * @csspart handover-count - The note's character count.
 * @csspart binders - The section of host binders.
 * @csspart binder - One binder.
 * @csspart binding - One bound record.
 * @csspart bind-button - The +Bind button of a binder.
 * @csspart bind-panel - The search / create panel of a binder.
 * @csspart record-search - The binder's search field.
 * @csspart record-option - A found record (activate to bind it).
 * @csspart create-button - Creates a record with the binder.
 * @csspart unbind-button - Removes a binding.
 * @csspart message-target - Which message the next binding is for.
 * @csspart actions-button - The +Actions menu button.
 * @csspart actions-menu - The +Actions menu.
 * @csspart action - One item of the +Actions menu.
 * @csspart customer - The customer card.
 * @csspart avatar - The customer's avatar (image or initials).
 * @csspart customer-name - The customer's name.
 * @csspart profile-link - The link to an internal user's profile.
 * @csspart channel-icon - The customer's messenger icon.
 * @csspart account - An external customer's account.
 * @csspart messenger - An external customer's messenger.
 * @csspart in-customers - The note that the customer is already in the host's database.
 * @csspart add-customer-button - "Add to customers".
 * @csspart customer-state - Where the customer stands while not shown (loading, unavailable, failed, offline).
 * @csspart customer-retry - "Try again", after the customer could not be loaded.
 * @csspart feedback - A success or error message after an action.
 * @csspart queue-button - "Go to the queue", after a reassignment took the session out of the user's view.
 * @csspart placeholder - The empty, loading, error and unavailable states.
 *
 * @cssprop --live-chat-about-session-background - Background of the pane (the surface background).
 * @cssprop --live-chat-about-session-gap - Space between sections (three times `--live-chat-space`).
 * @cssprop --live-chat-about-session-avatar-size - Size of the customer's avatar (40px).
 */
@customElement('live-chat-about-session')
export class LiveChatAboutSession extends SessionPaneElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, placeholderStyles, aboutSessionStyles];

  /** @internal */
  protected readonly pane = 'about-session';

  /** Where the user sent the session, shown if it leaves their view because of that. */
  @state() private reassigned?: { sessionId: string; text: ShownText };
  /** The live chat of the session last shown: where "Go to the queue" leads once it is gone. */
  private shownLiveChat?: { sessionId: string; liveChatId: string };
  private readonly focusAfterUpdate = new FocusAfterUpdateController(this);

  /** Resolves once the pane and each of its parts have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    const parts = [...(this.shadowRoot?.querySelectorAll<LitElement>('.part') ?? [])];
    const done = await Promise.all(parts.map((part) => part.updateComplete));
    return result && done.every(Boolean);
  }

  /**
   * Binds one message of the shown session to a host record rather than the session (see
   * `<live-chat-binder-panel>`); resolves once the binders show it.
   */
  async bindMessage(messageId: string, preview: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector('live-chat-binder-panel')?.bindMessage(messageId, preview);
  }

  private onReassigned(event: CustomEvent<SessionReassignedDetail>): void {
    const { sessionId, target } = event.detail;
    const client = this.client;
    if (client) {
      const name = targetName(client, target, (key, params) => this.t(key, params));
      this.reassigned = { sessionId, text: this.tIsolated('about-session.reassigned', { name }) };
      // The form (and the focused Reassign button) may go with the session: the confirmation
      // takes focus then, so the keyboard user is not left on the page's body.
      this.focusAfterUpdate.focus(
        () => this.renderRoot.querySelector<HTMLElement>('#reassigned-title'),
        { until: () => this.session.value !== null },
      );
    }
    // The session may have left the user's view before the answer came, taking the form out of
    // the page: its event then reaches no one but this listener, so tell the host from here.
    if (!(event.target as Element).isConnected)
      this.dispatchEvent(sessionReassignedEvent(event.detail));
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && this.reassigned?.sessionId !== this.sessionId) {
      this.reassigned = undefined;
    }
  }

  /**
   * Once the user's reassignment took the session out of their view: the confirmation and the
   * next step (their queue), in place of "This session is not available".
   */
  override render(): TemplateResult {
    const reassigned = this.reassigned;
    const state = this.status.value.state;
    if (
      !reassigned ||
      reassigned.sessionId !== this.sessionId ||
      this.session.value !== undefined ||
      state === 'loading' ||
      state === 'error'
    ) {
      return super.render();
    }
    const liveChatId =
      this.shownLiveChat?.sessionId === reassigned.sessionId
        ? this.shownLiveChat.liveChatId
        : undefined;
    return renderPlaceholder(
      html`<div role="status">
          <h2 id="reassigned-title" part="feedback" tabindex="-1">${reassigned.text}</h2>
        </div>
        <p>${this.t('about-session.reassignedAway')}</p>
        ${
          liveChatId
            ? html`<button
                class="button"
                part="queue-button"
                type="button"
                @click=${() =>
                  this.dispatchEvent(navigateEvent({ view: 'group', liveChatId, group: 'queue' }))}
              >
                ${this.t('about-session.goToQueue')}
              </button>`
            : nothing
        }`,
    );
  }

  /** @internal */
  protected override renderSession(
    view: SessionView,
    client: LiveChatClient,
    sessionId: string,
  ): TemplateResult {
    const readOnly = !client.canActOn(view.session.id);
    this.shownLiveChat = { sessionId, liveChatId: view.session.liveChatId };
    return html`
      <h2 part="title">${this.t('about-session.title')}</h2>
      ${readOnly ? html`<p id="read-only-note" class="note" part="read-only-note">${this.t('about-session.readOnly')}</p>` : nothing}
      ${PANE_PARTS.map(
        // The reassign form's event is heard on the part itself (not through the pane), so it
        // still arrives when the reassigned session took the form out of the page.
        ({ tag, exportparts }) =>
          staticHtml`<${tag}
            class="part"
            exportparts=${exportparts}
            .client=${client}
            session-id=${sessionId}
            locale=${this.locale}
            theme=${this.theme}
            @live-chat-session-reassigned=${this.onReassigned}
          ></${tag}>`,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-about-session': LiveChatAboutSession;
  }
}
