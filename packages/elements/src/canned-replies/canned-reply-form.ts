import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  CANNED_LIMITS,
  CANNED_SHORTCUT_PATTERN,
  CANNED_VARIABLES,
  MAX_MESSAGE_LENGTH,
  type CannedReply,
  type CannedScope,
  type Id,
  type LiveChat,
} from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { renderCount } from '../composer/composer-count.js';

/**
 * The form of `<live-chat-canned-replies>` that creates or changes one reply: where it is kept
 * (new replies only), its shortcut, its text with buttons that insert the variables, the count
 * as the composer counts, and what is wrong, said under the field it is about.
 */

/** A reply being written: a new one without `replyId`. */
export interface CannedDraft {
  replyId?: Id;
  /** `'personal'`, or the id of the live chat that keeps it. */
  scope: 'personal' | Id;
  shortcut: string;
  text: string;
}

/** What is wrong with a draft's fields, as sentences to show. */
export interface DraftProblems {
  shortcut?: string;
  text?: string;
}

/** A reply's scope as a draft names it: `'personal'`, or its live chat's id. */
export function draftScopeOf(reply: CannedReply): CannedDraft['scope'] {
  return reply.scope.kind === 'personal' ? 'personal' : reply.scope.liveChatId;
}

/** A draft changing `reply`. */
export function draftOf(reply: CannedReply): CannedDraft {
  return {
    replyId: reply.id,
    scope: draftScopeOf(reply),
    shortcut: reply.shortcut,
    text: reply.text,
  };
}

/** The client's scope of a draft. */
export function scopeOfDraft(draft: CannedDraft): CannedScope | { kind: 'personal' } {
  return draft.scope === 'personal'
    ? { kind: 'personal' }
    : { kind: 'live-chat', liveChatId: draft.scope };
}

/** What is wrong with the shortcut, before anything is sent; undefined when it may be saved. */
export function shortcutProblem(
  t: Translate,
  draft: CannedDraft,
  replies: readonly CannedReply[],
): string | undefined {
  const shortcut = draft.shortcut.trim();
  const limit = CANNED_LIMITS.shortcut;
  if (!shortcut) return t('canned-replies.form.shortcut-empty');
  if ([...shortcut].length > limit) return t('canned-replies.form.shortcut-long', { limit });
  if (!CANNED_SHORTCUT_PATTERN.test(shortcut)) return t('canned-replies.form.shortcut-invalid');
  const taken = replies.some(
    (reply) =>
      reply.id !== draft.replyId &&
      draftScopeOf(reply) === draft.scope &&
      reply.shortcut.toLocaleLowerCase() === shortcut.toLocaleLowerCase(),
  );
  return taken ? t('canned-replies.form.shortcut-taken', { shortcut }) : undefined;
}

/** The text with `variable` written in at the field's caret, and where the caret goes after it. */
export function withVariable(
  field: HTMLTextAreaElement,
  variable: string,
): { text: string; caret: number } {
  const token = `{{${variable}}}`;
  const { value, selectionStart, selectionEnd } = field;
  return {
    text: value.slice(0, selectionStart) + token + value.slice(selectionEnd),
    caret: selectionStart + token.length,
  };
}

/** What the form shows. */
export interface CannedFormView {
  t: Translate;
  locale: string;
  draft: CannedDraft;
  /** The live chats whose replies the user keeps: a new reply may be kept there (or be personal). */
  scopes: readonly LiveChat[];
  problems: DraftProblems;
  /** Why the last save was refused, when not about one field. */
  error: string | undefined;
  pending: boolean;
  /** Saving is impossible now (offline). */
  disabled: boolean;
}

/** What the form's controls call. */
export interface CannedFormActions {
  change: (patch: Partial<CannedDraft>) => void;
  insertVariable: (variable: string) => void;
  submit: (event: SubmitEvent) => void;
  cancel: () => void;
}

/** Ids of the descriptions of a field: its hint, count or problem, whichever are shown. */
const describedBy = (...ids: Array<string | false | undefined>) =>
  ids.filter(Boolean).join(' ') || nothing;

/** The form. */
export function renderCannedForm(view: CannedFormView, actions: CannedFormActions): TemplateResult {
  const { t, draft, problems } = view;
  const length = draft.text.trimEnd().length;
  const over = length > MAX_MESSAGE_LENGTH;
  const value = (event: Event) => (event.target as HTMLInputElement).value;
  return html`<form part="form" class="form" novalidate @submit=${actions.submit}>
    <h3 id="form-title" part="form-title">
      ${
        draft.replyId
          ? t('canned-replies.form.edit', { shortcut: draft.shortcut })
          : t('canned-replies.form.new')
      }
    </h3>
    ${
      draft.replyId
        ? nothing
        : html`<div class="field">
            <label for="scope">${t('canned-replies.form.scope')}</label>
            <select
              id="scope"
              part="scope"
              .value=${draft.scope}
              @change=${(e: Event) => actions.change({ scope: value(e) })}
            >
              <option value="personal" ?selected=${draft.scope === 'personal'}>
                ${t('canned-replies.form.scope-personal')}
              </option>
              ${view.scopes.map(
                (liveChat) =>
                  html`<option value=${liveChat.id} ?selected=${liveChat.id === draft.scope}>
                    ${t('canned-replies.form.scope-live-chat', { liveChat: liveChat.name })}
                  </option>`,
              )}
            </select>
          </div>`
    }
    <div class="field">
      <label for="shortcut">${t('canned-replies.form.shortcut')}</label>
      <div class="shortcut-field">
        <span aria-hidden="true">/</span>
        <input
          id="shortcut"
          part="shortcut"
          autocomplete="off"
          spellcheck="false"
          .value=${live(draft.shortcut)}
          aria-invalid=${problems.shortcut ? 'true' : 'false'}
          aria-describedby=${describedBy('shortcut-hint', problems.shortcut && 'shortcut-problem')}
          @input=${(e: Event) => actions.change({ shortcut: value(e) })}
        />
      </div>
      <p id="shortcut-hint" class="hint">
        ${t('canned-replies.form.shortcut-hint', { limit: CANNED_LIMITS.shortcut })}
      </p>
      ${
        problems.shortcut
          ? html`<p id="shortcut-problem" class="field-error" part="field-error">
              ${problems.shortcut}
            </p>`
          : nothing
      }
    </div>
    <div class="field">
      <label for="text">${t('canned-replies.form.text')}</label>
      <textarea
        id="text"
        part="text"
        rows="5"
        .value=${live(draft.text)}
        aria-invalid=${problems.text || over ? 'true' : 'false'}
        aria-describedby=${describedBy('text-count', problems.text && 'text-problem', 'variables-hint')}
        @input=${(e: Event) => actions.change({ text: value(e) })}
      ></textarea>
      ${renderCount(t, view.locale, length, 'text-count')}
      ${
        problems.text
          ? html`<p id="text-problem" class="field-error" part="field-error">${problems.text}</p>`
          : nothing
      }
    </div>
    <div class="variables" part="variables" role="group" aria-labelledby="variables-label">
      <span id="variables-label">${t('canned-replies.form.variables')}</span>
      ${CANNED_VARIABLES.map(
        (variable) =>
          html`<button
            type="button"
            class="button"
            part="variable"
            data-variable=${variable}
            @click=${() => actions.insertVariable(variable)}
          >
            ${t(`canned-replies.variable.${variable}`)} <code>{{${variable}}}</code>
          </button>`,
      )}
      <p id="variables-hint" class="hint">${t('canned-replies.form.variables-hint')}</p>
    </div>
    ${
      view.error ? html`<p class="form-error" part="error" role="alert">${view.error}</p>` : nothing
    }
    <div class="form-actions">
      <button type="button" class="button" part="cancel" @click=${actions.cancel}>
        ${t('canned-replies.form.cancel')}
      </button>
      <button
        type="submit"
        class="button primary"
        part="save"
        ?disabled=${view.pending || view.disabled}
      >
        ${view.pending ? t('canned-replies.form.saving') : t('canned-replies.form.save')}
      </button>
    </div>
  </form>`;
}
