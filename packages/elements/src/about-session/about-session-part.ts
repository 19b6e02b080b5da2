import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { LiveChatClient, SessionView } from '@live-chat/core';
import { property, state } from 'lit/decorators.js';
import { FocusAfterUpdateController } from '../controllers/focus-after-update.js';
import { sessionStream } from '../controllers/session-streams.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import type { ShownText } from '../shared/untrusted-text.js';
import './about-session.messages.js';

/** A success or error message shown after an action, where it happened. */
export interface Feedback {
  kind: 'notice' | 'error';
  /** The message, names in it isolated (see `tIsolated`). */
  text: string | ShownText;
}

/** What a part is given to render: the session, the client, and whether the user may not act. */
export interface PartContext {
  view: SessionView;
  client: LiveChatClient;
  readOnly: boolean;
}

/**
 * Id of the (hidden) reason each part gives for its disabled controls. Inside
 * `<live-chat-about-session>` the pane also shows it once, visibly, under the same id.
 */
export const READ_ONLY_NOTE_ID = 'read-only-note';

/**
 * Base of the parts of `<live-chat-about-session>` (session header, reassign form, binder
 * panel, +Actions menu, customer card). Each part is usable alone with a `client` and a
 * `session-id`: it observes the session itself, runs its own commands and shows their
 * outcome beside its controls. When the user may view but not act on the session, its controls
 * are disabled and described by the reason.
 *
 * A part shows nothing until the session is known; then it renders {@link renderPart}, with the
 * (hidden) reason for its disabled controls when the user may not act on the session.
 */
export abstract class AboutSessionPart extends LiveChatElement {
  /** The session as the client sees it; `null` until known, `undefined` when not visible. @internal */
  protected readonly view = sessionStream(this);
  /** @internal */
  protected readonly focusAfterUpdate = new FocusAfterUpdateController(this);

  /** Keys of the commands in flight (a second click waits for the first). @internal */
  @state() protected busy: ReadonlySet<string> = new Set();
  /** The last outcome per place (`reassign`, `binder:<id>`, `action`, `customer`…). @internal */
  @state() protected feedback: Readonly<Record<string, Feedback | undefined>> = {};

  /** Id of the session to show; nothing is shown when empty or not visible to the user. */
  @property({ attribute: 'session-id' })
  sessionId?: string;

  /** Whether the user may view but not act on the session (its controls are then disabled). @internal */
  protected get readOnly(): boolean {
    const { client, sessionId } = this;
    return !client || !sessionId || !client.canActOn(sessionId);
  }

  /** Forgets what was half done for the previous session; parts add their own state. @internal */
  protected resetForNewSession(): void {
    this.feedback = {};
  }

  /** @internal */
  protected setBusy(key: string, value: boolean): void {
    const next = new Set(this.busy);
    if (value) next.add(key);
    else next.delete(key);
    this.busy = next;
  }

  /** @internal */
  protected setFeedback(key: string, value: Feedback | undefined): void {
    this.feedback = { ...this.feedback, [key]: value };
  }

  /** `aria-describedby` of a control that is disabled while read-only. @internal */
  protected describedBy(readOnly: boolean): string | undefined {
    return readOnly ? READ_ONLY_NOTE_ID : undefined;
  }

  /** The reason the controls are disabled, for assistive technology (shown by the pane). @internal */
  protected renderReadOnlyNote(readOnly: boolean): TemplateResult | typeof nothing {
    return readOnly
      ? html`<span id=${READ_ONLY_NOTE_ID} hidden>${this.t('about-session.readOnly')}</span>`
      : nothing;
  }

  /** @internal */
  protected renderFeedback(key: string): TemplateResult | typeof nothing {
    const feedback = this.feedback[key];
    if (!feedback) return nothing;
    return feedback.kind === 'error'
      ? html`<p class="error" part="feedback" role="alert" tabindex="-1" data-feedback=${key}>
          ${feedback.text}
        </p>`
      : html`<p class="notice" part="feedback" role="status" tabindex="-1" data-feedback=${key}>
          ${feedback.text}
        </p>`;
  }

  /** Focuses the message shown at `key` after the next update. @internal */
  protected focusFeedbackSoon(key: string): void {
    this.focusAfterUpdate.focus(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-feedback="${CSS.escape(key)}"]`),
    );
  }

  /** What the part shows of a session the user can see; `nothing` to show nothing. @internal */
  protected abstract renderPart(context: PartContext): TemplateResult | typeof nothing;

  override render(): TemplateResult | typeof nothing {
    const client = this.client;
    const view = this.view.value;
    if (!client || !view) return nothing;
    const readOnly = this.readOnly;
    const part = this.renderPart({ view, client, readOnly });
    return part === nothing ? nothing : html`${this.renderReadOnlyNote(readOnly)} ${part}`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A different session: nothing half-done carries over.
    if (changed.has('sessionId') && changed.get('sessionId') !== undefined) {
      this.resetForNewSession();
    }
  }
}
