import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type {
  ConnectionState,
  ErrorInfo,
  LiveChatClient,
  LiveChatPerformanceReport,
  OperatorPerformanceRow,
  OperatorsPerformanceReport,
  ReportQuery,
} from '@live-chat/core';
import type { MessageKey } from '../i18n/catalogue.js';
import { FocusAfterUpdateController } from '../controllers/focus-after-update.js';
import { StreamController } from '../controllers/stream-controller.js';
import {
  reportChangeEvent,
  reportChangedEvent,
  type ReportChangedDetail,
  type ReportKind,
} from '../events/report-changed.js';
import { formatDate, formatDuration, formatNumber } from '../shared/format.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { buttonStyles, tokens } from '../styles/tokens.js';
import {
  MAX_REPORT_DAYS,
  addDays,
  dayString,
  daysBetween,
  formatDay,
  rangeOfDays,
  startOfDay,
  utcOffsetAt,
} from './report-dates.js';
import { renderRequestsChart } from './requests-chart.js';
import { reportsStyles } from './reports.styles.js';
import './reports.messages.js';

export type { ReportChangedDetail, ReportKind } from '../events/report-changed.js';

/** The two reports of the workspace. */
/** @deprecated The detail of the deprecated `live-chat-report-change`: use {@link ReportChangedDetail}. */
export type ReportChangeDetail = ReportChangedDetail;

const REPORT_KINDS: readonly ReportKind[] = ['operators-performance', 'live-chat-performance'];

/** Errors a retry cannot fix: no retry button for them. */
const FINAL_ERRORS: ReadonlySet<string> = new Set(['FORBIDDEN', 'NOT_FOUND', 'VALIDATION']);

type AnyReport = OperatorsPerformanceReport | LiveChatPerformanceReport;

/** What a failed load is shown as: the backend's typed error, or an unexpected one worded alike. */
function toErrorInfo(error: unknown): ErrorInfo {
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ErrorInfo).code === 'string' &&
    typeof (error as ErrorInfo).message === 'string'
  ) {
    return error as ErrorInfo;
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** The Operators' performance columns: each names its `live-chat-reports.operators.*` text. */
type OperatorColumnKey =
  | 'sessionsTaken'
  | 'sessionsClosed'
  | 'messagesSent'
  | 'averageFirstResponse'
  | 'averageResolution'
  | 'openNow';

/** The Live chat performance figures: each names its `live-chat-reports.figure.*` text. */
type LiveChatFigureKey =
  | 'requests'
  | 'closed'
  | 'averageWaitInQueue'
  | 'averageFirstResponse'
  | 'averageResolution'
  | 'messagesIn'
  | 'messagesOut'
  | 'neverAnswered';

/** Columns of the Operators' performance table after the operator's name. */
const OPERATOR_COLUMNS: ReadonlyArray<{
  key: OperatorColumnKey;
  value: (row: OperatorPerformanceRow, locale: string) => string;
  duration?: boolean;
}> = [
  { key: 'sessionsTaken', value: (r, l) => formatNumber(r.sessionsTaken, l) },
  { key: 'sessionsClosed', value: (r, l) => formatNumber(r.sessionsClosed, l) },
  { key: 'messagesSent', value: (r, l) => formatNumber(r.messagesSent, l) },
  {
    key: 'averageFirstResponse',
    value: (r, l) => formatDuration(r.averageFirstResponseMs, l),
    duration: true,
  },
  {
    key: 'averageResolution',
    value: (r, l) => formatDuration(r.averageResolutionMs, l),
    duration: true,
  },
  { key: 'openNow', value: (r, l) => formatNumber(r.openNow, l) },
];

/** Figures of the Live chat performance report shown beside the chart. */
const LIVE_CHAT_FIGURES: ReadonlyArray<{
  key: LiveChatFigureKey;
  value: (report: LiveChatPerformanceReport, locale: string) => string;
  duration?: boolean;
}> = [
  { key: 'requests', value: (r, l) => formatNumber(r.requests, l) },
  { key: 'closed', value: (r, l) => formatNumber(r.closed, l) },
  {
    key: 'averageWaitInQueue',
    value: (r, l) => formatDuration(r.averageWaitInQueueMs, l),
    duration: true,
  },
  {
    key: 'averageFirstResponse',
    value: (r, l) => formatDuration(r.averageFirstResponseMs, l),
    duration: true,
  },
  {
    key: 'averageResolution',
    value: (r, l) => formatDuration(r.averageResolutionMs, l),
    duration: true,
  },
  { key: 'messagesIn', value: (r, l) => formatNumber(r.messagesIn, l) },
  { key: 'messagesOut', value: (r, l) => formatNumber(r.messagesOut, l) },
  { key: 'neverAnswered', value: (r, l) => formatNumber(r.neverAnswered, l) },
];

function isEmptyOperatorsReport(report: OperatorsPerformanceReport): boolean {
  return report.rows.every(
    (r) =>
      r.sessionsTaken === 0 &&
      r.sessionsClosed === 0 &&
      r.messagesSent === 0 &&
      r.averageFirstResponseMs === null &&
      r.averageResolutionMs === null &&
      r.openNow === 0,
  );
}

function isEmptyLiveChatReport(report: LiveChatPerformanceReport): boolean {
  return (
    report.requests === 0 &&
    report.closed === 0 &&
    report.messagesIn === 0 &&
    report.messagesOut === 0
  );
}

/**
 * @summary The workspace's reports for one live chat and a period: Operators' performance (a
 * table, one row per operator) and Live chat performance (requests per day as a bar chart with a
 * data table as its text alternative, and the other figures beside it). Each figure has a
 * "How is this computed?" disclosure. Only live chats the user belongs to can be reported on.
 *
 * @fires live-chat-report-changed - when the user picks another report, live chat or period:
 * `{ report, liveChatId, from, to }` (days as `YYYY-MM-DD`, both included)
 * @fires live-chat-report-change - Deprecated former name of `live-chat-report-changed`, dispatched right after it until the next release.
 *
 * @csspart tablist - the report switcher (`role="tablist"`)
 * @csspart tab - a report tab; also `tab-selected` on the selected one
 * @csspart filters - the live chat and period controls
 * @csspart live-chat-select - the live chat `<select>`
 * @csspart from-input - the first day of the period
 * @csspart to-input - the last day of the period
 * @csspart range-error - the message shown when the period is not valid
 * @csspart panel - the report's tab panel
 * @csspart message - a loading, empty, offline or error message
 * @csspart retry-button - the button that loads the report again after an error
 * @csspart table - a data table (`operators-table` or `chart-table` too)
 * @csspart row - a row of the Operators' performance table
 * @csspart formula - a "How is this computed?" disclosure
 * @csspart chart - the requests-per-day SVG
 * @csspart chart-bar - one bar of the chart
 * @csspart chart-grid - a horizontal grid line of the chart
 * @csspart chart-table-toggle - the button that shows the chart's data table
 * @csspart figures - the definition list of the Live chat performance figures
 * @csspart figure - one figure of that list
 *
 * @cssprop --live-chat-reports-background - background of the component (default: background colour)
 * @cssprop --live-chat-reports-bar-color - fill of the chart's bars (default: accent colour)
 * @cssprop --live-chat-reports-grid-color - colour of the chart's grid lines (default: border colour)
 * @cssprop --live-chat-reports-table-stripe - background of every other table row (default: surface colour)
 * @cssprop --live-chat-reports-tab-indicator - underline of the selected tab (default: accent colour)
 */
@customElement('live-chat-reports')
export class LiveChatReports extends LiveChatElement {
  /** The design tokens (see `styles/tokens.ts`), then the component's own styles. */
  static override styles = [tokens, buttonStyles, reportsStyles];

  private readonly liveChats = new StreamController(
    this,
    () => [this.client] as const,
    (client) => client?.liveChats$,
    [],
  );
  private readonly connection = new StreamController(
    this,
    () => [this.client] as const,
    (client) => client?.connection$,
    'online',
  );
  private readonly clientStatus = new StreamController(
    this,
    () => [this.client] as const,
    (client) => client?.status$,
    { state: 'loading' },
  );
  /**
   * Loads the report whenever the client or the query (as JSON, so an equal query is not asked
   * again) changes; a late answer to an older query is dropped. Nothing to ask: back to initial.
   */
  private readonly reportTask = new Task(this, {
    task: async ([client, queryKey]: readonly [LiveChatClient | undefined, string | undefined]) => {
      if (!client || !queryKey) return initialState;
      const result = await client.report(JSON.parse(queryKey) as ReportQuery);
      if (!result.ok) throw result.error;
      return result.value as AnyReport;
    },
    args: () => [this.client, this.queryKey] as const,
  });
  private readonly focusAfterUpdate = new FocusAfterUpdateController(this);

  @state() private chartTableShown = false;

  /**
   * The live chat reported on. When absent, the first of the user's live chats; the user can
   * pick another one in the live chat select.
   */
  @property({ attribute: 'live-chat-id' })
  liveChatId?: string;

  /** The report shown: `operators-performance` (default) or `live-chat-performance`. */
  @property({ reflect: true })
  report: ReportKind = 'operators-performance';

  /** First day of the period, `YYYY-MM-DD` in local time (default: six days before `to`). */
  @property()
  from?: string;

  /** Last day of the period, included, `YYYY-MM-DD` in local time (default: today). */
  @property()
  to?: string;

  /** The query for the current settings as JSON; `undefined` when there is nothing to ask. */
  private queryKey: string | undefined;
  private lastConnection: ConnectionState | undefined;

  /** Loads the report again (what the Retry button does). */
  reload(): void {
    void this.reportTask.run();
  }

  private get kind(): ReportKind {
    return REPORT_KINDS.includes(this.report) ? this.report : 'operators-performance';
  }

  private get currentLiveChatId(): string | undefined {
    return this.liveChatId || this.liveChats.value[0]?.id;
  }

  private get offline(): boolean {
    return this.connection.value === 'offline' || this.connection.value === 'failed';
  }

  private changed(): void {
    const detail: ReportChangedDetail = {
      report: this.kind,
      liveChatId: this.currentLiveChatId,
      from: this.from ?? '',
      to: this.to ?? '',
    };
    this.dispatchEvent(reportChangedEvent(detail));
    this.dispatchEvent(reportChangeEvent(detail)); // the deprecated name, for one release
  }

  private onTabClick(kind: ReportKind): void {
    if (kind === this.kind) return;
    this.report = kind;
    this.changed();
  }

  private onTabKeydown(event: KeyboardEvent): void {
    const index = REPORT_KINDS.indexOf(this.kind);
    const last = REPORT_KINDS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % REPORT_KINDS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % REPORT_KINDS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const kind = REPORT_KINDS[next] ?? 'operators-performance';
    if (kind !== this.kind) {
      this.report = kind;
      this.changed();
    }
    this.focusAfterUpdate.focus(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${kind}`));
  }

  private onLiveChatChange(event: Event): void {
    this.liveChatId = (event.target as HTMLSelectElement).value;
    this.changed();
  }

  private onFromChange(event: Event): void {
    this.from = (event.target as HTMLInputElement).value;
    this.changed();
  }

  private onToChange(event: Event): void {
    this.to = (event.target as HTMLInputElement).value;
    this.changed();
  }

  private onToggleChartTable(): void {
    this.chartTableShown = !this.chartTableShown;
  }

  /** Why the period cannot be reported on, if it cannot. */
  private rangeProblem(): string | undefined {
    const from = this.from ?? '';
    const to = this.to ?? '';
    if (startOfDay(from) === undefined || startOfDay(to) === undefined)
      return this.t('live-chat-reports.range.missing');
    const days = daysBetween(from, to);
    if (days < 1) return this.t('live-chat-reports.range.invalid');
    if (days > MAX_REPORT_DAYS)
      return this.t('live-chat-reports.range.too-long', { count: MAX_REPORT_DAYS });
    return undefined;
  }

  /** The query for the current settings, or `undefined` when there is nothing valid to ask. */
  private buildQuery(): ReportQuery | undefined {
    const liveChatId = this.currentLiveChatId;
    if (!liveChatId || this.rangeProblem()) return undefined;
    const range = rangeOfDays(this.from ?? '', this.to ?? '');
    if (!range) return undefined;
    return this.kind === 'operators-performance'
      ? { kind: 'operators-performance', liveChatId, range }
      : {
          kind: 'live-chat-performance',
          liveChatId,
          range,
          utcOffsetMinutes: utcOffsetAt(range.from),
        };
  }

  override willUpdate(): void {
    if (this.to === undefined) this.to = dayString(Date.now());
    if (this.from === undefined) this.from = addDays(this.to, -6);

    const ready = ['ready', 'resuming'].includes(this.clientStatus.value.state);
    const query = this.client && ready ? this.buildQuery() : undefined;
    // The task compares this key (and the client) before each render and loads on a change.
    this.queryKey = query ? JSON.stringify(query) : undefined;

    // Back online after a failed load: try again.
    const connection = this.connection.value;
    if (this.lastConnection !== connection) {
      const backOnline = connection === 'online' && this.lastConnection !== undefined;
      this.lastConnection = connection;
      if (backOnline && this.reportTask.status === TaskStatus.ERROR) void this.reportTask.run();
    }
  }

  private liveChatName(id: string): string {
    return (
      this.client?.getLiveChat(id)?.name ?? this.t('live-chat-reports.live-chat.unknown', { id })
    );
  }

  private rangeText(): string {
    const from = startOfDay(this.from ?? '');
    const to = startOfDay(this.to ?? '');
    if (from === undefined || to === undefined) return '';
    return this.t('live-chat-reports.range', {
      from: formatDate(from, this.locale),
      to: formatDate(to, this.locale),
    });
  }

  /**
   * A "How is this computed?" disclosure. `named` shows the figure's name in the summary (a list
   * under a table); otherwise the name is only read out, the disclosure sitting beside the figure.
   */
  private renderHow(
    figure: string,
    formulaKey: MessageKey,
    duration = false,
    named = false,
  ): TemplateResult {
    return html`<details part="formula" class="formula">
      <summary>
        ${
          named
            ? this.t('live-chat-reports.how-for', { figure })
            : html`${this.t('live-chat-reports.how')}<span class="visually-hidden">
                  (${figure})</span
                >`
        }
      </summary>
      <p>
        ${this.t(formulaKey)}${duration ? html` ${this.t('live-chat-reports.no-average')}` : nothing}
      </p>
    </details>`;
  }

  private renderMessage(
    text: string,
    kind: 'info' | 'error' | 'offline' = 'info',
    retry = false,
  ): TemplateResult {
    return html`<div
      part="message"
      class="message ${kind}"
      role=${kind === 'error' ? 'alert' : 'status'}
    >
      ${text}
      ${
        retry
          ? html`<button part="retry-button" class="button" type="button" @click=${this.reload}>
              ${this.t('live-chat-reports.retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private failureText(error: ErrorInfo): string {
    return this.t('live-chat-reports.error', {
      reason: this.errorText(error, 'report'),
      message: error.message,
    });
  }

  private renderOperators(report: OperatorsPerformanceReport): TemplateResult {
    const caption = this.t('live-chat-reports.operators.caption', {
      liveChat: this.liveChatName(report.liveChatId),
      range: this.rangeText(),
    });
    return html`
      <div class="table-wrap" role="group" aria-label=${caption} tabindex="0">
        <table part="table operators-table">
          <caption>
            ${caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t('live-chat-reports.operators.operator')}</th>
              ${OPERATOR_COLUMNS.map((c) => html`<th scope="col">${this.t(`live-chat-reports.operators.${c.key}`)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${repeat(
              report.rows,
              (row) => row.operatorId,
              (row) =>
                html`<tr part="row" data-operator-id=${row.operatorId}>
                  <th scope="row">
                    ${this.client?.getUser(row.operatorId)?.name ?? row.operatorId}
                  </th>
                  ${OPERATOR_COLUMNS.map((c) => html`<td>${c.value(row, this.locale)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <ul class="formulas" aria-label=${this.t('live-chat-reports.operators.formulas')}>
        ${OPERATOR_COLUMNS.map((c) => {
          const figure = this.t(`live-chat-reports.operators.${c.key}`);
          return html`<li>
            ${this.renderHow(figure, `live-chat-reports.formula.operators.${c.key}`, c.duration, true)}
          </li>`;
        })}
      </ul>
    `;
  }

  private renderLiveChat(report: LiveChatPerformanceReport): TemplateResult {
    const range = this.rangeText();
    const days = report.requestsPerDay;
    const total = days.reduce((sum, d) => sum + d.count, 0);
    const busiest = days.reduce<(typeof days)[number] | undefined>(
      (best, d) => (!best || d.count > best.count ? d : best),
      undefined,
    );
    const label =
      total === 0 || !busiest
        ? this.t('live-chat-reports.chart.summary-empty', { range })
        : this.t('live-chat-reports.chart.summary', {
            range,
            count: total,
            day: formatDay(busiest.day, this.locale, 'long'),
            max: formatNumber(busiest.count, this.locale),
          });
    return html`<div class="performance">
      <p class="performance-title">
        <strong
          >${this.t('live-chat-reports.live-chat.title', { liveChat: this.liveChatName(report.liveChatId), range })}</strong
        >
      </p>
      <figure class="chart-block">
        <figcaption>${this.t('live-chat-reports.chart.title')}</figcaption>
        ${renderRequestsChart(days, {
          locale: this.locale,
          label,
          barTitle: (day, count) =>
            this.t('live-chat-reports.chart.bar', {
              day: formatDay(day, this.locale, 'long'),
              count,
            }),
        })}
        <button
          part="chart-table-toggle"
          class="button toggle"
          type="button"
          aria-pressed=${this.chartTableShown ? 'true' : 'false'}
          @click=${this.onToggleChartTable}
        >
          ${this.t('live-chat-reports.chart.show-table')}
        </button>
        <table
          part="table chart-table"
          class="chart-table ${this.chartTableShown ? '' : 'visually-hidden'}"
        >
          <caption>
            ${this.t('live-chat-reports.chart.table-caption', { range })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t('live-chat-reports.chart.day')}</th>
              <th scope="col">${this.t('live-chat-reports.chart.requests')}</th>
            </tr>
          </thead>
          <tbody>
            ${days.map(
              (d) =>
                html`<tr data-day=${d.day}>
                  <th scope="row">${formatDay(d.day, this.locale, 'long')}</th>
                  <td>${formatNumber(d.count, this.locale)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </figure>
      <dl part="figures" class="figures">
        ${LIVE_CHAT_FIGURES.map((f) => {
          const name = this.t(`live-chat-reports.figure.${f.key}`);
          return html`<div part="figure" class="figure" data-figure=${f.key}>
            <dt>${name}</dt>
            <dd>
              <span class="value">${f.value(report, this.locale)}</span>
              ${this.renderHow(name, `live-chat-reports.formula.${f.key}`, f.duration)}
            </dd>
          </div>`;
        })}
      </dl>
    </div>`;
  }

  private renderPanelContent(kind: ReportKind): TemplateResult | typeof nothing {
    if (!this.client) return this.renderMessage(this.t('live-chat-reports.no-client'));
    const status = this.clientStatus.value;
    if (status.state === 'loading')
      return this.renderMessage(this.t('live-chat-reports.client-loading'));
    if (status.state === 'error')
      return this.renderMessage(this.failureText(status.error), 'error');
    if (!this.currentLiveChatId)
      return this.renderMessage(this.t('live-chat-reports.no-live-chats'));
    if (this.rangeProblem()) return nothing;
    return this.reportTask.render({
      initial: () => this.renderMessage(this.t('live-chat-reports.loading')),
      pending: () => this.renderMessage(this.t('live-chat-reports.loading')),
      error: (failure) => {
        const error = toErrorInfo(failure);
        return this.renderMessage(this.failureText(error), 'error', !FINAL_ERRORS.has(error.code));
      },
      complete: (report) => {
        if (report.kind !== kind) return this.renderMessage(this.t('live-chat-reports.loading'));
        if (report.kind === 'operators-performance') {
          return isEmptyOperatorsReport(report)
            ? this.renderMessage(this.t('live-chat-reports.empty'))
            : this.renderOperators(report);
        }
        return isEmptyLiveChatReport(report)
          ? this.renderMessage(this.t('live-chat-reports.empty'))
          : this.renderLiveChat(report);
      },
    });
  }

  private renderLiveChatSelect(): TemplateResult | typeof nothing {
    const chats = this.liveChats.value;
    const current = this.currentLiveChatId;
    if (chats.length === 0 && !current) return nothing;
    const unknown = current !== undefined && !chats.some((c) => c.id === current);
    return html`<div class="field">
      <label for="live-chat">${this.t('live-chat-reports.live-chat')}</label>
      <select id="live-chat" part="live-chat-select" @change=${this.onLiveChatChange}>
        ${
          unknown
            ? html`<option value=${current} selected>
                ${this.t('live-chat-reports.live-chat.unknown', { id: current })}
              </option>`
            : nothing
        }
        ${repeat(
          chats,
          (chat) => chat.id,
          (chat) =>
            html`<option value=${chat.id} ?selected=${chat.id === current}>${chat.name}</option>`,
        )}
      </select>
    </div>`;
  }

  override render(): TemplateResult {
    const kind = this.kind;
    const problem = this.rangeProblem();
    const describedBy = problem ? 'range-error' : nothing;
    const busy = this.reportTask.status === TaskStatus.PENDING && this.queryKey !== undefined;
    return html`<div class="reports">
      <div
        part="tablist"
        role="tablist"
        aria-label=${this.t('live-chat-reports.tabs')}
        @keydown=${this.onTabKeydown}
      >
        ${REPORT_KINDS.map((k) => {
          const selected = k === kind;
          return html`<button
            id="tab-${k}"
            part=${selected ? 'tab tab-selected' : 'tab'}
            role="tab"
            type="button"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel-${k}"
            tabindex=${selected ? '0' : '-1'}
            @click=${() => this.onTabClick(k)}
          >
            ${this.t(`live-chat-reports.tab.${k}`)}
          </button>`;
        })}
      </div>
      <div
        part="filters"
        class="filters"
        role="group"
        aria-label=${this.t('live-chat-reports.filters')}
      >
        ${this.renderLiveChatSelect()}
        <div class="field">
          <label for="from">${this.t('live-chat-reports.from')}</label>
          <input
            id="from"
            part="from-input"
            type="date"
            .value=${this.from ?? ''}
            max=${this.to || nothing}
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @change=${this.onFromChange}
          />
        </div>
        <div class="field">
          <label for="to">${this.t('live-chat-reports.to')}</label>
          <input
            id="to"
            part="to-input"
            type="date"
            .value=${this.to ?? ''}
            min=${this.from || nothing}
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @change=${this.onToChange}
          />
        </div>
        ${problem ? html`<p id="range-error" part="range-error" class="range-error" role="alert">${problem}</p>` : nothing}
      </div>
      ${this.client && this.offline ? this.renderMessage(this.t('live-chat-reports.offline'), 'offline') : nothing}
      ${REPORT_KINDS.map(
        (k) =>
          html`<div
            id="panel-${k}"
            part="panel"
            class="panel"
            role="tabpanel"
            aria-labelledby="tab-${k}"
            aria-busy=${k === kind && busy ? 'true' : 'false'}
            tabindex="0"
            ?hidden=${k !== kind}
          >
            ${k === kind ? this.renderPanelContent(k) : nothing}
          </div>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-reports': LiveChatReports;
  }
}
