import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ConversationState, Customer, LiveChatClient, MessageView } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { renderBindButton } from './message-binding.js';
import { channelIcon } from '../shared/channel-icon.js';
import { formatDate, formatDateTime, formatTime } from '../shared/format.js';
import { renderSafeText } from '../shared/safe-text.js';
import { isolated, isolatedMessage } from '../shared/untrusted-text.js';
import { errorText } from '../shared/error-text.js';
import { styleProperties } from '../shared/style-properties.js';
import { loadOnDemand } from '../shared/on-demand.js';
import { splitMentions } from '../composer/mentions.js';
import { logItems, messageKey, type LogItem } from './log-items.js';
import type { LogWindow } from './log-window.js';
import './typing-indicator.js';

export { messageKey };

/**
 * The message log of a conversation, as templates: the `role="log"` history with its day
 * separators, "Load older messages", each message with its author, time, messenger icon and
 * text, the delivery line of outgoing messages (Sending…, Not confirmed yet, Not sent with
 * Retry and Discard), the files a message carries, the "New messages" button and, under the
 * history, whether the customer is typing. It holds no state: the conversation
 * element passes what to show and what to call, and the window of entries to render (see
 * `log-window.ts`), so a long history keeps the DOM bounded.
 */

/** What the log shows. */
export interface MessageLogView {
  conversation: ConversationState;
  locale: string;
  /** The colour theme, for the elements inside. */
  theme: 'light' | 'dark';
  t: Translate;
  /** Names authors: operators from its directory, the signed-in user as "(you)". */
  client: LiveChatClient;
  /** The session's customer, as the session view has it. */
  customer?: Customer;
  /** The message shown highlighted (a jump target). */
  flashId?: string;
  /** Whether to offer "New messages ↓" (messages arrived below while the user scrolled up). */
  showNewMessages: boolean;
  /** Whether sent messages offer "Bind" (see `message-binding.ts`). */
  canBind?: boolean;
}

/** What the log's controls call. */
export interface MessageLogActions {
  scroll: () => void;
  loadOlder: () => void;
  retryLoad: () => void;
  retry: (message: MessageView) => void;
  discard: (message: MessageView) => void;
  showNewMessages: () => void;
  /** Asks to bind one message to a host record. */
  bind?: (message: MessageView) => void;
  /** A key in the history (moving between messages while they may be bound). */
  keydown?: (event: KeyboardEvent) => void;
}

/** The name of a message's author as it came from the directory, or undefined. */
function authorOwnName(message: MessageView, view: MessageLogView): string | undefined {
  const { client } = view;
  const author = message.author;
  if (author.kind === 'system') return undefined;
  if (author.kind === 'customer') {
    const customer =
      view.customer?.id === author.customerId
        ? view.customer
        : client.getCustomer(author.customerId);
    return customer?.name;
  }
  return client.getUser(author.userId)?.name;
}

/** The author line of a message: the author's name isolated, "(you)" on the user's own. */
function renderAuthor(message: MessageView, view: MessageLogView): Array<string | TemplateResult> {
  const { client, t } = view;
  const author = message.author;
  if (author.kind === 'system') return [t('conversation.system')];
  const name =
    authorOwnName(message, view) ??
    t(author.kind === 'customer' ? 'conversation.unknownCustomer' : 'conversation.unknownOperator');
  return author.kind === 'operator' && client.me?.id === author.userId
    ? isolatedMessage(t, 'conversation.you', { name })
    : [isolated(name)];
}

/**
 * An empty block standing for `height` px of entries not rendered. Entries carry
 * `data-log-key` and spacers `data-log-spacer`: the log window finds them by these.
 */
function renderSpacer(height: number): TemplateResult | typeof nothing {
  return height > 0
    ? html`<div
        data-log-spacer
        aria-hidden="true"
        ${styleProperties({ height: `${height}px`, 'flex-shrink': '0' })}
      ></div>`
    : nothing;
}

function renderItem(
  item: LogItem,
  view: MessageLogView,
  actions: MessageLogActions,
): TemplateResult {
  return item.kind === 'day'
    ? html`<p class="day" part="day" data-log-key=${item.key}>
        ${formatDate(item.at, view.locale)}
      </p>`
    : renderMessage(item.message, view, actions);
}

/**
 * The history, or its loading or error placeholder while it has no message to show; `window`
 * says which entries of a long history are rendered.
 */
export function renderMessageLog(
  view: MessageLogView,
  actions: MessageLogActions,
  window: LogWindow,
): TemplateResult {
  const { conversation, t } = view;
  if (conversation.messages.length === 0 && conversation.loading) {
    return html`<div class="placeholder" part="placeholder">
      <p role="status">${t('conversation.loading')}</p>
    </div>`;
  }
  if (conversation.messages.length === 0 && conversation.error) {
    return html`<div class="placeholder" part="placeholder">
      <h2>${t('conversation.error.title')}</h2>
      <p role="alert">${errorText(conversation.error, view.locale)}</p>
      <button class="button" type="button" @click=${actions.retryLoad}>
        ${t('conversation.retry')}
      </button>
    </div>`;
  }
  const items = logItems(conversation.messages);
  const slice = window.range(conversation.sessionId, items);
  return html`
    <div class="log-wrap">
      <div
        class="log"
        part="log"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label=${t('conversation.log')}
        aria-busy=${conversation.loading ? 'true' : 'false'}
        aria-describedby=${view.canBind ? 'bind-hint' : nothing}
        tabindex="0"
        @scroll=${actions.scroll}
        @keydown=${actions.keydown}
      >
        ${
          view.canBind
            ? html`<span id="bind-hint" class="visually-hidden"
                >${t('conversation.bindMessage.keys')}</span
              >`
            : nothing
        }
        <div class="log-top">${renderLogTop(view, actions)}</div>
        ${
          conversation.messages.length === 0
            ? html`<p class="day">${t('conversation.noMessages')}</p>`
            : nothing
        }
        ${renderSpacer(slice.above)}
        ${repeat(
          items.slice(slice.start, slice.end),
          (item) => item.key,
          (item) => renderItem(item, view, actions),
        )}
        ${renderSpacer(slice.below)}
      </div>
      ${
        view.showNewMessages
          ? html`<button
              class="button primary new-messages"
              part="new-messages"
              type="button"
              @click=${actions.showNewMessages}
            >
              ${t('conversation.newMessages')}
            </button>`
          : nothing
      }
    </div>
    <live-chat-typing-indicator
      exportparts="typing"
      .client=${view.client}
      .sessionId=${conversation.sessionId}
      .name=${view.customer?.name}
      locale=${view.locale}
      theme=${view.theme}
    ></live-chat-typing-indicator>
  `;
}

function renderLogTop(
  view: MessageLogView,
  actions: MessageLogActions,
): TemplateResult | typeof nothing {
  const { conversation, t } = view;
  if (conversation.loading) return html`<span>${t('conversation.loadingOlder')}</span>`;
  if (conversation.error) {
    return html`<span class="field-error" role="alert"
        >${errorText(conversation.error, view.locale)}</span
      >
      <button class="button" part="load-older" type="button" @click=${actions.retryLoad}>
        ${t('conversation.retry')}
      </button>`;
  }
  if (conversation.hasMore) {
    return html`<button class="button" part="load-older" type="button" @click=${actions.loadOlder}>
      ${t('conversation.loadOlder')}
    </button>`;
  }
  return conversation.messages.length > 0
    ? html`<span>${t('conversation.beginning')}</span>`
    : nothing;
}

/**
 * A note's text with the `@Name` of each colleague it mentions marked; every piece is text, the
 * rest as any message's (safe links only).
 */
function renderNoteText(message: MessageView, client: LiveChatClient): Array<unknown> {
  const names = (message.mentions ?? []).flatMap((id) => client.getUser(id)?.name ?? []);
  return splitMentions(message.text, names).map((piece) =>
    piece.mention
      ? html`<mark class="mention" part="mention">${piece.text}</mark>`
      : renderSafeText(piece.text),
  );
}

/** The "Note" label of a private note, and for screen readers who may see it. */
function renderNoteLabel(t: MessageLogView['t']): TemplateResult {
  return html`<span class="note-label" part="note-label"
    >${t('conversation.note.label')}<span class="visually-hidden"
      >${t('conversation.note.staffOnly')}</span
    ></span
  >`;
}

function renderMessage(
  message: MessageView,
  view: MessageLogView,
  actions: MessageLogActions,
): TemplateResult {
  const kind = message.author.kind;
  const note = message.internal === true;
  const classes = {
    message: true,
    [kind]: true,
    note,
    pending: message.delivery === 'pending' || message.delivery === 'unconfirmed',
    failed: message.delivery === 'failed',
    highlighted: view.flashId === message.id,
  };
  const text = note ? renderNoteText(message, view.client) : renderSafeText(message.text);
  const partName = `message ${kind}${note ? ' note' : ''}${message.delivery === 'sent' ? '' : ` ${message.delivery}`}`;
  return html`
    <article
      class=${classMap(classes)}
      part=${partName}
      data-message-id=${message.id}
      data-log-key=${messageKey(message)}
      tabindex="-1"
    >
      <div class="message-head">
        ${note ? renderNoteLabel(view.t) : nothing}
        <span class="author" part="author" title=${authorOwnName(message, view) ?? nothing}
          >${renderAuthor(message, view)}</span
        >
        <time
          part="time"
          datetime=${new Date(message.sentAt).toISOString()}
          title=${formatDateTime(message.sentAt, view.locale)}
        >
          ${formatTime(message.sentAt, view.locale)}
        </time>
        ${kind === 'customer' ? channelIcon(message.channel) : nothing}
        ${renderBindButton(message, view.canBind === true, view.t, (m) => actions.bind?.(m))}
      </div>
      ${message.text ? html`<p class="text" part="text">${text}</p>` : nothing}
      ${renderAttachments(message, view)} ${renderDelivery(message, view, actions)}
    </article>
  `;
}

/** The loading of `<live-chat-attachment>`, started by the first message that carries a file. */
let attachmentElement: Promise<unknown> | undefined;

/** The parts of `<live-chat-attachment>`, re-exported with an `attachment-` prefix. */
const ATTACHMENT_PARTS =
  'preview: attachment-preview, image: attachment-image, preview-status: attachment-status, retry-button: attachment-retry, download: attachment-download, download-status: attachment-download-status';

/** The files of a message: each a `<live-chat-attachment>` (its code is loaded on first use). */
function renderAttachments(
  message: MessageView,
  view: MessageLogView,
): TemplateResult | typeof nothing {
  const files = message.attachments;
  if (!files?.length) return nothing;
  attachmentElement ??= loadOnDemand('live-chat-attachment').catch(() => {
    attachmentElement = undefined;
  });
  return html`<ul class="attachments" part="attachments">
    ${files.map(
      (file) =>
        html`<li>
          <live-chat-attachment
            class=${file.image ? 'image' : ''}
            exportparts=${ATTACHMENT_PARTS}
            .client=${view.client}
            .attachment=${file}
            locale=${view.locale}
            theme=${view.theme}
          ></live-chat-attachment>
        </li>`,
    )}
  </ul>`;
}

function renderDelivery(
  message: MessageView,
  view: MessageLogView,
  actions: MessageLogActions,
): TemplateResult | typeof nothing {
  const { t } = view;
  if (message.delivery === 'pending') {
    return html`<div class="delivery" part="delivery">${t('conversation.pending')}</div>`;
  }
  if (message.delivery === 'unconfirmed') {
    return html`<div class="delivery" part="delivery">${t('conversation.unconfirmed')}</div>`;
  }
  if (message.delivery === 'sent') return renderChannelDelivery(message, view);
  if (message.delivery !== 'failed') return nothing;
  const reason = message.error ? errorText(message.error, view.locale, 'message') : '';
  return html`<div class="delivery failed" part="delivery">
    <span>${t('conversation.failed', { error: reason })}</span>
    <button class="button" part="retry-button" type="button" @click=${() => actions.retry(message)}>
      ${t('conversation.retrySend')}
    </button>
    <button
      class="button"
      part="discard-button"
      type="button"
      @click=${() => actions.discard(message)}
    >
      ${t('conversation.discard')}
    </button>
  </div>`;
}

/** Longest channel failure reason shown (it comes from the channel's answer). */
const MAX_REASON_LENGTH = 200;

/** Whether an operator message reached the customer through its channel, when the backend says. */
function renderChannelDelivery(
  message: MessageView,
  view: MessageLogView,
): TemplateResult | typeof nothing {
  const delivery = message.channelDelivery;
  if (!delivery) return nothing;
  const { t } = view;
  if (delivery.state === 'failed') {
    const reason = (delivery.reason ?? '').slice(0, MAX_REASON_LENGTH);
    return html`<div class="delivery failed" part="channel-delivery">
      ${isolatedMessage(t, 'conversation.channel.failed', { reason })}
    </div>`;
  }
  return html`<div class="delivery" part="channel-delivery">
    ${t(delivery.state === 'delivered' ? 'conversation.channel.delivered' : 'conversation.channel.sent')}
  </div>`;
}
