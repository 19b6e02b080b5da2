import { html, nothing, svg, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ErrorInfo, LiveChatClient, Session } from '@live-chat/core';
import { formatDateTime } from '../../shared/format.js';
import { clamped } from '../../shared/clamped-text.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { AboutSessionPart, type PartContext } from '../about-session-part.js';
import { aboutSessionPartStyles } from '../about-session-part.styles.js';
import { assigneeName } from '../assignee.js';
import { sessionHeaderStyles } from './session-header.styles.js';

const pencilIcon = svg`<path d="M11.3 2.3a1.2 1.2 0 0 1 1.7 0l.7.7a1.2 1.2 0 0 1 0 1.7L6 12.4 3 13l.6-3 7.7-7.7Z" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/>`;

/**
 * The details of a session: its live chat, its name (renamed inline with the pencil: Enter
 * saves, Escape cancels, focus returns to the pencil), the date of its first message, its
 * status and its assignee. A part of `<live-chat-about-session>`, usable alone.
 *
 * @summary A session's name (with inline rename), live chat, first message, status and assignee.
 *
 * @csspart details - The list of the session's details.
 * @csspart live-chat - The live chat's name.
 * @csspart session-name - The session's name.
 * @csspart rename-button - The pencil button.
 * @csspart name-input - The inline rename field.
 * @csspart first-message - The date of the first message.
 * @csspart status - The session's status.
 * @csspart assignee - The assignee's name.
 * @csspart feedback - Why a new name was refused.
 */
@customElement('live-chat-session-header')
export class LiveChatSessionHeader extends AboutSessionPart {
  /** The design tokens (see `styles/tokens.ts`), then the part's own styles. */
  static override styles = [tokens, buttonStyles, aboutSessionPartStyles, sessionHeaderStyles];

  @query('[part~="rename-button"]') private renameButton?: HTMLButtonElement;
  @query('[part~="name-input"]') private nameInput?: HTMLInputElement;

  @state() private editingName = false;
  @state() private nameDraft = '';
  @state() private renameError?: ErrorInfo;

  /** @internal */
  protected override resetForNewSession(): void {
    super.resetForNewSession();
    this.editingName = false;
    this.renameError = undefined;
  }

  private onRenameClick(): void {
    const view = this.view.value;
    if (!view) return;
    this.editingName = true;
    this.nameDraft = view.session.name;
    this.renameError = undefined;
    this.focusAfterUpdate.focus(() => this.nameInput, { select: true });
  }

  private onNameInput(event: Event): void {
    this.nameDraft = (event.target as HTMLInputElement).value;
    if (this.renameError) this.renameError = undefined;
  }

  private onNameKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      void this.saveName();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancelRename();
    }
  }

  private onRenameSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.saveName();
  }

  private cancelRename(): void {
    this.editingName = false;
    this.renameError = undefined;
    this.focusAfterUpdate.focus(() => this.renameButton);
  }

  private async saveName(): Promise<void> {
    const { client, sessionId } = this;
    if (!client || !sessionId || this.busy.has('rename')) return;
    this.setBusy('rename', true);
    const result = await client.rename(sessionId, this.nameDraft);
    this.setBusy('rename', false);
    if (sessionId !== this.sessionId) return;
    if (!result.ok) {
      this.renameError = result.error;
      this.focusAfterUpdate.focus(() => this.nameInput);
      return;
    }
    this.editingName = false;
    this.renameError = undefined;
    this.focusAfterUpdate.focus(() => this.renameButton);
  }

  private renderName(session: Session, readOnly: boolean): TemplateResult {
    return html`<span class="name-row">
      <span part="session-name" class="session-name">${clamped(session.name)}</span>
      <button
        class="icon-button"
        part="rename-button"
        type="button"
        title=${this.t('about-session.rename')}
        aria-describedby=${ifDefined(this.describedBy(readOnly))}
        ?disabled=${readOnly}
        @click=${this.onRenameClick}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${pencilIcon}</svg>
      </button>
    </span>`;
  }

  private renderRenameForm(): TemplateResult {
    const busy = this.busy.has('rename');
    return html`<form class="rename" @submit=${this.onRenameSubmit}>
      <label class="visually-hidden" for="name-input">${this.t('about-session.nameInput')}</label>
      <input
        id="name-input"
        part="name-input"
        type="text"
        autocomplete="off"
        .value=${live(this.nameDraft)}
        ?readonly=${busy}
        aria-invalid=${this.renameError ? 'true' : 'false'}
        aria-describedby=${this.renameError ? 'rename-error rename-hint' : 'rename-hint'}
        @input=${this.onNameInput}
        @keydown=${this.onNameKeydown}
      />
      <button class="button primary" type="submit" ?disabled=${busy}>
        ${this.t('about-session.save')}
      </button>
      <button class="button" type="button" @click=${this.cancelRename}>
        ${this.t('about-session.cancel')}
      </button>
      <span id="rename-hint" class="hint">${this.t('about-session.renameHint')}</span>
      ${
        this.renameError
          ? html`<p id="rename-error" class="error" part="feedback" role="alert">
              ${this.errorText(this.renameError, 'session-name')}
            </p>`
          : nothing
      }
    </form>`;
  }

  private renderDetails(session: Session, client: LiveChatClient, readOnly: boolean) {
    // Short bindings: the texts of these parts must not pick up the template's line breaks.
    const liveChatName = client.getLiveChat(session.liveChatId)?.name ?? '—';
    const assignee = assigneeName(client, session.assignee, (key, params) => this.t(key, params));
    return html`
      <dl class="details" part="details">
        <div>
          <dt>${this.t('about-session.liveChat')}</dt>
          <dd part="live-chat">${clamped(liveChatName)}</dd>
        </div>
        <div>
          <dt id="name-term">${this.t('about-session.sessionName')}</dt>
          <dd>
            ${this.editingName && !readOnly ? this.renderRenameForm() : this.renderName(session, readOnly)}
          </dd>
        </div>
        <div>
          <dt>${this.t('about-session.firstMessage')}</dt>
          <dd part="first-message">
            <time datetime=${new Date(session.firstMessageAt).toISOString()}
              >${formatDateTime(session.firstMessageAt, this.locale)}</time
            >
          </dd>
        </div>
        <div>
          <dt>${this.t('about-session.status')}</dt>
          <dd part="status">${this.t(`about-session.status.${session.status}`)}</dd>
        </div>
        <div>
          <dt>${this.t('about-session.assignee')}</dt>
          <dd part="assignee">${assignee}</dd>
        </div>
      </dl>
    `;
  }

  /** @internal */
  protected override renderPart({ view, client, readOnly }: PartContext): TemplateResult {
    return this.renderDetails(view.session, client, readOnly);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-session-header': LiveChatSessionHeader;
  }
}
