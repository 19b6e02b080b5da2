import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { BehaviorSubject, filter } from 'rxjs';
import {
  CHANNEL_LABELS,
  MAX_CUSTOMER_MATCHES,
  MAX_MESSAGE_LENGTH,
  MAX_SESSION_NAME_LENGTH,
  type Channel,
  type ConnectionState,
  type Customer,
  type ErrorInfo,
  type Id,
  type LiveChat,
} from '@live-chat/core';
import { buttonStyles, fieldStyles, tokens } from '../styles/tokens.js';
import { FocusAfterUpdateController } from '../controllers/focus-after-update.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import {
  newSessionClosedEvent,
  type NewSessionClosedDetail,
} from '../events/new-session-closed.js';
import { newSessionCloseEvent } from '../events/former-names.js';
import { sessionOpenEvent } from '../events/session-open.js';
import { wrapTabInDialog } from '../shared/tab-order.js';
import {
  renderCustomerPicker,
  type CustomerPickerActions,
  type CustomerPickerPhase,
} from './customer-picker.js';
import {
  customerSearch$,
  type CustomerSearchInput,
  type CustomerSearchState,
} from './customer-search.js';
import { openSessionsByCustomer$ } from './open-sessions.js';
import { newSessionStyles } from './new-session.styles.js';
import './new-session.messages.js';

/**
 * The "+ New Session" dialog: start an outbound session with a customer in one live chat. The
 * user picks a customer from a searchable list, a channel among the live chat's outbound
 * channels (`client.outboundChannels()`), and optionally a session name and a first message;
 * "Start session" calls `client.startOutbound()`. A refused start shows its typed error in the
 * dialog; on success the dialog closes and emits `live-chat-session-open` for the new session.
 *
 * **Customer search**: the list comes from the backend (`client.findCustomers`), not from the
 * customers the client has loaded: the first ones when the dialog opens, then those whose name
 * or account contains what the user types, asked after a 200 ms pause in typing (the latest
 * text wins; at most `MAX_CUSTOMER_MATCHES`, and the list says when there may be more). While a
 * search runs, the last list stays and is marked busy; a failed search says why, with Try
 * again; offline, it says so and searches again when the connection is back. The chosen
 * customer stays listed, first, when a later search does not find them. A polite live region
 * says how many customers were found.
 *
 * A native modal `<dialog>`: focus moves into it and stays there until it closes (Tab and
 * Shift+Tab wrap around inside it), Escape or Cancel closes it, and focus returns to where it
 * was.
 *
 * @summary Dialog to start an outbound session (pick customer, channel, name, first message).
 *
 * @fires live-chat-session-open - The session was started; `detail.sessionId` is the new session.
 * @fires live-chat-new-session-closed - The dialog closed (started or cancelled); `detail.sessionId` is set when a session was started.
 * @fires live-chat-new-session-close - Deprecated former name of `live-chat-new-session-closed`, dispatched right after it until the next release.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart form - The form inside it.
 * @csspart title - The heading.
 * @csspart close - The × button.
 * @csspart search - The customer search box.
 * @csspart customers - The scrolling list of customers.
 * @csspart customer - One customer option (a label around a radio button).
 * @csspart search-state - Under the list: searching (over the last list), the search failed, or offline.
 * @csspart search-retry - "Try again" after a failed search.
 * @csspart channel - The channel `<select>`.
 * @csspart name - The session name input.
 * @csspart message - The first message textarea.
 * @csspart error - The error message.
 * @csspart open-existing - "Open that session", shown when the customer already has an open session here.
 * @csspart has-open - "Has an open session" beside a customer who has one in this live chat.
 * @csspart chosen-open - The notice under the list when the chosen customer has an open session here.
 * @csspart open-chosen - Its button opening that session instead of starting another.
 * @csspart start - The Start session button.
 * @csspart cancel - The Cancel button.
 *
 * @cssprop --live-chat-new-session-width - Width of the dialog (default 440px).
 * @cssprop --live-chat-new-session-backdrop - Colour of the backdrop.
 */
@customElement('live-chat-new-session')
export class LiveChatNewSession extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, fieldStyles, newSessionStyles];

  private readonly liveChats = new ObserveController<LiveChat[]>(this, []);
  private readonly focusAfterUpdate = new FocusAfterUpdateController(this);
  private readonly customerPickerActions: CustomerPickerActions = {
    search: (query) => this.searchCustomers(query),
    pick: (customer) => this.pickCustomer(customer),
    openExisting: (sessionId) => this.openSession(sessionId),
    retry: () => this.searchCustomers(this.query, true),
  };
  /** What the customer search is asked (nothing until the dialog opens). */
  private readonly customerQuery$ = new BehaviorSubject<CustomerSearchInput | undefined>(undefined);
  /** The backend's answer for the latest text (see `customer-search.ts`). */
  private readonly customerSearch = new ObserveController<CustomerSearchState | undefined>(
    this,
    undefined,
  );
  private readonly connection = new ObserveController<ConnectionState>(this, 'online');
  /** Each customer's open session in the live chat: shown in the picker before Start. */
  private readonly openSessions = new ObserveController<ReadonlyMap<Id, Id>>(this, new Map());

  @query('dialog')
  private dialog?: HTMLDialogElement;

  @query('input[type="search"]')
  private searchInput?: HTMLInputElement;

  @state()
  private query = '';

  /** The customer chosen: still listed when a later search does not find them. */
  @state()
  private chosen: Customer | undefined;

  @state()
  private channel: Channel | undefined;

  @state()
  private name = '';

  @state()
  private text = '';

  @state()
  private pending = false;

  @state()
  private error: ErrorInfo | undefined;

  /** Whether the customer was missing when the user tried to start. */
  @state()
  private missingCustomer = false;

  /** The customers of the latest search that was answered: still listed while the next runs. */
  private lastFound: readonly Customer[] = [];
  private lastConnection: ConnectionState | undefined;

  /** The live chat the session starts in. */
  @property({ attribute: 'live-chat-id', reflect: true })
  liveChatId: Id | undefined;

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Resets the form and opens the dialog (modal). */
  async show(): Promise<void> {
    this.query = '';
    this.chosen = undefined;
    this.lastFound = [];
    this.searchCustomers('', true);
    this.channel =
      this.client && this.liveChatId ? this.client.outboundChannels(this.liveChatId)[0] : undefined;
    this.name = '';
    this.text = '';
    this.error = undefined;
    this.missingCustomer = false;
    this.pending = false;
    await this.updateComplete;
    // Opening focuses the customer search (its `autofocus`), as the dialog's first step.
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  /** Closes the dialog without starting anything. */
  close(): void {
    this.dialog?.close();
  }

  override disconnectedCallback(): void {
    this.dialog?.close();
    super.disconnectedCallback();
  }

  private get channels(): Channel[] {
    return this.client && this.liveChatId ? this.client.outboundChannels(this.liveChatId) : [];
  }

  /** Searches the backend for `text`: after a pause in typing, or at once (opening, Try again). */
  private searchCustomers(text: string, now = false): void {
    this.query = text;
    const last = this.customerQuery$.value;
    const attempt = (last?.attempt ?? 0) + (now ? 1 : 0);
    this.customerQuery$.next({ text, attempt, immediate: now });
  }

  /** Where the search for the text in the box stands; answers to older texts never count. */
  private get searchPhase(): CustomerPickerPhase {
    const found = this.customerSearch.value;
    const current = found !== undefined && found.text.trim() === this.query.trim();
    if (current && found.status === 'done') return 'done';
    const connection = this.connection.value;
    if (connection === 'offline' || connection === 'failed') return 'offline';
    if (current && found.status === 'error') return 'error';
    return 'searching';
  }

  private pickCustomer(customer: Customer): void {
    this.chosen = customer;
    this.missingCustomer = false;
    // An external customer is best reached through the messenger they use, when the live chat has it.
    if (customer.kind === 'external' && this.channels.includes(customer.messenger))
      this.channel = customer.messenger;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending || !this.client || !this.liveChatId) return;
    const customerId = this.chosen?.id;
    if (!customerId) {
      this.missingCustomer = true;
      this.focusAfterUpdate.focus(() => this.searchInput);
      return;
    }
    const channel = this.channel ?? this.channels[0];
    if (!channel) return;
    this.pending = true;
    this.error = undefined;
    const name = this.name.trim();
    const text = this.text.trim();
    const result = await this.client.startOutbound({
      liveChatId: this.liveChatId,
      customerId,
      channel,
      ...(name ? { name } : {}),
      ...(text ? { text: this.text } : {}),
    });
    this.pending = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.openSession(result.value.session.id);
  }

  /** The open session a CONFLICT error points at, when the user can see it. */
  private get conflictingSessionId(): Id | undefined {
    const sessionId =
      this.error?.code === 'CONFLICT' ? this.error.details?.['sessionId'] : undefined;
    return typeof sessionId === 'string' && this.client?.getSession(sessionId)
      ? sessionId
      : undefined;
  }

  private openConflicting(): void {
    const sessionId = this.conflictingSessionId;
    if (sessionId) this.openSession(sessionId);
  }

  /** Closes the dialog and opens `sessionId` (the one started, or the customer's open one). */
  private openSession(sessionId: Id): void {
    this.dialog?.close();
    this.dispatchEvent(sessionOpenEvent({ sessionId }));
    this.closed({ sessionId });
  }

  /** Tells the host the dialog closed (under its deprecated name too, for one release). */
  private closed(detail: NewSessionClosedDetail): void {
    this.dispatchEvent(newSessionClosedEvent(detail));
    this.dispatchEvent(newSessionCloseEvent(detail));
  }

  private handleCancel(): void {
    this.dialog?.close();
    this.closed({});
  }

  private handleDialogCancel(event: Event): void {
    // Escape: the native dialog closes itself; never while a start is in flight.
    if (this.pending) {
      event.preventDefault();
      return;
    }
    this.closed({});
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      this.liveChats.observe(this.client?.liveChats$);
      this.connection.observe(this.client?.connection$);
      this.customerSearch.observe(
        this.client
          ? customerSearch$(
              this.client,
              this.customerQuery$.pipe(filter((input) => input !== undefined)),
            )
          : undefined,
      );
    }
    const found = this.customerSearch.value;
    if (found?.status === 'done' && found.text.trim() === this.query.trim()) {
      this.lastFound = found.customers;
    }
    // Back online after a search failed or could not run: search again.
    const connection = this.connection.value;
    if (connection !== this.lastConnection) {
      const wasDown = this.lastConnection === 'offline' || this.lastConnection === 'failed';
      this.lastConnection = connection;
      if (wasDown && connection === 'online' && this.open && this.searchPhase !== 'done') {
        this.searchCustomers(this.query, true);
      }
    }
    if (changed.has('client') || changed.has('liveChatId')) {
      this.openSessions.observe(
        this.client && this.liveChatId
          ? openSessionsByCustomer$(this.client, this.liveChatId)
          : undefined,
      );
    }
    if (changed.has('liveChatId') && this.channel && !this.channels.includes(this.channel)) {
      this.channel = this.channels[0];
    }
  }

  private renderForm() {
    const found = this.customerSearch.value;
    const phase = this.searchPhase;
    if (!this.client)
      return html`<p class="error" part="error">${this.t('new-session.no-client')}</p>`;
    if (!this.liveChatId)
      return html`<p class="error" part="error">${this.t('new-session.no-live-chat')}</p>`;
    if (!this.client.canStartOutbound(this.liveChatId)) {
      return html`<p class="error" part="error" role="alert">
        ${this.t('new-session.forbidden')}
      </p>`;
    }
    return html`${renderCustomerPicker(
        {
          t: (key, params) => this.t(key, params),
          locale: this.locale,
          phase,
          customers: this.lastFound,
          limit: MAX_CUSTOMER_MATCHES,
          failure:
            phase === 'error' && found?.status === 'error'
              ? this.t('new-session.search-failed', {
                  reason: this.errorText(found.error, 'read'),
                  message: found.error.message,
                })
              : undefined,
          query: this.query,
          chosen: this.chosen,
          missing: this.missingCustomer,
          openSessions: this.openSessions.value,
        },
        this.customerPickerActions,
      )}
      <div>
        <label for="channel">${this.t('new-session.channel')}</label>
        <select
          id="channel"
          part="channel"
          .value=${this.channel ?? ''}
          @change=${(e: Event) => (this.channel = (e.target as HTMLSelectElement).value as Channel)}
        >
          ${this.channels.map(
            (channel) =>
              html`<option value=${channel} ?selected=${channel === this.channel}>
                ${CHANNEL_LABELS[channel] ?? channel}
              </option>`,
          )}
        </select>
      </div>
      <div>
        <label for="name">${this.t('new-session.name')}</label>
        <input
          id="name"
          type="text"
          part="name"
          maxlength=${MAX_SESSION_NAME_LENGTH}
          .value=${this.name}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div>
        <label for="message">${this.t('new-session.message')}</label>
        <textarea
          id="message"
          part="message"
          maxlength=${MAX_MESSAGE_LENGTH}
          .value=${this.text}
          @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      ${this.renderError()}`;
  }

  /** Why the start was refused, with a way to the open session a conflict points at. */
  private renderError() {
    const error = this.error;
    if (!error) return nothing;
    const reason = this.errorText(error, 'new-session');
    const open = this.conflictingSessionId
      ? html`<button
          type="button"
          part="open-existing"
          class="button"
          @click=${this.openConflicting}
        >
          ${this.t('new-session.open-existing')}
        </button>`
      : nothing;
    return html`<div class="error" part="error" role="alert">
      ${this.t('new-session.error', { reason, message: error.message })} ${open}
    </div>`;
  }

  override render() {
    const liveChat = this.liveChatId
      ? this.liveChats.value.find((chat) => chat.id === this.liveChatId)
      : undefined;
    const usable = Boolean(
      this.client && this.liveChatId && this.client.canStartOutbound(this.liveChatId),
    );
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @cancel=${this.handleDialogCancel}
      @keydown=${wrapTabInDialog}
    >
      <form part="form" novalidate @submit=${this.handleSubmit}>
        <header>
          <h2 id="title" part="title">
            ${this.t('new-session.title')}
            ${liveChat ? html`<span class="subtitle">${this.tIsolated('new-session.in-live-chat', { liveChat: liveChat.name })}</span>` : nothing}
          </h2>
          <button
            type="button"
            part="close"
            class="icon-button"
            aria-label=${this.t('new-session.close')}
            @click=${this.handleCancel}
          >
            <span aria-hidden="true">×</span>
          </button>
        </header>
        ${this.renderForm()}
        <footer>
          <button type="button" part="cancel" class="button" @click=${this.handleCancel}>
            ${this.t('new-session.cancel')}
          </button>
          <button
            type="submit"
            part="start"
            class="button primary"
            ?disabled=${!usable || this.pending}
          >
            ${this.pending ? this.t('new-session.starting') : this.t('new-session.start')}
          </button>
        </footer>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-new-session': LiveChatNewSession;
  }
}
