import { html, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { LiveChatClient, MessageView, SessionView } from '@live-chat/core';
import '../composer/composer.js';
import type { LiveChatComposer } from '../composer/composer.js';
import { FocusAfterUpdateController, type Focusable } from '../controllers/focus-after-update.js';
import { MarkReadController } from '../controllers/mark-read.js';
import { ScrollPinController } from '../controllers/scroll-pin.js';
import { StreamController } from '../controllers/stream-controller.js';
import { renderPlaceholder, SessionPaneElement } from '../shared/session-pane.js';
import { placeholderStyles } from '../styles/placeholder.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { conversationStyles } from './conversation.styles.js';
import { renderHandover } from './handover.js';
import { SessionGoneController } from './session-gone.js';
import type { TakeLostDetail } from '../events/take-lost.js';
import { LogWindowController } from './log-window.js';
import { MessageJumpController } from './message-jump.js';
import { MessageBinding } from './message-binding.js';
import { messageKey, renderMessageLog, type MessageLogActions } from './message-log.js';
import { SessionActionsController, type ActionFocusTarget } from './session-actions.js';
import { renderCloseDialog, renderSessionHeader } from './session-header.js';
import { shortcutKeysContext, type ShortcutKeys } from '../shortcuts/shortcut-keys-context.js';
import './conversation.messages.js';

/** Within this many pixels of the top, scrolling loads the next older page. */
const LOAD_OLDER_THRESHOLD = 48;

/** The composer's parts, re-exported under the same names. */
const COMPOSER_PARTS =
  'composer, composer-label, composer-input, send-button, composer-hint, count, composer-error, outbox-notice, closed-note, attach-button, attach-limits, attach-list, attachment-chip, attachment-state, remove-attachment, attach-notice, drop-hint';

/**
 * One session's conversation: header with the session's name, customer and status and its
 * actions (Take, Return to queue, Close session with a confirmation dialog), the message
 * history as a `role="log"` that loads older pages as the user scrolls up (without the view
 * jumping) and stays pinned to the bottom unless the user scrolled away, and a
 * `<live-chat-composer>` (its parts are re-exported under their own names).
 *
 * Customer text is rendered as text: only http, https and mailto links become links. Files are
 * `<live-chat-attachment>`s; "Vera Quinn is typing…" shows under the history while she types.
 * Incoming messages never move focus. The session is marked read while the conversation is on
 * screen, in a visible document, with its newest messages scrolled into view.
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
 * @csspart message - One message (also `customer`, `operator` or `system`, and `pending` / `unconfirmed` / `failed`).
 * @csspart author - A message's author.
 * @csspart time - A message's time.
 * @csspart channel-icon - The messenger icon beside customer messages and in the header.
 * @csspart text - A message's text.
 * @csspart attachments - The files of a message; each `<live-chat-attachment>` re-exports `attachment-preview`, `attachment-image`, `attachment-status`, `attachment-retry`, `attachment-download` and `attachment-download-status`.
 * @csspart typing - "… is typing…" under the history (a polite live region).
 * @csspart link - A safe link inside a message's text.
 * @csspart delivery - The pending / not confirmed yet / failed line of an outgoing message.
 * @csspart channel-delivery - Whether an operator message reached the customer through its channel (sent, delivered, or failed with the reason).
 * @csspart retry-button - Retry a failed message.
 * @csspart discard-button - Discard a failed message.
 * @csspart new-messages - The "New messages ↓" button shown when the user scrolled up.
 * @csspart outbox-notice - Shown when unsent messages cannot be saved across a reload (from the composer).
 * @csspart composer - The composer form (from the composer).
 * @csspart composer-label - The composer's label (from the composer).
 * @csspart composer-input - The composer's textarea (from the composer).
 * @csspart send-button - The send button (from the composer).
 * @csspart composer-hint - The note under the composer: offline, read-only, replying takes the session (from the composer).
 * @csspart count - The character count near the limit (from the composer).
 * @csspart composer-error - A validation or send error under the composer (from the composer).
 * @csspart closed-note - The note that replaces the composer in a closed session (from the composer).
 * @csspart attach-button - Attach files, with `attach-limits`, `attach-list`, `attachment-chip`, `attachment-state`, `remove-attachment`, `attach-notice` and `drop-hint` (from the composer).
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
export class LiveChatConversation extends SessionPaneElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, placeholderStyles, conversationStyles];

  /** @internal */
  protected readonly pane = 'conversation';
  /** The history is fetched only for a session the user can see. */
  private readonly conversation = new StreamController(
    this,
    () => [this.client, this.sessionId, !!this.session.value] as const,
    (client, id, visible) => (client && id && visible ? client.conversation$(id) : undefined),
    null,
  );
  private readonly scrollPin = new ScrollPinController(this, {
    container: () => this.logElement,
    list: () => {
      const messages = this.currentConversation()?.messages;
      if (!messages || !this.sessionId) return undefined;
      const ownUnsent = new Set(messages.filter((m) => m.delivery !== 'sent').map(messageKey));
      return {
        id: this.sessionId,
        keys: messages.map(messageKey),
        pinsWhenAppended: (key) => ownUnsent.has(key),
      };
    },
  });
  /** After the scroll keeper and before the jump: it keeps the entry in view in place. */
  private readonly logWindow = new LogWindowController(this, {
    container: () => this.logElement,
    pinned: () => this.scrollPin.pinned,
    jumpTarget: () => this.jump.highlightedId,
  });
  private readonly jump = new MessageJumpController(this, {
    container: () => this.logElement,
    messageElement: (id) =>
      this.renderRoot.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"]`),
    messages: () => this.currentConversation()?.messages,
    scrollPin: this.scrollPin,
  });
  /** After the scroll keeper and the jump, so it sees where the history ended up. */
  private readonly markRead = new MarkReadController(this, {
    seesNewest: () => this.scrollPin.pinned,
    target: () => {
      const client = this.client;
      const view = this.session.value;
      const conversation = this.currentConversation();
      if (!client || !view || view.unread === 0 || !conversation) return undefined;
      if (conversation.loading || conversation.messages.length === 0) return undefined;
      const sessionId = view.session.id;
      return {
        key: `${sessionId}:${view.session.lastMessageOrder}`,
        markRead: () => client.markRead(sessionId),
      };
    },
  });
  private readonly focusAfterUpdate = new FocusAfterUpdateController(this);
  /** What the user sees when the session leaves their view: who took it, their kept draft. */
  private readonly gone = new SessionGoneController(this, {
    t: (key, params) => this.t(key, params),
    draft: (sessionId) => this.drafts.get(sessionId) ?? '',
    focusTitle: () =>
      this.focusAfterUpdate.focus(() => this.goneTitle, { until: () => !this.session.value }),
  });
  private readonly actions = new SessionActionsController(this, {
    client: () => this.client,
    sessionId: () => this.sessionId,
    dialog: () => this.dialogElement,
    focus: (target) => this.focusSoon(target),
    takeLost: this.gone.takeLost,
  });

  @query('.log') private logElement?: HTMLElement;
  @query('live-chat-composer') private composerElement?: LiveChatComposer;
  @query('dialog') private dialogElement?: HTMLDialogElement;
  @query('[part~="close-button"]') private closeButton?: HTMLButtonElement;
  @query('#session-title') private heading?: HTMLElement;
  @query('#gone-title') private goneTitle?: HTMLElement;

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

  /** Unsent drafts per session, kept here so they outlive the composer element. */
  private readonly drafts = new Map<string, string>();
  /** The workspace's shortcuts: Close session names its key. */
  @consume({ context: shortcutKeysContext, subscribe: true })
  @state()
  private shortcutKeys?: ShortcutKeys;
  private loadingOlder = false;

  private readonly binding = new MessageBinding(this, () => this.currentConversation()?.messages);
  private readonly logActions: MessageLogActions = {
    ...this.binding.actions,
    scroll: () => this.onLogScroll(),
    loadOlder: () => void this.loadOlder(true),
    retryLoad: () => void this.loadOlder(true),
    retry: (message) => void this.onRetry(message),
    discard: (message) => this.onDiscard(message),
    showNewMessages: () => this.onNewMessagesClick(),
  };
  /**
   * Moves focus to where the user answers, once the session is shown: the reply field when
   * they may write in the session, else the session's heading (a closed session, or one the
   * user may only read).
   */
  focusReply(): void {
    this.focusAfterUpdate.focusWhenRendered(
      () => (this.composerElement?.acceptsInput ? this.composerElement : this.heading),
      { until: () => this.session.value !== null && this.status.value.state !== 'loading' },
    );
  }

  /** Also waits for the composer, so a test or host sees the whole conversation rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.composerElement?.updateComplete;
    return done;
  }

  private onLogScroll(): void {
    this.scrollPin.handleScroll();
    const log = this.logElement;
    if (log && log.scrollTop <= LOAD_OLDER_THRESHOLD) void this.loadOlder();
  }

  private onNewMessagesClick(): void {
    this.scrollPin.pin();
    // The button disappears: keep focus in the history the user asked to see.
    this.focusSoon('log');
  }

  private async onRetry(message: MessageView): Promise<void> {
    if (!this.client || !this.sessionId || !message.clientMessageId) return;
    this.scrollPin.pin();
    this.focusSoon('composer'); // The Retry button goes away while the message is re-sent.
    await this.client.retry(this.sessionId, message.clientMessageId);
  }

  private onDiscard(message: MessageView): void {
    if (!this.client || !this.sessionId || !message.clientMessageId) return;
    this.client.discard(this.sessionId, message.clientMessageId);
    this.focusSoon('composer'); // The focused button goes away with the message.
  }

  private async loadOlder(force = false): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    const conversation = this.currentConversation();
    if (!client || !sessionId || !conversation || this.loadingOlder || conversation.loading) return;
    if (conversation.error ? !force : !conversation.hasMore) return;
    this.loadingOlder = true;
    try {
      await client.loadOlder(sessionId);
    } finally {
      this.loadingOlder = false;
      // The page may have rendered before this: updated() looks again whether a jump or an
      // underfilled pane wants the next one.
      this.requestUpdate();
    }
  }

  /** The conversation of the session shown, once it has arrived. */
  private currentConversation() {
    const conversation = this.conversation.value;
    return conversation && conversation.sessionId === this.sessionId ? conversation : undefined;
  }

  /** Moves focus once the next render is on screen (the target may appear only then). */
  private focusSoon(target: ActionFocusTarget): void {
    const log = () => this.logElement;
    const composer = () => this.composerElement;
    const find: Record<typeof target, () => Focusable | null | undefined> = {
      composer: () => (composer()?.acceptsInput ? composer() : log()),
      log,
      'close-button': () => this.closeButton ?? log(),
      'closed-note': () => composer() ?? log(),
    };
    // The note appears when the closed session arrives; wait for it rather than lose focus.
    const until = () => !this.session.value || this.session.value.session.status === 'closed';
    this.focusAfterUpdate.focus(find[target], target === 'closed-note' ? { until } : {});
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId')) {
      this.scrollPin.reset();
      this.jump.clear();
      this.actions.sessionChanged();
    }
    if (
      changed.has('highlightMessageId') ||
      (changed.has('sessionId') && this.highlightMessageId)
    ) {
      this.jump.jumpTo(this.highlightMessageId, { focus: this.focusHighlight });
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const log = this.logElement;
    const conversation = this.currentConversation();
    if (log && conversation?.hasMore && !conversation.loading && !conversation.error) {
      // A first page shorter than the pane: fill it, so scrolling up can load the rest.
      const underfilled = log.clientHeight > 0 && log.scrollHeight <= log.clientHeight;
      // A jump target older than what is loaded: fetch pages until it appears. After this
      // update, not inside it: loading changes state and schedules the next render.
      if (this.jump.waiting || underfilled) queueMicrotask(() => void this.loadOlder());
    }
  }

  /**
   * When the session has left the user's view: why, if the user's own action tells (a take
   * they lost, a reassignment they made), and the draft they had written, instead of the bare
   * "not available".
   */
  override render(): TemplateResult {
    const state = this.status.value.state;
    const gone =
      this.client &&
      this.sessionId &&
      state !== 'loading' &&
      state !== 'error' &&
      this.session.value === undefined
        ? this.gone.render((key, params) => this.tIsolated(key, params))
        : undefined;
    return gone ?? super.render();
  }

  /** @internal */
  protected override renderSession(
    view: SessionView,
    client: LiveChatClient,
    sessionId: string,
  ): TemplateResult {
    const conversation = this.currentConversation();
    const t = this.t.bind(this);
    this.gone.shown(sessionId);
    return html`
      ${renderSessionHeader(
        {
          view,
          canAct: client.canActOn(sessionId),
          closeKeys: this.shortcutKeys?.keys.close,
          busy: this.actions.busyAction !== undefined,
          error: this.actions.error,
          locale: this.locale,
          t,
        },
        this.actions,
      )}
      ${renderHandover(view.session.handover, client, this.locale, t)}
      ${
        conversation
          ? renderMessageLog(
              {
                conversation,
                locale: this.locale,
                theme: this.theme,
                t,
                client,
                customer: view.customer,
                flashId: this.jump.highlightedId,
                showNewMessages: this.scrollPin.unseenBelow,
                canBind: this.binding.enabled,
              },
              this.logActions,
              this.logWindow,
            )
          : renderPlaceholder(html`<p role="status">${this.t('conversation.loading')}</p>`)
      }
      <live-chat-composer
        exportparts=${COMPOSER_PARTS}
        .client=${client}
        .sessionId=${sessionId}
        .drafts=${this.drafts}
        .locale=${this.locale}
        theme=${this.theme}
        @live-chat-send=${() => this.scrollPin.pin()}
        @live-chat-take-lost=${(event: CustomEvent<TakeLostDetail>) => this.gone.takeLost(event.detail)}
      ></live-chat-composer>
      ${renderCloseDialog(
        {
          busy: this.actions.busyAction === 'close',
          error: this.actions.closeError,
          locale: this.locale,
          t,
        },
        this.actions,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-conversation': LiveChatConversation;
  }
}
