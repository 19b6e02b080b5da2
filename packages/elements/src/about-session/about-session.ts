import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type {
  AssigneeTarget,
  Binder,
  Binding,
  ClientStatus,
  Customer,
  ErrorInfo,
  HostAction,
  HostRecord,
  LiveChatClient,
  Session,
  SessionView,
} from '@live-chat/core';
import { CHANNEL_NAMES, channelIcon } from '../shared/channel-icon.js';
import { emit } from '../shared/events.js';
import { formatDateTime, formatNumber } from '../shared/format.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import { aboutSessionStyles } from './about-session.styles.js';
import './about-session.messages.js';

/** Delay between typing in a binder's search field and asking the host. */
const RECORD_SEARCH_DEBOUNCE_MS = 250;

type Feedback = { kind: 'notice' | 'error'; text: string };

/** Where focus goes once the next render is on screen. */
type FocusTarget =
  | { kind: 'rename-button' }
  | { kind: 'name-input' }
  | { kind: 'bind-button'; binderId: string }
  | { kind: 'bind-panel'; binderId: string }
  | { kind: 'actions-button' }
  | { kind: 'menu-item'; index: number }
  | { kind: 'feedback'; key: string };

/**
 * Only links a browser navigates safely become links: http(s), including paths relative to the
 * page (which resolve to its own http(s) origin); `javascript:` and other schemes never do.
 */
function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value, document.baseURI);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Avatar sources: http(s) images or inline `data:image/…` (never `javascript:` or other data). */
function isSafeAvatarUrl(value: string | undefined): value is string {
  if (!value) return false;
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(value)) return true;
  return isHttpUrl(value);
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
}

function targetValue(target: AssigneeTarget): string {
  return target.kind === 'operator' ? `operator:${target.operatorId}` : `group:${target.groupId}`;
}

function sameTarget(a: AssigneeTarget, b: Session['assignee']): boolean {
  if (!b || a.kind !== b.kind) return false;
  return a.kind === 'operator'
    ? b.kind === 'operator' && a.operatorId === b.operatorId
    : b.kind === 'group' && a.groupId === b.groupId;
}

const pencilIcon = svg`<path d="M11.3 2.3a1.2 1.2 0 0 1 1.7 0l.7.7a1.2 1.2 0 0 1 0 1.7L6 12.4 3 13l.6-3 7.7-7.7Z" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/>`;

/**
 * The About the session pane: the live chat, the session's name (rename inline with the
 * pencil: Enter saves, Escape cancels), the date of its first message, its assignee with
 * reassignment to any target of the live chat's settings, the host's binders (+Bind to search
 * or create a record, unbind) and +Actions, and the customer card (internal user with a link
 * to their profile, or external customer with account and messenger, and "Add to customers"
 * where the host has a customer database).
 *
 * Controls are disabled, with the reason shown, when the user may view but not act on the session.
 * Host records and customer details are rendered as text; only http(s) URLs become links.
 *
 * @summary Details and actions of one session.
 *
 * @fires live-chat-session-reassigned - The session was reassigned. Detail: `{ sessionId, target }`.
 *
 * @csspart title - The pane's heading.
 * @csspart read-only-note - Why the controls are disabled.
 * @csspart details - The list of the session's details.
 * @csspart live-chat - The live chat's name.
 * @csspart session-name - The session's name.
 * @csspart rename-button - The pencil button.
 * @csspart name-input - The inline rename field.
 * @csspart first-message - The date of the first message.
 * @csspart status - The session's status.
 * @csspart assignee - The assignee's name.
 * @csspart reassign - The reassign form.
 * @csspart reassign-select - The list of reassignment targets.
 * @csspart reassign-button - The Reassign button.
 * @csspart binders - The section of host binders.
 * @csspart binder - One binder.
 * @csspart binding - One bound record.
 * @csspart bind-button - The +Bind button of a binder.
 * @csspart bind-panel - The search / create panel of a binder.
 * @csspart record-search - The binder's search field.
 * @csspart record-option - A found record (activate to bind it).
 * @csspart create-button - Creates a record with the binder.
 * @csspart unbind-button - Removes a binding.
 * @csspart actions-button - The +Actions menu button.
 * @csspart actions-menu - The +Actions menu.
 * @csspart action - One item of the +Actions menu.
 * @csspart customer - The customer card.
 * @csspart avatar - The customer's avatar (image or initials).
 * @csspart customer-name - The customer's name.
 * @csspart profile-link - The link to an internal user's profile.
 * @csspart channel-icon - The customer's messenger icon.
 * @csspart account - An external customer's account.
 * @csspart messenger - An external customer's messenger.
 * @csspart in-customers - The note that the customer is already in the host's database.
 * @csspart add-customer-button - "Add to customers".
 * @csspart feedback - A success or error message after an action.
 * @csspart placeholder - The empty, loading, error and unavailable states.
 *
 * @cssprop --live-chat-about-session-background - Background of the pane (the surface background).
 * @cssprop --live-chat-about-session-gap - Space between sections (twice `--live-chat-space`).
 * @cssprop --live-chat-about-session-avatar-size - Size of the customer's avatar (40px).
 */
@customElement('live-chat-about-session')
export class LiveChatAboutSession extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, aboutSessionStyles];

  private readonly status = new ObserveController<ClientStatus>(this, { state: 'loading' });
  /** `null` until the session's first value arrives; `undefined` when unknown or not visible. */
  private readonly session = new ObserveController<SessionView | undefined | null>(this, null);
  private readonly binders = new ObserveController<Binder[]>(this, []);
  private readonly actions = new ObserveController<HostAction[]>(this, []);

  @query('[part~="rename-button"]') private renameButton?: HTMLButtonElement;
  @query('[part~="name-input"]') private nameInput?: HTMLInputElement;
  @query('[part~="actions-button"]') private actionsButton?: HTMLButtonElement;

  @state() private editingName = false;
  @state() private nameDraft = '';
  @state() private renameError?: ErrorInfo;
  @state() private busy = new Set<string>();
  @state() private reassignValue = '';
  @state() private feedback: Record<string, Feedback | undefined> = {};
  @state() private openBinderId?: string;
  @state() private recordQuery = '';
  @state() private records?: HostRecord[];
  @state() private searchingRecords = false;
  @state() private menuOpen = false;
  @state() private brokenAvatars = new Set<string>();

  /** Id of the session to describe; nothing selected when empty. */
  @property({ attribute: 'session-id' })
  sessionId?: string;

  private focusAfterUpdate?: FocusTarget;
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** Increments per record search, so a slow answer to an old query is ignored. */
  private searchGeneration = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.searchGeneration++;
  }

  // ------------------------------------------------------------------------------------------
  // Rename

  private onRenameClick(): void {
    const view = this.session.value;
    if (!view) return;
    this.editingName = true;
    this.nameDraft = view.session.name;
    this.renameError = undefined;
    this.focusSoon({ kind: 'name-input' });
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
    this.focusSoon({ kind: 'rename-button' });
  }

  private async saveName(): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    if (!client || !sessionId || this.busy.has('rename')) return;
    this.setBusy('rename', true);
    const result = await client.rename(sessionId, this.nameDraft);
    this.setBusy('rename', false);
    if (sessionId !== this.sessionId) return;
    if (!result.ok) {
      this.renameError = result.error;
      this.focusSoon({ kind: 'name-input' });
      return;
    }
    this.editingName = false;
    this.renameError = undefined;
    this.focusSoon({ kind: 'rename-button' });
  }

  // ------------------------------------------------------------------------------------------
  // Reassign

  private onReassignChange(event: Event): void {
    this.reassignValue = (event.target as HTMLSelectElement).value;
  }

  private async onReassignSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const view = this.session.value;
    if (!client || !view || this.busy.has('reassign')) return;
    const sessionId = view.session.id;
    const target = this.reassignTargets(client, view.session).find(
      (t) => targetValue(t) === this.reassignValue,
    );
    if (!target) {
      this.setFeedback('reassign', { kind: 'error', text: this.t('about-session.reassignPick') });
      return;
    }
    this.setBusy('reassign', true);
    this.setFeedback('reassign', undefined);
    const result = await client.reassign(sessionId, target);
    this.setBusy('reassign', false);
    if (!result.ok) {
      this.setFeedback('reassign', { kind: 'error', text: this.errorText(result.error) });
      return;
    }
    this.reassignValue = '';
    this.setFeedback('reassign', {
      kind: 'notice',
      text: this.t('about-session.reassigned', { name: this.targetName(client, target) }),
    });
    emit(this, 'live-chat-session-reassigned', { sessionId, target });
  }

  // ------------------------------------------------------------------------------------------
  // Binders

  private onBindToggle(binder: Binder): void {
    if (this.openBinderId === binder.id) {
      this.closeBindPanel(binder.id);
      return;
    }
    this.openBinderId = binder.id;
    this.recordQuery = '';
    this.records = undefined;
    this.setFeedback(`binder:${binder.id}`, undefined);
    this.focusSoon({ kind: 'bind-panel', binderId: binder.id });
    if (binder.search) this.searchRecords(binder, '', 0);
  }

  private closeBindPanel(binderId: string): void {
    this.openBinderId = undefined;
    this.records = undefined;
    this.searchingRecords = false;
    this.searchGeneration++;
    clearTimeout(this.searchTimer);
    this.focusSoon({ kind: 'bind-button', binderId });
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
      const client = this.client;
      const sessionId = this.sessionId;
      if (!client || !sessionId) return;
      const result = await client.searchRecords(binder.id, sessionId, text);
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
    await this.bindWith(binder, (client, sessionId) =>
      client.bindRecord(binder.id, sessionId, record),
    );
  }

  private async onCreateRecord(binder: Binder): Promise<void> {
    await this.bindWith(binder, (client, sessionId) => client.createRecord(binder.id, sessionId));
  }

  private async bindWith(
    binder: Binder,
    bind: (client: LiveChatClient, sessionId: string) => ReturnType<LiveChatClient['bindRecord']>,
  ): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    const key = `binder:${binder.id}`;
    if (!client || !sessionId || this.busy.has(key)) return;
    const before = new Set(
      this.session.value?.session.bindings.map((b) => `${b.binderId}|${b.recordId}`),
    );
    this.setBusy(key, true);
    this.setFeedback(key, undefined);
    const result = await bind(client, sessionId);
    this.setBusy(key, false);
    if (!result.ok) {
      this.setFeedback(key, { kind: 'error', text: this.errorText(result.error) });
      return;
    }
    const added = result.value.session.bindings.find(
      (b) => b.binderId === binder.id && !before.has(`${b.binderId}|${b.recordId}`),
    );
    this.setFeedback(key, {
      kind: 'notice',
      text: this.t('about-session.bound', { label: added?.label ?? binder.label }),
    });
    this.closeBindPanel(binder.id);
  }

  private async onUnbind(binder: Binder, binding: Binding): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    const key = `binder:${binder.id}`;
    if (!client || !sessionId || this.busy.has(key)) return;
    this.setBusy(key, true);
    const result = await client.unbindRecord(sessionId, binding.binderId, binding.recordId);
    this.setBusy(key, false);
    this.setFeedback(
      key,
      result.ok
        ? { kind: 'notice', text: this.t('about-session.unbound', { label: binding.label }) }
        : { kind: 'error', text: this.errorText(result.error) },
    );
    // The focused Unbind button is gone: +Bind of the same binder is the nearest control.
    this.focusSoon({ kind: 'bind-button', binderId: binder.id });
  }

  // ------------------------------------------------------------------------------------------
  // +Actions menu (menu button pattern)

  private onActionsButtonClick(): void {
    if (this.menuOpen) this.closeMenu(true);
    else this.openMenu(0);
  }

  private onActionsButtonKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.openMenu(event.key === 'ArrowDown' ? 0 : this.actions.value.length - 1);
    }
  }

  private openMenu(index: number): void {
    this.menuOpen = true;
    this.focusSoon({ kind: 'menu-item', index });
  }

  private closeMenu(restoreFocus: boolean): void {
    this.menuOpen = false;
    if (restoreFocus) this.focusSoon({ kind: 'actions-button' });
  }

  private onMenuKeydown(event: KeyboardEvent): void {
    const items = this.menuItems();
    const current = items.indexOf(event.target as HTMLElement);
    const last = items.length - 1;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = current >= last ? 0 : current + 1;
        break;
      case 'ArrowUp':
        next = current <= 0 ? last : current - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.closeMenu(true);
        return;
      case 'Tab':
        this.closeMenu(false);
        return;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const action = this.actions.value[current];
        if (action) void this.runAction(action);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  }

  private onMenuFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    const container = this.renderRoot.querySelector('.actions-menu');
    if (this.menuOpen && next && container && !container.contains(next)) this.closeMenu(false);
  }

  private async runAction(action: HostAction): Promise<void> {
    const client = this.client;
    const sessionId = this.sessionId;
    this.closeMenu(true);
    if (!client || !sessionId || this.busy.has('action')) return;
    this.setBusy('action', true);
    this.setFeedback('action', {
      kind: 'notice',
      text: this.t('about-session.running', { action: action.label }),
    });
    const result = await client.runAction(action.id, sessionId);
    this.setBusy('action', false);
    this.setFeedback(
      'action',
      result.ok
        ? {
            kind: 'notice',
            text:
              result.value.message ?? this.t('about-session.actionDone', { action: action.label }),
          }
        : { kind: 'error', text: this.errorText(result.error) },
    );
  }

  private menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  // ------------------------------------------------------------------------------------------
  // Customer

  private async onAddCustomer(customer: Customer): Promise<void> {
    const client = this.client;
    if (!client || this.busy.has('customer')) return;
    this.setBusy('customer', true);
    const result = await client.addCustomerToDatabase(customer.id);
    this.setBusy('customer', false);
    this.setFeedback(
      'customer',
      result.ok
        ? {
            kind: 'notice',
            text: this.t('about-session.addedToCustomers', { name: customer.name }),
          }
        : { kind: 'error', text: this.errorText(result.error) },
    );
    // On success the button goes away: the confirmation is the nearest place for focus.
    if (result.ok) this.focusSoon({ kind: 'feedback', key: 'customer' });
  }

  private onAvatarError(url: string): void {
    this.brokenAvatars = new Set(this.brokenAvatars).add(url);
  }

  // ------------------------------------------------------------------------------------------
  // Helpers

  private setBusy(key: string, value: boolean): void {
    const next = new Set(this.busy);
    if (value) next.add(key);
    else next.delete(key);
    this.busy = next;
  }

  private setFeedback(key: string, value: Feedback | undefined): void {
    this.feedback = { ...this.feedback, [key]: value };
  }

  /** A readable, translated error; `field: 'name'` words validation errors for the session name. */
  private errorText(error: ErrorInfo, field?: 'name'): string {
    if (error.code === 'VALIDATION' && field === 'name') {
      const limit = error.details?.['limit'];
      return typeof limit === 'number'
        ? this.t('about-session.errorCode.NAME_TOO_LONG', {
            limit: formatNumber(limit, this.locale),
          })
        : this.t('about-session.errorCode.NAME_EMPTY');
    }
    const key = `about-session.errorCode.${error.code}`;
    const text = this.t(key);
    return text === key ? error.message : text;
  }

  private reassignTargets(client: LiveChatClient, session: Session): AssigneeTarget[] {
    const liveChat = client.getLiveChat(session.liveChatId);
    return (liveChat?.reassignmentTargets ?? []).filter(
      (target) => !sameTarget(target, session.assignee),
    );
  }

  private targetName(client: LiveChatClient, target: AssigneeTarget): string {
    return target.kind === 'operator'
      ? (client.getUser(target.operatorId)?.name ?? this.t('about-session.unknownUser'))
      : (client.getGroup(target.groupId)?.name ?? this.t('about-session.unknownGroup'));
  }

  /** Moves focus to `target` once the next render is on screen (and makes sure one happens). */
  private focusSoon(target: FocusTarget): void {
    this.focusAfterUpdate = target;
    this.requestUpdate();
  }

  private applyFocusAfterUpdate(): void {
    const target = this.focusAfterUpdate;
    if (!target) return;
    this.focusAfterUpdate = undefined;
    const root = this.renderRoot;
    let element: HTMLElement | null | undefined;
    switch (target.kind) {
      case 'rename-button':
        element = this.renameButton;
        break;
      case 'name-input':
        element = this.nameInput;
        if (this.nameInput && !this.renameError) this.nameInput.select();
        break;
      case 'actions-button':
        element = this.actionsButton;
        break;
      case 'menu-item':
        element = this.menuItems()[target.index];
        break;
      case 'bind-button':
        element = root.querySelector<HTMLElement>(
          `[data-bind-button="${CSS.escape(target.binderId)}"]`,
        );
        break;
      case 'feedback':
        element = root.querySelector<HTMLElement>(`[data-feedback="${CSS.escape(target.key)}"]`);
        break;
      case 'bind-panel':
        element = root.querySelector<HTMLElement>(
          `[data-bind-panel="${CSS.escape(target.binderId)}"] input, [data-bind-panel="${CSS.escape(target.binderId)}"] button`,
        );
        break;
    }
    element?.focus();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client;
    if (changed.has('client') || changed.has('sessionId')) {
      this.status.observe(client?.status$);
      this.session.observe(client && this.sessionId ? client.session$(this.sessionId) : undefined);
      this.binders.observe(client?.binders$);
      this.actions.observe(client?.actions$);
    }
    if (changed.has('sessionId') && changed.get('sessionId') !== undefined) {
      // A different session: nothing half-done carries over.
      this.editingName = false;
      this.renameError = undefined;
      this.reassignValue = '';
      this.feedback = {};
      this.openBinderId = undefined;
      this.records = undefined;
      this.menuOpen = false;
      this.searchGeneration++;
      clearTimeout(this.searchTimer);
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.applyFocusAfterUpdate();
  }

  private renderPlaceholder(content: TemplateResult): TemplateResult {
    return html`<div class="placeholder" part="placeholder">${content}</div>`;
  }

  private renderFeedback(key: string): TemplateResult | typeof nothing {
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

  private renderDetails(
    view: SessionView,
    client: LiveChatClient,
    readOnly: boolean,
  ): TemplateResult {
    const session = view.session;
    const liveChat = client.getLiveChat(session.liveChatId);
    const assignee = session.assignee;
    const assigneeName = !assignee
      ? this.t('about-session.unassigned')
      : assignee.kind === 'operator'
        ? (client.getUser(assignee.operatorId)?.name ?? this.t('about-session.unknownUser'))
        : this.t('about-session.groupAssignee', {
            name: client.getGroup(assignee.groupId)?.name ?? this.t('about-session.unknownGroup'),
          });
    return html`
      <dl class="details" part="details">
        <div>
          <dt>${this.t('about-session.liveChat')}</dt>
          <dd part="live-chat">${liveChat?.name ?? '—'}</dd>
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
          <dd part="assignee">${assigneeName}</dd>
        </div>
      </dl>
    `;
  }

  private renderName(session: Session, readOnly: boolean): TemplateResult {
    return html`<span class="name-row">
      <span part="session-name">${session.name}</span>
      <button
        class="icon-button"
        part="rename-button"
        type="button"
        aria-label=${this.t('about-session.rename')}
        title=${this.t('about-session.rename')}
        aria-describedby=${ifDefined(readOnly ? 'read-only-note' : undefined)}
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
              ${this.errorText(this.renameError, 'name')}
            </p>`
          : nothing
      }
    </form>`;
  }

  private renderReassign(
    session: Session,
    client: LiveChatClient,
    readOnly: boolean,
  ): TemplateResult | typeof nothing {
    if (session.status === 'closed') return this.renderFeedback('reassign');
    const targets = this.reassignTargets(client, session);
    if (targets.length === 0) return this.renderFeedback('reassign');
    const operators = targets.filter((t) => t.kind === 'operator');
    const groups = targets.filter((t) => t.kind === 'group');
    const busy = this.busy.has('reassign');
    const option = (target: AssigneeTarget) =>
      html`<option
        value=${targetValue(target)}
        ?selected=${this.reassignValue === targetValue(target)}
      >
        ${this.targetName(client, target)}
      </option>`;
    return html`
      <form class="reassign" part="reassign" @submit=${this.onReassignSubmit}>
        <label for="reassign-select">${this.t('about-session.reassignTo')}</label>
        <select
          id="reassign-select"
          part="reassign-select"
          .value=${live(this.reassignValue)}
          ?disabled=${readOnly}
          aria-describedby=${ifDefined(readOnly ? 'read-only-note' : undefined)}
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
      ${this.renderFeedback('reassign')}
    `;
  }

  private renderBinders(session: Session, readOnly: boolean): TemplateResult | typeof nothing {
    const binders = this.binders.value;
    if (binders.length === 0) return nothing;
    return html`
      <section part="binders" aria-labelledby="binders-title">
        <h3 id="binders-title">${this.t('about-session.binders')}</h3>
        ${binders.map((binder, index) => this.renderBinder(binder, index, session, readOnly))}
      </section>
    `;
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
        <h4 id=${headingId} class="binder-title">${binder.label}</h4>
        ${
          bindings.length
            ? html`<ul class="bindings">
                ${bindings.map(
                  (binding) =>
                    html`<li part="binding">
                      <span
                        >${binding.messageId ? this.t('about-session.messageBinding', { label: binding.label }) : binding.label}</span
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
              </ul>`
            : html`<p class="muted">${this.t('about-session.noBindings')}</p>`
        }
        <button
          class="button"
          part="bind-button"
          type="button"
          data-bind-button=${binder.id}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${ifDefined(open ? panelId : undefined)}
          aria-label=${this.t('about-session.bindLabel', { binder: binder.label })}
          aria-describedby=${ifDefined(readOnly ? 'read-only-note' : undefined)}
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

  private renderBindPanel(
    binder: Binder,
    index: number,
    panelId: string,
    busy: boolean,
  ): TemplateResult {
    const inputId = `binder-search-${index}`;
    const records = this.records;
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
        ${
          binder.search
            ? html`<label for=${inputId}
                  >${this.t('about-session.searchRecords', { binder: binder.label })}</label
                >
                <input
                  id=${inputId}
                  part="record-search"
                  type="search"
                  autocomplete="off"
                  .value=${live(this.recordQuery)}
                  @input=${(event: Event) => this.onRecordQueryInput(event, binder)}
                />
                ${
                  this.searchingRecords
                    ? html`<p class="muted" role="status">${this.t('about-session.searching')}</p>`
                    : records && records.length === 0
                      ? html`<p class="muted" role="status">
                          ${this.t('about-session.noRecords')}
                        </p>`
                      : nothing
                }
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
                                ${record.label}
                              </button>
                            </li>`,
                        )}
                      </ul>`
                    : nothing
                }`
            : nothing
        }
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

  private renderActions(readOnly: boolean): TemplateResult | typeof nothing {
    const actions = this.actions.value;
    if (actions.length === 0) return nothing;
    const open = this.menuOpen && !readOnly;
    return html`
      <div class="actions-menu" @focusout=${this.onMenuFocusOut}>
        <button
          id="actions-button"
          class="button"
          part="actions-button"
          type="button"
          aria-haspopup="menu"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="actions-menu"
          aria-describedby=${ifDefined(readOnly ? 'read-only-note' : undefined)}
          ?disabled=${readOnly}
          @click=${this.onActionsButtonClick}
          @keydown=${this.onActionsButtonKeydown}
        >
          ${this.t('about-session.actions')}
        </button>
        <ul
          id="actions-menu"
          part="actions-menu"
          role="menu"
          aria-labelledby="actions-button"
          ?hidden=${!open}
          @keydown=${this.onMenuKeydown}
        >
          ${actions.map(
            (action) =>
              html`<li
                role="menuitem"
                part="action"
                tabindex="-1"
                @click=${() => this.runAction(action)}
              >
                ${action.label}
              </li>`,
          )}
        </ul>
        ${this.renderFeedback('action')}
      </div>
    `;
  }

  private renderAvatar(name: string, url: string | undefined): TemplateResult {
    if (isSafeAvatarUrl(url) && !this.brokenAvatars.has(url)) {
      return html`<img
        class="avatar"
        part="avatar"
        src=${url}
        alt=${this.t('about-session.avatarOf', { name })}
        width="40"
        height="40"
        referrerpolicy="no-referrer"
        @error=${() => this.onAvatarError(url)}
      />`;
    }
    return html`<span class="avatar" part="avatar" aria-hidden="true">${initialsOf(name)}</span>`;
  }

  private renderCustomer(
    customer: Customer | undefined,
    client: LiveChatClient,
    readOnly: boolean,
  ): TemplateResult {
    const name = customer?.name ?? this.t('about-session.unknownCustomer');
    const heading =
      customer?.kind === 'internal'
        ? this.t('about-session.internalUser')
        : customer?.kind === 'external'
          ? this.t('about-session.externalCustomer')
          : this.t('about-session.customer');
    const canAdd =
      client.hasCustomerDirectory && customer?.kind === 'external' && !customer.inHostDatabase;
    return html`
      <section part="customer" aria-labelledby="customer-title">
        <h3 id="customer-title">${heading}</h3>
        <div class="customer-card">
          ${this.renderAvatar(name, customer?.avatarUrl)}
          <div>
            <p class="customer-name" part="customer-name">${name}</p>
            ${
              customer?.kind === 'internal' && isHttpUrl(customer.profileUrl)
                ? html`<a
                    class="profile-link"
                    part="profile-link"
                    href=${customer.profileUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label=${this.t('about-session.profileLabel', { name })}
                    >${this.t('about-session.profile')}</a
                  >`
                : nothing
            }
            ${
              customer?.kind === 'external'
                ? html`<dl>
                    <div>
                      <dt>${this.t('about-session.account')}</dt>
                      <dd part="account">${customer.account}</dd>
                    </div>
                    <div>
                      <dt>${this.t('about-session.messenger')}</dt>
                      <dd class="messenger" part="messenger">
                        ${channelIcon(customer.messenger, { decorative: true })}<span
                          >${CHANNEL_NAMES[customer.messenger] ?? customer.messenger}</span
                        >
                      </dd>
                    </div>
                  </dl>`
                : nothing
            }
            ${
              customer?.kind === 'external' &&
              customer.inHostDatabase &&
              client.hasCustomerDirectory
                ? html`<p class="muted" part="in-customers">
                    ${this.t('about-session.inCustomers')}
                  </p>`
                : nothing
            }
          </div>
        </div>
        ${
          canAdd
            ? html`<div class="customer-actions">
                <button
                  class="button"
                  part="add-customer-button"
                  type="button"
                  aria-describedby=${ifDefined(readOnly ? 'read-only-note' : undefined)}
                  ?disabled=${readOnly}
                  aria-busy=${this.busy.has('customer') ? 'true' : 'false'}
                  @click=${() => this.onAddCustomer(customer)}
                >
                  ${this.t('about-session.addToCustomers')}
                </button>
              </div>`
            : nothing
        }
        ${this.renderFeedback('customer')}
      </section>
    `;
  }

  override render(): TemplateResult {
    const client = this.client;
    if (!this.sessionId || !client) {
      return this.renderPlaceholder(
        html`<h2>${this.t('about-session.empty.title')}</h2>
          <p>${this.t('about-session.empty.hint')}</p>`,
      );
    }
    const status = this.status.value;
    if (status.state === 'error') {
      return this.renderPlaceholder(
        html`<h2>${this.t('about-session.error.title')}</h2>
          <p role="alert">${this.errorText(status.error)}</p>`,
      );
    }
    const view = this.session.value;
    if (status.state === 'loading' || view === null) {
      return this.renderPlaceholder(html`<p role="status">${this.t('about-session.loading')}</p>`);
    }
    if (view === undefined) {
      return this.renderPlaceholder(
        html`${this.renderFeedback('reassign')}
          <h2>${this.t('about-session.unavailable.title')}</h2>
          <p>${this.t('about-session.unavailable.text')}</p>`,
      );
    }
    const readOnly = !client.canActOn(view.session.id);
    return html`
      <h2 part="title">${this.t('about-session.title')}</h2>
      ${readOnly ? html`<p id="read-only-note" class="note" part="read-only-note">${this.t('about-session.readOnly')}</p>` : nothing}
      ${this.renderDetails(view, client, readOnly)}
      ${this.renderReassign(view.session, client, readOnly)}
      ${this.renderBinders(view.session, readOnly)} ${this.renderActions(readOnly)}
      ${this.renderCustomer(view.customer ?? client.getCustomer(view.session.customerId), client, readOnly)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-about-session': LiveChatAboutSession;
  }
  interface HTMLElementEventMap {
    'live-chat-session-reassigned': CustomEvent<{ sessionId: string; target: AssigneeTarget }>;
  }
}
