import { html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  TAG_LIMITS,
  type ErrorInfo,
  type Id,
  type Session,
  type SessionTag,
} from '@live-chat/core';
import { urgentIcon } from '../../session-list/urgent-icon.js';
import { clamped } from '../../shared/clamped-text.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { AboutSessionPart, type PartContext } from '../about-session-part.js';
import { aboutSessionPartStyles } from '../about-session-part.styles.js';
import { sessionTriageStyles } from './session-triage.styles.js';
import './session-triage.messages.js';

/** The tags of `session` among those `offered`, in the live chat's order (unknown ids left out). */
export function sessionTags(session: Session, offered: readonly SessionTag[]): SessionTag[] {
  const carried = new Set(session.tags ?? []);
  return carried.size === 0 ? [] : offered.filter((tag) => carried.has(tag.id));
}

/**
 * Triage of a session: the tags it carries, as chips, with an editor (a checkbox per tag of the
 * live chat, at most ten checked, each change saved at once; Escape or Done closes it and gives
 * focus back to Edit tags), and its urgent mark (Mark urgent / Not urgent; urgent sessions go
 * first in the queue). A part of `<live-chat-about-session>`, usable alone. Where the user may
 * view but not act on the session, both controls are disabled, described by the reason.
 *
 * @summary A session's tags (chips and editor) and its urgent mark.
 *
 * @csspart tags - The list of the session's tags.
 * @csspart tag - One tag chip.
 * @csspart edit-tags-button - Opens and closes the tag editor.
 * @csspart tag-editor - The checkboxes of the live chat's tags.
 * @csspart tag-option - One tag's checkbox and label.
 * @csspart urgent-state - Whether the session is urgent, in words and with an icon.
 * @csspart urgent-button - Mark urgent / Not urgent.
 * @csspart feedback - Why a change was refused.
 */
@customElement('live-chat-session-triage')
export class LiveChatSessionTriage extends AboutSessionPart {
  /** The design tokens (see `styles/tokens.ts`), then the part's own styles. */
  static override styles = [tokens, buttonStyles, aboutSessionPartStyles, sessionTriageStyles];

  @query('[part~="edit-tags-button"]') private editButton?: HTMLButtonElement;

  @state() private editing = false;
  /** The tags asked for while a change is in flight: what the checkboxes show meanwhile. */
  @state() private pendingTags: readonly Id[] | undefined;
  /** Counts tag changes, so that only the answer to the last one ends the pending state. */
  private tagRequest = 0;

  /** @internal */
  protected override resetForNewSession(): void {
    super.resetForNewSession();
    this.editing = false;
    this.pendingTags = undefined;
    this.tagRequest++;
  }

  private toggleEditor(): void {
    this.editing = !this.editing;
    if (this.editing) {
      this.focusAfterUpdate.focus(() =>
        this.renderRoot.querySelector<HTMLInputElement>('[part~="tag-option"] input:enabled'),
      );
    } else {
      this.focusAfterUpdate.focus(() => this.editButton);
    }
  }

  private onEditorKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.toggleEditor();
  }

  private async onTagChange(tagId: Id, event: Event): Promise<void> {
    const { client, sessionId } = this;
    const view = this.view.value;
    if (!client || !sessionId || !view) return;
    const checked = (event.target as HTMLInputElement).checked;
    const current = this.pendingTags ?? view.session.tags ?? [];
    const next = checked ? [...current, tagId] : current.filter((id) => id !== tagId);
    const request = ++this.tagRequest;
    this.pendingTags = next;
    this.setFeedback('tags', undefined);
    const result = await client.setTags(sessionId, [...next]);
    if (request !== this.tagRequest) return;
    this.pendingTags = undefined;
    if (!result.ok) this.showError('tags', this.tagsErrorText(result.error));
  }

  private async onUrgentClick(): Promise<void> {
    const { client, sessionId } = this;
    const view = this.view.value;
    if (!client || !sessionId || !view || this.busy.has('urgent')) return;
    this.setBusy('urgent', true);
    this.setFeedback('urgent', undefined);
    const result = await client.setUrgent(sessionId, view.session.urgent !== true);
    this.setBusy('urgent', false);
    if (sessionId !== this.sessionId || result.ok) return;
    this.showError(
      'urgent',
      this.t('session-triage.urgentFailed', { reason: this.errorText(result.error) }),
    );
  }

  private showError(key: string, text: string): void {
    this.setFeedback(key, { kind: 'error', text });
    this.focusFeedbackSoon(key);
  }

  private tagsErrorText(error: ErrorInfo): string {
    const limit = error.details?.['limit'];
    const reason =
      error.code === 'VALIDATION' && typeof limit === 'number'
        ? this.t('session-triage.tagsLimit', { limit })
        : this.errorText(error);
    return this.t('session-triage.tagsFailed', { reason });
  }

  private renderChips(tags: readonly SessionTag[]): TemplateResult {
    if (tags.length === 0)
      return html`<p class="muted" part="tags">${this.t('session-triage.noTags')}</p>`;
    return html`<ul class="chips" part="tags" aria-labelledby="tags-heading">
      ${tags.map((tag) => html`<li class="chip" part="tag">${clamped(tag.label)}</li>`)}
    </ul>`;
  }

  private renderEditor(offered: readonly SessionTag[], chosen: readonly Id[]): TemplateResult {
    const full = chosen.length >= TAG_LIMITS.perSession;
    const limit = TAG_LIMITS.perSession;
    return html`<fieldset
      id="tag-editor"
      class="editor"
      part="tag-editor"
      aria-describedby="tags-hint"
      @keydown=${this.onEditorKeydown}
    >
      <legend class="visually-hidden">${this.t('session-triage.chooseTags')}</legend>
      ${offered.map((tag) => {
        const checked = chosen.includes(tag.id);
        return html`<label class="option" part="tag-option">
          <input
            type="checkbox"
            .checked=${live(checked)}
            ?disabled=${full && !checked}
            @change=${(event: Event) => void this.onTagChange(tag.id, event)}
          />
          ${clamped(tag.label)}
        </label>`;
      })}
      <p id="tags-hint" class="hint">
        ${this.t(full ? 'session-triage.tagsFull' : 'session-triage.tagsHint', { limit })}
      </p>
    </fieldset>`;
  }

  private renderTags(session: Session, offered: readonly SessionTag[], readOnly: boolean) {
    const chosen = this.pendingTags ?? session.tags ?? [];
    const editing = this.editing && !readOnly && offered.length > 0;
    return html`<section class="tags" aria-labelledby="tags-heading">
      <h3 id="tags-heading">${this.t('session-triage.tags')}</h3>
      ${this.renderChips(sessionTags({ ...session, tags: [...chosen] }, offered))}
      ${
        offered.length === 0
          ? html`<p class="muted">${this.t('session-triage.noTagsOffered')}</p>`
          : html`<button
              class="button"
              part="edit-tags-button"
              type="button"
              aria-expanded=${editing ? 'true' : 'false'}
              aria-controls=${ifDefined(editing ? 'tag-editor' : undefined)}
              aria-describedby=${ifDefined(this.describedBy(readOnly))}
              ?disabled=${readOnly}
              @click=${this.toggleEditor}
            >
              ${this.t(editing ? 'session-triage.doneTags' : 'session-triage.editTags')}
            </button>`
      }
      ${editing ? this.renderEditor(offered, chosen) : nothing} ${this.renderFeedback('tags')}
    </section>`;
  }

  private renderUrgent(session: Session, readOnly: boolean): TemplateResult {
    const urgent = session.urgent === true;
    return html`<section class="urgent" aria-labelledby="urgent-heading">
      <h3 id="urgent-heading">${this.t('session-triage.urgent')}</h3>
      <p class="urgent-state ${urgent ? 'on' : ''}" part="urgent-state">
        ${urgent ? html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${urgentIcon}</svg>` : nothing}
        ${this.t(urgent ? 'session-triage.urgentOn' : 'session-triage.urgentOff')}
      </p>
      <button
        class="button"
        part="urgent-button"
        type="button"
        aria-describedby=${ifDefined(this.describedBy(readOnly))}
        ?disabled=${readOnly || this.busy.has('urgent')}
        @click=${this.onUrgentClick}
      >
        ${this.t(urgent ? 'session-triage.unmarkUrgent' : 'session-triage.markUrgent')}
      </button>
      ${this.renderFeedback('urgent')}
    </section>`;
  }

  /** @internal */
  protected override renderPart({ view, client, readOnly }: PartContext): TemplateResult {
    const offered = client.getLiveChat(view.session.liveChatId)?.tags ?? [];
    return html`${this.renderTags(view.session, offered, readOnly)}
    ${this.renderUrgent(view.session, readOnly)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-session-triage': LiveChatSessionTriage;
  }
}
