import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  MAX_MESSAGE_LENGTH,
  type ClientStatus,
  type ConnectionState,
  type ConversationState,
  type ErrorInfo,
  type LiveChatClient,
  type MessageView,
  type OutboxStorage,
  type SessionView,
} from '@live-chat/core';
import { channelIcon } from '../shared/channel-icon.js';
import { emit } from '../shared/events.js';
import { formatDate, formatDateTime, formatNumber, formatTime } from '../shared/format.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import { renderSafeText } from '../shared/safe-text.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { conversationStyles } from './conversation.styles.js';
import './conversation.messages.js';

/** Within this many pixels of the bottom the view counts as pinned to it. */
const PINNED_THRESHOLD = 32;
/** Within this many pixels of the top, scrolling loads the next older page. */
const LOAD_OLDER_THRESHOLD = 48;
/** The character count appears when a draft gets this close to the limit. */
const COUNT_VISIBLE_FROM = MAX_MESSAGE_LENGTH - 200;
/** How long a jumped-to message stays highlighted. */
const HIGHLIGHT_MS = 2500;
/** Delay before marking newly arrived messages read, so a burst costs one command. */
const MARK_READ_DELAY_MS = 400;

type ActionName = 'take' | 'return' | 'close';

type LogItem =
  { kind: 'day'; key: string; at: number } | { kind: 'message'; key: string; message: MessageView };

/** Stable key of a message across pending → sent (the server id replaces a local one). */
function messageKey(message: MessageView): string {
  return message.clientMessageId ?? message.id;
}

function dayOf(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/**
 * One session's conversation: header with the session's name, customer and status and its
 * actions (Take, Return to queue, Close session with a confirmation dialog), the message
 * history as a `role="log"` that loads older pages as the user scrolls up (without the view
 * jumping) and stays pinned to the bottom unless the user scrolled away, and a composer.
 *
 * Customer text is rendered as text: only http, https and mailto links become links.
 * Incoming messages never move focus.
 *
 * @summary The message history and composer of one session.
 *
 * @fires live-chat-session-closed - The user confirmed Close session and the session was closed. Detail: `{ sessionId }`.
 *
 * @csspart header - The header with the session's name, customer, status and actions.
 * @csspart session-name - The session's name (a heading).
 * @csspart meta - The line with the channel, customer and status.
 * @csspart customer - The customer's name in the header.
 * @csspart status - The session's status badge.
 * @csspart actions - The group of session action buttons.
 * @csspart take-button - Take (queued sessions).
 * @csspart return-button - Return to queue.
 * @csspart close-button - Close session.
 * @csspart action-error - An error from a session action.
 * @csspart log - The scrolling message history (`role="log"`).
 * @csspart load-older - The "Load older messages" button.
 * @csspart day - A day separator in the history.
 * @csspart message - One message (also `customer`, `operator` or `system`, and `pending` / `failed`).
 * @csspart author - A message's author.
 * @csspart time - A message's time.
 * @csspart channel-icon - The messenger icon beside customer messages and in the header.
 * @csspart text - A message's text.
 * @csspart link - A safe link inside a message's text.
 * @csspart delivery - The pending / not confirmed yet / failed line of an outgoing message.
 * @csspart outbox-notice - Shown when unsent messages cannot be saved across a reload.
 * @csspart retry-button - Retry a failed message.
 * @csspart discard-button - Discard a failed message.
 * @csspart new-messages - The "New messages ↓" button shown when the user scrolled up.
 * @csspart composer - The composer form.
 * @csspart composer-label - The composer's label.
 * @csspart composer-input - The composer's textarea.
 * @csspart send-button - The send button.
 * @csspart composer-hint - The note under the composer (offline, read-only, replying takes the session).
 * @csspart count - The character count near the limit.
 * @csspart composer-error - A validation or send error under the composer.
 * @csspart closed-note - The note that replaces the composer in a closed session.
 * @csspart confirm-dialog - The Close session confirmation dialog.
 * @csspart placeholder - The empty, loading, error and unavailable states.
 *
 * @cssprop --live-chat-conversation-background - Background of the pane (the surface background).
 * @cssprop --live-chat-conversation-customer-bubble - Background of customer messages (the surface colour).
 * @cssprop --live-chat-conversation-operator-bubble - Background of operator messages (the soft accent).
 * @cssprop --live-chat-conversation-bubble-radius - Corner radius of messages (`--live-chat-radius`).
 * @cssprop --live-chat-conversation-gap - Space between messages (`--live-chat-space`).
 */
@customElement('live-chat-conversation')
export class LiveChatConversation extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, conversationStyles];

  private readonly status = new ObserveController<ClientStatus>(this, { state: 'loading' });
  private readonly connection = new ObserveController<ConnectionState>(this, 'connecting');
  private readonly outboxStorage = new ObserveController<OutboxStorage>(this, 'memory');
  /** `null` until the session's first value arrives; `undefined` when unknown or not visible. */
  private readonly session = new ObserveController<SessionView | undefined | null>(this, null);
  private readonly conversation = new ObserveController<ConversationState | null>(this, null);

  @query('.log') private logElement?: HTMLElement;
  @query('textarea') private composerElement?: HTMLTextAreaElement;
  @query('dialog') private dialogElement?: HTMLDialogElement;
  @query('[part~="close-button"]') private closeButton?: HTMLButtonElement;
  @query('[part~="closed-note"]') private closedNote?: HTMLElement;

  @state() private composerError?: { sessionId: string; error: ErrorInfo };
  @state() private actionError?: { sessionId: string; error: ErrorInfo };
  @state() private busyAction?: ActionName;
  @state() private closeDialogError?: ErrorInfo;
  @state() private showNewIndicator = false;
  @state() private flashId?: string;

  /** Id of the session to show; nothing selected when empty. */
  @property({ attribute: 'session-id' })
  sessionId?: string;

  /**
   * Id of a message to jump to (e.g. a search hit): it is loaded if needed, scrolled into view
   * and highlighted briefly.
   */
  @property({ attribute: 'highlight-message-id' })
  highlightMessageId?: string;

  /**
   * Whether jumping to {@link highlightMessageId} also moves focus to the message. True by
   * default, because the workspace sets the id only when the user asked for the jump; set it to
   * false for programmatic highlights.
   */
  @property({ attribute: false })
  focusHighlight = true;

  /** Unsent drafts per session, so switching sessions loses nothing. */
  private readonly drafts = new Map<string, string>();
  private conversationSource?: {
    client: LiveChatClient;
    sessionId: string;
    source: ConversationStateSource;
  };
  // Scroll bookkeeping: what was rendered last time, and what to do after this render.
  private pinned = true;
  private renderedSessionId?: string;
  private renderedKeys: string[] = [];
  private scrollAction: 'bottom' | 'restore' | undefined;
  private distanceFromBottom = 0;
  private pendingHighlight?: string;
  private focusPendingHighlight = false;
  private highlightNow = false;
  private flashTimer?: ReturnType<typeof setTimeout>;
  private markReadTimer?: ReturnType<typeof setTimeout>;
  private markedReadKey?: string;
  private loadingOlder = false;
  private visibleInViewport = true;
  private intersectionObserver?: IntersectionObserver;
  private focusAfterUpdate?: 'composer' | 'log' | 'close-button' | 'closed-note';
  private closeConfirmed = false;
  private dialogSessionId?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    if (typeof IntersectionObserver !== 'undefined') {
      this.intersectionObserver = new IntersectionObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        this.visibleInViewport = entry.isIntersecting;
        this.scheduleMarkRead();
      });
      this.intersectionObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.intersectionObserver?.disconnect();
    this.intersectionObserver = undefined;
    clearTimeout(this.markReadTimer);
    clearTimeout(this.flashTimer);
    this.flashId = undefined;
  }

  private readonly onVisibilityChange = (): void => {
    this.scheduleMarkRead();
  };

  private onLogScroll(): void {
    const log = this.logElement;
    if (!log) return;
    this.pinned = log.scrollHeight - log.scrollTop - log.clientHeight <= PINNED_THRESHOLD;
    if (this.pinned && this.showNewIndicator) this.showNewIndicator = false;
    if (log.scrollTop <= LOAD_OLDER_THRESHOLD) void this.loadOlder();
  }

  private onLoadOlderClick(): void {
    void this.loadOlder(true);
  }

  private onNewMessagesClick(): void {
    const log = this.logElement;
    this.showNewIndicator = false;
    this.pinned = true;
    if (log) log.scrollTop = log.scrollHeight;
    // The button disappears: keep focus in the history the user asked to see.
    this.focusSoon('log');
  }

  private onComposerInput(event: Event): void {
    if (!this.sessionId) return;
    this.drafts.set(this.sessionId, (event.target as HTMLTextAreaElement).value);
    if (
      this.composerError?.sessionId === this.sessionId &&
      this.composerError.error.code === 'VALIDATION'
    ) {
      this.composerError = undefined;
    }
    this.requestUpdate();
  }

  private onComposerKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.altKey) return;
    event.preventDefault();
    void this.send();
  }

  private onComposerSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.send();
    this.composerElement?.focus();
  }

  private async onTake(): Promise<void> {
    const outcome = await this.runAction('take', (client, id) => client.take(id));
    if (outcome) this.focusSoon('composer');
  }

  private async onReturnToQueue(): Promise<void> {
    const outcome = await this.runAction('return', (client, id) => client.returnToQueue(id));
    if (outcome) this.focusSoon('log');
  }

  private onCloseClick(): void {
    if (this.busyAction) return;
    this.closeDialogError = undefined;
    const dialog = this.dialogElement;
    if (!dialog || dialog.open) return;
    this.dialogSessionId = this.sessionId;
    dialog.showModal();
    // The safe choice first: Cancel has focus when the dialog opens.
    dialog.querySelector<HTMLButtonElement>('[data-dialog-cancel]')?.focus();
  }

  private onDialogCancelClick(): void {
    this.dialogElement?.close();
  }

  /** Fired by Escape (native `cancel`) and by `close()`: focus returns to the opener unless the session closed. */
  private onDialogClose(): void {
    const confirmed = this.closeConfirmed;
    this.closeConfirmed = false;
    // Closed because another session was opened: focus stays where the user put it.
    if (this.dialogSessionId !== this.sessionId) return;
    this.focusSoon(confirmed ? 'closed-note' : 'close-button');
  }

  private async onDialogConfirm(): Promise<void> {
    const sessionId = this.sessionId;
    const client = this.client;
    if (!client || !sessionId || this.busyAction) return;
    this.busyAction = 'close';
    this.closeDialogError = undefined;
    const result = await client.close(sessionId);
    this.busyAction = undefined;
    if (!result.ok) {
      this.closeDialogError = result.error;
      return;
    }
    this.closeConfirmed = true;
    this.dialogElement?.close();
    emit(this, 'live-chat-session-closed', { sessionId });
  }

  private async onRetry(message: MessageView): Promise<void> {
    if (!this.client || !this.sessionId || !message.clientMessageId) return;
    this.pinned = true;
    // The Retry button goes away while the message is re-sent.
    this.focusSoon('composer');
    await this.client.retry(this.sessionId, message.clientMessageId);
  }

  private onDiscard(message: MessageView): void {
    if (!this.client || !this.sessionId || !message.clientMessageId) return;
    this.client.discard(this.sessionId, message.clientMessageId);
    // The focused button goes away with the message.
    this.focusSoon(this.composerElement && !this.composerElement.disabled ? 'composer' : 'log');
  }

  private onRetryLoad(): void {
    void this.loadOlder(true);
  }

  private async runAction(
    name: ActionName,
    command: (
      client: LiveChatClient,
      sessionId: string,
    ) => Promise<{ ok: boolean; error?: ErrorInfo }>,
  ): Promise<boolean> {
    const client = this.client;
    const sessionId = this.sessionId;
    if (!client || !sessionId || this.busyAction) return false;
    this.busyAction = name;
    this.actionError = undefined;
    const result = await command(client, sessionId);
    this.busyAction = undefined;
    if (!result.ok && result.error) {
      this.actionError = { sessionId, error: result.error };
      return false;
    }
    return true;
  }

  private async send(): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    if (!client || !sessionId || !client.canActOn(sessionId)) return;
    const text = this.drafts.get(sessionId) ?? '';
    this.composerError = undefined;
    this.drafts.set(sessionId, '');
    this.pinned = true;
    this.requestUpdate();
    const result = await client.send(sessionId, text);
    if (result.ok) return;
    const trimmed = text.trimEnd();
    const keptAsFailed =
      result.error.code !== 'VALIDATION' &&
      (this.conversation.value?.messages.some(
        (m) => m.delivery === 'failed' && m.text.trimEnd() === trimmed,
      ) ??
        false);
    if (keptAsFailed) return; // The log shows it with Retry and Discard.
    // Nothing is lost: the text goes back to the composer unless the user typed something new.
    if (!this.drafts.get(sessionId)) this.drafts.set(sessionId, text);
    this.composerError = { sessionId, error: result.error };
  }

  private async loadOlder(force = false): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    const conversation = this.conversation.value;
    if (!client || !sessionId || !conversation || conversation.sessionId !== sessionId) return;
    if (this.loadingOlder || conversation.loading) return;
    if (!conversation.hasMore && !(force && conversation.error)) return;
    if (conversation.error && !force) return;
    this.loadingOlder = true;
    try {
      await client.loadOlder(sessionId);
    } finally {
      this.loadingOlder = false;
    }
  }

  /** Marks the session read once the user can see its new messages (debounced; never in a hidden tab). */
  private scheduleMarkRead(): void {
    clearTimeout(this.markReadTimer);
    if (!this.readyToMarkRead()) return;
    this.markReadTimer = setTimeout(() => {
      const client = this.client;
      const view = this.session.value;
      if (!client || !view || !this.readyToMarkRead()) return;
      const key = `${view.session.id}:${view.session.lastMessageOrder}`;
      if (this.markedReadKey === key) return;
      this.markedReadKey = key;
      void client.markRead(view.session.id);
    }, MARK_READ_DELAY_MS);
  }

  private readyToMarkRead(): boolean {
    const view = this.session.value;
    const conversation = this.conversation.value;
    return (
      this.isConnected &&
      this.visibleInViewport &&
      document.visibilityState !== 'hidden' &&
      !!this.client &&
      !!view &&
      view.unread > 0 &&
      !!conversation &&
      conversation.sessionId === view.session.id &&
      !conversation.loading &&
      conversation.messages.length > 0
    );
  }

  private errorText(error: ErrorInfo): string {
    if (error.code === 'VALIDATION') {
      const limit = error.details?.['limit'];
      return typeof limit === 'number'
        ? this.t('conversation.errorCode.TOO_LONG', { limit: formatNumber(limit, this.locale) })
        : this.t('conversation.errorCode.EMPTY');
    }
    const key = `conversation.errorCode.${error.code}`;
    const text = this.t(key);
    return text === key ? error.message : text;
  }

  private authorName(message: MessageView): string {
    const client = this.client;
    const author = message.author;
    if (author.kind === 'system') return this.t('conversation.system');
    if (author.kind === 'customer') {
      const fromView = this.session.value?.customer;
      const customer =
        fromView?.id === author.customerId ? fromView : client?.getCustomer(author.customerId);
      return customer?.name ?? this.t('conversation.unknownCustomer');
    }
    const name = client?.getUser(author.userId)?.name ?? this.t('conversation.unknownOperator');
    return client?.me?.id === author.userId ? this.t('conversation.you', { name }) : name;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client;
    const sessionId = this.sessionId;
    if (changed.has('client') || changed.has('sessionId')) {
      this.status.observe(client?.status$);
      this.connection.observe(client?.connection$);
      this.outboxStorage.observe(client?.outboxStorage$);
      this.session.observe(client && sessionId ? client.session$(sessionId) : undefined);
    }
    if (changed.has('sessionId')) {
      this.pinned = true;
      this.showNewIndicator = false;
      this.flashId = undefined;
      this.renderedKeys = [];
      this.renderedSessionId = undefined;
      this.markedReadKey = undefined;
      this.closeDialogError = undefined;
      if (this.dialogElement?.open) this.dialogElement.close();
    }
    if (
      changed.has('highlightMessageId') ||
      (changed.has('sessionId') && this.highlightMessageId)
    ) {
      this.pendingHighlight = this.highlightMessageId || undefined;
      this.focusPendingHighlight = this.focusHighlight;
    }

    // The history is fetched only for a session the user can see.
    const view = this.session.value;
    if (client && sessionId && view) {
      const current = this.conversationSource;
      if (!current || current.client !== client || current.sessionId !== sessionId) {
        this.conversationSource = { client, sessionId, source: client.conversation$(sessionId) };
      }
      this.conversation.observe(this.conversationSource?.source);
    } else {
      this.conversationSource = undefined;
      this.conversation.observe(undefined);
    }

    this.planScroll();
    this.scheduleMarkRead();
  }

  /** Decides, before the DOM changes, how the history's scroll position follows this render. */
  private planScroll(): void {
    const conversation = this.conversation.value;
    const log = this.logElement;
    if (log) this.distanceFromBottom = log.scrollHeight - log.scrollTop;
    if (!conversation || conversation.sessionId !== this.sessionId) return;
    const messages = conversation.messages;
    const keys = messages.map(messageKey);
    const previous = this.renderedKeys;
    if (this.renderedSessionId !== this.sessionId || previous.length === 0) {
      this.scrollAction = 'bottom';
      this.pinned = true;
    } else {
      const previousSet = new Set(previous);
      const lastBefore = previous[previous.length - 1];
      const lastIndex = lastBefore === undefined ? -1 : keys.lastIndexOf(lastBefore);
      const appended =
        lastIndex >= 0
          ? messages.slice(lastIndex + 1).filter((m) => !previousSet.has(messageKey(m)))
          : [];
      const firstBefore = previous[0];
      const prepended =
        firstBefore !== undefined && keys[0] !== firstBefore && keys.includes(firstBefore);
      const mineAppended = appended.some((m) => m.delivery !== 'sent');
      if (mineAppended) this.pinned = true;
      if (this.pinned) {
        this.scrollAction = 'bottom';
      } else {
        // An older page went in above: keep what the user looks at in place. Changes below
        // (new messages, delivery states) leave the scroll position alone.
        this.scrollAction = prepended ? 'restore' : undefined;
        if (appended.length > 0) this.showNewIndicator = true;
      }
    }
    this.renderedKeys = keys;
    this.renderedSessionId = this.sessionId;

    const target = this.pendingHighlight;
    if (target && messages.some((m) => m.id === target)) {
      this.pendingHighlight = undefined;
      this.flashId = target;
      this.highlightNow = true;
      this.pinned = false;
      this.scrollAction = undefined;
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const log = this.logElement;
    if (log) {
      if (this.scrollAction === 'bottom') log.scrollTop = log.scrollHeight;
      else if (this.scrollAction === 'restore')
        log.scrollTop = log.scrollHeight - this.distanceFromBottom;
    }
    this.scrollAction = undefined;

    if (this.highlightNow && this.flashId) {
      this.highlightNow = false;
      const element = this.renderRoot.querySelector<HTMLElement>(
        `[data-message-id="${CSS.escape(this.flashId)}"]`,
      );
      if (element && log) {
        // Centre it in the history only (scrollIntoView would scroll the host page too).
        const offset = element.getBoundingClientRect().top - log.getBoundingClientRect().top;
        log.scrollTop += offset - (log.clientHeight - element.offsetHeight) / 2;
      }
      if (this.focusPendingHighlight) element?.focus({ preventScroll: true });
      if (log)
        this.pinned = log.scrollHeight - log.scrollTop - log.clientHeight <= PINNED_THRESHOLD;
      clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => (this.flashId = undefined), HIGHLIGHT_MS);
    }

    this.applyFocusAfterUpdate();

    const conversation = this.conversation.value;
    if (
      log &&
      conversation &&
      conversation.sessionId === this.sessionId &&
      conversation.hasMore &&
      !conversation.loading &&
      !conversation.error
    ) {
      // A jump target older than what is loaded: fetch pages until it appears.
      const needsTarget = this.pendingHighlight !== undefined;
      // A first page shorter than the pane: fill it, so scrolling up can load the rest.
      const underfilled = log.clientHeight > 0 && log.scrollHeight <= log.clientHeight;
      // After this update, not inside it: loading changes state and schedules the next render.
      if (needsTarget || underfilled) queueMicrotask(() => void this.loadOlder());
    }
  }

  /** Moves focus to `target` once the next render is on screen (and makes sure one happens). */
  private focusSoon(target: 'composer' | 'log' | 'close-button' | 'closed-note'): void {
    this.focusAfterUpdate = target;
    this.requestUpdate();
  }

  private applyFocusAfterUpdate(): void {
    const target = this.focusAfterUpdate;
    if (!target) return;
    // The note appears when the closed session arrives; wait for it rather than lose focus.
    if (
      target === 'closed-note' &&
      !this.closedNote &&
      this.session.value?.session.status !== 'closed' &&
      this.session.value
    )
      return;
    this.focusAfterUpdate = undefined;
    const element =
      target === 'composer'
        ? this.composerElement && !this.composerElement.disabled
          ? this.composerElement
          : this.logElement
        : target === 'close-button'
          ? (this.closeButton ?? this.logElement)
          : target === 'closed-note'
            ? (this.closedNote ?? this.logElement)
            : this.logElement;
    element?.focus();
  }

  private renderPlaceholder(content: TemplateResult): TemplateResult {
    return html`<div class="placeholder" part="placeholder">${content}</div>`;
  }

  private renderHeader(view: SessionView, client: LiveChatClient): TemplateResult {
    const session = view.session;
    const canAct = client.canActOn(session.id);
    const statusText = this.t(`conversation.status.${session.status}`);
    const customerName = view.customer?.name ?? this.t('conversation.unknownCustomer');
    const error = this.actionError?.sessionId === session.id ? this.actionError.error : undefined;
    // Busy buttons stay focusable (aria-disabled, clicks ignored) so focus survives a running command.
    const busy = this.busyAction !== undefined;
    return html`
      <header part="header">
        <div class="title">
          <h2 id="session-title" part="session-name">${session.name}</h2>
          <div class="meta" part="meta">
            ${channelIcon(session.channel)}
            <span part="customer"
              >${this.t('conversation.customerLabel', { name: customerName })}</span
            >
            <span class="status ${session.status}" part="status"
              >${this.t('conversation.statusLabel', { status: statusText })}</span
            >
          </div>
        </div>
        ${
          canAct && session.status !== 'closed'
            ? html`<div
                class="actions"
                part="actions"
                role="group"
                aria-label=${this.t('conversation.actions')}
              >
                ${
                  session.status === 'queued'
                    ? html`<button
                        class="button primary"
                        part="take-button"
                        type="button"
                        aria-disabled=${busy ? 'true' : 'false'}
                        @click=${this.onTake}
                      >
                        ${this.t('conversation.take')}
                      </button>`
                    : nothing
                }
                ${
                  session.status === 'active'
                    ? html`<button
                        class="button"
                        part="return-button"
                        type="button"
                        aria-disabled=${busy ? 'true' : 'false'}
                        @click=${this.onReturnToQueue}
                      >
                        ${this.t('conversation.returnToQueue')}
                      </button>`
                    : nothing
                }
                <button
                  class="button danger"
                  part="close-button"
                  type="button"
                  aria-haspopup="dialog"
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${this.onCloseClick}
                >
                  ${this.t('conversation.close')}
                </button>
              </div>`
            : nothing
        }
      </header>
      ${error ? html`<p class="notice error" part="action-error" role="alert">${this.errorText(error)}</p>` : nothing}
    `;
  }

  private renderHistory(view: SessionView): TemplateResult {
    const conversation = this.conversation.value;
    const ready =
      conversation && conversation.sessionId === view.session.id ? conversation : undefined;
    if (!ready || (ready.messages.length === 0 && ready.loading)) {
      return html`<div class="placeholder" part="placeholder">
        <p role="status">${this.t('conversation.loading')}</p>
      </div>`;
    }
    if (ready.messages.length === 0 && ready.error) {
      return html`<div class="placeholder" part="placeholder">
        <h2>${this.t('conversation.error.title')}</h2>
        <p role="alert">${this.errorText(ready.error)}</p>
        <button class="button" type="button" @click=${this.onRetryLoad}>
          ${this.t('conversation.retry')}
        </button>
      </div>`;
    }
    return html`
      <div class="log-wrap">
        <div
          class="log"
          part="log"
          role="log"
          aria-live="polite"
          aria-relevant="additions"
          aria-label=${this.t('conversation.log')}
          aria-busy=${ready.loading ? 'true' : 'false'}
          tabindex="0"
          @scroll=${this.onLogScroll}
        >
          <div class="log-top">${this.renderLogTop(ready)}</div>
          ${ready.messages.length === 0 ? html`<p class="day">${this.t('conversation.noMessages')}</p>` : nothing}
          ${repeat(
            this.logItems(ready.messages),
            (item) => item.key,
            (item) =>
              item.kind === 'day'
                ? html`<p class="day" part="day">${formatDate(item.at, this.locale)}</p>`
                : this.renderMessage(item.message),
          )}
        </div>
        ${
          this.showNewIndicator
            ? html`<button
                class="button primary new-messages"
                part="new-messages"
                type="button"
                @click=${this.onNewMessagesClick}
              >
                ${this.t('conversation.newMessages')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private renderLogTop(conversation: ConversationState): TemplateResult | typeof nothing {
    if (conversation.loading) return html`<span>${this.t('conversation.loadingOlder')}</span>`;
    if (conversation.error) {
      return html`<span class="field-error" role="alert"
          >${this.errorText(conversation.error)}</span
        >
        <button class="button" part="load-older" type="button" @click=${this.onRetryLoad}>
          ${this.t('conversation.retry')}
        </button>`;
    }
    if (conversation.hasMore) {
      return html`<button
        class="button"
        part="load-older"
        type="button"
        @click=${this.onLoadOlderClick}
      >
        ${this.t('conversation.loadOlder')}
      </button>`;
    }
    return conversation.messages.length > 0
      ? html`<span>${this.t('conversation.beginning')}</span>`
      : nothing;
  }

  private logItems(messages: readonly MessageView[]): LogItem[] {
    const items: LogItem[] = [];
    let day: string | undefined;
    for (const message of messages) {
      const thisDay = dayOf(message.sentAt);
      if (thisDay !== day) {
        day = thisDay;
        items.push({ kind: 'day', key: `day:${thisDay}`, at: message.sentAt });
      }
      items.push({ kind: 'message', key: messageKey(message), message });
    }
    return items;
  }

  private renderMessage(message: MessageView): TemplateResult {
    const kind = message.author.kind;
    const classes = {
      message: true,
      [kind]: true,
      pending: message.delivery === 'pending' || message.delivery === 'unconfirmed',
      failed: message.delivery === 'failed',
      highlighted: this.flashId === message.id,
    };
    const partName = `message ${kind}${message.delivery === 'sent' ? '' : ` ${message.delivery}`}`;
    return html`
      <article
        class=${classMap(classes)}
        part=${partName}
        data-message-id=${message.id}
        tabindex="-1"
      >
        <div class="message-head">
          <span class="author" part="author">${this.authorName(message)}</span>
          <time
            part="time"
            datetime=${new Date(message.sentAt).toISOString()}
            title=${formatDateTime(message.sentAt, this.locale)}
          >
            ${formatTime(message.sentAt, this.locale)}
          </time>
          ${kind === 'customer' ? channelIcon(message.channel) : nothing}
        </div>
        <p class="text" part="text">${renderSafeText(message.text)}</p>
        ${this.renderDelivery(message)}
      </article>
    `;
  }

  private renderDelivery(message: MessageView): TemplateResult | typeof nothing {
    if (message.delivery === 'pending') {
      return html`<div class="delivery" part="delivery">${this.t('conversation.pending')}</div>`;
    }
    if (message.delivery === 'unconfirmed') {
      return html`<div class="delivery" part="delivery">
        ${this.t('conversation.unconfirmed')}
      </div>`;
    }
    if (message.delivery === 'failed') {
      const reason = message.error ? this.errorText(message.error) : '';
      return html`<div class="delivery failed" part="delivery">
        <span>${this.t('conversation.failed', { error: reason })}</span>
        <button
          class="button"
          part="retry-button"
          type="button"
          @click=${() => this.onRetry(message)}
        >
          ${this.t('conversation.retrySend')}
        </button>
        <button
          class="button"
          part="discard-button"
          type="button"
          @click=${() => this.onDiscard(message)}
        >
          ${this.t('conversation.discard')}
        </button>
      </div>`;
    }
    return nothing;
  }

  private renderComposer(view: SessionView, client: LiveChatClient): TemplateResult {
    const session = view.session;
    if (session.status === 'closed') {
      return html`<p class="closed-note" part="closed-note" tabindex="-1">
        ${this.t('conversation.composer.closed')}
      </p>`;
    }
    const canAct = client.canActOn(session.id);
    const draft = this.drafts.get(session.id) ?? '';
    const length = draft.trimEnd().length;
    const over = length > MAX_MESSAGE_LENGTH;
    const error =
      this.composerError?.sessionId === session.id ? this.composerError.error : undefined;
    const offline = ['offline', 'failed'].includes(this.connection.value);
    const hint = !canAct
      ? this.t('conversation.composer.readOnly')
      : offline
        ? this.t('conversation.composer.offline')
        : session.status === 'queued'
          ? this.t('conversation.composer.takesSession')
          : '';
    const showCount = length >= COUNT_VISIBLE_FROM;
    const describedBy = [
      hint ? 'composer-hint' : '',
      showCount ? 'composer-count' : '',
      error ? 'composer-error' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const outboxNotice =
      this.outboxStorage.value === 'unavailable'
        ? html`<p class="notice" part="outbox-notice" role="status">
            ${this.t('conversation.outboxUnavailable')}
          </p>`
        : nothing;
    return html`
      ${outboxNotice}
      <form class="composer" part="composer" @submit=${this.onComposerSubmit}>
        <label class="composer-label" part="composer-label" for="composer-input"
          >${this.t('conversation.composer.label')}</label
        >
        <div class="composer-row">
          <textarea
            id="composer-input"
            part="composer-input"
            rows="2"
            .value=${live(draft)}
            ?disabled=${!canAct}
            placeholder=${this.t('conversation.composer.placeholder')}
            aria-describedby=${describedBy || nothing}
            aria-invalid=${over || error?.code === 'VALIDATION' ? 'true' : 'false'}
            @input=${this.onComposerInput}
            @keydown=${this.onComposerKeydown}
          ></textarea>
          <button class="button primary" part="send-button" type="submit" ?disabled=${!canAct}>
            ${this.t('conversation.composer.send')}
          </button>
        </div>
        ${
          hint || showCount
            ? html`<div class="composer-foot">
                ${
                  hint
                    ? html`<span
                        id="composer-hint"
                        part="composer-hint"
                        class=${offline && canAct ? 'offline' : ''}
                        >${hint}</span
                      >`
                    : html`<span></span>`
                }
                ${
                  showCount
                    ? html`<span
                        id="composer-count"
                        part="count"
                        class=${classMap({ count: true, over })}
                      >
                        ${this.t('conversation.composer.count', {
                          count: formatNumber(length, this.locale),
                          limit: formatNumber(MAX_MESSAGE_LENGTH, this.locale),
                        })}${
                          over
                            ? html` —
                              ${this.t('conversation.composer.tooLong', {
                                count: length - MAX_MESSAGE_LENGTH,
                              })}`
                            : nothing
                        }
                      </span>`
                    : nothing
                }
              </div>`
            : nothing
        }
        ${
          error
            ? html`<p id="composer-error" class="field-error" part="composer-error" role="alert">
                ${this.errorText(error)}
              </p>`
            : nothing
        }
      </form>
    `;
  }

  private renderCloseDialog(): TemplateResult {
    const busy = this.busyAction === 'close';
    return html`
      <dialog
        part="confirm-dialog"
        aria-labelledby="close-dialog-title"
        aria-describedby="close-dialog-text"
        @close=${this.onDialogClose}
      >
        <h2 id="close-dialog-title">${this.t('conversation.closeDialog.title')}</h2>
        <p id="close-dialog-text">${this.t('conversation.closeDialog.text')}</p>
        ${
          this.closeDialogError
            ? html`<p class="field-error" role="alert">${this.errorText(this.closeDialogError)}</p>`
            : nothing
        }
        <div class="dialog-actions">
          <button
            class="button"
            type="button"
            data-dialog-cancel
            @click=${this.onDialogCancelClick}
          >
            ${this.t('conversation.closeDialog.cancel')}
          </button>
          <button
            class="button primary"
            type="button"
            data-dialog-confirm
            aria-busy=${busy ? 'true' : 'false'}
            @click=${this.onDialogConfirm}
          >
            ${this.t('conversation.closeDialog.confirm')}
          </button>
        </div>
      </dialog>
    `;
  }

  override render(): TemplateResult {
    const client = this.client;
    const sessionId = this.sessionId;
    if (!sessionId || !client) {
      return this.renderPlaceholder(
        html`<h2>${this.t('conversation.empty.title')}</h2>
          <p>${this.t('conversation.empty.hint')}</p>`,
      );
    }
    const status = this.status.value;
    if (status.state === 'error') {
      return this.renderPlaceholder(
        html`<h2>${this.t('conversation.error.title')}</h2>
          <p role="alert">${this.errorText(status.error)}</p>`,
      );
    }
    const view = this.session.value;
    if (status.state === 'loading' || view === null) {
      return this.renderPlaceholder(html`<p role="status">${this.t('conversation.loading')}</p>`);
    }
    if (view === undefined) {
      return this.renderPlaceholder(
        html`<h2>${this.t('conversation.unavailable.title')}</h2>
          <p>${this.t('conversation.unavailable.text')}</p>`,
      );
    }
    return html`
      ${this.renderHeader(view, client)} ${this.renderHistory(view)}
      ${this.renderComposer(view, client)} ${this.renderCloseDialog()}
    `;
  }
}

type ConversationStateSource = ReturnType<LiveChatClient['conversation$']>;

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-conversation': LiveChatConversation;
  }
  interface HTMLElementEventMap {
    'live-chat-session-closed': CustomEvent<{ sessionId: string }>;
  }
}
