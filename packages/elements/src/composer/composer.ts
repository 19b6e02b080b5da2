import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import {
  MAX_MESSAGE_LENGTH,
  validateMessageText,
  type ConversationState,
  type ErrorInfo,
} from '@live-chat/core';
import { FocusAfterUpdateController } from '../controllers/focus-after-update.js';
import { clientStream } from '../controllers/client-streams.js';
import { sessionStream } from '../controllers/session-streams.js';
import { sendEvent, type SendDetail } from '../events/send.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { untrustedTextStyles } from '../shared/clamped-text.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { takeLostEvent } from '../events/take-lost.js';
import { composerStyles } from './composer.styles.js';
import { renderModeSwitch, type ComposerMode } from './composer-mode.js';
import { MentionPicker } from './mention-picker.js';
import { CannedPicker, cannedStyles } from './canned-picker.js';
import { COUNT_VISIBLE_FROM } from './composer-count.js';
import { composerHint, renderFoot } from './composer-foot.js';
import { ComposerTyping } from './composer-typing.js';
import { AttachmentIntake } from './attachment-intake.js';
import { clientMessageIdOf, clientMessageIds, messageOfSend } from './message-of-send.js';
import './composer.messages.js';

/** Detail of `live-chat-send` (the same as {@link SendDetail}). */
export type ComposerSendDetail = SendDetail;

/**
 * The reply box of one session: a labelled textarea (Enter sends, Shift+Enter adds a line), a
 * Send button, a hint (offline, read only, replying takes the session), the character count
 * near the limit, validation and send errors, and a notice when unsent messages cannot be kept
 * across a reload. In a closed session a note replaces the form.
 *
 * A Reply / Note switch (two radio buttons: arrow keys move between them) turns the composer
 * into a private note among staff: it looks different and says "Note — only your colleagues
 * see this", anyone who may see the session may write one, and it never takes a queued
 * session. Typing `@` in a note suggests the colleagues of the session's live chat (Up, Down,
 * Enter or Tab, Escape); the note mentions those whose `@Name` it still holds when sent.
 * Typing `/` at the start of a word, in a reply or a note, lists the canned replies the session
 * may use (Up, Down, Enter or Tab, Escape); the chosen one replaces `/…`, its variables filled.
 *
 * When replying to a queued session fails because another operator took it first, the text
 * comes back as the session's draft (kept in {@link drafts}) and `live-chat-take-lost` tells
 * the conversation who took it.
 *
 * Replies can carry files, when the backend takes them (`client.attachmentPolicy`): Attach
 * files opens the file picker, and files dropped on the composer or pasted into the field are
 * attached too. Each is uploaded at once and shows as a chip with its name, size and state
 * (uploading, ready, or refused with the reason: its type, its size, empty, offline), and a
 * Remove button; more than the policy allows per message are refused. Send takes the ready
 * files, with or without text; while a file is still uploading it waits ("Wait until the files
 * are uploaded"). Ready and refused files are announced politely. Notes carry no files.
 *
 * While the user writes a reply, the customer's channel is told they are typing
 * (`client.setTyping`), until the reply is sent or emptied, the field loses focus, or the
 * composer leaves the session.
 *
 * Sending validates the draft, fires `live-chat-send`, clears the textarea and calls
 * `client.send`: the conversation shows the message at once as pending. When the send fails,
 * the composer looks for the message this send created (by its `clientMessageId`): if the
 * conversation keeps it as failed, with Retry and Discard, the composer stays empty; if the
 * send was refused before any message was shown, the text comes back with the error under it
 * (unless the user has typed something new meanwhile). Drafts are kept per session.
 *
 * @summary The reply box of a session: textarea, Send, hints, count and errors.
 *
 * @fires live-chat-send - The user sent a valid message (Enter or Send), before it goes to the client. Cancel it (`preventDefault()`) to keep the text in the composer and send it another way. Detail: `{ sessionId, text, attachments? }`.
 * @fires live-chat-take-lost - Replying to a queued session failed: another operator took it first. Detail: `{ sessionId, operatorId? }`.
 *
 * @csspart composer - The composer form (also `note` in Note mode).
 * @csspart mode - The Reply / Note switch.
 * @csspart mentions - The `@mention` suggestions under the textarea.
 * @csspart mention-list - The list of colleagues to mention.
 * @csspart mention-option - One colleague in the list.
 * @csspart mention-status - How many colleagues match, or that none does.
 * @csspart canned - The `/` canned reply suggestions; `canned-list`, `canned-option`, `canned-badge` (Live chat or Personal) and `canned-status` inside.
 * @csspart composer-label - The composer's label.
 * @csspart composer-input - The composer's textarea.
 * @csspart send-button - The send button.
 * @csspart composer-hint - The note under the composer (offline, read-only, replying takes the session).
 * @csspart count - The character count near the limit.
 * @csspart composer-error - A validation or send error under the composer.
 * @csspart attach-button - Attach files (hidden when the backend takes no files, and in Note mode); `attach-limits` beside it says how many and how large.
 * @csspart attach-list - The files of the next reply (from its `<live-chat-file-tray>`, loaded on first use); `attachment-chip` (also `uploading`, `ready` or `failed`) for each, with `attachment-state` and `remove-attachment` inside.
 * @csspart attach-notice - Too many files, or Send waiting for uploads.
 * @csspart drop-hint - "Drop files to attach them", while files are dragged over the composer.
 * @csspart outbox-notice - Shown when unsent messages cannot be saved across a reload.
 * @csspart closed-note - The note that replaces the form in a closed session.
 *
 * @cssprop --live-chat-composer-background - Background of the composer (transparent).
 * @cssprop --live-chat-composer-input-background - Background of the textarea (the raised surface colour).
 * @cssprop --live-chat-note-background - Background of a note being written, and of notes in the conversation (a pale amber).
 */
@customElement('live-chat-composer')
export class LiveChatComposer extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [
    tokens,
    buttonStyles,
    untrustedTextStyles,
    composerStyles,
    cannedStyles,
  ];

  private readonly session = sessionStream(this);
  private readonly connection = clientStream(this, (client) => client.connection$, 'connecting');
  private readonly outboxStorage = clientStream(this, (client) => client.outboxStorage$, 'memory');
  private readonly focusAfterUpdate = new FocusAfterUpdateController(this);
  private readonly mentionPicker = new MentionPicker(this);
  private readonly cannedPicker = new CannedPicker(this);
  private readonly intake = new AttachmentIntake(this);
  private readonly typing = new ComposerTyping(this);

  @query('textarea') private input?: HTMLTextAreaElement;
  @query('[part~="closed-note"]') private closedNote?: HTMLElement;

  @state() private error?: { sessionId: string; error: ErrorInfo };
  /** Sessions whose composer is in Note mode. */
  @state() private noteSessions = new Set<string>();

  /** Id of the session the composer replies in. */
  @property({ attribute: 'session-id' })
  sessionId?: string;

  /**
   * Unsent drafts by session id. Pass the same map to keep drafts when the composer itself is
   * re-created (`<live-chat-conversation>` does).
   */
  @property({ attribute: false })
  drafts: Map<string, string> = new Map();

  /** Whether the composer writes a private note (Note mode) rather than a reply. */
  get mode(): ComposerMode {
    return this.sessionId && this.noteSessions.has(this.sessionId) ? 'note' : 'reply';
  }
  /** Switches the open session's composer to writing a note (`'note'`) or a reply (`'reply'`). */
  set mode(mode: ComposerMode) {
    const id = this.sessionId;
    if (!id || mode === this.mode) return;
    const notes = new Set(this.noteSessions);
    if (mode === 'note') notes.add(id);
    else notes.delete(id);
    this.noteSessions = notes;
    if (mode === 'reply') this.mentionPicker.close();
  }

  /**
   * Whether the user can type and send here now: an open session the user may reply in, or,
   * in Note mode, any open session the user sees.
   */
  get acceptsInput(): boolean {
    const view = this.session.value;
    return (
      !!this.client &&
      !!this.sessionId &&
      !!view &&
      view.session.status !== 'closed' &&
      (this.mode === 'note' || this.client.canActOn(this.sessionId))
    );
  }

  /** Whether files may be attached now: a reply the user may send, on a backend that takes files. */
  get acceptsFiles(): boolean {
    return this.acceptsInput && this.mode === 'reply' && !!this.client?.attachmentPolicy;
  }

  /**
   * Focuses the textarea, or in a closed session the note that replaces it; after the render
   * under way, if there is one, so what gets focus is what the user sees.
   */
  override focus(options?: FocusOptions): void {
    this.focusAfterUpdate.focusWhenRendered(
      () => (this.input && !this.input.disabled ? this.input : this.closedNote),
      options,
    );
  }

  /**
   * Sends the session's draft, as Enter and the Send button do. Resolves once the client has
   * answered (a failed send shows in the conversation, or its error here).
   */
  async send(): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    if (!client || !sessionId || !this.acceptsInput) return;
    const draft = this.drafts.get(sessionId) ?? '';
    const note = this.mode === 'note';
    const tray = note ? undefined : this.intake.tray;
    if (tray?.uploading(sessionId)) return tray.waitForUploads(sessionId);
    const attachments = tray?.ready(sessionId) ?? [];
    const alone = attachments.length > 0 && draft.trim() === '';
    const valid = alone ? { ok: true as const, value: '' } : validateMessageText(draft);
    if (!valid.ok) {
      this.error = { sessionId, error: valid.error };
      return;
    }
    const text = valid.value;
    const files = attachments.length ? { attachments } : {};
    if (!this.dispatchEvent(sendEvent({ sessionId, text, ...files }))) return;
    const options = note ? { note, mentions: this.mentionPicker.mentions(sessionId, text) } : files;
    this.error = undefined;
    this.drafts.set(sessionId, '');
    const picked = tray?.take(sessionId) ?? [];
    this.typing.stop();
    this.mentionPicker.close();
    this.requestUpdate();

    // Watch the conversation while the send runs, to tell afterwards which message it created.
    let conversation: ConversationState | undefined;
    const watch = client.conversation$(sessionId).subscribe((value) => (conversation = value));
    try {
      const before = clientMessageIds(conversation?.messages ?? []);
      const result = await client.send(sessionId, text, options);
      if (result.ok) {
        if (note) this.mentionPicker.forget(sessionId);
        return;
      }
      const own = messageOfSend(conversation?.messages ?? [], {
        text,
        before,
        clientMessageId: clientMessageIdOf(result.error),
      });
      if (result.error.code === 'ALREADY_TAKEN') {
        // Someone took the session first: the reply was not sent. It comes back as the draft
        // (the one copy: the failed message goes), for the conversation to keep and offer.
        if (own?.clientMessageId) client.discard(sessionId, own.clientMessageId);
        if (!this.drafts.get(sessionId)) this.drafts.set(sessionId, draft);
        tray?.restore(sessionId, picked);
        this.error = { sessionId, error: result.error };
        this.dispatchEvent(takeLostEvent(sessionId, result.error));
        return;
      }
      // The conversation shows it, failed with Retry and Discard (or stored after all): the
      // text is not lost, and giving it back would invite sending it twice.
      if (own) return;
      // Nothing is lost: the text comes back unless the user typed something new; the files too.
      if (!this.drafts.get(sessionId)) this.drafts.set(sessionId, draft);
      tray?.restore(sessionId, picked);
      this.error = { sessionId, error: result.error };
    } finally {
      watch.unsubscribe();
    }
  }

  private onInput(event: Event): void {
    if (!this.sessionId) return;
    const input = event.target as HTMLTextAreaElement;
    this.drafts.set(this.sessionId, input.value);
    this.typing.input(input.value);
    if (this.error?.sessionId === this.sessionId && this.error.error.code === 'VALIDATION') {
      this.error = undefined;
    }
    this.followCaret(input);
    this.requestUpdate();
  }

  /** Opens, narrows or closes the `@mention` suggestions after the caret moved. */
  private followCaret(input: HTMLTextAreaElement): void {
    if (this.mode === 'note') this.mentionPicker.follow(input);
    this.cannedPicker.follow(input);
  }

  private readonly onCaretMove = (event: Event): void => {
    const key = (event as KeyboardEvent).key;
    if (event.type === 'keyup' && !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key)) return;
    this.followCaret(event.target as HTMLTextAreaElement);
  };

  private onModeChange(event: Event): void {
    this.mode = (event.target as HTMLInputElement).value === 'note' ? 'note' : 'reply';
  }

  private onKeydown(event: KeyboardEvent): void {
    if (this.mentionPicker.keydown(event) || this.cannedPicker.keydown(event)) return;
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.altKey) return;
    event.preventDefault();
    void this.send();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.send();
    this.input?.focus();
  }

  override render(): TemplateResult {
    const view = this.session.value;
    if (view?.session.status === 'closed') {
      return html`<p class="closed-note" part="closed-note" tabindex="-1">
        ${this.t('conversation.composer.closed')}
      </p>`;
    }
    const sessionId = this.sessionId;
    const canAct = this.acceptsInput;
    const note = this.mode === 'note';
    const draft = (sessionId && this.drafts.get(sessionId)) || '';
    const length = draft.trimEnd().length;
    const error = this.error && this.error.sessionId === sessionId ? this.error.error : undefined;
    const offline = canAct && ['offline', 'failed'].includes(this.connection.value);
    const t = this.t.bind(this);
    const hint = composerHint(t, { view, canAct, offline, note });
    const files = this.acceptsFiles;
    const active = this.mentionPicker.activeId() ?? this.cannedPicker.activeId();
    const showCount = length >= COUNT_VISIBLE_FROM;
    const describedBy = [
      hint ? 'composer-hint' : '',
      showCount ? 'composer-count' : '',
      error ? 'composer-error' : '',
    ].filter(Boolean);
    return html`
      ${
        this.outboxStorage.value === 'unavailable'
          ? html`<p class="notice" part="outbox-notice" role="status">
              ${this.t('conversation.outboxUnavailable')}
            </p>`
          : nothing
      }
      <form
        class=${classMap({ composer: true, note, dropping: this.intake.dropping })}
        part=${note ? 'composer note' : 'composer'}
        @submit=${this.onSubmit}
        @dragenter=${this.intake.onDragOver}
        @dragover=${this.intake.onDragOver}
        @dragleave=${this.intake.onDragLeave}
        @drop=${this.intake.onDrop}
      >
        <label class="composer-label" part="composer-label" for="composer-input"
          >${t(note ? 'conversation.composer.noteLabel' : 'conversation.composer.label')}</label
        >
        <div class="composer-row">
          <textarea
            id="composer-input"
            part="composer-input"
            rows="2"
            .value=${live(draft)}
            ?disabled=${!canAct}
            placeholder=${t(
              note ? 'conversation.composer.notePlaceholder' : 'conversation.composer.placeholder',
            )}
            aria-describedby=${describedBy.length ? describedBy.join(' ') : nothing}
            aria-invalid=${
              length > MAX_MESSAGE_LENGTH || error?.code === 'VALIDATION' ? 'true' : 'false'
            }
            aria-autocomplete="list"
            aria-controls=${this.mentionPicker.listId ?? this.cannedPicker.listId ?? nothing}
            aria-activedescendant=${active ?? nothing}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
            @keyup=${this.onCaretMove}
            @click=${this.onCaretMove}
            @blur=${() => this.typing.stop()}
            @paste=${this.intake.onPaste}
          ></textarea>
          <button
            class="button primary"
            part="send-button"
            type="submit"
            ?disabled=${!canAct}
            aria-disabled=${sessionId && !note && this.intake.tray?.uploading(sessionId) ? 'true' : nothing}
          >
            ${t(note ? 'conversation.composer.sendNote' : 'conversation.composer.send')}
          </button>
        </div>
        ${note ? this.mentionPicker.render(t) : nothing} ${this.cannedPicker.render(t)}
        ${this.intake.renderTray(files, () => this.input?.focus())}
        ${files ? this.intake.renderDropHint(t) : nothing}
        ${
          // After the reply field and Send in the tab order: Shift+Tab from the field still
          // reaches the history and the session's actions at once.
          view && this.client && sessionId
            ? html`<div class="composer-tools">
                ${renderModeSwitch(this.mode, t, (e) => this.onModeChange(e))}
                ${files ? this.intake.renderButton(t, this.locale) : nothing}
              </div>`
            : nothing
        }
        ${hint || showCount ? renderFoot(t, this.locale, hint, offline, length) : nothing}
        ${
          error
            ? html`<p id="composer-error" class="field-error" part="composer-error" role="alert">
                ${this.errorText(error, 'message')}
              </p>`
            : nothing
        }
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-composer': LiveChatComposer;
  }
}
