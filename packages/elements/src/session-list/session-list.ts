import { html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type {
  ClientStatus,
  Id,
  LiveChat,
  LiveChatClient,
  SessionGroupKind,
  SessionView,
} from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { tokens } from '../styles/tokens.js';
import { ClockController } from '../controllers/clock.js';
import { FocusAfterUpdateController } from '../controllers/focus-after-update.js';
import { listIndexForKey } from '../controllers/list-keys.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import { sessionOpenEvent } from '../events/session-open.js';
import { FramePacer } from './frame-pacer.js';
import { renderRowWindow, rowName } from './session-row.js';
import { renderedRows, VirtualRowsController } from './virtual-rows.js';
import { sessionListStyles } from './session-list.styles.js';
import { listLabel, renderListMessage } from './list-message.js';
import { renderNoMatch, renderTagFilter, TagFilter } from './tag-filter.js';
import { Typeahead } from './typeahead.js';
import { WaitingClock, waitingThresholds } from './waiting.js';
import './session-list.messages.js';

/**
 * The sessions of one menu group of one live chat (Queue, My sessions, Closed, Active), as a
 * keyboard listbox that renders only the rows in view.
 *
 * Each row shows the customer's name (with the session's name when it differs), the channel
 * icon, the urgent mark, a plain-text preview of the last message, a relative time (refreshed
 * every minute), the session's tags, the red unread badge and the New mark of sessions waiting
 * in a queue. In the Queue, the time is how long the customer has waited, refreshed every
 * second (one clock for the list, only the rows in view render), amber and then red past the
 * live chat's waiting thresholds, with an icon and words so colour is never the only signal.
 *
 * **Filter by tag**: when the live chat offers tags, a select above the list keeps only the
 * sessions carrying one (`tag-filter`); with none left, the list says so and offers to clear it.
 *
 * **Keyboard** (roving focus, one row in the tab order): ArrowUp / ArrowDown, Home / End,
 * PageUp / PageDown move; typing a name's first letters jumps to it; Enter, Space or a click
 * opens the session.
 *
 * **Virtualisation**: rows have a fixed height (`--live-chat-session-list-row-height`, any CSS
 * length; measured in px at run time), a spacer gives the scroller its full height, and only
 * the rows in view plus `overscan` rows on each side (about a quarter of the rows in view by
 * default) are in the DOM, fewer than twice the rows in view. The rows are laid out in the flow of one
 * window moved through the CSSOM, with no `style` attribute, so they stay in place under a
 * strict Content Security Policy (`style-src 'self'`). The focused row is always kept rendered,
 * so focus survives scrolling it out of view and back. A burst of changes (thousands of new
 * sessions a second) renders at most once per animation frame. Give the element a height (or
 * it grows up to `--live-chat-session-list-max-height`, 100vh by default).
 *
 * **Customers on demand**: a snapshot need not carry customers. After each render the list asks
 * the client to load the customers of the rows it rendered (`client.loadCustomers`), never those
 * of the rows out of view; until one arrives, its row shows the session's own name (and the
 * type-ahead matches that name).
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
 * @csspart urgent - The urgent mark before the name.
 * @csspart tags - The tags of a row; each chip is a `tag`.
 * @csspart tag - One tag chip (or the count of the others).
 * @csspart waiting - How long a queued customer has waited; also `waiting-fresh`, `waiting-warn` or `waiting-alarm`.
 * @csspart filter - The filter bar above the list.
 * @csspart tag-filter - The Filter by tag select.
 * @csspart filter-count - How many sessions the filter leaves, of the group's.
 * @csspart clear-filter - The button that clears the filter when nothing matches.
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
 * @cssprop --live-chat-session-list-warn-color - A long wait (default the warning amber).
 * @cssprop --live-chat-session-list-alarm-color - A wait far too long (default the danger red).
 */
@customElement('live-chat-session-list')
export class LiveChatSessionList extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, sessionListStyles];

  private readonly sessions = new ObserveController<SessionView[] | undefined>(this, undefined);
  private readonly status = new ObserveController<ClientStatus>(this, { state: 'loading' });
  private readonly liveChats = new ObserveController<LiveChat[]>(this, []);
  private readonly focusAfterUpdate = new FocusAfterUpdateController(this);
  /** Refreshes the relative times ("5 min ago") every minute. */
  private readonly clock = new ClockController(this);
  /** In the Queue only: refreshes the waiting times every second. */
  private readonly waitingClock = new WaitingClock(this);
  private readonly tagFilterOf = new TagFilter();
  private readonly typeahead = new Typeahead();
  private readonly pacer = new FramePacer();
  private readonly rows = new VirtualRowsController(this, {
    scroller: () => this.scroller,
    probe: () => this.probe,
    overscan: () => this.overscan,
  });

  @query('.scroller') private scroller?: HTMLElement | null;
  @query('.row-probe') private probe?: HTMLElement | null;

  /** The row in the tab order (roving focus), by session id so reordering never moves it. */
  @state() private activeId: Id | undefined;

  /** The live chat whose sessions are listed. */
  @property({ attribute: 'live-chat-id' })
  liveChatId?: Id;

  /** The menu group: `queue`, `mine`, `closed` or `active` (supervisors only). */
  @property({ reflect: true })
  group: SessionGroupKind = 'queue';

  /** The open session, shown as selected (`aria-selected`). Follows `live-chat-session-open` unless it is cancelled. */
  @property({ attribute: 'selected-session-id' })
  selectedSessionId?: Id;

  /**
   * Rows rendered beyond each edge of the viewport. Unset: a quarter of the rows in view beyond
   * the first, which keeps the DOM under twice the rows in view.
   */
  @property({ type: Number })
  overscan?: number;

  /** Lists only the sessions carrying this tag (an id of the live chat's tags); unset: all. */
  @property({ attribute: 'tag-filter' })
  tagFilter?: Id;

  private indexById = new Map<Id, number>();
  /** The customers of the rows rendered last, and the client they were asked of. */
  private requestedCustomers: { client: LiveChatClient; ids: ReadonlySet<Id> } | undefined;
  private indexedList: SessionView[] | undefined;
  private lastActiveIndex = 0;

  /** Scrolls the session's row into view (without focusing it). */
  scrollToSession(sessionId: Id): void {
    const index = this.indexById.get(sessionId);
    if (index !== undefined) this.rows.scrollIntoView(index);
  }

  /** Focuses the row in the tab order (or the loading, empty or error message). */
  override focus(options?: FocusOptions): void {
    const row = this.activeId !== undefined ? this.rowElement(this.activeId) : null;
    (row ?? this.renderRoot.querySelector<HTMLElement>('.message'))?.focus(options);
  }

  /** The sessions shown: the group's, narrowed to the tag filter. */
  private get list(): SessionView[] {
    return this.tagFilterOf.apply(this.sessions.value, this.tagFilter) ?? [];
  }

  private readonly tText: Translate = (key, params) => this.t(key, params);

  /** Filters by `tagId` (all sessions when undefined), then focuses the select if asked to. */
  private readonly filterBy = (tagId: Id | undefined, focusSelect = false): void => {
    this.tagFilter = tagId;
    if (focusSelect) this.focusAfterUpdate.focus(() => this.renderRoot.querySelector('select'));
  };

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

  private moveTo(index: number): void {
    const list = this.list;
    if (list.length === 0) return;
    const target = Math.max(0, Math.min(list.length - 1, index));
    const view = list[target];
    if (!view) return;
    this.activeId = view.session.id;
    this.lastActiveIndex = target;
    this.rows.scrollIntoView(target);
    const sessionId = view.session.id;
    this.focusAfterUpdate.focus(() => this.rowElement(sessionId), { preventScroll: true });
  }

  private open(sessionId: Id): void {
    this.activeId = sessionId;
    if (this.dispatchEvent(sessionOpenEvent({ sessionId }))) this.selectedSessionId = sessionId;
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
    const page = { PageDown: this.rows.pageSize(), PageUp: -this.rows.pageSize() }[event.key];
    const next =
      listIndexForKey(event.key, current, this.list.length) ??
      (page !== undefined ? current + page : undefined);
    if (next !== undefined) {
      event.preventDefault();
      this.moveTo(next);
    } else if (event.key === ' ' && this.typeahead.typing) {
      // A space inside a typed name ("Ivan P…") continues the type-ahead.
      event.preventDefault();
      this.typeAhead(' ', current);
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (this.activeId !== undefined && this.indexById.has(this.activeId)) {
        event.preventDefault();
        this.open(this.activeId);
      }
    } else if (event.key.length === 1) {
      this.typeAhead(event.key, current);
    }
  }

  /** Moves to the row the type-ahead leads to with `key`, if any. */
  private typeAhead(key: string, current: number): void {
    const match = this.typeahead.next(key, this.list.map(rowName), current);
    if (match !== undefined) this.moveTo(match);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('group')) this.waitingClock.follow(this.group === 'queue');
    // Another live chat has other tags: a filter chosen for the last one goes.
    if (changed.get('liveChatId') && !changed.has('tagFilter')) this.tagFilter = undefined;
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
    const list = this.list;
    if (list === this.indexedList) return;
    this.indexedList = list;
    this.indexById = new Map();
    list.forEach((view, index) => this.indexById.set(view.session.id, index));
  }

  /** At most one render per animation frame: a burst of list changes renders once a frame. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.pacer.paced(() => super.scheduleUpdate());
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

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.loadRenderedCustomers();
  }

  /**
   * Asks the client for the missing customers of the rows rendered now (those in view, their
   * overscan and the kept row), not of the whole list. Only rows new to the window are asked
   * about: a row that stays rendered is not asked again on every render (the Queue renders every
   * second), so a customer whose read failed is retried by the client, not by each render.
   */
  private loadRenderedCustomers(): void {
    const client = this.client;
    const list = this.list;
    if (!client || list.length === 0 || !this.scroller) {
      this.requestedCustomers = undefined;
      return;
    }
    const kept = this.activeId !== undefined ? this.indexById.get(this.activeId) : undefined;
    const previous =
      this.requestedCustomers?.client === client ? this.requestedCustomers.ids : undefined;
    const rendered = new Set<Id>();
    const missing: Id[] = [];
    for (const index of renderedRows(this.rows.rowWindow(list.length), kept)) {
      const view = list[index];
      if (!view) continue;
      const { customerId } = view.session;
      rendered.add(customerId);
      if (!view.customer && !previous?.has(customerId)) missing.push(customerId);
    }
    this.requestedCustomers = { client, ids: rendered };
    if (missing.length > 0) client.loadCustomers(missing);
  }

  override render() {
    const client = this.client;
    const status = this.status.value;
    if (status.state === 'error') {
      return renderListMessage(
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
      return renderListMessage(this.t('session-list.loading'), 'status');
    }
    if (this.group === 'active' && !client.canSeeGroup(this.liveChatId, this.group)) {
      return renderListMessage(this.t('session-list.permission.active'), 'permission');
    }
    const list = this.list;
    const filter = this.tagFilter;
    if (list.length === 0 && filter === undefined)
      return renderListMessage(this.t(`session-list.empty.${this.group}`), 'empty');
    const tags = client.getLiveChat(this.liveChatId)?.tags ?? [];
    const filterBar = renderTagFilter({
      tags,
      tagId: filter,
      shown: list.length,
      total: this.sessions.value.length,
      onChange: this.filterBy,
      t: this.tText,
    });
    if (list.length === 0) {
      const tag = tags.find((candidate) => candidate.id === filter)?.label ?? filter ?? '';
      const text = this.tIsolated('session-list.filter.none', { tag });
      return html`<div part="base" class="base">
        ${filterBar} ${renderNoMatch(text, this.tText, () => this.filterBy(undefined, true))}
      </div>`;
    }

    const total = list.length;
    const activeIndex = this.activeId !== undefined ? this.indexById.get(this.activeId) : undefined;
    const liveChat =
      client.getLiveChat(this.liveChatId)?.name ??
      this.liveChats.value.find((c) => c.id === this.liveChatId)?.name;
    return html`<div part="base" class="base">
      ${filterBar}
      <div class="row-probe" aria-hidden="true"></div>
      <div
        part="listbox"
        class="scroller"
        role="listbox"
        aria-label=${listLabel(this.tText, this.group, liveChat)}
        @scroll=${this.rows.onScroll}
        @keydown=${this.handleKeyDown}
        @focusin=${this.handleFocusIn}
        @click=${this.handleClick}
      >
        ${renderRowWindow(list, {
          window: this.rows.rowWindow(total),
          kept: activeIndex,
          rowHeight: this.rows.rowHeight,
          selectedId: this.selectedSessionId,
          activeId: this.activeId,
          now: Math.max(this.clock.now, this.waitingClock.now),
          tags: new Map(tags.map((tag) => [tag.id, tag])),
          waiting:
            this.group === 'queue'
              ? waitingThresholds(client.getLiveChat(this.liveChatId))
              : undefined,
          locale: this.locale,
          t: this.tText,
        })}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-session-list': LiveChatSessionList;
  }
}
