import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { classMap } from 'lit/directives/class-map.js';
import { emptyCounters, type Counters } from '@live-chat/core';
import { tokens } from '../styles/tokens.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { ObserveController } from '../shared/observe-controller.js';
import { AnnouncerController } from '../controllers/announcer.js';
import { sessionOpenEvent } from '../events/session-open.js';
import { formatNumber } from '../shared/format.js';
import { counterStyles } from './counter.styles.js';
import {
  keyHint,
  shortcutKeysContext,
  type ShortcutKeys,
} from '../shortcuts/shortcut-keys-context.js';
import './counter.messages.js';

/** Which figure a counter shows. */
export type CounterKind = 'unread' | 'unassigned';

/**
 * One of the workspace's two counters.
 *
 * - `kind="unread"` (red, default): unread customer messages in the open sessions assigned to
 *   the user; meant to sit on the workspace icon. Not interactive. At zero the badge is hidden
 *   (nothing to draw attention to) and only the visually hidden label remains, so a parent
 *   button's accessible name still reads "No unread messages in my sessions".
 * - `kind="unassigned"` (blue): new unassigned sessions in the user's queues. A button: click,
 *   Enter or Space opens the oldest waiting session (`client.oldestQueued()`). At zero the badge
 *   stays visible but muted ("0"), the button is `aria-disabled` and its tooltip and description
 *   explain why nothing happens.
 *
 * The label always says what is counted ("2 unread messages in my sessions", "3 new sessions
 * in my queues"). Changes are announced through a polite live region, gathered so that a burst
 * of events is one announcement of the new figure (at most one every 1.5 s), never one per
 * event; `no-announce` turns that off. The figure the client loads with is not announced.
 *
 * The host reflects `empty` when the figure is zero, so a page can hide or restyle it
 * (`live-chat-counter[empty] { … }`).
 *
 * @summary Red (unread in my sessions) or blue (new unassigned sessions) counter with an accessible name.
 *
 * @fires live-chat-session-open - The blue counter was activated; `detail.sessionId` is the oldest unassigned session.
 *
 * @csspart base - The wrapper: a `<span>` (red) or the `<button>` (blue).
 * @csspart count - The coloured badge with the number ("99+" above `max`).
 * @csspart label - The text name ("3 unread messages in my sessions"); visually hidden unless `show-label` is set.
 *
 * @cssprop --live-chat-counter-size - Height of the badge (default 20px).
 * @cssprop --live-chat-counter-background - Badge colour (default the unread red or the new blue token).
 * @cssprop --live-chat-counter-color - Badge text colour.
 * @cssprop --live-chat-counter-muted-background - Badge colour at zero (blue counter).
 * @cssprop --live-chat-counter-muted-color - Badge text colour at zero (blue counter).
 */
@customElement('live-chat-counter')
export class LiveChatCounter extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, counterStyles];

  private readonly counters = new ObserveController<Counters>(this, emptyCounters());
  /** Says a changed figure politely, a burst of changes at once. */
  private readonly announcer = new AnnouncerController(this);

  /** The workspace's shortcuts: the blue counter names the key that takes the next session. */
  @consume({ context: shortcutKeysContext, subscribe: true })
  @state()
  private shortcutKeys?: ShortcutKeys;

  @query('button') private button?: HTMLButtonElement | null;

  /** The figure last rendered while the client was ready: a change from it is announced. */
  private readyCount: number | undefined;

  /** `unread` (red) or `unassigned` (blue, clickable). */
  @property({ reflect: true })
  kind: CounterKind = 'unread';

  /** Show the text label beside the badge instead of keeping it for screen readers only. */
  @property({ type: Boolean, attribute: 'show-label', reflect: true })
  showLabel = false;

  /** Largest number drawn in the badge; above it the badge reads "{max}+" (the label keeps the exact figure). */
  @property({ type: Number })
  max = 99;

  /** Does not announce changes of the figure (e.g. where the page announces them itself). */
  @property({ type: Boolean, attribute: 'no-announce', reflect: true })
  noAnnounce = false;

  /** The figure currently shown. */
  get count(): number {
    const counters = this.counters.value;
    return this.kind === 'unassigned' ? counters.newUnassigned : counters.unreadInMySessions;
  }

  /** Focuses the blue counter's button (the red counter is not focusable). */
  override focus(options?: FocusOptions): void {
    this.button?.focus(options);
  }

  private handleClick(): void {
    if (this.kind !== 'unassigned' || !this.client || this.count === 0) return;
    const oldest = this.client.oldestQueued();
    if (oldest) this.dispatchEvent(sessionOpenEvent({ sessionId: oldest.session.id }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      this.counters.observe(this.client?.counters$);
      this.readyCount = undefined;
    }
    const count = this.count;
    this.toggleAttribute('empty', count === 0);
    this.announceChange(count);
  }

  /** Announces `count` when it changed while the client was ready (not the figure it loads with). */
  private announceChange(count: number): void {
    if (this.client?.status.state !== 'ready') {
      this.readyCount = undefined;
      return;
    }
    if (this.readyCount !== undefined && this.readyCount !== count && !this.noAnnounce) {
      this.announcer.announce(this.label(count));
    }
    this.readyCount = count;
  }

  /** The figure in words, with what it counts. */
  private label(count: number): string {
    return count === 0
      ? this.t(`counter.${this.kind}.zero`)
      : this.t(`counter.${this.kind}.label`, { count });
  }

  private renderBadge(count: number) {
    const shown =
      count > this.max
        ? `${formatNumber(this.max, this.locale)}+`
        : formatNumber(count, this.locale);
    return html`<span
      part="count"
      class=${classMap({ count: true, zero: count === 0 })}
      aria-hidden="true"
      >${shown}</span
    >`;
  }

  private renderLabel(text: string, zero: boolean) {
    return html`<span
      part="label"
      class=${classMap({ label: true, visible: this.showLabel, 'visually-hidden': !this.showLabel, zero })}
      >${text}</span
    >`;
  }

  override render() {
    const count = this.count;
    const zero = count === 0;
    const label = this.label(count);

    if (this.kind !== 'unassigned') {
      return html`<span
          part="base"
          class="base"
          title=${zero ? nothing : this.t('counter.unread.hint')}
          >${zero ? nothing : this.renderBadge(count)}${this.renderLabel(label, zero)}</span
        >${this.announcer.render()}`;
    }
    const hint = zero ? this.t('counter.unassigned.zero-hint') : this.t('counter.unassigned.hint');
    const keys = keyHint(hint, this.shortcutKeys?.keys['take-next']);
    return html`<button
        part="base"
        class="base"
        type="button"
        aria-disabled=${zero ? 'true' : 'false'}
        aria-describedby="hint"
        aria-keyshortcuts=${keys.ariaKeyshortcuts ?? nothing}
        title=${keys.title}
        @click=${this.handleClick}
      >
        ${this.renderBadge(count)}${this.renderLabel(label, zero)}
      </button>
      <span id="hint" class="visually-hidden">${hint}</span>${this.announcer.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-counter': LiveChatCounter;
  }
}
