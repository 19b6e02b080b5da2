import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  isErrorInfo,
  type ConnectionState,
  type ErrorInfo,
  type LiveChatClient,
  type LiveChatPerformanceReport,
  type OperatorsPerformanceReport,
  type ReportQuery,
} from '@live-chat/core';
import { clientStream } from '../controllers/client-streams.js';
import { TablistController } from '../controllers/tablist.js';
import {
  reportChangedEvent,
  type ReportChangedDetail,
  type ReportKind,
} from '../events/report-changed.js';
import { reportChangeEvent } from '../events/former-names.js';
import { formatDate } from '../shared/format.js';
import { LiveChatElement } from '../shared/live-chat-element.js';
import { untrustedTextStyles } from '../shared/clamped-text.js';
import { buttonStyles, fieldStyles, tokens } from '../styles/tokens.js';
import { renderLiveChatReport } from './live-chat-report.js';
import { renderOperatorsReport } from './operators-report.js';
import { addDays, dayString, startOfDay } from './report-dates.js';
import { isEmptyLiveChatReport, isEmptyOperatorsReport } from './report-figures.js';
import { renderReportFilters } from './report-filters.js';
import type { ReportView } from './report-parts.js';
import { rangeProblem, reportQuery } from './report-query.js';
import { reportsStyles } from './reports.styles.js';
import './reports.messages.js';

export type { ReportChangedDetail, ReportKind } from '../events/report-changed.js';

/** @deprecated The detail of the deprecated `live-chat-report-change`: use {@link ReportChangedDetail}. */
export type ReportChangeDetail = ReportChangedDetail;

/** The two reports of the workspace, in tab order. */
const REPORT_KINDS: readonly ReportKind[] = ['operators-performance', 'live-chat-performance'];

/** Errors a retry cannot fix: no retry button for them. */
const FINAL_ERRORS: ReadonlySet<string> = new Set(['FORBIDDEN', 'NOT_FOUND', 'VALIDATION']);

type AnyReport = OperatorsPerformanceReport | LiveChatPerformanceReport;

/** What a failed load is shown as: the backend's typed error, or an unexpected one worded alike. */
function toErrorInfo(error: unknown): ErrorInfo {
  if (isErrorInfo(error)) return error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
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
  static override styles = [tokens, buttonStyles, fieldStyles, untrustedTextStyles, reportsStyles];

  private readonly liveChats = clientStream(this, (client) => client.liveChats$, []);
  private readonly connection = clientStream(this, (client) => client.connection$, 'online');
  private readonly clientStatus = clientStream(this, (client) => client.status$, {
    state: 'loading',
  });
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
  private readonly tablist = new TablistController(this, {
    tabs: REPORT_KINDS,
    selected: () => this.kind,
    select: (kind) => this.selectReport(kind),
  });

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

  /** Why the period cannot be reported on, if it cannot. */
  private get rangeProblem(): string | undefined {
    const problem = rangeProblem(this.from ?? '', this.to ?? '');
    return problem && this.t(problem.key, problem.params);
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

  private selectReport(kind: ReportKind): void {
    if (kind === this.kind) return;
    this.report = kind;
    this.changed();
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

  override willUpdate(): void {
    if (this.to === undefined) this.to = dayString(Date.now());
    if (this.from === undefined) this.from = addDays(this.to, -6);

    const ready = ['ready', 'resuming'].includes(this.clientStatus.value.state);
    const liveChatId = this.currentLiveChatId;
    const query =
      this.client && ready && liveChatId
        ? reportQuery(this.kind, liveChatId, this.from, this.to)
        : undefined;
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

  /** What both report templates show besides the report. */
  private reportView(liveChatId: string): ReportView {
    const from = startOfDay(this.from ?? '');
    const to = startOfDay(this.to ?? '');
    return {
      locale: this.locale,
      t: (key, params) => this.t(key, params),
      liveChatName:
        this.client?.getLiveChat(liveChatId)?.name ??
        this.t('live-chat-reports.live-chat.unknown', { id: liveChatId }),
      range:
        from === undefined || to === undefined
          ? ''
          : this.t('live-chat-reports.range', {
              from: formatDate(from, this.locale),
              to: formatDate(to, this.locale),
            }),
      userName: (userId) => this.client?.getUser(userId)?.name ?? userId,
      tagLabel: (tagId) =>
        this.client?.getLiveChat(liveChatId)?.tags?.find((tag) => tag.id === tagId)?.label ?? tagId,
    };
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

  private renderReport(report: AnyReport): TemplateResult {
    if (report.kind === 'operators-performance') {
      return isEmptyOperatorsReport(report)
        ? this.renderMessage(this.t('live-chat-reports.empty'))
        : renderOperatorsReport(report, this.reportView(report.liveChatId));
    }
    return isEmptyLiveChatReport(report)
      ? this.renderMessage(this.t('live-chat-reports.empty'))
      : renderLiveChatReport(report, this.reportView(report.liveChatId), {
          shown: this.chartTableShown,
          toggle: () => this.onToggleChartTable(),
        });
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
    if (this.rangeProblem) return nothing;
    const loading = () => this.renderMessage(this.t('live-chat-reports.loading'));
    return this.reportTask.render({
      initial: loading,
      pending: loading,
      error: (failure) => {
        const error = toErrorInfo(failure);
        return this.renderMessage(this.failureText(error), 'error', !FINAL_ERRORS.has(error.code));
      },
      complete: (report) => (report.kind === kind ? this.renderReport(report) : loading()),
    });
  }

  override render(): TemplateResult {
    const kind = this.kind;
    const busy = this.reportTask.status === TaskStatus.PENDING && this.queryKey !== undefined;
    return html`<div class="reports">
      <div
        part="tablist"
        role="tablist"
        aria-label=${this.t('live-chat-reports.tabs')}
        @keydown=${this.tablist.onKeydown}
      >
        ${REPORT_KINDS.map((k) =>
          this.tablist.renderTab(k, this.t(`live-chat-reports.tab.${k}`), {
            part: k === kind ? 'tab tab-selected' : 'tab',
          }),
        )}
      </div>
      ${renderReportFilters(
        {
          t: (key, params) => this.t(key, params),
          liveChats: this.liveChats.value,
          liveChatId: this.currentLiveChatId,
          from: this.from,
          to: this.to,
          problem: this.rangeProblem,
        },
        {
          liveChatChange: (event) => this.onLiveChatChange(event),
          fromChange: (event) => this.onFromChange(event),
          toChange: (event) => this.onToChange(event),
        },
      )}
      ${this.client && this.offline ? this.renderMessage(this.t('live-chat-reports.offline'), 'offline') : nothing}
      ${REPORT_KINDS.map((k) =>
        this.tablist.renderPanel(k, k === kind ? this.renderPanelContent(k) : nothing, {
          part: 'panel',
          className: 'panel',
          focusable: true,
          busy: k === kind && busy,
        }),
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-reports': LiveChatReports;
  }
}
