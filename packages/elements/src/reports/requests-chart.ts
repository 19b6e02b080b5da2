import { svg, html, type TemplateResult } from 'lit';
import type { DayCount } from '@live-chat/core';
import { formatNumber } from '../shared/format.js';
import { formatDay } from './report-dates.js';

/** Geometry of the chart, in viewBox units. */
const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 36, left: 40 };
/** At most this many day labels under the axis; the others are skipped (every bar keeps its `<title>`). */
const MAX_X_LABELS = 10;

/** A round step for about four horizontal grid lines up to `max`. */
function tickStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export interface RequestsChartOptions {
  locale: string;
  /** The chart's accessible summary (`role="img"` label). */
  label: string;
  /** Text of a bar's `<title>`: the formatted day and its count. */
  barTitle: (day: string, count: number) => string;
}

/**
 * Requests per day as an SVG bar chart: one bar (`rect.bar`, with a `<title>`) per day, the
 * vertical axis in round steps, day labels with `Intl`. `role="img"` with a summary label; the
 * component renders the data table that is its full text alternative.
 */
export function renderRequestsChart(
  days: readonly DayCount[],
  options: RequestsChartOptions,
): TemplateResult {
  const { locale } = options;
  const max = days.reduce((m, d) => Math.max(m, d.count), 0);
  const step = tickStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(days.length, 1);
  const barWidth = Math.max(1, Math.min(slot * 0.7, 48));
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(days.length / MAX_X_LABELS));
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);

  return html`<svg
    part="chart"
    class="chart"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    role="img"
    aria-label=${options.label}
    preserveAspectRatio="xMidYMid meet"
  >
    ${ticks.map(
      (v) => svg`<g class="tick">
        <line part="chart-grid" class="grid" x1=${MARGIN.left} x2=${WIDTH - MARGIN.right} y1=${y(v)} y2=${y(v)}></line>
        <text class="axis-label y" x=${MARGIN.left - 6} y=${y(v)} dy="0.32em" text-anchor="end">${formatNumber(v, locale)}</text>
      </g>`,
    )}
    ${days.map((d, i) => {
      const x = MARGIN.left + slot * i + (slot - barWidth) / 2;
      const height = (d.count / top) * plotHeight;
      return svg`<rect part="chart-bar" class="bar" data-day=${d.day} data-count=${d.count}
          x=${x} y=${y(d.count)} width=${barWidth} height=${height} rx="2">
          <title>${options.barTitle(d.day, d.count)}</title>
        </rect>
        ${
          i % labelEvery === 0
            ? svg`<text class="axis-label x" x=${x + barWidth / 2} y=${HEIGHT - MARGIN.bottom + 18} text-anchor="middle">${formatDay(d.day, locale)}</text>`
            : null
        }`;
    })}
    <line class="axis" x1=${MARGIN.left} x2=${WIDTH - MARGIN.right} y1=${y(0)} y2=${y(0)}></line>
  </svg>`;
}
