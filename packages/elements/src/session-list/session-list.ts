import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ClientStatus, Id, LiveChat, SessionGroupKind, SessionView } from '@live-chat/core';
import { tokens } from '../styles/tokens.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import { sessionOpenEvent } from '../events/session-open.js';
import { formatDateTime, formatNumber, formatRelative } from '../shared/format.js';
import { channelIcon } from '../shared/channel-icon.js';
import { sessionListStyles } from './session-list.styles.js';
import './session-list.messages.js';

/** Row height used until the `--live-chat-session-list-row-height` probe has been measured. */
const DEFAULT_ROW_HEIGHT = 64;
/** Rows assumed visible while the list has no layout yet (hidden, detached, zero height). */
const FALLBACK_VISIBLE_ROWS = 10;
/** Longest pause between two type-ahead characters. */
const TYPEAHEAD_MS = 500;
/** How often relative times ("5 min ago") are refreshed. */
const CLOCK_INTERVAL_MS = 60_000;

/** The visible slice of the list: `[first, last)` plus, possibly, the active row outside it. */
interface RowWindow {
  first: number;
  last: number;
}

/**
 * The sessions of one menu group of one live chat (Queue, My sessions, Closed, Active), as a
 * keyboard listbox that renders only the rows in view.
 *
 * Each row shows the customer's name (with the session's name when it differs), the channel
 * icon, a plain-text preview of the last message, a relative time (refreshed every minute), the
 * red unread badge and the New mark of sessions waiting in a queue.
 *
 * **Keyboard** (roving focus, one row in the tab order): ArrowUp / ArrowDown, Home / End,
 * PageUp / PageDown move; typing a name's first letters jumps to it; Enter, Space or a click
 * opens the session.
 *
 * **Virtualisation**: rows have a fixed height (`--live-chat-session-list-row-height`, any CSS
 * length; measured in px at run time), a spacer gives the scroller its full height, and only
 * the rows in view plus `overscan` rows on each side are in the DOM. The focused row is always
 * kept rendered, so focus survives scrolling it out of view and back. Give the element a height
 * (or it grows up to `--live-chat-session-list-max-height`, 100vh by default).
 *
 * **States**: loading (client loading), error (the client's load error), permission (Active for
 * a non-supervisor), empty (a text per group). Incoming updates never move focus; if the focused
 * session leaves the list, focus goes to its neighbour so it is never lost.
 *
 * @summary Virtualised, keyboard-first listbox of one group of sessions.
 *
 * @fires live-chat-session-open - A session was opened (click, Enter, Space); `detail.sessionId`. Not cancelled → `selectedSessionId` follows.
 *
 * @csspart base - The wrapper around the list or the state message.
 * @csspart listbox - The scrolling `role="listbox"` element.
 * @csspart option - One row (`role="option"`); the selected row also has `option-selected`.
 * @csspart option-selected - The selected row.
 * @csspart channel-icon - The channel's icon.
 * @csspart name - The customer (and session) name.
 * @csspart preview - The last message preview.
 * @csspart time - The relative time of the last message.
 * @csspart unread - The red unread badge.
 * @csspart new - The New mark.
 * @csspart message - The loading, empty, permission or error text.
 *
 * @cssprop --live-chat-session-list-row-height - Height of every row (default 64px).
 * @cssprop --live-chat-session-list-max-height - Largest height when the element is not given one (default 100vh).
 * @cssprop --live-chat-session-list-background - List background (default the background token).
 * @cssprop --live-chat-session-list-selected-background - Selected row background (default the soft accent).
 * @cssprop --live-chat-session-list-hover-background - Hovered row background (default the surface token).
 * @cssprop --live-chat-session-list-unread-background - Unread badge colour (default the unread red).
 * @cssprop --live-chat-session-list-unread-color - Unread badge text colour.
 * @cssprop --live-chat-session-list-new-background - New mark colour (default the new blue).
 * @cssprop --live-chat-session-list-new-color - New mark text colour.
 */
@customElement('live-chat-session-list')
export class LiveChatSessionList extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, sessionListStyles];

  private readonly sessions = new ObserveController<SessionView[] | undefined>(this, undefined);
  private readonly status = new ObserveController<ClientStatus>(this, { state: 'loading' });
  private readonly liveChats = new ObserveController<LiveChat[]>(this, []);

  @query('.scroller') private scroller?: HTMLElement | null;
  @query('.row-probe') private probe?: HTMLElement | null;

  @state() private listScrollTop = 0;
  @state() private viewportHeight = 0;
  @state() private rowHeight = DEFAULT_ROW_HEIGHT;
  /** The row in the tab order (roving focus), by session id so reordering never moves it. */
  @state() private activeId: Id | undefined;
  @state() private now = Date.now();

  /** The live chat whose sessions are listed. */
  @property({ attribute: 'live-chat-id' })
  liveChatId?: Id;

  /** The menu group: `queue`, `mine`, `closed` or `active` (supervisors only). */
  @property({ reflect: true })
  group: SessionGroupKind = 'queue';

  /** The open session, shown as selected (`aria-selected`). Follows `live-chat-session-open` unless it is cancelled. */
  @property({ attribute: 'selected-session-id' })
  selectedSessionId?: Id;

  /** Rows rendered beyond each edge of the viewport. */
  @property({ type: Number })
  overscan = 6;

  private indexById = new Map<Id, number>();
  private indexedList: SessionView[] | undefined;
  private lastActiveIndex = 0;
  private typed = '';
  private typedAt = 0;
  private clock: ReturnType<typeof setInterval> | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private observedScroller: HTMLElement | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.now = Date.now();
    this.clock = setInterval(() => (this.now = Date.now()), CLOCK_INTERVAL_MS);
    this.resizeObserver ??= new ResizeObserver(() => this.measure());
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    this.clock = undefined;
    this.resizeObserver?.disconnect();
    this.observedScroller = undefined;
  }

  /** Scrolls the session's row into view (without focusing it). */
  scrollToSession(sessionId: Id): void {
    const index = this.indexById.get(sessionId);
    if (index !== undefined) this.scrollIndexIntoView(index);
  }

  private get list(): SessionView[] {
    return this.sessions.value ?? [];
  }

  private measure(): void {
    const probe = this.probe;
    if (probe) {
      const height = probe.getBoundingClientRect().height;
      if (height > 0 && Math.abs(height - this.rowHeight) > 0.01) this.rowHeight = height;
    }
    const scroller = this.scroller;
    if (scroller) {
      if (scroller.clientHeight !== this.viewportHeight)
        this.viewportHeight = scroller.clientHeight;
      if (scroller.scrollTop !== this.listScrollTop) this.listScrollTop = scroller.scrollTop;
    }
  }

  private rowWindow(total: number): RowWindow {
    const height = this.rowHeight;
    const viewport = this.viewportHeight > 0 ? this.viewportHeight : height * FALLBACK_VISIBLE_ROWS;
    const first = Math.max(0, Math.floor(this.listScrollTop / height) - this.overscan);
    const last = Math.min(
      total,
      Math.ceil((this.listScrollTop + viewport) / height) + this.overscan,
    );
    return { first, last };
  }

  private pageSize(): number {
    const viewport =
      this.viewportHeight > 0 ? this.viewportHeight : this.rowHeight * FALLBACK_VISIBLE_ROWS;
    return Math.max(1, Math.floor(viewport / this.rowHeight) - 1);
  }

  private scrollIndexIntoView(index: number): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const top = index * this.rowHeight;
    const bottom = top + this.rowHeight;
    const viewport = scroller.clientHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + viewport) scroller.scrollTop = bottom - viewport;
    this.listScrollTop = scroller.scrollTop;
  }

  private rowElement(sessionId: Id): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(
      `[data-session-id="${CSS.escape(sessionId)}"]`,
    );
  }

  /** The session id of the row that has focus, if focus is in the list. */
  private focusedRowId(): Id | undefined {
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    return active?.dataset['sessionId'];
  }

  private async moveTo(index: number): Promise<void> {
    const list = this.list;
    if (list.length === 0) return;
    const target = Math.max(0, Math.min(list.length - 1, index));
    const view = list[target];
    if (!view) return;
    this.activeId = view.session.id;
    this.lastActiveIndex = target;
    this.scrollIndexIntoView(target);
    await this.updateComplete;
    this.rowElement(view.session.id)?.focus({ preventScroll: true });
  }

  private open(sessionId: Id): void {
    this.activeId = sessionId;
    if (this.dispatchEvent(sessionOpenEvent({ sessionId }))) this.selectedSessionId = sessionId;
  }

  private handleScroll(event: Event): void {
    this.listScrollTop = (event.currentTarget as HTMLElement).scrollTop;
  }

  private handleFocusIn(event: FocusEvent): void {
    const id = (event.target as HTMLElement).dataset?.['sessionId'];
    if (id && id !== this.activeId) {
      this.activeId = id;
      this.lastActiveIndex = this.indexById.get(id) ?? this.lastActiveIndex;
    }
  }

  private handleClick(event: MouseEvent): void {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    const id = row?.dataset['sessionId'];
    if (id) this.open(id);
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = this.activeId !== undefined ? (this.indexById.get(this.activeId) ?? 0) : 0;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = current + 1;
        break;
      case 'ArrowUp':
        next = current - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.list.length - 1;
        break;
      case 'PageDown':
        next = current + this.pageSize();
        break;
      case 'PageUp':
        next = current - this.pageSize();
        break;
      case 'Enter':
      case ' ':
        if (event.key === ' ' && this.typed && Date.now() - this.typedAt < TYPEAHEAD_MS) {
          // A space inside a typed name ("Ivan P…") continues the type-ahead.
          event.preventDefault();
          const match = this.typeahead(' ', current);
          if (match !== undefined) void this.moveTo(match);
          return;
        }
        if (this.activeId !== undefined && this.indexById.has(this.activeId)) {
          event.preventDefault();
          this.open(this.activeId);
        }
        return;
      default:
        if (event.key.length === 1 && event.key !== ' ') {
          const match = this.typeahead(event.key, current);
          if (match !== undefined) void this.moveTo(match);
        }
        return;
    }
    event.preventDefault();
    void this.moveTo(next);
  }

  /**
   * Type-ahead: typed characters (within half a second of each other) jump to the next row whose
   * name starts with them, as in a native select.
   */
  private typeahead(key: string, current: number): number | undefined {
    const now = Date.now();
    this.typed =
      now - this.typedAt < TYPEAHEAD_MS
        ? this.typed + key.toLocaleLowerCase()
        : key.toLocaleLowerCase();
    this.typedAt = now;
    const list = this.list;
    // A new search starts after the current row; a longer one may stay on it.
    const start = this.typed.length === 1 ? current + 1 : current;
    for (let step = 0; step < list.length; step++) {
      const view = list[(start + step) % list.length]!;
      const name = (view.customer?.name || view.session.name).toLocaleLowerCase();
      if (name.startsWith(this.typed)) return (start + step) % list.length;
    }
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      this.status.observe(this.client?.status$);
      this.liveChats.observe(this.client?.liveChats$);
    }
    if (changed.has('client') || changed.has('liveChatId') || changed.has('group')) {
      this.sessions.observe(
        this.client && this.liveChatId
          ? this.client.sessions$(this.liveChatId, this.group)
          : undefined,
      );
    }
    this.reindex();
    const list = this.list;
    const listHasFocus = this.focusedRowId() !== undefined;
    if (
      changed.has('selectedSessionId') &&
      !listHasFocus &&
      this.selectedSessionId !== undefined &&
      this.indexById.has(this.selectedSessionId)
    ) {
      this.activeId = this.selectedSessionId;
    }
    // Keep the roving tab stop on an existing row: the selected one, else the same position.
    if (this.activeId === undefined || !this.indexById.has(this.activeId)) {
      const fallback =
        this.activeId === undefined && this.selectedSessionId !== undefined
          ? this.indexById.get(this.selectedSessionId)
          : undefined;
      const index = fallback ?? Math.min(this.lastActiveIndex, list.length - 1);
      this.activeId = list[Math.max(0, index)]?.session.id;
    }
    if (this.activeId !== undefined) this.lastActiveIndex = this.indexById.get(this.activeId) ?? 0;
  }

  private reindex(): void {
    const list = this.sessions.value;
    if (list === this.indexedList) return;
    this.indexedList = list;
    this.indexById = new Map();
    list?.forEach((view, index) => this.indexById.set(view.session.id, index));
  }

  protected override update(changed: PropertyValues<this>): void {
    const focusedId = this.focusedRowId();
    super.update(changed);
    if (focusedId === undefined || this.focusedRowId() !== undefined) return;
    // The focused row was moved (reordered) or removed by an update: put focus back, never lose it.
    const target = this.indexById.has(focusedId) ? focusedId : this.activeId;
    const row = target !== undefined ? this.rowElement(target) : null;
    if (row) row.focus({ preventScroll: true });
    else this.renderRoot.querySelector<HTMLElement>('.message')?.focus({ preventScroll: true });
  }

  protected override updated(): void {
    const scroller = this.scroller ?? undefined;
    if (scroller !== this.observedScroller) {
      this.observedScroller = scroller;
      // Observing calls back once at once (asynchronously): that is the first measurement.
      if (scroller) this.resizeObserver?.observe(scroller);
    }
  }

  private renderMessage(text: string, kind: 'status' | 'error' | 'permission' | 'empty') {
    return html`<div part="base" class="base">
      <p
        part="message"
        class="message ${kind}"
        tabindex="-1"
        role=${kind === 'error' ? 'alert' : 'status'}
      >
        ${text}
      </p>
    </div>`;
  }

  private renderRow(view: SessionView, index: number, total: number) {
    const { session, customer } = view;
    const selected = session.id === this.selectedSessionId;
    const customerName = customer?.name ?? '';
    const title = customerName || session.name;
    // A session named after its customer (the default, e.g. "Ivan (Telegram)") adds nothing;
    // a renamed one ("Refund for order 12") is shown beside the customer.
    const showSessionName =
      customerName !== '' && session.name !== '' && !session.name.includes(customerName);
    const rowStyle = { top: `${index * this.rowHeight}px`, height: `${this.rowHeight}px` };
    return html`<div
      part=${selected ? 'option option-selected' : 'option'}
      class="row ${view.unread > 0 ? 'unread' : ''}"
      role="option"
      data-session-id=${session.id}
      aria-selected=${selected ? 'true' : 'false'}
      aria-setsize=${total}
      aria-posinset=${index + 1}
      tabindex=${session.id === this.activeId ? 0 : -1}
      style=${styleMap(rowStyle)}
    >
      <span class="channel">${channelIcon(session.channel)}</span>
      <span part="name" class="name"
        >${title}${showSessionName ? html`<span class="session-name"> · ${session.name}</span>` : nothing}</span
      >
      <time
        part="time"
        class="time"
        datetime=${new Date(session.lastMessageAt).toISOString()}
        title=${formatDateTime(session.lastMessageAt, this.locale)}
        >${formatRelative(session.lastMessageAt, this.now, this.locale)}</time
      >
      <span part="preview" class="preview"
        >${session.lastMessagePreview || this.t('session-list.no-messages')}</span
      >
      <span class="marks">
        ${view.isNew ? html`<span part="new" class="new-mark">${this.t('session-list.new')}</span>` : nothing}
        ${
          view.unread > 0
            ? html`<span part="unread" class="unread-badge"
                ><span aria-hidden="true">${formatNumber(view.unread, this.locale)}</span
                ><span class="visually-hidden"
                  >${this.t('session-list.unread', { count: view.unread })}</span
                ></span
              >`
            : nothing
        }
      </span>
    </div>`;
  }

  override render() {
    const client = this.client;
    const status = this.status.value;
    if (status.state === 'error') {
      return this.renderMessage(
        this.t('session-list.error', {
          reason: this.errorText(status.error),
          message: status.error.message,
        }),
        'error',
      );
    }
    if (
      !client ||
      !this.liveChatId ||
      status.state === 'loading' ||
      this.sessions.value === undefined
    ) {
      return this.renderMessage(this.t('session-list.loading'), 'status');
    }
    if (this.group === 'active' && !client.canSeeGroup(this.liveChatId, this.group)) {
      return this.renderMessage(this.t('session-list.permission.active'), 'permission');
    }
    const list = this.list;
    if (list.length === 0)
      return this.renderMessage(this.t(`session-list.empty.${this.group}`), 'empty');

    const total = list.length;
    const { first, last } = this.rowWindow(total);
    const rows: Array<{ view: SessionView; index: number }> = [];
    const activeIndex = this.activeId !== undefined ? this.indexById.get(this.activeId) : undefined;
    // The active row stays in the DOM even when scrolled away, so focus and the tab stop survive.
    if (activeIndex !== undefined && activeIndex < first)
      rows.push({ view: list[activeIndex]!, index: activeIndex });
    for (let index = first; index < last; index++) rows.push({ view: list[index]!, index });
    if (activeIndex !== undefined && activeIndex >= last)
      rows.push({ view: list[activeIndex]!, index: activeIndex });

    const liveChat =
      client.getLiveChat(this.liveChatId)?.name ??
      this.liveChats.value.find((c) => c.id === this.liveChatId)?.name ??
      '';
    const label = liveChat
      ? this.t('session-list.label', {
          group: this.t(`session-list.group.${this.group}`),
          liveChat,
        })
      : this.t(`session-list.group.${this.group}`);
    return html`<div part="base" class="base">
      <div class="row-probe" aria-hidden="true"></div>
      <div
        part="listbox"
        class="scroller"
        role="listbox"
        aria-label=${label}
        @scroll=${this.handleScroll}
        @keydown=${this.handleKeyDown}
        @focusin=${this.handleFocusIn}
        @click=${this.handleClick}
      >
        <div
          class="spacer"
          role="none"
          style=${styleMap({ height: `${total * this.rowHeight}px` })}
        >
          ${repeat(
            rows,
            (row) => row.view.session.id,
            (row) => this.renderRow(row.view, row.index, total),
          )}
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-session-list': LiveChatSessionList;
  }
}
