import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ActivityEntry, ClientStatus, Id, User } from '@live-chat/core';
import { tokens } from '../styles/tokens.js';
import { ClockController } from '../controllers/clock.js';
import { FocusAfterUpdateController } from '../controllers/focus-after-update.js';
import { listIndexForKey } from '../controllers/list-keys.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import { sessionOpenEvent } from '../events/session-open.js';
import { formatDateTime, formatRelative } from '../shared/format.js';
import { isolated, type ShownText } from '../shared/untrusted-text.js';
import { clamped, untrustedTextStyles } from '../shared/clamped-text.js';
import { activityStyles } from './activity.styles.js';
import './activity.messages.js';

const closedIcon = svg`<path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`;
const reassignedIcon = svg`<path d="M2 5h10M9 2l3 3-3 3M14 11H4M7 8l-3 3 3 3" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round"/>`;

/**
 * The user's activity stream, newest first: sessions closed (seen by supervisors and the live
 * chat's operators) and sessions reassigned to the user or to one of their groups. Each entry
 * is a button that opens its session; a reassignment that came with a note shows it under its
 * button. New entries appear at the top without moving focus.
 *
 * **Keyboard** (roving focus, one entry in the tab order, like the session list): Arrow Down /
 * Arrow Up move to the next and the previous entry, Home and End to the first and the last;
 * Enter, Space or a click opens the entry's session. Tab enters on the newest entry until the
 * user has moved to another one, then on that one.
 *
 * @summary Activity stream: closed and reassigned sessions, each opening its session.
 *
 * @fires live-chat-session-open - An entry was activated; `detail.sessionId` is its session.
 *
 * @csspart heading - The "Activity" heading.
 * @csspart list - The `role="list"` of entries.
 * @csspart entry - One list item.
 * @csspart entry-button - The button of an entry.
 * @csspart icon - The entry's kind icon (decorative).
 * @csspart text - The sentence ("Anna closed session “Order 12”").
 * @csspart meta - The live chat name and the time.
 * @csspart time - The relative time.
 * @csspart note - The note that came with a reassignment ("Note: “Call back after 5 pm”").
 * @csspart message - The empty, loading or error text.
 *
 * @cssprop --live-chat-activity-background - Background (default the background token).
 * @cssprop --live-chat-activity-hover-background - Hovered entry background (default the surface token).
 * @cssprop --live-chat-activity-icon-color - Colour of the kind icons (default the accent).
 */
@customElement('live-chat-activity')
export class LiveChatActivity extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, untrustedTextStyles, activityStyles];

  private readonly activity = new ObserveController<ActivityEntry[]>(this, []);
  private readonly status = new ObserveController<ClientStatus>(this, { state: 'loading' });
  /** Re-render when the signed-in user (and the directory with them) arrives. */
  private readonly me = new ObserveController<User | null>(this, null);
  /** Refreshes the relative times ("5 min ago") every minute. */
  private readonly clock = new ClockController(this);
  private readonly focusAfterUpdate = new FocusAfterUpdateController(this);

  /** The entry the user last moved to, by id so that new entries never move it. */
  @state() private chosenId: Id | undefined;

  /** Most entries shown (newest first). */
  @property({ type: Number })
  limit = 50;

  /** `aria-level` of the heading; `0` hides the heading (the list keeps its accessible name). */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  /** The entries shown, newest first. */
  private get entries(): ActivityEntry[] {
    return this.activity.value.slice(0, Math.max(0, this.limit));
  }

  private open(sessionId: Id): void {
    this.dispatchEvent(sessionOpenEvent({ sessionId }));
  }

  /** The entry in the tab order (roving focus): the one the user chose, else the newest. */
  private get tabStopId(): Id | undefined {
    const entries = this.entries;
    return entries.some((entry) => entry.id === this.chosenId) ? this.chosenId : entries[0]?.id;
  }

  private entryButton(id: Id): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(id)}"]`);
  }

  private handleFocusIn(event: FocusEvent): void {
    const id = (event.target as HTMLElement).dataset['entryId'];
    if (id) this.chosenId = id;
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const ids = this.entries.map((entry) => entry.id);
    const current = Math.max(0, ids.indexOf(this.tabStopId ?? ''));
    const next = listIndexForKey(event.key, current, ids.length);
    const id = next === undefined ? undefined : ids[next];
    if (id === undefined) return;
    event.preventDefault();
    this.chosenId = id;
    this.focusAfterUpdate.focus(() => this.entryButton(id));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      this.activity.observe(this.client?.activity$);
      this.status.observe(this.client?.status$);
      this.me.observe(this.client?.me$);
    }
  }

  /**
   * The sentence describing an entry, with names resolved through the client, each isolated
   * and clamped.
   */
  private describe(entry: ActivityEntry): ShownText {
    const client = this.client;
    const myId = this.me.value?.id ?? client?.me?.id;
    const actor = client?.getUser(entry.actorId)?.name ?? this.t('activity.someone');
    const session = entry.sessionName;
    if (entry.kind === 'session-closed') {
      return entry.actorId === myId
        ? this.tIsolated('activity.closed.by-you', { session }, clamped)
        : this.tIsolated('activity.closed', { actor, session }, clamped);
    }
    const target = entry.target;
    if (target?.kind === 'operator' && target.operatorId === myId) {
      return this.tIsolated('activity.reassigned.to-you', { actor, session }, clamped);
    }
    const targetName =
      target?.kind === 'group'
        ? (client?.getGroup(target.groupId)?.name ?? this.t('activity.unknown-group'))
        : target?.kind === 'operator'
          ? (client?.getUser(target.operatorId)?.name ?? this.t('activity.someone'))
          : this.t('activity.someone');
    if (entry.actorId === myId)
      return this.tIsolated('activity.reassigned.by-you', { session, target: targetName }, clamped);
    return target?.kind === 'group'
      ? this.tIsolated(
          'activity.reassigned.to-group',
          { actor, session, target: targetName },
          clamped,
        )
      : this.tIsolated(
          'activity.reassigned.to-operator',
          { actor, session, target: targetName },
          clamped,
        );
  }

  private renderEntry(entry: ActivityEntry, tabStop: boolean) {
    const liveChat = this.client?.getLiveChat(entry.liveChatId)?.name;
    return html`<li part="entry" class="entry">
      <button
        part="entry-button"
        class="entry-button"
        type="button"
        data-entry-id=${entry.id}
        tabindex=${tabStop ? '0' : '-1'}
        @click=${() => this.open(entry.sessionId)}
      >
        <span part="icon" class="icon" aria-hidden="true"
          ><svg viewBox="0 0 16 16" width="16" height="16">
            ${entry.kind === 'session-closed' ? closedIcon : reassignedIcon}
          </svg></span
        >
        <span part="text" class="text">${this.describe(entry)}</span>
        <span part="meta" class="meta"
          >${liveChat ? html`${isolated(liveChat)} · ` : nothing}<time
            part="time"
            datetime=${new Date(entry.at).toISOString()}
            title=${formatDateTime(entry.at, this.locale)}
            >${formatRelative(entry.at, this.clock.now, this.locale)}</time
          ></span
        >
      </button>
      ${
        entry.note
          ? html`<p part="note" class="note">
              ${this.tIsolated('activity.note', { note: entry.note })}
            </p>`
          : nothing
      }
    </li>`;
  }

  private renderBody() {
    const status = this.status.value;
    if (status.state === 'error') {
      return html`<p part="message" class="message error" role="alert">
        ${this.t('activity.error', { reason: this.errorText(status.error), message: status.error.message })}
      </p>`;
    }
    if (!this.client || status.state === 'loading') {
      return html`<p part="message" class="message" role="status">
        ${this.t('activity.loading')}
      </p>`;
    }
    const entries = this.entries;
    if (entries.length === 0) {
      return html`<p part="message" class="message" role="status">${this.t('activity.empty')}</p>`;
    }
    const tabStopId = this.tabStopId;
    return html`<ul
      part="list"
      class="list"
      role="list"
      aria-label=${this.t('activity.list')}
      @keydown=${this.handleKeydown}
      @focusin=${this.handleFocusIn}
    >
      ${repeat(
        entries,
        (entry) => entry.id,
        (entry) => this.renderEntry(entry, entry.id === tabStopId),
      )}
    </ul>`;
  }

  override render() {
    return html`${
      this.headingLevel > 0
        ? html`<div part="heading" class="heading" role="heading" aria-level=${this.headingLevel}>
            ${this.t('activity.heading')}
          </div>`
        : nothing
    }${this.renderBody()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-activity': LiveChatActivity;
  }
}
