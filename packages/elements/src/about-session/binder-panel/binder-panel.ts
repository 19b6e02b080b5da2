import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Binder, Binding, HostRecord, LiveChatClient, Session } from '@live-chat/core';
import { clientStream } from '../../controllers/client-streams.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { AboutSessionPart, type PartContext } from '../about-session-part.js';
import { aboutSessionPartStyles } from '../about-session-part.styles.js';
import { isolated } from '../../shared/untrusted-text.js';
import { clamped } from '../../shared/clamped-text.js';
import { binderPanelStyles } from './binder-panel.styles.js';

/** Delay between typing in a binder's search field and asking the host. */
const RECORD_SEARCH_DEBOUNCE_MS = 250;

/**
 * The host's binders for a session (see `client.registerBinder`): the records bound to it,
 * +Bind to search the host's records or create one, and Unbind. Escape closes a binder's panel
 * and returns focus to its +Bind. Host labels are rendered as text. Nothing is shown while no
 * binder is registered. A part of `<live-chat-about-session>`, usable alone.
 *
 * `bindMessage(messageId, preview)` binds one message instead of the session ("to register a
 * message"): the panel says which message, the next record bound or created is bound to it,
 * and "Bind the session instead" goes back.
 *
 * @summary Bind a session to the host's records (search, create, unbind).
 *
 * @csspart binders - The section of host binders.
 * @csspart binder - One binder.
 * @csspart binding - One bound record.
 * @csspart bind-button - The +Bind button of a binder.
 * @csspart bind-panel - The search / create panel of a binder.
 * @csspart record-search - The binder's search field.
 * @csspart record-option - A found record (activate to bind it).
 * @csspart create-button - Creates a record with the binder.
 * @csspart unbind-button - Removes a binding.
 * @csspart feedback - The outcome of the last bind or unbind.
 * @csspart message-target - Which message the next binding is for.
 */
@customElement('live-chat-binder-panel')
export class LiveChatBinderPanel extends AboutSessionPart {
  /** The design tokens (see `styles/tokens.ts`), then the part's own styles. */
  static override styles = [tokens, buttonStyles, aboutSessionPartStyles, binderPanelStyles];

  private readonly binders = clientStream(this, (client) => client.binders$, []);

  @state() private openBinderId?: string;
  @state() private recordQuery = '';
  @state() private records?: HostRecord[];
  @state() private searchingRecords = false;
  /** The message the next binding is for; the session when absent. */
  @state() private messageTarget?: { messageId: string; preview: string };

  private searchTimer?: ReturnType<typeof setTimeout>;
  /** Increments per record search, so a slow answer to an old query is ignored. */
  private searchGeneration = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSearch();
  }

  /** @internal */
  protected override resetForNewSession(): void {
    super.resetForNewSession();
    this.openBinderId = undefined;
    this.messageTarget = undefined;
    this.records = undefined;
    this.stopSearch();
  }

  /**
   * Binds the message `messageId` of the session (described by `preview`) rather than the
   * session: with one binder its panel opens at once, with several the operator picks one.
   */
  bindMessage(messageId: string, preview: string): void {
    this.messageTarget = { messageId, preview };
    const binders = this.binders.value;
    const only = binders.length === 1 ? binders[0] : undefined;
    if (only && this.openBinderId !== only.id) this.onBindToggle(only);
    else
      this.focusAfterUpdate.focus(() =>
        this.renderRoot.querySelector<HTMLElement>('[data-bind-panel] input, [data-bind-button]'),
      );
  }

  private stopSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchGeneration++;
    this.searchingRecords = false;
  }

  private focusBindButtonSoon(binderId: string): void {
    this.focusAfterUpdate.focus(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-bind-button="${CSS.escape(binderId)}"]`),
    );
  }

  private onBindToggle(binder: Binder): void {
    if (this.openBinderId === binder.id) {
      this.closeBindPanel(binder.id);
      return;
    }
    this.openBinderId = binder.id;
    this.recordQuery = '';
    this.records = undefined;
    this.setFeedback(`binder:${binder.id}`, undefined);
    const panel = `[data-bind-panel="${CSS.escape(binder.id)}"]`;
    this.focusAfterUpdate.focus(() =>
      this.renderRoot.querySelector<HTMLElement>(`${panel} input, ${panel} button`),
    );
    if (binder.search) this.searchRecords(binder, '', 0);
  }

  private closeBindPanel(binderId: string): void {
    this.openBinderId = undefined;
    this.records = undefined;
    this.stopSearch();
    this.focusBindButtonSoon(binderId);
  }

  private onBindPanelKeydown(event: KeyboardEvent, binderId: string): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.closeBindPanel(binderId);
  }

  private onRecordQueryInput(event: Event, binder: Binder): void {
    this.recordQuery = (event.target as HTMLInputElement).value;
    this.searchRecords(binder, this.recordQuery, RECORD_SEARCH_DEBOUNCE_MS);
  }

  private searchRecords(binder: Binder, text: string, delay: number): void {
    clearTimeout(this.searchTimer);
    const generation = ++this.searchGeneration;
    this.searchingRecords = true;
    this.searchTimer = setTimeout(async () => {
      const { client, sessionId } = this;
      if (!client || !sessionId) return;
      const result = await client.searchRecords(
        binder.id,
        sessionId,
        text,
        this.messageTarget?.messageId,
      );
      if (generation !== this.searchGeneration) return;
      this.searchingRecords = false;
      if (result.ok) {
        this.records = result.value;
      } else {
        this.records = [];
        this.setFeedback(`binder:${binder.id}`, {
          kind: 'error',
          text: this.errorText(result.error),
        });
      }
    }, delay);
  }

  private async onRecordChosen(binder: Binder, record: HostRecord): Promise<void> {
    await this.bindWith(binder, (client, sessionId, messageId) =>
      client.bindRecord(binder.id, sessionId, record, messageId),
    );
  }

  private async onCreateRecord(binder: Binder): Promise<void> {
    await this.bindWith(binder, (client, sessionId, messageId) =>
      client.createRecord(binder.id, sessionId, messageId),
    );
  }

  private async bindWith(
    binder: Binder,
    bind: (
      client: LiveChatClient,
      sessionId: string,
      messageId: string | undefined,
    ) => ReturnType<LiveChatClient['bindRecord']>,
  ): Promise<void> {
    const { client, sessionId } = this;
    const key = `binder:${binder.id}`;
    if (!client || !sessionId || this.busy.has(key)) return;
    const before = new Set(
      this.view.value?.session.bindings.map((b) => `${b.binderId}|${b.recordId}`),
    );
    this.setBusy(key, true);
    this.setFeedback(key, undefined);
    const result = await bind(client, sessionId, this.messageTarget?.messageId);
    this.setBusy(key, false);
    if (!result.ok) {
      this.setFeedback(key, { kind: 'error', text: this.errorText(result.error) });
      return;
    }
    this.messageTarget = undefined;
    const added = result.value.session.bindings.find(
      (b) => b.binderId === binder.id && !before.has(`${b.binderId}|${b.recordId}`),
    );
    this.setFeedback(key, {
      kind: 'notice',
      text: this.tIsolated('about-session.bound', { label: added?.label ?? binder.label }),
    });
    this.closeBindPanel(binder.id);
  }

  private async onUnbind(binder: Binder, binding: Binding): Promise<void> {
    const { client, sessionId } = this;
    const key = `binder:${binder.id}`;
    if (!client || !sessionId || this.busy.has(key)) return;
    this.setBusy(key, true);
    const result = await client.unbindRecord(sessionId, binding.binderId, binding.recordId);
    this.setBusy(key, false);
    this.setFeedback(
      key,
      result.ok
        ? {
            kind: 'notice',
            text: this.tIsolated('about-session.unbound', { label: binding.label }),
          }
        : { kind: 'error', text: this.errorText(result.error) },
    );
    // The focused Unbind button is gone: +Bind of the same binder is the nearest control.
    this.focusBindButtonSoon(binder.id);
  }

  private renderBindings(bindings: Binding[], binder: Binder, readOnly: boolean) {
    if (bindings.length === 0) {
      return html`<p class="muted">${this.t('about-session.noBindings')}</p>`;
    }
    return html`<ul class="bindings">
      ${bindings.map(
        (binding) =>
          html`<li part="binding">
            <span class="binding-label" title=${binding.label}
              >${binding.messageId ? this.tIsolated('about-session.messageBinding', { label: binding.label }) : isolated(binding.label)}</span
            >
            <button
              class="icon-button"
              part="unbind-button"
              type="button"
              aria-label=${this.t('about-session.unbindLabel', { label: binding.label })}
              title=${this.t('about-session.unbind')}
              ?disabled=${readOnly}
              @click=${() => this.onUnbind(binder, binding)}
            >
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.5" />
              </svg>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private renderBinder(
    binder: Binder,
    index: number,
    session: Session,
    readOnly: boolean,
  ): TemplateResult {
    const bindings = session.bindings.filter((b) => b.binderId === binder.id);
    const open = this.openBinderId === binder.id && !readOnly;
    const busy = this.busy.has(`binder:${binder.id}`);
    const headingId = `binder-${index}`;
    const panelId = `binder-panel-${index}`;
    return html`
      <div class="binder" part="binder" role="group" aria-labelledby=${headingId}>
        <h4 id=${headingId} class="binder-title" title=${binder.label}>${binder.label}</h4>
        ${this.renderBindings(bindings, binder, readOnly)}
        <button
          class="button"
          part="bind-button"
          type="button"
          data-bind-button=${binder.id}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${ifDefined(open ? panelId : undefined)}
          aria-label=${this.t('about-session.bindLabel', { binder: binder.label })}
          aria-describedby=${ifDefined(this.describedBy(readOnly))}
          ?disabled=${readOnly}
          @click=${() => this.onBindToggle(binder)}
        >
          ${this.t('about-session.bind')}
        </button>
        ${open ? this.renderBindPanel(binder, index, panelId, busy) : nothing}
        ${this.renderFeedback(`binder:${binder.id}`)}
      </div>
    `;
  }

  private renderRecordSearch(binder: Binder, inputId: string, busy: boolean) {
    const records = this.records;
    const status = this.searchingRecords
      ? this.t('about-session.searching')
      : records && records.length === 0
        ? this.t('about-session.noRecords')
        : undefined;
    return html`<label for=${inputId}
        >${this.tIsolated('about-session.searchRecords', { binder: binder.label })}</label
      >
      <input
        id=${inputId}
        part="record-search"
        type="search"
        autocomplete="off"
        .value=${live(this.recordQuery)}
        @input=${(event: Event) => this.onRecordQueryInput(event, binder)}
      />
      ${status ? html`<p class="muted" role="status">${status}</p>` : nothing}
      ${
        records && records.length > 0
          ? html`<ul class="records" aria-label=${this.t('about-session.records')}>
              ${records.map(
                (record) =>
                  html`<li>
                    <button
                      class="button"
                      part="record-option"
                      type="button"
                      aria-busy=${busy ? 'true' : 'false'}
                      @click=${() => this.onRecordChosen(binder, record)}
                    >
                      ${clamped(record.label)}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }`;
  }

  private renderBindPanel(
    binder: Binder,
    index: number,
    panelId: string,
    busy: boolean,
  ): TemplateResult {
    return html`
      <div
        id=${panelId}
        class="bind-panel"
        part="bind-panel"
        data-bind-panel=${binder.id}
        role="group"
        aria-label=${this.t('about-session.bindLabel', { binder: binder.label })}
        @keydown=${(event: KeyboardEvent) => this.onBindPanelKeydown(event, binder.id)}
      >
        ${binder.search ? this.renderRecordSearch(binder, `binder-search-${index}`, busy) : nothing}
        <div class="panel-actions">
          ${
            binder.create
              ? html`<button
                  class="button primary"
                  part="create-button"
                  type="button"
                  aria-label=${this.t('about-session.createLabel', { binder: binder.label })}
                  aria-busy=${busy ? 'true' : 'false'}
                  @click=${() => this.onCreateRecord(binder)}
                >
                  ${this.t('about-session.create')}
                </button>`
              : nothing
          }
          <button class="button" type="button" @click=${() => this.closeBindPanel(binder.id)}>
            ${this.t('about-session.closePanel')}
          </button>
        </div>
      </div>
    `;
  }

  /** @internal */
  protected override renderPart({ view, readOnly }: PartContext): TemplateResult | typeof nothing {
    const binders = this.binders.value;
    if (binders.length === 0) return nothing;
    return html`
      <section part="binders" aria-labelledby="binders-title">
        <h3 id="binders-title">${this.t('about-session.binders')}</h3>
        ${this.renderMessageTarget(readOnly)}
        ${binders.map((binder, index) => this.renderBinder(binder, index, view.session, readOnly))}
      </section>
    `;
  }

  /** Which message the next binding is for, and the way back to binding the session. */
  private renderMessageTarget(readOnly: boolean): TemplateResult | typeof nothing {
    const target = this.messageTarget;
    if (!target || readOnly) return nothing;
    return html`<p class="message-target" part="message-target" role="status">
      <span class="target-text" title=${target.preview}
        >${this.tIsolated('about-session.messageTarget', { preview: target.preview })}</span
      >
      <button class="button" type="button" @click=${() => (this.messageTarget = undefined)}>
        ${this.t('about-session.sessionTarget')}
      </button>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-binder-panel': LiveChatBinderPanel;
  }
}
