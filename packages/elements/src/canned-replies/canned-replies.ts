import { html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import {
  validateMessageText,
  type CannedReply,
  type ErrorInfo,
  type Id,
  type LiveChat,
} from '@live-chat/core';
import { clientStream } from '../controllers/client-streams.js';
import { FocusAfterUpdateController } from '../controllers/focus-after-update.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { wrapTabInDialog } from '../shared/tab-order.js';
import { untrustedTextStyles } from '../shared/clamped-text.js';
import { buttonStyles, fieldStyles, tokens } from '../styles/tokens.js';
import { cannedRepliesStyles } from './canned-replies.styles.js';
import {
  draftOf,
  renderCannedForm,
  scopeOfDraft,
  shortcutProblem,
  withVariable,
  type CannedDraft,
  type CannedFormActions,
  type DraftProblems,
} from './canned-reply-form.js';
import {
  groupReplies,
  renderReplyGroups,
  type ReplyGroup,
  type ReplyListActions,
} from './canned-reply-list.js';
import './canned-replies.messages.js';

/**
 * The canned replies editor: the replies the user may use (`client.cannedReplies$`), grouped
 * by whose they are (personal first, then each live chat), with a search that finds them as
 * the composer's `/` does. Anyone creates, changes and deletes their personal replies; a live
 * chat's supervisors its replies too, which its operators see read only. Shortcut and text are
 * checked before anything is sent (pattern, length, a shortcut already used in the same place,
 * the message limit), and a refusal (CONFLICT, FORBIDDEN, VALIDATION…) is said beside what it is
 * about. Deleting asks first. Buttons insert the variables (`{{customer.name}}`…) at the caret.
 *
 * A native modal `<dialog>` like the workspace's other dialogs: `show()` opens it with focus in
 * the search, Tab and Shift+Tab wrap inside it, Escape leaves the form (or closes the dialog),
 * and focus returns to where it was. While offline the replies can be read, not changed.
 *
 * @summary Dialog to list, search, create, edit and delete canned replies.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart close - The Close button.
 * @csspart search - The search field.
 * @csspart new - The New reply button.
 * @csspart notice - The loading, error, offline or empty text.
 * @csspart group - One group of replies (personal, or a live chat's).
 * @csspart read-only - The note of a group the user may only read.
 * @csspart reply - One reply in the list.
 * @csspart edit - A reply's Edit button.
 * @csspart delete - A reply's Delete button.
 * @csspart confirm - The question before deleting, with its two buttons.
 * @csspart form - The form that creates or changes a reply; `form-title` is its heading.
 * @csspart scope - Where a new reply is kept; `shortcut`, `text` and `count` are the other fields.
 * @csspart save - The Save button; `cancel` the Cancel one, `confirm-no` and `confirm-yes` Delete's.
 * @csspart field-error - What is wrong with a field of the form.
 * @csspart variable - A button inserting a variable.
 * @csspart error - Why a save or delete was refused.
 *
 * @cssprop --live-chat-canned-replies-width - Width of the dialog (600px).
 * @cssprop --live-chat-canned-replies-backdrop - Colour of the backdrop behind it.
 */
@customElement('live-chat-canned-replies')
export class LiveChatCannedReplies extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [
    tokens,
    buttonStyles,
    fieldStyles,
    untrustedTextStyles,
    cannedRepliesStyles,
  ];

  private readonly replies = clientStream(
    this,
    (client) => client.cannedReplies$,
    undefined as readonly CannedReply[] | undefined,
  );
  private readonly liveChats = clientStream(this, (client) => client.liveChats$, [] as LiveChat[]);
  private readonly status = clientStream(this, (client) => client.status$, undefined);
  private readonly connection = clientStream(this, (client) => client.connection$, 'connecting');
  private readonly focusAfterUpdate = new FocusAfterUpdateController(this);

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private search = '';
  @state() private draft: CannedDraft | undefined;
  @state() private problems: DraftProblems = {};
  @state() private error: string | undefined;
  @state() private pending = false;
  /** The reply whose deletion is being confirmed. */
  @state() private confirming: Id | undefined;
  /** The polite line after a save or a delete. */
  @state() private done = '';

  /** The button that opened the form: focus goes back to it on Cancel. */
  private formOpener: string | undefined;

  private readonly listActions: ReplyListActions = {
    edit: (reply) => this.startForm(draftOf(reply), itemPart(reply.id, 'edit')),
    askDelete: (reply) => this.confirmDelete(reply),
    keep: (reply) => this.stopConfirming(reply.id),
    delete: (reply) => void this.deleteReply(reply),
  };

  private readonly formActions: CannedFormActions = {
    change: (patch) => {
      this.draft = { ...this.draft!, ...patch };
      this.problems = {};
    },
    insertVariable: (variable) => {
      const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#text');
      if (!field) return;
      const { text, caret } = withVariable(field, variable);
      this.draft = { ...this.draft!, text };
      this.focusAfterUpdate.focus(() => {
        field.setSelectionRange(caret, caret);
        return field;
      });
    },
    submit: (event) => void this.save(event),
    cancel: () => this.leaveForm(),
  };

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog (modal) on the list, focus in the search. */
  async show(): Promise<void> {
    this.draft = undefined;
    this.confirming = undefined;
    this.done = '';
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.focusOn('[part~="search"]', '[part~="close"]');
  }

  /** Closes the dialog; focus goes back where it was. */
  close(): void {
    this.dialog?.close();
  }

  override disconnectedCallback(): void {
    this.dialog?.close();
    super.disconnectedCallback();
  }

  private get offline(): boolean {
    return ['offline', 'failed'].includes(this.connection.value);
  }

  /** Whether the user keeps the replies of `scope`: their own, or as the live chat's supervisor. */
  private keeps(scope: 'personal' | Id): boolean {
    return scope === 'personal' || !!this.client?.viewer?.supervisorOf.has(scope);
  }

  /** Focuses the first of `selectors` found once the next render is on screen. */
  private focusOn(...selectors: string[]): void {
    this.focusAfterUpdate.focus(() => {
      for (const selector of selectors.filter(Boolean)) {
        const found = this.renderRoot.querySelector<HTMLElement>(selector);
        if (found) return found;
      }
      return undefined;
    });
  }

  private onCancel(event: Event): void {
    // Escape in the form or a confirmation goes back to the list; on the list it closes.
    if (this.draft || this.confirming) {
      event.preventDefault();
      if (this.draft && !this.pending) this.leaveForm();
      else if (this.confirming) this.stopConfirming(this.confirming);
    }
  }

  private startForm(draft: CannedDraft, opener: string): void {
    this.draft = draft;
    this.formOpener = opener;
    this.problems = {};
    this.error = undefined;
    this.done = '';
    this.focusOn('#shortcut');
  }

  private leaveForm(focus = this.formOpener ?? ''): void {
    this.draft = undefined;
    this.focusOn(focus, '[part~="new"]');
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const draft = this.draft;
    const client = this.client;
    if (!draft || !client || this.pending) return;
    const t = this.t.bind(this);
    const text = validateMessageText(draft.text);
    const problems: DraftProblems = {
      shortcut: shortcutProblem(t, draft, this.replies.value ?? []),
      text: text.ok ? undefined : this.errorText(text.error, 'message'),
    };
    if (problems.shortcut || problems.text) {
      this.problems = problems;
      this.focusOn(problems.shortcut ? '#shortcut' : '#text');
      return;
    }
    this.pending = true;
    this.error = undefined;
    const result = await client.saveCannedReply({
      ...(draft.replyId ? { replyId: draft.replyId } : {}),
      scope: scopeOfDraft(draft),
      shortcut: draft.shortcut,
      text: draft.text,
    });
    this.pending = false;
    if (!result.ok) return this.refused(result.error, draft);
    const saved = result.value.reply;
    this.done = this.t('canned-replies.saved', { shortcut: saved.shortcut });
    this.leaveForm(itemPart(saved.id, 'edit'));
  }

  /** Says why the save was refused, beside the field it is about when there is one. */
  private refused(error: ErrorInfo, draft: CannedDraft): void {
    const shortcut = draft.shortcut.trim();
    const field = error.details?.['field'];
    if (error.code === 'CONFLICT') {
      this.problems = { shortcut: this.t('canned-replies.form.shortcut-taken', { shortcut }) };
    } else if (error.code === 'VALIDATION' && (field === 'shortcut' || field === 'text')) {
      this.problems = { [field]: this.errorText(error, field === 'text' ? 'message' : undefined) };
    } else {
      return this.refusedAll(error);
    }
    this.focusOn(this.problems.shortcut ? '#shortcut' : '#text');
  }

  /** Says why a save or delete was refused, in the alert line. */
  private refusedAll(error: ErrorInfo): void {
    const reason =
      error.code === 'FORBIDDEN' ? this.t('canned-replies.error.FORBIDDEN') : this.errorText(error);
    this.error = this.t('canned-replies.error', { reason });
  }

  private confirmDelete(reply: CannedReply): void {
    this.confirming = reply.id;
    this.error = undefined;
    this.done = '';
    this.focusOn(itemPart(reply.id, 'confirm-no'));
  }

  private stopConfirming(replyId: Id): void {
    this.confirming = undefined;
    this.focusOn(itemPart(replyId, 'delete'));
  }

  private async deleteReply(reply: CannedReply): Promise<void> {
    const client = this.client;
    if (!client || this.pending) return;
    const shown = this.groups().flatMap((group) => group.replies);
    const next = shown[shown.indexOf(reply) + 1] ?? shown[shown.indexOf(reply) - 1];
    this.pending = true;
    const result = await client.deleteCannedReply(reply.id);
    this.pending = false;
    this.confirming = undefined;
    if (!result.ok) {
      this.refusedAll(result.error);
      this.focusOn(itemPart(reply.id, 'delete'));
      return;
    }
    this.done = this.t('canned-replies.deleted', { shortcut: reply.shortcut });
    this.focusOn(next ? itemPart(next.id, 'edit') : '', '[part~="new"]');
  }

  private groups(): ReplyGroup[] {
    return groupReplies({
      replies: this.replies.value ?? [],
      liveChats: this.liveChats.value,
      search: this.search,
      locale: this.locale,
      keeps: (scope) => this.keeps(scope),
      personalTitle: this.t('canned-replies.group.personal'),
      liveChatTitle: (liveChat) =>
        this.tIsolated('canned-replies.group.live-chat', { liveChat: liveChat.name }),
    });
  }

  private renderBody(): TemplateResult {
    const client = this.client;
    if (!client)
      return html`<p class="notice" part="notice">${this.t('canned-replies.no-client')}</p>`;
    const status = this.status.value;
    if (status?.state === 'error') {
      return html`<p class="notice error" part="notice" role="alert">
        ${this.t('canned-replies.load-error', { reason: this.errorText(status.error) })}
      </p>`;
    }
    if (!this.replies.value || status?.state === 'loading') {
      return html`<p class="notice" part="notice" role="status">
        ${this.t('canned-replies.loading')}
      </p>`;
    }
    const draft = this.draft;
    if (draft) {
      const scopes = this.liveChats.value.filter((liveChat) => this.keeps(liveChat.id));
      return renderCannedForm(
        {
          t: this.t.bind(this),
          locale: this.locale,
          draft,
          scopes,
          problems: this.problems,
          error: this.error,
          pending: this.pending,
          disabled: this.offline,
        },
        this.formActions,
      );
    }
    return html`<div class="tools">
        <input
          type="search"
          part="search"
          aria-label=${this.t('canned-replies.search')}
          placeholder=${this.t('canned-replies.search')}
          .value=${this.search}
          @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          class="button primary"
          part="new"
          ?disabled=${this.offline}
          @click=${() => this.startForm({ scope: 'personal', shortcut: '', text: '' }, '[part~="new"]')}
        >
          ${this.t('canned-replies.new')}
        </button>
      </div>
      ${this.error ? html`<p class="form-error" part="error" role="alert">${this.error}</p>` : nothing}
      ${renderReplyGroups(
        this.groups(),
        {
          t: this.t.bind(this),
          search: this.search.trim(),
          empty: !this.replies.value.length,
          confirming: this.confirming,
          disabled: this.offline || this.pending,
        },
        this.listActions,
      )}`;
  }

  override render(): TemplateResult {
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      aria-describedby="intro"
      @cancel=${this.onCancel}
      @keydown=${wrapTabInDialog}
    >
      <div class="head">
        <h2 id="title">${this.t('canned-replies.title')}</h2>
        <button type="button" class="button" part="close" @click=${this.close}>
          ${this.t('canned-replies.close')}
        </button>
      </div>
      <p id="intro" class="hint">${this.t('canned-replies.intro')}</p>
      ${
        this.offline && this.client
          ? html`<p class="notice offline" part="notice" role="status">
              ${this.t('canned-replies.offline')}
            </p>`
          : nothing
      }
      ${this.renderBody()}
      <p class="visually-hidden" role="status">${this.done}</p>
    </dialog>`;
  }
}

/** The selector of a part of one reply in the list. */
const itemPart = (replyId: Id, part: string) =>
  `[data-reply-id="${CSS.escape(replyId)}"] [part~="${part}"]`;

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-canned-replies': LiveChatCannedReplies;
  }
}
