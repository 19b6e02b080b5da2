import { html, nothing, type TemplateResult } from 'lit';
import type { ErrorInfo, SessionView } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { channelIcon } from '../shared/channel-icon.js';
import { errorText } from '../shared/error-text.js';
import { wrapTabInDialog } from '../shared/tab-order.js';
import { isolated, isolatedMessage } from '../shared/untrusted-text.js';
import { keyHint } from '../shortcuts/shortcut-keys-context.js';

/**
 * The conversation's header (the session's name, customer, status and its actions) and the
 * Close session confirmation dialog, as templates. They hold no state: the conversation
 * element passes what to show and what to call.
 */

/** A session action that runs a command; one runs at a time. */
export type SessionAction = 'take' | 'return' | 'close';

/** What a template shows of the session actions: whether one is running, and its error. */
export interface SessionActionState {
  /** A session action is running (the header's, or the close command in the dialog). */
  busy: boolean;
  /** The last session action's error. */
  error?: ErrorInfo;
  locale: string;
  t: Translate;
}

/** What the header shows; while an action runs, its buttons ignore clicks but keep focus. */
export interface SessionHeaderView extends SessionActionState {
  view: SessionView;
  /** Whether the user may act on the session (Take, Return to queue, Close session). */
  canAct: boolean;
  /** The Close session shortcut (`Alt+Shift+X`) while shortcuts work; shown on its button. */
  closeKeys?: string;
}

/** What the header's buttons call. */
export interface SessionHeaderActions {
  take: () => void;
  returnToQueue: () => void;
  close: () => void;
}

/** What the Close session dialog shows: the close command and its error. */
export type CloseDialogView = SessionActionState;

/** What the Close session dialog calls. */
export interface CloseDialogActions {
  cancel: () => void;
  confirm: () => void;
  /** The dialog closed (Cancel, Escape, or after confirming). */
  closed: () => void;
}

export function renderSessionHeader(
  header: SessionHeaderView,
  actions: SessionHeaderActions,
): TemplateResult {
  const { view, t } = header;
  const session = view.session;
  const statusText = t(`conversation.status.${session.status}`);
  const customerName = view.customer?.name ?? t('conversation.unknownCustomer');
  // Busy buttons stay focusable (aria-disabled, clicks ignored) so focus survives a running command.
  const busy = header.busy ? 'true' : 'false';
  const button = (part: string, className: string, text: string, click: () => void) => {
    const hint = part === 'close-button' ? keyHint(text, header.closeKeys) : undefined;
    return html`<button
      class="button ${className}"
      part=${part}
      type="button"
      aria-disabled=${busy}
      aria-haspopup=${hint ? 'dialog' : nothing}
      aria-keyshortcuts=${hint?.ariaKeyshortcuts ?? nothing}
      title=${hint?.ariaKeyshortcuts ? hint.title : nothing}
      @click=${click}
    >
      ${text}
    </button>`;
  };
  return html`
    <header part="header">
      <div class="title">
        <h2 id="session-title" part="session-name" tabindex="-1" title=${session.name}>
          ${isolated(session.name)}
        </h2>
        <div class="meta" part="meta">
          ${channelIcon(session.channel)}
          <span part="customer" class="customer" title=${customerName}
            >${isolatedMessage(t, 'conversation.customerLabel', { name: customerName })}</span
          >
          <span class="status ${session.status}" part="status"
            >${t('conversation.statusLabel', { status: statusText })}</span
          >
        </div>
      </div>
      ${
        header.canAct && session.status !== 'closed'
          ? html`<div
              class="actions"
              part="actions"
              role="group"
              aria-label=${t('conversation.actions')}
            >
              ${
                session.status === 'queued'
                  ? button('take-button', 'primary', t('conversation.take'), actions.take)
                  : nothing
              }
              ${
                session.status === 'active'
                  ? button(
                      'return-button',
                      '',
                      t('conversation.returnToQueue'),
                      actions.returnToQueue,
                    )
                  : nothing
              }
              ${button('close-button', 'danger', t('conversation.close'), actions.close)}
            </div>`
          : nothing
      }
    </header>
    ${
      header.error
        ? html`<p class="notice error" part="action-error" role="alert">
            ${errorText(header.error, header.locale)}
          </p>`
        : nothing
    }
  `;
}

export function renderCloseDialog(
  dialog: CloseDialogView,
  actions: CloseDialogActions,
): TemplateResult {
  const { t } = dialog;
  return html`
    <dialog
      part="confirm-dialog"
      aria-labelledby="close-dialog-title"
      aria-describedby="close-dialog-text"
      @close=${actions.closed}
      @keydown=${wrapTabInDialog}
    >
      <h2 id="close-dialog-title">${t('conversation.closeDialog.title')}</h2>
      <p id="close-dialog-text">${t('conversation.closeDialog.text')}</p>
      ${
        dialog.error
          ? html`<p class="field-error" role="alert">${errorText(dialog.error, dialog.locale)}</p>`
          : nothing
      }
      <div class="dialog-actions">
        <button class="button" type="button" data-dialog-cancel @click=${actions.cancel}>
          ${t('conversation.closeDialog.cancel')}
        </button>
        <button
          class="button primary"
          type="button"
          data-dialog-confirm
          aria-busy=${dialog.busy ? 'true' : 'false'}
          @click=${actions.confirm}
        >
          ${t('conversation.closeDialog.confirm')}
        </button>
      </div>
    </dialog>
  `;
}
