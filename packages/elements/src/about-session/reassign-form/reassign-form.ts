import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  codePointLength,
  FIELD_LIMITS,
  validateHandoverNote,
  type AssigneeTarget,
  type LiveChatClient,
  type Session,
} from '@live-chat/core';
import { classMap } from 'lit/directives/class-map.js';
import { formatNumber } from '../../shared/format.js';
import { sessionReassignedEvent } from '../../events/session-reassigned.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { AboutSessionPart, type PartContext } from '../about-session-part.js';
import { aboutSessionPartStyles } from '../about-session-part.styles.js';
import { reassignTargets, targetName, targetValue } from '../assignee.js';
import { reassignFormStyles } from './reassign-form.styles.js';
import {
  keyHint,
  shortcutKeysContext,
  type ShortcutKeys,
} from '../../shortcuts/shortcut-keys-context.js';

export type { SessionReassignedDetail } from '../../events/session-reassigned.js';

/**
 * Reassigns a session to an operator or an operator group among the reassignment targets of
 * its live chat (the current assignee is not offered), with an optional note for the new
 * assignee (at most `FIELD_LIMITS.handoverNote` characters, counted as you type), which they see
 * above the conversation and in their activity. Closed sessions cannot be reassigned: the form
 * is not shown for them. A part of `<live-chat-about-session>`, usable alone.
 *
 * @summary Reassign a session to an operator or a group.
 *
 * @fires live-chat-session-reassigned - The session was reassigned. Detail: `{ sessionId, target }`.
 *
 * @csspart reassign - The reassign form.
 * @csspart reassign-select - The list of reassignment targets.
 * @csspart reassign-button - The Reassign button.
 * @csspart handover-input - The note for the new assignee.
 * @csspart handover-count - The note's character count.
 * @csspart feedback - The outcome of the last reassignment.
 */
@customElement('live-chat-reassign-form')
export class LiveChatReassignForm extends AboutSessionPart {
  /** The design tokens (see `styles/tokens.ts`), then the part's own styles. */
  static override styles = [tokens, buttonStyles, aboutSessionPartStyles, reassignFormStyles];

  /** The workspace's shortcuts: "Reassign to" names the key that comes here. */
  @consume({ context: shortcutKeysContext, subscribe: true })
  @state()
  private shortcutKeys?: ShortcutKeys;
  @state() private reassignValue = '';
  @state() private note = '';

  /** @internal */
  protected override resetForNewSession(): void {
    super.resetForNewSession();
    this.reassignValue = '';
    this.note = '';
  }

  private name(client: LiveChatClient, target: AssigneeTarget): string {
    return targetName(client, target, (key, params) => this.t(key, params));
  }

  private onReassignChange(event: Event): void {
    this.reassignValue = (event.target as HTMLSelectElement).value;
  }

  private async onReassignSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const view = this.view.value;
    if (!client || !view || this.busy.has('reassign')) return;
    const sessionId = view.session.id;
    const target = reassignTargets(client, view.session).find(
      (t) => targetValue(t) === this.reassignValue,
    );
    if (!target) {
      this.setFeedback('reassign', { kind: 'error', text: this.t('about-session.reassignPick') });
      return;
    }
    const note = this.note.trim() ? validateHandoverNote(this.note) : undefined;
    if (note && !note.ok) {
      this.setFeedback('reassign', { kind: 'error', text: this.errorText(note.error) });
      return;
    }
    this.setBusy('reassign', true);
    this.setFeedback('reassign', undefined);
    const result = await client.reassign(sessionId, target, note?.value);
    this.setBusy('reassign', false);
    if (!result.ok) {
      this.setFeedback('reassign', { kind: 'error', text: this.errorText(result.error) });
      return;
    }
    this.reassignValue = '';
    this.note = '';
    this.setFeedback('reassign', {
      kind: 'notice',
      text: this.tIsolated('about-session.reassigned', { name: this.name(client, target) }),
    });
    this.dispatchEvent(sessionReassignedEvent({ sessionId, target }));
  }

  private renderNote(readOnly: boolean): TemplateResult {
    const limit = FIELD_LIMITS.handoverNote;
    const length = codePointLength(this.note.trim());
    const over = length > limit;
    return html`<label for="handover-input">${this.t('about-session.handoverNote')}</label>
      <textarea
        id="handover-input"
        part="handover-input"
        rows="2"
        .value=${live(this.note)}
        ?disabled=${readOnly}
        aria-describedby="handover-hint handover-count"
        aria-invalid=${over ? 'true' : 'false'}
        @input=${(event: Event) => (this.note = (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <span class="handover-foot">
        <span id="handover-hint">${this.t('about-session.handoverHint')}</span>
        <span id="handover-count" part="handover-count" class=${classMap({ count: true, over })}
          >${this.t('about-session.handoverCount', {
            count: formatNumber(length, this.locale),
            limit: formatNumber(limit, this.locale),
          })}${over ? html` — ${this.t('about-session.handoverTooLong', { count: length - limit })}` : nothing}</span
        >
      </span>`;
  }

  private renderForm(session: Session, client: LiveChatClient): TemplateResult | typeof nothing {
    if (session.status === 'closed') return nothing;
    const targets = reassignTargets(client, session);
    if (targets.length === 0) return nothing;
    const readOnly = this.readOnly;
    const operators = targets.filter((t) => t.kind === 'operator');
    const groups = targets.filter((t) => t.kind === 'group');
    const busy = this.busy.has('reassign');
    const keys = keyHint(this.t('about-session.reassignTo'), this.shortcutKeys?.keys.reassign);
    const option = (target: AssigneeTarget) =>
      html`<option
        value=${targetValue(target)}
        ?selected=${this.reassignValue === targetValue(target)}
      >
        ${this.name(client, target)}
      </option>`;
    return html`
      <form class="reassign" part="reassign" @submit=${this.onReassignSubmit}>
        <label for="reassign-select">${this.t('about-session.reassignTo')}</label>
        <select
          id="reassign-select"
          part="reassign-select"
          aria-keyshortcuts=${keys.ariaKeyshortcuts ?? nothing}
          title=${keys.ariaKeyshortcuts ? keys.title : nothing}
          .value=${live(this.reassignValue)}
          ?disabled=${readOnly}
          aria-describedby=${ifDefined(this.describedBy(readOnly))}
          @change=${this.onReassignChange}
        >
          <option value="" ?selected=${this.reassignValue === ''}>
            ${this.t('about-session.reassignChoose')}
          </option>
          ${
            operators.length
              ? html`<optgroup label=${this.t('about-session.reassignOperators')}>
                  ${operators.map(option)}
                </optgroup>`
              : nothing
          }
          ${groups.length ? html`<optgroup label=${this.t('about-session.reassignGroups')}>${groups.map(option)}</optgroup>` : nothing}
        </select>
        ${this.renderNote(readOnly)}
        <button
          class="button"
          part="reassign-button"
          type="submit"
          ?disabled=${readOnly}
          aria-busy=${busy ? 'true' : 'false'}
        >
          ${this.t('about-session.reassign')}
        </button>
      </form>
    `;
  }

  /** @internal */
  protected override renderPart({ view, client }: PartContext): TemplateResult {
    return html`${this.renderForm(view.session, client)} ${this.renderFeedback('reassign')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-reassign-form': LiveChatReassignForm;
  }
}
