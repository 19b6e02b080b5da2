import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Id, LiveChatClient } from '@live-chat/core';
import { targetName } from '../about-session/assignee.js';
import type { Translate } from '../i18n/catalogue.js';
import type { ShownText } from '../shared/untrusted-text.js';
import type { TakeLostDetail } from '../events/take-lost.js';

/**
 * What the conversation shows when its session leaves the user's view because of something
 * they know about, instead of the bare "not available": who took the session they tried to
 * take, or where they reassigned it; and, whatever the reason, the draft they had written,
 * kept with a Copy draft button. Templates only: the conversation holds the state.
 */

/** Why the session left the user's view, as far as the conversation knows. */
export type GoneReason =
  { kind: 'taken'; by?: string } | { kind: 'reassigned'; to: string } | { kind: 'unknown' };

/** What the gone state shows. */
export interface SessionGoneView {
  reason: GoneReason;
  /** The draft the user had written in the session ('' for none). */
  draft: string;
  /** The outcome of the last Copy draft. */
  copied?: 'done' | 'failed';
  t: Translate;
  /** A catalogue text with isolated string parameters (names). */
  tIsolated: (
    key: 'conversation.gone.takenBy' | 'conversation.gone.reassigned',
    params: Record<string, string>,
  ) => ShownText;
}

/** What the gone state's button calls. */
export interface SessionGoneActions {
  copyDraft: () => void;
}

function title(view: SessionGoneView): ShownText | string {
  const { reason, t } = view;
  switch (reason.kind) {
    case 'taken':
      return reason.by
        ? view.tIsolated('conversation.gone.takenBy', { name: reason.by })
        : t('conversation.gone.taken');
    case 'reassigned':
      return view.tIsolated('conversation.gone.reassigned', { name: reason.to });
    case 'unknown':
      return t('conversation.unavailable.title');
  }
}

function text(view: SessionGoneView): string {
  const { reason, t } = view;
  if (reason.kind === 'taken') return t('conversation.gone.takenText');
  if (reason.kind === 'reassigned') return t('conversation.gone.reassignedText');
  return t('conversation.unavailable.text');
}

/** The kept draft, as text, with Copy draft and its outcome. */
function renderDraft(view: SessionGoneView, actions: SessionGoneActions): TemplateResult {
  const { t } = view;
  return html`<section class="kept-draft" aria-labelledby="kept-draft-title">
    <h3 id="kept-draft-title">${t('conversation.gone.draftTitle')}</h3>
    <p class="kept-draft-text" part="kept-draft">${view.draft}</p>
    <button class="button" part="copy-draft-button" type="button" @click=${actions.copyDraft}>
      ${t('conversation.gone.copyDraft')}
    </button>
    <span role="status" class=${view.copied === 'failed' ? 'field-error' : ''}
      >${
        view.copied
          ? t(view.copied === 'done' ? 'conversation.gone.copied' : 'conversation.gone.copyFailed')
          : nothing
      }</span
    >
  </section>`;
}

/** The gone state: a heading saying what happened (focusable), a line, and the kept draft. */
export function renderSessionGone(
  view: SessionGoneView,
  actions: SessionGoneActions,
): TemplateResult {
  return html`<div class="placeholder gone" part="placeholder">
    <div role="status">
      <h2 id="gone-title" part="gone-title" tabindex="-1">${title(view)}</h2>
    </div>
    <p>${text(view)}</p>
    ${view.draft ? renderDraft(view, actions) : nothing}
  </div>`;
}

/** What the controller needs from the conversation. */
export interface SessionGoneHost extends HTMLElement {
  readonly client?: LiveChatClient;
  readonly sessionId?: string;
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
}

/**
 * Remembers, per conversation, what the user did that may take the session out of their view
 * (a take they lost, a reassignment they made) and whether Copy draft worked, and renders the
 * gone state from it. A reassignment is heard from the About pane beside the conversation: its
 * `live-chat-session-reassigned` bubbles up to the root the two share, where the controller
 * listens while the conversation is in the page.
 */
export class SessionGoneController implements ReactiveController {
  #lost: TakeLostDetail | undefined;
  #reassigned: { sessionId: Id; name: string } | undefined;
  #copied: { sessionId: Id; outcome: 'done' | 'failed' } | undefined;
  #root: Node | undefined;

  constructor(
    private readonly host: SessionGoneHost,
    private readonly options: {
      t: Translate;
      draft: (sessionId: Id) => string;
      focusTitle: () => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#root = this.host.getRootNode();
    this.#root.addEventListener('live-chat-session-reassigned', this.#onReassigned);
  }

  hostDisconnected(): void {
    this.#root?.removeEventListener('live-chat-session-reassigned', this.#onReassigned);
    this.#root = undefined;
  }

  /** The session is in view (again): what made it leave before is forgotten. */
  shown(sessionId: Id): void {
    if (this.#lost?.sessionId === sessionId) this.#lost = undefined;
    if (this.#reassigned?.sessionId === sessionId) this.#reassigned = undefined;
    if (this.#copied?.sessionId === sessionId) this.#copied = undefined;
  }

  /** The user lost a take of the session: another operator took it first. */
  readonly takeLost = (detail: TakeLostDetail): void => {
    this.#lost = detail;
    this.host.requestUpdate();
    this.options.focusTitle();
  };

  readonly #onReassigned = (event: Event): void => {
    const { sessionId, target } = (
      event as CustomEvent<{ sessionId: Id; target: Parameters<typeof targetName>[1] }>
    ).detail;
    const client = this.host.client;
    if (!client) return;
    this.#reassigned = { sessionId, name: targetName(client, target, this.options.t) };
    this.host.requestUpdate();
  };

  readonly #copyDraft = (): void => {
    const sessionId = this.host.sessionId;
    if (!sessionId) return;
    const done = (outcome: 'done' | 'failed') => {
      this.#copied = { sessionId, outcome };
      this.host.requestUpdate();
    };
    const clipboard = globalThis.navigator?.clipboard;
    if (!clipboard) return done('failed');
    clipboard.writeText(this.options.draft(sessionId)).then(
      () => done('done'),
      () => done('failed'),
    );
  };

  /** The gone state for the session no longer visible, with `tIsolated` for its names. */
  render(tIsolated: SessionGoneView['tIsolated']): TemplateResult | undefined {
    const sessionId = this.host.sessionId;
    if (!sessionId) return undefined;
    const draft = this.options.draft(sessionId).trim() ? this.options.draft(sessionId) : '';
    const lost = this.#lost?.sessionId === sessionId ? this.#lost : undefined;
    const reassigned = this.#reassigned?.sessionId === sessionId ? this.#reassigned : undefined;
    const byName = lost?.operatorId ? this.host.client?.getUser(lost.operatorId)?.name : undefined;
    const reason: GoneReason = lost
      ? { kind: 'taken', by: byName }
      : reassigned
        ? { kind: 'reassigned', to: reassigned.name }
        : { kind: 'unknown' };
    if (reason.kind === 'unknown' && !draft) return undefined;
    const copied = this.#copied?.sessionId === sessionId ? this.#copied.outcome : undefined;
    return renderSessionGone(
      { reason, draft, copied, t: this.options.t, tIsolated },
      { copyDraft: this.#copyDraft },
    );
  }
}
