import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { OperatorsPerformanceReport } from '@live-chat/core';
import { figureText, OPERATOR_COLUMNS } from './report-figures.js';
import { renderCaptionedTable } from '../shared/captioned-table.js';
import { isolatedMessage } from '../shared/untrusted-text.js';
import { clamped } from '../shared/clamped-text.js';
import { renderFormula, type ReportView } from './report-parts.js';

/**
 * The Operators' performance report: a table with one row per operator (scrolling sideways on
 * its own when narrow, in a region named by its caption that takes focus, so the keyboard can
 * scroll it), then the "How is this computed?" disclosure of every column.
 */
export function renderOperatorsReport(
  report: OperatorsPerformanceReport,
  view: ReportView,
): TemplateResult {
  const { t, locale } = view;
  const captionParams = { liveChat: view.liveChatName, range: view.range };
  const caption = t('live-chat-reports.operators.caption', captionParams);
  return html`
    <div class="table-wrap" role="region" aria-label=${caption} tabindex="0">
      ${renderCaptionedTable(
        'table operators-table',
        isolatedMessage(t, 'live-chat-reports.operators.caption', captionParams),
        [
          t('live-chat-reports.operators.operator'),
          ...OPERATOR_COLUMNS.map((c) => t(`live-chat-reports.operators.${c.key}`)),
        ],
        repeat(
          report.rows,
          (row) => row.operatorId,
          (row) =>
            html`<tr part="row" data-operator-id=${row.operatorId}>
              <th scope="row">${clamped(view.userName(row.operatorId))}</th>
              ${OPERATOR_COLUMNS.map((c) => html`<td>${figureText(c, row, locale)}</td>`)}
            </tr>`,
        ),
      )}
    </div>
    <ul class="formulas" aria-label=${t('live-chat-reports.operators.formulas')}>
      ${OPERATOR_COLUMNS.map(
        (c) =>
          html`<li>
            ${renderFormula(
              t,
              t(`live-chat-reports.operators.${c.key}`),
              `live-chat-reports.formula.operators.${c.key}`,
              { duration: c.duration, named: true },
            )}
          </li>`,
      )}
    </ul>
  `;
}
