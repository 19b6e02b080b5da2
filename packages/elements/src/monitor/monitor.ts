import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AnnouncerController } from '../controllers/announcer.js';
import { clientStream } from '../controllers/client-streams.js';
import { ClockController } from '../controllers/clock.js';
import { formatDuration, formatNumber } from '../shared/format.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { isolated, isolatedMessage } from '../shared/untrusted-text.js';
import { untrustedTextStyles } from '../shared/clamped-text.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import {
  monitor$,
  type LiveChatMonitorFigures,
  type MonitoredOperator,
} from './monitor-figures.js';
import { renderCaptionedTable } from '../shared/captioned-table.js';
import { monitorStyles } from './monitor.styles.js';
import './monitor.messages.js';

export type { LiveChatMonitorFigures, MonitoredOperator } from './monitor-figures.js';

/** How often the longest wait is brought up to date. */
const WAIT_TICK_MS = 1000;

/**
 * @summary The supervisor's live monitor: for each live chat they supervise, who waits now and
 * for how long, the active sessions, and every operator's status with their load (the active
 * sessions assigned to them). Everything updates live from the client: its session lists (a
 * supervisor sees every session of their live chats) and `presence$`.
 *
 * Two kinds of tables, each with a caption: one row per live chat (waiting now, longest wait,
 * active sessions, operators by status), then one table of operators per live chat. The figures
 * change silently; "Read the figures aloud" has them said once, politely. A user who supervises
 * no live chat sees that only supervisors see the monitor.
 *
 * @csspart base - The wrapper.
 * @csspart read-button - The button that has the figures read aloud.
 * @csspart table - A table (`summary-table` or `operators-table` too).
 * @csspart status - An operator's status (text, with a dot whose shape also tells it).
 * @csspart message - A loading, error or permission message.
 *
 * @cssprop --live-chat-monitor-table-stripe - Background of every other table row (default the surface colour).
 */
@customElement('live-chat-monitor')
export class LiveChatMonitor extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, untrustedTextStyles, monitorStyles];

  private readonly status = clientStream(this, (client) => client.status$, {
    state: 'loading',
  });
  private readonly monitors = clientStream(
    this,
    (client) => monitor$(client),
    [] as LiveChatMonitorFigures[],
  );
  private readonly clock = new ClockController(this, WAIT_TICK_MS);
  private readonly announcer = new AnnouncerController(this, 100);

  private waitText(monitor: LiveChatMonitorFigures): string {
    return monitor.oldestQueuedAt === null
      ? this.t('monitor.nobody-waits')
      : formatDuration(Math.max(0, this.clock.now - monitor.oldestQueuedAt), this.locale);
  }

  private number(value: number): string {
    return formatNumber(value, this.locale);
  }

  private byStatus(monitor: LiveChatMonitorFigures): string {
    const { online, away, offline } = monitor.byStatus;
    return this.t('monitor.by-status', {
      online: this.number(online),
      away: this.number(away),
      offline: this.number(offline),
    });
  }

  private statusText(operator: MonitoredOperator): string {
    if (operator.auto && operator.status !== 'online') {
      return this.t(`monitor.status.${operator.status}-auto`);
    }
    return this.t(`monitor.status.${operator.status}`);
  }

  /** "Read the figures aloud": every live chat's figures, said once. */
  private readAloud(): void {
    const spoken = this.monitors.value.map((monitor) =>
      this.t('monitor.spoken', {
        liveChat: monitor.liveChat.name,
        waiting: this.number(monitor.waiting),
        wait: this.waitText(monitor),
        active: this.number(monitor.active),
        operators: this.byStatus(monitor),
      }),
    );
    this.announcer.announce(spoken.join(' '));
  }

  private renderMessage(text: string, kind: 'error' | 'status' | 'note' = 'note', hint?: string) {
    const role = kind === 'error' ? 'alert' : kind === 'status' ? 'status' : nothing;
    return html`<div part="message" class="message ${kind}" role=${role}>
      <p>${text}</p>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
    </div>`;
  }

  private renderSummary(monitors: LiveChatMonitorFigures[]): TemplateResult {
    const headers = ['live-chat', 'waiting', 'longest-wait', 'active', 'operators'] as const;
    const rows = repeat(
      monitors,
      (monitor) => monitor.liveChat.id,
      (monitor) =>
        html`<tr data-live-chat-id=${monitor.liveChat.id}>
          <th scope="row">${isolated(monitor.liveChat.name)}</th>
          <td class="number" data-figure="waiting">${this.number(monitor.waiting)}</td>
          <td data-figure="longest-wait">${this.waitText(monitor)}</td>
          <td class="number" data-figure="active">${this.number(monitor.active)}</td>
          <td data-figure="operators">${this.byStatus(monitor)}</td>
        </tr>`,
    );
    return html`<div class="table-wrap">
      ${renderCaptionedTable(
        'table summary-table',
        this.t('monitor.summary-caption'),
        headers.map((header) => this.t(`monitor.${header}`)),
        rows,
      )}
    </div>`;
  }

  private renderOperators(monitor: LiveChatMonitorFigures): TemplateResult {
    const caption = isolatedMessage((k, p) => this.t(k, p), 'monitor.operators-caption', {
      liveChat: monitor.liveChat.name,
    });
    if (monitor.operators.length === 0) {
      return html`<p class="hint" data-live-chat-id=${monitor.liveChat.id}>
        ${caption}: ${this.t('monitor.no-operators')}
      </p>`;
    }
    const rows = repeat(
      monitor.operators,
      (operator) => operator.id,
      (operator) =>
        html`<tr data-operator-id=${operator.id}>
          <th scope="row">${isolated(operator.name)}</th>
          <td>
            <span part="status" class="status ${operator.status}" data-status=${operator.status}
              >${this.statusText(operator)}</span
            >
          </td>
          <td class="number" data-figure="load">${this.number(operator.load)}</td>
        </tr>`,
    );
    return html`<div class="table-wrap">
      ${renderCaptionedTable(
        'table operators-table',
        caption,
        [this.t('monitor.operator'), this.t('monitor.status'), this.t('monitor.load')],
        rows,
        { liveChatId: monitor.liveChat.id },
      )}
    </div>`;
  }

  private renderContent(): TemplateResult {
    if (!this.client) return this.renderMessage(this.t('monitor.no-client'));
    const status = this.status.value;
    if (status.state === 'error') {
      return this.renderMessage(
        this.t('monitor.error', { reason: this.errorText(status.error) }),
        'error',
      );
    }
    if (status.state === 'loading') return this.renderMessage(this.t('monitor.loading'), 'status');
    const monitors = this.monitors.value;
    if (monitors.length === 0) {
      return this.renderMessage(this.t('monitor.denied'), 'note', this.t('monitor.denied-hint'));
    }
    return html`<div class="bar">
        <h2>${this.t('monitor.title')}</h2>
        <button
          type="button"
          part="read-button"
          class="button"
          title=${this.t('monitor.read-hint')}
          @click=${this.readAloud}
        >
          ${this.t('monitor.read')}
        </button>
      </div>
      ${this.renderSummary(monitors)} ${monitors.map((monitor) => this.renderOperators(monitor))}`;
  }

  override render() {
    return html`<div part="base" class="monitor">
      ${this.renderContent()} ${this.announcer.render()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-monitor': LiveChatMonitor;
  }
}
