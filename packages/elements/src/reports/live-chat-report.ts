import { html, nothing, type TemplateResult } from 'lit';
import type { DayCount, LiveChatPerformanceReport } from '@live-chat/core';
import { renderCaptionedTable } from '../shared/captioned-table.js';
import { formatNumber } from '../shared/format.js';
import { isolated, isolatedMessage } from '../shared/untrusted-text.js';
import { formatDay } from './report-dates.js';
import { figureText, LIVE_CHAT_FIGURES } from './report-figures.js';
import { renderFormula, type ReportView } from './report-parts.js';
import { renderRequestsChart } from './requests-chart.js';

/** The chart's data table: hidden (but read out) until the user asks to see it. */
export interface ChartTable {
  shown: boolean;
  toggle: () => void;
}

/** The chart's accessible summary: the total and the busiest day of the period. */
function chartSummary(days: readonly DayCount[], view: ReportView): string {
  const { t, locale, range } = view;
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const busiest = days.reduce<DayCount | undefined>(
    (best, d) => (!best || d.count > best.count ? d : best),
    undefined,
  );
  if (total === 0 || !busiest) return t('live-chat-reports.chart.summary-empty', { range });
  return t('live-chat-reports.chart.summary', {
    range,
    count: total,
    day: formatDay(busiest.day, locale, 'long'),
    max: formatNumber(busiest.count, locale),
  });
}

/**
 * The Live chat performance report: requests per day as a bar chart, with a data table as its
 * text alternative (shown on demand), and the other figures beside it, each with its "How is
 * this computed?" disclosure.
 */
export function renderLiveChatReport(
  report: LiveChatPerformanceReport,
  view: ReportView,
  chartTable: ChartTable,
): TemplateResult {
  const { t, locale, range } = view;
  const days = report.requestsPerDay;
  return html`<div class="performance">
    <p class="performance-title">
      <strong
        >${isolatedMessage(t, 'live-chat-reports.live-chat.title', { liveChat: view.liveChatName, range })}</strong
      >
    </p>
    <figure class="chart-block">
      <figcaption>${t('live-chat-reports.chart.title')}</figcaption>
      ${renderRequestsChart(days, {
        locale,
        label: chartSummary(days, view),
        barTitle: (day, count) =>
          t('live-chat-reports.chart.bar', { day: formatDay(day, locale, 'long'), count }),
      })}
      <button
        part="chart-table-toggle"
        class="button toggle"
        type="button"
        aria-pressed=${chartTable.shown ? 'true' : 'false'}
        @click=${chartTable.toggle}
      >
        ${t('live-chat-reports.chart.show-table')}
      </button>
      ${renderCaptionedTable(
        'table chart-table',
        t('live-chat-reports.chart.table-caption', { range }),
        [t('live-chat-reports.chart.day'), t('live-chat-reports.chart.requests')],
        days.map(
          (d) =>
            html`<tr data-day=${d.day}>
              <th scope="row">${formatDay(d.day, locale, 'long')}</th>
              <td>${formatNumber(d.count, locale)}</td>
            </tr>`,
        ),
        { className: `chart-table ${chartTable.shown ? '' : 'visually-hidden'}` },
      )}
    </figure>
    <dl part="figures" class="figures">
      ${LIVE_CHAT_FIGURES.map((f) => {
        const name = t(`live-chat-reports.figure.${f.key}`);
        return html`<div part="figure" class="figure" data-figure=${f.key}>
          <dt>${name}</dt>
          <dd>
            <span class="value">${figureText(f, report, locale)}</span>
            ${renderFormula(t, name, `live-chat-reports.formula.${f.key}`, { duration: f.duration })}
          </dd>
        </div>`;
      })}
    </dl>
    ${
      report.requestsByTag.length === 0
        ? nothing
        : renderCaptionedTable(
            'table tag-table',
            t('live-chat-reports.tags.caption', { range }),
            [t('live-chat-reports.tags.tag'), t('live-chat-reports.chart.requests')],
            report.requestsByTag.map(
              (row) =>
                html`<tr data-tag-id=${row.tagId}>
                  <th scope="row">${isolated(view.tagLabel(row.tagId))}</th>
                  <td>${formatNumber(row.requests, locale)}</td>
                </tr>`,
            ),
            { className: 'tag-table' },
          )
    }
  </div>`;
}
